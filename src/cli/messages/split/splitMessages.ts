import type { Locale } from "../../../core/locale";
import type { ScopeBy } from "../../../core/plan/planScope";
import { enUSSplitMessages } from "./en-US";
import { zhCNSplitMessages } from "./zh-CN";

/** One unit's line of the report. */
export interface SplitReportRow {
  readonly unit: string;
  readonly file: string;
  readonly tasks: number;
  readonly points: number;
  readonly indicators: number;
  readonly monitoring: number;
  readonly entries: number;
}

/**
 * Every sentence `water-plan split` prints, one file per language (zh-CN.ts, en-US.ts): its help,
 * its refusals and its report. Each is one line without the newline; paths as the user typed them.
 */
export interface SplitMessages {
  readonly description: string;
  readonly bookArgument: string;
  readonly byOption: string;
  readonly outOption: string;
  readonly deadlineOption: string;
  readonly unitOption: string;
  readonly jsonOption: string;
  readonly forceOption: string;
  readonly placeholders: { readonly by: string; readonly dir: string; readonly unit: string };

  /** `--by` missing or not lead/county. */
  badBy(value: string | undefined): string;
  outMissing(): string;
  outIsFile(dir: string): string;
  outUncreatable(dir: string, reason: string): string;
  /** Files the split would overwrite (non-empty, already in DIR), without --force. */
  wouldOverwrite(dir: string, files: readonly string[]): string;
  notAddInWorkbook(book: string): string;
  otherPlan(book: string, workbookPlan: string, plan: string): string;
  alreadySplit(book: string, unit: string): string;
  noCounties(): string;
  unknownUnit(unit: string, by: ScopeBy, suggestions: readonly string[]): string;

  /** The report's first line. */
  split(book: string, by: ScopeBy, units: number, files: number, dir: string): string;
  deadline(day: string | null): string;
  /** Rows of the city's no unit answers for (they stay in the city's workbook). */
  notSent(rows: number): string;
  /** How the files are named, from the plan id's prefix ("liuzhou-2023-"). */
  fileNames(prefix: string): string;
  readonly tableHeader: readonly [string, string, string, string, string, string];
}

/**
 * The split command's messages in a language.
 *
 * @example
 * splitMessages("en-US").noCounties()
 */
export function splitMessages(locale: Locale): SplitMessages {
  return locale === "zh-CN" ? zhCNSplitMessages : enUSSplitMessages;
}
