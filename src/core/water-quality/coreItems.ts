import type { AttainmentStatus } from "./judgeAttainment";
import type { SampleJudgement } from "./classifyPeriod";
import type { ParameterKey } from "./parameters";

/**
 * The core items a point's class must rest on before 达标 can be said, when the plan names none:
 * the five items national automatic stations evaluate (pH, 溶解氧, 高锰酸盐指数, 氨氮, 总磷). A
 * sample holding only pH is not Ⅰ类: the items not measured could make it any class.
 */
export const defaultCoreItems: readonly ParameterKey[] = ["ph", "do", "codmn", "nh3n", "tp"];

/** What a class rests on: how many evaluation items were measured, and which core items were not. */
export interface ItemCoverage {
  /** Evaluation items (of the 21) with data. */
  readonly items: number;
  /** Core items without data, in the core set's order. */
  readonly missingCore: readonly ParameterKey[];
}

/**
 * Which core items a judgement lacks.
 *
 * @example
 * checkCoreItems(classifySample({ ph: 7.2 })).missingCore // ["do", "codmn", "nh3n", "tp"]
 */
export function checkCoreItems(
  judgement: SampleJudgement,
  core: readonly ParameterKey[] = defaultCoreItems,
): ItemCoverage {
  const measured = new Set(judgement.parameters.map((p) => p.parameter));
  return { items: judgement.parameters.length, missingCore: core.filter((key) => !measured.has(key)) };
}

/**
 * The attainment once the core items are counted: a point whose measured items pass, or whose
 * samples hold no evaluation item at all, but which lacks a core item cannot be judged (the missing item could fail); a miss stays a miss, since
 * more items can only make the class worse.
 *
 * @example
 * withCoreItems("met", ["do"]) // "cannot_judge"
 * withCoreItems("not_met", ["do"]) // "not_met"
 * withCoreItems("no_data", ["ph", "do", "codmn", "nh3n", "tp"]) // "cannot_judge" (samples, no item)
 */
export function withCoreItems(
  status: AttainmentStatus,
  missingCore: readonly ParameterKey[],
): AttainmentStatus {
  // "no_data" here is samples without an evaluation item: there are data, too few to judge.
  return (status === "met" || status === "no_data") && missingCore.length > 0 ? "cannot_judge" : status;
}
