import type { Cell, CellValue as ExcelJsCellValue } from "exceljs";
import type { CellValue } from "../../workbook/layout";
import { fileSerialOf } from "./exactDateSerials";
import { escapeFormulaLikeText } from "./toExcelJsValue";

/** Milliseconds in a day, and the serial number of 1970-01-01 in Excel's 1900 date system. */
const msPerDay = 24 * 60 * 60 * 1000;
const unixEpochSerial = 25569;
/** Days between Excel's 1900 and 1904 date systems (workbooks saved on old Macs use the latter). */
const days1904Offset = 1462;

/**
 * Turns a date that ExcelJS made from a date-formatted number back into the serial number the
 * file holds, which is what Office.js reports for the same cell. ExcelJS builds the Date in UTC
 * (see its `excelToDate`), so the inverse is exact for whole days.
 *
 * @example
 * dateToSerial(new Date(Date.UTC(2023, 11, 31)), false) // 45291
 */
export function dateToSerial(date: Date, date1904: boolean): number {
  return unixEpochSerial + date.getTime() / msPerDay - (date1904 ? days1904Offset : 0);
}

/**
 * Reads one ExcelJS cell the way Office.js's `range.values` reports it, so that every host hands
 * the workbook layer the same values: empties are "", dates are serial numbers, formulas are their
 * cached result, rich text and hyperlinks are their plain text, errors are their code ("#N/A").
 * The non-anchor cells of a merged area read "" (ExcelJS would repeat the anchor's value).
 * With `formulas`, a formula cell reads as its formula ("=SUM(E4:E12)"), as Office.js's
 * `range.formulas` gives it, a filled-down (shared) formula included; and text that starts with "="
 * reads with an apostrophe in front ("'=见附表", see escapeFormulaLikeText), so that writing it
 * back keeps it text.
 *
 * @example
 * readCellValue(sheet.getCell("B4"), false) // "柳江" or 45291 or ""
 */
export function readCellValue(cell: Cell, date1904: boolean, formulas = false): Exclude<CellValue, null> {
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  const value = cell.value;
  if (!formulas) return normalise(value, date1904);
  if (typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value)) {
    // `cell.formula`, not the value's: for a cell filled down in Excel (a shared formula) ExcelJS
    // keeps the text on the first cell and translates it for the others only through the getter.
    const formula = cell.formula;
    if (formula) return `=${formula}`;
  }
  const plain = normalise(value, date1904);
  return typeof plain === "string" ? escapeFormulaLikeText(plain) : plain;
}

function normalise(value: ExcelJsCellValue | undefined, date1904: boolean): Exclude<CellValue, null> {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return fileSerialOf(value) ?? dateToSerial(value, date1904);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    // A formula ExcelJS wrote and no spreadsheet has calculated has no result; Excel would show a
    // value after recalculating, but a file host can only report what the file holds.
    const result: unknown = value.result;
    if (result === undefined || result === null) return "";
    if (typeof result === "object" && !(result instanceof Date) && "error" in result) {
      return String(result.error);
    }
    return normalise(result as ExcelJsCellValue, date1904);
  }
  if ("hyperlink" in value) {
    // The text of a hyperlink may itself be rich text.
    const text: unknown = value.text;
    return typeof text === "string" ? text : normalise(text as ExcelJsCellValue, date1904);
  }
  // Checkbox-like or future value kinds: report their text rather than guess a type.
  return "";
}
