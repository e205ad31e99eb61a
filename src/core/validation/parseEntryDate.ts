import { isExists, isValid, parseISO } from "date-fns";
import { fictitiousLeapDaySerial, serialToIsoDate } from "../excelDate";
import { inputText } from "./validationProblem";

/**
 * A date as read from a cell: the calendar day, and the time of day in minutes when the cell
 * gives one (automatic stations report several samples a day), or a problem code.
 */
export type EntryDate =
  | { readonly kind: "date"; readonly iso: string; readonly minutes: number | null }
  | { readonly kind: "empty" }
  | { readonly kind: "unreadable"; readonly input: string };

/** Serials of 1900-01-01 and 9999-12-31: Excel's date range. */
const firstSerial = 1;
const lastSerial = 2_958_465;

const datePattern =
  /^(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})\s*日?(?:\s*[T\s]\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/u;

/**
 * Reads a date as staff type it: an Excel date serial (with a time of day as its fraction),
 * "2023-05-01", "2023/5/1", "2023.5.1", "2023年5月1日", each optionally followed by a time
 * "10:00". Full-width digits and signs are read as ASCII. Never throws; anything else is
 * `unreadable` (never a guess: "5/1/2023" and "2023-02-30" are refused).
 *
 * | input | result |
 * | --- | --- |
 * | 45047 | 2023-05-01 |
 * | 45047.5 | 2023-05-01 12:00 |
 * | 1 / 59 / 61 | 1900-01-01 / 1900-02-28 / 1900-03-01 |
 * | 60 (Excel's fictitious 1900-02-29) | unreadable |
 * | "2023.5.1" | 2023-05-01 |
 * | "2023年5月1日" | 2023-05-01 |
 * | "2023/05/01 08:30" | 2023-05-01 08:30 |
 * | "昨天" | unreadable |
 *
 * @example
 * parseEntryDate("2023年5月1日") // { kind: "date", iso: "2023-05-01", minutes: null }
 */
export function parseEntryDate(raw: unknown): EntryDate {
  if (raw === null || raw === undefined) return { kind: "empty" };
  if (typeof raw === "number") return fromSerial(raw);
  if (typeof raw !== "string") return { kind: "unreadable", input: inputText(raw) };
  const text = raw.normalize("NFKC").trim();
  if (text === "") return { kind: "empty" };
  const match = datePattern.exec(text);
  if (match === null) return { kind: "unreadable", input: raw };
  const [, year = "", month = "", day = "", hours, mins, secs = "0"] = match;
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  if (!isCalendarDay(Number(year), Number(month), Number(day), iso))
    return { kind: "unreadable", input: raw };
  if (hours === undefined || mins === undefined) return { kind: "date", iso, minutes: null };
  const minutes = Number(hours) * 60 + Number(mins);
  if (Number(hours) > 23 || Number(mins) > 59 || Number(secs) > 59) return { kind: "unreadable", input: raw };
  return { kind: "date", iso, minutes };
}

const secondsPerDay = 86_400;

/**
 * Whether the day exists ("2023-02-30" does not): date-fns's isExists, a tenth of parseISO's
 * cost over a year of samples; years below 100, which the Date constructor reads as 19xx, by
 * parseISO, which rolls nothing over either.
 */
function isCalendarDay(year: number, month: number, day: number, iso: string): boolean {
  return year >= 100 ? isExists(year, month - 1, day) : isValid(parseISO(iso));
}

function fromSerial(serial: number): EntryDate {
  if (!Number.isFinite(serial) || serial < firstSerial || serial > lastSerial) {
    return { kind: "unreadable", input: String(serial) };
  }
  if (Number.isInteger(serial)) {
    // 1900-02-29 never was (Excel's leap-year bug): no sample or task was dated on it.
    if (serial === fictitiousLeapDaySerial) return { kind: "unreadable", input: String(serial) };
    return { kind: "date", iso: serialToIsoDate(serial), minutes: null };
  }
  // The minute Excel shows: it rounds a time to the second (23:59:59.99 is midnight of the next
  // day) and hh:mm drops the seconds, as the text "10:00:45" is read.
  const seconds = Math.round(serial * secondsPerDay);
  const day = Math.floor(seconds / secondsPerDay);
  if (day > lastSerial || day === fictitiousLeapDaySerial)
    return { kind: "unreadable", input: String(serial) };
  return { kind: "date", iso: serialToIsoDate(day), minutes: Math.floor((seconds % secondsPerDay) / 60) };
}
