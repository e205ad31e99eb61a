import { addDays, eachDayOfInterval, format, isWeekend, parseISO } from "date-fns";

/** A holiday period of the State Council's notice and the weekend days worked in exchange (调休上班). */
interface HolidayPeriod {
  readonly name: string;
  /** First and last day off, inclusive (ISO dates). */
  readonly from: string;
  readonly to: string;
  /** Saturdays or Sundays that are working days (调休上班). */
  readonly makeUpWorkdays: readonly string[];
}

/**
 * Official public holidays and make-up working days by year.
 *
 * 2023: 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）.
 * 2024: 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）.
 * 2024-02-09 (除夕) is a working day in the notice (units are only "encouraged" to give it off).
 * A year is covered only when its whole notice is here: add a year by adding its notice.
 *
 * @example
 * chineseHolidayCalendar[2023]?.find((p) => p.name === "春节")?.makeUpWorkdays // ["2023-01-28", "2023-01-29"]
 */
export const chineseHolidayCalendar: Readonly<Record<number, readonly HolidayPeriod[]>> = {
  2023: [
    // The 元旦 period starts on 2022-12-31, a Saturday: a weekend day either way.
    { name: "元旦", from: "2022-12-31", to: "2023-01-02", makeUpWorkdays: [] },
    { name: "春节", from: "2023-01-21", to: "2023-01-27", makeUpWorkdays: ["2023-01-28", "2023-01-29"] },
    { name: "清明节", from: "2023-04-05", to: "2023-04-05", makeUpWorkdays: [] },
    { name: "劳动节", from: "2023-04-29", to: "2023-05-03", makeUpWorkdays: ["2023-04-23", "2023-05-06"] },
    { name: "端午节", from: "2023-06-22", to: "2023-06-24", makeUpWorkdays: ["2023-06-25"] },
    {
      name: "中秋节、国庆节",
      from: "2023-09-29",
      to: "2023-10-06",
      makeUpWorkdays: ["2023-10-07", "2023-10-08"],
    },
  ],
  2024: [
    { name: "元旦", from: "2024-01-01", to: "2024-01-01", makeUpWorkdays: [] },
    { name: "春节", from: "2024-02-10", to: "2024-02-17", makeUpWorkdays: ["2024-02-04", "2024-02-18"] },
    { name: "清明节", from: "2024-04-04", to: "2024-04-06", makeUpWorkdays: ["2024-04-07"] },
    { name: "劳动节", from: "2024-05-01", to: "2024-05-05", makeUpWorkdays: ["2024-04-28", "2024-05-11"] },
    { name: "端午节", from: "2024-06-10", to: "2024-06-10", makeUpWorkdays: [] },
    { name: "中秋节", from: "2024-09-15", to: "2024-09-17", makeUpWorkdays: ["2024-09-14"] },
    { name: "国庆节", from: "2024-10-01", to: "2024-10-07", makeUpWorkdays: ["2024-09-29", "2024-10-12"] },
  ],
};

const holidays = new Set<string>();
const makeUpWorkdays = new Set<string>();
for (const periods of Object.values(chineseHolidayCalendar)) {
  for (const period of periods) {
    for (const day of eachDayOfInterval({ start: parseISO(period.from), end: parseISO(period.to) })) {
      holidays.add(toIsoDate(day));
    }
    for (const day of period.makeUpWorkdays) makeUpWorkdays.add(day);
  }
}

/**
 * The years whose holiday notices are in the calendar.
 *
 * @example
 * coveredYears // [2023, 2024]
 */
export const coveredYears: readonly number[] = Object.keys(chineseHolidayCalendar)
  .map(Number)
  .sort((a, b) => a - b);

/** A working-day answer, or the year the calendar does not know (never a guess from weekends alone). */
export type WorkingDayResult<T> =
  { ok: true; value: T } | { ok: false; reason: "calendar_not_covered"; year: number };

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a day is a working day in mainland China: Monday to Friday except public holidays, plus
 * the weekend days worked in exchange (调休). A malformed date is misuse and throws a RangeError.
 *
 * @example
 * isWorkingDay("2023-01-28") // { ok: true, value: true }  (a Saturday worked for 春节)
 * isWorkingDay("2025-03-03") // { ok: false, reason: "calendar_not_covered", year: 2025 }
 */
export function isWorkingDay(isoDate: string): WorkingDayResult<boolean> {
  const day = parseIsoDate(isoDate);
  const year = day.getFullYear();
  if (!coveredYears.includes(year)) return { ok: false, reason: "calendar_not_covered", year };
  if (makeUpWorkdays.has(isoDate)) return { ok: true, value: true };
  return { ok: true, value: !isWeekend(day) && !holidays.has(isoDate) };
}

/**
 * The date `n` working days after `isoDate`. The start day itself is not counted — "20 working
 * days after publication" starts counting on the day after publication, whatever day that is —
 * so a plan published on a Friday has its first working day on the Monday. A malformed date or a
 * negative `n` is misuse and throws a RangeError.
 *
 * @example
 * addWorkingDays("2023-09-28", 1) // { ok: true, value: "2023-10-07" }  (国庆 off, the Saturday is worked)
 */
export function addWorkingDays(isoDate: string, n: number): WorkingDayResult<string> {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let day = parseIsoDate(isoDate);
  const startYear = day.getFullYear();
  if (!coveredYears.includes(startYear))
    return { ok: false, reason: "calendar_not_covered", year: startYear };
  let remaining = n;
  while (remaining > 0) {
    day = addDays(day, 1);
    const working = isWorkingDay(toIsoDate(day));
    if (!working.ok) return working;
    if (working.value) remaining -= 1;
  }
  return { ok: true, value: toIsoDate(day) };
}

/** Parses "YYYY-MM-DD" as a local calendar day; a malformed date is misuse and throws. */
function parseIsoDate(isoDate: string): Date {
  const day = parseISO(isoDate);
  if (!isoDatePattern.test(isoDate) || Number.isNaN(day.getTime()) || toIsoDate(day) !== isoDate) {
    throw new RangeError(`not an ISO date (YYYY-MM-DD): ${isoDate}`);
  }
  return day;
}

function toIsoDate(day: Date): string {
  return format(day, "yyyy-MM-dd");
}
