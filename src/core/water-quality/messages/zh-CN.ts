import { getParameter } from "../parameters";
import type { WaterQualityIssue, WaterQualityIssueCode } from "../waterQualityIssue";

type MessageOf = (issue: WaterQualityIssue) => string;

const quoted = (text: string | undefined): string => `“${text ?? ""}”`;
const nameOf = (issue: WaterQualityIssue): string =>
  issue.parameter === undefined ? "" : getParameter(issue.parameter).nameZh;
const unitOf = (issue: WaterQualityIssue): string =>
  issue.parameter === undefined ? "" : getParameter(issue.parameter).unit;

/** Chinese messages of the water-quality engine, one per issue code. */
export const zhCNMessages: Readonly<Record<WaterQualityIssueCode, MessageOf>> = {
  empty_header: () => "列标题为空。",
  unknown_parameter: (i) =>
    `无法识别的监测项目${quoted(i.input)}：请使用 GB 3838-2002 的项目名称，如“氨氮”“溶解氧”“总磷”。`,
  unknown_unit: (i) => `${nameOf(i)}的单位${quoted(i.unit)}无法识别：请使用 mg/L、μg/L 等单位。`,
  unit_not_applicable: (i) => `单位${quoted(i.unit)}不适用于${nameOf(i)}（应为 ${unitOf(i)}）。`,
  empty_class: () => "水质类别为空。",
  unreadable_class: (i) => `无法识别的水质类别${quoted(i.input)}：请填写如“Ⅱ类”“III类”“劣Ⅴ类”。`,
  unreadable_target: (i) => `无法识别的水质目标${quoted(i.input)}：请填写如“Ⅲ类”“达到或好于Ⅲ类”“Ⅰ~Ⅲ类”。`,
  unreadable_value: (i) =>
    `无法识别的监测值${quoted(i.input)}：请填写数值，低于检出限写作“0.01L”或“<0.01”，未监测留空。`,
  negative_value: (i) => `监测值${quoted(i.input)}为负数，浓度不能为负。`,
  non_finite_value: (i) => `监测值${quoted(i.input)}不是有限的数。`,
  boolean_value: (i) => `监测值${quoted(i.input)}是逻辑值，不是数值。`,
  excel_error_value: (i) => `单元格含有 Excel 错误值${quoted(i.input)}。`,
  unsupported_value_type: (i) => `监测值${quoted(i.input)}的类型无法读取。`,
  invalid_detection_limit: (i) => `检出限${quoted(i.input)}无效：检出限应为正数。`,
  detection_limit_above_limit: (i) =>
    i.countedAs === undefined
      ? `${nameOf(i)}低于检出限 ${i.detectionLimit ?? ""} ${unitOf(i)}，但该检出限高于限值 ${i.limit ?? ""} ${unitOf(i)}，无法判定是否达到。`
      : `${nameOf(i)}低于检出限 ${i.detectionLimit ?? ""} ${unitOf(i)}，该检出限高于限值 ${i.limit ?? ""} ${unitOf(i)}：本次样品单独无法判定，时段均值按检出限的一半 ${i.countedAs} ${unitOf(i)}计入，判定见该点位。`,
  unknown_detection_limit: (i) => `${nameOf(i)}标为“未检出”但未给出检出限，无法判定或参与均值计算。`,
  supplementary_not_monitored: (i) => `饮用水水源缺少表2补充项目${nameOf(i)}的监测值，无法判定是否达标。`,
};
