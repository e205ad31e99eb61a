import type { Locale } from "../core/locale";
import type {
  CellRect,
  CellValue,
  PrintLayout,
  RectFormat,
  RectValidation,
  SheetLayout,
  SheetProtection,
} from "./layout";
import { sheetFont } from "./layout";
import { narrowMargins, printScale } from "./printScale";
import type { ReadSheet } from "./readSheet";
import { identityPart, isBlank } from "./readSheet";
import type { AnySheetSpec, ColumnSpec } from "./sheetSpec";
import { firstDataRowIndex, headerRowIndex, palette } from "./sheetSpec";

/** One data row to write: a plan row with the entries kept for it, or a row the plan no longer has. */
export interface LayoutRow {
  /** The plan's row, or null for a row kept only because it holds entries. */
  readonly plan: unknown;
  /** Entry values (and, for rows not in the plan, every value) by column key. */
  readonly values: ReadonlyMap<string, CellValue>;
  /** Values of the user's own columns by header. */
  readonly extras: ReadonlyMap<string, CellValue>;
}

export interface MergedRows {
  readonly rows: readonly LayoutRow[];
  readonly extraHeaders: readonly string[];
  /** Cells the user typed in the title and note rows, kept where they were. */
  readonly aboveHeader: ReadSheet["aboveHeader"];
  /** Non-empty entry cells (and cells of the user's own columns) carried over. */
  readonly keptEntries: number;
}

/**
 * A dropdown entry made in the other language ("推进中" on a sheet now generated in English) is
 * written as the same choice in this language, so that it still passes the column's validation.
 */
function choiceTranslator(spec: AnySheetSpec, locale: Locale): (key: string, value: CellValue) => CellValue {
  const byColumn = new Map<string, Map<string, string>>();
  for (const column of spec.columns) {
    const choices = column.validation?.choices;
    if (!choices) continue;
    byColumn.set(
      column.key,
      new Map(
        choices.flatMap((c) => [
          [c["zh-CN"], c[locale]],
          [c["en-US"], c[locale]],
        ]),
      ),
    );
  }
  return (key, value) =>
    typeof value === "string" ? (byColumn.get(key)?.get(value.trim()) ?? value) : value;
}

/** A plan row's identity as either language writes it (an indicator's name is localized). */
export function planIdentities(spec: AnySheetSpec, row: unknown): ReadonlySet<string> {
  const identity = (locale: Locale): string =>
    spec.identity
      .map((key) => {
        const column = spec.columns.find((c) => c.key === key);
        return identityPart(column?.value?.(row, locale));
      })
      .join("|");
  return new Set([identity("zh-CN"), identity("en-US"), ...(spec.formerIdentities?.(row) ?? [])]);
}

/**
 * Puts the entries read back beside the plan's rows, matched by identity (task number, section
 * name, task + indicator), never by position. Rows read back that match no plan row but hold
 * entries are kept after the plan's rows, so that nothing a user entered is lost.
 *
 * @example
 * const merged = mergeRows(spec, readSheet(spec, snapshot, name), "zh-CN");
 */
export function mergeRows(spec: AnySheetSpec, read: ReadSheet | null, locale: Locale): MergedRows {
  const entryKeys = new Set(spec.columns.filter((c) => c.kind === "entry").map((c) => c.key));
  const inLocale = choiceTranslator(spec, locale);
  const unmatched = [...(read?.rows ?? [])];
  let keptEntries = 0;
  const countKept = (values: ReadonlyMap<string, CellValue>, onlyEntries: boolean): void => {
    for (const [key, value] of values)
      if (!isBlank(value) && (!onlyEntries || entryKeys.has(key))) keptEntries += 1;
  };

  const rows: LayoutRow[] = spec.rows.map((planRow: unknown) => {
    const identities = planIdentities(spec, planRow);
    const index = unmatched.findIndex((r) => r.identity !== null && identities.has(r.identity));
    const match = index >= 0 ? unmatched.splice(index, 1)[0] : undefined;
    if (!match) return { plan: planRow, values: new Map(), extras: new Map() };
    const entries = new Map(
      [...match.values]
        .filter(([key]) => entryKeys.has(key))
        .map(([key, value]) => [key, inLocale(key, value)]),
    );
    countKept(entries, true);
    countKept(match.extras, false);
    return { plan: planRow, values: entries, extras: match.extras };
  });

  // Rows that match no plan row are kept whatever they hold: a user typed them, or the plan no
  // longer has them and the user may still need what is in them. They are marked, not dropped.
  // Computed cells are the add-in's, recomputed by validation: never kept as a user's.
  const computedKeys = new Set(spec.columns.filter((c) => c.kind === "computed").map((c) => c.key));
  for (const row of unmatched) {
    const kept = new Map([...row.values].filter(([key]) => !computedKeys.has(key)));
    countKept(kept, false);
    countKept(row.extras, false);
    const values = new Map([...kept].map(([key, value]) => [key, inLocale(key, value)]));
    rows.push({ plan: null, values, extras: row.extras });
  }
  const aboveHeader = read?.aboveHeader ?? [];
  keptEntries += aboveHeader.length;
  return { rows, extraHeaders: read?.extraHeaders ?? [], aboveHeader, keptEntries };
}

