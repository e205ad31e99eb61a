import type { MemorySheet } from "../../hosts/memory/memoryWorkbook";
import { toEnteredValue } from "./enteredValue";
import { growTables } from "./growTables";

/**
 * Writes what a user typed or pasted into the grid, with the top-left at zero-based `row` and
 * `col`: each text read as Excel reads typing (see `toEnteredValue`), then the sheet's tables grown
 * over the rows typed below them as Excel grows them (see `growTables`), so their formats and
 * dropdowns reach the new rows.
 *
 * @example
 * enterCells(book.sheet("监测数据")!, 4, 0, [["浮石", "2023-05-11"]]); // A5, B5 (a date); WP_Monitoring to row 5
 */
export function enterCells(
  sheet: MemorySheet,
  row: number,
  col: number,
  rows: readonly (readonly string[])[],
): void {
  rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      sheet.set(row + r, col + c, toEnteredValue(text));
    });
  });
  growSheetTables(sheet);
}

/** Grows the sheet's tables over every row typed below them (see `growTables`). */
export function growSheetTables(sheet: MemorySheet): void {
  const used = sheet.usedRect();
  if (sheet.layout === null || used === null) return;
  sheet.layout = growTables(sheet.layout, used.row + used.rowCount - 1, (r, c) => sheet.get(r, c) !== null);
}
