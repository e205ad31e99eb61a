import { readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { XlsxPatchingWorkbook } from "../../../src/hosts/xlsx/xlsxPatchingWorkbook";
import { XlsxStreamReader } from "../../../src/hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { writeExampleEntries } from "../../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { importMonitoring } from "../../../src/workbook/import/importMonitoring";
import type { TableAppend } from "../../../src/workbook/port";
import { streamExportXlsx } from "../../../src/hosts/xlsx/streamExportXlsx";
import type { ExportFixture } from "../../core/import/exportFixtures";
import { exportAsXlsx } from "./exportXlsx";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import { convertWithLibreOffice, itWithLibreOffice } from "./libreOffice";
import { workbookFacts } from "./workbookFacts";

jest.setTimeout(300_000);

const fixtures = join(__dirname, "..", "..", "fixtures");
const options = { locale: "zh-CN", asOf: "2023-06-30", publishedOn: "2023-03-20" } as const;

async function exampleWorkbook(rows: number): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  await generateWorkbook(book.port, plan, { locale: "zh-CN", publishedOn: "2023-03-20" });
  await writeExampleEntries(book.port, plan, "zh-CN", rows);
  return new Uint8Array(await book.toBuffer());
}

/** Validates with 汇总 through the ExcelJS host and through the patching one (every sheet patched in place). */
async function bothWritten(bytes: Uint8Array): Promise<{ whole: Uint8Array; patched: Uint8Array }> {
  const full = await XlsxWorkbook.fromBuffer(bytes);
  const wholeOutcome = await validateWorkbook(full.port, plan, options);
  const patching = XlsxPatchingWorkbook.fromBuffer(bytes, 0);
  const patchedOutcome = await validateWorkbook(patching.port, plan, options);
  expect(patchedOutcome).toEqual(wholeOutcome);
  return { whole: new Uint8Array(await full.toBuffer()), patched: await patching.toBuffer() };
}

/*
 * The differential test of issue 14 (R2): validate --out patches large sheets in place (see
 * largeSheets.ts), and must write what the ExcelJS host writes. Here every sheet is patched in
 * place (threshold 0), over the example workbook and every readable fixture; then the monitoring
 * sheet alone, at the real threshold; and LibreOffice must open the result.
 */
describe("the patching xlsx host writes what the ExcelJS host writes", () => {
  it("over the example workbook, validated once and again over its own marks", async () => {
    const first = await bothWritten(await exampleWorkbook(400));
    expect(await workbookFacts(first.patched)).toEqual(await workbookFacts(first.whole));
    const again = await bothWritten(first.whole);
    expect(await workbookFacts(again.patched)).toEqual(await workbookFacts(again.whole));
  });

  const readable = readdirSync(fixtures).filter((file) => file.startsWith("ok.") && file.endsWith(".xlsx"));
  it.each(readable)("over %s", async (file) => {
    const { whole, patched } = await bothWritten(await readFile(join(fixtures, file)));
    expect(await workbookFacts(patched)).toEqual(await workbookFacts(whole));
  });
});

describe("a workbook whose monitoring sheet is patched in place", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-patched-"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is the file the ExcelJS host writes, with 3,000 rows over the size patched in place", async () => {
    const bytes = await exampleWorkbook(3_000);
    const full = await XlsxWorkbook.fromBuffer(bytes);
    await validateWorkbook(full.port, plan, options);
    const patching = XlsxPatchingWorkbook.fromBuffer(bytes);
    await validateWorkbook(patching.port, plan, options);
    expect(await workbookFacts(await patching.toBuffer())).toEqual(
      await workbookFacts(new Uint8Array(await full.toBuffer())),
    );
  });

  itWithLibreOffice("opens in LibreOffice, which reads back every value", async () => {
    const bytes = await exampleWorkbook(3_000);
    const patching = XlsxPatchingWorkbook.fromBuffer(bytes);
    await validateWorkbook(patching.port, plan, options);
    const marked = join(dir, "marked.xlsx");
    await patching.saveAtomically(marked);
    const resaved = join(dir, "resaved");
    await mkdir(resaved);
    await convertWithLibreOffice(marked, "xlsx", resaved);
    const sheets = ["监测数据", "附件2 国控断面"];
    const before = await XlsxStreamReader.fromBuffer(await readFile(marked)).port.read(sheets);
    const after = await XlsxStreamReader.fromBuffer(await readFile(join(resaved, "marked.xlsx"))).port.read(
      sheets,
    );
    // LibreOffice saves 15 significant digits: a date with its time (44927.00069444445) comes back
    // a few units of the last place off.
    const rounded = (values: readonly (readonly unknown[])[] | undefined): unknown =>
      values?.map((row) =>
        row.map((value) => (typeof value === "number" ? Number(value.toPrecision(12)) : value)),
      );
    for (const sheet of sheets) {
      expect(rounded(after.sheets.get(sheet)?.values)).toEqual(rounded(before.sheets.get(sheet)?.values));
    }
  });
});

