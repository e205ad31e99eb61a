/**
 * The as-of day when the user sets none: today, but never past the plan year's last day. An
 * annual plan is judged up to 31 December at the latest; a report opened years later still speaks
 * of the plan year ("统计截止日 2023-12-31", not the day it happens to be read).
 *
 * @example
 * defaultAsOf("2026-12-01", 2023) // "2023-12-31"
 * defaultAsOf("2023-06-30", 2023) // "2023-06-30"
 */
export function defaultAsOf(today: string, planYear: number): string {
  const yearEnd = `${planYear}-12-31`;
  return today > yearEnd ? yearEnd : today;
}
