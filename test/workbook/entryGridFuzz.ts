import fc from "fast-check";
import type { Locale } from "../../src/core/locale";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { columnLetters } from "../../src/workbook/a1";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { CellRect, CellValue } from "../../src/workbook/layout";
import { isBlank, readSheet, type ReadSheet } from "../../src/workbook/readSheet";
import type { AnySheetSpec } from "../../src/workbook/sheetSpec";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import type { ReportIssue } from "../../src/workbook/validate/validationReport";
import { workbookSpec } from "../../src/workbook/workbookSpec";
import { cellValue } from "../core/validation/cellArbitraries";
import { CaseCounter, holds } from "../core/validation/fuzzSettings";
import { parseA1 } from "../hosts/memory/memoryHarness";
import { memoryFuzzHost, type FuzzBook, type FuzzHost } from "./fuzzHosts";

/**
 * Fuzzing the workbook layer (R1 §4, issue 14 §5): random grids typed into the entry columns of
 * every sheet of a generated workbook, then validated and generated again, through any host.
 *
 * @example
 * describe("on the xlsx host", () => fuzzEntryGrids(xlsxFuzzHost(), 4));
 */

const specs = workbookSpec(plan);
const asOf = "2023-06-30";

/** Codes of problems about the workbook as a whole, reported without a cell. */
const workbookCodes = new Set(["sheet_missing", "columns_missing"]);

export interface Area {
  readonly spec: AnySheetSpec;
  readonly sheet: string;
  readonly read: ReadSheet;
  /** Sheet columns of the entry columns, by key. */
  readonly entryColumns: readonly { readonly key: string; readonly col: number }[];
  /** Zero-based row of the first data row. */
  readonly firstRow: number;
  /** Where the freshly generated sheet's table stands. */
  readonly rect: CellRect;
}

/**
 * The sheet as generation reads it from the cells a host holds: with the table's rect, which the
 * rows typed right below it join (as Excel grows a table), while rows after a gap lie outside it.
 */
function readBack(spec: AnySheetSpec, name: string, values: CellValue[][], rect?: CellRect): ReadSheet {
  const read = readSheet(
    spec,
    { name, startRow: 0, startCol: 0, values, tables: [spec.tableName] },
    columnLetters,
    rect,
  );
  if (!read) throw new Error(`no header on ${name}`);
  return read;
}

/** Every plan sheet's entry area in a freshly generated workbook (the same on every host and case of a locale). */
const areasByLocale = new Map<Locale, readonly Area[]>();
export async function areasOf(locale: Locale): Promise<readonly Area[]> {
  const known = areasByLocale.get(locale);
  if (known) return known;
  const book = await memoryFuzzHost.generated(locale);
  const areas: Area[] = [];
  for (const spec of specs) {
    const sheet = spec.name[locale];
    const read = readBack(spec, sheet, await book.cells(sheet));
    areas.push({
      spec,
      sheet,
      read,
      entryColumns: spec.columns
        .filter((c) => c.kind === "entry")
        .map((c) => ({ key: c.key, col: read.columns.get(c.key) ?? -1 })),
      firstRow: read.headerRow + 1,
      // An Excel Table has one data row at least: an empty entry sheet gets a blank one.
      rect: {
        row: read.headerRow,
        col: 0,
        rowCount: Math.max(1, read.rows.length) + 1,
        colCount: spec.columns.length,
      },
    });
  }
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
function userCells(values: readonly CellValue[][], area: Area): Map<string, CellValue> {
  const computed = new Set(
    area.spec.columns.filter((c) => c.kind === "computed").map((c) => area.read.columns.get(c.key)),
  );
  const cells = new Map<string, CellValue>();
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (!computed.has(c) && value !== null) cells.set(`${r},${c}`, value);
    });
  });
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
 * take (指标填报's base on a level target) are left out (they are kept, but not compared here).
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
  // Cells outside the table stay as they were typed, at their addresses.
  const outside = read.outside.map(
    ({ row, col, value }) => `${columnLetters(col)}${row + 1}=${String(value)}`,
  );
  return { byIdentity: Object.fromEntries(byIdentity), others, outside };
}

