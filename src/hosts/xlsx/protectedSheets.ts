import type { Worksheet } from "exceljs";
import { HostError } from "../hostError";

/**
 * The cause of the HostError "excel_rejected" the xlsx host throws when a write would change a
 * protected sheet: which sheets, so that a caller can say it in the user's language.
 */
export class ProtectedSheets extends Error {
  override readonly name = "ProtectedSheets";
  readonly sheets: readonly string[];

  constructor(sheets: readonly string[], message: string) {
    super(message);
    this.sheets = sheets;
  }
}

/**
 * The protected sheets behind an error the xlsx host threw, or null.
 *
 * @example
 * protectedSheetsOf(error)?.sheets // ["附件1 任务清单"]
 */
export function protectedSheetsOf(error: unknown): ProtectedSheets | null {
  if (error instanceof ProtectedSheets) return error;
  return error instanceof HostError && error.cause instanceof ProtectedSheets ? error.cause : null;
}

/**
 * Refuses a write into sheets protected in Excel (Review → Protect Sheet). Excel itself rejects
 * such a write, so the add-in fails there; this host would instead rewrite the sheet without its
 * protection, unseen. Call it before anything is written, so that the workbook stays as it was.
 *
 * @example
 * assertUnprotected([workbook.getWorksheet("附件1 任务清单")]); // throws HostError "excel_rejected"
 */
export function assertUnprotected(sheets: readonly Worksheet[]): void {
  const names = [...new Set(sheets.filter(isProtected).map((sheet) => sheet.name))];
  if (names.length === 0) return;
  const quoted = names.map((name) => `"${name}"`).join(", ");
  const message =
    names.length === 1
      ? `The sheet ${quoted} is protected (Review → Unprotect Sheet in Excel); nothing was written. Unprotect it and try again.`
      : `The sheets ${quoted} are protected (Review → Unprotect Sheet in Excel); nothing was written. Unprotect them and try again.`;
  throw new HostError("excel_rejected", message, { cause: new ProtectedSheets(names, message) });
}

/** ExcelJS keeps a loaded `<sheetProtection sheet="1">` as `sheetProtection.sheet`, outside its typings. */
function isProtected(sheet: Worksheet): boolean {
  const { sheetProtection } = sheet as unknown as { sheetProtection?: { sheet?: boolean } | null };
  return sheetProtection?.sheet === true;
}
