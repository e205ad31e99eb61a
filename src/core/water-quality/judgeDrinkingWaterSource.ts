import type { SampleJudgement } from "./classifyPeriod";
import type { Exceedance } from "./computeExceedances";
import { judgeAgainstLimit } from "./judgeParameter";
import { judgeAttainment, type AttainmentStatus } from "./judgeAttainment";
import { getParameter, table2Parameters, type ParameterKey } from "./parameters";
import type { WaterClass } from "./waterClass";
import type { WaterQualityIssue } from "./waterQualityIssue";

/** A Table 2 or Table 3 item above its limit, with its multiple (C − limit) / limit. */
export interface SourceItemExceedance {
  readonly kind: "multiple";
  readonly parameter: ParameterKey;
  readonly value: number;
  readonly limit: number;
  readonly multiple: number;
}

export interface DrinkingWaterSourceJudgement {
  /** `met` only when the 21 parameters meet Ⅲ and every Table 2 item (and Table 3 item present) meets its limit. */
  readonly status: AttainmentStatus;
  /** The class over the 21 evaluation parameters. */
  readonly class: WaterClass | null;
  /** Evaluation parameters worse than Ⅲ, and Table 2/3 items above their limits. */
  readonly exceedances: readonly (Exceedance | SourceItemExceedance)[];
  /** Table 2 items without data. */
  readonly missingSupplementary: readonly ParameterKey[];
  readonly issues: readonly WaterQualityIssue[];
}

/**
 * Judges a concentrated drinking-water source (集中式饮用水水源): Ⅲ on the 21 evaluation parameters,
 * the Table 2 limits, and the Table 3 limits of any Table 3 items in the data (GB 3838-2002 §5.3).
 * One exceedance is 不达标. Missing Table 2 items, or values below a detection limit above the limit
 * in question, leave the verdict `cannot_judge` with a warning.
 *
 * @example
 * judgeDrinkingWaterSource(classifySample({ nh3n: 0.3, do: 7, iron: 0.5 })).status // "not_met" (iron > 0.3)
 */
export function judgeDrinkingWaterSource(judgement: SampleJudgement): DrinkingWaterSourceJudgement {
  const basic = judgeAttainment(judgement, 3);
  const exceedances: (Exceedance | SourceItemExceedance)[] = [...basic.exceedances];
  const issues: WaterQualityIssue[] = [...basic.issues];
  let failed = basic.status === "not_met";
  let undetermined = basic.status === "cannot_judge";

  for (const p of judgement.unclassified) {
    const def = getParameter(p.parameter);
    if (def.limits.kind !== "single") continue;
    const limit = def.limits.limit;
    const verdict = judgeAgainstLimit(def, p, limit);
    if (verdict === "undetermined") {
      undetermined = true;
      issues.push({
        code: p.detectionLimit === null ? "unknown_detection_limit" : "detection_limit_above_limit",
        severity: "warning",
        parameter: p.parameter,
        limit,
        ...(p.detectionLimit === null ? {} : { detectionLimit: p.detectionLimit }),
      });
    } else if (!verdict && p.value !== null) {
      failed = true;
      exceedances.push({
        kind: "multiple",
        parameter: p.parameter,
        value: p.value,
        limit,
        multiple: (p.value - limit) / limit,
      });
    }
  }

  const present = new Set(judgement.unclassified.filter((p) => p.value !== null).map((p) => p.parameter));
  const missingSupplementary = table2Parameters.map((d) => d.key).filter((key) => !present.has(key));
  for (const key of missingSupplementary) {
    issues.push({ code: "supplementary_not_monitored", severity: "warning", parameter: key });
  }
  // One exceedance is 不达标 whatever else is missing, even with no basic data.
  const status: AttainmentStatus = failed
    ? "not_met"
    : basic.status === "no_data"
      ? "no_data"
      : undetermined || missingSupplementary.length > 0
        ? "cannot_judge"
        : "met";
  return { status, class: judgement.class, exceedances, missingSupplementary, issues };
}
