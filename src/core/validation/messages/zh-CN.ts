import { getParameter, type ParameterKey } from "../../water-quality/parameters";
import { formatWaterClass, type WaterClass } from "../../water-quality/waterClass";
import type { ProblemParams, ValidationCode } from "../validationProblem";

const cls = (c: WaterClass | undefined): string => (c === undefined ? "" : formatWaterClass(c, "zh-CN"));
type MessageOf = (p: ProblemParams) => string;
const q = (text: string | number | undefined): string => `“${text ?? ""}”`;
const milestone = (p: ProblemParams): string => (p.name ? `（${p.name}）` : "");
/** "（监测数据第 131、132 行）": the rows at fault, the first five named. */
const faultyRows = (rows: readonly number[] = []): string =>
  rows.length === 0
    ? ""
    : `（监测数据第 ${rows.slice(0, 5).join("、")} 行${rows.length > 5 ? `等 ${rows.length} 行` : ""}）`;
/** "溶解氧、氨氮": the standard's names without the bracketed formula. */
const names = (keys: readonly ParameterKey[] = []): string =>
  keys.map((k) => getParameter(k).nameZh.replace(/（.*）$/u, "")).join("、");
/** " mg/L": the first parameter's unit, "" for pH (无量纲). */
const unitOf = (keys: readonly ParameterKey[] = []): string => {
  const unit = keys[0] === undefined ? "" : getParameter(keys[0]).unit;
  return unit === "" || unit === "无量纲" ? "" : ` ${unit}`;
};
const meets = (p: ProblemParams): boolean =>
  p.waterClass !== undefined && p.otherClass !== undefined && p.waterClass <= p.otherClass;

