import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { CellValue } from "../../../src/workbook/layout";
import { formatGenerateProblem } from "../../../src/workbook/messages/formatGenerateProblem";
import { metaSheetName } from "../../../src/workbook/metaSheet";
import type { PortHarness } from "./portHarness";
import { liuzhouSheetNames } from "../../liuzhouSheetNames";

/** What the memory host holds after generating: the reference every other host must match. */
async function referenceValues(): Promise<Map<string, CellValue[][]>> {
  const book = new MemoryWorkbook();
  await generateWorkbook(book.port, liuzhou2023Plan, { locale: "zh-CN" });
  const values = new Map<string, CellValue[][]>();
  for (const name of book.sheetNames()) {
    const sheet = book.sheet(name);
    const used = sheet?.usedRect();
    if (!sheet || !used) continue;
    values.set(
      name,
      sheet
        .valuesOf({ row: 0, col: 0, rowCount: used.row + used.rowCount, colCount: used.col + used.colCount })
        .map((row) => row.map((v) => (v === "" ? null : v))),
    );
  }
  return values;
}

/**
 * The contract every workbook host passes (memory, Office.js through the fake Excel, xlsx read back
 * from its bytes): after generating the Liuzhou plan they hold the same cells, tables, frozen
 * panes, validation, formats and print set-up, and generating again keeps what users entered.
 */
