import type { Worksheet } from "exceljs";
import { HostError, ProtectedSheets } from "../hostError";

/**
 * Refuses a write into sheets protected in Excel (Review → Protect Sheet). Excel itself rejects
 * such a write, so the add-in fails there; this host would instead rewrite the sheet without its
 * protection, unseen. Call it before anything is written, so that the workbook stays as it was.
 *
 * @example
 * assertUnprotected([workbook.getWorksheet("附件1 任务清单")]); // throws HostError "sheet_protected"
 */
export function assertUnprotected(sheets: readonly Worksheet[]): void {
  const names = [...new Set(sheets.filter(isProtected).map((sheet) => sheet.name))];
  if (names.length === 0) return;
  const quoted = names.map((name) => `"${name}"`).join(", ");
  const message =
    names.length === 1
      ? `The sheet ${quoted} is protected (Review → Unprotect Sheet in Excel); nothing was written. Unprotect it and try again.`
      : `The sheets ${quoted} are protected (Review → Unprotect Sheet in Excel); nothing was written. Unprotect them and try again.`;
  throw new HostError("sheet_protected", message, { cause: new ProtectedSheets(names, message) });
}

/** ExcelJS keeps a loaded `<sheetProtection sheet="1">` as `sheetProtection.sheet`, outside its typings. */
function isProtected(sheet: Worksheet): boolean {
  const { sheetProtection } = sheet as unknown as { sheetProtection?: { sheet?: boolean } | null };
  return sheetProtection?.sheet === true;
}
