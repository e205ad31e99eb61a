import type { DataValidation, Table, Worksheet } from "exceljs";

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
