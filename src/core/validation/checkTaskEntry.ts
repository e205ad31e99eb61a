import { parseEntryDate } from "./parseEntryDate";
import { problem, type Problem } from "./validationProblem";

/** 完成状态 as the product knows it. */
export type TaskStatus = "not_started" | "in_progress" | "done";

/** The dropdown's words in both languages, and forms staff type for them. */
const statusWords: Readonly<Record<string, TaskStatus>> = {
  未启动: "not_started",
  未开始: "not_started",
  notstarted: "not_started",
  推进中: "in_progress",
  进行中: "in_progress",
  inprogress: "in_progress",
  已完成: "done",
  完成: "done",
  done: "done",
};

/**
 * Reads a status cell: the dropdown's words in Chinese or English ("推进中", "In progress"), spaces
 * and case ignored, and the common synonyms 未开始 / 进行中 / 完成. Blank is null (not reported);
 * anything else is undefined (an unknown status).
 *
 * @example
 * readTaskStatus("In progress") // "in_progress"
 * readTaskStatus("搞定了")       // undefined
 */
export function readTaskStatus(raw: unknown): TaskStatus | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "string") return undefined;
  const text = raw.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
  if (text === "") return null;
  return statusWords[text];
}

/** One deadline of a task, resolved to a day where it can be. */
export interface TaskDeadline {
  /** What is due, for messages ("" for the task's main deadline). */
  readonly what: string;
  /** "YYYY-MM-DD", or null while it depends on a date the user has not set. */
  readonly date: string | null;
}

export interface TaskEntryInput {
  readonly status: unknown;
  readonly completedOn: unknown;
  /** 阶段完成日期: the day the task's milestones were delivered (task 53's half-year report). */
  readonly milestonesDoneOn?: unknown;
}

export interface CheckedTask {
  readonly problems: readonly Problem[];
  readonly status: TaskStatus | null;
  readonly completedOn: string | null;
  /** The deadlines passed on the as-of day without the task done, in the order given. */
  readonly overdue: readonly TaskDeadline[];
  /**
   * Every deadline met after its day (逾期完成), in the order given: the main one when the task was
   * done after it, a milestone when its 阶段完成日期 is after the milestone's day.
   */
  readonly late: readonly LateDelivery[];
  /**
   * The task's lateness: the largest of `late`'s days, else null. The one rule every count of
   * 逾期完成 reads (附件1, 汇总, the CLI report, the progress report): a task late on its main
   * deadline, on a milestone or on both is one late completion, by its larger lateness.
   */
  readonly daysLate: number | null;
}

/** A deadline met late: what was due, the day it was due, the day it was met, and the days between. */
export interface LateDelivery {
  readonly what: string;
  readonly date: string;
  readonly doneOn: string;
  readonly days: number;
}

const msPerDay = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay);
}

/**
 * Checks one task's entries against its deadlines on the as-of day: the status is one of the list;
 * 已完成 needs a 完成日期 (a readable date); a 完成日期 without 已完成 is a warning, and so is one after
 * the as-of day (completed in the future) or before the plan year; completion after a deadline is a
 * warning; a deadline that has passed (as-of day after it) while the task is not
 * 已完成 makes the task overdue (a warning at the status cell: the work is late, the entry is not
 * wrong). `deadlines[0]` is the main deadline; the others are milestones inside the task (task 53's
 * 半年工作总结 by 7月1日), delivered on 阶段完成日期: a passed milestone makes the task overdue until
 * that date is entered or the task is 已完成, whatever else its status (issue 13: a missed report
 * shows while the task is under way); a 阶段完成日期 after the milestone's day is a warning there
 * and a late completion (逾期完成) like a late 完成日期, whatever the task's status: a task late on
 * both counts once, by the larger lateness.
 *
 * @example
 * checkTaskEntry({ status: "推进中", completedOn: null }, [{ what: "", date: "2023-11-30" }], "2023-12-01", 2023).overdue
 * // [{ what: "", date: "2023-11-30" }]
 */
