/**
 * Cell values on their way into and out of Excel: what Office hands back read as a CellValue, and
 * what the host sends so that Excel keeps text as text and formulas as formulas.
 */
import type { CellValue } from "../../workbook/layout";

/** Office reports empty cells as ""; anything else it could hand back (null, undefined) reads as "" too. */
export function normaliseCell(value: unknown): CellValue {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return "";
}

/**
 * Excel reads text written through `values` as if typed: "00123" becomes 123, a 18-digit ID loses
 * its last digits, "2023-12-31" becomes a date and "=…", "+…" or "-…" a formula. A leading
 * apostrophe keeps text as text (it is not part of the value), so any text Excel could take for
 * something else gets one. Office reads null in a values array as "leave this cell alone"; a
 * layout's null means empty, so it is written as "".
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 */
export function toOfficeValue(
  value: CellValue,
  formulaLikeTexts: ReadonlySet<string>,
): string | number | boolean {
  // A formula read back from the sheet ("=SUM(E4:E12)") is written as the formula it was; text
  // the read saw as text ("=见附表" typed as '=见附表) stays text.
  if (typeof value === "string" && isFormula(value) && !formulaLikeTexts.has(value)) return value;
  if (typeof value === "string" && mayBeRetyped(value)) return `'${value}`;
  return value ?? "";
}

/** Whether text read from a cell is a formula ("=" and something after it). */
export function isFormula(text: string): boolean {
  return text.length > 1 && text.startsWith("=");
}

function mayBeRetyped(text: string): boolean {
  return /\d/.test(text) || /^[=+\-@']/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

/**
 * Sets one number format on every cell of a range. The Range docs say of numberFormat: "If the
 * argument is a single value, it will be applied to all cells in the range", which keeps a 10,000-row
 * column's format a few bytes instead of a 10,000-element array; the typings only know any[][].
 */
export function setNumberFormatForAllCells(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = format;
}