export function describeWorkbookPortContract(host: string, makeHarness: () => Promise<PortHarness>): void {
  describe(`the ${host} host, under the workbook port contract`, () => {
    let harness: PortHarness;
    let reference: Map<string, CellValue[][]>;

    beforeAll(async () => {
      reference = await referenceValues();
    });

    beforeEach(async () => {
      harness = await makeHarness();
      const outcome = await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
      expect(outcome.ok).toBe(true);
    });

    it("holds the eight plan sheets in order and the meta sheet very hidden", async () => {
      const names = await harness.sheetNames();
      expect(names.filter((n) => n !== metaSheetName)).toEqual(liuzhouSheetNames);
      expect((await harness.sheet(metaSheetName))?.visibility()).toBe("veryHidden");
      expect((await harness.sheet("附件1 任务清单"))?.visibility()).toBe("visible");
    });

    it("holds exactly the cells the memory host holds", async () => {
      for (const [name, expected] of reference) {
        const probe = await harness.sheet(name);
        expect({ name, values: probe?.values() }).toEqual({ name, values: expected });
      }
    });

    it("makes each appendix an Excel Table from its header row to its last row", async () => {
      const tasks = await harness.sheet("附件1 任务清单");
      expect(tasks?.tables()).toEqual([{ name: "WP_Tasks", ref: "A3:P56" }]);
      expect((await harness.sheet("附件2 国控断面"))?.tables()).toEqual([
        { name: "WP_NationalSections", ref: "A3:O13" },
      ]);
      expect((await harness.sheet("监测数据"))?.tables()).toEqual([{ name: "WP_Monitoring", ref: "A3:AF4" }]);
    });

    it("freezes the title, note and header rows", async () => {
      expect((await harness.sheet("附件1 任务清单"))?.freeze()).toEqual({ rows: 3, columns: 1 });
      expect((await harness.sheet("附件2 国控断面"))?.freeze()).toEqual({ rows: 3, columns: 0 });
    });

    it("puts dropdowns and date checks on entry cells only", async () => {
      const tasks = await harness.sheet("附件1 任务清单");
      expect(tasks?.validationAt("L4")).toEqual({ kind: "list", values: ["未启动", "推进中", "已完成"] });
      expect(tasks?.validationAt("L56")).toEqual({ kind: "list", values: ["未启动", "推进中", "已完成"] });
      expect(tasks?.validationAt("M10")).toEqual({ kind: "date", from: "2022-01-01", to: "2024-12-31" });
      expect(tasks?.validationAt("E4")).toBeNull();
      const sections = await harness.sheet("附件2 国控断面");
      expect(sections?.validationAt("K13")).toEqual({
        kind: "list",
        values: ["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类"],
      });
      const monitoring = await harness.sheet("监测数据");
      expect(monitoring?.validationAt("A4")).toEqual({
        kind: "listRange",
        sheet: metaSheetName,
        rect: { row: 1, col: 5, rowCount: 21, colCount: 1 },
      });
    });

    it("shows plan cells grey and entry cells yellow, with date formats on dates", async () => {
      const tasks = await harness.sheet("附件1 任务清单");
      expect(tasks?.fillAt("E4")).toBe("#EDEDED");
      expect(tasks?.fillAt("L4")).toBe("#FFF8DC");
      expect(tasks?.fillAt("O4")).toBe("#E2EFDA");
      expect(tasks?.fillAt("A3")).toBe("#1F4E79");
      expect(tasks?.boldAt("A3")).toBe(true);
      expect(tasks?.boldAt("A1")).toBe(true);
      expect(tasks?.numberFormatAt("J4")).toBe("yyyy-mm-dd");
      expect(tasks?.numberFormatAt("M56")).toBe("yyyy-mm-dd");
      expect(tasks?.columnWidth(4)).toBeCloseTo(40, 0);
      const indicators = await harness.sheet("指标填报");
      // Only targets stated as a reduction against 2020 take a base value.
      expect(indicators?.fillAt("I4")).toBe("#EDEDED");
      expect(indicators?.validationAt("I4")).toBeNull();
    });

    it("prints A4 landscape with the title and header rows on every page", async () => {
      const tasks = await harness.sheet("附件1 任务清单");
      expect(tasks?.orientation()).toBe("landscape");
      expect(tasks?.printTitleRows()).toBe("$1:$3");
      expect(tasks?.printGridlines()).toBe(true);
      const monitoring = await harness.sheet("监测数据");
      expect(monitoring?.printGridlines()).toBe(true);
      // Too wide for a page: point and date repeat on every page across.
      expect(monitoring?.printTitleColumns()).toBe("$A:$B");
      expect(tasks?.printTitleColumns()).toBeNull();
    });

    it("keeps every entered value when generating again, matched by row identity", async () => {
      await harness.enter("附件1 任务清单", "L8", "推进中"); // task 5
      await harness.enter("附件1 任务清单", "N8", "已完成 2 座污水厂提标");
      await harness.enter("附件2 国控断面", "K10", "Ⅲ类"); // 露塘
      await harness.enter("指标填报", "H4", 58.2);
      await harness.enter("监测数据", "A4", "露塘");
      await harness.enter("监测数据", "E4", "0.01L");
      await harness.enter("附件6 排查河流", "E4", 12);

      const outcome = await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
      expect(outcome).toMatchObject({ ok: true, created: [], keptEntries: 7 });

      const tasks = await harness.sheet("附件1 任务清单");
      expect(tasks?.values()[7]?.slice(0, 1)).toEqual([5]);
      expect(tasks?.values()[7]?.slice(11, 14)).toEqual(["推进中", null, "已完成 2 座污水厂提标"]);
      expect((await harness.sheet("附件2 国控断面"))?.values()[9]?.slice(5, 11)).toEqual([
        "露塘",
        109.3117,
        24.4567,
        "II 类",
        null,
        "Ⅲ类",
      ]);
      expect((await harness.sheet("指标填报"))?.values()[3]?.[7]).toBe(58.2);
      expect((await harness.sheet("监测数据"))?.values()[3]?.slice(0, 5)).toEqual([
        "露塘",
        null,
        null,
        null,
        "0.01L",
      ]);
      expect((await harness.sheet("附件6 排查河流"))?.values()[3]?.[4]).toBe(12);
    });

    it("keeps a user's notes at their cells when generating again, as Excel does", async () => {
      await harness.enterNote("附件1 任务清单", "N8", "张三：进展待核实"); // task 5's 进展情况
      await harness.enterNote("附件2 国控断面", "B5", "断面坐标已复核");
      await harness.enterNote("监测数据", "E4", "实验室编号 2023-051");
      expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
      expect((await harness.sheet("附件1 任务清单"))?.noteAt("N8")).toBe("张三：进展待核实");
      expect((await harness.sheet("附件2 国控断面"))?.noteAt("B5")).toBe("断面坐标已复核");
      expect((await harness.sheet("监测数据"))?.noteAt("E4")).toBe("实验室编号 2023-051");
    });

    it("restores a plan cell a user typed over and reports what it held", async () => {
      await harness.enter("附件1 任务清单", "F8", "市住建局（已改）"); // task 5's lead units
      await harness.enter("附件2 国控断面", "J5", "张工备注"); // 大洲's 备注, blank in the plan
      const outcome = await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
      expect(outcome.ok && outcome.overwritten).toEqual([
        { sheet: "附件1 任务清单", cell: "F8", old: "市住建局（已改）", plan: "市住房城乡建设局" },
        { sheet: "附件2 国控断面", cell: "J5", old: "张工备注", plan: "" },
      ]);
      expect((await harness.sheet("附件1 任务清单"))?.values()[7]?.[5]).toBe("市住房城乡建设局");
      // Generating again without changes restores nothing.
      const again = await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
      expect(again.ok && again.overwritten).toEqual([]);
    });

    it("keeps a user's cells outside the tables at their addresses when generating again", async () => {
      // Beside a table, below it after a gap, and far away; text, a number and a formula.
      await harness.enter("附件6 排查河流", "M4", "张工：柳江待复核"); // beside A3:H12
      await harness.enter("附件6 排查河流", "B15", "以上数据截至 6 月"); // below, after blank rows
      await harness.enter("附件6 排查河流", "Z40", 42); // far away
      await harness.enter("附件2 国控断面", "R20", "=2*3");
      await harness.enter("指标填报", "AB7", "备查");
      await harness.enter("监测数据", "AO3", "外部编号"); // right of the header, not adjacent
      const outcome = await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
      expect(outcome.ok).toBe(true);

      const rivers = await harness.sheet("附件6 排查河流");
      expect(rivers?.tables()).toEqual([{ name: "WP_OutfallRivers", ref: "A3:H12" }]);
      expect(rivers?.values()[3]?.[12]).toBe("张工：柳江待复核");
      expect(rivers?.values()[3]?.slice(8, 12)).toEqual([null, null, null, null]);
      expect(rivers?.values()[14]?.[1]).toBe("以上数据截至 6 月");
      expect(rivers?.values()[39]?.[25]).toBe(42);
      expect(rivers?.values()[2]?.slice(8)).toEqual(new Array<null>(18).fill(null));
      const sections = await harness.sheet("附件2 国控断面");
      expect(sections?.formulaAt("R20")).toBe("=2*3");
      expect((await harness.sheet("指标填报"))?.values()[6]?.[27]).toBe("备查");
      expect((await harness.sheet("监测数据"))?.values()[2]?.[40]).toBe("外部编号");

      // Once more: still there, nothing moved into a table.
      expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "en-US" })).ok).toBe(true);
      const again = await harness.sheet("附件6 排查河流");
      expect(again?.values()[3]?.[12]).toBe("张工：柳江待复核");
      expect(again?.values()[14]?.[1]).toBe("以上数据截至 6 月");
      expect(again?.values()[39]?.[25]).toBe(42);
      expect(again?.tables()).toEqual([{ name: "WP_OutfallRivers", ref: "A3:H12" }]);
    });

    it("stops, naming the cell in both languages, when a user's cell outside a table lies where the table grows", async () => {
      await harness.enter("附件6 排查河流", "B14", "以上数据截至 6 月"); // below 附件6's A3:H12, after a gap
      await harness.enter("附件6 排查河流", "M4", "张工：柳江待复核");
      // Next year's plan surveys two more rivers: the table grows over rows 13 and 14.
      const [first, ...rest] = liuzhou2023Plan.outfallSurvey;
      if (first === undefined) throw new Error("no survey");
      const grown = {
        ...liuzhou2023Plan,
        outfallSurvey: [{ ...first, rivers: [...first.rivers, "新河一", "新河二"] }, ...rest],
      };
      const outcome = await generateWorkbook(harness.port, grown, { locale: "zh-CN" });
      expect(outcome).toEqual({
        ok: false,
        problems: [
          {
            code: "cell_in_the_way",
            sheet: "附件6 排查河流",
            cell: "B14",
            value: "以上数据截至 6 月",
            count: 1,
          },
        ],
      });
      const problem = outcome.ok ? undefined : outcome.problems[0];
      if (problem === undefined) throw new Error("no problem");
      expect(formatGenerateProblem(problem, "zh-CN")).toBe(
        "工作表“附件6 排查河流”的单元格 B14（内容“以上数据截至 6 月”）在表格以外，但重新生成的表格要写到那里；为免覆盖，未作任何改动。请把它移到别处或删除后重试。",
      );
      expect(formatGenerateProblem(problem, "en-US")).toBe(
        'The sheet "附件6 排查河流" has a cell outside its table at B14 (holding "以上数据截至 6 月") where the table generated again would be written; nothing was changed so that it is not overwritten. Move it elsewhere or delete it, then generate again.',
      );
      // Nothing was written: the table and both cells are as they were.
      const rivers = await harness.sheet("附件6 排查河流");
      expect(rivers?.tables()).toEqual([{ name: "WP_OutfallRivers", ref: "A3:H12" }]);
      expect(rivers?.values()[13]?.[1]).toBe("以上数据截至 6 月");
      expect(rivers?.values()[3]?.[12]).toBe("张工：柳江待复核");

      // Moved out of the way, the cell is kept and the table grows.
      await harness.enter("附件6 排查河流", "B14", null);
      await harness.enter("附件6 排查河流", "B16", "以上数据截至 6 月");
      expect((await generateWorkbook(harness.port, grown, { locale: "en-US" })).ok).toBe(true);
      const after = await harness.sheet("附件6 排查河流");
      expect(after?.tables()).toEqual([{ name: "WP_OutfallRivers", ref: "A3:H14" }]);
      expect(after?.values()[13]?.slice(0, 3)).toEqual([11, "珠江流域河流", "新河二"]);
      expect(after?.values()[15]?.[1]).toBe("以上数据截至 6 月");
      expect(after?.values()[3]?.[12]).toBe("张工：柳江待复核");
    });

    it("leaves a sheet the user added alone and refuses a plan sheet's name it did not make", async () => {
      await harness.addSheet("我的台账");
      await harness.enter("我的台账", "B2", "自己的数据");
      expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
      expect((await harness.sheet("我的台账"))?.values()).toEqual([
        [null, null],
        [null, "自己的数据"],
      ]);

      const fresh = await makeHarness();
      await fresh.addSheet("附件2 国控断面");
      await fresh.enter("附件2 国控断面", "A1", "别人的表");
      const outcome = await generateWorkbook(fresh.port, liuzhou2023Plan, { locale: "zh-CN" });
      expect(outcome).toEqual({
        ok: false,
        problems: [{ code: "sheet_name_taken", sheet: "附件2 国控断面" }],
      });
      expect(await fresh.sheetNames()).toEqual(["附件2 国控断面"]);
      expect((await fresh.sheet("附件2 国控断面"))?.values()).toEqual([["别人的表"]]);
    });
  });
}
