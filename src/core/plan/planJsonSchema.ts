import { z } from "zod";
import { planSchema } from "./planSchema";

/**
 * The published JSON Schema of a plan file (`seeds/plan.schema.json`), generated from the zod
 * schema so the two can never disagree: editors use it to check and complete plan files by hand,
 * the product itself validates with zod (`parsePlan`).
 *
 * @example
 * buildPlanJsonSchema().title // "Water Plan for Excel — plan file"
 */
export function buildPlanJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(planSchema, { target: "draft-2020-12" });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    // Relative, as plan files name it ("$schema": "./plan.schema.json"): the schema travels with seeds/.
    $id: "plan.schema.json",
    title: "Water Plan for Excel — plan file",
    description:
      "One city's annual water-pollution prevention plan (水污染防治工作计划) as data: goals, the task list of 附件1 with parsed units, deadlines and numeric targets, and the tables of 附件2–6. Every Chinese string is the source document's wording verbatim. Generated from src/core/plan/planSchema.ts by `npm run write-plan-schema`; do not edit by hand.",
    ...rest,
  };
}
