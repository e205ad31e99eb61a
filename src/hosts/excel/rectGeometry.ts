/**
 * The geometry of the Office host: rectangles of cells (zero-based, as CellRect) — where they meet,
 * what lies outside one, what holds two — and their A1 addresses, both ways. Pure but for reading
 * a loaded Range's place and making a Range for a rectangle; it queues nothing else.
 */
import { columnLetters } from "../../workbook/a1";
import { HostError } from "../hostError";
import type { CellRect } from "../../workbook/layout";

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/** Every cell of a sheet. */
export const WHOLE_SHEET: CellRect = { row: 0, col: 0, rowCount: EXCEL_ROWS, colCount: EXCEL_COLUMNS };

/** Whether a table's cells are already known as a rectangle, or still a Range to be loaded. */
export function isRect(cells: Excel.Range | CellRect): cells is CellRect {
  return "rowCount" in cells && "colCount" in cells;
}

/** The rectangle of a Range whose rowIndex, columnIndex, rowCount and columnCount were loaded. */
export function rectOf(range: Excel.Range): CellRect {
  return {
    row: range.rowIndex,
    col: range.columnIndex,
    rowCount: range.rowCount,
    colCount: range.columnCount,
  };
}

/** Whether a rectangle lies within the first `rows` × `columns` cells of a sheet. */
export function within(rect: CellRect, bound: { readonly rows: number; readonly columns: number }): boolean {
  return rect.row + rect.rowCount <= bound.rows && rect.col + rect.colCount <= bound.columns;
}

/** The cells two rectangles share, or null. */
export function intersectRects(a: CellRect, b: CellRect): CellRect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.col + a.colCount, b.col + b.colCount);
  return bottom > row && right > col ? { row, col, rowCount: bottom - row, colCount: right - col } : null;
}

/**
 * The parts of a used range outside the block read from it (which shares its top-left corner):
 * right of the block beside its rows, then everything below it — in that order, so that the first
 * non-empty cell found is the first row by row.
 */
export function regionsOutside(used: CellRect, window: CellRect | null): CellRect[] {
  if (window === null) return [used];
  const regions: CellRect[] = [];
  const windowRight = window.col + window.colCount;
  const usedRight = used.col + used.colCount;
  const windowBottom = window.row + window.rowCount;
  const usedBottom = used.row + used.rowCount;
  if (usedRight > windowRight) {
    regions.push({
      row: used.row,
      col: windowRight,
      rowCount: windowBottom - used.row,
      colCount: usedRight - windowRight,
    });
  }
  if (usedBottom > windowBottom) {
    regions.push({
      row: windowBottom,
      col: used.col,
      rowCount: usedBottom - windowBottom,
      colCount: used.colCount,
    });
  }
  return regions;
}

/** The smallest rectangle holding both, or null when both are null. */
export function boundingRect(a: CellRect | null, b: CellRect | null): CellRect | null {
  if (a === null) return b;
  if (b === null) return a;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rowCount: Math.max(a.row + a.rowCount, b.row + b.rowCount) - row,
    colCount: Math.max(a.col + a.colCount, b.col + b.colCount) - col,
  };
}

/** The parts of `area` outside `inner` (inner's top-left is area's): right of it, then below it. */
export function outside(area: CellRect, inner: CellRect | null): CellRect[] {
  if (inner === null) return [area];
  const rects: CellRect[] = [];
  const right = area.col + area.colCount - (inner.col + inner.colCount);
  const innerBottom = inner.row + inner.rowCount;
  if (right > 0) {
    rects.push({
      row: area.row,
      col: inner.col + inner.colCount,
      rowCount: Math.min(area.row + area.rowCount, innerBottom) - area.row,
      colCount: right,
    });
  }
  const below = area.row + area.rowCount - innerBottom;
  if (below > 0) rects.push({ row: innerBottom, col: area.col, rowCount: below, colCount: area.colCount });
  return rects.filter((r) => r.rowCount > 0 && r.colCount > 0);
}

/** Whether two rectangles share a cell. */
export function rectsOverlap(a: CellRect, b: CellRect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.col < b.col + b.colCount &&
    b.col < a.col + a.colCount
  );
}

/** Two rectangles that side by side (or one above the other) make one rectangle: that rectangle. */
export function joined(a: CellRect, b: CellRect): CellRect | null {
  if (
    a.row === b.row &&
    a.rowCount === b.rowCount &&
    (a.col + a.colCount === b.col || b.col + b.colCount === a.col)
  ) {
    return {
      row: a.row,
      col: Math.min(a.col, b.col),
      rowCount: a.rowCount,
      colCount: a.colCount + b.colCount,
    };
  }
  if (
    a.col === b.col &&
    a.colCount === b.colCount &&
    (a.row + a.rowCount === b.row || b.row + b.rowCount === a.row)
  ) {
    return {
      row: Math.min(a.row, b.row),
      col: a.col,
      rowCount: a.rowCount + b.rowCount,
      colCount: a.colCount,
    };
  }
  return null;
}

/** Whether the cell at `row`, `col` lies in the rectangle. */
export function containsCell(rect: CellRect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount
  );
}

/**
 * Which cells a RangeAreas holds, from its address ("Sheet1!A1:B4, Sheet1!D1:D4"); none for a null
 * object (no such cells).
 */
export function cellsOf(areas: Excel.RangeAreas): (row: number, col: number) => boolean {
  if (areas.isNullObject) return () => false;
  const rects = areas.address.split(",").map((part) => parseA1Rect(part.trim()));
  return (row, col) => rects.some((rect) => containsCell(rect, row, col));
}

/** "'附件1 任务清单'!A1:B4", "Sheet1!D7" or "D7" → the rectangle, zero-based. */
export function parseA1Rect(address: string): CellRect {
  const ref = address.slice(address.lastIndexOf("!") + 1).replaceAll("$", "");
  const [first = "", last = first] = ref.split(":");
  const cell = (text: string): { row: number; col: number } => {
    const match = /^([A-Z]+)(\d+)$/i.exec(text);
    if (match === null)
      throw new HostError("excel_rejected", `Excel gave an address the add-in cannot read: ${address}`);
    let col = 0;
    for (const ch of (match[1] ?? "").toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(match[2]) - 1, col: col - 1 };
  };
  const a = cell(first);
  const b = cell(last);
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rowCount: Math.abs(b.row - a.row) + 1,
    colCount: Math.abs(b.col - a.col) + 1,
  };
}

/** The Range of a sheet's rectangle (ExcelApi 1.7 getRangeByIndexes). */
export function rectRange(sheet: Excel.Worksheet, rect: CellRect): Excel.Range {
  return sheet.getRangeByIndexes(rect.row, rect.col, rect.rowCount, rect.colCount);
}

/** One cell's sheet-relative A1 address, e.g. "K8". */
export function a1Cell(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A rect as a sheet-relative A1 address, e.g. "A3:J56". */
export function a1Range(rect: CellRect): string {
  const first = `${columnLetters(rect.col)}${rect.row + 1}`;
  const last = `${columnLetters(rect.col + rect.colCount - 1)}${rect.row + rect.rowCount}`;
  return `${first}:${last}`;
}

/** "$A$2:$A$22": validation sources stay fixed wherever Excel evaluates them. */
export function absoluteA1Range(rect: CellRect): string {
  const first = `$${columnLetters(rect.col)}$${rect.row + 1}`;
  const last = `$${columnLetters(rect.col + rect.colCount - 1)}$${rect.row + rect.rowCount}`;
  return `${first}:${last}`;
}

/** A sheet name as a formula reference: always quoted (names here hold spaces and CJK), ' doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}
