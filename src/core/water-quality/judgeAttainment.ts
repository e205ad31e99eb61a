import { getClassLimit } from "./classifyParameter";
import type { SampleJudgement } from "./classifyPeriod";
import { computeExceedances, type Exceedance } from "./computeExceedances";
import { judgeAgainstLimit } from "./judgeParameter";
import { getParameter } from "./parameters";
import type { WaterClass } from "./waterClass";
import type { WaterQualityIssue } from "./waterQualityIssue";

/**
 * Whether a point meets its target: `met`, `not_met`, `cannot_judge` (a value below a detection
 * limit above the target's limit decides it), or `no_data` (never counted as met).
 */
export type AttainmentStatus = "met" | "not_met" | "cannot_judge" | "no_data";

export interface AttainmentJudgement {
  readonly status: AttainmentStatus;
  readonly class: WaterClass | null;
  readonly target: WaterClass;
  /** Every evaluation parameter that misses the target, with its multiple or shortfall. */
  readonly exceedances: readonly Exceedance[];
  /** Why the attainment cannot be judged, one warning per parameter. */
  readonly issues: readonly WaterQualityIssue[];
}

/**
 * Judges a point against its target class: met when its class is the target or better ("达到或好于
 * Ⅲ类" means Ⅰ–Ⅲ). A parameter whose values were below a detection limit above the target's limit
 * cannot be judged: that is a warning and the status `cannot_judge`, not a pass.
 *
 * @example
 * judgeAttainment(classifySample({ nh3n: 0.8, do: 6 }), 3).status // "met"
 * judgeAttainment(classifySample({ nh3n: 1.2 }), 3).exceedances   // [{ kind: "multiple", parameter: "nh3n", multiple: 0.2 (≈), … }]
 */
export function judgeAttainment(judgement: SampleJudgement, target: WaterClass): AttainmentJudgement {
  if (judgement.class === null) {
    return { status: "no_data", class: null, target, exceedances: [], issues: [] };
  }
  let failed = false;
  const issues: WaterQualityIssue[] = [];
  for (const p of judgement.parameters) {
    if (p.class === null || p.class <= target) continue;
    if (!p.mayBeBetter) {
      failed = true;
      continue;
    }
    const def = getParameter(p.parameter);
    const limit =
      def.limits.kind === "range" ? def.limits.min : getClassLimit(def, target, judgement.waterbody);
    // Dissolved oxygen below a detection limit at or under the target's (lower) limit misses it.
    if (def.limits.kind === "classes" && limit !== undefined && judgeAgainstLimit(def, p, limit) === false) {
      failed = true;
      continue;
    }
    issues.push({
      code: "detection_limit_above_limit",
      severity: "warning",
      parameter: p.parameter,
      ...(p.detectionLimit === null ? {} : { detectionLimit: p.detectionLimit }),
      ...(limit === undefined ? {} : { limit }),
    });
  }
  const status: AttainmentStatus = failed ? "not_met" : issues.length > 0 ? "cannot_judge" : "met";
  return {
    status,
    class: judgement.class,
    target,
    exceedances: computeExceedances(judgement, target),
    issues,
  };
}
