import { liuzhou2023Plan } from "../../src/core/plan/builtinPlans";
import type { Plan } from "../../src/core/plan/planSchema";
import { MemoryWorkbook, type MemorySheet } from "../../src/hosts/memory/memoryWorkbook";
import { serialToIsoDate } from "../../src/core/excelDate";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { CellValue } from "../../src/workbook/layout";
import { formatGenerateProblem } from "../../src/workbook/messages/formatGenerateProblem";
import { metaSheetName } from "../../src/workbook/metaSheet";
import { tableRows } from "../core/plan/sourceText";
import { parseA1 } from "../hosts/memory/memoryHarness";
import { liuzhouSheetNames } from "../liuzhouSheetNames";

const plan = liuzhou2023Plan;

async function generated(locale: "zh-CN" | "en-US" = "zh-CN"): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  const outcome = await generateWorkbook(book.port, plan, { locale });
  expect(outcome.ok).toBe(true);
  return book;
}

function sheetOf(book: MemoryWorkbook, name: string): MemorySheet {
  const sheet = book.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The sheet's rows from the header row down, as the user reads them (numbers in their number format). */
function displayedRows(sheet: MemorySheet): string[][] {
  const used = sheet.usedRect();
  if (!used) return [];
  return sheet
    .valuesOf({ row: 2, col: 0, rowCount: used.rowCount - 2, colCount: used.colCount })
    .map((row, r) =>
      row.map((value: CellValue, c) => {
        const format = sheet.formatAt(r + 2, c, "numberFormat");
        if (typeof value === "number" && format === "yyyy-mm-dd") return serialToIsoDate(value);
        if (typeof value === "number" && format?.startsWith("0.")) return value.toFixed(format.length - 2);
        return value === null ? "" : String(value);
      }),
    );
}

function enter(book: MemoryWorkbook, name: string, a1: string, value: CellValue): void {
  sheetOf(book, name).set(...parseA1(a1), value);
}

describe("generating the Liuzhou 2023 plan", () => {
  it("writes the six appendices and the two entry sheets, plus its hidden meta sheet", async () => {
    const book = await generated();
    expect(book.sheetNames()).toEqual([...liuzhouSheetNames, metaSheetName]);
    expect(book.activeSheet).toBe("附件1 任务清单");
  });

  it("holds every row and column of 附件2–5 exactly as the source prints them", async () => {
    const book = await generated();
    const cases: [string, string, string | null][] = [
      ["附件2 国控断面", "国控断面水质目标表", "附件 3"],
      ["附件3 区控断面", "区控断面水质目标表", "附件 4"],
      ["附件4 市级水源", "市级集中式饮用水水源考核表", "附件 5"],
      ["附件5 县级水源", "县级集中式饮用水水源考核表", "附件 6"],
    ];
    for (const [sheet, title, next] of cases) {
      const source = tableRows(title, next);
      const shown = displayedRows(sheetOf(book, sheet)).map((row) => row.slice(0, source[0]?.length));
      // The source's trailing empty 备注 cells are dropped by the text extraction; compare padded rows.
      const padded = source.map((row) => [
        ...row,
        ...new Array<string>((source[0]?.length ?? 0) - row.length).fill(""),
      ]);
      expect({ sheet, rows: shown }).toEqual({ sheet, rows: padded });
    }
  });

  it("holds all 53 tasks with every printed column, 主要任务 filled down", async () => {
    const book = await generated();
    const shown = displayedRows(sheetOf(book, "附件1 任务清单"));
    expect(shown[0]).toEqual([
      "序号",
      "类别",
      "分项",
      "主要任务",
      "任务内容",
      "牵头单位",
      "配合单位",
      "责任单位",
      "完成时限",
      "截止日期",
      "阶段时限",
      "完成状态",
      "完成日期",
      "进展情况",
      "逾期情况",
      "阶段完成日期",
    ]);
    const sourceTasks = tableRows("2023 年重点工作任务清单", "附件 2").filter((row) =>
      /^\d+$/.test(row[0] ?? ""),
    );
    expect(sourceTasks).toHaveLength(53);
    let mainTask = "";
    sourceTasks.forEach((source, index) => {
      const row = shown[index + 1] ?? [];
      mainTask = source[1] === "" ? mainTask : (source[1] ?? "");
      expect([row[0], row[3], row[4], row[5], row[6], row[7], row[8]]).toEqual([
        source[0],
        mainTask,
        source[2],
        source[3],
        source[4],
        source[5] ?? "",
        source[6],
      ]);
    });
    expect(shown[1]?.slice(1, 3)).toEqual(["一、巩固深化水污染治理", "（一）工业污染防治"]);
    expect(shown[20]?.[9]).toBe("2023-11-30"); // task 20: 11月底前
    // Task 44: 20 working days after publication, no date until the publication date is set.
    expect(shown[44]?.[9]).toBe("待设置公布日期");
    expect(shown[53]?.[9]).toBe("2023-12-20");
    expect(shown[53]?.[10]).toBe("2023-07-01 报送水污染防治半年工作总结");
  });

  it("dates task 44 once the publication date is set, and keeps the setting in the workbook", async () => {
    const book = new MemoryWorkbook();
    await generateWorkbook(book.port, plan, { locale: "zh-CN", publishedOn: "2023-04-10" });
    expect(displayedRows(sheetOf(book, "附件1 任务清单"))[44]?.[9]).toBe("2023-05-09");
    // Generating again without the option keeps the stored date.
    await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(displayedRows(sheetOf(book, "附件1 任务清单"))[44]?.[9]).toBe("2023-05-09");
  });

  it("lists the nine rivers of 附件6 one per row, and every numeric target in 指标填报", async () => {
    const book = await generated();
    const rivers = displayedRows(sheetOf(book, "附件6 排查河流"))
      .slice(1)
      .map((row) => row[2]);
    expect(rivers).toEqual([
      "柳江",
      "融江",
      "贝江",
      "浪溪江",
      "洛清江",
      "古宜河（寻江）",
      "龙江",
      "石榴河",
      "中渡河",
    ]);
    const indicators = displayedRows(sheetOf(book, "指标填报"));
    expect(indicators).toHaveLength(1 + plan.targets.length);
    expect(indicators.find((row) => row[1] === "用水总量")?.slice(0, 6)).toEqual([
      "27",
      "用水总量",
      "全市用水总量控制在22.6亿立方米以内",
      "≤",
      "22.6",
      "亿立方米",
    ]);
    expect(indicators.find((row) => row[1] === "万元地区生产总值用水量")?.slice(3, 6)).toEqual([
      "降幅≥（较2020年）",
      "6.4",
      "%",
    ]);
  });

  it("heads the monitoring sheet with the standard's Chinese names, units after them", async () => {
    const book = await generated();
    const header = displayedRows(sheetOf(book, "监测数据"))[0] ?? [];
    expect(header.slice(0, 2)).toEqual(["点位名称", "采样日期"]);
    expect(header).toHaveLength(2 + 29 + 1);
    for (const name of [
      "溶解氧",
      "高锰酸盐指数",
      "氨氮",
      "总磷",
      "总氮",
      "粪大肠菌群",
      "水温",
      "硫酸盐",
      "锰",
    ]) {
      expect(header.some((h) => h.startsWith(name))).toBe(true);
    }
    expect(header).toContain("溶解氧（mg/L）");
  });

  it("speaks English with --lang en, the plan's own wording kept in the cells", async () => {
    const book = await generated("en-US");
    expect(book.sheetNames()[0]).toBe("A1 Tasks");
    const shown = displayedRows(sheetOf(book, "A1 Tasks"));
    expect(shown[0]?.slice(0, 5)).toEqual(["No.", "Part", "Area", "Main task", "Task content"]);
    expect(shown[1]?.[4]).toContain("全面排查");
    const water = displayedRows(sheetOf(book, "Indicators")).find((row) => row[1] === "Total water use");
    expect(water?.slice(3, 6)).toEqual(["≤", "22.6", "100 million m³"]);
    expect(sheetOf(book, "A1 Tasks").validationAt(3, 11)?.rule).toEqual({
      kind: "list",
      values: ["Not started", "In progress", "Done"],
    });
  });
});

describe("generating again", () => {
  it("keeps entries with their task after the user sorted the table", async () => {
    const book = await generated();
    const tasks = sheetOf(book, "附件1 任务清单");
    // The user sorts descending by 序号: task 53 now sits on row 4, task 1 on row 56.
    const rows = tasks.valuesOf({ row: 3, col: 0, rowCount: 53, colCount: 15 }).reverse();
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        tasks.set(3 + r, c, value);
      });
    });
    enter(book, "附件1 任务清单", "L4", "已完成"); // task 53
    enter(book, "附件1 任务清单", "M4", 45274); // 2023-12-14
    enter(book, "附件1 任务清单", "L56", "推进中"); // task 1

    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: true, keptEntries: 3 });
    const shown = displayedRows(sheetOf(book, "附件1 任务清单"));
    expect([shown[1]?.[0], shown[1]?.[11]]).toEqual(["1", "推进中"]);
    expect([shown[53]?.[0], shown[53]?.[11], shown[53]?.[12]]).toEqual(["53", "已完成", "2023-12-14"]);
  });

  it("keeps a column the user added to a plan sheet, and values typed beside the table where they are", async () => {
    const book = await generated();
    enter(book, "附件2 国控断面", "P3", "联系人"); // a header right beside the table: Excel takes the column in
    enter(book, "附件2 国控断面", "P5", "张工");
    enter(book, "附件2 国控断面", "R6", "表格旁的备注"); // under no header, after a gap: outside the table
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: true, keptEntries: 2 });
    const shown = displayedRows(sheetOf(book, "附件2 国控断面"));
    expect(shown[0]?.slice(10)).toEqual([
      "实测水质类别",
      "计算水质类别",
      "超标因子（倍数）",
      "样品数",
      "是否达标",
      "联系人",
      "",
      "",
    ]);
    expect([shown[2]?.[5], shown[2]?.[15]]).toEqual(["大洲", "张工"]);
    expect(shown[3]?.[17]).toBe("表格旁的备注");
    expect(sheetOf(book, "附件2 国控断面").layout?.tables[0]?.rect.colCount).toBe(16);
  });

  it("keeps a row the plan no longer has when it holds entries, and marks it", async () => {
    const book = await generated();
    enter(book, "附件4 市级水源", "I5", "Ⅱ类"); // 城中水厂
    const smaller: Plan = {
      ...plan,
      municipalSources: plan.municipalSources.filter((s) => s.name !== "城中水厂"),
    };
    const outcome = await generateWorkbook(book.port, smaller, { locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: true });
    const sheet = sheetOf(book, "附件4 市级水源");
    const shown = displayedRows(sheet);
    expect(shown).toHaveLength(1 + 4);
    expect(shown[4]?.[2]).toBe("城中水厂");
    expect(shown[4]?.[8]).toBe("Ⅱ类");
    expect(sheet.formatAt(6, 2, "fill")).toBe("#FCE4D6");
  });

  it("keeps what a user typed below a plan table, and rows the plan no longer has", async () => {
    const book = await generated();
    enter(book, "附件4 市级水源", "C8", "拟新增：柳北水厂"); // right below the table: Excel grows it over the row
    enter(book, "附件4 市级水源", "C10", "以上为 2023 年名单"); // after a gap: outside the table, kept there
    const smaller: Plan = { ...plan, municipalSources: plan.municipalSources.slice(0, 3) };
    const outcome = await generateWorkbook(book.port, smaller, { locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: true });
    const sheet = sheetOf(book, "附件4 市级水源");
    const names = displayedRows(sheet).map((row) => row[2]);
    expect(names).toEqual([
      "水源地名称",
      "柳西水厂(原河西水厂)",
      "城中水厂",
      "柳东水厂",
      "柳南水厂",
      "拟新增：柳北水厂",
      "",
      "以上为 2023 年名单",
    ]);
    expect(sheet.layout?.tables[0]?.rect).toMatchObject({ row: 2, rowCount: 6 });
  });

  it("keeps the entries of rows validation cannot match: a blank 序号, an unknown one, a repeated one", async () => {
    const book = await generated();
    const tasks = "附件1 任务清单";
    enter(book, tasks, "L57", "推进中"); // below the table, no 序号
    enter(book, tasks, "N57", "第二行的进展");
    enter(book, tasks, "A58", 54); // a task the plan does not have
    enter(book, tasks, "L58", "已完成");
    enter(book, tasks, "A59", 5); // task 5 again
    enter(book, tasks, "N59", "任务5的另一行");
    enter(book, tasks, "L8", "未启动"); // task 5's own row
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: true, keptEntries: 7 });
    const rows = displayedRows(sheetOf(book, tasks));
    expect(rows[5]?.[11]).toBe("未启动");
    // The rows the plan does not have follow its 53 tasks, in their order, with every value.
    expect(rows.slice(54).map((r) => [r[0], r[11], r[13]])).toEqual([
      ["", "推进中", "第二行的进展"],
      ["54", "已完成", ""],
      ["5", "", "任务5的另一行"],
    ]);
  });

  it("recreates a plan sheet the user deleted and leaves the others' entries", async () => {
    const book = await generated();
    enter(book, "附件3 区控断面", "L4", "Ⅱ类");
    book.removeSheet("附件6 排查河流");
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: true, created: ["附件6 排查河流"], keptEntries: 1 });
    expect(book.sheetNames()).toContain("附件6 排查河流");
    expect(sheetOf(book, "附件3 区控断面").get(3, 11)).toBe("Ⅱ类");
  });

  it("keeps the sheets' names, and their entries, when generated again in the other language", async () => {
    const book = await generated("zh-CN");
    enter(book, "附件1 任务清单", "L4", "推进中");
    enter(book, "指标填报", "H4", 58.2); // the indicator's name changes language, its row must not
    const outcome = await generateWorkbook(book.port, plan, { locale: "en-US" });
    expect(outcome).toMatchObject({ ok: true, created: [], keptEntries: 2 });
    const indicators = displayedRows(sheetOf(book, "指标填报"));
    expect(indicators).toHaveLength(1 + plan.targets.length);
    expect(indicators[1]?.[7]).toBe("58.2");
    expect(book.sheetNames()).not.toContain("A1 Tasks");
    const shown = displayedRows(sheetOf(book, "附件1 任务清单"));
    expect([shown[0]?.[11], shown[1]?.[11]]).toEqual(["Status", "In progress"]);
  });

  it("keeps 10,000 monitoring rows in order, column by column", async () => {
    const book = await generated();
    const monitoring = sheetOf(book, "监测数据");
    for (let r = 0; r < 10_000; r += 1) {
      monitoring.set(3 + r, 0, r % 2 === 0 ? "露塘" : "浮石");
      monitoring.set(3 + r, 1, 44927 + (r % 365));
      monitoring.set(3 + r, 4, 6 + (r % 30) / 10);
      monitoring.set(3 + r, 8, r % 7 === 0 ? "0.025L" : 0.1 + (r % 9) / 100);
    }
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: true, keptEntries: 40_000 });
    expect(book.calls).toEqual({ read: 2, write: 2 });
    expect(monitoring.get(3 + 9_999, 0)).toBe("浮石");
    expect(monitoring.get(3 + 7, 8)).toBe("0.025L");
    expect(monitoring.layout?.tables[0]?.rect.rowCount).toBe(10_001);
  });

  it("refuses to overwrite a sheet the user made under the name of a plan sheet they deleted", async () => {
    const book = await generated();
    book.removeSheet("附件1 任务清单");
    book.addSheet("附件1 任务清单").set(10, 3, 12345);
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toEqual({ ok: false, problems: [{ code: "sheet_name_taken", sheet: "附件1 任务清单" }] });
    expect(sheetOf(book, "附件1 任务清单").get(10, 3)).toBe(12345);
  });

  it("finds its sheets whatever their case, and without its meta sheet", async () => {
    const book = await generated("en-US");
    enter(book, "A1 Tasks", "L4", "Done");
    book.renameSheet("A1 Tasks", "A1 TASKS");
    book.removeSheet(metaSheetName);
    const outcome = await generateWorkbook(book.port, plan, { locale: "en-US" });
    expect(outcome).toMatchObject({ ok: true, created: [], keptEntries: 1 });
    expect(book.sheetNames()).toContain("A1 TASKS");
    expect(book.sheetNames()).toContain(metaSheetName);
    expect(sheetOf(book, "A1 TASKS").get(3, 11)).toBe("Done");
  });

  it("stops, naming the sheet, when a plan sheet was renamed (its table would clash)", async () => {
    const book = await generated();
    enter(book, "附件1 任务清单", "L4", "推进中");
    book.renameSheet("附件1 任务清单", "我的任务表");
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toEqual({
      ok: false,
      problems: [{ code: "plan_sheet_renamed", sheet: "附件1 任务清单", table: "WP_Tasks" }],
    });
    expect(sheetOf(book, "我的任务表").get(3, 11)).toBe("推进中");
    expect(formatGenerateProblem(outcome.ok ? [][0]! : outcome.problems[0]!, "zh-CN")).toContain(
      "改回“附件1 任务清单”",
    );
  });

  it("keeps what the user typed beside the title and note", async () => {
    const book = await generated();
    enter(book, "附件2 国控断面", "I2", "填报人：张三");
    enter(book, "附件2 国控断面", "P1", "2023年6月版");
    await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    const sheet = sheetOf(book, "附件2 国控断面");
    expect([sheet.get(1, 8), sheet.get(0, 15)]).toEqual(["填报人：张三", "2023年6月版"]);
    expect(sheet.get(0, 0)).toBe("附件 2\u3000国控断面水质目标表");
    expect(sheet.layout?.tables[0]?.rect.colCount).toBe(15);
  });

  it("writes dropdown entries in the sheet's new language, so they still pass validation", async () => {
    const book = await generated();
    enter(book, "附件1 任务清单", "L4", "推进中");
    enter(book, "附件2 国控断面", "K4", "Ⅱ类");
    enter(book, "附件6 排查河流", "D4", "是");
    await generateWorkbook(book.port, plan, { locale: "en-US" });
    expect(sheetOf(book, "附件1 任务清单").get(3, 11)).toBe("In progress");
    expect(sheetOf(book, "附件2 国控断面").get(3, 10)).toBe("Class II");
    expect(sheetOf(book, "附件6 排查河流").get(3, 3)).toBe("Yes");
    await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(sheetOf(book, "附件1 任务清单").get(3, 11)).toBe("推进中");
  });

  it("writes nothing when a sheet of a plan sheet's name was made by someone else", async () => {
    const book = new MemoryWorkbook();
    book.addSheet("监测数据").set(0, 0, "手工台账");
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toEqual({ ok: false, problems: [{ code: "sheet_name_taken", sheet: "监测数据" }] });
    expect(book.sheetNames()).toEqual(["监测数据"]);
    expect(book.calls.write).toBe(0);
  });
});
