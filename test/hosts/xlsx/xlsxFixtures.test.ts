import { join } from "node:path";
import { Workbook } from "exceljs";
import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { refusalOf, type XlsxRefusalReason } from "../../../src/hosts/xlsx/prepareXlsxBytes";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { CellValue } from "../../../src/workbook/layout";
import type { SheetSnapshot } from "../../../src/workbook/port";
import { normalizeHeader } from "../../../src/workbook/readSheet";
import { entryCell, type RowKey } from "./entryCell";

// Each test loads a whole workbook and some generate it again: more than Jest's default five seconds.
jest.setTimeout(30_000);

/**
 * Workbooks the add-in generated, then saved by other programs (test/fixtures/README.md says how
 * each was made): they must load and read like the add-in's own, and generating again inside them
 * must keep every value typed in before they were saved.
 */
const fixtures = join(__dirname, "../../fixtures");

const tasks = "附件1 任务清单";
const national = "附件2 国控断面";
const monitoring = "监测数据";
const indicators = "指标填报";
const task = (n: number): RowKey => ({ keyHeader: "序号", key: n });
const firstIndicator: RowKey = { keyHeader: "指标", key: "生活污水集中收集率" };

/** What makeFixtures.py typed into both ok.* workbooks, as the port reads it back (dates as serials). */
const entries: readonly { sheet: string; row: RowKey; header: string; value: CellValue }[] = [
  { sheet: tasks, row: task(5), header: "完成状态", value: "推进中" },
  { sheet: tasks, row: task(5), header: "完成日期", value: 45107 },
  { sheet: tasks, row: task(2), header: "进展情况", value: "=见附表" },
  { sheet: tasks, row: task(3), header: "进展情况", value: "已完成排查，整治率 85%" },
  { sheet: national, row: task(1), header: "实测水质类别", value: "Ⅱ类" },
  { sheet: indicators, row: firstIndicator, header: "实际值", value: 58.3 },
  { sheet: indicators, row: firstIndicator, header: "数据来源及说明", value: "来源：市住建局" },
  { sheet: monitoring, row: { nth: 1 }, header: "点位名称", value: "贝江口" },
  { sheet: monitoring, row: { nth: 1 }, header: "采样日期", value: 45000 },
  { sheet: monitoring, row: { nth: 1 }, header: "pH值（无量纲）", value: 7.2 },
  { sheet: monitoring, row: { nth: 1 }, header: "氨氮（NH3-N）（mg/L）", value: "0.02L" },
  // Typed below the table, which these programs do not grow.
  { sheet: monitoring, row: { nth: 2 }, header: "点位名称", value: "贝江口" },
  { sheet: monitoring, row: { nth: 2 }, header: "采样日期", value: 45028 },
  { sheet: monitoring, row: { nth: 2 }, header: "pH值（无量纲）", value: 7.4 },
];
const sheets = [tasks, national, monitoring, indicators];
const formula = { sheet: tasks, row: task(1), header: "进展情况", value: "=1+2" } as const;
const userNote = { row: task(5), header: "进展情况", text: "张三：待核实" } as const;
const addInNote = {
  row: task(6),
  header: "完成状态",
  text: "【校验】完成状态为“推进中”，已过截止日期",
} as const;

/** The value under `header` in the row `row` names, from a port snapshot (header in the sheet's third row). */
function valueIn(snapshot: SheetSnapshot | undefined, header: string, row: RowKey): CellValue | undefined {
  const values = snapshot?.values ?? [];
  const headers = (values[2] ?? []).map(normalizeHeader);
  const column = headers.indexOf(normalizeHeader(header));
  if ("nth" in row) return values[2 + row.nth]?.[column];
  const keyColumn = headers.indexOf(normalizeHeader(row.keyHeader));
  return values.slice(3).find((cells) => cells[keyColumn] === row.key)?.[column];
}

async function reloaded(book: XlsxWorkbook): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load((await book.toBuffer()) as never);
  return workbook;
}

function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return (note as { texts: { text: string }[] }).texts.map((run) => run.text).join("");
}

describe.each(["ok.openpyxl.xlsx", "ok.libreoffice.xlsx"])("the fixture %s", (file) => {
  it("loads with every plan table found and reads every entered value", async () => {
    const book = await XlsxWorkbook.open(join(fixtures, file));
    const snapshot = await book.port.read(sheets);
    expect(snapshot.tableNames).toEqual(
      expect.arrayContaining(["WP_Tasks", "WP_NationalSections", "WP_Monitoring", "WP_Indicators"]),
    );
    expect(snapshot.tableNames).toHaveLength(8);
    for (const { sheet, row, header, value } of entries) {
      expect([sheet, header, valueIn(snapshot.sheets.get(sheet), header, row)]).toEqual([
        sheet,
        header,
        value,
      ]);
    }
    const withFormulas = await book.port.read([tasks], { formulas: true });
    expect(valueIn(withFormulas.sheets.get(tasks), formula.header, formula.row)).toBe(formula.value);
    // Text that starts with "=" reads as text (the apostrophe marks it, see toExcelJsValue).
    expect(valueIn(withFormulas.sheets.get(tasks), "进展情况", task(2))).toBe("'=见附表");

    const sheet = (await reloaded(book)).getWorksheet(tasks)!;
    expect(noteText(entryCell(sheet, userNote.header, userNote.row).note)).toBe(userNote.text);
    expect(noteText(entryCell(sheet, addInNote.header, addInNote.row).note)).toBe(addInNote.text);
  });

  it("generates again inside it and keeps every entered value, the formula a formula", async () => {
    const book = await XlsxWorkbook.open(join(fixtures, file));
    const outcome = await generateWorkbook(book.port, liuzhou2023Plan, { locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: true, created: [] });

    // Read back from the bytes the host would save.
    const again = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    const snapshot = await again.port.read(sheets);
    for (const { sheet, row, header, value } of entries) {
      expect([sheet, header, valueIn(snapshot.sheets.get(sheet), header, row)]).toEqual([
        sheet,
        header,
        value,
      ]);
    }
    const sheet = (await reloaded(again)).getWorksheet(tasks)!;
    expect(entryCell(sheet, formula.header, formula.row).formula).toBe("1+2");
    expect(entryCell(sheet, "进展情况", task(2)).value).toBe("=见附表");
    expect(snapshot.sheets.get(monitoring)?.tables).toEqual(["WP_Monitoring"]);
  });
});

describe.each<[string, XlsxRefusalReason]>([
  ["error.encrypted.xlsx", "encrypted"],
  ["error.legacy-xls.xlsx", "legacy_format"],
])("the fixture %s", (file, reason) => {
  it(`is refused as ${reason}`, async () => {
    const error: unknown = await XlsxWorkbook.open(join(fixtures, file)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "HostError", code: "not_a_workbook" });
    expect(refusalOf(error)?.reason).toBe(reason);
  });
});
