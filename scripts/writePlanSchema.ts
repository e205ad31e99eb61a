/**
 * Writes seeds/plan.schema.json from the zod plan schema, formatted by the project's Prettier
 * configuration (so `prettier --check .` accepts it). Run after changing src/core/plan/planSchema.ts:
 *
 *   npm run write-plan-schema
 *
 * test/core/plan/planJsonSchema.test.ts fails while the committed file is out of date.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import * as prettier from "prettier";
import { buildPlanJsonSchema } from "../src/core/plan/planJsonSchema";

const target = path.resolve(__dirname, "..", "seeds", "plan.schema.json");

async function writePlanSchema(): Promise<void> {
  const options = (await prettier.resolveConfig(target)) ?? {};
  const text = await prettier.format(JSON.stringify(buildPlanJsonSchema(), null, 2), {
    ...options,
    filepath: target,
  });
  await writeFile(target, text, "utf8");
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

void writePlanSchema();
