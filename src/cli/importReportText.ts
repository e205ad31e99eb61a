import { formatImportIssue } from "../core/import/formatImportIssue";
import type { CsvEncoding } from "../core/import/readCsvGrid";
import type { Locale } from "../core/locale";
import type { ImportOutcome } from "../workbook/import/importMonitoring";
import type { ColumnUseWord, ImportMessages } from "./messages/import/importMessages";

type Imported = Extract<ImportOutcome, { ok: true }>;

/** Where the export's cells came from. */
interface ExportSource {
  readonly sheet: string | null;
  readonly encoding: CsvEncoding | null;
}

/** How many lines of a list the text report shows; `--json` has them all. */
const shownLines = 20;

const columnOrder: readonly ColumnUseWord[] = [
  "point",
  "time",
  "parameter",
  "status",
  "remark",
  "refused",
  "skipped",
];

/** "2023-05-01 04:00", or the day alone. */
function timeText(iso: string, minutes: number | null): string {
  if (minutes === null) return iso;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${iso} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The import's report as lines for a terminal: what was read, the counts, what each column was
 * used for, the rows and columns left out with their reasons (the first 20 of each list), the
 * names the plan does not have with a suggestion, and where the rows went (`written`: the file
 * saved, or null when none was).
 *
 * @example
 * io.stdout(formatImportReport(request, exported, outcome, "book.xlsx", importMessages("zh-CN")));
 */
export function formatImportReport(
  request: {
    readonly book: string;
    readonly export: string;
    readonly out: string | undefined;
    readonly locale: Locale;
  },
  source: ExportSource,
  outcome: Imported,
  written: string | null,
  words: ImportMessages,
): string {
  const { import: result } = outcome;
  const lines = [words.readFrom(request.export, source.sheet, source.encoding, result.headerRow)];
  lines.push(words.counts(result.counts));
  for (const use of columnOrder) {
    const headers = result.columns.filter((c) => c.use === use).map((c) => c.header);
    if (headers.length > 0) lines.push(words.columns(use, headers));
  }
  const problems = [
    ...result.columns.flatMap((c) => (c.issue === undefined ? [] : [c.issue])),
    ...result.refused,
  ];
  if (problems.length > 0) {
    lines.push(words.refusedHeading);
    for (const issue of problems.slice(0, shownLines)) {
      lines.push(words.refusedLine(issue.row, formatImportIssue(issue, request.locale)));
    }
    if (problems.length > shownLines) lines.push(words.more(problems.length - shownLines));
  }
  if (result.duplicates.length > 0) {
    const ofSheet = result.duplicates.filter((d) => d.of === "sheet").length;
    lines.push(words.duplicates(ofSheet, result.duplicates.length - ofSheet));
  }
  if (result.unmatched.length > 0) {
    lines.push(words.unmatchedHeading);
    for (const name of result.unmatched.slice(0, shownLines)) {
      lines.push(words.unmatchedLine(name.name, name.rows, name.firstRow, name.suggestion));
    }
    if (result.unmatched.length > shownLines) lines.push(words.more(result.unmatched.length - shownLines));
  }
  if (outcome.savedMappings.length > 0) lines.push(words.savedMappings(outcome.savedMappings));
  if (written !== null) {
    lines.push(words.written(written, outcome.sheet, outcome.written ? result.counts.new : 0));
  } else if (result.counts.new === 0 || request.out !== undefined) {
    lines.push(words.nothingNew(request.out ?? null));
  } else {
    lines.push(words.notWritten(request.book));
  }
  return `${lines.filter((line) => line !== "").join("\n")}\n`;
}

/**
 * The import's report as one JSON document (`water-plan import --json`): every list in full,
 * messages in the `--lang` language, codes snake_case.
 *
 * @example
 * JSON.stringify(importReportJson(request, exported, outcome, null))
 */
export function importReportJson(
  request: { readonly book: string; readonly export: string; readonly locale: Locale },
  source: ExportSource,
  outcome: Imported,
  written: string | null,
): unknown {
  const { import: result } = outcome;
  const message = (issue: Parameters<typeof formatImportIssue>[0]) =>
    formatImportIssue(issue, request.locale);
  return {
    book: request.book,
    export: request.export,
    sheet: source.sheet,
    encoding: source.encoding,
    headerRow: result.headerRow,
    counts: result.counts,
    columns: result.columns.map((c) => ({
      header: c.header,
      use: c.use,
      ...(c.parameter === undefined ? {} : { parameter: c.parameter, factor: c.factor }),
      ...(c.issue === undefined ? {} : { code: c.issue.code, message: message(c.issue) }),
    })),
    refused: result.refused.map((issue) => ({ row: issue.row, code: issue.code, message: message(issue) })),
    duplicates: result.duplicates.map((d) => ({
      row: d.row,
      point: d.point,
      time: timeText(d.iso, d.minutes),
      of: d.of,
    })),
    unmatched: result.unmatched,
    savedMappings: outcome.savedMappings,
    monitoringSheet: outcome.sheet,
    written: outcome.written && written !== null,
    out: written,
  };
}
