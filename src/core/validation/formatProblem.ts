import type { Locale } from "../locale";
import { formatWaterQualityIssue } from "../water-quality/formatWaterQualityIssue";
import { clipQuotedInput } from "./clipQuotedInput";
import { enUSMessages } from "./messages/en-US";
import { zhCNMessages } from "./messages/zh-CN";
import type { Problem, ProblemParams } from "./validationProblem";

function clipped(params: ProblemParams): ProblemParams {
  const { input, waterQuality } = params;
  return {
    ...params,
    ...(input === undefined ? {} : { input: clipQuotedInput(input) }),
    ...(waterQuality?.input === undefined
      ? {}
      : { waterQuality: { ...waterQuality, input: clipQuotedInput(waterQuality.input) } }),
  };
}

/**
 * The message of a problem in the user's language; a measured value's problem speaks with the
 * water-quality engine's own message. What a cell holds is quoted cut short (`clipQuotedInput`).
 *
 * @example
 * formatProblem(problem("missing_sampling_date", "error", "sampledOn"), "en-US") // "The sampling date is missing."
 */
export function formatProblem(problem: Problem, locale: Locale): string {
  const params = clipped(problem.params);
  if (problem.code === "measured_value") {
    const issue = params.waterQuality;
    return issue ? formatWaterQualityIssue(issue, locale) : "";
  }
  return (locale === "zh-CN" ? zhCNMessages : enUSMessages)[problem.code](params);
}
