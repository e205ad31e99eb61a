import { parseEntryDate } from "../../core/validation/parseEntryDate";

/**
 * A day typed into the settings, read as staff write days in the sheets (year first, whatever the
 * browser's language: "2023-06-30", "2023/6/30", "2023.6.30", "2023年6月30日", full-width digits),
 * as "YYYY-MM-DD"; null for anything else ("6/30/2023" is refused, never guessed).
 *
 * @example
 * readDay("2023年6月30日") // "2023-06-30"
 * readDay("06/30/2023")    // null
 */
export function readDay(text: string): string | null {
  const day = parseEntryDate(text);
  return day.kind === "date" && day.minutes === null ? day.iso : null;
}
