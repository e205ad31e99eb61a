import type { Locale } from "../locale";
import { formatWaterQualityIssue } from "../water-quality/formatWaterQualityIssue";
import { enUSMessages } from "./messages/en-US";
import { zhCNMessages } from "./messages/zh-CN";
import type { Problem } from "./validationProblem";

/**
 * The message of a problem in the user's language; a measured value's problem speaks with the
 * water-quality engine's own message.
 *
 * @example
 * formatProblem(problem("missing_sampling_date", "error", "sampledOn"), "en-US") // "The sampling date is missing."
 */
export function formatProblem(problem: Problem, locale: Locale): string {
  if (problem.code === "measured_value") {
    const issue = problem.params.waterQuality;
    return issue ? formatWaterQualityIssue(issue, locale) : "";
  }
  return (locale === "zh-CN" ? zhCNMessages : enUSMessages)[problem.code](problem.params);
}
