import type { Locale } from "../../../core/locale";
import { enUSImportMessages } from "./en-US";
import { zhCNImportMessages } from "./zh-CN";

/** How the report names what a column of the export was used for. */
export type ColumnUseWord = "point" | "time" | "parameter" | "status" | "remark" | "refused" | "skipped";

/** The counts of an import, as the report prints them. */
export interface ImportCounts {
  readonly read: number;
  readonly new: number;
  readonly flagged: number;
  readonly duplicates: number;
  readonly refused: number;
  readonly unmatched: number;
}

/**
 * Every sentence `water-plan import` prints, one file per language (zh-CN.ts, en-US.ts): its help,
 * its usage and file problems, and the lines of its report. Each is one line without the newline;
 * paths are shown as the user typed them.
 */
export interface ImportMessages {
  readonly description: string;
  readonly bookArgument: string;
  readonly exportArgument: string;
  readonly sheetOption: string;
  readonly outOption: string;
  readonly jsonOption: string;
  readonly mapOption: string;
  readonly todayOption: string;
  readonly dateOption: string;
  /** The names of values in the help: `<导出文件>`, `--sheet <工作表>`, `--map <名称=点位>`. */
  readonly placeholders: { readonly export: string; readonly sheet: string; readonly mapping: string };

  exportMissing(path: string): string;
  exportIsDirectory(path: string): string;
  /** The export is neither .xlsx nor .csv (an .xls, a .txt …). */
  exportKind(path: string): string;
  exportUnreadable(path: string, reason: string): string;
  exportSheetMissing(path: string, sheet: string, sheets: readonly string[]): string;
  /** An .xlsx export ExcelJS cannot open; `why` is the workbook refusal's own sentence. */
  exportNotAWorkbook(path: string, why: string): string;
  /** `--map` given something other than NAME=POINT. */
  badMapping(text: string): string;
  unknownMappedPoint(name: string, point: string): string;
  noMonitoringSheet(book: string): string;
  cellsOutsideTables(book: string, sheet: string, first: string, count: number): string;
  /** The export as a whole cannot be imported; `message` is the import's own. */
  exportRefused(path: string, message: string): string;

  /** The first line: what was read, from where. */
  readFrom(path: string, sheet: string | null, encoding: string | null, headerRow: number): string;
  counts(counts: ImportCounts): string;
  /** One line listing the columns used one way. */
  columns(use: ColumnUseWord, headers: readonly string[]): string;
  readonly refusedHeading: string;
  /** One refused row or column: where, and the import's message. */
  refusedLine(row: number | null, message: string): string;
  /** More lines of a list than the report shows. */
  more(count: number): string;
  duplicates(ofSheet: number, ofExport: number): string;
  readonly unmatchedHeading: string;
  unmatchedLine(name: string, rows: number, firstRow: number, suggestion: string | null): string;
  savedMappings(mappings: readonly { readonly name: string; readonly point: string }[]): string;
  /** The closing line: where the rows went, or that nothing was written and how to write. */
  written(out: string, sheet: string, rows: number): string;
  nothingNew(out: string | null): string;
  notWritten(book: string): string;
}

const byLocale: Readonly<Record<Locale, ImportMessages>> = {
  "zh-CN": zhCNImportMessages,
  "en-US": enUSImportMessages,
};

/**
 * The import command's messages in one language.
 *
 * @example
 * importMessages("en-US").exportMissing("x.csv") // "Cannot find the export x.csv."
 */
export function importMessages(locale: Locale): ImportMessages {
  return byLocale[locale];
}
