import { classifyParameter, meetsLimit, type Waterbody } from "./classifyParameter";
import type { ParameterDef, ParameterKey } from "./parameters";
import type { WaterClass } from "./waterClass";
import type { WaterQualityIssue } from "./waterQualityIssue";

/**
 * What a period (or a single sample) holds for one parameter, as running sums: memory does not grow
 * with the number of samples.
 */
export interface ParameterSummary {
  /** Samples with a number or a below-detection value with a known limit. */
  count: number;
  /** Sum of those samples, with ½ × the detection limit for each below-detection value. */
  sum: number;
  /** What the additions to `sum` lost in rounding; `sum + compensation` is the better total. */
  compensation: number;
  /** How many of `count` were below the detection limit. */
  belowCount: number;
  /** The largest detection limit seen (0 when none). */
  maxDetectionLimit: number;
  /** Below-detection values without a limit (`ND`, `未检出`): left out of the mean. */
  unknownLimitCount: number;
}

/**
 * An empty summary.
 *
 * @example
 * createParameterSummary().count // 0
 */
export function createParameterSummary(): ParameterSummary {
  return { count: 0, sum: 0, compensation: 0, belowCount: 0, maxDetectionLimit: 0, unknownLimitCount: 0 };
}

/** The judgement of one parameter over a sample or a period. */
export interface ParameterJudgement {
  readonly parameter: ParameterKey;
  /**
   * The value judged: the arithmetic mean of the samples (½ × detection limit for values below it),
   * unrounded. `null` when only below-detection values without a limit were given.
   */
  readonly value: number | null;
  /** Samples in the mean. */
  readonly sampleCount: number;
  /**
   * True for a lone value below the detection limit (the mean holds one sample, below it): judged by
   * the limit itself. Several samples, even all below detection, are judged by their mean (½ × DL).
   */
  readonly belowDetection: boolean;
  /** The detection limit when `belowDetection`, else null. */
  readonly detectionLimit: number | null;
  /**
   * The best class the value is known to meet; `null` when the parameter has no class (water
   * temperature, Tables 2–3, total nitrogen on a river) or no value.
   */
  readonly class: WaterClass | null;
  /**
   * True when the value is below a detection limit that is above a better class's limit, so the
   * true class may be better than `class`.
   */
  readonly mayBeBetter: boolean;
  /** Warnings on this parameter (a detection limit too high to judge, an unknown detection limit). */
  readonly issues: readonly WaterQualityIssue[];
}

/**
 * The arithmetic mean of a summary. Snapped to 12 significant digits: far below any measurement's
 * precision, above binary noise, so the mean of 0.1, 0.1, 0.1 is 0.1 and meets a 0.1 limit. Means
 * are otherwise compared unrounded.
 */
export function meanOfSummary(summary: Readonly<ParameterSummary>): number {
  return Number(((summary.sum + summary.compensation) / summary.count).toPrecision(12));
}

/** Class-limit rows, best first, for the lone below-detection rule. */
function classRow(def: ParameterDef, waterbody: Waterbody): readonly number[] | undefined {
  if (def.limits.kind !== "classes") return undefined;
  return waterbody === "lake" ? def.limits.lake : def.limits.river;
}

/**
 * The best class known to be met by a value below detection limit `dl` (the true value is < dl),
 * and whether it may be better. A value below dl certainly meets a ≤ limit when dl ≤ limit.
 */
function classBelowDetection(
  def: ParameterDef,
  dl: number,
  waterbody: Waterbody,
): { waterClass: WaterClass | null; mayBeBetter: boolean; undeterminedLimit: number | null } {
  const row = classRow(def, waterbody);
  if (def.limits.kind === "range") {
    // "Below detection" is no pH reading: pH cannot be judged from it.
    return { waterClass: 6, mayBeBetter: true, undeterminedLimit: def.limits.min };
  }
  if (row === undefined) return { waterClass: null, mayBeBetter: false, undeterminedLimit: null };
  if (def.direction === "ge") {
    // Below dl means less than dl: certainly below class V's lower bound only when dl ≤ that bound.
    const floor = row[4] ?? 0;
    return dl <= floor
      ? { waterClass: 6, mayBeBetter: false, undeterminedLimit: null }
      : { waterClass: 6, mayBeBetter: true, undeterminedLimit: floor };
  }
  const index = row.findIndex((limit) => dl <= limit);
  if (index === 0) return { waterClass: 1, mayBeBetter: false, undeterminedLimit: null };
  const waterClass = (index === -1 ? 6 : index + 1) as WaterClass;
  return { waterClass, mayBeBetter: true, undeterminedLimit: row[waterClass - 2] ?? null };
}

