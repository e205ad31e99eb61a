import fc from "fast-check";
import { classifyParameter, type Waterbody } from "../../../src/core/water-quality/classifyParameter";
import {
  classifyPeriod,
  classifySample,
  type SampleValues,
} from "../../../src/core/water-quality/classifyPeriod";
import { createSampleClassifier } from "../../../src/core/water-quality/createSampleClassifier";
import { evaluationParameters, type ParameterDef } from "../../../src/core/water-quality/parameters";
import { parseMeasuredValue } from "../../../src/core/water-quality/parseMeasuredValue";
import {
  formatWaterClass,
  meetsTarget,
  parseTargetClass,
  parseWaterClass,
  waterClasses,
  type WaterClass,
} from "../../../src/core/water-quality/waterClass";
import { anyInput } from "../validation/cellArbitraries";
import { CaseCounter, holds } from "../validation/fuzzSettings";

const cases = new CaseCounter("water-quality properties");
afterAll(() => {
  cases.report();
});

/** A plausible value for a parameter, around its class limits so every class is reached. */
function valueFor(def: ParameterDef): fc.Arbitrary<number> {
  const limits = def.limits;
  if (limits.kind === "range") return fc.double({ min: 3, max: 12, noNaN: true });
  if (limits.kind !== "classes") return fc.double({ min: 0, max: 10, noNaN: true });
  const top = [...limits.river, ...limits.lake].reduce((max, limit) => Math.max(max, limit), -Infinity) * 1.5;
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
        const got = classifySample(values, body).class;
        holds(got === expected, "the worst parameter's class", { got, expected });
      }),
      cases.params(2000),
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
          holds(b >= a, "a worse value never improves the class", { a, b });
        },
      ),
      cases.params(2000),
    );
  });

  it("a better class never meets fewer targets", () => {
    fc.assert(
      fc.property(fc.constantFrom(...waterClasses), fc.constantFrom(...waterClasses), (a, b) => {
        const [better, worse] = a <= b ? [a, b] : [b, a];
        for (const target of waterClasses) {
          holds(!meetsTarget(worse, target) || meetsTarget(better, target), "a better class meets it too");
        }
      }),
      cases.params(100),
    );
  });

  it("the fast bulk classifier agrees with classifySample on every sample", () => {
    const classifiers = { river: createSampleClassifier("river"), lake: createSampleClassifier("lake") };
    fc.assert(
      fc.property(sample, waterbody, (values, body) => {
        const row = new Float64Array(evaluationParameters.map((def) => values[def.key] ?? Number.NaN));
        const fast = classifiers[body](row);
        const slow = classifySample(values, body).class;
        holds(fast === slow, "both classifiers agree", { fast, slow });
      }),
      cases.params(3000),
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
        holds(period.class === one.class, "the period has the sample's class", [period.class, one.class]);
      }),
      cases.params(2000),
    );
  });
});

describe("properties of the parsers (fuzzing, R1)", () => {
  it("parseMeasuredValue never throws, and reads only finite values ≥ 0 and detection limits > 0", () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const read = parseMeasuredValue(raw);
        switch (read.kind) {
          case "value":
            holds(Number.isFinite(read.value) && read.value >= 0, "a value is finite and ≥ 0", read);
            break;
          case "below_detection":
            holds(
              read.limit === null || (Number.isFinite(read.limit) && read.limit > 0),
              "a limit is > 0",
              read,
            );
            break;
          case "problem":
          case "not_monitored":
            break;
        }
      }),
      cases.params(2500),
    );
  });

  it("parseWaterClass and parseTargetClass never throw, and read only classes Ⅰ–劣Ⅴ", () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        for (const read of [parseWaterClass(raw), parseTargetClass(raw)]) {
          holds(read.kind === "problem" || waterClasses.includes(read.waterClass), "a class Ⅰ–劣Ⅴ", read);
        }
      }),
      cases.params(2500),
    );
  });

  it("a target written as a plain class means that class", () => {
    fc.assert(
      fc.property(fc.constantFrom(...waterClasses), fc.constantFrom("", " ", "水"), (waterClass, tail) => {
        const text = `${formatWaterClass(waterClass, "zh-CN")}${tail}`;
        const asClass = parseWaterClass(text);
        const asTarget = parseTargetClass(text);
        holds(
          asClass.kind === "class" && asClass.waterClass === waterClass,
          `reads ${text} as a class`,
          asClass,
        );
        holds(
          asTarget.kind === "class" && asTarget.waterClass === waterClass,
          `reads ${text} as a target`,
          asTarget,
        );
      }),
      cases.params(100),
    );
  });

  it("parseMeasuredValue reads a number typed with full-width digits, thousands separators or stray spaces as the number", () => {
    const wide = (text: string): string =>
      text.replace(/[0-9.,]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom("plain", "grouped", "wide", "spaced"),
        (whole, thousandths, form) => {
          const grouped = whole.toLocaleString("en-US");
          const decimals = thousandths === 0 ? "" : `.${String(thousandths).padStart(3, "0")}`;
          const text =
            form === "plain"
              ? `${whole}${decimals}`
              : form === "grouped"
                ? `${grouped}${decimals}`
                : form === "wide"
                  ? wide(`${grouped}${decimals}`)
                  : ` ${whole}${decimals} `;
          const read = parseMeasuredValue(text);
          holds(read.kind === "value" && read.value === Number(`${whole}${decimals}`), `reads ${text}`, read);
        },
      ),
      cases.params(1000),
    );
  });
});
