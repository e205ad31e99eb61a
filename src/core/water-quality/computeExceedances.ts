import { getClassLimit, type Waterbody } from "./classifyParameter";
import type { SampleJudgement } from "./classifyPeriod";
import { judgeAgainstLimit } from "./judgeParameter";
import { getParameter, type ParameterKey } from "./parameters";
import type { WaterClass } from "./waterClass";

/**
 * How one parameter misses a class:
 * - `multiple`: 超标倍数 (C − limit) / limit;
 * - `shortfall`: dissolved oxygen, which gets no multiple: limit − C;
 * - `out_of_range`: pH outside 6–9, which gets no multiple;
 * - `below_detection_limit`: dissolved oxygen below a detection limit at or under the class limit:
 *   it certainly misses the limit, but by how much is unknown, so no shortfall is computed.
 */
export type Exceedance =
  | {
      readonly kind: "multiple";
      readonly parameter: ParameterKey;
      readonly value: number;
      readonly limit: number;
      readonly multiple: number;
    }
  | {
      readonly kind: "shortfall";
      readonly parameter: ParameterKey;
      readonly value: number;
      readonly limit: number;
      readonly shortfall: number;
    }
  | {
      readonly kind: "out_of_range";
      readonly parameter: ParameterKey;
      readonly value: number;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly kind: "below_detection_limit";
      readonly parameter: ParameterKey;
      readonly detectionLimit: number;
      readonly limit: number;
    };

/**
 * The exceedance multiple (超标倍数) of a value against a class limit: (C − limit) / limit, 0 when
 * the value meets the limit, `null` for parameters that get no multiple (pH, dissolved oxygen,
 * water temperature) or when the class has no limit (劣Ⅴ).
 *
 * @example
 * computeExceedanceMultiple("nh3n", 1.5, 3) // 0.5 (Ⅲ limit 1.0)
 */
export function computeExceedanceMultiple(
  parameter: ParameterKey,
  value: number,
  against: WaterClass,
  waterbody: Waterbody = "river",
): number | null {
  const def = getParameter(parameter);
  if (def.direction !== "le") return null;
  const limit = getClassLimit(def, against, waterbody);
  if (limit === undefined) return null;
  return value > limit ? (value - limit) / limit : 0;
}

/**
 * The dissolved-oxygen shortfall against a class: its lower limit minus the measured value (as the
 * Guangdong and Shenzhen reports do), 0 when the value meets it, `null` for 劣Ⅴ (no limit).
 *
 * @example
 * computeDissolvedOxygenShortfall(4.2, 3) // 0.8 (Ⅲ needs ≥ 5)
 */
export function computeDissolvedOxygenShortfall(value: number, against: WaterClass): number | null {
  const limit = getClassLimit(getParameter("do"), against, "river");
  if (limit === undefined) return null;
  return value < limit ? limit - value : 0;
}

/**
 * Every evaluation parameter of a judgement that misses the target class (GB 3838 §5.1: the
 * exceedance is stated against the class the water must reach), in Table 1 order. Parameters whose
 * values were below a detection limit too high to tell are left out (they carry a warning);
 * dissolved oxygen below a detection limit at or under the target's limit is `below_detection_limit`.
 *
 * @example
 * computeExceedances(classifySample({ nh3n: 1.5, do: 4 }), 2)
 * // [{ kind: "shortfall", parameter: "do", limit: 6, shortfall: 2, … }, { kind: "multiple", parameter: "nh3n", limit: 0.5, multiple: 2, … }]
 */
export function computeExceedances(judgement: SampleJudgement, target: WaterClass): Exceedance[] {
  const exceedances: Exceedance[] = [];
  for (const p of judgement.parameters) {
    if (p.class === null || p.value === null || p.class <= target) continue;
    const def = getParameter(p.parameter);
    if (p.belowDetection && p.detectionLimit !== null) {
      // A lone value below detection is no measurement: ½ × DL gives neither multiple nor shortfall.
      const limit = getClassLimit(def, target, judgement.waterbody);
      if (limit !== undefined && judgeAgainstLimit(def, p, limit) === false) {
        exceedances.push({
          kind: "below_detection_limit",
          parameter: p.parameter,
          detectionLimit: p.detectionLimit,
          limit,
        });
      }
      continue;
    }
    if (p.mayBeBetter) continue;
    const limits = def.limits;
    if (limits.kind === "range") {
      exceedances.push({
        kind: "out_of_range",
        parameter: p.parameter,
        value: p.value,
        min: limits.min,
        max: limits.max,
      });
      continue;
    }
    const limit = getClassLimit(def, target, judgement.waterbody);
    if (limit === undefined) continue;
    if (def.direction === "ge") {
      exceedances.push({
        kind: "shortfall",
        parameter: p.parameter,
        value: p.value,
        limit,
        shortfall: limit - p.value,
      });
    } else {
      exceedances.push({
        kind: "multiple",
        parameter: p.parameter,
        value: p.value,
        limit,
        multiple: (p.value - limit) / limit,
      });
    }
  }
  return exceedances;
}
