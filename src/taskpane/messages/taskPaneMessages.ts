import type { Locale } from "../../core/locale";
import type { HostErrorCode } from "../../hosts/hostError";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

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
  readonly generateButton: string;
  readonly generateHint: string;
  readonly generating: string;
  readonly doneTitle: string;
  readonly created: (sheets: readonly string[]) => string;
  readonly updated: (sheets: readonly string[]) => string;
  readonly keptEntries: (count: number) => string;
  readonly nothingWritten: string;
  /** Title of the bar that explains why generation stopped before writing anything. */
  readonly problemsTitle: string;
  /** Title of the error bar, by the host's error code. */
  readonly hostErrorTitle: (code: HostErrorCode) => string;
  /** Title for an error that is not a host error (a bug): the message is still shown. */
  readonly unexpectedErrorTitle: string;
  /** Texts of the browser preview (preview.html) around the pane. */
  readonly preview: {
    readonly banner: string;
    readonly note: string;
    readonly emptyWorkbook: string;
    readonly sheetTabs: string;
    readonly otherLanguage: string;
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
