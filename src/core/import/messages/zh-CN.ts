import { formatWaterQualityIssue } from "../../water-quality/formatWaterQualityIssue";
import type { ImportIssue, ImportIssueCode } from "../importIssue";

type MessageOf = (issue: ImportIssue) => string;

const quoted = (text: string | undefined): string => `“${text ?? ""}”`;
const engine = (issue: ImportIssue): string =>
  issue.waterQuality === undefined ? "" : formatWaterQualityIssue(issue.waterQuality, "zh-CN");

/** Chinese messages of the import, one per issue code. */
export const zhCNMessages: Readonly<Record<ImportIssueCode, MessageOf>> = {
  no_header_row: (i) =>
    `前 ${i.count ?? ""} 行中找不到表头：需要一行同时含有点位列（如“断面名称”“点位名称”）和至少一个监测项目列（如“氨氮(mg/L)”“DO”）。`,
  no_time_column: () => "表头中没有采样时间列（如“监测时间”“采样日期”），且未指定采样日期，无法导入。",
  column_unit_unreadable: (i) => `列${quoted(i.column)}：${engine(i)}该列的值写入备注，不作为监测值导入。`,
  parameter_column_repeated: (i) =>
    `列${quoted(i.column)}与前面的列是同一监测项目，该列的值写入备注，不作为监测值导入。`,
  missing_point: () => "点位名称为空，未导入。",
  not_a_sample_row: (i) => `该行只有文字${quoted(i.input)}，没有采样时间和监测值（注释或小标题？），未导入。`,
  missing_sampling_date: () => "采样时间为空，未导入。",
  unreadable_sampling_date: (i) =>
    `采样时间${quoted(i.input)}无法识别（应写作 2023-05-01 04:00、05-01 04:00、2023/5/1 或 Excel 日期），未导入。`,
  sampling_date_outside_plan_year: (i) =>
    i.yearInferred === true
      ? `采样时间${quoted(i.input)}未写年份，晚于截止日，按上一年计为 ${i.date ?? ""}，不在计划年度 ${i.year ?? ""} 年内，未导入。`
      : `采样日期 ${i.date ?? ""} 不在计划年度 ${i.year ?? ""} 年内，未导入。`,
  sample_without_values: () => "该行没有任何监测值（均为“--”或空），未导入。",
  measured_value: (i) => `列${quoted(i.column)}：${engine(i)}整行未导入。`,
};
