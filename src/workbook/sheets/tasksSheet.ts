import type { Locale } from "../../core/locale";
import type { Plan, PlanTask } from "../../core/plan/planSchema";
import { resolveDeadline } from "../../core/plan/resolveDeadline";
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
/** What the user sets about a plan that the sheets depend on (stored in the workbook's meta sheet). */
export interface PlanSettings {
  /** The day the city published its work plan, "YYYY-MM-DD", or null while unset (task 44's deadline counts from it). */
  readonly publishedOn: string | null;
}

/** 截止日期 of a task: the day, or why there is none yet. */
function dueDateCell(task: PlanTask, settings: PlanSettings): string | number {
  const due = resolveDeadline(task.deadline, { publicationDate: settings.publishedOn });
  return due.kind === "date" ? isoDateToSerial(due.date) : "";
}

/** Shown in 截止日期 while a deadline waits for the publication date. */
export const awaitingPublicationDate = {
  "zh-CN": "待设置公布日期",
  "en-US": "Set publication date",
} as const;

/**
 * 截止日期 as the sheet shows it: the day (an Excel date), or 待设置公布日期 while it waits for the
 * publication date.
 *
 * @example
 * deadlineDateCell(task44, { publishedOn: null }, "zh-CN") // "待设置公布日期"
 */
export function deadlineDateCell(task: PlanTask, settings: PlanSettings, locale: Locale): string | number {
  const due = dueDateCell(task, settings);
  return due === "" ? awaitingPublicationDate[locale] : due;
}

export function tasksSheet(plan: Plan, settings: PlanSettings = { publishedOn: null }): SheetSpec<PlanTask> {
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
    pagesWide: 1,
    columns: [
      {
        key: "number",
        header: { "zh-CN": printed(0, "序号"), "en-US": "No." },
        kind: "plan",
        width: 5,
        value: (t) => t.number,
      },
      {
        key: "category",
        header: { "zh-CN": "类别", "en-US": "Part" },
        formerHeaders: ["Category"],
        kind: "plan",
        width: 7,
        wrap: true,
        value: (t) => `${t.category.number}、${t.category.title}`,
      },
      {
        key: "subCategory",
        header: { "zh-CN": "分项", "en-US": "Area" },
        formerHeaders: ["Sub-category"],
        kind: "plan",
        width: 7,
        wrap: true,
        value: (t) => (t.subCategory ? `${t.subCategory.number}${t.subCategory.title}` : ""),
      },
      {
        key: "mainTask",
        header: { "zh-CN": printed(1, "主要任务"), "en-US": "Main task" },
        kind: "plan",
        width: 8,
        wrap: true,
        value: (t) => t.mainTask,
      },
      {
        key: "content",
        header: { "zh-CN": printed(2, "任务内容"), "en-US": "Task content" },
        kind: "plan",
        // 40, not wider: 阶段完成日期 shares the page's width (one page across at ≥ 64 %).
        width: 40,
        wrap: true,
        value: (t) => t.content,
      },
      {
        key: "leadUnits",
        header: { "zh-CN": printed(3, "牵头单位"), "en-US": "Lead units" },
        kind: "plan",
        width: 9,
        wrap: true,
        value: (t) => t.leadUnits.text,
      },
      {
        key: "supportingUnits",
        header: { "zh-CN": printed(4, "配合单位"), "en-US": "Supporting units" },
        kind: "plan",
        width: 13,
        wrap: true,
        value: (t) => t.supportingUnits.text,
      },
      {
        key: "responsibleUnits",
        header: { "zh-CN": printed(5, "责任单位"), "en-US": "Responsible units" },
        kind: "plan",
        width: 13,
        wrap: true,
        value: (t) => t.responsibleUnits.text,
      },
      {
        key: "deadlineText",
        header: { "zh-CN": printed(6, "完成时限"), "en-US": "Time limit" },
        formerHeaders: ["Deadline (as written)"],
        kind: "plan",
        width: 8,
        wrap: true,
        value: (t) => t.deadline.text,
      },
      {
        key: "deadlineDate",
        header: { "zh-CN": "截止日期", "en-US": "Due date" },
        kind: "plan",
        width: 10,
        numberFormat: "yyyy-mm-dd",
        // A deadline counted from the plan's publication date has no date until the user sets that date.
        value: (t, locale) => deadlineDateCell(t, settings, locale),
        // Validation writes it from the publication date in force, a one-off date included.
        setByValidation: (t) => t.deadline.kind === "working_days_after_publication",
      },
      {
        key: "milestones",
        header: { "zh-CN": "阶段时限", "en-US": "Stages" },
        formerHeaders: ["Milestones"],
        kind: "plan",
        width: 8,
        wrap: true,
        value: (t, locale) =>
          t.additionalDeadlines
            .map(
              (m) =>
                `${m.deadline.kind === "date" ? m.deadline.date : m.text} ${locale === "zh-CN" ? m.what : m.whatEn}`,
            )
            .join("\n"),
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
        width: 10,
        numberFormat: "yyyy-mm-dd",
        validation: dateValidation(plan.year),
      },
      {
        key: "progress",
        header: { "zh-CN": "进展情况", "en-US": "Progress" },
        kind: "entry",
        width: 10,
        wrap: true,
      },
      {
        key: "overdue",
        header: { "zh-CN": "逾期情况", "en-US": "Overdue" },
        kind: "computed",
        width: 8,
        wrap: true,
      },
      // Last, so the columns before it keep their letters in workbooks made by earlier versions.
      {
        key: "milestonesDoneOn",
        header: { "zh-CN": "阶段完成日期", "en-US": "Milestone done on" },
        kind: "entry",
        width: 10,
        numberFormat: "yyyy-mm-dd",
        validation: dateValidation(plan.year),
      },
    ],
  };
}
