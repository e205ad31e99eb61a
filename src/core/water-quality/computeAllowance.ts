import { getClassLimit, type Waterbody } from "./classifyParameter";
import { getParameter, type ParameterKey } from "./parameters";
import type { WaterClass } from "./waterClass";

/** Why an allowance is a warning (预警). */
export type AllowanceWarning =
  /** The year-to-date mean already misses the limit: the remaining months must be better than so far. */
  | "over_limit"
  /** The year-to-date mean meets the limit by less than 10 %. */
  | "near_limit"
  /** The latest month's mean misses the allowance: at that level the target is lost. */
  | "latest_beyond_allowance"
  /** No value of the remaining months can bring the mean within the limit (a negative allowance). */
  | "unreachable";

/** What the year so far holds for one parameter at one point. */
export interface AllowanceInput {
  readonly parameter: ParameterKey;
  readonly waterbody: Waterbody;
  /** The class the point must reach (drinking-water sources: their target, Ⅲ). */
  readonly target: WaterClass;
  /** The year-to-date mean (½ × detection limit for values below it), as validation judged it. */
  readonly mean: number;
  /** Samples in that mean. */
  readonly samples: number;
  /** Months of the year so far with a sample of this parameter. */
  readonly monthsWithData: number;
  /** Months of the plan year after the as-of month. */
  readonly remainingMonths: number;
  /** The mean of the latest month with data, or null. */
  readonly latest: number | null;
}

/** The 达标倒推 of one parameter. */
export interface Allowance {
  readonly parameter: ParameterKey;
  /** "max": the remaining months may average at most `allowance`; "min" (dissolved oxygen): at least. */
  readonly bound: "max" | "min";
  /** The target class's limit. */
  readonly limit: number;
  /** null when no month remains (the year's mean is the year-to-date mean). */
  readonly allowance: number | null;
  /** Samples the remaining months are expected to bring (the sampling rate so far). */
  readonly expectedSamples: number;
  readonly warnings: readonly AllowanceWarning[];
}

/** The share of the limit within which a mean that still meets it is a warning. */
export const nearLimitShare = 0.1;

/** Snapped like `meanOfSummary`: 12 significant digits, above binary noise. */
function snap(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * 达标倒推: the average the remaining months of the year may not exceed (dissolved oxygen: must
 * reach) for the year's mean to stay within the target class's limit. The year's class is the
 * single-factor class of the arithmetic mean of all samples (地表水环境质量评价办法), so with n
 * samples of mean m so far and k expected in the remaining months (the sampling rate so far:
 * n ÷ months with data × remaining months), the year's mean is (n·m + k·x) ÷ (n + k) and the
 * allowance x = ((n + k)·L − n·m) ÷ k. Null for parameters without class limits (pH, which is in
 * or out of 6–9 sample by sample, and items of Tables 2–3) and for 劣Ⅴ targets.
 *
 * @example
 * // Ⅱ target, NH3-N limit 0.5: six months at 0.6 leave 0.4 for the other six.
 * computeAllowance({ parameter: "nh3n", waterbody: "river", target: 2, mean: 0.6, samples: 6,
 *   monthsWithData: 6, remainingMonths: 6, latest: 0.6 })?.allowance // 0.4
 */
export function computeAllowance(input: AllowanceInput): Allowance | null {
  const def = getParameter(input.parameter);
  const limit = getClassLimit(def, input.target, input.waterbody);
  if (limit === undefined || input.samples <= 0 || input.monthsWithData <= 0) return null;
  const bound = def.direction === "ge" ? "min" : "max";
  const beyond = (value: number, edge: number): boolean => (bound === "max" ? value > edge : value < edge);
  const warnings: AllowanceWarning[] = [];
  if (beyond(input.mean, limit)) warnings.push("over_limit");
  else if (
    bound === "max" ? input.mean >= limit * (1 - nearLimitShare) : input.mean <= limit * (1 + nearLimitShare)
  )
    warnings.push("near_limit");
  const expectedSamples = (input.samples / input.monthsWithData) * Math.max(0, input.remainingMonths);
  if (expectedSamples <= 0)
    return { parameter: input.parameter, bound, limit, allowance: null, expectedSamples: 0, warnings };
  const allowance = snap(
    ((input.samples + expectedSamples) * limit - input.samples * input.mean) / expectedSamples,
  );
  if (bound === "max" && allowance < 0) warnings.push("unreachable");
  else if (input.latest !== null && beyond(input.latest, allowance)) warnings.push("latest_beyond_allowance");
  return {
    parameter: input.parameter,
    bound,
    limit,
    allowance,
    expectedSamples: snap(expectedSamples),
    warnings,
  };
}
