import { readCsvGrid, type CsvEncoding } from "../../core/import/readCsvGrid";
import type { ExportCell } from "../../core/import/readExportHeader";
import type { XlsxExportReader } from "../paneHost";

/** A file the user picked, read into the cells the import maps. */
export type ExportFileRead =
  | {
      readonly kind: "grid";
      readonly grid: readonly (readonly ExportCell[])[];
      /** The .xlsx sheet read (null for a CSV), and every sheet of the file to choose from. */
      readonly sheet: string | null;
      readonly sheetNames: readonly string[];
      readonly encoding: CsvEncoding | null;
    }
  | { readonly kind: "sheet_missing"; readonly sheetNames: readonly string[] }
  /** Neither .xlsx nor .csv by its name. */
  | { readonly kind: "unsupported" };

/**
 * Reads an export the user picked in the pane or the preview: a .csv with papaparse (UTF-8 or
 * GB18030, see readCsvGrid), an .xlsx through ExcelJS's browser build, which `xlsxReader` loads as
 * a chunk of its own only when an .xlsx is picked (PaneChunks.xlsxReader). Throws the xlsx host's
 * HostError ("not_a_workbook", with the refusal's reason) for an .xlsx it cannot open.
 *
 * @example
 * const read = await readExportFile(file.name, new Uint8Array(await file.arrayBuffer()), paneChunks.xlsxReader);
 */
export async function readExportFile(
  name: string,
  bytes: Uint8Array,
  xlsxReader: () => Promise<XlsxExportReader>,
  sheet?: string,
): Promise<ExportFileRead> {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv")) {
    const csv = readCsvGrid(bytes);
    return { kind: "grid", grid: csv.rows, sheet: null, sheetNames: [], encoding: csv.encoding };
  }
  if (!lower.endsWith(".xlsx")) return { kind: "unsupported" };
  const read = await (await xlsxReader()).readExportXlsxInBrowser(bytes, sheet);
  return read.kind === "grid" ? { ...read, encoding: null } : read;
}

/** A picked file's bytes (FileReader where a browser's File lacks `arrayBuffer`). */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function")
    return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error("The file cannot be read."));
    };
    reader.readAsArrayBuffer(file);
  });
}
