import type { ParameterKey } from "./parameters";

/**
 * Every problem or warning the water-quality engine reports, as a snake_case code named for the
 * violation. The human messages live in `messages/zh-CN.ts` and `messages/en-US.ts`.
 */
export type WaterQualityIssueCode =
  // Column headers
  | "empty_header"
  | "unknown_parameter"
  | "unknown_unit"
  | "unit_not_applicable"
  // Classes and targets
  | "empty_class"
  | "unreadable_class"
  | "unreadable_target"
  // Measured values
  | "unreadable_value"
  | "negative_value"
  | "non_finite_value"
  | "boolean_value"
  | "excel_error_value"
  | "unsupported_value_type"
  | "invalid_detection_limit"
  // Judgement warnings
  | "detection_limit_above_limit"
  | "unknown_detection_limit"
  | "supplementary_not_monitored";

/** How bad an issue is: an error stops a value being used, a warning leaves a judgement open. */
export type WaterQualitySeverity = "error" | "warning";

/** One problem found by the engine. Fields beyond `code` and `severity` fill in its message. */
export interface WaterQualityIssue {
  readonly code: WaterQualityIssueCode;
  readonly severity: WaterQualitySeverity;
  /** The text as the user wrote it. */
  readonly input?: string;
  readonly parameter?: ParameterKey;
  /** The unit as written in a header. */
  readonly unit?: string;
  readonly detectionLimit?: number;
  /** The limit that could not be judged against. */
  readonly limit?: number;
  /**
   * For one sample of a period (a 监测数据 row): the value the period's mean counts it at, half the
   * detection limit, so the row and the point's verdict tell one story.
   */
  readonly countedAs?: number;
}

/** A parse result that failed: the issue, tagged so it sits in a discriminated union. */
export type WaterQualityProblem = { readonly kind: "problem" } & WaterQualityIssue;

/**
 * Builds a problem value (severity error) for the parsers.
 *
 * @example
 * makeProblem("unreadable_value", { input: "abc" }) // { kind: "problem", code: "unreadable_value", severity: "error", input: "abc" }
 */
export function makeProblem(
  code: WaterQualityIssueCode,
  fields: Omit<WaterQualityIssue, "code" | "severity"> = {},
): WaterQualityProblem {
  return { kind: "problem", code, severity: "error", ...fields };
}
