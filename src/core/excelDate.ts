/** Days from Excel's day zero (1899-12-30, after its 1900 leap-year bug) to 1970-01-01. */
const unixEpochSerial = 25569;
const msPerDay = 86_400_000;

/**
 * Turns an ISO date into the serial number Excel stores for it.
 *
 * @example
 * isoDateToSerial("2023-12-31") // 45291
 */
export function isoDateToSerial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / msPerDay + unixEpochSerial;
}

/**
 * Turns an Excel date serial back into an ISO date (the time of day is dropped).
 *
 * @example
 * serialToIsoDate(45291) // "2023-12-31"
 */
export function serialToIsoDate(serial: number): string {
  return new Date(Math.round((Math.floor(serial) - unixEpochSerial) * msPerDay)).toISOString().slice(0, 10);
}
