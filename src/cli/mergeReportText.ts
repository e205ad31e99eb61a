import { appendAll } from "../core/arrays";
import type { Locale } from "../core/locale";
import type { MergeOutcome } from "../workbook/exchange/mergeReturns";
import {
  formatMergeCleared,
  formatMergeConflict,
  formatMergeRefusal,
} from "../workbook/exchange/messages/formatMergeRefusal";
import type { MergeMessages } from "./messages/merge/mergeMessages";

type Merged = Extract<MergeOutcome, { ok: true }>;

/** How many lines of a list the text report shows; `--json` has them all. */
const shownLines = 30;

function listed<T>(items: readonly T[], line: (item: T) => string, words: MergeMessages): string[] {
  const lines = items.slice(0, shownLines).map(line);
  if (items.length > shownLines) lines.push(words.more(items.length - shownLines));
  return lines;
}

/**
 * The merge's report as lines for a terminal: the counts, the files refused and why, every
 * conflict with both values and its unit, every cell a return has empty that the city holds (the
 * first 30 of each list), the progress cells joined,
 * and where the result went (`written`: the file saved, or null when none was).
 *
 * @example
 * io.stdout(formatMergeReport("book.xlsx", outcome, "book.xlsx", words, "zh-CN"));
 */
export function formatMergeReport(
  book: string,
  outcome: Merged,
  written: string | null,
  preview: boolean,
  words: MergeMessages,
  locale: Locale,
): string {
  const lines = [words.counts(outcome.counts)];
  const refused = outcome.returns.filter((r) => r.refusal !== null);
  if (refused.length > 0) {
    lines.push(words.refusedHeading);
    appendAll(
      lines,
      listed(
        refused,
        (r) => words.refusedLine(r.file, r.refusal ? formatMergeRefusal(r.refusal, locale) : ""),
        words,
      ),
    );
  }
  if (outcome.conflicts.length > 0) {
    lines.push(words.conflictsHeading);
    appendAll(
      lines,
      listed(outcome.conflicts, (c) => words.line(formatMergeConflict(c, locale)), words),
    );
  }
  if (outcome.cleared.length > 0) {
    lines.push(words.clearedHeading);
    appendAll(
      lines,
      listed(outcome.cleared, (c) => words.line(formatMergeCleared(c, locale)), words),
    );
  }
  if (outcome.joined.length > 0) {
    lines.push(words.joinedHeading);
    appendAll(
      lines,
      listed(outcome.joined, (j) => words.joinedLine(j.sheet, j.cell, j.row, j.labels), words),
    );
  }
  if (preview) lines.push(words.notWritten(book));
  else if (written !== null) lines.push(words.written(written));
  else lines.push(words.nothingNew(book));
  return `${lines.join("\n")}\n`;
}

/**
 * The merge's report as data: the same as the text, every list whole, refusals and conflicts with
 * their codes and their sentence in the user's language.
 *
 * @example
 * JSON.stringify(mergeReportJson("book.xlsx", outcome, null, "zh-CN"))
 */
export function mergeReportJson(
  book: string,
  outcome: Merged,
  written: string | null,
  locale: Locale,
): unknown {
  return {
    book,
    written,
    counts: outcome.counts,
    returns: outcome.returns.map((r) => ({
      ...r,
      refusal: r.refusal === null ? null : { ...r.refusal, message: formatMergeRefusal(r.refusal, locale) },
    })),
    filled: outcome.filled,
    joined: outcome.joined,
    added: outcome.added,
    conflicts: outcome.conflicts.map((c) => ({ ...c, message: formatMergeConflict(c, locale) })),
    cleared: outcome.cleared.map((c) => ({ ...c, message: formatMergeCleared(c, locale) })),
  };
}
