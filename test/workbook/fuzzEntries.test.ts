import fc from "fast-check";
import type { Locale } from "../../src/core/locale";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { parseEntryDate } from "../../src/core/validation/parseEntryDate";
import { createPointResolver, monitoringPoints } from "../../src/core/validation/monitoringPoints";
import { inputText } from "../../src/core/validation/validationProblem";
import { plausibleRanges } from "../../src/core/validation/plausibility";
import { parseMeasuredValue } from "../../src/core/water-quality/parseMeasuredValue";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { columnLetters } from "../../src/workbook/a1";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { CellValue } from "../../src/workbook/layout";
import { isBlank, readSheet, type ReadSheet } from "../../src/workbook/readSheet";
import type { AnySheetSpec } from "../../src/workbook/sheetSpec";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import type { ReportIssue } from "../../src/workbook/validate/validationReport";
import { monitoringParameters } from "../../src/workbook/sheets/monitoringSheet";
import { workbookSpec } from "../../src/workbook/workbookSpec";
import { cellValue, dateSerial } from "../core/validation/cellArbitraries";
import { CaseCounter, holds } from "../core/validation/fuzzSettings";
import { parseA1 } from "../hosts/memory/memoryHarness";

/**
 * Fuzzing the workbook layer (R1 §4): random grids typed into the entry columns of every sheet of a
 * generated workbook, then validated and generated again through the memory host.
 */

const cases = new CaseCounter("entry grids and monitoring rows");
afterAll(() => {
  cases.report();
});

const specs = workbookSpec(plan);
const asOf = "2023-06-30";

/** Codes of problems about the workbook as a whole, reported without a cell. */
const workbookCodes = new Set(["sheet_missing", "columns_missing"]);

interface Area {
  readonly spec: AnySheetSpec;
  readonly sheet: string;
  readonly read: ReadSheet;
  /** Sheet columns of the entry columns, by key. */
  readonly entryColumns: readonly { readonly key: string; readonly col: number }[];
  /** Zero-based row of the first data row, and how many data rows the table has. */
  readonly firstRow: number;
  readonly tableRows: number;
}

async function generated(locale: Locale): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  const outcome = await generateWorkbook(book.port, plan, { locale });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return book;
}

/** The sheet as the workbook layer reads it back. */
function readBack(book: MemoryWorkbook, spec: AnySheetSpec, name: string): ReadSheet {
  const sheet = book.sheet(name);
  const used = sheet?.usedRect();
  if (!sheet || !used) throw new Error(`no sheet ${name}`);
  const values = sheet.valuesOf({
    row: 0,
    col: 0,
    rowCount: used.row + used.rowCount,
    colCount: used.col + used.colCount,
  });
  const read = readSheet(
    spec,
    { name, startRow: 0, startCol: 0, values, tables: sheet.layout?.tables.map((t) => t.name) ?? [] },
    columnLetters,
  );
  if (!read) throw new Error(`no header on ${name}`);
  return read;
}

/** Every plan sheet's entry area in a freshly generated workbook (the same for every case of a locale). */
const areasByLocale = new Map<Locale, readonly Area[]>();
async function areasOf(locale: Locale): Promise<readonly Area[]> {
  const known = areasByLocale.get(locale);
  if (known) return known;
  const book = await generated(locale);
  const areas = specs.map((spec): Area => {
    const sheet = spec.name[locale];
    const read = readBack(book, spec, sheet);
    const table = book.sheet(sheet)?.layout?.tables[0];
    if (!table) throw new Error(`no table on ${sheet}`);
    return {
      spec,
      sheet,
      read,
      entryColumns: spec.columns
        .filter((c) => c.kind === "entry")
        .map((c) => ({ key: c.key, col: read.columns.get(c.key) ?? -1 })),
      firstRow: table.rect.row + 1,
      tableRows: table.rect.rowCount - 1,
    };
  });
  areasByLocale.set(locale, areas);
  return areas;
}

