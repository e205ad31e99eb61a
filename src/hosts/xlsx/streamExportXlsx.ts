import { readExportXlsx, type ExportSheetGrid } from "./readExportXlsx";
import { XlsxStreamReader } from "./xlsxStreamReader";

/**
 * Reads one sheet of an export (.xlsx) in Node through the add-in's own streaming reader
 * (XlsxStreamReader: the package checked and bounded as every xlsx read is, the sheet's XML walked
 * once, no model of the workbook or its styles built): on a year of automatic-station rows it
 * takes about half of ExcelJS's streaming reader's time, which had been most of an import's. Dates
 * arrive as the serials the file holds, formulas as their results, cells read as every host reads
 * them. A workbook counting dates from 1904 (old Mac files) is read by ExcelJS's whole loader
 * (readExportXlsx), which turns its serials into the ones every other file has.
 *
 * @example
 * const read = await streamExportXlsx(await readFile("export.xlsx"));
 */
export async function streamExportXlsx(bytes: Uint8Array, sheetName?: string): Promise<ExportSheetGrid> {
  // Inside an async function, the reader's refusals reject the promise as ExcelJS's do.
  const read = XlsxStreamReader.fromBuffer(bytes).exportGrid(sheetName);
  return read ?? readExportXlsx(bytes, sheetName);
}
