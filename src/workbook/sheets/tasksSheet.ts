import type { Plan, PlanTask } from "../../core/plan/planSchema";
import { isoDateToSerial } from "../../core/excelDate";
import type { SheetSpec } from "../sheetSpec";
import { palette } from "../sheetSpec";
import { dateValidation, statusValidation } from "./choices";
import { appendixTitle, legendNote } from "./sheetText";

/**
 * 附件1 任务清单: the 53 key tasks, one row each, with the status, completion date and progress
 * that lead units report. 主要任务 is filled in on every row (the source leaves it blank for
 * "same as above"), so that a filtered table still reads right.
 */
export function tasksSheet(plan: Plan): SheetSpec<PlanTask> {
  const appendix = plan.appendices.tasks;
  const printed = (index: number, fallback: string): string => appendix.headers[index] ?? fallback;
  return {
    key: "tasks",
    name: { "zh-CN": "附件1 任务清单", "en-US": "A1 Tasks" },
    title: appendixTitle(appendix, { "en-US": `Appendix 1  Key tasks ${plan.year}` }),
    note: legendNote(appendix.note),
    tableName: "WP_Tasks",
    rows: plan.tasks,
    identity: ["number"],
    freezeColumns: 1,
    tabColor: palette.planTab,
    fitToPageWidth: true,
    columns: [
      {
        key: "number",
        header: { "zh-CN": printed(0, "序号"), "en-US": "No." },
        kind: "plan",
        width: 6,
        value: (t) => t.number,
      },
      {
        key: "category",
        header: { "zh-CN": "类别", "en-US": "Category" },
        kind: "plan",
        width: 14,
        wrap: true,
        value: (t) => `${t.category.number}、${t.category.title}`,
      },
      {
        key: "subCategory",
        header: { "zh-CN": "分项", "en-US": "Sub-category" },
        kind: "plan",
        width: 14,
        wrap: true,
        value: (t) => (t.subCategory ? `${t.subCategory.number}${t.subCategory.title}` : ""),
      },
      {
        key: "mainTask",
        header: { "zh-CN": printed(1, "主要任务"), "en-US": "Main task" },
        kind: "plan",
        width: 14,
        wrap: true,
        value: (t) => t.mainTask,
      },
      {
        key: "content",
        header: { "zh-CN": printed(2, "任务内容"), "en-US": "Task content" },
        kind: "plan",
        width: 50,
        wrap: true,
        value: (t) => t.content,
      },
      {
        key: "leadUnits",
        header: { "zh-CN": printed(3, "牵头单位"), "en-US": "Lead units" },
        kind: "plan",
        width: 16,
        wrap: true,
        value: (t) => t.leadUnits.text,
      },
      {
        key: "supportingUnits",
        header: { "zh-CN": printed(4, "配合单位"), "en-US": "Supporting units" },
        kind: "plan",
        width: 18,
        wrap: true,
        value: (t) => t.supportingUnits.text,
      },
      {
        key: "responsibleUnits",
        header: { "zh-CN": printed(5, "责任单位"), "en-US": "Responsible units" },
        kind: "plan",
        width: 20,
        wrap: true,
        value: (t) => t.responsibleUnits.text,
      },
      {
        key: "deadlineText",
        header: { "zh-CN": printed(6, "完成时限"), "en-US": "Deadline (as written)" },
        kind: "plan",
        width: 10,
        wrap: true,
        value: (t) => t.deadline.text,
      },
      {
        key: "deadlineDate",
        header: { "zh-CN": "截止日期", "en-US": "Due date" },
        kind: "plan",
        width: 11,
        numberFormat: "yyyy-mm-dd",
        // A deadline counted from the plan's publication date has no date until the user sets that date.
        value: (t) => (t.deadline.kind === "date" ? isoDateToSerial(t.deadline.date) : ""),
      },
      {
        key: "status",
        header: { "zh-CN": "完成状态", "en-US": "Status" },
        kind: "entry",
        width: 9,
        validation: statusValidation,
      },
      {
        key: "completedOn",
        header: { "zh-CN": "完成日期", "en-US": "Completed on" },
        kind: "entry",
        width: 11,
        numberFormat: "yyyy-mm-dd",
        validation: dateValidation(plan.year),
      },
      {
        key: "progress",
        header: { "zh-CN": "进展情况", "en-US": "Progress" },
        kind: "entry",
        width: 30,
        wrap: true,
      },
    ],
  };
}
