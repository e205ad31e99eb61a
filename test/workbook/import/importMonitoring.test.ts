import { readCsvGrid } from "../../../src/core/import/readCsvGrid";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { importMonitoring, type ImportOutcome } from "../../../src/workbook/import/importMonitoring";
import type { CellValue } from "../../../src/workbook/layout";
import { metaSheetName, readPointAliases } from "../../../src/workbook/metaSheet";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import type { ValidationReport } from "../../../src/workbook/validate/validationReport";
import { exportFixtureBytes, exportFixtureGrid, type ExportFixture } from "../../core/import/exportFixtures";
import { parseA1 } from "../../hosts/memory/memoryHarness";

const monitoring = "监测数据";
const asOf = "2023-06-30";

async function generated(locale: "zh-CN" | "en-US" = "zh-CN"): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await generateWorkbook(book.port, plan, { locale });
  return book;
}

async function imported(
  book: MemoryWorkbook,
  fixture: ExportFixture,
  options: Partial<Parameters<typeof importMonitoring>[3]> = {},
): Promise<Extract<ImportOutcome, { ok: true }>> {
  const outcome = await importMonitoring(book.port, plan, exportFixtureGrid(fixture), { asOf, ...options });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome;
}

/** 监测数据's data rows (from row 4) as values, blanks as "". */
function dataRows(book: MemoryWorkbook, sheet = monitoring): CellValue[][] {
  const target = book.sheet(sheet);
  const used = target?.usedRect();
  if (!target || !used) return [];
  return target.valuesOf({ row: 3, col: 0, rowCount: used.row + used.rowCount - 3, colCount: 32 });
}

function at(book: MemoryWorkbook, a1: string, sheet = monitoring): CellValue {
  return book.sheet(sheet)?.get(...parseA1(a1)) ?? null;
}

async function validated(book: MemoryWorkbook): Promise<ValidationReport> {
  const outcome = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.report;
}

