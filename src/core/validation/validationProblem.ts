import type { ParameterKey } from "../water-quality/parameters";
import type { WaterClass } from "../water-quality/waterClass";
import type { WaterQualityIssue } from "../water-quality/waterQualityIssue";

/**
 * Every problem validation reports about entered values and targets, as a snake_case code named
 * for the violation. Messages live in `messages/zh-CN.ts` and `messages/en-US.ts`; problems the
 * water-quality engine finds in a measured value keep the engine's code and message.
 */
export type ValidationCode =
  // 监测数据
  | "missing_point"
  | "unknown_point"
  | "missing_sampling_date"
  | "sample_without_values"
  | "flagged_sample_not_counted"
  | "unreadable_sampling_date"
  | "sampling_date_outside_plan_year"
  | "sampling_date_after_as_of"
  | "duplicate_sample"
  | "implausible_value"
  | "sample_out_of_range"
  | "measured_value"
  // 附件2–5
  | "unreadable_measured_class"
  | "measured_class_differs"
  | "point_target_not_met"
  | "point_cannot_judge"
  | "point_items_missing"
  | "source_items_not_monitored"
  | "point_data_invalid"
  // 指标填报
  | "unreadable_actual_value"
  | "doubtful_percent_reading"
  | "missing_base_value"
  | "unreadable_base_value"
  | "base_value_not_positive"
  | "base_value_not_applicable"
  | "reduction_not_applicable"
  | "reduction_entries_disagree"
  | "indicator_target_missed"
  | "soft_target_missed"
  | "indicator_differs_from_survey"
  | "part_exceeds_whole"
  // 附件1
  | "unknown_task_status"
  | "completed_without_date"
  | "unreadable_completion_date"
  | "completion_date_without_done"
  | "completion_date_after_as_of"
  | "completion_date_before_plan_year"
  | "completed_after_deadline"
  | "task_overdue"
  | "publication_date_not_set"
  // 附件6
  | "count_not_whole_number"
  | "traced_exceeds_found"
  | "remediated_exceeds_found"
  | "remediated_exceeds_tasks"
  | "remediation_tasks_exceed_found"
  | "survey_done_unreadable"
  // Any sheet
  | "plan_cell_changed"
  | "row_not_in_plan"
  | "sheet_missing"
  | "plan_sheet_renamed"
  | "columns_missing"
  | "cells_ignored";

export type Severity = "error" | "warning";

/** Values that fill in a message: numbers, texts, and the water-quality engine's own issue. */
export interface ProblemParams {
  readonly input?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly value?: number;
  readonly limit?: number;
  readonly min?: number;
  readonly max?: number;
  readonly name?: string;
  readonly date?: string;
  readonly count?: number;
  /** A year (the base year of a reduction, the plan year). */
  readonly year?: number;
  readonly row?: number;
  /** Rows of a sheet at fault (1-based, as Excel numbers them): a point's faulty monitoring rows. */
  readonly rows?: readonly number[];
  readonly cell?: string;
  readonly sheet?: string;
  /**
   * Parameters a problem concerns (those that miss a target, an implausible value's), by key, so
   * that each language's message names them and their units in its own words.
   */
  readonly parameters?: readonly ParameterKey[];
  /** Core evaluation items a point lacks: its class rests on fewer items than its kind requires. */
  readonly missing?: readonly ParameterKey[];
  readonly waterQuality?: WaterQualityIssue;
  /** A class in question (entered or reached), and the class it is compared with (target or computed). */
  readonly waterClass?: WaterClass;
  readonly otherClass?: WaterClass;
}

/**
 * One problem a rule found, at a field of the record it checked (a column key such as `status`
 * or `param:nh3n`), or at the record as a whole (`field` null). The workbook layer turns the
 * field into a cell address.
 */
export interface Problem {
  readonly code: ValidationCode;
  readonly severity: Severity;
  readonly field: string | null;
  readonly params: ProblemParams;
}

/**
 * Builds a problem.
 *
 * @example
 * problem("unknown_task_status", "error", "status", { input: "搞定了" })
 */
export function problem(
  code: ValidationCode,
  severity: Severity,
  field: string | null,
  params: ProblemParams = {},
): Problem {
  return { code, severity, field, params };
}

/**
 * A cell's content as a message quotes it: text as typed, numbers and booleans as Excel shows them.
 *
 * @example
 * inputText(12.5) // "12.5"
 */
export function inputText(raw: unknown): string {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return raw === null || raw === undefined ? "" : typeof raw;
}
