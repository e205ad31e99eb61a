import { columnLetters } from "./a1";
import type { CellValue, SheetLayout } from "./layout";
import { isBlank } from "./readSheet";

/** A user's cell outside the plan's table, by zero-based sheet row and column. */
export interface OutsideCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
}

/**
 * Puts a user's cells outside the table back at their addresses in a sheet's new layout (as
 * values; a formula, read as "=…", stays a formula). A cell where the new layout writes something
 * (inside its table, or on its title or note) is not placed but returned in `inTheWay`, so that
 * generation can stop instead of overwriting it.
 *
 * @example
 * keepOutsideCells(layout, [{ row: 3, col: 12, value: "张工：待复核" }]).layout.values[3][12]
 */
export function keepOutsideCells(
  layout: SheetLayout,
  cells: readonly OutsideCell[],
): { readonly layout: SheetLayout; readonly inTheWay: readonly (OutsideCell & { readonly a1: string })[] } {
  if (cells.length === 0) return { layout, inTheWay: [] };
  const written = (row: number, col: number): boolean =>
    layout.tables.some(
      ({ rect }) =>
        row >= rect.row &&
        row < rect.row + rect.rowCount &&
        col >= rect.col &&
        col < rect.col + rect.colCount,
    ) || !isBlank(layout.values[row]?.[col]);
  const inTheWay = cells
    .filter((cell) => written(cell.row, cell.col))
    .map((cell) => ({ ...cell, a1: `${columnLetters(cell.col)}${cell.row + 1}` }));
  if (inTheWay.length > 0) return { layout, inTheWay };

  let height = layout.values.length;
  let width = layout.values[0]?.length ?? 0;
  for (const { row, col } of cells) {
    height = Math.max(height, row + 1);
    width = Math.max(width, col + 1);
  }
  const values: CellValue[][] = [];
  for (let r = 0; r < height; r += 1) {
    const row: CellValue[] = [...(layout.values[r] ?? [])];
    while (row.length < width) row.push("");
    values.push(row);
  }
  for (const { row, col, value } of cells) {
    const target = values[row];
    if (target !== undefined) target[col] = value;
  }
  return { layout: { ...layout, values }, inTheWay: [] };
}
