import {
  classifyPeriod,
  classifySample,
  PeriodAccumulator,
} from "../../../src/core/water-quality/classifyPeriod";
import { evaluationParameters } from "../../../src/core/water-quality/parameters";
import { makeSample } from "./builders";

describe("classifySample", () => {
  it("takes the worst class over the evaluation parameters", () => {
    const judgement = classifySample(makeSample({ 氨氮: 0.8, DO: 6, pH: 7.2, 总磷: "0.02L" }));
    expect(judgement.class).toBe(3);
    expect(judgement.classCertain).toBe(true);
    expect(judgement.parameters.map((p) => [p.parameter, p.class])).toEqual([
      ["ph", 1],
      ["do", 2],
      ["nh3n", 3],
      ["tp", 1],
    ]);
  });

  it("never lets total nitrogen or fecal coliforms decide a river's class", () => {
    const judgement = classifySample(makeSample({ 氨氮: 0.1, 总氮: 5, 粪大肠菌群: 90000 }));
    expect(judgement.class).toBe(1);
    expect(judgement.reference.map((p) => [p.parameter, p.class])).toEqual([
      ["tn", null],
      ["fecal_coliform", 6],
    ]);
  });

  it("reports total nitrogen's class beside a lake's class without letting it decide", () => {
    const judgement = classifySample(makeSample({ 氨氮: 0.1, 总氮: 1.2 }), "lake");
    expect(judgement.class).toBe(1);
    expect(judgement.reference.find((p) => p.parameter === "tn")?.class).toBe(4);
  });

  it("judges total phosphorus against the river or the lake limits", () => {
    expect(classifySample({ tp: 0.05 }, "river").class).toBe(2);
    expect(classifySample({ tp: 0.05 }, "lake").class).toBe(3);
  });

  it("makes pH outside 6–9 worse than V and leaves it harmless inside", () => {
    expect(classifySample({ ph: 9, nh3n: 0.4 }).class).toBe(2);
    expect(classifySample({ ph: 9.01, nh3n: 0.4 }).class).toBe(6);
    expect(classifySample({ ph: 5.99 }).class).toBe(6);
  });

  it("keeps water temperature and Table 2/3 items out of the class", () => {
    const judgement = classifySample({ water_temp: 30, iron: 5, benzene: 1, nh3n: 0.1 });
    expect(judgement.class).toBe(1);
    expect(judgement.unclassified.map((p) => p.parameter)).toEqual(["water_temp", "iron", "benzene"]);
  });

  it("says no data, not a class, when no evaluation parameter was monitored", () => {
    const judgement = classifySample(makeSample({ 水温: 20, 氨氮: "—" }));
    expect(judgement.class).toBeNull();
    expect(judgement.missing).toHaveLength(21);
  });

  it("judges a lone value below a detection limit under the class Ⅰ limit as class Ⅰ", () => {
    const judgement = classifySample(makeSample({ 汞: "0.00004L" }));
    expect(judgement.class).toBe(1);
    expect(judgement.issues).toEqual([]);
  });

  it("warns that a lone value below a detection limit above a better class's limit cannot be judged better", () => {
    // Hg below 0.0001: certainly Ⅲ (≤ 0.0001), maybe Ⅰ–Ⅱ (≤ 0.00005): the DL hides it.
    const judgement = classifySample(makeSample({ 汞: "0.0001L", 氨氮: 0.1 }));
    expect(judgement.class).toBe(3);
    expect(judgement.classCertain).toBe(false);
    expect(judgement.issues).toEqual([
      {
        code: "detection_limit_above_limit",
        severity: "warning",
        parameter: "hg",
        detectionLimit: 0.0001,
        limit: 0.00005,
      },
    ]);
  });

  it("keeps the class certain when a certain parameter is as bad as the doubtful one", () => {
    const judgement = classifySample(makeSample({ 汞: "0.0001L", 氨氮: 0.8 }));
    expect(judgement.class).toBe(3);
    expect(judgement.classCertain).toBe(true);
  });

  it("refuses a negative value with a problem and leaves it out of the class", () => {
    const judgement = classifySample({ nh3n: -1, codmn: { kind: "value", value: -0.5 }, do: 8 });
    expect(judgement.class).toBe(1);
    expect(judgement.parameters.map((p) => p.parameter)).toEqual(["do"]);
    expect(judgement.missing).toEqual(expect.arrayContaining(["nh3n", "codmn"]));
    expect(judgement.issues).toEqual([
      { code: "negative_value", severity: "error", parameter: "codmn", input: "-0.5" },
      { code: "negative_value", severity: "error", parameter: "nh3n", input: "-1" },
    ]);
  });

  it("refuses a detection limit that is not a positive number with a problem and does not classify it", () => {
    for (const limit of [0, -0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      const judgement = classifySample({ hg: { kind: "below_detection", limit } });
      expect(judgement.class).toBeNull();
      expect(judgement.issues.map((i) => [i.code, i.parameter])).toEqual([["invalid_detection_limit", "hg"]]);
    }
  });

  it("refuses an infinite value with a problem rather than averaging it", () => {
    const judgement = classifySample({
      nh3n: Number.POSITIVE_INFINITY,
      tp: { kind: "value", value: Infinity },
    });
    expect(judgement.class).toBeNull();
    expect(judgement.issues.map((i) => [i.code, i.parameter])).toEqual([
      ["non_finite_value", "nh3n"],
      ["non_finite_value", "tp"],
    ]);
  });

  it("warns about 未检出 without a limit and leaves the parameter unclassified", () => {
    const judgement = classifySample(makeSample({ 挥发酚: "未检出", 氨氮: 0.3 }));
    expect(judgement.class).toBe(2);
    expect(judgement.parameters.find((p) => p.parameter === "volatile_phenol")?.class).toBeNull();
    expect(judgement.issues.map((i) => i.code)).toEqual(["unknown_detection_limit"]);
  });
});

describe("classifyPeriod", () => {
  it("classifies the period mean, which can be better than its worst month", () => {
    const months = [makeSample({ 氨氮: 1.2 }), makeSample({ 氨氮: 0.6 }), makeSample({ 氨氮: 0.6 })];
    expect(classifySample(months[0]!).class).toBe(4);
    const period = classifyPeriod(months);
    expect(period.class).toBe(3);
    expect(period.parameters[0]?.value).toBeCloseTo(0.8, 12);
  });

  it("counts ½ × the detection limit for values below it in means, in every written form", () => {
    const period = classifyPeriod([
      makeSample({ 总磷: "0.01L" }),
      makeSample({ 总磷: "<0.01" }),
      makeSample({ 总磷: "＜0.01" }),
      makeSample({ 总磷: "ND(0.01)" }),
      makeSample({ 总磷: 0.18 }),
    ]);
    const tp = period.parameters.find((p) => p.parameter === "tp")!;
    expect(tp.value).toBeCloseTo((0.005 * 4 + 0.18) / 5, 12);
    expect(tp.belowDetection).toBe(false);
    expect(period.class).toBe(2);
  });

  it("leaves 未检出 without a limit out of the mean, with a warning", () => {
    const period = classifyPeriod([makeSample({ 氨氮: 0.4 }), makeSample({ 氨氮: "未检出" })]);
    expect(period.parameters[0]?.value).toBe(0.4);
    expect(period.parameters[0]?.sampleCount).toBe(1);
    expect(period.issues.map((i) => i.code)).toEqual(["unknown_detection_limit"]);
  });

  it("classifies a period of several values all below the detection limit by the mean of ½ × each limit", () => {
    // ½ × 0.0001 = 0.00005, the Ⅰ limit: Ⅰ, not the Ⅲ the largest detection limit alone proves.
    const period = classifyPeriod([makeSample({ 汞: "0.0001L" }), makeSample({ 汞: "0.0001L" })]);
    expect(period.class).toBe(1);
    expect(period.classCertain).toBe(true);
    expect(period.issues).toEqual([]);
    const hg = period.parameters.find((p) => p.parameter === "hg")!;
    expect([hg.value, hg.belowDetection, hg.detectionLimit]).toEqual([0.00005, false, null]);
    const mixed = classifyPeriod([
      ...Array.from({ length: 11 }, () => makeSample({ 汞: "0.00004L" })),
      makeSample({ 汞: "0.0001L" }),
    ]);
    expect([mixed.class, mixed.classCertain]).toEqual([1, true]);
  });

  it("judges a period of one sample below the detection limit as a lone value", () => {
    const period = classifyPeriod([makeSample({ 汞: "0.0001L" })]);
    expect(period.class).toBe(3);
    expect(period.classCertain).toBe(false);
  });

  it("averages twelve months exactly at a limit to that limit, so they meet it", () => {
    expect(classifyPeriod(Array.from({ length: 12 }, () => ({ tp: 0.2 }))).class).toBe(3);
    expect(classifyPeriod(Array.from({ length: 3 }, () => ({ tp: 0.1 }))).class).toBe(2);
  });

  it("compares means unrounded", () => {
    // Mean 1.0000000001 is above the Ⅲ limit 1.0 even though it shows as 1.00.
    expect(classifyPeriod([{ nh3n: 1.0000000002 }, { nh3n: 1 }]).class).toBe(4);
  });

  it("accumulates a stream with memory that does not depend on the sample count", () => {
    const accumulator = new PeriodAccumulator("river");
    for (let i = 0; i < 10_000; i++) accumulator.add({ nh3n: i % 2 === 0 ? 1.2 : 0.4 });
    expect(accumulator.judge().class).toBe(3);
    const values = new Float64Array(21).fill(Number.NaN);
    values[5] = 0.4;
    accumulator.addValues(values);
    expect(accumulator.judge().parameters[0]?.sampleCount).toBe(10_001);
  });
  it("sums bulk rows exactly as it sums the same values added one sample at a time", () => {
    // Every slot, gaps (NaN) in every slot at some sample, and an offset into a longer array: the
    // unrolled bulk path must read each slot from its own column.
    const width = evaluationParameters.length;
    const rows = 50;
    const data = new Float64Array(3 + rows * width);
    const bulk = new PeriodAccumulator("lake");
    const oneByOne = new PeriodAccumulator("lake");
    for (let r = 0; r < rows; r++) {
      const sample: Record<string, number> = {};
      evaluationParameters.forEach((def, p) => {
        const value = (r + p) % 7 === 0 ? Number.NaN : ((r * 31 + p * 17) % 97) / (p + 3);
        data[3 + r * width + p] = value;
        sample[def.key] = value;
      });
      bulk.addValues(data, 3 + r * width);
      oneByOne.add(sample);
    }
    expect(bulk.judge()).toEqual(oneByOne.judge());
  });
});
