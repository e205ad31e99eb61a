import type { Workbook } from "exceljs";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { XlsxStreamReader } from "../../../src/hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import {
  checkReturn,
  mergeReturns,
  returnSheetNames,
  type MergeOutcome,
  type ReturnedWorkbook,
} from "../../../src/workbook/exchange/mergeReturns";
import type { CellValue } from "../../../src/workbook/layout";
import { metaSheetName } from "../../../src/workbook/metaSheet";
import { readSheet, type ReadSheet } from "../../../src/workbook/readSheet";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import { workbookSpec } from "../../../src/workbook/workbookSpec";
import { cityBook, edited, returned, typeRow, typeSamples, typeTask, unitReturn } from "./returnedBooks";

// Each case generates, edits and reads whole workbooks: more than Jest's default five seconds.
jest.setTimeout(120_000);

type Merged = Extract<MergeOutcome, { ok: true }>;

async function merge(
  city: Uint8Array,
  returns: readonly ReturnedWorkbook[],
): Promise<{ outcome: Merged; bytes: Uint8Array }> {
  const book = await XlsxWorkbook.fromBuffer(city);
  const outcome = await mergeReturns(book.port, plan, returns);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return { outcome, bytes: new Uint8Array(await book.toBuffer()) };
}

/** The sheets of a workbook read back as merge reads them. */
async function sheetsOf(bytes: Uint8Array): Promise<Map<string, ReadSheet>> {
  const snapshot = await XlsxStreamReader.fromBuffer(bytes).port.read(returnSheetNames(plan));
  const sheets = new Map<string, ReadSheet>();
  for (const spec of workbookSpec(plan)) {
    const sheet = snapshot.sheets.get(spec.name["zh-CN"]) ?? snapshot.sheets.get(spec.name["en-US"]);
    const read = sheet ? readSheet(spec, sheet, String) : null;
    if (read) sheets.set(spec.key, read);
  }
  return sheets;
}

async function entry(bytes: Uint8Array, sheet: string, identity: string, key: string): Promise<CellValue> {
  const read = (await sheetsOf(bytes)).get(sheet);
  return read?.rows.find((r) => r.identity === identity)?.values.get(key) ?? "";
}

const liujiang = (type: (book: Workbook) => void): Promise<Uint8Array> => unitReturn("柳江区", type);
const yufeng = (type: (book: Workbook) => void): Promise<Uint8Array> => unitReturn("鱼峰区", type);

