import { isMatch } from "date-fns";
import type { CliMessages } from "./messages/cliMessages";
import { UsageProblem } from "./workbookFiles";

/**
 * Today in the machine's time zone, as YYYY-MM-DD: the default as-of day of validate, report and
 * import (each bounds it by the plan year).
 *
 * @example
 * localToday() // "2026-12-07"
 */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A date option's value (`--today`, `--published`) as given, or a UsageProblem saying the option
 * wants a real day written YYYY-MM-DD.
 *
 * @example
 * checkDate("--today", "2023-06-31", messages) // throws: 2023-06-31 is no day
 */
export function checkDate(option: string, value: string, messages: CliMessages): string {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value) || !isMatch(value, "yyyy-MM-dd")) {
    throw new UsageProblem(messages.badDate(option, value));
  }
  return value;
}