describe("importMonitoring", () => {
  it("appends the national real-time export to 监测数据, one row per sample, in one read and one write", async () => {
    const book = await generated();
    const before = { ...book.calls };
    const outcome = await imported(book, "national-realtime.csv");
    expect(book.calls).toEqual({ read: before.read + 1, write: before.write + 1 });
    expect(outcome).toMatchObject({ sheet: monitoring, written: true });
    expect(outcome.import.counts.new).toBe(34);
    expect(dataRows(book)).toHaveLength(34);
    expect([at(book, "A4"), at(book, "B4"), at(book, "C4"), at(book, "I4")]).toEqual([
      "露塘",
      45047,
      24.6,
      0.064,
    ]);
    expect(at(book, "B5")).toBeCloseTo(45047 + 4 / 24, 9);
    expect(at(book, "AF4")).toBe("水质类别 Ⅱ；电导率(μS/cm) 205.8；浊度(NTU) 13.4");
    expect(book.activeSheet).toBe(monitoring);
  });

  it("shows the time of day where a sample has one, and the table takes every appended row", async () => {
    const book = await generated();
    await imported(book, "national-realtime.csv");
    const sheet = book.sheet(monitoring);
    expect(sheet?.formatAt(...parseA1("B5"), "numberFormat")).toBe("yyyy-mm-dd hh:mm");
    expect(sheet?.formatAt(...parseA1("B4"), "numberFormat")).toBe("yyyy-mm-dd");
    expect(sheet?.layout?.tables[0]?.rect).toEqual({ row: 2, col: 0, rowCount: 35, colCount: 32 });
  });

  it("adds nothing when the same export is imported again, and writes nothing", async () => {
    const book = await generated();
    await imported(book, "national-realtime.csv");
    const rows = dataRows(book);
    const writes = book.calls.write;
    const again = await imported(book, "national-realtime.csv");
    expect(again.written).toBe(false);
    expect(again.import.counts).toMatchObject({ new: 0, duplicates: 34 });
    expect(book.calls.write).toBe(writes);
    expect(dataRows(book)).toEqual(rows);
  });

  it("never changes or deletes the rows already there: new samples go below them", async () => {
    const book = await generated();
    const sheet = book.sheet(monitoring);
    const typed: CellValue[][] = [
      ["露塘", "2023年5月1日", "", "", "", "", "", "", 0.31],
      [
        "大洲断面",
        45047.5,
        "",
        "7.2",
        "",
        "",
        "",
        "",
        "0.01L",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "手工录入",
      ],
      ["=A4", "=B4", "", "", "", "", "", "", "=I4*2"],
    ];
    typed.forEach((cells, r) => {
      cells.forEach((value, c) => sheet?.set(3 + r, c, value));
    });
    const outcome = await imported(book, "national-realtime.csv");
    const rows = dataRows(book);
    expect(rows.slice(0, 3).map((r) => r.slice(0, typed[1]!.length))).toEqual(
      typed.map((cells) => [...cells, ...new Array<CellValue>(typed[1]!.length - cells.length).fill("")]),
    );
    expect(rows).toHaveLength(3 + outcome.import.counts.new);
  });

  it("counts a sample 监测数据 holds already, typed by hand, as a duplicate", async () => {
    const book = await generated();
    book.sheet(monitoring)?.set(3, 0, "露塘断面");
    book.sheet(monitoring)?.set(3, 1, "2023-05-01 04:00");
    book.sheet(monitoring)?.set(3, 8, 0.1);
    const outcome = await imported(book, "national-realtime.csv");
    expect(outcome.import.counts).toMatchObject({ new: 33, duplicates: 1 });
    expect(outcome.import.duplicates[0]).toMatchObject({
      point: "露塘",
      iso: "2023-05-01",
      minutes: 240,
      of: "sheet",
    });
  });

  it("previews without writing anything", async () => {
    const book = await generated();
    const writes = book.calls.write;
    const outcome = await imported(book, "lab-report.csv", { preview: true });
    expect(outcome).toMatchObject({ written: false, savedMappings: [] });
    expect(outcome.import.counts.new).toBe(9);
    expect(book.calls.write).toBe(writes);
  });

  it("imports a GBK CSV exactly as its UTF-8 twin", async () => {
    const utf8 = await generated();
    const gbk = await generated();
    await imported(utf8, "national-realtime.csv");
    const grid = readCsvGrid(exportFixtureBytes("national-realtime.gbk.csv")).rows;
    await importMonitoring(gbk.port, plan, grid, { asOf });
    expect(dataRows(gbk)).toEqual(dataRows(utf8));
  });

  it("saves a point name the user confirmed in _WaterPlan, uses it again, and keeps it through generating again", async () => {
    const book = await generated();
    const first = await imported(book, "national-realtime.csv", { confirm: new Map([["南宁老口", "浮石"]]) });
    expect(first.savedMappings).toEqual([{ name: "南宁老口", point: "浮石" }]);
    expect(first.import.counts).toMatchObject({ new: 36, unmatched: 0 });
    const stored = () => readPointAliases(metaSnapshot(book));
    expect(stored()).toEqual(new Map([["南宁老口", "浮石"]]));
    await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(stored()).toEqual(new Map([["南宁老口", "浮石"]]));
    const fresh = await generated();
    // The same export into a fresh workbook asks again; into this one, the name is known.
    expect((await imported(fresh, "national-realtime.csv", { preview: true })).import.counts.unmatched).toBe(
      2,
    );
    expect((await imported(book, "national-realtime.csv", { preview: true })).import.counts).toMatchObject({
      unmatched: 0,
      duplicates: 36,
    });
  });

  it("refuses a confirmed mapping to a point the plan does not have, writing nothing", async () => {
    const book = await generated();
    const outcome = await importMonitoring(book.port, plan, exportFixtureGrid("national-realtime.csv"), {
      asOf,
      confirm: new Map([["南宁老口", "老口"]]),
    });
    expect(outcome).toEqual({
      ok: false,
      problem: { code: "unknown_confirmed_point", name: "南宁老口", point: "老口" },
    });
  });

  it("refuses a workbook without the plan's 监测数据, and an export without a header", async () => {
    const empty = new MemoryWorkbook();
    expect(await importMonitoring(empty.port, plan, exportFixtureGrid("lab-report.csv"), { asOf })).toEqual({
      ok: false,
      problem: { code: "no_monitoring_sheet" },
    });
    const book = await generated();
    const outcome = await importMonitoring(book.port, plan, [["露塘", "0.3"]], { asOf });
    expect(outcome).toMatchObject({
      ok: false,
      problem: { code: "export_refused", issue: { code: "no_header_row" } },
    });
  });

  it("writes 备注 in the sheet's language, English on an English workbook", async () => {
    const book = await generated("en-US");
    const outcome = await imported(book, "national-realtime.csv");
    expect(outcome.sheet).toBe("Monitoring data");
    const flagged = outcome.import.samples.find((s) => s.flagged);
    expect(flagged?.remark).toMatch(/^\[Not counted\] Station status: 维护; /u);
  });
});

describe("a workbook filled by importing the three export shapes", () => {
  it("validates with every sample counted once, the flagged one not at all", async () => {
    const book = await generated();
    for (const fixture of ["national-realtime.csv", "monthly-bulletin.csv", "lab-report.csv"] as const) {
      await imported(book, fixture);
    }
    expect(dataRows(book)).toHaveLength(34 + 10 + 9);
    const report = await validated(book);
    const samples = Object.fromEntries(report.points.map((p) => [p.name, p.samples]));
    expect(samples).toMatchObject({ 露塘: 13, 大洲: 11, 贝江口: 12, 脚板洲: 1, 渔村: 1, 浮石: 0, 对亭站: 0 });
    for (const source of [...plan.municipalSources, ...plan.countySources])
      expect(samples[source.name]).toBe(1);
    const monitoringIssues = report.issues.filter((i) => i.sheet === monitoring);
    expect(monitoringIssues.filter((i) => i.severity === "error")).toEqual([]);
    // The flagged row: not counted, and validation says why at its 备注 (never "without values").
    expect(monitoringIssues.map((i) => [i.code, i.severity, i.cell.replace(/\d+/u, "")])).toEqual([
      ["flagged_sample_not_counted", "warning", "AF"],
    ]);
  });
});

/** The meta sheet as a host reads it. */
function metaSnapshot(book: MemoryWorkbook) {
  const sheet = book.sheet(metaSheetName);
  const used = sheet?.usedRect();
  return sheet && used
    ? {
        name: sheet.name,
        startRow: 0,
        startCol: 0,
        values: sheet.valuesOf({
          ...used,
          row: 0,
          col: 0,
          rowCount: used.row + used.rowCount,
          colCount: used.col + used.colCount,
        }),
        tables: [],
      }
    : undefined;
}