describe("mergeReturns", () => {
  it("fills the city's empty entry cells from a return, labels its progress text with the unit, and a second merge of it changes nothing", async () => {
    const city = await cityBook();
    const back = await liujiang((book) => {
      typeTask(book, 5, "完成状态", "推进中");
      typeTask(book, 5, "进展情况", "已完成管网排查 12 公里");
      typeRow(book, "附件2 国控断面", "断面名称", "露塘", "实测水质类别", "Ⅱ类");
    });
    const { outcome, bytes } = await merge(city, [await returned("liujiang.xlsx", back)]);
    expect(outcome.returns).toEqual([{ label: "柳江区", file: "liujiang.xlsx", refusal: null }]);
    expect(outcome.counts).toMatchObject({
      returnsRead: 1,
      refused: 0,
      cellsFilled: 2,
      textsJoined: 1,
      conflicts: 0,
    });
    expect(await entry(bytes, "tasks", "5", "status")).toBe("推进中");
    expect(await entry(bytes, "tasks", "5", "progress")).toBe("【柳江区】已完成管网排查 12 公里");
    expect(await entry(bytes, "nationalSections", "露塘", "measuredClass")).toBe("Ⅱ类");

    const again = await merge(bytes, [await returned("liujiang.xlsx", back)]);
    expect(again.outcome.counts).toMatchObject({
      cellsFilled: 0,
      textsJoined: 0,
      monitoringAdded: 0,
      conflicts: 0,
    });
    expect(again.outcome.written).toBe(false);
  });

  it("keeps the city's value where a return differs and lists both, with the return's name", async () => {
    const city = await edited(await cityBook(), (book) => {
      typeTask(book, 7, "完成状态", "推进中");
    });
    const back = await liujiang((book) => {
      typeTask(book, 7, "完成状态", "已完成");
    });
    const { outcome, bytes } = await merge(city, [await returned("liujiang.xlsx", back)]);
    expect(outcome.conflicts).toEqual([
      expect.objectContaining({
        kind: "differs_from_book",
        sheet: "附件1 任务清单",
        row: "7",
        column: "完成状态",
        book: "推进中",
        values: [{ from: { label: "柳江区", file: "liujiang.xlsx" }, value: "已完成" }],
      }),
    ]);
    expect(outcome.conflicts[0]?.cell).toMatch(/^[A-Z]+\d+$/u);
    expect(await entry(bytes, "tasks", "7", "status")).toBe("推进中");
  });

  it("keeps a value the city holds that a return has empty, and lists it: on a plan sheet and in 监测数据", async () => {
    const withSample = (book: Workbook): void => {
      typeSamples(book, [{ point: "露塘", date: "2023-05-01", values: { ph: 7.4, nh3n: 0.21 } }]);
    };
    const city = await edited(await cityBook(), (book) => {
      typeTask(book, 7, "完成状态", "推进中");
      withSample(book);
    });
    // 柳江区 sends back the city's form with task 7's status and the sample's 氨氮 emptied.
    const back = await unitReturn(
      "柳江区",
      (book) => {
        typeTask(book, 7, "完成状态", null);
        typeTask(book, 5, "完成状态", "已完成");
      },
      await edited(await cityBook(), (book) => {
        typeSamples(book, [{ point: "露塘", date: "2023-05-01", values: { ph: 7.4 } }]);
      }),
    );
    const { outcome, bytes } = await merge(city, [await returned("liujiang.xlsx", back)]);
    const from = { label: "柳江区", file: "liujiang.xlsx" };
    expect(outcome.cleared).toEqual([
      expect.objectContaining({
        sheet: "附件1 任务清单",
        row: "7",
        column: "完成状态",
        book: "推进中",
        from,
      }),
      expect.objectContaining({ sheet: "监测数据", row: "露塘 2023-05-01", book: 0.21, from }),
    ]);
    expect(outcome.cleared.map((c) => c.cell)).toEqual([
      expect.stringMatching(/^[A-Z]+\d+$/u),
      expect.stringMatching(/^[A-Z]+\d+$/u),
    ]);
    expect(outcome.counts).toMatchObject({ cleared: 2, cellsFilled: 1, conflicts: 0 });
    expect(await entry(bytes, "tasks", "7", "status")).toBe("推进中");
    expect(await entry(bytes, "tasks", "5", "status")).toBe("已完成");
    const sample = (await sheetsOf(bytes))
      .get("monitoring")
      ?.rows.find((r) => r.values.get("point") === "露塘");
    expect(sample?.values.get("param:nh3n")).toBe(0.21);
    // A sheet or column the return lacks clears nothing.
    const partial = await unitReturn("柳江区", (book) => {
      book.removeWorksheet(book.getWorksheet("监测数据")?.id ?? 0);
    });
    const none = await merge(city, [await returned("partial.xlsx", partial)]);
    expect(none.outcome.cleared.filter((c) => c.sheet === "监测数据")).toEqual([]);
  });

  it("takes what units typed in the city's own columns, by header, and lists a column the city lacks", async () => {
    // The city added a column of its own to 附件1 (split sends it to the units, unlocked).
    const withColumn =
      (header: string, col: number) =>
      (book: Workbook): void => {
        const sheet = book.getWorksheet("附件1 任务清单");
        if (sheet === undefined) throw new Error("no task sheet");
        sheet.getCell(3, col).value = header;
      };
    const base = await cityBook();
    const width = (await sheetsOf(base)).get("tasks")?.columns.size ?? 0;
    const city = await edited(base, withColumn("市局备注", width + 1));
    const back = await unitReturn(
      "柳江区",
      (book) => {
        withColumn("区里自加列", width + 2)(book);
        const sheet = book.getWorksheet("附件1 任务清单");
        if (sheet === undefined) throw new Error("no task sheet");
        // Row 8 is task 5's (title, note, header, then tasks 1…).
        sheet.getCell(8, width + 1).value = "区里的备注";
        sheet.getCell(8, width + 2).value = "自加列的话";
      },
      city,
    );
    const { outcome, bytes } = await merge(city, [await returned("liujiang.xlsx", back)]);
    const tasks = (await sheetsOf(bytes)).get("tasks");
    expect(tasks?.rows.find((r) => r.identity === "5")?.extras.get("市局备注")).toBe("区里的备注");
    expect(outcome.filled).toEqual([
      expect.objectContaining({ row: "5", column: "市局备注", value: "区里的备注" }),
    ]);
    expect(outcome.conflicts).toEqual([
      expect.objectContaining({
        kind: "not_in_book",
        row: "5",
        column: "区里自加列",
        values: [{ from: { label: "柳江区", file: "liujiang.xlsx" }, value: "自加列的话" }],
      }),
    ]);
  });

  it("writes nothing where two returns fill an empty cell differently, and lists every value", async () => {
    const city = await cityBook();
    const a = await liujiang((book) => {
      typeRow(book, "附件2 国控断面", "断面名称", "露塘", "实测水质类别", "Ⅱ类");
    });
    const b = await yufeng((book) => {
      typeRow(book, "附件2 国控断面", "断面名称", "露塘", "实测水质类别", "Ⅲ类");
    });
    const { outcome, bytes } = await merge(city, [await returned("a.xlsx", a), await returned("b.xlsx", b)]);
    expect(outcome.counts.cellsFilled).toBe(0);
    expect(outcome.conflicts).toEqual([
      expect.objectContaining({
        kind: "returns_disagree",
        row: "露塘",
        book: "",
        values: [
          { from: { label: "柳江区", file: "a.xlsx" }, value: "Ⅱ类" },
          { from: { label: "鱼峰区", file: "b.xlsx" }, value: "Ⅲ类" },
        ],
      }),
    ]);
    expect(await entry(bytes, "nationalSections", "露塘", "measuredClass")).toBe("");
  });

  it("takes the same choice made in English as agreeing, and writes it in the city's language", async () => {
    const city = await cityBook();
    const a = await liujiang((book) => {
      typeTask(book, 9, "完成状态", "已完成");
    });
    const b = await yufeng((book) => {
      typeTask(book, 9, "完成状态", "Done");
    });
    const { outcome, bytes } = await merge(city, [await returned("a.xlsx", a), await returned("b.xlsx", b)]);
    expect(outcome.conflicts).toEqual([]);
    expect(await entry(bytes, "tasks", "9", "status")).toBe("已完成");
  });

  it("joins the progress texts of several units for one task, each under its unit, and not twice", async () => {
    const city = await cityBook();
    const a = await liujiang((book) => {
      typeTask(book, 12, "进展情况", "已排查 3 处");
    });
    const b = await yufeng((book) => {
      typeTask(book, 12, "进展情况", "整治中");
    });
    const first = await merge(city, [await returned("a.xlsx", a), await returned("b.xlsx", b)]);
    expect(first.outcome.counts.textsJoined).toBe(2);
    expect(await entry(first.bytes, "tasks", "12", "progress")).toBe(
      "【柳江区】已排查 3 处；【鱼峰区】整治中",
    );
    const again = await merge(first.bytes, [await returned("b.xlsx", b), await returned("a.xlsx", a)]);
    expect(again.outcome.counts.textsJoined).toBe(0);
    expect(await entry(again.bytes, "tasks", "12", "progress")).toBe(
      "【柳江区】已排查 3 处；【鱼峰区】整治中",
    );
  });

  it("keeps the city's own progress words before the units', and lists a unit's changed text as a conflict", async () => {
    const city = await edited(await cityBook(), (book) => {
      typeTask(book, 12, "进展情况", "【柳江区】已排查 3 处");
    });
    const a = await liujiang((book) => {
      typeTask(book, 12, "进展情况", "已排查 5 处");
    });
    const { outcome, bytes } = await merge(city, [await returned("a.xlsx", a)]);
    expect(outcome.conflicts).toEqual([
      expect.objectContaining({
        kind: "differs_from_book",
        column: "进展情况",
        book: "【柳江区】已排查 3 处",
      }),
    ]);
    expect(await entry(bytes, "tasks", "12", "progress")).toBe("【柳江区】已排查 3 处");
  });

  it("unions monitoring rows without duplicates: a sample two returns hold is appended once", async () => {
    const city = await edited(await cityBook(), (book) => {
      typeSamples(book, [{ point: "露塘", date: "2023-05-01", values: { ph: 7.4 } }]);
    });
    const a = await liujiang((book) => {
      typeSamples(book, [
        { point: "露塘", date: "2023-05-01", values: { ph: 7.4, do: 8.1 } },
        { point: "大洲", date: "2023-05-02", values: { ph: 7.6 } },
      ]);
    });
    const b = await yufeng((book) => {
      typeSamples(book, [
        { point: "大洲", date: "2023-05-02", values: { ph: 7.6 } },
        { point: "大洲", date: "2023-06-02", values: { ph: 7.1 } },
      ]);
    });
    const { outcome, bytes } = await merge(city, [await returned("a.xlsx", a), await returned("b.xlsx", b)]);
    expect(outcome.counts).toMatchObject({
      monitoringAdded: 2,
      monitoringDuplicates: 2,
      cellsFilled: 1,
      conflicts: 0,
    });
    const rows = (await sheetsOf(bytes)).get("monitoring")?.rows ?? [];
    expect(
      rows.map((r) => [r.values.get("point"), r.values.get("param:ph"), r.values.get("param:do") ?? ""]),
    ).toEqual([
      ["露塘", 7.4, 8.1],
      ["大洲", 7.6, ""],
      ["大洲", 7.1, ""],
    ]);
    const again = await merge(bytes, [await returned("a.xlsx", a), await returned("b.xlsx", b)]);
    expect(again.outcome.counts).toMatchObject({
      monitoringAdded: 0,
      monitoringDuplicates: 4,
      cellsFilled: 0,
    });
    expect(again.outcome.written).toBe(false);
  });

  it("appends a new sample that returns disagree on with that cell empty and listed, the cells offered once kept", async () => {
    const a = await liujiang((book) => {
      typeSamples(book, [{ point: "大洲", date: "2023-05-02", values: { ph: 7.6, do: 8.1 } }]);
    });
    const b = await yufeng((book) => {
      typeSamples(book, [{ point: "大洲", date: "2023-05-02", values: { ph: 7.9 } }]);
    });
    const { outcome, bytes } = await merge(await cityBook(), [
      await returned("a.xlsx", a),
      await returned("b.xlsx", b),
    ]);
    expect(outcome.counts).toMatchObject({ monitoringAdded: 1, monitoringDuplicates: 1, conflicts: 1 });
    expect(outcome.conflicts).toEqual([
      expect.objectContaining({
        kind: "returns_disagree",
        values: [expect.objectContaining({ value: 7.6 }), expect.objectContaining({ value: 7.9 })],
      }),
    ]);
    const rows = (await sheetsOf(bytes)).get("monitoring")?.rows ?? [];
    expect(
      rows.map((r) => [r.values.get("point"), r.values.get("param:ph") ?? "", r.values.get("param:do")]),
    ).toEqual([["大洲", "", 8.1]]);
  });

  it("takes monitoring values in the city's own column for samples it holds and new ones, and lists a unit's own column", async () => {
    const width = workbookSpec(plan).find((s) => s.key === "monitoring")?.columns.length ?? 0;
    const header = (book: Workbook, col: number, text: string): void => {
      const sheet = book.getWorksheet("监测数据");
      if (sheet === undefined) throw new Error("no monitoring sheet");
      sheet.getCell(3, col).value = text;
    };
    const city = await edited(await cityBook(), (book) => {
      typeSamples(book, [{ point: "露塘", date: "2023-05-01", values: { ph: 7.4 } }]);
      header(book, width + 1, "采样人");
    });
    const back = await unitReturn(
      "市生态环境局",
      (book) => {
        typeSamples(book, [{ point: "露塘", date: "2023-06-01", values: { ph: 7.5 } }]);
        header(book, width + 2, "天气");
        const sheet = book.getWorksheet("监测数据");
        if (sheet === undefined) throw new Error("no monitoring sheet");
        sheet.getCell(4, width + 1).value = "张三"; // the city's sample
        sheet.getCell(5, width + 1).value = "李四"; // the new one
        sheet.getCell(5, width + 2).value = "晴";
      },
      city,
    );
    const { outcome, bytes } = await merge(city, [await returned("back.xlsx", back)]);
    const rows = (await sheetsOf(bytes)).get("monitoring")?.rows ?? [];
    const sampler = rows.map((r) => [r.values.get("param:ph"), r.extras.get("采样人")]);
    expect(sampler).toEqual([
      [7.4, "张三"],
      [7.5, "李四"],
    ]);
    // Filling the city's sample alone patches it in place, in the same column.
    const only = await unitReturn(
      "市生态环境局",
      (book) => {
        const sheet = book.getWorksheet("监测数据");
        if (sheet === undefined) throw new Error("no monitoring sheet");
        sheet.getCell(4, width + 1).value = "王五";
      },
      city,
    );
    const patched = await merge(city, [await returned("only.xlsx", only)]);
    expect(patched.outcome.counts).toMatchObject({ cellsFilled: 1, monitoringAdded: 0 });
    expect((await sheetsOf(patched.bytes)).get("monitoring")?.rows[0]?.extras.get("采样人")).toBe("王五");
    expect(outcome.conflicts).toEqual([
      expect.objectContaining({
        kind: "not_in_book",
        sheet: "监测数据",
        column: "天气",
        values: [{ from: { label: "市生态环境局", file: "back.xlsx" }, value: "晴" }],
      }),
    ]);
  });

  it("refuses a return of another plan, another year, or not made by the add-in, and names the unit or file", async () => {
    const city = await cityBook();
    const setPlan = (id: string) => (book: Workbook) => {
      const meta = book.getWorksheet(metaSheetName);
      meta?.getColumn(3).eachCell((cell, row) => {
        if (row > 1 && cell.value !== null && cell.value !== "") cell.value = id;
      });
    };
    const otherYear = await edited(city, setPlan("liuzhou-2024"));
    const otherCity = await edited(city, setPlan("nanning-2023"));
    const plain = await edited(city, (book) => {
      book.removeWorksheet(book.getWorksheet(metaSheetName)?.id ?? 0);
    });
    const checks = await Promise.all([
      returned("2024/柳江区.xlsx", otherYear),
      returned("nanning.xlsx", otherCity),
      returned("plain.xlsx", plain),
    ]);
    expect(checks.map((r) => checkReturn(plan, r))).toEqual([
      {
        label: "柳江区",
        file: "2024/柳江区.xlsx",
        refusal: { code: "other_year", plan: "liuzhou-2024", expected: "liuzhou-2023" },
      },
      {
        label: "nanning",
        file: "nanning.xlsx",
        refusal: { code: "other_plan", plan: "nanning-2023", expected: "liuzhou-2023" },
      },
      { label: "plain", file: "plain.xlsx", refusal: { code: "not_made_by_add_in" } },
    ]);
    const { outcome } = await merge(city, checks);
    expect(outcome.counts).toMatchObject({ returnsRead: 0, refused: 3 });
    expect(outcome.written).toBe(false);
  });

  it("leaves a workbook that validates as the same entries typed in by hand", async () => {
    const city = await cityBook();
    const typeA = (book: Workbook): void => {
      typeTask(book, 5, "完成状态", "已完成");
      typeTask(book, 5, "完成日期", "2023-05-20");
      typeRow(book, "附件2 国控断面", "断面名称", "露塘", "实测水质类别", "Ⅱ类");
      typeSamples(book, [{ point: "露塘", date: "2023-05-01", values: { ph: 7.4, do: 8.1, nh3n: 0.2 } }]);
    };
    const typeB = (book: Workbook): void => {
      typeTask(book, 6, "完成状态", "推进中");
      typeSamples(book, [{ point: "大洲", date: "2023-05-02", values: { ph: 7.6, do: 7.2 } }]);
    };
    const { bytes } = await merge(city, [
      await returned("a.xlsx", await liujiang(typeA)),
      await returned("b.xlsx", await yufeng(typeB)),
    ]);
    const byHand = await edited(city, (book) => {
      typeA(book);
      typeB(book);
    });
    const report = async (file: Uint8Array): Promise<unknown> => {
      const outcome = await validateWorkbook(XlsxStreamReader.fromBuffer(file).port, plan, {
        locale: "zh-CN",
        asOf: "2023-06-30",
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      return outcome.report;
    };
    expect(await report(bytes)).toEqual(await report(byHand));
  });
});
