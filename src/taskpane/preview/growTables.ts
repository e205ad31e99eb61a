import type { CellRect, SheetLayout, TableLayout } from "../../workbook/layout";
import { readBounds } from "../../workbook/port";

/** Whether a cell holds something a user typed or pasted (zero-based row and column). */
export type HasValue = (row: number, col: number) => boolean;

/**
 * A sheet's layout after rows were typed below its tables, as Excel's AutoExpansion leaves it:
 * each table grows down over every typed row below it, and the number formats, fills and data
 * validation of its last row reach the new rows (so a date typed there stays a date and a
 * dropdown column keeps its list). Rows count as the table's while no run of
 * `readBounds.rowsBelowTables` blank rows comes first: the rule by which the xlsx host reads rows
 * below a table as data, so the table covers exactly what validation reads. Returns `layout`
 * itself when no table grows. `lastRow` is the last row holding anything (the used range's end).
 *
 * | table (header, rows) | typed below | grown |
 * | --- | --- | --- |
 * | A3:E4 | A5, B6 | A3:E6, formats and validation of row 4 over rows 5–6 |
 * | A3:E4 | F5 (right of the table) | unchanged |
 * | A3:E4 | A300 (a gap of 295 rows) | unchanged |
 *
 * @example
 * sheet.layout = growTables(sheet.layout, lastRow, (r, c) => sheet.get(r, c) !== null);
 */
export function growTables(layout: SheetLayout, lastRow: number, hasValue: HasValue): SheetLayout {
  let grown = layout;
  for (const table of layout.tables) {
    const end = table.rect.row + table.rect.rowCount;
    const newEnd = typedEnd(table.rect, end, lastRow, hasValue);
    if (newEnd > end) grown = growTable(grown, table, newEnd);
  }
  return grown;
}

/** The row after the last typed row that belongs to the table (`end` when none does). */
function typedEnd(rect: CellRect, end: number, lastRow: number, hasValue: HasValue): number {
  let newEnd = end;
  for (let r = end; r <= lastRow && r < newEnd + readBounds.rowsBelowTables; r += 1) {
    for (let c = rect.col; c < rect.col + rect.colCount; c += 1) {
      if (hasValue(r, c)) {
        newEnd = r + 1;
        break;
      }
    }
  }
  return newEnd;
}

/** The layout with one table ending before `newEnd`, and its last row's formats and validation down to there. */
function growTable(layout: SheetLayout, table: TableLayout, newEnd: number): SheetLayout {
  const { rect } = table;
  const lastRow = rect.row + rect.rowCount - 1;
  // Only what covers the table's last data row, inside its columns (never its header), follows.
  const follows = (r: CellRect): boolean =>
    r.row > rect.row &&
    r.row + r.rowCount - 1 === lastRow &&
    r.col >= rect.col &&
    r.col + r.colCount <= rect.col + rect.colCount;
  const down = (r: CellRect): CellRect => ({ ...r, rowCount: newEnd - r.row });
  return {
    ...layout,
    tables: layout.tables.map((t) => (t === table ? { ...t, rect: down(rect) } : t)),
    formats: layout.formats.map((f) => (follows(f.rect) ? { ...f, rect: down(f.rect) } : f)),
    validations: layout.validations.map((v) => (follows(v.rect) ? { ...v, rect: down(v.rect) } : v)),
  };
}
