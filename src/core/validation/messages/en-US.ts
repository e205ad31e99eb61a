import { targetTextInEnglish } from "../../plan/targetText";
import { getParameter, type ParameterKey } from "../../water-quality/parameters";
import { formatWaterClass, type WaterClass } from "../../water-quality/waterClass";
import type { ProblemParams, ValidationCode } from "../validationProblem";

const cls = (c: WaterClass | undefined): string => (c === undefined ? "" : formatWaterClass(c, "en-US"));
type MessageOf = (p: ProblemParams) => string;
const q = (text: string | number | undefined): string => `"${text ?? ""}"`;
const milestone = (p: ProblemParams): string => (p.name ? ` (${p.name})` : "");
/** " (monitoring data rows 131 and 132)": the rows at fault, the first five named. */
const faultyRows = (rows: readonly number[] = []): string => {
  if (rows.length === 0) return "";
  if (rows.length === 1) return ` (monitoring data row ${rows[0] ?? ""})`;
  const shown = rows.slice(0, 5);
  const more = rows.length - shown.length;
  return more > 0
    ? ` (monitoring data rows ${shown.join(", ")} and ${more} more)`
    : ` (monitoring data rows ${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1] ?? ""})`;
};
/** "Dissolved oxygen, Ammonia nitrogen": the standard's names without the bracketed formula. */
const names = (keys: readonly ParameterKey[] = []): string =>
  keys.map((k) => getParameter(k).nameEn.replace(/\s*\(.*\)$/u, "")).join(", ");
/** " mg/L": the first parameter's unit in English, "" for pH (dimensionless). */
const unitOf = (keys: readonly ParameterKey[] = []): string => {
  const unit = keys[0] === undefined ? "" : getParameter(keys[0]).unit;
  const english: Readonly<Record<string, string>> = { 无量纲: "", "个/L": "count/L" };
  const shown = english[unit] ?? unit;
  return shown === "" ? "" : ` ${shown}`;
};
const meets = (p: ProblemParams): boolean =>
  p.waterClass !== undefined && p.otherClass !== undefined && p.waterClass <= p.otherClass;

