import type { Worksheet } from "exceljs";
import { columnLetters } from "../../workbook/a1";
import type { CellRect, CellValue } from "../../workbook/layout";
import { readBounds, type SheetSnapshot } from "../../workbook/port";
import { internalsOf } from "./excelJsInternals";
import { readCellValue } from "./readCellValue";

/**
 * One sheet as the port reads it: the used range by values (as Office.js's `getUsedRange(true)`;
 * formats alone do not count), within `readBounds` of the sheet's tables: rows below a table are
 * read as long as no gap of `rowsBelowTables` blank rows comes first (rows pasted below a table in
 * LibreOffice or WPS, which do not grow the table, are data). A value beyond (a stray entry in
 * A300000 or XFD1048576) is not read into the grid but counted in `ignored`, so that it cannot make
 * every later step handle a million rows.
 *
 * @example
 * snapshotSheet(sheet, false, true).ignored // { count: 1, first: "A300000" }
 */
export function snapshotSheet(sheet: Worksheet, date1904: boolean, formulas: boolean): SheetSnapshot {
  const tables = Object.keys(internalsOf(sheet).tables);
  const bounds = readArea(sheet);
  const cells: { row: number; col: number; value: Exclude<CellValue, null> }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let ignored = 0;
  let firstIgnored = "";
  // Rows and cells are sparse arrays in ExcelJS: these loops visit only cells that exist, in
  // row-major order, so the first cell ignored is the first one in reading order too.
  // Rows pasted below a table are read however many there are, as long as no gap of
  // readBounds.rowsBelowTables blank rows separates them: each row read moves the limit on.
  let rowLimit = bounds.rowCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const value = readCellValue(cell, date1904, formulas);
      if (value === "") return;
      if (bounds.growsWithRows && r < rowLimit && c < bounds.colCount) {
        rowLimit = Math.max(rowLimit, r + 1 + readBounds.rowsBelowTables);
      }
      if (r >= rowLimit || c >= bounds.colCount) {
        if (ignored === 0) firstIgnored = `${columnLetters(c)}${r + 1}`;
        ignored++;
        return;
      }
      cells.push({ row: r, col: c, value });
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  const extra = ignored === 0 ? {} : { ignored: { count: ignored, first: firstIgnored } };
  if (cells.length === 0) return { name: sheet.name, startRow: 0, startCol: 0, values: [], tables, ...extra };

  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () =>
    Array.from({ length: right - left + 1 }, (): CellValue => ""),
  );
  for (const { row, col, value } of cells) {
    const target = values[row - top];
    if (target !== undefined) target[col - left] = value;
  }
  return { name: sheet.name, startRow: top, startCol: left, values, tables, ...extra };
}

/** The part of the sheet read, from A1: the tables' extent plus the bounds, or the bounds of a sheet without tables. */
function readArea(sheet: Worksheet): Pick<CellRect, "rowCount" | "colCount"> & { growsWithRows: boolean } {
  const extents = Object.values(internalsOf(sheet).tables)
    .map((table) => tableExtent(table as unknown as TableInternals))
    .filter((extent) => extent !== null);
  if (extents.length === 0) {
    return {
      rowCount: readBounds.withoutTables.rows,
      colCount: readBounds.withoutTables.columns,
      growsWithRows: false,
    };
  }
  return {
    rowCount: Math.max(...extents.map((extent) => extent.lastRow + 1)) + readBounds.rowsBelowTables,
    colCount: Math.max(...extents.map((extent) => extent.lastCol + 1)) + readBounds.columnsRightOfTables,
    growsWithRows: true,
  };
}

/** What ExcelJS keeps of a table: `tableRef` ("A3:O56") once written or loaded, `ref` ("A3") as added. */
interface TableInternals {
  readonly table: { readonly tableRef?: string; readonly ref?: string };
}

/** Zero-based last row and column of a table, or null when ExcelJS holds no range for it. */
function tableExtent(table: TableInternals): { lastRow: number; lastCol: number } | null {
  const ref = table.table.tableRef ?? table.table.ref;
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref ?? "");
  if (match === null) return null;
  // A one-cell ref has no second half: its first cell is its last.
  const lastCol = match[3] ?? match[1] ?? "A";
  const lastRow = match[4] ?? match[2] ?? "1";
  return { lastRow: Number(lastRow) - 1, lastCol: columnIndex(lastCol) };
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + letter.charCodeAt(0) - 64;
  return n - 1;
}
