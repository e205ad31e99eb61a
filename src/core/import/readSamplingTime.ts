import { isValid, parseISO } from "date-fns";
import { parseEntryDate } from "../validation/parseEntryDate";
import { inputText } from "../validation/validationProblem";

/**
 * A sampling time as an export writes it: the day, the time of day in minutes where the export
 * gives one, and whether the year was worked out (the national real-time table writes "05-01
 * 04:00" without one); or nothing, or something that is no time.
 */
export type SamplingTime =
  | {
      readonly kind: "time";
      readonly iso: string;
      readonly minutes: number | null;
      /** The export wrote no year: it is the plan year, or the year before for a day after the as-of day. */
      readonly yearInferred: boolean;
    }
  | { readonly kind: "empty" }
  | { readonly kind: "unreadable"; readonly input: string };

/** What a time without a year is read against. */
export interface SamplingYear {
  /** The plan year. */
  readonly year: number;
  /** The as-of day "YYYY-MM-DD": a day after it, in the plan year, is last year's. */
  readonly asOf: string;
}

// "05-01 04:00", "5/1 4:00", "5月1日 4时", "05-01": month and day, then an optional time.
const withoutYear =
  /^(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:\s*[T\s]?\s*(\d{1,2})(?:[:：](\d{2})(?:[:：](\d{2}))?|\s*[时點点]))?$/u;
// "04:00", "4:00:00", "4时": a time of day alone (a separate time column).
const clockOnly = /^(\d{1,2})(?:[:：](\d{2})(?:[:：](\d{2}))?|\s*[时點点])$/u;

function minutesOf(hours: string, mins = "0", secs = "0"): number | null {
  const [h, m, s] = [Number(hours), Number(mins), Number(secs)];
  return h > 23 || m > 59 || s > 59 ? null : h * 60 + m;
}

/** A time of day from its own cell: "04:00", "4时", or the fraction of a day Excel stores (0.1666…). */
function readClock(raw: unknown): number | null | "unreadable" {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw < 0 || raw >= 1) return "unreadable";
    // The minute Excel shows for the fraction (it rounds to the second, as parseEntryDate does).
    return Math.floor(Math.round(raw * 86_400) / 60);
  }
  const text = inputText(raw).normalize("NFKC").trim();
  if (text === "") return null;
  const match = clockOnly.exec(text);
  if (match === null) return "unreadable";
  return minutesOf(match[1] ?? "", match[2], match[3]) ?? "unreadable";
}

/**
 * Reads a sampling time as monitoring exports write it, never guessing: every form staff type
 * (`parseEntryDate`: "2023-05-01 04:00", "2023/5/1", "2023年5月1日", Excel serials with the time as
 * their fraction), and days without a year ("05-01 04:00", "5月1日"), which take the plan year —
 * unless that day lies after the as-of day, when it is last year's (the real-time page shows the
 * last days of December in early January). A separate time-of-day cell (`clock`: "04:00", "4时",
 * or Excel's fraction of a day) joins a day that has no time of its own.
 *
 * | cell | plan year 2023, as of 2023-06-30 |
 * | --- | --- |
 * | "2023-05-01 04:00" | 2023-05-01 04:00 |
 * | "05-01 04:00" | 2023-05-01 04:00 (year inferred) |
 * | "12-31 20:00" | 2022-12-31 20:00 (after the as-of day: last year) |
 * | "2023/5/1" | 2023-05-01 |
 * | 45047.1666… | 2023-05-01 04:00 |
 * | "02-30" | unreadable |
 *
 * @example
 * readSamplingTime("05-01 04:00", undefined, { year: 2023, asOf: "2023-06-30" })
 * // { kind: "time", iso: "2023-05-01", minutes: 240, yearInferred: true }
 */
export function readSamplingTime(raw: unknown, clock: unknown, context: SamplingYear): SamplingTime {
  const day = readDay(raw, context);
  if (day.kind !== "time") return day;
  const separate = readClock(clock);
  if (separate === "unreadable") return { kind: "unreadable", input: inputText(clock) };
  if (separate === null || day.minutes !== null) return day;
  return { ...day, minutes: separate };
}

function readDay(raw: unknown, context: SamplingYear): SamplingTime {
  const entered = parseEntryDate(raw);
  switch (entered.kind) {
    case "date":
      return { kind: "time", iso: entered.iso, minutes: entered.minutes, yearInferred: false };
    case "empty":
      return { kind: "empty" };
    case "unreadable":
      break;
  }
  const text = inputText(raw).normalize("NFKC").trim();
  const match = withoutYear.exec(text);
  if (match === null) return { kind: "unreadable", input: inputText(raw) };
  const [, month = "", date = "", hours, mins, secs] = match;
  const monthDay = `${month.padStart(2, "0")}-${date.padStart(2, "0")}`;
  let iso = `${context.year}-${monthDay}`;
  if (iso > context.asOf) iso = `${context.year - 1}-${monthDay}`;
  // parseISO rolls nothing over: 02-30, and 02-29 outside a leap year, are Invalid Date.
  if (!isValid(parseISO(iso))) return { kind: "unreadable", input: inputText(raw) };
  if (hours === undefined) return { kind: "time", iso, minutes: null, yearInferred: true };
  const minutes = minutesOf(hours, mins, secs);
  if (minutes === null) return { kind: "unreadable", input: inputText(raw) };
  return { kind: "time", iso, minutes, yearInferred: true };
}