/** English messages of validation, one per problem code. */
export const enUSMessages: Readonly<Record<Exclude<ValidationCode, "measured_value">, MessageOf>> = {
  missing_point: () => "The monitoring point is missing: choose one of the plan's sections or sources.",
  unknown_point: (p) => `${q(p.input)} is not a section or source of this plan: choose one from the list.`,
  missing_sampling_date: () => "The sampling date is missing.",
  sample_without_values: (p) =>
    `This sample of ${p.name ?? ""} has no measured values and is not counted: enter its values or delete the row.`,
  flagged_sample_not_counted: (p) =>
    `This row of ${p.name ?? ""} was imported flagged by its station (maintenance, fault …) and is not counted as a sample: once checked, remove "[Not counted]" from the start of its remark, or delete the row.`,
  unreadable_sampling_date: (p) => `${q(p.input)} is not a date: write it like 2023-05-01.`,
  sampling_date_outside_plan_year: (p) =>
    `The sampling date ${p.date ?? ""} is outside the plan year ${p.value ?? ""}.`,
  sampling_date_after_as_of: (p) =>
    (p.count ?? 1) > 1
      ? `${p.count ?? ""} samples on this sheet are dated after the as-of date ${p.actual ?? ""} (the first in this row, ${p.date ?? ""}); none of them is counted.`
      : `The sampling date ${p.date ?? ""} is after the as-of date ${p.actual ?? ""}; not counted.`,
  duplicate_sample: (p) =>
    `Repeats the sample in row ${p.row ?? ""} (same point and sampling time); not counted.`,
  implausible_value: (p) =>
    `${names(p.parameters)} ${p.value ?? ""}${unitOf(p.parameters)} is outside the plausible range (${p.min ?? ""}–${p.max ?? ""}): check the value and its unit.`,
  sample_out_of_range: (p) =>
    `This sample's ${names(p.parameters)} ${p.value ?? ""} is outside ${p.min ?? ""}–${p.max ?? ""} (worse than Class V on its own); the period's class rests on the period mean, but check this sample.`,
  unreadable_measured_class: (p) => `${q(p.input)} is not a water class: write Class II, Ⅲ类 or 劣Ⅴ类.`,
  measured_class_differs: (p) =>
    `The class entered, ${cls(p.waterClass)}, differs from ${cls(p.otherClass)} computed from the monitoring data (${p.count ?? 0} samples).`,
  point_target_not_met: (p) =>
    meets(p)
      ? `${p.name ?? ""} is ${cls(p.waterClass)}, but ${names(p.parameters)} ${p.parameters?.length === 1 ? "exceeds its limit" : "exceed their limits"}: not met.`
      : p.missing !== undefined && p.missing.length > 0
        ? `${p.name ?? ""} is ${cls(p.waterClass)} or worse (${names(p.missing)} not monitored), missing its target ${cls(p.otherClass)}.`
        : `${p.name ?? ""} is ${cls(p.waterClass)}, missing its target ${cls(p.otherClass)}.`,
  point_items_missing: (p) =>
    `${p.name ?? ""}: ${(p.count ?? 0) === 0 ? "the samples hold no evaluation item" : `the class${p.waterClass === undefined ? "" : ` ${cls(p.waterClass)}`} rests on ${p.count ?? 0} evaluation ${p.count === 1 ? "item" : "items"}`}; the core ${p.missing?.length === 1 ? "item" : "items"} ${names(p.missing)}${p.parameters !== undefined && p.parameters.length > 0 ? ` and the Table 2 items ${names(p.parameters)}` : ""} ${p.missing?.length === 1 && !p.parameters?.length ? "is" : "are"} not monitored: attainment cannot be judged.`,
  point_cannot_judge: (p) =>
    `${p.name ?? ""}: ${names(p.parameters)} below a detection limit that is unknown or above the limit; attainment cannot be judged.`,
  source_items_not_monitored: (p) =>
    `${p.name ?? ""} has no data for the GB 3838-2002 Table 2 items ${names(p.parameters)}: attainment cannot be judged.`,
  point_data_invalid: (p) =>
    `${p.name ?? ""} has wrong monitoring data${faultyRows(p.rows)}: correct it to judge the point.`,
  unreadable_actual_value: (p) => `${q(p.input)} is not a number: enter a number without its unit.`,
  doubtful_percent_reading: (p) =>
    `The cell's ${p.value ?? ""} is read as ${p.actual ?? ""} (Excel stores a typed "${p.actual ?? ""}" as ${p.value ?? ""}); if you mean ${p.value ?? ""}%, type "${p.value ?? ""}%".`,
  missing_base_value: (p) =>
    `The year's value is entered but the ${p.value ?? ""} base value is missing: no reduction can be computed.`,
  unreadable_base_value: (p) => `${q(p.input)} is not a number: enter the base value as a number.`,
  base_value_not_positive: (p) =>
    p.value === 0
      ? `The ${p.year ?? ""} base value is 0: no reduction can be computed against 0. Enter the ${p.year ?? ""} value.`
      : `The ${p.year ?? ""} base value ${p.value ?? ""} is not above 0: no reduction can be computed. Enter the ${p.year ?? ""} value.`,
  base_value_not_applicable: () =>
    "This target is not a reduction against a base year; the base value is not used.",
  reduction_not_applicable: () =>
    "This target is not a reduction against a base year; the cut typed here is not used.",
  reduction_entries_disagree: (p) =>
    `The reduction entered, ${p.value ?? ""}%, differs from ${p.actual ?? ""}% computed from the year's value and the base; the computed one is judged.`,
  indicator_target_missed: (p) =>
    `The actual value ${p.value ?? ""} misses the target (${targetTextInEnglish(p.expected ?? "")}).`,
  soft_target_missed: (p) =>
    `The actual value ${p.value ?? ""} misses the "strive for" target (${targetTextInEnglish(p.expected ?? "")}).`,
  part_exceeds_whole: (p) =>
    `The actual value ${p.value ?? ""} is more than ${p.limit ?? ""}, the actual value of "${p.name ?? ""}" it is part of: a part cannot exceed its whole; check both rows.`,
  indicator_differs_from_survey: (p) =>
    `The value entered, ${p.value ?? ""}%, differs from ${p.actual ?? ""}% computed from the outfall survey (Appendix 6).`,
  unknown_task_status: (p) => `${q(p.input)} is not a status: choose Not started, In progress or Done.`,
  completed_without_date: () => "The status is Done but the completion date is missing.",
  unreadable_completion_date: (p) => `${q(p.input)} is not a date: write it like 2023-06-30.`,
  completion_date_without_done: (p) =>
    `A completion date (${p.date ?? ""}) is entered but the status is not Done.`,
  completion_date_after_as_of: (p) =>
    `The completion date ${p.date ?? ""} is after the as-of date ${p.actual ?? ""}: a task cannot be completed on a day still to come. Check the date.`,
  completion_date_before_plan_year: (p) =>
    `The completion date ${p.date ?? ""} is before the plan year ${p.year ?? ""}. Check the date.`,
  completed_after_deadline: (p) => `Completed on ${p.date ?? ""}, after the deadline ${p.expected ?? ""}.`,
  task_overdue: (p) =>
    `Overdue: the deadline ${p.expected ?? ""}${milestone(p)} has passed and the task is not done.`,
  publication_date_not_set: () =>
    "The plan's publication date is not set, so the task due 20 working days after it has no due date: enter it under Settings.",
  count_not_whole_number: (p) => `${q(p.input)} is not a whole number of 0 or more.`,
  traced_exceeds_found: (p) =>
    `Traced (${p.value ?? ""}) is more than the outfalls found (${p.limit ?? ""}).`,
  remediated_exceeds_found: (p) =>
    `Cleaned up (${p.value ?? ""}) is more than the outfalls found (${p.limit ?? ""}).`,
  remediated_exceeds_tasks: (p) =>
    `Cleaned up (${p.value ?? ""}) is more than the clean-up tasks (${p.limit ?? ""}).`,
  remediation_tasks_exceed_found: (p) =>
    `Clean-up tasks (${p.value ?? ""}) are more than the outfalls found (${p.limit ?? ""}).`,
  survey_done_unreadable: (p) => `"Survey done" must be Yes or No, not ${q(p.input)}.`,
  plan_cell_changed: (p) =>
    `A cell of the plan's text was changed: the plan says ${q(p.expected)}, the cell holds ${q(p.input)}. Generating again restores the plan's text.`,
  row_not_in_plan: (p) =>
    p.row !== undefined
      ? `This row repeats row ${p.row} ("${p.name ?? ""}" ${q(p.input)}): only row ${p.row} is checked and summarised, what is entered here is not used. Move it into row ${p.row} or delete this row.`
      : p.input !== undefined
        ? `"${p.name ?? ""}" ${q(p.input)} of this row is not in the plan, so what is entered here is not checked or summarised: correct it to the plan's, or move the entries to the plan's row.`
        : `"${p.name ?? ""}" of this row is blank, so it matches no row of the plan and what is entered here is not checked or summarised: fill it in, or move the entries to the plan's row (merged cells hold their value in the first row only).`,
  sheet_missing: (p) => `The sheet "${p.sheet ?? ""}" is missing: generate the plan's sheets first.`,
  plan_sheet_renamed: (p) =>
    `The sheet "${p.sheet ?? ""}" was not found, but its table ${p.name ?? ""} is still in the workbook on another sheet: rename that sheet back to "${p.sheet ?? ""}" so that its entries are checked.`,
  columns_missing: (p) =>
    `The sheet "${p.sheet ?? ""}" lacks the columns ${p.name ?? ""}. Generate the plan's sheets again (entries are kept).`,
  cells_ignored: (p) => `${p.count ?? 0} cells far outside the tables (first ${p.cell ?? ""}) were not read.`,
};
