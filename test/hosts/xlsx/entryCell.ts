import type { Cell, Worksheet } from "exceljs";

/** The row of the sheets' column headers (title, legend, then headers). */
const headerRow = 3;

/** Where an entry is: the row whose `keyHeader` column holds `key`, or the n-th row under the header. */
export type RowKey = { readonly keyHeader: string; readonly key: string | number } | { readonly nth: number };

/**
 * The cell under `header` in the row `row` names, found by the header's text rather than its
 * letter, so that tests keep working when a sheet gains a column.
 *
 * @example
 * entryCell(sheet, "完成状态", { keyHeader: "序号", key: 5 }).value // "推进中"
 */
export function entryCell(sheet: Worksheet, header: string, row: RowKey): Cell {
  const column = columnOf(sheet, header);
  if ("nth" in row) return sheet.getCell(headerRow + row.nth, column);
  const keyColumn = columnOf(sheet, row.keyHeader);
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    if (sheet.getCell(r, keyColumn).value === row.key) return sheet.getCell(r, column);
  }
  throw new Error(`no row with ${row.keyHeader} = ${row.key} on ${sheet.name}`);
}

/** One-based column of a header in the header row; headers compare without spaces and line breaks. */
export function columnOf(sheet: Worksheet, header: string): number {
  const wanted = header.replace(/\s+/g, "");
  const row = sheet.getRow(headerRow);
  for (let col = 1; col <= row.cellCount; col++) {
    const text = row.getCell(col).text.replace(/\s+/g, "");
    if (text === wanted) return col;
  }
  throw new Error(`no column ${header} on ${sheet.name}`);
}
