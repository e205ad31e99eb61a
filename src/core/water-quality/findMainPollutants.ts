import type { SampleJudgement } from "./classifyPeriod";
import { computeExceedanceMultiple } from "./computeExceedances";
import type { ParameterKey } from "./parameters";
import type { WaterClass } from "./waterClass";

/** A main pollutant (主要污染指标) with its class and its multiple against Ⅲ (null for pH and DO). */
export interface MainPollutant {
  readonly parameter: ParameterKey;
  readonly class: WaterClass;
  readonly multiple: number | null;
}

/**
 * The main pollutants the way the evaluation method names them: none unless the class is worse than
 * Ⅲ; otherwise up to three parameters worse than Ⅲ, worst class first, ties broken by the larger
 * multiple against Ⅲ (multiples equal within a relative 1e-9 tie; parameters without a multiple, pH
 * and dissolved oxygen, after those with one; then Table 1 order). Values below a detection limit too high to tell are not named.
 *
 * @example
 * findMainPollutants(classifySample({ nh3n: 2.5, tp: 0.35, codmn: 7 }))
 * // [{ parameter: "nh3n", class: 6, multiple: 1.5 }, { parameter: "tp", class: 5, multiple: 0.75 }, { parameter: "codmn", class: 4, multiple: 0.1666… }]
 */
export function findMainPollutants(judgement: SampleJudgement, limit = 3): MainPollutant[] {
  if (judgement.class === null || judgement.class <= 3) return [];
  const candidates: MainPollutant[] = [];
  for (const p of judgement.parameters) {
    if (p.class === null || p.value === null || p.mayBeBetter || p.class <= 3) continue;
    candidates.push({
      parameter: p.parameter,
      class: p.class,
      multiple: computeExceedanceMultiple(p.parameter, p.value, 3, judgement.waterbody),
    });
  }
  // Array.prototype.sort is stable, so equal entries keep Table 1 order.
  candidates.sort((a, b) => b.class - a.class || compareMultiples(a.multiple, b.multiple));
  return candidates.slice(0, limit);
}

/**
 * Larger multiple first, none (pH, DO) last. Multiples within a relative 1e-9 are equal: tp 0.25
 * and fluoride 1.25 are both 0.25 × Ⅲ, though binary arithmetic makes tp's 0.25000000000000006.
 */
function compareMultiples(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? 0 : b - a;
}
