/**
 * The open workbook's file name, for the cover of a unit's workbook (下发自, as the command line
 * writes the city's file name there): `Workbook.name` where the running Excel has ExcelApi 1.7,
 * else the last part of `Office.context.document.url` (every Office has it; "" while unsaved).
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-name-member
 */

/** The ExcelApi version that brings Workbook.name. */
export const workbookNameExcelApi = "1.7";

/** The part of Excel.RequestContext this needs (Excel's own context has it). */
export interface WorkbookNameContext {
  readonly workbook: { readonly name: string; load(propertyNames: "name"): unknown };
  sync(): Promise<unknown>;
}

/** Where the name comes from: Excel.run, the requirement check, Office's document URL. */
export interface WorkbookNameSources {
  readonly run: (batch: (context: WorkbookNameContext) => Promise<string>) => Promise<string>;
  readonly isSetSupported: (name: string, minVersion: string) => boolean;
  /** `Office.context.document.url`: the file's path or URL, "" or absent while it was never saved. */
  readonly documentUrl: () => string | null | undefined;
}

/**
 * The file name at the end of a path or URL ("https://x/sites/a/柳州%20计划.xlsx?web=1" → "柳州 计划.xlsx"),
 * or null when there is none.
 *
 * @example
 * fileNameOfUrl("C:\\局\\柳州市2023.xlsx") // "柳州市2023.xlsx"
 */
export function fileNameOfUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined) return null;
  const path = url.split(/[?#]/u)[0] ?? "";
  const last = path.split(/[\\/]/u).pop()?.trim() ?? "";
  if (last === "") return null;
  try {
    return decodeURIComponent(last);
  } catch {
    // A "%" that begins no escape is part of the name as Office gave it.
    return last;
  }
}

/**
 * The open workbook's name, or null where Excel cannot tell it. Excel refusing to say is not a
 * failure of 下发填报表: the name only labels the cover, so the document URL (and then the caller's
 * fallback, the plan's title) stands in.
 *
 * @example
 * const name = await readWorkbookName({ run: (b) => Excel.run(b), isSetSupported, documentUrl: () => Office.context.document.url });
 */
export async function readWorkbookName(sources: WorkbookNameSources): Promise<string | null> {
  if (sources.isSetSupported("ExcelApi", workbookNameExcelApi)) {
    try {
      const name = await sources.run(async (context) => {
        context.workbook.load("name");
        await context.sync();
        return context.workbook.name;
      });
      if (name.trim() !== "") return name.trim();
    } catch (error) {
      console.warn("Excel did not tell the workbook's name; using the document URL.", error);
    }
  }
  return fileNameOfUrl(sources.documentUrl());
}