/** Checks that every issue names a plan sheet and, unless it is about the whole workbook, a cell of a spec column in the sheet's body. */
function expectIssuesAtCells(
  cellsBySheet: ReadonlyMap<string, CellValue[][]>,
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
    const rows = cellsBySheet.get(area.sheet)?.length ?? 0;
    const inColumns = [...area.read.columns.values()].includes(col);
    const inBody = row > area.read.headerRow && row < rows;
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

async function cellsOf(book: FuzzBook, areas: readonly Area[]): Promise<Map<string, CellValue[][]>> {
  const cells = new Map<string, CellValue[][]>();
  for (const area of areas) cells.set(area.sheet, await book.cells(area.sheet));
  return cells;
}

const grids = fc.record({
  locale: fc.constantFrom<Locale>("zh-CN", "en-US"),
  // The language of messages need not be the sheets' (an English user of a Chinese workbook).
  messages: fc.constantFrom<Locale>("zh-CN", "en-US"),
  // Write 汇总 too (生成汇总), or validate only (校验).
  summary: fc.boolean(),
  // One scattered grid per sheet, in the order of workbookSpec, reaching three rows below each table.
  cells: fc.tuple(
    scattered(53, 4, 40), // 附件1: status, completion date, progress, milestone date
    scattered(10, 1, 12), // 附件2: measured class
    scattered(2, 1, 4), // 附件3
    scattered(4, 1, 6), // 附件4
    scattered(5, 1, 6), // 附件5
    scattered(9, 5, 25), // 附件6: survey done and four counts
    scattered(12, 32, 80), // 监测数据: point, date, 29 parameters, remarks
    scattered(21, 4, 30), // 指标填报: actual, base, cut, remarks
  ),
});

/**
 * Registers the property on one host: `base` cases in `npm test` (×20 in `npm run fuzz`); the
 * counter prints the count when the file is done.
 */
export function fuzzEntryGrids(host: FuzzHost, base: number, cases: CaseCounter, timeoutMs: number): void {
  it(
    `never throws, reports every problem at a cell of its sheet, changes no entry, and generating again keeps every entry (${host.name})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(grids, async ({ locale, messages, summary, cells }) => {
          const areas = await areasOf(locale);
          const book = await host.generated(locale);
          areas.forEach((area, index) => {
            for (const { row, column, value } of cells[index] ?? []) {
              const target = area.entryColumns[column];
              if (target) book.type(area.sheet, area.firstRow + row, target.col, value);
            }
          });
          const cellsBefore = await cellsOf(book, areas);
          const before = areas.map((area) => userCells(cellsBefore.get(area.sheet) ?? [], area));
          const entriesBefore = areas.map((area) =>
            JSON.stringify(
              keptEntries(
                area,
                readBack(area.spec, area.sheet, cellsBefore.get(area.sheet) ?? [], area.rect),
                choiceTranslator(area.spec, locale),
              ),
            ),
          );

          const outcome = await validateWorkbook(book.port, plan, { locale: messages, asOf, summary });
          holds(outcome.ok, "validation runs on a generated workbook", outcome);
          const cellsAfter = await cellsOf(book, areas);
          expectIssuesAtCells(cellsAfter, areas, outcome.report.issues);
          areas.forEach((area, index) => {
            const changed = changedCells(
              before[index] ?? new Map(),
              userCells(cellsAfter.get(area.sheet) ?? [], area),
            );
            holds(
              changed.length === 0,
              `validation changed no cell of ${area.sheet} but its computed ones`,
              changed,
            );
          });

          const again = await generateWorkbook(book.port, plan, { locale });
          holds(again.ok, "generating again runs", again);
          const cellsAgain = await cellsOf(book, areas);
          areas.forEach((area, index) => {
            // As JSON: the entries are plain values (a host keeps -0 as 0 anyway).
            const kept = JSON.stringify(
              keptEntries(area, readBack(area.spec, area.sheet, cellsAgain.get(area.sheet) ?? [], area.rect)),
            );
            holds(kept === entriesBefore[index], `generating again kept every entry of ${area.sheet}`, {
              before: entriesBefore[index],
              after: kept,
            });
          });
        }),
        cases.params(base),
      );
    },
    cases.timeout(timeoutMs),
  );
}
