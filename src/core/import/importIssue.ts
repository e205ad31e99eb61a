import type { WaterQualityIssue, WaterQualityProblem } from "../water-quality/waterQualityIssue";

/**
 * Why an import of monitoring data, a column of it or a row of it was not taken, as a snake_case
 * code named for the violation. The human messages live in `messages/zh-CN.ts` and
 * `messages/en-US.ts` (see formatImportIssue).
 */
export type ImportIssueCode =
  // The export as a whole: nothing is imported.
  | "no_header_row"
  | "no_time_column"
  // A column: its values are kept in 备注, not in a parameter column.
  | "column_unit_unreadable"
  | "parameter_column_repeated"
  // A row: not imported.
  | "missing_point"
  | "not_a_sample_row"
  | "missing_sampling_date"
  | "unreadable_sampling_date"
  | "sampling_date_outside_plan_year"
  | "sample_without_values"
  | "measured_value";

/** One problem of an import; the fields beyond `code` fill in its message. */
export interface ImportIssue {
  readonly code: ImportIssueCode;
  /** The export's row as a spreadsheet numbers it (1 is the first row), or null for the whole export. */
  readonly row: number | null;
  /** The export's header of the column in question. */
  readonly column?: string;
  /** What the cell holds, as the export wrote it. */
  readonly input?: string;
  /** A day "YYYY-MM-DD" in question (a sampling date outside the plan year). */
  readonly date?: string;
  /** The plan year. */
  readonly year?: number;
  /** The export wrote the date without a year, which was worked out from the as-of day. */
  readonly yearInferred?: boolean;
  /** How many of the first rows were searched for the header. */
  readonly count?: number;
  /** The engine's own problem with a value or a header (`unreadable_value`, `unknown_unit`, …). */
  readonly waterQuality?: WaterQualityIssue;
}

/**
 * The engine's issue inside a parser's problem, without the `kind` that tags it in a result union.
 *
 * @example
 * engineIssue(parseMeasuredValue("abc")) // { code: "unreadable_value", severity: "error", input: "abc" }
 */
export function engineIssue(problem: WaterQualityProblem): WaterQualityIssue {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the union's tag is dropped on purpose
  const { kind, ...issue } = problem;
  return issue;
}