async function exportGrid(fixture: ExportFixture) {
  const read = await streamExportXlsx(await exportAsXlsx(fixture, "导出"), "导出");
  if (read.kind !== "grid") throw new Error("no sheet");
  return read.grid;
}

/** Imports every fixture in turn through the ExcelJS host (the sheet written again) and the patching one (rows appended in place). */
async function importedBoth(
  bytes: Uint8Array,
  fixtures: readonly ExportFixture[],
  threshold?: number,
): Promise<{ whole: Uint8Array; patched: Uint8Array }> {
  let whole = bytes;
  let patched = bytes;
  for (const fixture of fixtures) {
    const grid = await exportGrid(fixture);
    const full = await XlsxWorkbook.fromBuffer(whole);
    const wholeOutcome = await importMonitoring(full.port, plan, grid, { asOf: options.asOf });
    const patching = XlsxPatchingWorkbook.fromBuffer(patched, threshold);
    const patchedOutcome = await importMonitoring(patching.port, plan, grid, { asOf: options.asOf });
    expect(patchedOutcome).toEqual(wholeOutcome);
    whole = new Uint8Array(await full.toBuffer());
    patched = await patching.toBuffer();
  }
  return { whole, patched };
}

const monitoringFacts = async (bytes: Uint8Array): Promise<unknown> =>
  ((await workbookFacts(bytes)) as { name: string }[]).find((sheet) => sheet.name === "监测数据");

/*
 * An import through `--out` appends its rows to 监测数据's table in place (WriteBatch.appends):
 * the rows, their styles and number formats, the table's range and its data validation must be
 * what writing the sheet again gives.
 */
