import liuzhou2023Json from "../../../seeds/liuzhou-2023.json";
import { formatPlanProblems, parsePlan } from "./parsePlan";
import type { Plan } from "./planSchema";

/**
 * A plan shipped with the product. It is checked once, when this module loads: a broken built-in
 * plan is a programming error (the tests catch it first), so it throws with every problem's path
 * instead of returning a result.
 */
function loadBuiltinPlan(json: unknown, file: string): Plan {
  const result = parsePlan(json);
  if (!result.ok) {
    throw new Error(`seeds/${file}: ${formatPlanProblems(result.problems, "en-US", result.problems.length)}`);
  }
  return result.plan;
}

/**
 * 柳州市 2023 年度水污染防治工作计划, the default plan (seeds/liuzhou-2023.json).
 *
 * @example
 * liuzhou2023Plan.tasks.length // 53
 */
export const liuzhou2023Plan: Plan = loadBuiltinPlan(liuzhou2023Json, "liuzhou-2023.json");

/**
 * Every plan shipped with the product, the default (Liuzhou 2023) first.
 *
 * @example
 * builtinPlans.find((plan) => plan.id === "liuzhou-2023")
 */
export const builtinPlans: readonly Plan[] = [liuzhou2023Plan];
