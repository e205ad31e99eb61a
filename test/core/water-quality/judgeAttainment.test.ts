import { classifySample } from "../../../src/core/water-quality/classifyPeriod";
import {
  computeDissolvedOxygenShortfall,
  computeExceedanceMultiple,
  computeExceedances,
} from "../../../src/core/water-quality/computeExceedances";
import { computeGoodWaterShare, countClasses } from "../../../src/core/water-quality/countClasses";
import { findMainPollutants } from "../../../src/core/water-quality/findMainPollutants";
import { judgeAttainment } from "../../../src/core/water-quality/judgeAttainment";
import { judgeDrinkingWaterSource } from "../../../src/core/water-quality/judgeDrinkingWaterSource";
import { makeSample } from "./builders";

describe("judgeAttainment", () => {
  it("meets a target when the class is the target or better", () => {
    expect(judgeAttainment(classifySample({ nh3n: 0.8 }), 3).status).toBe("met");
    expect(judgeAttainment(classifySample({ nh3n: 0.3 }), 3).status).toBe("met");
    expect(judgeAttainment(classifySample({ nh3n: 0.8 }), 2).status).toBe("not_met");
  });

  it("says no data rather than met when nothing was monitored", () => {
    expect(judgeAttainment(classifySample({}), 3).status).toBe("no_data");
  });

  it("states exceedance multiples against the target class, not against Ⅲ", () => {
    const attainment = judgeAttainment(classifySample({ nh3n: 1.2, do: 5.5, ph: 9.5 }), 2);
    expect(attainment.status).toBe("not_met");
    expect(attainment.exceedances).toEqual([
      { kind: "out_of_range", parameter: "ph", value: 9.5, min: 6, max: 9 },
      { kind: "shortfall", parameter: "do", value: 5.5, limit: 6, shortfall: 0.5 },
      {
        kind: "multiple",
        parameter: "nh3n",
        value: 1.2,
        limit: 0.5,
        multiple: expect.closeTo(1.4, 12) as number,
      },
    ]);
  });

  it("cannot judge a value below a detection limit above the target's limit, and says so", () => {
    const attainment = judgeAttainment(classifySample(makeSample({ 汞: "0.0001L" })), 2);
    expect(attainment.status).toBe("cannot_judge");
    expect(attainment.issues).toEqual([
      {
        code: "detection_limit_above_limit",
        severity: "warning",
        parameter: "hg",
        detectionLimit: 0.0001,
        limit: 0.00005,
      },
    ]);
    expect(judgeAttainment(classifySample(makeSample({ 汞: "0.0001L" })), 3).status).toBe("met");
  });

  it("fails a target when dissolved oxygen is below a detection limit at or under the target's limit", () => {
    // DO < 6 certainly misses Ⅱ (≥ 6); how far it falls short is unknown, so no shortfall is computed.
    const attainment = judgeAttainment(classifySample(makeSample({ DO: "6L" })), 2);
    expect(attainment.status).toBe("not_met");
    expect(attainment.issues).toEqual([]);
    expect(attainment.exceedances).toEqual([
      { kind: "below_detection_limit", parameter: "do", detectionLimit: 6, limit: 6 },
    ]);
    expect(judgeAttainment(classifySample(makeSample({ DO: "6L" })), 3).status).toBe("cannot_judge");
  });

  it("reports dissolved oxygen below a detection limit without a shortfall computed from ½ × the limit", () => {
    const attainment = judgeAttainment(classifySample(makeSample({ DO: "1L" })), 3);
    expect(attainment.status).toBe("not_met");
    expect(attainment.exceedances).toEqual([
      { kind: "below_detection_limit", parameter: "do", detectionLimit: 1, limit: 5 },
    ]);
  });

  it("fails a target a certain parameter misses even when another cannot be judged", () => {
    expect(judgeAttainment(classifySample(makeSample({ 汞: "0.0001L", 氨氮: 0.8 })), 2).status).toBe(
      "not_met",
    );
  });
});

describe("exceedance helpers", () => {
  it("computes (C − limit) / limit and 0 when within the limit", () => {
    expect(computeExceedanceMultiple("nh3n", 1.5, 3)).toBeCloseTo(0.5, 12);
    expect(computeExceedanceMultiple("nh3n", 0.9, 3)).toBe(0);
    expect(computeExceedanceMultiple("tp", 0.1, 3, "lake")).toBeCloseTo(1, 12);
  });

  it("gives pH, dissolved oxygen and water temperature no multiple", () => {
    expect(computeExceedanceMultiple("ph", 10, 3)).toBeNull();
    expect(computeExceedanceMultiple("do", 1, 3)).toBeNull();
    expect(computeExceedanceMultiple("water_temp", 30, 3)).toBeNull();
  });

  it("reports dissolved oxygen below target as the shortfall", () => {
    expect(computeDissolvedOxygenShortfall(4.2, 3)).toBeCloseTo(0.8, 12);
    expect(computeDissolvedOxygenShortfall(6, 3)).toBe(0);
    expect(computeDissolvedOxygenShortfall(1, 6)).toBeNull();
  });

  it("lists nothing when the target is met", () => {
    expect(computeExceedances(classifySample({ nh3n: 0.8 }), 3)).toEqual([]);
  });
});

