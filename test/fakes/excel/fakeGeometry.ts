/**
 * The fake's geometry: zero-based rectangles of cells, cell keys, and A1 addresses both ways, as
 * Excel writes and reads them.
 */
import { FakeRichApiError } from "./fakeRichApiError";

/** Zero-based rectangle. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

export function key(row: number, col: number): number {
  return row * EXCEL_COLUMNS + col;
}

export function contains(rect: Rect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount
  );
}

/** Whether `inner` lies within `outer`. */
export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount
  );
}

/** The cells two rectangles share, or null. */
export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.col + a.colCount, b.col + b.colCount);
  return bottom > row && right > col ? { row, col, rowCount: bottom - row, colCount: right - col } : null;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.col < b.col + b.colCount &&
    b.col < a.col + a.colCount
  );
}

/** A rectangle's cells as rows, each cell what `fill` gives for it. */
export function cellsOf(rect: Rect, fill: (row: number, col: number) => unknown): unknown[][] {
  return Array.from({ length: rect.rowCount }, (_, r) =>
    Array.from({ length: rect.colCount }, (_, c) => fill(rect.row + r, rect.col + c)),
  );
}

export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits "'附件1 任务清单'!A1:B2" into sheet name and address. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replaceAll("''", "'");
  return { sheet, ref: address.slice(bang + 1) };
}

/** "A1", "$A$1:$C$3", "3:5" (whole rows), "A:C" (whole columns) → rect. */
export function parseA1(ref: string): Rect {
  const clean = ref.replaceAll("$", "").toUpperCase();
  const [first, second = first] = clean.split(":") as [string, string?];
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const rowOnly = /^(\d+)$/;
  const colOnly = /^([A-Z]{1,3})$/;
  const a = cell.exec(first);
  const b = cell.exec(second);
  if (a !== null && b !== null) {
    const r1 = Number(a[2]) - 1;
    const r2 = Number(b[2]) - 1;
    const c1 = columnIndex(a[1]!);
    const c2 = columnIndex(b[1]!);
    return {
      row: Math.min(r1, r2),
      col: Math.min(c1, c2),
      rowCount: Math.abs(r2 - r1) + 1,
      colCount: Math.abs(c2 - c1) + 1,
    };
  }
  const ra = rowOnly.exec(first);
  const rb = rowOnly.exec(second);
  if (ra !== null && rb !== null) {
    const r1 = Number(ra[1]) - 1;
    const r2 = Number(rb[1]) - 1;
    return { row: Math.min(r1, r2), col: 0, rowCount: Math.abs(r2 - r1) + 1, colCount: EXCEL_COLUMNS };
  }
  const ca = colOnly.exec(first);
  const cb = colOnly.exec(second);
  if (ca !== null && cb !== null) {
    const c1 = columnIndex(ca[1]!);
    const c2 = columnIndex(cb[1]!);
    return { row: 0, col: Math.min(c1, c2), rowCount: EXCEL_ROWS, colCount: Math.abs(c2 - c1) + 1 };
  }
  throw new FakeRichApiError("InvalidArgument", `“${ref}” is not an A1 address.`);
}

export function formatA1(rect: Rect): string {
  const first = `${columnLetters(rect.col)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.colCount === 1) return first;
  return `${first}:${columnLetters(rect.col + rect.colCount - 1)}${rect.row + rect.rowCount}`;
}

/** Excel quotes a sheet name in an address when it holds anything but letters, digits and _. */
export function qualifiedAddress(sheetName: string, rect: Rect): string {
  const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName)
    ? sheetName
    : `'${sheetName.replaceAll("'", "''")}'`;
  return `${quoted}!${formatA1(rect)}`;
}
