import { readFileSync } from "node:fs";
import path from "node:path";
import { buildPlanJsonSchema } from "../../../src/core/plan/planJsonSchema";

const schemaFile = path.resolve(__dirname, "..", "..", "..", "seeds", "plan.schema.json");

describe("seeds/plan.schema.json", () => {
  // The script formats the file with Prettier, which Jest cannot load (Prettier 3 is ESM-only inside),
  // so the file is compared as JSON — keys in order included — and Prettier's check covers the layout.
  it("is what `npm run write-plan-schema` writes (run it after changing planSchema.ts)", () => {
    const committed: unknown = JSON.parse(readFileSync(schemaFile, "utf8"));
    expect(JSON.stringify(committed)).toBe(JSON.stringify(buildPlanJsonSchema()));
  });

  it("is a draft 2020-12 schema with an identity, a title and a description", () => {
    const schema = buildPlanJsonSchema();
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "plan.schema.json",
      title: expect.any(String) as unknown,
      description: expect.stringContaining("verbatim") as unknown,
      type: "object",
      additionalProperties: false,
    });
  });

  it("allows the $schema key that plan files carry for editors", () => {
    const schema = buildPlanJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(schema.properties["$schema"]).toEqual({ type: "string" });
    expect(schema.required).not.toContain("$schema");
  });
});