function rect(row: number, col: number, rowCount: number, colCount: number): CellRect {
  return { row, col, rowCount, colCount };
}

function cellValue(column: ColumnSpec<unknown>, row: LayoutRow, locale: Locale): CellValue {
  if (column.kind === "computed") return "";
  if (row.plan !== null && column.kind === "plan") return column.value?.(row.plan, locale) ?? "";
  // A cell that takes no entry on its row is blank, unless a user typed there: that is kept (and
  // validation says the value is not used), never dropped.
  return row.values.get(column.key) ?? "";
}

/** Consecutive row indexes where `test` holds, as [start, count] runs. */
function runs(count: number, test: (index: number) => boolean): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < count; i += 1) {
    if (!test(i)) continue;
    const last = found[found.length - 1];
    if (last && last[0] + last[1] === i) last[1] += 1;
    else found.push([i, 1]);
  }
  return found;
}

const headerFills: Readonly<Record<ColumnSpec<unknown>["kind"], string>> = {
  plan: palette.planHeaderFill,
  entry: palette.entryHeaderFill,
  computed: palette.computedHeaderFill,
};

/** The plain fill of a column's data cells (validation restores it before drawing its marks). */
export const cellFills: Readonly<Record<ColumnSpec<unknown>["kind"], string>> = {
  plan: palette.planCellFill,
  entry: palette.entryCellFill,
  computed: palette.computedCellFill,
};

const validationTitle = { "zh-CN": "输入无效", "en-US": "Invalid entry" } as const;

/**
 * Points per line of 11-pt text, and Excel's largest row height. Lines are counted as Excel wraps
 * (textWidth); LibreOffice, whose columns are a third wider (printScale.ts), wraps into fewer but
 * taller lines (Noto Sans CJK: 15.9 pt) that still fit the rows so counted.
 */
const lineHeight = 15;
const maxRowHeight = 409;

/**
 * Width of a text in Excel's column-width unit: a CJK or full-width character is 1 em wide, 2.1
 * digits of an 11-pt font (14.7 px against a 7-px digit); Latin letters about one digit each.
 */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/u.test(ch) ? 2.1 : 1;
  return width;
}

/**
 * Width of a Latin word as it prints: digits one unit each, letters and punctuation a little less
 * (Calibri's and DejaVu Sans's lowercase average about 0.85 of a digit), a space half.
 */
function wordWidth(word: string): number {
  let width = 0;
  for (const ch of word) width += /[0-9]/u.test(ch) ? 1 : 0.85;
  return width;
}

/**
 * Lines one paragraph takes when wrapped word by word, as Excel and LibreOffice wrap: Chinese text
 * breaks between any two characters, a Latin word or number ("10,000", "m³") only where it is
 * longer than a line, else it moves whole to the next line and leaves the end of this one empty.
 */
function wordWrappedLines(part: string, usable: number): number {
  let lines = 1;
  let used = 0;
  for (const token of part.match(/[\u2e80-\uffff]+|[^\s\u2e80-\uffff]+|\s+/gu) ?? []) {
    if (/^\s/u.test(token)) {
      // Spaces at the end of a line hang past it: the next word starts the next line.
      used = Math.min(usable, used + token.length * 0.5);
      continue;
    }
    const cjk = /^[\u2e80-\uffff]/u.test(token);
    const width = cjk ? textWidth(token) : wordWidth(token);
    if (!cjk && used > 0 && used + width > usable && width <= usable) {
      lines += 1;
      used = 0;
    }
    used += width;
    while (used > usable) {
      lines += 1;
      used -= usable;
    }
  }
  return lines;
}

/**
 * Lines a wrapped cell needs in a column of the given width: the larger of the count by characters
 * (every Latin character a digit wide, which leaves room for the ends of lines that prose wastes)
 * and the count word by word (which sees a short text whose long word cannot share a line:
 * "m³ per 10,000 yuan" in 10 characters takes three lines, not two).
 */
function wrappedLines(value: CellValue, columnWidth: number): number {
  if (typeof value !== "string" || value === "") return 1;
  const usable = Math.max(1, columnWidth - 1);
  return value
    .split("\n")
    .reduce(
      (lines, part) =>
        lines + Math.max(1, Math.ceil(textWidth(part) / usable), wordWrappedLines(part, usable)),
      0,
    );
}

