import type { Locale } from "../../core/locale";
import type { CellValue } from "../layout";
import { identityPart, isBlank } from "../readSheet";
import type { AnySheetSpec } from "../sheetSpec";

/**
 * How merge compares and writes an entry: a dropdown choice made in the other language ("推进中"
 * in a workbook made in English) is the same choice, and is written in the city's language, so
 * that it passes the column's validation. Other values are compared by their trimmed text, so
 * that 0.5 and "0.5" are one value.
 */
export interface EntryValues {
  /** The value as the city's workbook writes it. */
  inBook(key: string, value: CellValue): CellValue;
  /** Whether two values of a column are the same entry. */
  same(key: string, a: CellValue, b: CellValue): boolean;
}

/**
 * The entry comparison of one sheet, in the city's language.
 *
 * @example
 * entryValues(tasksSpec, "zh-CN").same("status", "In progress", "推进中") // true
 */
export function entryValues(spec: AnySheetSpec, locale: Locale): EntryValues {
  const byColumn = new Map<string, Map<string, string>>();
  for (const column of spec.columns) {
    const choices = column.validation?.choices;
    if (choices === undefined) continue;
    byColumn.set(
      column.key,
      new Map(
        choices.flatMap((c) => [
          [c["zh-CN"], c[locale]],
          [c["en-US"], c[locale]],
        ]),
      ),
    );
  }
  const inBook = (key: string, value: CellValue): CellValue =>
    typeof value === "string" ? (byColumn.get(key)?.get(value.trim()) ?? value) : value;
  return {
    inBook,
    same: (key, a, b) => {
      if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
      return identityPart(inBook(key, a)) === identityPart(inBook(key, b));
    },
  };
}
