import type { Locale } from "../../core/locale";
import type { Plan, PlanTask } from "../../core/plan/planSchema";
import { resolveDeadline } from "../../core/plan/resolveDeadline";
import { checkTaskEntry, type TaskDeadline } from "../../core/validation/checkTaskEntry";
import { problem } from "../../core/validation/validationProblem";
import type { ReadRow } from "../readSheet";
import { palette } from "../sheetSpec";
import { deadlineDateCell } from "../sheets/tasksSheet";
import type { FoundSheet } from "./sheetMarks";
import type { ReportTask } from "./validationReport";

const msPerDay = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay);
}

/** 逾期完成 in the sheet's language: "逾期完成 12 天", "completed 12 days late". */
function lateText(days: number, locale: Locale): string {
  return locale === "zh-CN" ? `逾期完成 ${days} 天` : `completed ${days} ${days === 1 ? "day" : "days"} late`;
}

/** A text about one deadline, naming it when it is a milestone: "逾期完成 10 天（报送…）". */
function named(label: string, what: string, locale: Locale): string {
  if (what === "") return label;
  return locale === "zh-CN" ? `${label}（${what}）` : `${label} (${what})`;
}

/** A task's deadlines: the main one first, then its milestones, resolved to days where they can be. */
function taskDeadlines(task: PlanTask, publishedOn: string | null, locale: Locale): TaskDeadline[] {
  const day = (deadline: PlanTask["deadline"]): string | null => {
    const due = resolveDeadline(deadline, { publicationDate: publishedOn });
    return due.kind === "date" ? due.date : null;
  };
  return [
    { what: "", date: day(task.deadline) },
    ...task.additionalDeadlines.map((m) => ({
      what: locale === "zh-CN" ? m.what : m.whatEn,
      date: day(m.deadline),
    })),
  ];
}

/**
 * Checks every task's row of 附件1 against its deadlines as of a day: writes 逾期情况 into the row's
 * computed cell, and gives the tasks as the report lists them (a task whose row is missing is judged
 * from nothing entered).
 *
 * @example
 * const tasks = checkTasks(plan, "2023-06-30", "2023-03-20", found.get("tasks"), planRows.get("tasks"));
 */
export function checkTasks(
  plan: Plan,
  asOf: string,
  publishedOn: string | null,
  sheet: FoundSheet | undefined,
  rows: ReadonlyMap<ReadRow, unknown> | undefined,
): ReportTask[] {
  const byTask = new Map<PlanTask, ReadRow>();
  for (const [row, task] of rows ?? []) byTask.set(task as PlanTask, row);
  return plan.tasks.map((task) => {
    const row = byTask.get(task);
    const locale = sheet?.marks.sheetLocale ?? "zh-CN";
    const deadlines = taskDeadlines(task, publishedOn, locale);
    const checked = checkTaskEntry(
      {
        status: row?.values.get("status") ?? null,
        completedOn: row?.values.get("completedOn") ?? null,
        milestonesDoneOn: row?.values.get("milestonesDoneOn") ?? null,
      },
      deadlines,
      asOf,
      plan.year,
    );
    if (sheet && row) {
      const { marks } = sheet;
      marks.add(row.sheetRow, checked.problems);
      if (task.deadline.kind === "working_days_after_publication") {
        // The day from the publication date in force, as 汇总 gives it (a one-off date included).
        marks.setPlanCell(row.sheetRow, "deadlineDate", deadlineDateCell(task, { publishedOn }, locale));
      }
      if (deadlines[0]?.date === null && task.deadline.kind === "working_days_after_publication") {
        marks.add(row.sheetRow, [problem("publication_date_not_set", "warning", "deadlineDate")]);
      }
      const overdueText = [
        ...checked.overdue.map((d) => {
          const days = d.date === null ? 0 : daysBetween(d.date, asOf);
          const label =
            locale === "zh-CN" ? `逾期 ${days} 天` : `${days} ${days === 1 ? "day" : "days"} overdue`;
          return named(label, d.what, locale);
        }),
        // Done, or a milestone delivered, after the deadline: late is late (issue 13).
        ...checked.late.map((l) => named(lateText(l.days, locale), l.what, locale)),
      ].join("\n");
      marks.setComputed(row.sheetRow, "overdue", overdueText);
      if (checked.overdue.length > 0) marks.fillCell(row.sheetRow, "overdue", palette.errorFill);
      else if (checked.late.length > 0) marks.fillCell(row.sheetRow, "overdue", palette.warningFill);
    }
    const overdue = checked.overdue.length > 0;
    // The earliest deadline missed, a milestone's too: the days count from it.
    const first = checked.overdue.reduce<{ what: string; date: string } | null>(
      (earliest, d) =>
        d.date !== null && (earliest === null || d.date < earliest.date)
          ? { what: d.what, date: d.date }
          : earliest,
      null,
    );
    return {
      number: task.number,
      mainTask: task.mainTask,
      leadUnits: task.leadUnits.text,
      deadlines: deadlines.map((d) => ({ what: d.what, date: d.date })),
      status: checked.status,
      completedOn: checked.completedOn,
      overdue,
      daysOverdue: first === null ? null : daysBetween(first.date, asOf),
      overdueDeadline: first,
      daysLate: checked.daysLate,
      lateDeadlines: checked.late,
    };
  });
}
