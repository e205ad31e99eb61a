/**
 * Typing a value: what Excel stores for text written into a cell as if typed — numbers, dates,
 * times, booleans and formulas recognised, text kept as text where Excel keeps it.
 */
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakeValue } from "./fakeSheetState";

/** Days from Excel's epoch (1899-12-30) to an ISO date, or null when it is not a date. */
export function serialFromIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The year the fake's clock says it is: Excel completes "1/2" with the current year. */
export const FAKE_YEAR = 2023;

/** What Excel keeps for something typed into a cell (or written through Range.values). */
export interface TypedCell {
  /** The cell's value; absent where a formula is stored instead. */
  readonly value?: FakeValue;
  readonly formula?: string;
  /** The number format Excel gives a General cell that the typing retyped ("1/2" → a date). */
  readonly numberFormat?: string;
}

/**
 * What Excel stores for a value written through `range.values`: as if typed. A leading apostrophe
 * keeps text (and is not kept); a cell formatted as text ("@") keeps text as it is; otherwise
 * text starting with "=", "+" or "-" is a formula ("+A1" becomes "=+A1"), unless it is a number,
 * and text that reads as a number ("12", "1,234", "50%"), a date ("2023-12-31", "1/2",
 * "1/2/2023"), a time ("12:30") or TRUE/FALSE becomes that, a General cell taking the matching
 * number format. A formula Excel cannot parse is refused.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 * https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8
 */
export function typeIntoCell(raw: FakeValue, numberFormat: unknown): TypedCell {
  const typed = typeText(raw, numberFormat);
  checkCellLimits(typed);
  return typed;
}

/** Excel's limits: 32,767 characters of text in a cell, 8,192 in a formula. */
export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA_TEXT = 8_192;

/**
 * A cell holds at most 32,767 characters and a formula at most 8,192 (Excel's specifications and
 * limits); Office.js refuses more, the formula with its own code.
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (InvalidArgument, FormulaLengthExceedsLimit)
 */
function checkCellLimits(typed: TypedCell): void {
  if (typed.formula !== undefined && typed.formula.length > MAX_FORMULA_TEXT) {
    throw new FakeRichApiError(
      "FormulaLengthExceedsLimit",
      `A formula of ${typed.formula.length} characters passes Excel's limit of ${MAX_FORMULA_TEXT}.`,
    );
  }
  if (typeof typed.value === "string" && typed.value.length > MAX_CELL_TEXT) {
    throw new FakeRichApiError(
      "InvalidArgument",
      `Text of ${typed.value.length} characters passes Excel's limit of ${MAX_CELL_TEXT} characters in a cell.`,
    );
  }
}

function typeText(raw: FakeValue, numberFormat: unknown): TypedCell {
  if (typeof raw !== "string" || raw === "") return { value: raw };
  // The quote prefix marks text whatever the cell's format; it is not part of the value.
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  if (numberFormat === "@") return { value: raw };
  const general = numberFormat === "General";
  const retyped = (value: FakeValue, format: string): TypedCell =>
    general ? { value, numberFormat: format } : { value };
  const trimmed = raw.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) {
    return retyped(Number(trimmed.replaceAll(",", "")), trimmed.includes(".") ? "#,##0.00" : "#,##0");
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) return retyped(Number(trimmed.slice(0, -1)) / 100, "0%");
  if (raw.startsWith("=") || (raw.length > 1 && /^[+-]/.test(raw))) {
    const formula = raw.startsWith("=") ? raw : `=${raw}`;
    checkFormula(formula);
    return { formula };
  }
  const iso = serialFromIsoDate(trimmed);
  if (iso !== null) return retyped(iso, "yyyy-mm-dd");
  const monthDay = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(trimmed);
  if (monthDay !== null) {
    const [month, day, year] = [Number(monthDay[1]), Number(monthDay[2]), Number(monthDay[3] ?? FAKE_YEAR)];
    const serial = serialFromIsoDate(`${year}-${month}-${day}`);
    if (serial !== null) return retyped(serial, monthDay[3] === undefined ? "d-mmm" : "m/d/yyyy");
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  if (time !== null && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) {
    const fraction = (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400;
    return retyped(fraction, time[3] === undefined ? "h:mm" : "h:mm:ss");
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  return { value: raw };
}

/** The value Excel stores for a typed value (see typeIntoCell), "" for a formula. */
export function enterValue(raw: FakeValue, numberFormat: unknown): FakeValue {
  return typeIntoCell(raw, numberFormat).value ?? "";
}

/**
 * What Excel refuses as a formula ("There's a problem with this formula"): nothing after "=",
 * unbalanced parentheses, brackets or quotes, an operator or a comma with nothing after it.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member
 */
export function checkFormula(formula: string): void {
  const body = formula.slice(1).trim();
  let depth = 0;
  let brackets = 0;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quote !== null) {
      if (ch === quote) {
        if (body[i + 1] === quote) i += 1;
        else quote = null;
      }
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth += 1;
    else if (ch === ")") depth -= 1;
    else if (ch === "[") brackets += 1;
    else if (ch === "]") brackets -= 1;
    if (depth < 0 || brackets < 0) break;
  }
  const dangling = /[-+*/^&=<>,(]$/.test(body);
  if (body === "" || depth !== 0 || brackets !== 0 || quote !== null || dangling) {
    throw new FakeRichApiError("InvalidArgument", `There's a problem with the formula “${formula}”.`);
  }
}
