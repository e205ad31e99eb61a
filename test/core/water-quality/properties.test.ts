import fc from "fast-check";
import { classifyParameter, type Waterbody } from "../../../src/core/water-quality/classifyParameter";
import {
  classifyPeriod,
  classifySample,
  type SampleValues,
} from "../../../src/core/water-quality/classifyPeriod";
import { createSampleClassifier } from "../../../src/core/water-quality/createSampleClassifier";
import { evaluationParameters, type ParameterDef } from "../../../src/core/water-quality/parameters";
import { meetsTarget, waterClasses, type WaterClass } from "../../../src/core/water-quality/waterClass";

/** A plausible value for a parameter, around its class limits so every class is reached. */
function valueFor(def: ParameterDef): fc.Arbitrary<number> {
  const limits = def.limits;
  if (limits.kind === "range") return fc.double({ min: 3, max: 12, noNaN: true });
  if (limits.kind !== "classes") return fc.double({ min: 0, max: 10, noNaN: true });
  const top = Math.max(...limits.river, ...limits.lake) * 1.5;
  return fc.oneof(
    fc.double({ min: 0, max: top, noNaN: true }),
    fc.constantFrom(...limits.river, ...limits.lake),
  );
}

const waterbody: fc.Arbitrary<Waterbody> = fc.constantFrom("river", "lake");

/** A sample with a random subset of the 21 evaluation parameters. */
const sample: fc.Arbitrary<Partial<Record<string, number>>> = fc.record(
  Object.fromEntries(evaluationParameters.map((def) => [def.key, valueFor(def)])),
  { requiredKeys: [] },
);

const worstOf = (classes: (WaterClass | null)[]): WaterClass | null =>
  classes.reduce<WaterClass | null>(
    (worst, c) => (c === null ? worst : worst === null || c > worst ? c : worst),
    null,
  );

describe("properties of the classification", () => {
  it("a sample's class is the worst of its parameters' classes", () => {
    fc.assert(
      fc.property(sample, waterbody, (values, body) => {
        const expected = worstOf(
          Object.entries(values).map(([key, value]) =>
            classifyParameter(
              evaluationParameters.find((p) => p.key === key)!,
              value ?? Number.NaN,
              body,
            ),
          ),
        );
        expect(classifySample(values as SampleValues, body).class).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("worsening any one parameter never improves a class", () => {
    fc.assert(
      fc.property(
        sample,
        waterbody,
        fc.constantFrom(...evaluationParameters),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (values, body, def, delta) => {
          const before = values[def.key] ?? (def.direction === "range" ? 7 : def.direction === "ge" ? 8 : 0);
          // Worse: higher for ≤ items, lower for dissolved oxygen, further from 7 for pH.
          const worse =
            def.direction === "ge"
              ? Math.max(0, before - delta)
              : def.direction === "range"
                ? before >= 7
                  ? before + delta
                  : Math.max(0, before - delta)
                : before + delta;
          const a = classifySample({ ...values, [def.key]: before }, body).class!;
          const b = classifySample({ ...values, [def.key]: worse }, body).class!;
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a better class never meets fewer targets", () => {
    fc.assert(
      fc.property(fc.constantFrom(...waterClasses), fc.constantFrom(...waterClasses), (a, b) => {
        const [better, worse] = a <= b ? [a, b] : [b, a];
        for (const target of waterClasses) {
          if (meetsTarget(worse, target)) expect(meetsTarget(better, target)).toBe(true);
        }
      }),
    );
  });

  it("the fast bulk classifier agrees with classifySample on every sample", () => {
    const classifiers = { river: createSampleClassifier("river"), lake: createSampleClassifier("lake") };
    fc.assert(
      fc.property(sample, waterbody, (values, body) => {
        const row = new Float64Array(evaluationParameters.map((def) => values[def.key] ?? Number.NaN));
        expect(classifiers[body](row)).toBe(classifySample(values as SampleValues, body).class);
      }),
      { numRuns: 3000 },
    );
  });

  it("a period of identical samples has the class of one of them", () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 12 }), waterbody, (values, count, body) => {
        const period = classifyPeriod(
          Array.from({ length: count }, () => values as SampleValues),
          body,
        );
        const one = classifySample(values, body);
        expect(period.class).toBe(one.class);
      }),
      { numRuns: 2000 },
    );
  });
});
