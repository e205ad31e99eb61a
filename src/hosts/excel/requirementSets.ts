/**
 * Which requirement sets the Office host asks for, and what it decides from them at run time: the
 * minimum it needs without asking, and the later sets it uses only where `isSetSupported` says the
 * running Excel has them. What each set brings, member by member, is listed at the top of
 * officeWorkbookPort.ts (checked against the fake Excel by officeRequirementSets.test.ts).
 *
 * Outside the workbook, the task pane's entry asks for one more set on its own: OpenBrowserWindowApi
 * 1.1 (`Office.context.ui.openBrowserWindow`, which opens 使用说明 in the user's browser), only where
 * `isSetSupported` says Office has it (src/taskpane/officePaneHost.ts, `openBrowserWindowApi`);
 * and 下发填报表 opens a unit's workbook with Excel.createWorkbook (ExcelApi 1.8, below the minimum,
 * yet checked where it is called: openWorkbookInExcel.ts), offering a download where it cannot,
 * and writes the open workbook's name on each unit's cover (Workbook.name, ExcelApi 1.7, checked in
 * readWorkbookName.ts, which falls back to Office's document URL).
 */

/**
 * The ExcelApi requirement set this host needs: 1.9, because print titles and fit-to-width
 * (`Worksheet.pageLayout`) and getSpecialCells arrive in 1.9; everything else it uses without
 * asking is 1.8 or older (see the list at the top of officeWorkbookPort.ts). The manifest declares
 * the same version.
 *
 * @example
 * if (!Office.context.requirements.isSetSupported("ExcelApi", requiredExcelApi)) showUpgradeHint();
 */
export const requiredExcelApi = "1.9";

/** The ExcelApi version that brings Table.resize, which keeps a table while it changes size. */
export const tableResizeExcelApi = "1.13";

/** The ExcelApi version that brings cell notes (Worksheet.notes, Note). */
export const notesExcelApi = "1.18";

/** The ExcelApi version that brings comment threads (Worksheet.comments, Comment). */
export const commentsExcelApi = "1.10";

/**
 * Which of Excel's cell texts carries a mark's messages, decided at run time by requirement set:
 * notes where Excel has ExcelApi 1.18; otherwise comment threads (ExcelApi 1.10), which every
 * Excel since has; null in an Excel with neither, where the fills and the task pane's list carry
 * the marks. `features.notes` says whether there is one at all (the validation asks only that).
 */
export type MarkTexts = "notes" | "comments" | null;

/** Decides the kind of mark text for an Excel that supports what `isSetSupported` says. */
export function markTextsFor(isSetSupported: (name: string, minVersion: string) => boolean): MarkTexts {
  if (isSetSupported("ExcelApi", notesExcelApi)) return "notes";
  if (isSetSupported("ExcelApi", commentsExcelApi)) return "comments";
  return null;
}

/** Office.js's requirement check, or "nothing beyond the manifest's minimum" outside Office (tests, node). */
export function officeIsSetSupported(name: string, minVersion: string): boolean {
  return typeof Office !== "undefined" && Office.context.requirements.isSetSupported(name, minVersion);
}
