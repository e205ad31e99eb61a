import type { ComponentType } from "react";
import type { Locale } from "../core/locale";
import type { Plan } from "../core/plan/planSchema";
import type { ValidationReport } from "../workbook/validate/validationReport";
import type { ExportSheetGrid } from "../hosts/xlsx/readExportXlsx";
import type { CellValue } from "../workbook/layout";
import type { ImportSectionProps } from "./import/ImportSection";
import type { SplitSectionProps } from "./exchange/SplitSection";
import type { MergeSectionProps } from "./exchange/MergeSection";
import type { WorkbookSnapshot, WriteBatch } from "../workbook/port";
import type { ResultsSectionProps } from "./results/ResultsSection";
import type { SettingsSectionProps } from "./settings/SettingsSection";
import type { PaneWorkbook } from "./workflow/paneWorkbook";

/** The settings the pane stores in the workbook itself, so every colleague who opens it sees them. */
export interface StoredSettings {
  /** The as-of day "YYYY-MM-DD", or null for "today, whenever it is run". */
  readonly asOf: string | null;
  /** The workbook's language (pane, messages, new sheets), or null to follow Office's display language. */
  readonly language: Locale | null;
}

export const noStoredSettings: StoredSettings = { asOf: null, language: null };

/** Where a host keeps the pane's settings: Office's document settings, or the preview's workbook. */
export interface SettingsStore {
  load(): Promise<StoredSettings>;
  save(settings: StoredSettings): Promise<void>;
}

/** The cells a user selected, as values (dates as Excel serials), with where they are. */
export interface SelectedCells {
  readonly sheet: string;
  /** The range's address as the host names it ("Sheet1!A1:Q120"). */
  readonly address: string;
  readonly values: readonly (readonly CellValue[])[];
}

/**
 * Everything the pane needs from its host; the composition roots (index.tsx in Excel, the browser
 * preview) make it, and the pane never touches Office.js itself.
 */
export interface PaneHost {
  /**
   * Loads the plan and the engine bound to the workbook. The roots load them as a separate chunk
   * with `import()`, so the pane paints before the engine has arrived.
   */
  readonly connect: () => Promise<PaneWorkbook>;
  /**
   * Activates the sheet and selects the cell ("C5"; "" for the sheet's A1), as a click in Excel
   * would. Rejects with a HostError when the host refuses.
   */
  readonly selectCell: (sheet: string, cell: string) => Promise<void>;
  readonly settings: SettingsStore;
  /** Today as "YYYY-MM-DD" in the user's time zone: the as-of day while none is stored. */
  readonly today: () => string;
  /**
   * Reads the range the user selected (an export pasted into any sheet), for 导入监测数据. Rejects
   * with a HostError when the host refuses. A host without it offers importing from files only.
   */
  readonly readSelection?: () => Promise<SelectedCells>;
  /**
   * Opens an absolute URL in the user's browser, outside the pane (Office's openBrowserWindow).
   * A host without it lets the pane's links open in a new window of their own (`target="_blank"`).
   */
  readonly openInBrowser?: (url: string) => void;
  /**
   * Offers a file (the 进展报告) as a download: "saved", or "unsupported" where the host drops
   * downloads (Excel on Windows and Mac), which the pane then says. A host without it is "unsupported".
   */
  readonly saveFile?: (bytes: Uint8Array, fileName: string, type: string) => Promise<"saved" | "unsupported">;
  /**
   * Opens .xlsx bytes as a new workbook in its own Excel window (Excel.createWorkbook, ExcelApi
   * 1.8): "opened", or why not — "unsupported" (an Excel without it), "too_large" (past the
   * request payload limit) — and the pane then offers the file through `saveFile`. A host without
   * it (the preview) downloads. Rejects with a HostError when Excel refuses.
   */
  readonly openWorkbook?: (bytes: Uint8Array) => Promise<"opened" | "unsupported" | "too_large">;
  /**
   * The open workbook's file name ("柳州市2023年度计划.xlsx"), which 下发填报表 writes on each unit's
   * cover (下发自) as the command line writes the city's file name; null where the host cannot tell
   * it. A host without it (the preview, which opens no file) leaves the pane to use the plan's title.
   */
  readonly workbookName?: () => Promise<string | null>;
}

/**
 * Today in the machine's time zone, as "YYYY-MM-DD".
 *
 * @example
 * localToday(new Date(2023, 5, 30)) // "2023-06-30"
 */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Whether a text is a real calendar day written "YYYY-MM-DD".
 *
 * @example
 * isIsoDay("2023-02-29") // false
 */
export function isIsoDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Loads one part of the pane, as `React.lazy` takes it. */
export type ChunkLoader<P> = () => Promise<{ readonly default: ComponentType<P> }>;

/** The pane's parts that arrive after its first paint. */
export interface PaneChunks {
  readonly results: ChunkLoader<ResultsSectionProps>;
  readonly settings: ChunkLoader<SettingsSectionProps>;
  /** 导入监测数据: the export's readers and the preview, loaded when the user opens it. */
  readonly importSection: ChunkLoader<ImportSectionProps>;
  /** 下发填报表: choosing the units and making their workbooks, loaded when the user opens it. */
  readonly splitSection: ChunkLoader<SplitSectionProps>;
  /** The .xlsx writer (ExcelJS's browser build), loaded when the first unit's workbook is made. */
  readonly xlsxWriter: () => Promise<XlsxBatchWriter>;
  /** 汇总报送: picking the returned files, the merge's preview and report, loaded when opened. */
  readonly mergeSection: ChunkLoader<MergeSectionProps>;
  /** The returned workbooks' reader (the xlsx stream reader), loaded when files are picked. */
  readonly xlsxSnapshotReader: () => Promise<XlsxSnapshotReader>;
  /** The .xlsx reader (ExcelJS's browser build), loaded when the user picks an .xlsx export. */
  readonly xlsxReader: () => Promise<XlsxExportReader>;
  /** The .docx writer of 生成进展报告 (the `docx` library), loaded on that click; absent: no button. */
  readonly reportWriter?: () => Promise<ReportWriter>;
}

/** What 生成进展报告 needs: the report draft as .docx bytes. */
export interface ReportWriter {
  readonly progressReportDocx: (plan: Plan, report: ValidationReport, locale: Locale) => Promise<Uint8Array>;
}

/** What 下发填报表 needs of the xlsx host: a unit's batch as the bytes of a new .xlsx. */
export interface XlsxBatchWriter {
  readonly batchXlsxBytes: (batch: WriteBatch) => Promise<Uint8Array>;
}

/** What 汇总报送 needs of the xlsx host: a returned workbook's sheets, read from its bytes. */
export interface XlsxSnapshotReader {
  readonly readXlsxSnapshot: (bytes: Uint8Array, sheetNames: readonly string[]) => Promise<WorkbookSnapshot>;
}

/** What 导入监测数据 needs of the xlsx host to read an export in the browser. */
export interface XlsxExportReader {
  readonly readExportXlsxInBrowser: (bytes: Uint8Array, sheetName?: string) => Promise<ExportSheetGrid>;
}
