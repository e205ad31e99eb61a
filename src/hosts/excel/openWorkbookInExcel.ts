/**
 * Opening a workbook made in the pane (a unit's workbook for 下发填报表) in a new Excel window:
 * `Excel.createWorkbook(base64)`, ExcelApi 1.8. Where the running Excel lacks it, or the file is
 * past what one request to Excel may carry, the caller offers the file as a download instead.
 * https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)
 */
import { HostError } from "../hostError";

/** The ExcelApi version that brings Excel.createWorkbook. */
export const createWorkbookExcelApi = "1.8";

/**
 * The most a request to Excel may carry: Excel on the web's 5 MB payload limit, which the base64
 * text (a third larger than the file) must fit with the request's own envelope.
 */
export const createWorkbookLimitBytes = 5 * 1024 * 1024 - 64 * 1024;

/** What came of opening: opened, or why not (the caller then offers a download). */
export type OpenWorkbookOutcome = "opened" | "unsupported" | "too_large";

/** The part of the `Excel` namespace this needs (the fake Excel has it too). */
export interface WorkbookCreator {
  createWorkbook(base64: string): Promise<unknown>;
}

/**
 * Opens the .xlsx bytes as a new workbook in Excel. Excel's refusal becomes a HostError.
 *
 * @example
 * const outcome = await openWorkbookInExcel(bytes, Excel, Office.context.requirements.isSetSupported);
 * if (outcome !== "opened") offerDownload(bytes);
 */
export async function openWorkbookInExcel(
  bytes: Uint8Array,
  excel: WorkbookCreator,
  isSetSupported: (name: string, minVersion: string) => boolean,
): Promise<OpenWorkbookOutcome> {
  if (!isSetSupported("ExcelApi", createWorkbookExcelApi)) return "unsupported";
  const base64 = toBase64(bytes);
  if (base64.length > createWorkbookLimitBytes) return "too_large";
  try {
    await excel.createWorkbook(base64);
    return "opened";
  } catch (cause) {
    throw new HostError("excel_rejected", cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Base64 of bytes, built in pieces (a file of megabytes spread into one String.fromCharCode call
 * would overflow the stack).
 *
 * @example
 * toBase64(new Uint8Array([80, 75])) // "UEs="
 */
export function toBase64(bytes: Uint8Array): string {
  const letter = (n: number): string => alphabet.charAt(n & 63);
  const pieces: string[] = [];
  let piece = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const left = bytes.length - i;
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    piece +=
      letter(n >> 18) + letter(n >> 12) + (left > 1 ? letter(n >> 6) : "=") + (left > 2 ? letter(n) : "=");
    if (piece.length >= 65_536) {
      pieces.push(piece);
      piece = "";
    }
  }
  pieces.push(piece);
  return pieces.join("");
}
