import type { MonitoringImport } from "../../../core/import/mapMonitoringExport";
import type { Locale } from "../../../core/locale";
import type { XlsxRefusalReason } from "../../../hosts/xlsx/prepareXlsxBytes";
import type { PaneStep } from "../../messages/taskPaneMessages";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

/** What a column of the export was used for, as the preview names it. */
export type ImportColumnUse = "point" | "time" | "parameter" | "status" | "remark" | "refused" | "skipped";

/**
 * Every text of 导入监测数据 in the task pane and the preview, one file per language (zh-CN.ts,
 * en-US.ts), apart from the component.
 */
export interface ImportPaneMessages {
  readonly openButton: string;
  readonly closeButton: string;
  readonly heading: string;
  readonly intro: string;
  readonly chooseFile: string;
  readonly useSelection: string;
  readonly fileLabel: (name: string) => string;
  readonly selectionLabel: (address: string) => string;
  readonly sheetLabel: string;
  readonly readingFile: string;
  readonly step: (step: PaneStep) => string;
  readonly sampledOnLabel: string;
  readonly sampledOnHint: string;
  readonly sampledOnRetry: string;
  readonly previewTitle: string;
  readonly counts: (counts: MonitoringImport["counts"]) => readonly string[];
  readonly columns: (use: ImportColumnUse, headers: readonly string[]) => string;
  readonly refusedHeading: string;
  readonly refusedLine: (row: number | null, message: string) => string;
  readonly more: (count: number) => string;
  readonly unmatchedHeading: string;
  readonly unmatchedName: (name: string, rows: number, firstRow: number) => string;
  readonly notImported: string;
  readonly suggestion: (point: string) => string;
  readonly noSuggestion: string;
  readonly importButton: (rows: number) => string;
  readonly nothingToImport: string;
  readonly doneTitle: string;
  readonly done: (rows: number, sheet: string) => string;
  readonly savedMappings: (mappings: readonly { readonly name: string; readonly point: string }[]) => string;
  readonly validateHint: string;
  readonly problemTitle: string;
  readonly noMonitoringSheet: string;
  readonly cellsOutsideTables: (sheet: string, first: string, count: number) => string;
  readonly unknownConfirmedPoint: (name: string, point: string) => string;
  readonly sheetMissing: (sheets: readonly string[]) => string;
  readonly fileKind: (name: string) => string;
  readonly fileRefused: (reason: XlsxRefusalReason) => string;
  readonly selectionEmpty: string;
}

const byLocale: Readonly<Record<Locale, ImportPaneMessages>> = { "zh-CN": zhCN, "en-US": enUS };

/**
 * 导入监测数据's texts in one language.
 *
 * @example
 * importPaneMessages("en-US").openButton // "Import monitoring data"
 */
export function importPaneMessages(locale: Locale): ImportPaneMessages {
  return byLocale[locale];
}
