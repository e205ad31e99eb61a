import type { MemorySheet } from "../../hosts/memory/memoryWorkbook";
import { serialToIsoDate } from "../../core/excelDate";

/** One cell as the preview draws it: the text Excel would show and the look the layout gave it. */
export interface PreviewCell {
  readonly text: string;
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean;
  readonly wrap: boolean;
  readonly align: "left" | "center" | "right" | null;
  /** True where Excel would right-align by default (a number with no alignment set). */
  readonly numeric: boolean;
  /** Unwrapped text with an empty cell to its right spills over it, as in Excel (titles, notes). */
  readonly overflows: boolean;
  /** The cell's note (validation's marks write one on each problem cell), or null. */
  readonly note: string | null;
  /** The top-left cell of a merged area: how many rows and columns it spans; null for others. */
  readonly span: { readonly rows: number; readonly cols: number } | null;
  /** A cell inside a merged area other than its top-left one: drawn by the area, not on its own. */
  readonly covered: boolean;
}

/** A worksheet ready to draw as an HTML table. */
export interface PreviewSheet {
  readonly name: string;
  readonly rows: readonly (readonly PreviewCell[])[];
  /** Column widths in pixels. */
  readonly columnWidths: readonly number[];
  /** Rows frozen at the top, kept in view while the table scrolls. */
  readonly frozenRows: number;
}

/** Empty rows drawn below the last used row, where a user types new rows. */
const extraRows = 20;

/** Excel's column width unit is one character of the default font: about 7 px plus 5 px of padding. */
function widthToPixels(characters: number): number {
  return Math.round(characters * 7 + 5);
}

/** The text Excel would show for a value under a number format, as far as the plan's sheets use them. */
function displayText(value: string | number | boolean | null, numberFormat: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" && numberFormat !== undefined && /y{2,4}/i.test(numberFormat)) {
    return serialToIsoDate(value);
  }
  return String(value);
}

/**
 * Reads a sheet of the in-memory workbook the way a user would see it in Excel: every cell of the
 * used range (values users entered included), with the fills, fonts and widths of the layout the
 * add-in wrote. Returns null for a very hidden sheet (lists behind dropdowns), which Excel never shows.
 *
 * @example
 * const sheet = toPreviewSheet(book.sheet("附件1 任务清单")!);
 * sheet?.rows[2]?.[0]?.text // "序号"
 */
export function toPreviewSheet(sheet: MemorySheet): PreviewSheet | null {
  const layout = sheet.layout;
  if (layout?.visibility === "veryHidden") return null;
  const used = sheet.usedRect();
  const notes = sheet.allNotes();
  // A few empty rows below the data, as Excel shows them: room to type the next sample.
  const rowCount =
    notes.reduce((max, n) => Math.max(max, n.row + 1), used ? used.row + used.rowCount : 0) + extraRows;
  const colCount = notes.reduce(
    (max, n) => Math.max(max, n.col + 1),
    Math.max(used ? used.col + used.colCount : 0, layout?.columnWidths.length ?? 0),
  );
  const merges = layout?.merges ?? [];
  const anchorOf = new Map(merges.map((m) => [`${m.row}:${m.col}`, m]));
  const isCovered = (r: number, c: number): boolean =>
    merges.some(
      (m) =>
        r >= m.row &&
        r < m.row + m.rowCount &&
        c >= m.col &&
        c < m.col + m.colCount &&
        (r !== m.row || c !== m.col),
    );
  const rows: PreviewCell[][] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const row: PreviewCell[] = [];
    for (let c = 0; c < colCount; c += 1) {
      const value = sheet.get(r, c);
      const wrap = sheet.formatAt(r, c, "wrapText") ?? false;
      row.push({
        text: displayText(value, sheet.formatAt(r, c, "numberFormat")),
        fill: sheet.formatAt(r, c, "fill") ?? null,
        fontColor: sheet.formatAt(r, c, "fontColor") ?? null,
        bold: sheet.formatAt(r, c, "bold") ?? false,
        wrap,
        align: sheet.formatAt(r, c, "horizontalAlignment") ?? null,
        numeric: typeof value === "number",
        overflows: !wrap && typeof value === "string" && value !== "" && sheet.get(r, c + 1) === null,
        note: sheet.noteAt(r, c),
        span: ((m) => (m === undefined ? null : { rows: m.rowCount, cols: m.colCount }))(
          anchorOf.get(`${r}:${c}`),
        ),
        covered: merges.length > 0 && isCovered(r, c),
      });
    }
    rows.push(row);
  }
  const columnWidths = Array.from({ length: colCount }, (_, c) =>
    widthToPixels(layout?.columnWidths[c] ?? 8.43),
  );
  return { name: sheet.name, rows, columnWidths, frozenRows: layout?.freeze.rows ?? 0 };
}

export { columnLetters } from "../../workbook/a1";
