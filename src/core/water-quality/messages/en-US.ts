import { getParameter } from "../parameters";
import type { WaterQualityIssue, WaterQualityIssueCode } from "../waterQualityIssue";

type MessageOf = (issue: WaterQualityIssue) => string;

const quoted = (text: string | undefined): string => `"${text ?? ""}"`;
const nameOf = (issue: WaterQualityIssue): string =>
  issue.parameter === undefined ? "" : getParameter(issue.parameter).nameEn;
const unitOf = (issue: WaterQualityIssue): string =>
  issue.parameter === undefined ? "" : getParameter(issue.parameter).unit;

/** English messages of the water-quality engine, one per issue code. */
export const enUSMessages: Readonly<Record<WaterQualityIssueCode, MessageOf>> = {
  empty_header: () => "The column header is empty.",
  unknown_parameter: (i) =>
    `Unknown parameter ${quoted(i.input)}: use a GB 3838-2002 name such as "氨氮", "NH3-N", "DO" or "TP".`,
  unknown_unit: (i) => `Unknown unit ${quoted(i.unit)} for ${nameOf(i)}: use mg/L, µg/L or similar.`,
  unit_not_applicable: (i) =>
    `The unit ${quoted(i.unit)} does not apply to ${nameOf(i)} (expected ${unitOf(i)}).`,
  empty_class: () => "The water class is empty.",
  unreadable_class: (i) => `Unreadable water class ${quoted(i.input)}: write e.g. "Ⅱ类", "III类" or "劣Ⅴ类".`,
  unreadable_target: (i) =>
    `Unreadable target ${quoted(i.input)}: write e.g. "Ⅲ类", "达到或好于Ⅲ类" or "Ⅰ~Ⅲ类".`,
  unreadable_value: (i) =>
    `Unreadable value ${quoted(i.input)}: enter a number, "0.01L" or "<0.01" below the detection limit, or leave it blank if not monitored.`,
  negative_value: (i) => `The value ${quoted(i.input)} is negative; a concentration cannot be negative.`,
  non_finite_value: (i) => `The value ${quoted(i.input)} is not a finite number.`,
  boolean_value: (i) => `The value ${quoted(i.input)} is TRUE/FALSE, not a number.`,
  excel_error_value: (i) => `The cell holds the Excel error ${quoted(i.input)}.`,
  unsupported_value_type: (i) => `The value ${quoted(i.input)} is of a type that cannot be read.`,
  invalid_detection_limit: (i) =>
    `Invalid detection limit in ${quoted(i.input)}: it must be a positive number.`,
  detection_limit_above_limit: (i) =>
    i.countedAs === undefined
      ? `${nameOf(i)} is below a detection limit of ${i.detectionLimit ?? ""} ${unitOf(i)}, which is above the limit ${i.limit ?? ""} ${unitOf(i)}: it cannot be judged.`
      : `${nameOf(i)} is below a detection limit of ${i.detectionLimit ?? ""} ${unitOf(i)}, which is above the limit ${i.limit ?? ""} ${unitOf(i)}: this sample alone cannot be judged; the period's mean counts it at half the limit, ${i.countedAs} ${unitOf(i)} (the point's verdict).`,
  unknown_detection_limit: (i) =>
    `${nameOf(i)} is marked not detected without a detection limit: it cannot be judged or averaged.`,
  supplementary_not_monitored: (i) =>
    `The drinking-water source has no value for the Table 2 item ${nameOf(i)}: its attainment cannot be judged.`,
};