/** Chinese messages of validation, one per problem code. */
export const zhCNMessages: Readonly<Record<Exclude<ValidationCode, "measured_value">, MessageOf>> = {
  missing_point: () => "缺少点位名称：请从下拉列表选择计划中的断面或水源地。",
  unknown_point: (p) => `点位${q(p.input)}不是本计划的断面或水源地：请从下拉列表选择。`,
  missing_sampling_date: () => "缺少采样日期。",
  sample_without_values: (p) =>
    `${p.name ?? ""}的这次采样没有填写任何监测值，未计入样品数：请填写监测值，或删除这一行。`,
  flagged_sample_not_counted: (p) =>
    `${p.name ?? ""}的这一行是导入时站点标注异常（维护、故障等）的数据，不作为样品计入水质评价：核实后可删除备注开头的“【未计入】”，或删除这一行。`,
  unreadable_sampling_date: (p) => `无法识别的采样日期${q(p.input)}：请填写如 2023-05-01。`,
  sampling_date_outside_plan_year: (p) => `采样日期 ${p.date ?? ""} 不在计划年度 ${p.value ?? ""} 年内。`,
  sampling_date_after_as_of: (p) =>
    (p.count ?? 1) > 1
      ? `本表有 ${p.count ?? ""} 个样品的采样日期晚于统计截止日 ${p.actual ?? ""}（第一个在本行，${p.date ?? ""}），均不计入本期评价。`
      : `采样日期 ${p.date ?? ""} 晚于统计截止日 ${p.actual ?? ""}，不计入本期评价。`,
  duplicate_sample: (p) => `与第 ${p.row ?? ""} 行是同一点位、同一采样时间的重复样品，不计入均值。`,
  implausible_value: (p) =>
    `${names(p.parameters)} ${p.value ?? ""}${unitOf(p.parameters)} 超出合理范围（${p.min ?? ""}–${p.max ?? ""}），请核对数值和单位。`,
  sample_out_of_range: (p) =>
    `本次采样${names(p.parameters)}为 ${p.value ?? ""}，超出 ${p.min ?? ""}～${p.max ?? ""}（单次超标，按劣Ⅴ类计）；时段类别按时段均值判定，仍请核实本次监测。`,
  unreadable_measured_class: (p) => `无法识别的水质类别${q(p.input)}：请填写如“Ⅱ类”“III类”“劣Ⅴ类”。`,
  measured_class_differs: (p) =>
    `填报类别${cls(p.waterClass)}与按监测数据（${p.count ?? 0} 个样品）计算的${cls(p.otherClass)}不一致，请核对。`,
  point_target_not_met: (p) =>
    meets(p)
      ? `${p.name ?? ""}水质为${cls(p.waterClass)}，但${names(p.parameters)}超过限值，未达标。`
      : p.missing !== undefined && p.missing.length > 0
        ? `${p.name ?? ""}水质为${cls(p.waterClass)}或更差（${names(p.missing)}未监测），未达到目标${cls(p.otherClass)}。`
        : `${p.name ?? ""}水质为${cls(p.waterClass)}，未达到目标${cls(p.otherClass)}。`,
  point_items_missing: (p) =>
    `${p.name ?? ""}${(p.count ?? 0) === 0 ? "的样品不含评价指标" : `的类别${p.waterClass === undefined ? "" : cls(p.waterClass)}仅依据 ${p.count ?? 0} 项评价指标`}，缺少核心项目${names(p.missing)}${p.parameters !== undefined && p.parameters.length > 0 ? `及表2补充项目${names(p.parameters)}` : ""}，无法判定是否达标。`,
  point_cannot_judge: (p) =>
    `${p.name ?? ""}的${names(p.parameters)}低于检出限，但检出限未知或高于限值，无法判定是否达标。`,
  source_items_not_monitored: (p) =>
    `${p.name ?? ""}缺少 GB 3838-2002 表2 补充项目${names(p.parameters)}的监测数据，无法判定是否达标。`,
  point_data_invalid: (p) => `${p.name ?? ""}的监测数据有误${faultyRows(p.rows)}，更正后才能判定是否达标。`,
  unreadable_actual_value: (p) => `无法识别的数值${q(p.input)}：请填写数值，不带单位。`,
  doubtful_percent_reading: (p) =>
    `单元格中的 ${p.value ?? ""} 按百分比读作 ${p.actual ?? ""}（Excel 将输入的“${p.actual ?? ""}”存为 ${p.value ?? ""}）；如实际为 ${p.value ?? ""}%，请填写“${p.value ?? ""}%”。`,
  missing_base_value: (p) => `已填本年值，但缺少 ${p.value ?? ""} 年基数，无法计算降幅。`,
  unreadable_base_value: (p) => `无法识别的基数${q(p.input)}：请填写数值。`,
  base_value_not_positive: (p) =>
    p.value === 0
      ? `${p.year ?? ""} 年基数为 0：无法以 0 为基数计算降幅，请填写 ${p.year ?? ""} 年的实际值。`
      : `${p.year ?? ""} 年基数 ${p.value ?? ""} 不是正数：无法计算降幅，请填写 ${p.year ?? ""} 年的实际值。`,
  base_value_not_applicable: () => "该指标不是“较基准年降低”类指标，基数不参与判定。",
  reduction_not_applicable: () => "该指标不是“较基准年降低”类指标，此处填写的降幅不参与判定。",
  reduction_entries_disagree: (p) =>
    `直接填报的降幅 ${p.value ?? ""}% 与按本年值和基数计算的 ${p.actual ?? ""}% 不一致，按计算值判定。`,
  indicator_target_missed: (p) => `实际值 ${p.value ?? ""} 未达到目标（${p.expected ?? ""}）。`,
  soft_target_missed: (p) => `实际值 ${p.value ?? ""} 未达到“力争”目标（${p.expected ?? ""}）。`,
  part_exceeds_whole: (p) =>
    `实际值 ${p.value ?? ""} 超过其所属总数“${p.name ?? ""}”的实际值 ${p.limit ?? ""}：部分不能多于总数，请核对两行。`,
  indicator_differs_from_survey: (p) =>
    `填报值 ${p.value ?? ""}% 与按附件6 排查数据计算的 ${p.actual ?? ""}% 不一致。`,
  unknown_task_status: (p) => `完成状态${q(p.input)}不在列表中：请选择未启动、推进中或已完成。`,
  completed_without_date: () => "状态为“已完成”，但未填写完成日期。",
  unreadable_completion_date: (p) => `无法识别的完成日期${q(p.input)}：请填写如 2023-06-30。`,
  completion_date_without_done: (p) => `已填写完成日期 ${p.date ?? ""}，但状态不是“已完成”。`,
  completion_date_after_as_of: (p) =>
    `完成日期 ${p.date ?? ""} 晚于统计截止日 ${p.actual ?? ""}：完成日期不能是尚未到来的日子，请核对。`,
  completion_date_before_plan_year: (p) =>
    `完成日期 ${p.date ?? ""} 早于计划年度 ${p.year ?? ""} 年，请核对。`,
  completed_after_deadline: (p) => `完成日期 ${p.date ?? ""} 晚于完成时限 ${p.expected ?? ""}。`,
  task_overdue: (p) => `已逾期：完成时限 ${p.expected ?? ""}${milestone(p) || " "}已过，任务尚未完成。`,
  publication_date_not_set: () =>
    "未设置市级工作计划公布日期，“公布后20个工作日内”的任务无法确定截止日期：请在“设置”中填写计划公布日期。",
  count_not_whole_number: (p) => `${q(p.input)}不是不小于 0 的整数。`,
  traced_exceeds_found: (p) => `已溯源数 ${p.value ?? ""} 大于排污口数量 ${p.limit ?? ""}。`,
  remediated_exceeds_found: (p) => `已整治数 ${p.value ?? ""} 大于排污口数量 ${p.limit ?? ""}。`,
  remediated_exceeds_tasks: (p) => `已整治数 ${p.value ?? ""} 大于整治任务数 ${p.limit ?? ""}。`,
  remediation_tasks_exceed_found: (p) => `整治任务数 ${p.value ?? ""} 大于排污口数量 ${p.limit ?? ""}。`,
  survey_done_unreadable: (p) => `“排查完成”应为“是”或“否”，而不是${q(p.input)}。`,
  plan_cell_changed: (p) =>
    `计划原文单元格被改动：计划为${q(p.expected)}，现为${q(p.input)}。重新生成时将恢复计划原文。`,
  row_not_in_plan: (p) =>
    p.row !== undefined
      ? `本行的“${p.name ?? ""}”${q(p.input)}与第 ${p.row} 行重复：只有第 ${p.row} 行参与校验和汇总，本行所填内容未被采用。请把内容并入第 ${p.row} 行，或删除本行。`
      : p.input !== undefined
        ? `本行的“${p.name ?? ""}”${q(p.input)}不在计划中，本行所填内容不参与校验和汇总：请改为计划中的${p.name ?? ""}，或把内容移到计划中对应的行。`
        : `本行的“${p.name ?? ""}”为空，无法与计划中的行对应，本行所填内容不参与校验和汇总：请填写${p.name ?? ""}，或把内容移到计划中对应的行（合并的单元格只有首行有值）。`,
  sheet_missing: (p) => `缺少工作表“${p.sheet ?? ""}”：请先生成计划表格。`,
  plan_sheet_renamed: (p) =>
    `未找到工作表“${p.sheet ?? ""}”，但它的表格 ${p.name ?? ""} 仍在本工作簿的另一个工作表上：请把那个工作表改名回“${p.sheet ?? ""}”，其中所填内容才会被校验。`,
  columns_missing: (p) =>
    `工作表“${p.sheet ?? ""}”缺少列：${p.name ?? ""}。请重新生成计划表格（已填内容会保留）。`,
  cells_ignored: (p) => `表格以外很远处有 ${p.count ?? 0} 个单元格（首个 ${p.cell ?? ""}）未读取。`,
};