describe("the patching xlsx host appends rows to a table as Excel would", () => {
  const exports: readonly ExportFixture[] = [
    "national-realtime.csv",
    "monthly-bulletin.csv",
    "lab-report.csv",
  ];

  it("into a new workbook's empty table, export after export: the sheet the ExcelJS host writes again", async () => {
    const fresh = XlsxWorkbook.create();
    await generateWorkbook(fresh.port, plan, { locale: "zh-CN" });
    const { whole, patched } = await importedBoth(new Uint8Array(await fresh.toBuffer()), exports);
    expect(await workbookFacts(patched)).toEqual(await workbookFacts(whole));
  });

  it("below 3,000 rows of entries, the sheet patched in place at the real threshold", async () => {
    const { whole, patched } = await importedBoth(await exampleWorkbook(3_000), ["national-realtime.csv"]);
    const facts = (await monitoringFacts(patched)) as { cells: Record<string, unknown>; tables: unknown[] };
    expect(facts).toEqual(await monitoringFacts(whole));
    expect(Object.keys(facts.cells).length).toBeGreaterThan(3_000);
  });

  it("grows the table, extends validation down the columns only, and leaves the rest of the sheet alone", async () => {
    const fresh = XlsxWorkbook.create();
    await generateWorkbook(fresh.port, plan, { locale: "zh-CN" });
    const bytes = new Uint8Array(await fresh.toBuffer());
    const patching = XlsxPatchingWorkbook.fromBuffer(bytes);
    const width = 32;
    const rows = [
      ["露塘", 45047.25, ...new Array<null>(width - 3).fill(null), "第一行"],
      ["露塘", 45048, 7.1, ...new Array<null>(width - 4).fill(null), "=1+1"],
    ];
    const append: TableAppend = {
      sheet: "监测数据",
      table: "WP_Monitoring",
      row: 3,
      values: rows,
      numberFormats: [
        { rect: { row: 3, col: 1, rowCount: 1, colCount: 1 }, numberFormat: "yyyy-mm-dd hh:mm" },
      ],
    };
    await patching.port.write({ sheets: [], appends: [append], activate: null });
    const facts = (await monitoringFacts(await patching.toBuffer())) as {
      cells: Record<string, { value: unknown; style: { numFmt?: string } }>;
      tables: { tableRef: string; autoFilterRef: string }[];
      validations: Record<string, unknown>;
    };
    expect(facts.tables.map((t) => [t.tableRef, t.autoFilterRef])).toEqual([["A3:AF5", "A3:AF5"]]);
    expect(facts.cells["A5"]?.value).toBe("露塘");
    expect(facts.cells["AF4"]?.value).toBe("第一行");
    expect(facts.cells["AF5"]?.value).toEqual({ formula: "1+1" });
    expect(facts.cells["B4"]?.style.numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(facts.cells["B5"]?.style.numFmt).toBe("yyyy-mm-dd");
    expect(facts.cells["C5"]?.style).toEqual(facts.cells["C4"]?.style);
    expect(Object.keys(facts.validations).sort()).toEqual(["A4", "A5", "B4", "B5"]);
    const other = (await workbookFacts(await patching.toBuffer())) as { name: string }[];
    const before = (await workbookFacts(bytes)) as { name: string }[];
    expect(other.filter((s) => s.name !== "监测数据")).toEqual(before.filter((s) => s.name !== "监测数据"));
  });

  it("writes the sheet again, as the ExcelJS host does, when cells below the table lie where the rows go", async () => {
    const fresh = XlsxWorkbook.create();
    await generateWorkbook(fresh.port, plan, { locale: "zh-CN" });
    await fresh.port.write({
      sheets: [],
      patches: [
        {
          sheet: "监测数据",
          values: [{ rect: { row: 9, col: 0, rowCount: 1, colCount: 1 }, values: [["另表见附件"]] }],
          fills: [],
          clearNotes: null,
          notes: [],
        },
      ],
      activate: null,
    });
    const { whole, patched } = await importedBoth(new Uint8Array(await fresh.toBuffer()), [
      "national-realtime.csv",
    ]);
    expect(await workbookFacts(patched)).toEqual(await workbookFacts(whole));
  });

  itWithLibreOffice("writes a file LibreOffice opens, reading back every appended value", async () => {
    const dir = await mkdtemp(join(tmpdir(), "water-plan-appended-"));
    try {
      const fresh = XlsxWorkbook.create();
      await generateWorkbook(fresh.port, plan, { locale: "zh-CN" });
      const patching = XlsxPatchingWorkbook.fromBuffer(new Uint8Array(await fresh.toBuffer()));
      const outcome = await importMonitoring(patching.port, plan, await exportGrid("national-realtime.csv"), {
        asOf: options.asOf,
      });
      expect(outcome).toMatchObject({ ok: true, written: true });
      const imported = join(dir, "imported.xlsx");
      await patching.saveAtomically(imported);
      const resaved = join(dir, "resaved");
      await mkdir(resaved);
      await convertWithLibreOffice(imported, "xlsx", resaved);
      const read = async (path: string) =>
        (await XlsxStreamReader.fromBuffer(await readFile(path)).port.read(["监测数据"])).sheets.get(
          "监测数据",
        );
      const before = await read(imported);
      const after = await read(join(resaved, "imported.xlsx"));
      const rounded = (values: readonly (readonly unknown[])[] | undefined): unknown =>
        values?.map((row) => row.map((v) => (typeof v === "number" ? Number(v.toPrecision(12)) : v)));
      expect(before?.values.length).toBe(3 + 34);
      expect(rounded(after?.values)).toEqual(rounded(before?.values));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses rows that would not go right below the table, writing nothing", async () => {
    const fresh = XlsxWorkbook.create();
    await generateWorkbook(fresh.port, plan, { locale: "zh-CN" });
    const patching = XlsxPatchingWorkbook.fromBuffer(new Uint8Array(await fresh.toBuffer()));
    const row = ["露塘", 45048, ...new Array<null>(30).fill(null)];
    const far = { sheet: "监测数据", table: "WP_Monitoring", row: 10, values: [row], numberFormats: [] };
    await expect(patching.port.write({ sheets: [], appends: [far], activate: null })).rejects.toMatchObject({
      code: "excel_rejected",
    });
    const narrow = { ...far, row: 3, values: [row.slice(1)] };
    await expect(
      patching.port.write({ sheets: [], appends: [narrow], activate: null }),
    ).rejects.toMatchObject({
      code: "excel_rejected",
    });
  });
});
