import { isoDateToSerial } from "../../core/excelDate";
import type { CellValue } from "../../workbook/layout";

/**
 * What a cell holds after a user types `text` into it, read the way Excel reads typing: a number
 * stays a number ("0.8", "-3", "1e-3"; not "0.01L", "57%" or "1,234", which entry rules read
 * themselves), a day written 2023-05-10 or 2023/5/10 becomes its date serial, TRUE and FALSE become
 * booleans, and everything else is text as typed. An empty text empties the cell.
 *
 * @example
 * toEnteredValue("0.8")        // 0.8
 * toEnteredValue("2023-05-10") // 45056
 * toEnteredValue("0.01L")      // "0.01L"
 */
export function toEnteredValue(text: string): CellValue {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/u.test(trimmed)) return Number(trimmed);
  const day = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/u.exec(trimmed);
  if (day) {
    const [, y, m, d] = day as unknown as [string, string, string, string];
    const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso)) return isoDateToSerial(iso);
  }
  if (/^(true|false)$/iu.test(trimmed)) return trimmed.toUpperCase() === "TRUE";
  return text;
}

/**
 * Cuts text copied from a spreadsheet (tab-separated columns, one line per row) into rows of cells;
 * the line break after the last row is not a row of its own.
 *
 * @example
 * parseTabSeparated("露塘\t2023-05-10\n浮石\t2023-05-11\n") // [["露塘", "2023-05-10"], ["浮石", "2023-05-11"]]
 */
export function parseTabSeparated(text: string): string[][] {
  const lines = text.replace(/\r\n?/gu, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => line.split("\t"));
}
