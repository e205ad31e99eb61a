/**
 * A returned workbook read in the task pane for 汇总报送: the sheets asked for, streamed from the
 * file's bytes by the xlsx stream reader (as the command line's merge reads them), in the
 * browser. The pane loads this module as a chunk of its own when the user picks returned files.
 */
import type { WorkbookSnapshot } from "../../workbook/port";
import { XlsxStreamReader } from "./xlsxStreamReader";

/**
 * Reads the named sheets of an .xlsx from its bytes. A file that is no workbook the reader can
 * open is refused with a HostError "not_a_workbook" whose cause names the reason (see refusalOf).
 *
 * @example
 * const snapshot = await readXlsxSnapshot(bytes, returnSheetNames(plan));
 */
export function readXlsxSnapshot(
  bytes: Uint8Array,
  sheetNames: readonly string[],
): Promise<WorkbookSnapshot> {
  return XlsxStreamReader.fromBuffer(bytes).port.read(sheetNames);
}