/** A cell typed into an entry area: the row counted from the first data row (may lie below the table). */
interface Typed {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

/** Up to `count` cells scattered over the entry columns of the table's rows and three rows below it. */
function scattered(rows: number, columns: number, count: number): fc.Arbitrary<Typed[]> {
  return fc.array(
    fc.record({
      row: fc.nat(rows + 2),
      column: fc.nat(columns - 1),
      value: cellValue,
    }),
    { maxLength: count },
  );
}

/** Every cell of a sheet outside its computed columns, by "row,col". */
function userCells(book: MemoryWorkbook, area: Area): Map<string, CellValue> {
  const sheet = book.sheet(area.sheet);
  const used = sheet?.usedRect();
  const computed = new Set(
    area.spec.columns.filter((c) => c.kind === "computed").map((c) => area.read.columns.get(c.key)),
  );
  const cells = new Map<string, CellValue>();
  if (!sheet || !used) return cells;
  for (let row = 0; row < used.row + used.rowCount; row += 1) {
    for (let col = 0; col < used.col + used.colCount; col += 1) {
      if (computed.has(col)) continue;
      const value = sheet.get(row, col);
      if (value !== null) cells.set(`${row},${col}`, value);
    }
  }
  return cells;
}

/** What generating again must write back for an entry: the same value, a dropdown word in the sheet's language. */
function choiceTranslator(spec: AnySheetSpec, locale: Locale): (key: string, value: CellValue) => CellValue {
  const byColumn = new Map<string, Map<string, string>>();
  for (const column of spec.columns) {
    const choices = column.validation?.choices;
    if (!choices) continue;
    byColumn.set(
      column.key,
      new Map(choices.flatMap((c) => [[c["zh-CN"], c[locale]] as const, [c["en-US"], c[locale]] as const])),
    );
  }
  return (key, value) =>
    typeof value === "string" ? (byColumn.get(key)?.get(value.trim()) ?? value) : value;
}

/**
 * The entries of a sheet as generating again must keep them: rows of the plan by identity, other
 * rows (appended below the table, or every row of 监测数据) in order. Entry cells a plan row does not
 * take (指标填报's base on a level target) are left out: generating again drops them, a defect
 * reported to the lead and pinned by the failing test at the end of this file.
 */
function keptEntries(area: Area, read: ReadSheet, translate?: (key: string, value: CellValue) => CellValue) {
  const entryKeys = new Set(area.entryColumns.map((c) => c.key));
  const planRows = new Map<string, unknown>();
  for (const row of area.spec.rows as readonly unknown[]) {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const id = area.spec.identity
        .map((key) => {
          const value = area.spec.columns.find((c) => c.key === key)?.value?.(row, locale);
          return value === null || value === undefined ? "" : String(value).trim();
        })
        .join("|");
      planRows.set(id, row);
    }
  }
  const byIdentity = new Map<string, Record<string, CellValue>>();
  const others: Record<string, CellValue>[] = [];
  for (const row of read.rows) {
    const planRow = row.identity === null ? undefined : planRows.get(row.identity);
    const entries: Record<string, CellValue> = {};
    for (const [key, value] of row.values) {
      if (!entryKeys.has(key) || isBlank(value)) continue;
      const column = area.spec.columns.find((c) => c.key === key);
      if (planRow !== undefined && column?.appliesTo && !column.appliesTo(planRow)) continue;
      entries[key] = translate ? translate(key, value) : value;
    }
    if (planRow !== undefined && row.identity !== null) byIdentity.set(row.identity, entries);
    else if (Object.keys(entries).length > 0) others.push(entries);
  }
  return { byIdentity: Object.fromEntries(byIdentity), others };
}

/** Checks that every issue names a sheet of the workbook and, unless it is about the whole workbook, a cell of a spec column in the sheet's body. */
/** Checks that every issue names a plan sheet and, unless it is about the whole workbook, a cell of a spec column in the sheet's body. */
function expectIssuesAtCells(
  book: MemoryWorkbook,
  areas: readonly Area[],
  issues: readonly ReportIssue[],
): void {
  for (const issue of issues) {
    holds(issue.message.length > 0, "every issue has a message", issue);
    const area = areas.find((a) => a.sheet === issue.sheet);
    holds(area !== undefined, "every issue names a plan sheet", issue);
    if (issue.cell === "") {
      holds(workbookCodes.has(issue.code), "only a problem of the whole workbook has no cell", issue);
      continue;
    }
    const [row, col] = parseA1(issue.cell);
    const used = book.sheet(area.sheet)?.usedRect();
    const inColumns = [...area.read.columns.values()].includes(col);
    const inBody = row > area.read.headerRow && row < (used?.row ?? 0) + (used?.rowCount ?? 0);
    holds(inColumns && inBody, "every issue is at a cell of a table column, below the header", issue);
  }
}

/** The cells that differ between two readings of a sheet, as "row,col: before → after". */
function changedCells(
  before: ReadonlyMap<string, CellValue>,
  after: ReadonlyMap<string, CellValue>,
): string[] {
  const changed: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key) ?? null;
    const is = after.get(key) ?? null;
    if (!Object.is(was, is)) changed.push(`${key}: ${String(was)} → ${String(is)}`);
  }
  return changed;
}

