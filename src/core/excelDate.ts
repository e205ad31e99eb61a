/** Days from Excel's day zero (1899-12-30, after its 1900 leap-year bug) to 1970-01-01. */
const unixEpochSerial = 25569;
const msPerDay = 86_400_000;
/**
 * Serial 60 is 1900-02-29, a day that never was: Excel kept Lotus 1-2-3's mistake of counting 1900
 * as a leap year. Serials from 61 (1900-03-01) on count from 1899-12-30; serials 1–59
 * (1900-01-01 to 1900-02-28) are one day later than that count, since the fictitious day is not
 * behind them.
 */
export const fictitiousLeapDaySerial = 60;

/**
 * Turns an ISO date into the serial number Excel stores for it (1900-01-01 is 1, 1900-03-01 is 61).
 *
 * @example
 * isoDateToSerial("2023-12-31") // 45291
 * isoDateToSerial("1900-02-28") // 59
 */
export function isoDateToSerial(iso: string): number {
  const days = Date.parse(`${iso}T00:00:00Z`) / msPerDay + unixEpochSerial;
  return days > fictitiousLeapDaySerial ? days : days - 1;
}

/**
 * Turns an Excel date serial back into an ISO date (the time of day is dropped). Serial 60 gives
 * "1900-02-29", as Excel shows it, though no such day exists: callers that need a real day refuse
 * it (see `fictitiousLeapDaySerial`).
 *
 * @example
 * serialToIsoDate(45291) // "2023-12-31"
 * serialToIsoDate(1)     // "1900-01-01"
 */
export function serialToIsoDate(serial: number): string {
  const day = Math.floor(serial);
  if (day === fictitiousLeapDaySerial) return "1900-02-29";
  const days = day > fictitiousLeapDaySerial ? day : day + 1;
  return new Date(Math.round((days - unixEpochSerial) * msPerDay)).toISOString().slice(0, 10);
}
