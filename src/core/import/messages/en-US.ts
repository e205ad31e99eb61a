import { formatWaterQualityIssue } from "../../water-quality/formatWaterQualityIssue";
import type { ImportIssue, ImportIssueCode } from "../importIssue";

type MessageOf = (issue: ImportIssue) => string;

const quoted = (text: string | undefined): string => `"${text ?? ""}"`;
const engine = (issue: ImportIssue): string =>
  issue.waterQuality === undefined ? "" : formatWaterQualityIssue(issue.waterQuality, "en-US");

/** English messages of the import, one per issue code. */
export const enUSMessages: Readonly<Record<ImportIssueCode, MessageOf>> = {
  no_header_row: (i) =>
    `No header in the first ${i.count ?? ""} rows: a header row names the point (断面名称, 点位名称) and at least one parameter (氨氮(mg/L), DO).`,
  no_time_column: () =>
    "The header has no sampling time column (监测时间, 采样日期) and no sampling date was given: nothing can be imported.",
  column_unit_unreadable: (i) =>
    `Column ${quoted(i.column)}: ${engine(i)} Its values go to the remarks, not into a parameter column.`,
  parameter_column_repeated: (i) =>
    `Column ${quoted(i.column)} repeats the parameter of an earlier column: its values go to the remarks, not into a parameter column.`,
  missing_point: () => "The point's name is empty; not imported.",
  not_a_sample_row: (i) =>
    `The row holds only text, ${quoted(i.input)}, with no sampling time and no value (a note or a heading?); not imported.`,
  missing_sampling_date: () => "The sampling time is empty; not imported.",
  unreadable_sampling_date: (i) =>
    `The sampling time ${quoted(i.input)} cannot be read (write 2023-05-01 04:00, 05-01 04:00, 2023/5/1 or an Excel date); not imported.`,
  sampling_date_outside_plan_year: (i) =>
    i.yearInferred === true
      ? `The sampling time ${quoted(i.input)} has no year and lies after the as-of date, so it is last year's, ${i.date ?? ""}, outside the plan year ${i.year ?? ""}; not imported.`
      : `The sampling date ${i.date ?? ""} is outside the plan year ${i.year ?? ""}; not imported.`,
  sample_without_values: () => 'The row has no measured value (all "--" or blank); not imported.',
  measured_value: (i) => `Column ${quoted(i.column)}: ${engine(i)} The row is not imported.`,
};