describe("fuzzing validation and generating again with random entry grids", () => {
  const grids = fc.record({
    locale: fc.constantFrom<Locale>("zh-CN", "en-US"),
    // The language of messages need not be the sheets' (an English user of a Chinese workbook).
    messages: fc.constantFrom<Locale>("zh-CN", "en-US"),
    // One scattered grid per sheet, in the order of workbookSpec, reaching three rows below each table.
    cells: fc.tuple(
      scattered(53, 3, 40), // 附件1: status, completion date, progress
      scattered(10, 1, 12), // 附件2: measured class
      scattered(2, 1, 4), // 附件3
      scattered(4, 1, 6), // 附件4
      scattered(5, 1, 6), // 附件5
      scattered(9, 5, 25), // 附件6: survey done and four counts
      scattered(12, 32, 80), // 监测数据: point, date, 29 parameters, remarks
      scattered(20, 4, 30), // 指标填报: actual, base, cut, remarks
    ),
  });

  it(
    "never throws, reports every problem at a cell of its sheet, changes no entry, and generating again keeps every entry",
    async () => {
      await fc.assert(
        fc.asyncProperty(grids, async ({ locale, messages, cells }) => {
          const areas = await areasOf(locale);
          const book = await generated(locale);
          areas.forEach((area, index) => {
            const sheet = book.sheet(area.sheet);
            for (const { row, column, value } of cells[index] ?? []) {
              const target = area.entryColumns[column];
              if (sheet && target) sheet.set(area.firstRow + row, target.col, value);
            }
          });
          const before = areas.map((area) => userCells(book, area));
          const entriesBefore = areas.map((area) =>
            JSON.stringify(
              keptEntries(area, readBack(book, area.spec, area.sheet), choiceTranslator(area.spec, locale)),
            ),
          );

          const outcome = await validateWorkbook(book.port, plan, { locale: messages, asOf });
          holds(outcome.ok, "validation runs on a generated workbook", outcome);
          expectIssuesAtCells(book, areas, outcome.report.issues);
          areas.forEach((area, index) => {
            const changed = changedCells(before[index] ?? new Map(), userCells(book, area));
            holds(
              changed.length === 0,
              `validation changed no cell of ${area.sheet} but its computed ones`,
              changed,
            );
          });

          const again = await generateWorkbook(book.port, plan, { locale });
          holds(again.ok, "generating again runs", again);
          areas.forEach((area, index) => {
            // As JSON: the entries are plain values (a host keeps -0 as 0 anyway).
            const kept = JSON.stringify(keptEntries(area, readBack(book, area.spec, area.sheet)));
            holds(kept === entriesBefore[index], `generating again kept every entry of ${area.sheet}`, {
              before: entriesBefore[index],
              after: kept,
            });
          });
        }),
        cases.params(40),
      );
    },
    cases.timeout(60_000),
  );

  it("keeps a value typed into an entry cell its row does not take (指标填报's base on a level target)", async () => {
    // A value typed where the row takes no entry is kept, as every entry is; validation says it is not used.
    const book = await generated("zh-CN");
    const area = (await areasOf("zh-CN")).find((a) => a.spec.key === "indicators");
    const base = area?.entryColumns.find((c) => c.key === "baseValue");
    if (!area || !base) throw new Error("no 指标填报");
    book.sheet(area.sheet)?.set(area.firstRow, base.col, 50); // t5-1 生活污水集中收集率, a level target
    await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(book.sheet(area.sheet)?.get(area.firstRow, base.col)).toBe(50);
  });
});