/**
 * Judges one parameter from its summary: the class of the mean (½ × the detection limit for values
 * below it), or for a lone value below the detection limit the best class the detection limit
 * proves (a detection limit above a better class's limit leaves that better class open: a
 * `detection_limit_above_limit` warning, not a pass).
 * Returns null when the summary holds nothing.
 *
 * @example
 * judgeParameter(getParameter("hg"), { count: 1, sum: 0.00002, compensation: 0, belowCount: 1, maxDetectionLimit: 0.00004, unknownLimitCount: 0 }, "river")
 * // { class: 1, mayBeBetter: false, value: 0.00002, … }
 */
export function judgeParameter(
  def: ParameterDef,
  summary: Readonly<ParameterSummary>,
  waterbody: Waterbody,
): ParameterJudgement | null {
  if (summary.count === 0 && summary.unknownLimitCount === 0) return null;
  const issues: WaterQualityIssue[] = [];
  if (summary.unknownLimitCount > 0) {
    issues.push({ code: "unknown_detection_limit", severity: "warning", parameter: def.key });
  }
  // Total nitrogen has class limits for lakes and reservoirs only (its Table 1 row reads 湖、库).
  const hasClass = def.limits.kind === "classes" || def.limits.kind === "range";
  const classed = hasClass && !(def.key === "tn" && waterbody === "river");
  if (summary.count === 0) {
    return {
      parameter: def.key,
      value: null,
      sampleCount: 0,
      belowDetection: true,
      detectionLimit: null,
      class: null,
      mayBeBetter: false,
      issues,
    };
  }
  const value = meanOfSummary(summary);
  // Only a lone value is judged by its detection limit (D4); a mean of several, even all below
  // detection, is a mean of ½ × each limit like any other and is classified as such.
  const belowDetection = summary.count === 1 && summary.belowCount === 1;
  if (!belowDetection) {
    return {
      parameter: def.key,
      value,
      sampleCount: summary.count,
      belowDetection: false,
      detectionLimit: null,
      class: classed ? classifyParameter(def, value, waterbody) : null,
      mayBeBetter: false,
      issues,
    };
  }
  const dl = summary.maxDetectionLimit;
  const judged = classed
    ? classBelowDetection(def, dl, waterbody)
    : { waterClass: null, mayBeBetter: false, undeterminedLimit: null };
  if (judged.undeterminedLimit !== null) {
    issues.push({
      code: "detection_limit_above_limit",
      severity: "warning",
      parameter: def.key,
      detectionLimit: dl,
      limit: judged.undeterminedLimit,
    });
  }
  return {
    parameter: def.key,
    value,
    sampleCount: summary.count,
    belowDetection: true,
    detectionLimit: dl,
    class: judged.waterClass,
    mayBeBetter: judged.mayBeBetter,
    issues,
  };
}

/**
 * Whether a judged parameter meets a limit: `true`, `false`, or `"undetermined"` when its values
 * were all below a detection limit above that limit.
 *
 * @example
 * judgeAgainstLimit(getParameter("iron"), judgement, 0.3) // true
 */
export function judgeAgainstLimit(
  def: ParameterDef,
  judgement: ParameterJudgement,
  limit: number,
): boolean | "undetermined" {
  if (judgement.value === null) return "undetermined";
  if (judgement.belowDetection && judgement.detectionLimit !== null) {
    if (def.direction === "ge") return judgement.detectionLimit <= limit ? false : "undetermined";
    return judgement.detectionLimit <= limit ? true : "undetermined";
  }
  return meetsLimit(def, judgement.value, limit);
}
