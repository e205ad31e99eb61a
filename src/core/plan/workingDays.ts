import { addDays, format, isWeekend, parseISO } from "date-fns";
/*
 * Official public holidays and make-up working days (调休上班) from the State Council's yearly
 * notices (国务院办公厅关于部分节假日安排的通知), as the chinese-days package publishes them.
 *
 * Its data file, not its functions: the functions read "2023-03-06" as UTC midnight and then take
 * the local weekday and date, so west of UTC (the Americas) every answer is a day off — a Monday
 * is a weekend and 元旦 a working day (chinese-days 1.5.7, TZ=America/New_York). The data file is
 * plain "YYYY-MM-DD" keys, the same in every time zone, and is a documented part of the package
 * (its README: "For non-JS projects, you can use the JSON file").
 */
import chineseDays from "chinese-days/dist/chinese-days.json";

/** The package's days, keyed "YYYY-MM-DD" (values name the holiday, e.g. "Spring Festival,春节,3"). */
interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}
const { holidays, workdays: makeUpWorkdays }: ChineseDaysData = chineseDays;

/**
 * The years whose holiday notices the calendar holds, ascending: a year is covered when its 1
 * January is listed as a holiday. 元旦 is a public holiday every year (全国年节及纪念日放假办法),
 * so every notice lists it, and a year without one is a year the package does not know yet — its
 * days are then never guessed from weekends alone. chinese-days 1.5.7 covers 2004–2026.
 *
 * @example
 * coveredYears.includes(2023) // true
 */
export const coveredYears: readonly number[] = [
  ...new Set(Object.keys(holidays).map((day) => Number(day.slice(0, 4)))),
]
  .filter((year) => holidays[`${year}-01-01`] !== undefined)
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
 * isWorkingDay("2030-03-04") // { ok: false, reason: "calendar_not_covered", year: 2030 }
 */
export function isWorkingDay(isoDate: string): WorkingDayResult<boolean> {
  const day = parseIsoDate(isoDate);
  const year = day.getFullYear();
  if (!coveredYears.includes(year)) return { ok: false, reason: "calendar_not_covered", year };
  if (makeUpWorkdays[isoDate] !== undefined) return { ok: true, value: true };
  return { ok: true, value: !isWeekend(day) && holidays[isoDate] === undefined };
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
