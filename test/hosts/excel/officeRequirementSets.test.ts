import { readFileSync } from "node:fs";
import { join } from "node:path";
import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { requiredExcelApi } from "../../../src/hosts/excel/officeWorkbookPort";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { SheetLayout } from "../../../src/workbook/layout";
import { addInNoteMarker, type WriteBatch } from "../../../src/workbook/port";
import { compareApiVersions } from "../../fakes/excel/fakeExcel";
import { createOfficeHarness, enterAsUser, enterNoteAsUser, type OfficeHarness } from "./officeHarness";

const tasks = "附件1 任务清单";

/** A summary-like sheet with a chart, and validation's marks with notes. */
const summary: SheetLayout = {
  name: "汇总",
  values: [
    ["断面", "实测"],
    ["露塘", 3],
  ],
  columnWidths: [12],
  rowHeights: [],
  formats: [],
  validations: [],
  tables: [],
  freeze: { rows: 1, columns: 0 },
  print: null,
  visibility: "visible",
  tabColor: null,
  charts: [
    {
      kind: "columnClustered",
      title: "水质",
      data: { row: 0, col: 0, rowCount: 2, colCount: 2 },
      anchor: { row: 3, col: 0, rowCount: 10, colCount: 6 },
      axis: { min: 1, max: 6, title: "类别" },
    },
  ],
};

function validationBatch(mode: "create" | "replace"): WriteBatch {
  return {
    sheets: [{ layout: summary, mode }],
    activate: null,
    patches: [
      {
        sheet: tasks,
        values: [{ rect: { row: 3, col: 14, rowCount: 1, colCount: 1 }, values: [["逾期"]] }],
        fills: [{ rect: { row: 3, col: 11, rowCount: 1, colCount: 1 }, fill: "#FFC7CE" }],
        clearNotes: { row: 3, col: 0, rowCount: 53, colCount: 15 },
        notes: [{ row: 3, col: 11, text: `${addInNoteMarker}状态不在下拉列表中` }],
      },
    ],
  };
}

/** Everything the host does: generate, generate again over user input, validate twice. */
async function exercise(harness: OfficeHarness): Promise<void> {
  expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
  enterAsUser(harness.excel.state, tasks, "N9", "'=见附表");
  enterNoteAsUser(harness.excel.state, tasks, "M9", "张三：待核实");
  expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
  for (const mode of ["create", "replace"] as const) {
    await harness.port.update([tasks, "汇总"], {}, () => ({ batch: validationBatch(mode), result: null }));
  }
  enterAsUser(harness.excel.state, tasks, "A300000", "x");
  await harness.port.read([tasks]);
}

/** The versions listed at the top of officeWorkbookPort.ts ("- ExcelApi 1.9: …"). */
function listedVersions(): string[] {
  const source = readFileSync(join(__dirname, "../../../src/hosts/excel/officeWorkbookPort.ts"), "utf8");
  const header = source.slice(0, source.indexOf("*/"));
  return [...header.matchAll(/^ \* - ExcelApi (\d+\.\d+)/gm)].map((m) => m[1]!);
}

const byVersion = (a: string, b: string): number => compareApiVersions(a, b);

describe("the Office host's requirement sets", () => {
  it("lists at the top of its source exactly the ExcelApi sets its calls need", async () => {
    // In the newest Excel (notes) and in one without notes (comments, ExcelApi 1.10): what either uses.
    const used = new Set<string>();
    for (const excelApi of ["1.18", "1.17"]) {
      const harness = await createOfficeHarness({ excel: { excelApi } });
      await exercise(harness);
      for (const version of harness.excel.apiUses.keys()) used.add(version);
    }
    expect(listedVersions().sort(byVersion)).toEqual([...used].sort(byVersion));
  });

  it("writes comments (ExcelApi 1.10) only where Excel lacks notes (1.18), and with notes only reads them", async () => {
    const latest = await createOfficeHarness();
    await exercise(latest);
    // With notes, comments are only counted and looked at, to skip a cell a user's comment holds.
    expect([...(latest.excel.apiUses.get("1.10") ?? [])].filter((use) => /\badd\b/u.test(use))).toEqual([]);
    expect(latest.excel.state.sheets.every((s) => s.comments.length === 0)).toBe(true);
    const older = await createOfficeHarness({ excel: { excelApi: "1.17" } });
    await exercise(older);
    expect(older.excel.apiUses.has("1.18")).toBe(false);
    expect([...older.excel.apiUses.get("1.10")!].some((use) => /\badd\b/u.test(use))).toBe(true);
    expect(older.excel.state.sheetByName(tasks)!.comments.map((c) => c.content)).toEqual([
      `${addInNoteMarker}状态不在下拉列表中`,
    ]);
  });

  it(`runs in an Excel with ExcelApi ${requiredExcelApi} and nothing later, asking before it uses more`, async () => {
    const harness = await createOfficeHarness({ excel: { excelApi: requiredExcelApi } });
    expect(harness.port.features.notes).toBe(false);
    await exercise(harness);
    const above = [...harness.excel.apiUses.keys()].filter(
      (v) => compareApiVersions(v, requiredExcelApi) > 0,
    );
    expect(above).toEqual([]);
    // ExcelApi 1.9 is needed: in 1.8 the print set-up is refused (a reported cosmetic failure) and
    // reading the sheets back for the next generation fails.
    const older = await createOfficeHarness({ excel: { excelApi: "1.8" } });
    expect((await generateWorkbook(older.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
    expect(older.port.stats.lastWrite?.cosmeticFailures).toHaveLength(1);
    await expect(generateWorkbook(older.port, liuzhou2023Plan, { locale: "zh-CN" })).rejects.toMatchObject({
      code: "api_unsupported",
    });
  });
});
