import type { Locale } from "../../core/locale";
import type { HostErrorCode } from "../../hosts/hostError";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

/** The pane's three actions. */
export type PaneAction = "generate" | "validate" | "summarise";

/**
 * Where an action stands: loading the add-in's code, reading the workbook, then (once the checks,
 * which run between the two round trips, have decided what to write) writing back.
 */
export type PaneStep = "loading" | "reading" | "writing";

/** What was going on when something failed or timed out: a step, selecting a cell, saving settings. */
export type PanePhase = PaneStep | "selecting" | "saving";

/** The status words of a goal, point, indicator or task as the pane shows them. */
export type StatusWord = "met" | "not_met" | "no_data" | "invalid" | "cannot_judge" | "pending";

/**
 * Every text the task pane shows, in one language. The wording lives in one file per language
 * (zh-CN.ts, en-US.ts), apart from the components, so a translator edits data, not JSX.
 */
export interface TaskPaneMessages {
  readonly appTitle: string;
  /** The line under the title: what the pane does. */
  readonly intro: string;
  /** Names the plan the pane will write, e.g. "计划：柳州市2023年度水污染防治工作计划". */
  readonly planLabel: (planTitle: string) => string;
  /** Shown where the plan's title goes while the add-in's code loads. */
  readonly planLoading: string;
  /** The label of the group of the three action buttons. */
  readonly actionsLabel: string;
  readonly generateButton: string;
  readonly validateButton: string;
  readonly summariseButton: string;
  readonly generateHint: string;
  /** A one-line description under each action, read by screen readers as the button's description. */
  readonly actionHints: Readonly<Record<PaneAction, string>>;
  /** The progress line: the action's step in words, with its number. */
  readonly step: (action: PaneAction, step: PaneStep) => string;
  readonly doneTitle: string;
  readonly created: (sheets: readonly string[]) => string;
  readonly updated: (sheets: readonly string[]) => string;
  readonly keptEntries: (count: number) => string;
  readonly nothingWritten: string;
  /** Title of the bar that explains why generation stopped before writing anything. */
  readonly problemsTitle: string;
  /** Title of the bar that explains why validation stopped before writing anything. */
  readonly validateProblemsTitle: string;
  /** Validation found no plan sheets. */
  readonly noPlanSheets: string;
  /** A sheet named 汇总 that the add-in did not make blocks the summary. */
  readonly summarySheetTaken: (sheet: string) => string;
  /** Title of the error bar, by the host's error code. */
  readonly hostErrorTitle: (code: HostErrorCode) => string;
  /** Title for an error that is not a host error (a bug): the message is still shown. */
  readonly unexpectedErrorTitle: string;
  /** The watchdog's title and what it means for the workbook, by where it fired. */
  readonly timeoutTitle: (seconds: number) => string;
  /** What was and was not written when an action failed in a phase. */
  readonly failedIn: (phase: PanePhase) => string;
  /**
   * The workbook changed while an action ran (the Office host's check between read and write):
   * nothing was written. Names the action where known (null: not known, e.g. the load).
   */
  readonly changedMeanwhile: (action: PaneAction | null) => string;
  /** Sheets the action would change are protected: nothing was written, unprotect and run again. */
  readonly sheetsProtected: (sheets: readonly string[]) => string;
  /**
   * The data went in but Excel refused part of the finishing (widths, colours, dropdowns, frozen
   * panes, print set-up, charts, and the validation's comments where Excel lacks notes): a warning
   * beside the outcome, not a failure.
   */
  readonly cosmeticFailureTitle: string;
  readonly cosmeticFailure: string;
  /**
   * A write into a unit's workbook lifted the add-in's protection of sheets, failed, and putting
   * the protection back failed too: those sheets stay unprotected until the action runs again.
   */
  readonly protectionNotRestored: (sheets: readonly string[]) => string;
  readonly retry: string;
  readonly dismiss: string;
  /** Validation outcome: the title and what was written. */
  readonly validatedTitle: (errors: number, warnings: number) => string;
  readonly markedSheets: (sheets: readonly string[]) => string;
  readonly summaryWritten: (sheet: string) => string;
  readonly summaryNotWritten: string;
  readonly asOfLine: (asOf: string) => string;
  /** The results section. */
  readonly results: {
    readonly heading: string;
    readonly errors: (count: number) => string;
    readonly warnings: (count: number) => string;
    readonly sheetFilter: string;
    readonly severityFilter: string;
    readonly allSheets: string;
    readonly allSeverities: string;
    readonly severity: Readonly<Record<"error" | "warning", string>>;
    readonly listLabel: string;
    /** "监测数据!C5" or, for a problem of a whole sheet, the sheet's name. */
    readonly where: (sheet: string, cell: string) => string;
    readonly noIssues: string;
    readonly noneMatch: string;
    readonly showing: (shown: number, total: number) => string;
    readonly showMore: string;
    readonly keyboardHint: string;
  };
  /** The summary section. */
  readonly summary: {
    readonly heading: string;
    readonly target: (value: string) => string;
    readonly actual: (value: string) => string;
    readonly status: Readonly<Record<StatusWord, string>>;
    readonly openSheet: (sheet: string) => string;
    readonly points: string;
    readonly indicators: string;
    readonly tasks: string;
    readonly overdue: (count: number) => string;
    readonly tasksDone: (done: number, total: number) => string;
  };
  /** The settings section. */
  readonly settings: {
    readonly heading: string;
    readonly show: string;
    readonly hide: string;
    readonly asOf: string;
    readonly asOfHint: string;
    readonly useToday: string;
    readonly publishedOn: string;
    readonly publishedOnHint: string;
    readonly language: string;
    readonly languageOffice: string;
    readonly languageZh: string;
    readonly languageEn: string;
    readonly save: string;
    readonly saved: string;
    readonly savedWithGenerate: string;
    readonly badDate: string;
    /** Shown in an empty day field: the order a day is typed in. */
    readonly dayPlaceholder: string;
    readonly storedInWorkbook: string;
  };
  /** Texts of the browser preview (preview.html) around the pane. */
  readonly preview: {
    readonly banner: string;
    readonly note: string;
    readonly emptyWorkbook: string;
    readonly sheetTabs: string;
    readonly otherLanguage: string;
    readonly download: string;
    readonly downloading: string;
    readonly downloadFailed: string;
    readonly gridLabel: (sheet: string) => string;
    readonly gridHint: string;
    readonly nameBox: string;
    readonly noteLine: (note: string) => string;
    readonly editing: string;
    /** The buttons of Excel's data validation alert (its title and message come from the workbook). */
    readonly validationAlert: {
      readonly retry: string;
      readonly cancel: string;
      readonly yes: string;
      readonly no: string;
      /** A warning rule's question under its message. */
      readonly continueQuestion: string;
    };
  };
  /** The pane's foot: the add-in's version and the link to 使用说明 (help.html). */
  readonly footer: {
    readonly version: (version: string) => string;
    readonly help: string;
    /** The link's description: where it opens. */
    readonly helpHint: string;
  };
  /** The pane's page opened outside Excel (in a browser), where Office.js finds no workbook. */
  readonly outsideOffice: {
    readonly title: string;
    /** Office.js ready, but no Office application around the page. */
    readonly openInExcel: string;
    /** Office.js did not load at all (a blocked CDN, a missing bundled copy). */
    readonly officeJsMissing: string;
    readonly version: (version: string) => string;
  };
}

/**
 * The task pane's texts in the given language.
 *
 * @example
 * taskPaneMessages("zh-CN").generateButton // "生成计划表格"
 */
export function taskPaneMessages(locale: Locale): TaskPaneMessages {
  switch (locale) {
    case "zh-CN":
      return zhCN;
    case "en-US":
      return enUS;
  }
}