/**
 * Row heights for rows whose wrapped text needs more than one line. Excel does not fit row heights
 * to wrapped text when it opens a file, and neither does LibreOffice, so the layout says them.
 */
export function wrappedRowHeights(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  widths: readonly number[],
  wraps: (col: number) => boolean,
): { row: number; height: number }[] {
  const heights: { row: number; height: number }[] = [];
  rows.forEach((row, r) => {
    let lines = 1;
    row.forEach((value, c) => {
      if (wraps(c)) lines = Math.max(lines, wrappedLines(value, widths[c] ?? 8));
    });
    if (lines > 1)
      heights.push({ row: firstRow + r, height: Math.min(maxRowHeight, lines * lineHeight + 3) });
  });
  return heights;
}

/**
 * Lays a sheet out: title (A1), note (A2), header (row 3), then one row per merged row, as one
 * Excel Table with filters. Plan cells are grey under blue headers, entry cells yellow under
 * brown headers; entry cells carry data validation; headers are frozen and repeat when printed.
 *
 * @example
 * const layout = buildSheetLayout(spec, "附件1 任务清单", mergeRows(spec, null, "zh-CN"), "zh-CN");
 */
export function buildSheetLayout(
  spec: AnySheetSpec,
  sheetName: string,
  merged: MergedRows,
  locale: Locale,
): SheetLayout {
  const columns: readonly ColumnSpec<unknown>[] = spec.columns;
  const tableWidth = columns.length + merged.extraHeaders.length;
  // A note a user typed right of the table in the title rows widens the grid, not the table.
  const width = merged.aboveHeader.reduce((max, cell) => Math.max(max, cell.col + 1), tableWidth);
  // An Excel Table needs one data row at least, so an empty entry sheet gets one blank row.
  const dataRows: readonly LayoutRow[] =
    merged.rows.length > 0 ? merged.rows : [{ plan: null, values: new Map(), extras: new Map() }];
  const blankRow = (): CellValue[] => new Array<CellValue>(width).fill("");

  const title = blankRow();
  title[0] = spec.title[locale];
  const note = blankRow();
  note[0] = spec.note[locale];
  for (const cell of merged.aboveHeader) (cell.row === 0 ? title : note)[cell.col] = cell.value;
  const pad = (cells: CellValue[]): CellValue[] => [
    ...cells,
    ...new Array<CellValue>(width - cells.length).fill(""),
  ];
  const header = pad([...columns.map((c) => c.header[locale]), ...merged.extraHeaders]);
  const body = dataRows.map((row) =>
    pad([
      ...columns.map((c) => cellValue(c, row, locale)),
      ...merged.extraHeaders.map((h) => row.extras.get(h) ?? ""),
    ]),
  );

  const n = dataRows.length;
  const top = firstDataRowIndex;
  // The note is merged over the table's width (up to a cell a user typed in its row) and wrapped,
  // so that it prints whole.
  const noteWidth = merged.aboveHeader
    .filter((cell) => cell.row === 1 && cell.col > 0)
    .reduce((least, cell) => Math.min(least, cell.col), tableWidth);
  const formats: RectFormat[] = [
    { rect: rect(0, 0, 1, 1), bold: true, fontSize: 14 },
    { rect: rect(1, 0, 1, 1), fontColor: palette.noteFont, wrapText: true, verticalAlignment: "top" },
    { rect: rect(headerRowIndex, 0, 1, tableWidth), bold: true, wrapText: true, verticalAlignment: "center" },
  ];
  columns.forEach((column, c) => {
    const isPlan = column.kind === "plan";
    formats.push({
      rect: rect(headerRowIndex, c, 1, 1),
      fill: headerFills[column.kind],
      fontColor: palette.headerFont,
      horizontalAlignment: "center",
    });
    formats.push({
      rect: rect(top, c, n, 1),
      fill: cellFills[column.kind],
      ...(isPlan ? { fontColor: palette.planCellFont } : {}),
      ...(column.numberFormat !== undefined ? { numberFormat: column.numberFormat } : {}),
      ...(column.wrap === true ? { wrapText: true } : {}),
      verticalAlignment: "top",
    });
  });

  // Cells that take no entry on their row look like plan cells; rows the plan no longer has are marked.
  columns.forEach((column, c) => {
    const { appliesTo } = column;
    if (column.kind !== "entry" || !appliesTo) return;
    const takesNoEntry = (i: number): boolean => {
      const plan = dataRows[i]?.plan;
      return plan !== null && plan !== undefined && !appliesTo(plan);
    };
    for (const [start, count] of runs(n, takesNoEntry)) {
      formats.push({ rect: rect(top + start, c, count, 1), fill: palette.planCellFill });
    }
  });
  for (const [start, count] of runs(n, (i) => dataRows[i]?.plan === null && spec.identity.length > 0)) {
    formats.push({ rect: rect(top + start, 0, count, columns.length), fill: palette.orphanFill });
  }

  const validations: RectValidation[] = [];
  columns.forEach((column, c) => {
    const { validation, appliesTo } = column;
    if (column.kind !== "entry" || !validation) return;
    const takesEntry = (i: number): boolean => {
      const plan = dataRows[i]?.plan;
      return plan === null || plan === undefined || !appliesTo || appliesTo(plan);
    };
    for (const [start, count] of runs(n, takesEntry)) {
      validations.push({
        rect: rect(top + start, c, count, 1),
        rule: validation.rule(locale),
        errorTitle: validationTitle[locale],
        errorMessage: validation.message[locale],
        errorStyle: validation.errorStyle,
      });
    }
  });

  const columnWidths = [...columns.map((c) => c.width), ...merged.extraHeaders.map(() => 14)];
  const noteColumns = columnWidths.slice(0, noteWidth).reduce((sum, w) => sum + w, 0);
  const rowHeights = [
    { row: 0, height: 24 },
    ...wrappedRowHeights([note.slice(0, 1)], 1, [noteColumns], () => true),
    ...wrappedRowHeights([header], headerRowIndex, columnWidths, () => true),
    ...wrappedRowHeights(body, top, columnWidths, (c) => columns[c]?.wrap === true),
  ];
  return {
    name: sheetName,
    values: [title, note, header, ...body],
    columnWidths,
    rowHeights,
    formats,
    validations,
    tables: [
      { name: spec.tableName, rect: rect(headerRowIndex, 0, n + 1, tableWidth), style: "TableStyleLight1" },
    ],
    freeze: { rows: firstDataRowIndex, columns: spec.freezeColumns },
    ...(noteWidth > 1 ? { merges: [rect(1, 0, 1, noteWidth)] } : {}),
    print: sheetPrint(spec, columnWidths),
    font: sheetFont(locale),
    visibility: "visible",
    tabColor: spec.tabColor,
  };
}

