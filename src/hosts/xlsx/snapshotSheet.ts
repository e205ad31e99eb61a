import type { Worksheet } from "exceljs";
import { columnLetters } from "../../workbook/a1";
import type { CellRect, CellValue } from "../../workbook/layout";
import { readBounds, type SheetSnapshot } from "../../workbook/port";
import { internalsOf } from "./excelJsInternals";
import { readCellValue } from "./readCellValue";

/** Zero-based last row and column of an Excel Table on the sheet. */
export interface TableExtent {
  readonly lastRow: number;
  readonly lastCol: number;
}

/** Hands every filled cell of a sheet, in row-major order, to `visit` (zero-based row and column). */
export type CellWalk = (visit: (row: number, col: number, value: Exclude<CellValue, null>) => void) => void;

/**
 * One ExcelJS worksheet as the port reads it (see assembleSnapshot).
 *
 * @example
 * snapshotSheet(sheet, false, true).ignored // { count: 1, first: "A300000" }
 */
export function snapshotSheet(sheet: Worksheet, date1904: boolean, formulas: boolean): SheetSnapshot {
  const tables = internalsOf(sheet).tables;
  const extents = Object.values(tables)
    .map((table) => tableExtent(table as unknown as TableInternals))
    .filter((extent) => extent !== null);
  // Rows and cells are sparse arrays in ExcelJS: these loops visit only cells that exist, in
  // row-major order.
  const walk: CellWalk = (visit) => {
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        visit(rowNumber - 1, colNumber - 1, readCellValue(cell, date1904, formulas));
      });
    });
  };
  const tableRects = Object.entries(tables).flatMap(([name, table]) => {
    // Only a loaded or written table knows its whole range (`tableRef`); one just added knows its
    // first cell, and an unknown rect reads the sheet as before (every row below the header).
    const rect = rectOfRef((table as unknown as TableInternals).table.tableRef ?? "");
    return rect === null ? [] : [{ name, rect }];
  });
  return { ...assembleSnapshot(sheet.name, Object.keys(tables), extents, walk), tableRects };
}

/**
 * The zero-based rectangle of a range reference ("A3:O56", "$A$3"), or null when it is not one.
 *
 * @example
 * rectOfRef("A3:H12") // { row: 2, col: 0, rowCount: 10, colCount: 8 }
 */
export function rectOfRef(ref: string): CellRect | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)/.exec(ref);
  const last = extentOfRef(ref);
  if (match === null || last === null) return null;
  const row = Number(match[2]) - 1;
  const col = columnIndex(match[1] ?? "A");
  return { row, col, rowCount: last.lastRow - row + 1, colCount: last.lastCol - col + 1 };
}

/**
 * A sheet as the port reads it, from its filled cells: the used range by values (as Office.js's
 * `getUsedRange(true)`; formats alone do not count), within `readBounds` of the sheet's tables:
 * rows below a table are read as long as no gap of `rowsBelowTables` blank rows comes first (rows
 * pasted below a table in LibreOffice or WPS, which do not grow the table, are data). A value
 * beyond (a stray entry in A300000 or XFD1048576) is not read into the grid but counted in
 * `ignored`, so that it cannot make every later step handle a million rows. Shared by the ExcelJS
 * workbook and the streaming reader, so that both read a file alike.
 *
 * @example
 * assembleSnapshot("监测数据", ["WP_Monitoring"], [{ lastRow: 3, lastCol: 24 }], walk)
 */
export function assembleSnapshot(
  name: string,
  tables: readonly string[],
  extents: readonly TableExtent[],
  walk: CellWalk,
): SheetSnapshot {
  const bounds = readArea(extents);
  const rows: number[] = [];
  const cols: number[] = [];
  const found: Exclude<CellValue, null>[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let ignored = 0;
  let firstIgnored = "";
  // Each row read moves the limit on, so that rows pasted below a table are read however many
  // there are; the first cell ignored is the first one in reading order.
  let rowLimit = bounds.rowCount;
  walk((r, c, value) => {
    if (value === "") return;
    if (bounds.growsWithRows && r < rowLimit && c < bounds.colCount) {
      rowLimit = Math.max(rowLimit, r + 1 + readBounds.rowsBelowTables);
    }
    if (r >= rowLimit || c >= bounds.colCount) {
      if (ignored === 0) firstIgnored = `${columnLetters(c)}${r + 1}`;
      ignored++;
      return;
    }
    rows.push(r);
    cols.push(c);
    found.push(value);
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  });
  const extra = ignored === 0 ? {} : { ignored: { count: ignored, first: firstIgnored } };
  if (found.length === 0) return { name, startRow: 0, startCol: 0, values: [], tables, ...extra };

  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () =>
    Array.from({ length: right - left + 1 }, (): CellValue => ""),
  );
  found.forEach((value, i) => {
    const target = values[(rows[i] ?? 0) - top];
    if (target !== undefined) target[(cols[i] ?? 0) - left] = value;
  });
  return { name, startRow: top, startCol: left, values, tables, ...extra };
}

/** The part of the sheet read, from A1: the tables' extent plus the bounds, or the bounds of a sheet without tables. */
function readArea(
  extents: readonly TableExtent[],
): Pick<CellRect, "rowCount" | "colCount"> & { growsWithRows: boolean } {
  if (extents.length === 0) {
    return {
      rowCount: readBounds.withoutTables.rows,
      colCount: readBounds.withoutTables.columns,
      growsWithRows: false,
    };
  }
  return {
    rowCount:
      extents.reduce((max, extent) => Math.max(max, extent.lastRow + 1), 0) + readBounds.rowsBelowTables,
    colCount:
      extents.reduce((max, extent) => Math.max(max, extent.lastCol + 1), 0) + readBounds.columnsRightOfTables,
    growsWithRows: true,
  };
}

/** What ExcelJS keeps of a table: `tableRef` ("A3:O56") once written or loaded, `ref` ("A3") as added. */
interface TableInternals {
  readonly table: { readonly tableRef?: string; readonly ref?: string };
}

function tableExtent(table: TableInternals): TableExtent | null {
  return extentOfRef(table.table.tableRef ?? table.table.ref ?? "");
}

/**
 * Zero-based last row and column of a range reference ("A3:O56", "$A$3", "A3"), or null when it is
 * not one.
 *
 * @example
 * extentOfRef("A3:O56") // { lastRow: 55, lastCol: 14 }
 */
export function extentOfRef(ref: string): TableExtent | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref);
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
