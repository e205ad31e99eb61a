import { isMatch } from "date-fns";
import type { Deadline } from "./planSchema";
import { addWorkingDays } from "./workingDays";

/** What the user sets about a plan that its deadlines may depend on. */
export interface DeadlineContext {
  /** The day the city published its work plan (市级公布工作计划), "YYYY-MM-DD"; null while unset. */
  readonly publicationDate: string | null;
}

/**
 * A deadline as a calendar day, or why there is none yet:
 * - `no_publication_date`: the deadline counts from the publication date and the user has not set it;
 * - `invalid_publication_date`: what was set is not a "YYYY-MM-DD" day;
 * - `calendar_not_covered`: counting working days would pass a year whose holidays are not in the
 *   calendar (see `coveredYears`), so no date is guessed.
 */
export type ResolvedDeadline =
  | { kind: "date"; date: string }
  | { kind: "no_publication_date" }
  | { kind: "invalid_publication_date"; publicationDate: string }
  | { kind: "calendar_not_covered"; year: number };

/**
 * The calendar day a task is due: fixed dates as they are, "市级公布工作计划后20个工作日内" as the
 * 20th Chinese working day after the publication date (the publication day itself not counted).
 *
 * @example
 * resolveDeadline({ kind: "working_days_after_publication", text: "…", workingDays: 20 }, { publicationDate: "2023-04-10" })
 * // { kind: "date", date: "2023-05-09" }
 */
export function resolveDeadline(deadline: Deadline, context: DeadlineContext): ResolvedDeadline {
  switch (deadline.kind) {
    case "date":
      return { kind: "date", date: deadline.date };
    case "working_days_after_publication": {
      const { publicationDate } = context;
      if (publicationDate === null) return { kind: "no_publication_date" };
      if (!/^\d{4}-\d{2}-\d{2}$/.test(publicationDate) || !isMatch(publicationDate, "yyyy-MM-dd")) {
        return { kind: "invalid_publication_date", publicationDate };
      }
      const due = addWorkingDays(publicationDate, deadline.workingDays);
      return due.ok ? { kind: "date", date: due.value } : { kind: "calendar_not_covered", year: due.year };
    }
  }
}
