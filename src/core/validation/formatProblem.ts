import type { Locale } from "../locale";
import { formatWaterQualityIssue } from "../water-quality/formatWaterQualityIssue";
import { enUSMessages } from "./messages/en-US";
import { zhCNMessages } from "./messages/zh-CN";
import type { Problem, ProblemParams } from "./validationProblem";

/** How many characters of a cell a message quotes: enough to recognise it, never a whole essay. */
export const quotedInputLimit = 40;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * A cell's text as a message quotes it: line breaks folded into spaces (a note or a report line
 * stays one line per message), and cut to `quotedInputLimit` characters with "…" after.
 *
 * @example
 * clipQuotedInput("x".repeat(33_000)) // "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"
 */
export function clipQuotedInput(text: string): string {
  const folded = text.replace(/\s*[\r\n]+\s*/gu, " ");
  if (folded.length <= quotedInputLimit) return folded;
  // By characters as the user sees them, so that a cut never splits one (an emoji, a CJK extension
  // character); the segments are walked only as far as the cut.
  let kept = "";
  let count = 0;
  for (const { segment } of graphemes.segment(folded)) {
    if (count === quotedInputLimit) return `${kept}…`;
    kept += segment;
    count += 1;
  }
  return kept;
}

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
