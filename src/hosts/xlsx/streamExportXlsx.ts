import { Readable } from "node:stream";
import { stream as excelJsStream, type Row } from "exceljs";
import type { ExportCell } from "../../core/import/readExportHeader";
import { prepareXlsxBytes, refuse } from "./prepareXlsxBytes";
import { placeRow, readExportXlsx, type ExportSheetGrid } from "./readExportXlsx";

/** What ExcelJS's streaming reader hands out per worksheet: its name, once the workbook part is read, and its rows. */
interface StreamedSheet extends AsyncIterable<Row> {
  readonly name: string;
}

/**
 * Reads one sheet of an export (.xlsx) in Node through ExcelJS's streaming reader, without
 * building its model of the whole workbook or its styles: several times faster than the whole
 * loader on a year of automatic-station rows (see `npm run bench`). Dates arrive as the serials the
 * file holds (styles are not read, so nothing turns them into Dates). The bytes are checked and
 * normalised as every xlsx read is (prepareXlsxBytes); a package whose worksheets the streaming
 * reader cannot find by their usual part names is read by the whole loader instead
 * (readExportXlsx), so no file reads differently for being streamed.
 *
 * @example
 * const read = await streamExportXlsx(await readFile("export.xlsx"));
 */
export async function streamExportXlsx(bytes: Uint8Array, sheetName?: string): Promise<ExportSheetGrid> {
  const prepared = prepareXlsxBytes(bytes);
  const reader = new excelJsStream.xlsx.WorkbookReader(Readable.from([Buffer.from(prepared)]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const wanted = sheetName?.toLowerCase();
  const grids = new Map<string, ExportCell[][]>();
  const order: string[] = [];
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      order.push(worksheet.name);
      // Every worksheet's rows must be read for the stream to go on; only the wanted ones are kept.
      const keep = wanted === undefined || worksheet.name.toLowerCase() === wanted;
      const grid: ExportCell[][] = [];
      for await (const row of worksheet) if (keep) placeRow(grid, row, row.number, false);
      if (keep) grids.set(worksheet.name, grid);
    }
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw refuse("damaged", `ExcelJS cannot read the workbook: ${reason}`);
  }
  // Nothing streamed (worksheets under other part names), or dates counted from 1904 (old Mac
  // files), which only the whole loader turns into the serials every other file has.
  const properties = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
  if (order.length === 0 || properties?.model?.date1904 === true) return readExportXlsx(bytes, sheetName);
  // Tab order, as the workbook part lists the sheets (worksheets stream in the package's order).
  const listed = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets;
  const sheetNames = listed?.map((sheet) => sheet.name) ?? order;
  const name =
    wanted === undefined
      ? sheetNames.find((candidate) => grids.has(candidate))
      : [...grids.keys()].find((candidate) => candidate.toLowerCase() === wanted);
  const grid = name === undefined ? undefined : grids.get(name);
  if (name === undefined || grid === undefined) return { kind: "sheet_missing", sheetNames };
  return { kind: "grid", sheet: name, sheetNames, grid };
}
