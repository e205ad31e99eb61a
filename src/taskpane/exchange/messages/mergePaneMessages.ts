import type { Locale } from "../../../core/locale";
import type { MergeCounts } from "../../../workbook/exchange/mergeReturns";
import type { PaneStep } from "../../messages/taskPaneMessages";
import { enUSMerge } from "./en-US.merge";
import { zhCNMerge } from "./zh-CN.merge";

/**
 * Every text of 汇总报送 in the task pane and the preview, one file per language
 * (zh-CN.merge.ts, en-US.merge.ts), apart from the component.
 */
export interface MergePaneMessages {
  readonly openButton: string;
  readonly closeButton: string;
  readonly heading: string;
  readonly intro: string;
  readonly chooseFiles: string;
  readonly filesLabel: (names: readonly string[]) => string;
  readonly readingFiles: (count: number) => string;
  readonly step: (step: PaneStep) => string;
  readonly previewTitle: string;
  /** The counts as lines; `done`: what the merge did, else what it would do. */
  readonly counts: (counts: MergeCounts, done: boolean) => readonly string[];
  readonly refusedHeading: string;
  readonly refusedLine: (file: string, reason: string) => string;
  readonly conflictsHeading: string;
  /** Cells this workbook holds that a return has empty (kept). */
  readonly clearedHeading: string;
  readonly more: (count: number) => string;
  readonly mergeButton: string;
  readonly nothingNew: string;
  readonly doneTitle: string;
  readonly validateHint: string;
  readonly notXlsx: (file: string) => string;
  readonly problemTitle: string;
  readonly bookNotMadeByAddIn: string;
  readonly bookOtherPlan: (plan: string, expected: string) => string;
  readonly cellsOutsideTables: (sheet: string, first: string, count: number) => string;
}

const byLocale: Readonly<Record<Locale, MergePaneMessages>> = { "zh-CN": zhCNMerge, "en-US": enUSMerge };

/**
 * 汇总报送's texts in one language.
 *
 * @example
 * mergePaneMessages("en-US").openButton // "Merge returned forms"
 */
export function mergePaneMessages(locale: Locale): MergePaneMessages {
  return byLocale[locale];
}