describe("findMainPollutants", () => {
  it("names none when the class is Ⅲ or better", () => {
    expect(findMainPollutants(classifySample({ nh3n: 1.0, tp: 0.2 }))).toEqual([]);
  });

  it("names up to three parameters worse than Ⅲ, worst class first, ties by the larger multiple against Ⅲ", () => {
    const judgement = classifySample({ codmn: 7, nh3n: 1.4, tp: 0.38, cod: 35, bod5: 5 });
    expect(findMainPollutants(judgement).map((p) => p.parameter)).toEqual(["tp", "cod", "nh3n"]);
    // Ⅴ: tp (0.38 − 0.2) / 0.2 = 0.9 before cod (35 − 20) / 20 = 0.75; then Ⅳ: nh3n 0.4 > bod5 0.25 > codmn 0.17.
  });

  it("treats multiples equal up to floating-point noise as a tie, decided by Table 1 order", () => {
    // Every multiple is 0.25 against Ⅲ in decimal; in binary tp's is 0.25000000000000006.
    const judgement = classifySample({ sulfide: 0.25, fluoride: 1.25, tp: 0.25, nh3n: 1.25, codmn: 7.5 });
    expect(findMainPollutants(judgement).map((p) => p.parameter)).toEqual(["codmn", "nh3n", "tp"]);
  });

  it("puts dissolved oxygen, which has no multiple, after parameters of the same class with one", () => {
    const judgement = classifySample({ do: 2.5, nh3n: 1.8 });
    expect(findMainPollutants(judgement).map((p) => [p.parameter, p.class, p.multiple])).toEqual([
      ["nh3n", 5, expect.closeTo(0.8, 12)],
      ["do", 5, null],
    ]);
  });
});

describe("good-water share and counts", () => {
  it("counts Ⅰ–Ⅲ over points evaluated and leaves points without data out", () => {
    const share = computeGoodWaterShare([1, 2, 3, 4, 6, null]);
    expect(share.good).toBe(3);
    expect(share.evaluated).toBe(5);
    expect(share.noData).toBe(1);
    expect(share.goodShare).toBeCloseTo(0.6, 12);
    expect(share.worseThanVShare).toBeCloseTo(0.2, 12);
  });

  it("has no share when nothing was evaluated", () => {
    expect(computeGoodWaterShare([null]).goodShare).toBeNull();
    expect(countClasses([]).byClass).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 });
  });
});

describe("judgeDrinkingWaterSource", () => {
  const table2 = { 硫酸盐: 30, 氯化物: 10, 硝酸盐: 1, 铁: 0.1, 锰: 0.05 };

  it("meets when the 21 parameters meet Ⅲ and every Table 2 item meets its limit", () => {
    expect(judgeDrinkingWaterSource(classifySample(makeSample({ 氨氮: 0.3, DO: 7, ...table2 }))).status).toBe(
      "met",
    );
  });

  it("fails on one Table 2 exceedance, with its multiple", () => {
    const verdict = judgeDrinkingWaterSource(classifySample(makeSample({ 氨氮: 0.3, ...table2, 铁: 0.45 })));
    expect(verdict.status).toBe("not_met");
    expect(verdict.exceedances).toEqual([
      {
        kind: "multiple",
        parameter: "iron",
        value: 0.45,
        limit: 0.3,
        multiple: expect.closeTo(0.5, 12) as number,
      },
    ]);
  });

  it("fails on a Table 2 exceedance even when no basic parameter was monitored", () => {
    const verdict = judgeDrinkingWaterSource(classifySample(makeSample({ ...table2, 铁: 0.5 })));
    expect(verdict.status).toBe("not_met");
    expect(verdict.class).toBeNull();
    expect(verdict.exceedances.map((e) => e.parameter)).toEqual(["iron"]);
  });

  it("says no data for a source with no basic data and no exceedance", () => {
    expect(judgeDrinkingWaterSource(classifySample(makeSample(table2))).status).toBe("no_data");
  });

  it("fails when a basic parameter is worse than Ⅲ", () => {
    expect(judgeDrinkingWaterSource(classifySample(makeSample({ 氨氮: 1.2, ...table2 }))).status).toBe(
      "not_met",
    );
  });

  it("applies the Table 3 limits of Table 3 items present in the data", () => {
    const verdict = judgeDrinkingWaterSource(classifySample(makeSample({ 氨氮: 0.3, ...table2, 苯: 0.02 })));
    expect(verdict.status).toBe("not_met");
    expect(verdict.exceedances.map((e) => e.parameter)).toEqual(["benzene"]);
  });

  it("cannot judge a source whose Table 2 data is incomplete", () => {
    const verdict = judgeDrinkingWaterSource(classifySample(makeSample({ 氨氮: 0.3, 铁: 0.1 })));
    expect(verdict.status).toBe("cannot_judge");
    expect(verdict.missingSupplementary).toEqual(["sulfate", "chloride", "nitrate", "manganese"]);
  });

  it("cannot judge a Table 3 item below a detection limit above its limit", () => {
    const verdict = judgeDrinkingWaterSource(
      classifySample(makeSample({ 氨氮: 0.3, ...table2, 苯并芘: "0.00001L" })),
    );
    expect(verdict.status).toBe("cannot_judge");
  });
});
