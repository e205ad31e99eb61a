import type { MemorySheet } from "../../hosts/memory/memoryWorkbook";
import type { CellRect } from "../../workbook/layout";

/** Whether a cell of the sheet holds anything. */
function filled(sheet: MemorySheet, row: number, col: number): boolean {
  const value = sheet.get(row, col);
  return value !== null && value !== "";
}

/**
 * The block of cells around a cell, bounded by wholly empty rows and columns — Excel's current
 * region (Ctrl+Shift+8): the preview's grid selects one cell at a time, so "the selected range" of
 * an export pasted there is the region around the active cell. Null when the cell and its
 * neighbours are all empty.
 *
 * @example
 * currentRegion(sheet, 5, 2) // { row: 0, col: 0, rowCount: 40, colCount: 17 }
 */
export function currentRegion(sheet: MemorySheet, row: number, col: number): CellRect | null {
  let top = row;
  let left = col;
  let bottom = row;
  let right = col;
  const rowHas = (r: number): boolean => {
    for (let c = Math.max(0, left - 1); c <= right + 1; c += 1) if (filled(sheet, r, c)) return true;
    return false;
  };
  const colHas = (c: number): boolean => {
    for (let r = Math.max(0, top - 1); r <= bottom + 1; r += 1) if (filled(sheet, r, c)) return true;
    return false;
  };
  // Grow by a row or column wherever the one beyond the edge (diagonals included) holds a value.
  for (let grown = true; grown;) {
    grown = false;
    if (top > 0 && rowHas(top - 1)) {
      top -= 1;
      grown = true;
    }
    if (rowHas(bottom + 1)) {
      bottom += 1;
      grown = true;
    }
    if (left > 0 && colHas(left - 1)) {
      left -= 1;
      grown = true;
    }
    if (colHas(right + 1)) {
      right += 1;
      grown = true;
    }
  }
  const rect = { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
  const any = sheet.valuesOf(rect).some((cells) => cells.some((value) => value !== ""));
  return any ? rect : null;
}
