import type { Deadline } from "./planSchema";

/**
 * Reads a 完成时限 cell of a plan for `year`, or a date inside a task's content. Returns null for
 * wording it does not know, or a day that does not exist, so a new plan's author sees the cell to
 * write by hand instead of a guessed date.
 *
 * - "全年" (all year) and "年底前" (before the end of the year) → `year`-12-31
 * - "11月底前" (before the end of November) → the month's last day
 * - "2023年12月20日前" → that day (the day itself still counts: 前 is "by")
 * - "7月1日前" → that day of `year`, the same way
 * - "市级公布工作计划后20个工作日内" → 20 working days after the publication the user dates
 *
 * @example
 * parseDeadline("11月底前", 2023) // { kind: "date", text: "11月底前", date: "2023-11-30" }
 * parseDeadline("7月1日前", 2023) // { kind: "date", text: "7月1日前", date: "2023-07-01" }
 */
export function parseDeadline(text: string, year: number): Deadline | null {
  const t = text.trim();
  if (t === "全年" || t === "年底前") return { kind: "date", text, date: isoDate(year, 12, 31) };

  const monthEnd = /^(\d{1,2})月底前$/.exec(t);
  if (monthEnd?.[1] !== undefined) {
    const month = Number(monthEnd[1]);
    if (month < 1 || month > 12) return null;
    // Day 0 of the next month is the last day of this one (UTC, so no time zone moves it).
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { kind: "date", text, date: isoDate(year, month, lastDay) };
  }

  // "X日前" is "by X": the stated day is the last day (7月1日前 → 07-01, not 06-30), as in official usage.
  const day = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日前$/.exec(t);
  if (day?.[2] !== undefined && day[3] !== undefined) {
    const date = existingDay(day[1] === undefined ? year : Number(day[1]), Number(day[2]), Number(day[3]));
    return date === null ? null : { kind: "date", text, date };
  }

  const afterPublication = /^市级公布工作计划后(\d+)个工作日内$/.exec(t);
  if (afterPublication?.[1] !== undefined) {
    return { kind: "working_days_after_publication", text, workingDays: Number(afterPublication[1]) };
  }
  return null;
}

/** The ISO date of a day, or null when the calendar has no such day (2月30日). */
function existingDay(year: number, month: number, day: number): string | null {
  const utc = new Date(Date.UTC(year, month - 1, day));
  const exists = utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
  return exists ? isoDate(year, month, day) : null;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
