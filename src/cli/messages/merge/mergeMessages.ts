import type { Locale } from "../../../core/locale";
import type { MergeCounts } from "../../../workbook/exchange/mergeReturns";
import { enUSMergeMessages } from "./en-US";
import { zhCNMergeMessages } from "./zh-CN";

/**
 * Every sentence `water-plan merge` prints, one file per language (zh-CN.ts, en-US.ts): its help,
 * its usage problems and the lines of its report (refusals and conflicts are worded by
 * src/workbook/exchange/messages, which the task pane shares). Paths as the user typed them.
 */
export interface MergeMessages {
  readonly description: string;
  readonly bookArgument: string;
  readonly returnsArgument: string;
  readonly outOption: string;
  readonly jsonOption: string;
  readonly placeholders: { readonly returned: string };

  /** A return that is not an .xlsx, or is missing, or a folder: refused, the others merged. */
  returnNotXlsx(path: string): string;
  returnMissing(path: string): string;
  returnIsDirectory(path: string): string;
  returnUnreadable(path: string, reason: string): string;

  counts(counts: MergeCounts): string;
  refusedHeading: string;
  refusedLine(file: string, reason: string): string;
  conflictsHeading: string;
  /** Cells the city holds that a return has empty (kept). */
  clearedHeading: string;
  line(text: string): string;
  more(count: number): string;
  joinedHeading: string;
  joinedLine(sheet: string, cell: string, row: string, labels: readonly string[]): string;
  written(out: string): string;
  nothingNew(out: string | null): string;
  notWritten(book: string): string;
}

export function mergeMessages(locale: Locale): MergeMessages {
  return locale === "en-US" ? enUSMergeMessages : zhCNMergeMessages;
}
