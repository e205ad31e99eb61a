import { type Row, Workbook } from "exceljs";
import type { ExportCell } from "../../core/import/readExportHeader";
import { prepareXlsxBytes, refuse } from "./prepareXlsxBytes";
import { readCellValue } from "./readCellValue";

/**
 * One sheet of an export as the import reads it: its cells as a grid (rows × columns, empties as
 * "", dates as Excel serials, formulas as their results), or, when the sheet asked for is not in
 * the file, the sheets that are.
 */
export type ExportSheetGrid =
  | {
      readonly kind: "grid";
      readonly sheet: string;
      readonly sheetNames: readonly string[];
      readonly grid: ExportCell[][];
    }
  | { readonly kind: "sheet_missing"; readonly sheetNames: readonly string[] };

/**
 * Puts one row's cells into the grid at its place (`rowNumber` counts from 1), read as every host
 * reads a cell (readCellValue).
 */
export function placeRow(grid: ExportCell[][], row: Row, rowNumber: number, date1904: boolean): void {
  const cells: ExportCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
    while (cells.length < colNumber - 1) cells.push("");
    cells.push(readCellValue(cell, date1904));
  });
  while (grid.length < rowNumber - 1) grid.push([]);
  grid[rowNumber - 1] = cells;
}

/**
 * Reads one sheet of an export (.xlsx) from its bytes through ExcelJS's whole-workbook loader: the
 * sheet named, or the first one. Runs in the browser (ExcelJS's browser build, loaded when a user
 * picks a file) and in Node. A file ExcelJS cannot open is refused as XlsxWorkbook refuses it
 * (HostError "not_a_workbook" with an XlsxRefusal cause: encrypted, .xls, damaged, too large …).
 *
 * @example
 * const read = await readExportXlsx(bytes, "Sheet1");
 * if (read.kind === "grid") mapMonitoringExport({ grid: read.grid, … });
 */
export async function readExportXlsx(bytes: Uint8Array, sheetName?: string): Promise<ExportSheetGrid> {
  return gridOf(prepareXlsxBytes(bytes), sheetName);
}

/** The first bytes of a zip, and of an OLE compound file (an .xls, or an encrypted .xlsx). */
const zipMagic = [0x50, 0x4b];
const compoundFileMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * `readExportXlsx` for the browser (the task pane, the preview): the file's first bytes are checked
 * (an .xls or an encrypted workbook, something that is no zip at all) and the rest is left to
 * ExcelJS's browser build. The Node-side checks and repairs of other programs' packages
 * (prepareXlsxBytes) need Node's zlib, which the browser bundles leave out.
 *
 * @example
 * const read = await readExportXlsxInBrowser(new Uint8Array(await file.arrayBuffer()));
 */
export async function readExportXlsxInBrowser(
  bytes: Uint8Array,
  sheetName?: string,
): Promise<ExportSheetGrid> {
  if (bytes.length === 0) throw refuse("empty", "The file is empty.");
  if (compoundFileMagic.every((byte, i) => bytes[i] === byte)) {
    throw refuse("legacy_format", "The file is an Excel 97–2003 (.xls) file, or an encrypted workbook.");
  }
  if (!zipMagic.every((byte, i) => bytes[i] === byte))
    throw refuse("not_a_zip", "The file is not a zip package.");
  return gridOf(bytes, sheetName);
}

async function gridOf(prepared: Uint8Array, sheetName: string | undefined): Promise<ExportSheetGrid> {
  const workbook = new Workbook();
  try {
    // ExcelJS's declared Buffer type is its own; a Node Buffer (or the browser's shim) is what it reads.
    await workbook.xlsx.load(Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength) as never);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw refuse("damaged", `ExcelJS cannot read the workbook: ${reason}`);
  }
  const sheetNames = workbook.worksheets.map((sheet) => sheet.name);
  const wanted = sheetName?.toLowerCase();
  const sheet =
    wanted === undefined
      ? workbook.worksheets[0]
      : workbook.worksheets.find((candidate) => candidate.name.toLowerCase() === wanted);
  if (sheet === undefined) return { kind: "sheet_missing", sheetNames };
  const date1904 = workbook.properties.date1904;
  const grid: ExportCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    placeRow(grid, row, rowNumber, date1904);
  });
  return { kind: "grid", sheet: sheet.name, sheetNames, grid };
}