/**
 * The protection of a sheet sent to a unit (see SheetLayout.protection): the entry cells that take
 * an entry on their row, and the user's own columns, stay unlocked; plan and computed cells, and
 * entry cells a row does not use, are locked. A sheet without plan columns (监测数据) gets none: it
 * has nothing of the plan's to keep, and a protected table cannot grow by the rows a unit adds.
 *
 * @example
 * const layout = { ...buildSheetLayout(spec, name, merged, locale), protection: entryProtection(spec, merged) };
 */
export function entryProtection(spec: AnySheetSpec, merged: MergedRows): SheetProtection | null {
  const columns: readonly ColumnSpec<unknown>[] = spec.columns;
  if (!columns.some((c) => c.kind === "plan")) return null;
  const dataRows = merged.rows.length > 0 ? merged.rows.length : 1;
  const unlocked: CellRect[] = [];
  columns.forEach((column, c) => {
    if (column.kind !== "entry") return;
    const { appliesTo } = column;
    const takesEntry = (i: number): boolean => {
      const plan = merged.rows[i]?.plan;
      return plan === null || plan === undefined || !appliesTo || appliesTo(plan);
    };
    for (const [start, count] of runs(dataRows, takesEntry)) {
      unlocked.push(rect(firstDataRowIndex + start, c, count, 1));
    }
  });
  if (merged.extraHeaders.length > 0) {
    unlocked.push(rect(firstDataRowIndex, columns.length, dataRows, merged.extraHeaders.length));
  }
  return { unlocked };
}

/**
 * A4 landscape with narrow margins; title, note and header repeat on every page (LibreOffice
 * prints title rows above a page even where they stand on it, so all three); at the scale where
 * the columns fit `spec.pagesWide` pages across, never above 100 %. A sheet printed on more than
 * one page across repeats its frozen (identifying) columns on each. Only the table's columns print.
 */
function sheetPrint(spec: AnySheetSpec, columnWidths: readonly number[]): PrintLayout {
  const titleColumns =
    spec.pagesWide > 1 && spec.freezeColumns > 0 ? { first: 0, last: spec.freezeColumns - 1 } : null;
  return {
    orientation: "landscape",
    paperSize: "A4",
    titleRows: { first: 0, last: headerRowIndex },
    titleColumns,
    scale: printScale({
      columnWidths,
      titleColumns,
      pagesWide: spec.pagesWide,
      orientation: "landscape",
      margins: narrowMargins,
    }),
    margins: narrowMargins,
    columns: { first: 0, last: columnWidths.length - 1 },
    rowBreaks: [],
    gridlines: true,
  };
}