describe("fuzzing 监测数据: every cell the parsers refuse gets exactly one issue at its own address", () => {
  const points = monitoringPoints(plan);
  const findPoint = createPointResolver(points);
  const pointNames = points.map((p) => p.name);
  const monitoringSpec = specs.find((s) => s.key === "monitoring");

  /** A row as staff type it: mostly a point of the plan and a readable date, sometimes anything. */
  const row = fc.record({
    point: fc.oneof(
      { arbitrary: fc.constantFrom(...pointNames), weight: 4 },
      { arbitrary: fc.constantFrom(...pointNames).map((n) => ` ${n}断面`), weight: 1 },
      { arbitrary: cellValue, weight: 2 },
    ),
    sampledOn: fc.oneof(
      { arbitrary: dateSerial, weight: 3 },
      { arbitrary: fc.constantFrom("2023-05-01", "2023.5.1", "2023/5/1 10:00", "2023年7月1日"), weight: 2 },
      { arbitrary: cellValue, weight: 2 },
    ),
    values: fc.array(
      fc.tuple(
        fc.nat(monitoringParameters.length - 1),
        fc.oneof(
          { arbitrary: fc.double({ min: 0, max: 25, noNaN: true }), weight: 3 },
          { arbitrary: cellValue, weight: 2 },
        ),
      ),
      { maxLength: 8 },
    ),
    remark: fc.option(cellValue),
    /** Blank rows left between samples. */
    gap: fc.nat(1),
  });

  /** What one cell must get, by what the parsers make of it: the codes expected, or a set of codes allowed. */
  /**
   * What one cell must get, by what the parsers make of it: exactly these codes, or some of these
   * (each at most once). A blank point or date is missing only in a row that holds something.
   */
  function expectedAt(
    col: number,
    value: CellValue,
    rowBlank: boolean,
  ): { exactly: string[] } | { someOf: string[] } {
    if (col === 0) {
      if (isBlank(value)) return { exactly: rowBlank ? [] : ["missing_point"] };
      // A known point's row may hold no value at all: the row's warning lands on its point.
      return findPoint(inputText(value).trim())
        ? { someOf: ["sample_without_values"] }
        : { exactly: ["unknown_point"] };
    }
    if (col === 1) {
      if (isBlank(value)) return { exactly: rowBlank ? [] : ["missing_sampling_date"] };
      const date = parseEntryDate(value);
      if (date.kind === "unreadable") return { exactly: ["unreadable_sampling_date"] };
      if (date.kind === "date" && !date.iso.startsWith(`${plan.year}-`))
        return { exactly: ["sampling_date_outside_plan_year"] };
      // A readable date in the year may lie after the as-of day and repeat another sample: two true
      // statements about one cell, both kept (a duplicate is wrong whatever the period).
      return { someOf: ["sampling_date_after_as_of", "duplicate_sample"] };
    }
    const def = monitoringParameters[col - 2];
    if (!def) return { exactly: [] }; // 备注
    const measured = parseMeasuredValue(value);
    switch (measured.kind) {
      case "problem":
        return { exactly: [measured.code] };
      case "value": {
        const range = plausibleRanges[def.key];
        const plausible = !range || (measured.value >= range.min && measured.value <= range.max);
        return { exactly: plausible ? [] : ["implausible_value"] };
      }
      case "below_detection":
        return { someOf: ["detection_limit_above_limit"] };
      case "not_monitored":
        return { exactly: [] };
    }
  }

  it(
    "gives each refused point, date and value cell one issue at its own address, and accepted ones none of their own",
    async () => {
      if (!monitoringSpec) throw new Error("no monitoring sheet");
      const sheetName = monitoringSpec.name["zh-CN"];
      await fc.assert(
        fc.asyncProperty(fc.array(row, { maxLength: 14 }), async (rows) => {
          const book = await generated("zh-CN");
          const sheet = book.sheet(sheetName);
          if (!sheet) throw new Error("no monitoring sheet");
          const typed = new Map<string, { row: number; col: number; value: CellValue }>();
          let sheetRow = 3;
          for (const r of rows) {
            sheetRow += r.gap;
            const put = (col: number, value: CellValue): void => {
              sheet.set(sheetRow, col, value);
              typed.set(`${sheetRow},${col}`, { row: sheetRow, col, value: sheet.get(sheetRow, col) });
            };
            put(0, r.point);
            put(1, r.sampledOn);
            for (const [parameter, value] of r.values) put(2 + parameter, value);
            if (r.remark !== null) put(2 + monitoringParameters.length, r.remark);
            sheetRow += 1;
          }

          const outcome = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf, summary: false });
          holds(outcome.ok, "validation runs", outcome);
          const codesByCell = new Map<string, string[]>();
          for (const issue of outcome.report.issues) {
            if (issue.sheet !== sheetName) continue;
            const [r, col] = parseA1(issue.cell);
            const key = `${r},${col}`;
            codesByCell.set(key, [...(codesByCell.get(key) ?? []), issue.code]);
            // No issue lands on a cell nobody typed into (blank point and date cells are typed as null).
            holds(typed.has(key), "every issue is at a cell of a typed row's point, date or values", issue);
          }
          const blankRows = new Set([...typed.values()].map((t) => t.row));
          for (const t of typed.values()) if (!isBlank(t.value)) blankRows.delete(t.row);
          for (const [key, { row: r, col, value }] of typed) {
            const codes = codesByCell.get(key) ?? [];
            const expected = expectedAt(col, value, blankRows.has(r));
            if ("exactly" in expected) {
              holds(codes.join() === expected.exactly.join(), `the issues at ${key}`, {
                value,
                codes,
                expected,
              });
            } else {
              const allowed =
                codes.every((c) => expected.someOf.includes(c)) && new Set(codes).size === codes.length;
              holds(allowed, `the issues at ${key}`, { value, codes, expected });
            }
          }
        }),
        cases.params(100),
      );
    },
    cases.timeout(60_000),
  );
});