export function checkTaskEntry(
  input: TaskEntryInput,
  deadlines: readonly TaskDeadline[],
  asOf: string,
  planYear: number,
): CheckedTask {
  const problems: Problem[] = [];
  const status = readTaskStatus(input.status);
  if (status === undefined) {
    problems.push(problem("unknown_task_status", "error", "status", { input: String(input.status) }));
  }
  let completedOn: string | null = null;
  const date = parseEntryDate(input.completedOn);
  if (date.kind === "unreadable") {
    problems.push(problem("unreadable_completion_date", "error", "completedOn", { input: date.input }));
  } else if (date.kind === "date") {
    completedOn = date.iso;
    // A day not yet come, or before the plan began, is a typing slip more often than a fact.
    if (completedOn > asOf) {
      problems.push(
        problem("completion_date_after_as_of", "warning", "completedOn", { date: completedOn, actual: asOf }),
      );
    } else if (completedOn < `${planYear}-01-01`) {
      problems.push(
        problem("completion_date_before_plan_year", "warning", "completedOn", {
          date: completedOn,
          year: planYear,
        }),
      );
    }
  }
  if (status === "done" && date.kind === "empty")
    problems.push(problem("completed_without_date", "error", "completedOn"));
  let milestonesDoneOn: string | null = null;
  const milestoneDate = parseEntryDate(input.milestonesDoneOn ?? null);
  if (milestoneDate.kind === "unreadable") {
    problems.push(
      problem("unreadable_completion_date", "error", "milestonesDoneOn", { input: milestoneDate.input }),
    );
  } else if (milestoneDate.kind === "date") {
    milestonesDoneOn = milestoneDate.iso;
    if (milestonesDoneOn > asOf) {
      problems.push(
        problem("completion_date_after_as_of", "warning", "milestonesDoneOn", {
          date: milestonesDoneOn,
          actual: asOf,
        }),
      );
    }
  }
  if (completedOn !== null && status !== "done" && status !== undefined) {
    problems.push(problem("completion_date_without_done", "warning", "status", { date: completedOn }));
  }

  const overdue: TaskDeadline[] = [];
  const late: LateDelivery[] = [];
  deadlines.forEach((deadline, index) => {
    const isMain = index === 0;
    if (deadline.date === null) return;
    const due = deadline.date;
    // A milestone (半年工作总结) is delivered on its own date, entered or not whatever the status:
    // a done task reporting it late was late on it (issue 13). A delivery date still to come is
    // doubtful itself (warned above): it neither closes the milestone nor makes it late.
    if (!isMain && milestonesDoneOn !== null && milestonesDoneOn <= asOf) {
      if (milestonesDoneOn > due) {
        late.push({
          what: deadline.what,
          date: due,
          doneOn: milestonesDoneOn,
          days: daysBetween(due, milestonesDoneOn),
        });
        problems.push(
          problem("completed_after_deadline", "warning", "milestonesDoneOn", {
            date: milestonesDoneOn,
            expected: due,
          }),
        );
      }
      return;
    }
    if (status === "done") {
      // The completion date is the whole task's: a milestone without its own date is covered by it,
      // and only the main deadline can be late against it. A completion date still to come is
      // doubtful itself (warned above): no lateness is judged on it.
      if (isMain && completedOn !== null && completedOn > due && completedOn <= asOf) {
        late.push({
          what: deadline.what,
          date: due,
          doneOn: completedOn,
          days: daysBetween(due, completedOn),
        });
        problems.push(
          problem("completed_after_deadline", "warning", "completedOn", {
            date: completedOn,
            expected: due,
          }),
        );
      }
      return;
    }
    if (asOf > due) {
      overdue.push(deadline);
      problems.push(
        problem("task_overdue", "warning", "status", {
          expected: due,
          name: deadline.what,
          actual: asOf,
        }),
      );
    }
  });
  let daysLate: number | null = null;
  for (const l of late) if (daysLate === null || l.days > daysLate) daysLate = l.days;
  return { problems, status: status ?? null, completedOn, overdue, late, daysLate };
}
