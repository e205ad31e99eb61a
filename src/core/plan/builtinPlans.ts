import liuzhou2023Json from "../../../seeds/liuzhou-2023.json";
import type { Plan } from "./planSchema";

/*
 * Plans shipped with the product are data compiled into the bundle, and are not parsed again at
 * run time: parsing would put the schema library (about 500 KB minified) into the task pane for data
 * that cannot change after the build. `npm test` parses every built-in plan with `parsePlan`
 * (test/core/plan/builtinPlans.test.ts) and fails on any problem, so a broken one never ships.
 * Plans that users load (`water-plan generate --plan FILE.json`) are always parsed.
 */

/**
 * 柳州市 2023 年度水污染防治工作计划, the default plan (seeds/liuzhou-2023.json).
 *
 * @example
 * liuzhou2023Plan.tasks.length // 53
 */
export const liuzhou2023Plan: Plan = liuzhou2023Json as unknown as Plan;

/**
 * Every plan shipped with the product, the default (Liuzhou 2023) first.
 *
 * @example
 * builtinPlans.find((plan) => plan.id === "liuzhou-2023")
 */
export const builtinPlans: readonly Plan[] = [liuzhou2023Plan];
