import type { Cell, DataValidation, Table, Worksheet } from "exceljs";

/**
 * Worksheet members that ExcelJS 4.4 has and documents in its README but leaves out of its
 * TypeScript declarations. Kept in one place so an ExcelJS upgrade has one spot to check.
 */
export interface WorksheetInternals {
  /** Tab position: ExcelJS sorts `workbook.worksheets` by it and writes tabs in that order. */
  orderNo: number;
  /** Keyed by "A1" or by a range "A4:A56" (written as one rule); a loaded file yields one key per cell. */
  readonly dataValidations: {
    add(address: string, validation: DataValidation): void;
    find(address: string): DataValidation | undefined;
  };
  /** The sheet's Excel Tables by name. */
  readonly tables: Readonly<Record<string, Table>>;
}

/**
 * The same worksheet seen with the members its typings omit.
 *
 * @example
 * internalsOf(sheet).orderNo = 3;
 */
export function internalsOf(sheet: Worksheet): WorksheetInternals {
  return sheet as unknown as WorksheetInternals;
}

/**
 * Removes a cell's note. ExcelJS has no way to do it in its API: assigning `note = undefined`
 * writes an empty note. The note lives in `_comment`, and once the workbook has been written,
 * also in the cell value's model, which ExcelJS reuses for every later write.
 *
 * @example
 * removeNote(sheet.getCell("K8"));
 */
export function removeNote(cell: Cell): void {
  const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internals._comment = undefined;
  if (internals._value?.model !== undefined) delete internals._value.model.comment;
}

/**
 * Makes the tables of a loaded file writable again. LibreOffice writes tables without a
 * `<tableStyleInfo>`, and ExcelJS then fails writing them ("reading 'theme'"); such a table is
 * written back with no style, as it came.
 *
 * @example
 * for (const sheet of workbook.worksheets) repairLoadedTables(sheet);
 */
export function repairLoadedTables(sheet: Worksheet): void {
  for (const table of Object.values(internalsOf(sheet).tables)) {
    const model = (table as unknown as { table: { style?: unknown } }).table;
    model.style ??= {
      showFirstColumn: false,
      showLastColumn: false,
      showRowStripes: false,
      showColumnStripes: false,
    };
  }
}
