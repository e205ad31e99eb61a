/**
 * A write batch as the bytes of a new .xlsx file: how the task pane makes a unit's workbook for
 * 下发填报表 (splitWorkbook's batch for one unit) in the browser, with ExcelJS's browser build. The
 * pane loads this module as a chunk of its own on the first click, so its first paint stays small.
 */
import type { WriteBatch } from "../../workbook/port";
import { XlsxWorkbook } from "./xlsxWorkbook";

/**
 * Writes the batch into a new, empty workbook and returns the file's bytes.
 *
 * @example
 * const bytes = await batchXlsxBytes(unit.batch); // a unit's workbook, ready to open or download
 */
export async function batchXlsxBytes(batch: WriteBatch): Promise<Uint8Array> {
  const file = XlsxWorkbook.create();
  await file.port.write(batch);
  return new Uint8Array(await file.toBuffer());
}
