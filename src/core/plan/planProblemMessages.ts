import type { Locale } from "../locale";

/**
 * What can be wrong with a plan file, as a snake_case code (e.g. "duplicate_target_id"). `schema_violation` comes from the zod schema (its message is
 * zod's, in both languages); the others are the semantic checks zod cannot express.
 */
export type PlanProblemCode =
  | "schema_violation"
  | "task_number_out_of_order"
  | "main_task_mismatch"
  | "row_number_out_of_order"
  | "duplicate_target_id"
  | "target_id_task_mismatch"
  | "unknown_target_task"
  | "missing_base_year"
  | "quote_not_in_content"
  | "denominator_without_share"
  | "goal_count_mismatch"
  | "goal_share_mismatch"
  | "unknown_goal_task"
  | "unknown_county"
  | "monitoring_lead_not_lead";

/** The values a semantic problem's message is built from. */
export type PlanProblemParams = Readonly<Record<string, string | number>>;

type MessageTemplates = Readonly<
  Record<Exclude<PlanProblemCode, "schema_violation">, (p: PlanProblemParams) => string>
>;

const str = (value: string | number | undefined): string => (value === undefined ? "" : String(value));

/**
 * The messages of the semantic checks, one table per language, kept apart from the checks.
 *
 * @example
 * planProblemMessages["zh-CN"].duplicate_target_id({ id: "t5-1" }) // "指标编号“t5-1”重复"
 */
export const planProblemMessages: Readonly<Record<Locale, MessageTemplates>> = {
  "zh-CN": {
    task_number_out_of_order: (p) => `任务序号应为 ${str(p["expected"])}，实为 ${str(p["actual"])}`,
    main_task_mismatch: (p) =>
      `主要任务应为“${str(p["expected"])}”（空白即同上一行），实为“${str(p["actual"])}”`,
    row_number_out_of_order: (p) => `序号应为 ${str(p["expected"])}，实为 ${str(p["actual"])}`,
    duplicate_target_id: (p) => `指标编号“${str(p["id"])}”重复`,
    target_id_task_mismatch: (p) => `指标编号“${str(p["id"])}”与任务序号 ${str(p["task"])} 不符`,
    unknown_target_task: (p) => `指标引用的任务 ${str(p["task"])} 不存在`,
    missing_base_year: () => "较基准年降低的指标须写明基准年（baseYear）",
    quote_not_in_content: (p) => `“${str(p["text"])}”不是任务 ${str(p["task"])} 任务内容中的原文`,
    denominator_without_share: (p) => `只有百分比指标才有分母，此指标的单位为“${str(p["unit"])}”`,
    goal_count_mismatch: (p) => `目标写明 ${str(p["expected"])} 个，附件表中有 ${str(p["actual"])} 行`,
    goal_share_mismatch: (p) =>
      `判定所用比例 ${str(p["actual"])}% 与目标写明的优良比例 ${str(p["expected"])}% 不一致`,
    unknown_goal_task: (p) => `目标引用的任务 ${str(p["task"])} 不存在`,
    unknown_county: (p) => `“${str(p["county"])}”不在计划的县（区）名单（counties）中`,
    monitoring_lead_not_lead: (p) => `“${str(p["unit"])}”不是任务 ${str(p["task"])} 的牵头单位`,
  },
  "en-US": {
    task_number_out_of_order: (p) => `task number should be ${str(p["expected"])}, is ${str(p["actual"])}`,
    main_task_mismatch: (p) =>
      `main task should be "${str(p["expected"])}" (a blank means the row above's), is "${str(p["actual"])}"`,
    row_number_out_of_order: (p) => `row number should be ${str(p["expected"])}, is ${str(p["actual"])}`,
    duplicate_target_id: (p) => `target id "${str(p["id"])}" is used twice`,
    target_id_task_mismatch: (p) => `target id "${str(p["id"])}" does not match task ${str(p["task"])}`,
    unknown_target_task: (p) => `the target refers to task ${str(p["task"])}, which does not exist`,
    missing_base_year: () => "a reduction against a base year needs baseYear",
    quote_not_in_content: (p) =>
      `"${str(p["text"])}" is not words of task ${str(p["task"])}'s content (it must be quoted verbatim)`,
    denominator_without_share: (p) =>
      `only a share (%) has a denominator, this target's unit is "${str(p["unit"])}"`,
    goal_count_mismatch: (p) =>
      `the goal states ${str(p["expected"])}, the appendix table has ${str(p["actual"])} rows`,
    goal_share_mismatch: (p) =>
      `the judgement's share ${str(p["actual"])}% differs from the goal's good-water share ${str(p["expected"])}%`,
    unknown_goal_task: (p) => `the goal refers to task ${str(p["task"])}, which does not exist`,
    unknown_county: (p) =>
      `"${str(p["county"])}" is not in the plan's list of counties and districts (counties)`,
    monitoring_lead_not_lead: (p) => `"${str(p["unit"])}" is not a lead unit of task ${str(p["task"])}`,
  },
};

/**
 * The one-line frame around the problems, per language.
 *
 * @example
 * planProblemFrame["en-US"].invalid // "Invalid plan file: "
 */
export const planProblemFrame: Readonly<
  Record<Locale, { invalid: string; root: string; separator: string; more: (n: number) => string }>
> = {
  "zh-CN": {
    invalid: "计划文件无效：",
    root: "（文件）",
    separator: "；",
    more: (n) => `；另有 ${n} 处问题`,
  },
  "en-US": {
    invalid: "Invalid plan file: ",
    root: "(file)",
    separator: "; ",
    more: (n) => `; and ${n} more`,
  },
};
