import type { CellValue as ExcelJsCellValue } from "exceljs";
import type { CellValue } from "../../workbook/layout";

/**
 * The workbook layer writes text that starts with "=" as a formula (src/workbook/layout.ts), so a
 * cell that holds *text* starting with "=" (a user's '=见附表) needs another spelling to survive a
 * read with `formulas` and the write that follows. This host reads such text with one apostrophe in
 * front, as Excel's formula bar shows it ("'=见附表"), and writes one leading apostrophe off again.
 * Text that already starts with apostrophes before its "=" gets one more, so every text round-trips.
 */
const textThatLooksLikeFormula = /^'*=/;
const escapedText = /^'+=/;

/**
 * Text as the xlsx host reports it in a read with `formulas`: "=见附表" → "'=见附表".
 *
 * @example
 * escapeFormulaLikeText("=见附表") // "'=见附表"
 * escapeFormulaLikeText("推进中")  // "推进中"
 */
export function escapeFormulaLikeText(text: string): string {
  return textThatLooksLikeFormula.test(text) ? `'${text}` : text;
}

/** Whether layout text is a formula: "=" and something after it (a lone "=" is text). */
export function isFormulaText(text: string): boolean {
  return text.length > 1 && text.startsWith("=");
}

/**
 * A layout or patch value as ExcelJS stores it: empties as no value, "=…" as a formula (ExcelJS
 * takes it without the "="), "'=…" (see escapeFormulaLikeText) as the text after the apostrophe.
 *
 * @example
 * toExcelJsValue("=SUM(E4:E12)") // { formula: "SUM(E4:E12)" }
 * toExcelJsValue("'=见附表")      // "=见附表"
 * toExcelJsValue("")             // null
 */
export function toExcelJsValue(value: CellValue | undefined): ExcelJsCellValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") return value;
  if (isFormulaText(value)) return { formula: value.slice(1) };
  if (escapedText.test(value)) return value.slice(1);
  return value;
}
