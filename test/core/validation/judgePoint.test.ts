import { defaultCoreItems } from "../../../src/core/water-quality/coreItems";
import { formatProblem } from "../../../src/core/validation/formatProblem";
import { PointPeriod, readClassCell } from "../../../src/core/validation/judgePoint";
import type { MonitoringPoint } from "../../../src/core/validation/monitoringPoints";
import { makeSample } from "../water-quality/builders";

/** 露塘: a national section on a river, target Ⅱ. */
const section: MonitoringPoint = {
  name: "露塘",
  kind: "national_section",
  target: 2,
  waterbody: "river",
  coreItems: defaultCoreItems,
};
/** 城中水厂: a municipal drinking-water source, target Ⅲ plus Table 2. */
const source: MonitoringPoint = {
  name: "城中水厂",
  kind: "municipal_source",
  target: 3,
  waterbody: "river",
  coreItems: defaultCoreItems,
};
/** The core items other than 氨氮, each at Ⅰ–Ⅱ: samples that vary 氨氮 add these so the class rests on all five. */
const core = { pH: 7.2, 溶解氧: 8, 高锰酸盐指数: 2, 总磷: 0.02 };
/** GB 3838-2002 Table 2's five items, each within its limit. */
const table2Within = { 硫酸盐: 100, 氯化物: 100, 硝酸盐: 5, 铁: 0.1, 锰: 0.05 };

function periodOf(
  point: MonitoringPoint,
  ...samples: Readonly<Record<string, string | number>>[]
): PointPeriod {
  const period = new PointPeriod(point);
  for (const sample of samples) period.add(makeSample(sample));
  return period;
}

const codes = (judgement: ReturnType<PointPeriod["judge"]>): string[] =>
  judgement.problems.map((p) => `${p.code}@${p.field ?? ""}`);

describe("readClassCell", () => {
  it.each([
    ["Ⅱ类", 2],
    ["II 类", 2],
    ["II", 2],
    ["ⅱ", 2],
    ["2类", 2],
    ["二类", 2],
    ["２类", 2],
    ["Class II", 2],
    ["class ii", 2],
    ["Class Ⅲ", 3],
    ["Class 3", 3],
    ["Worse than V", 6],
    ["worse than v", 6],
    ["劣Ⅴ类", 6],
    ["劣V", 6],
    ["劣五类", 6],
    ["Ⅰ类水", 1],
    [2, 2],
    [5, 5],
  ] as const)("reads %p as class %p, in either language", (typed, waterClass) => {
    expect(readClassCell(typed)).toBe(waterClass);
  });

  it.each([
    "Ⅵ类",
    "三级",
    "6",
    6,
    2.5,
    0,
    "Class",
    "Class VI",
    "Worse than IV",
    "better than II",
    true,
    "#N/A",
    "优",
  ])("refuses %p, never guessing", (typed) => {
    expect(readClassCell(typed)).toBeNull();
  });
});

describe("PointPeriod: the verdict", () => {
  it("says no_data without samples or an entered class", () => {
    expect(new PointPeriod(section).judge(null, false)).toMatchObject({
      class: null,
      computedClass: null,
      samples: 0,
      verdict: "no_data",
      problems: [],
    });
  });

  it("judges the class computed from the period's samples against the target", () => {
    const met = periodOf(section, { ...core, 氨氮: 0.4 }, { ...core, 氨氮: 0.5 }).judge(null, false);
    expect(met).toMatchObject({ computedClass: 2, class: 2, samples: 2, verdict: "met", problems: [] });
    const missed = periodOf(section, { ...core, 氨氮: 0.59 }).judge(null, false);
    expect(missed).toMatchObject({ computedClass: 3, verdict: "not_met" });
    expect(missed.exceedances.map((e) => e.parameter)).toEqual(["nh3n"]);
    expect(missed.exceedances[0]?.multiple).toBeCloseTo(0.18, 10);
    expect(missed.problems).toEqual([
      {
        code: "point_target_not_met",
        severity: "error",
        field: "verdict",
        params: { name: "露塘", otherClass: 2, waterClass: 3, parameters: ["nh3n"] },
      },
    ]);
  });

  it("gives dissolved oxygen no multiple", () => {
    const judgement = periodOf(section, { 溶解氧: 5.5 }).judge(null, false);
    expect(judgement.exceedances).toEqual([{ parameter: "do", multiple: null }]);
  });

  it("judges an entered class when there are no samples", () => {
    expect(new PointPeriod(section).judge("Ⅱ类", false)).toMatchObject({ class: 2, verdict: "met" });
    expect(codes(new PointPeriod(section).judge("Ⅲ类", false))).toEqual(["point_target_not_met@verdict"]);
  });

  it("warns where the entered class differs from the computed one, showing both and the sample count", () => {
    const judgement = periodOf(section, { 氨氮: 1.2 }).judge("Ⅱ类", false);
    expect(judgement.problems[0]).toEqual({
      code: "measured_class_differs",
      severity: "warning",
      field: "measuredClass",
      params: { waterClass: 2, otherClass: 4, count: 1 },
    });
    // The computed class decides.
    expect(judgement).toMatchObject({ class: 4, verdict: "not_met" });
  });

  it("reports an unreadable entered class at its cell, and the verdict is 数据有误", () => {
    const judgement = new PointPeriod(section).judge("三级", false);
    expect(judgement.problems).toEqual([
      {
        code: "unreadable_measured_class",
        severity: "error",
        field: "measuredClass",
        params: { input: "三级" },
      },
    ]);
    expect(judgement.verdict).toBe("invalid");
  });

  it("ignores a blank entered class, spaces included", () => {
    expect(new PointPeriod(section).judge(" \u3000", false).problems).toEqual([]);
  });

  it("says 数据有误 with a warning at the verdict when a sample of the point had an error", () => {
    const judgement = periodOf(section, { 氨氮: 0.4 }).judge(null, true);
    expect(judgement.verdict).toBe("invalid");
    expect(codes(judgement)).toEqual(["point_data_invalid@verdict"]);
  });

  it("cannot judge a point whose only value is below a detection limit above the target's limit", () => {
    const judgement = periodOf(section, { ...core, 氨氮: "0.8L" }).judge(null, false);
    expect(judgement.verdict).toBe("cannot_judge");
    expect(codes(judgement)).toEqual(["point_cannot_judge@verdict"]);
  });

  it("judges a drinking-water source on Ⅲ and on Table 2's supplementary items", () => {
    expect(periodOf(source, { ...core, 氨氮: 0.9, ...table2Within }).judge(null, false).verdict).toBe("met");
    const sulfate = periodOf(source, { ...core, 氨氮: 0.1, ...table2Within, 硫酸盐: 300 }).judge(null, false);
    expect(sulfate).toMatchObject({ computedClass: 1, verdict: "not_met" });
    expect(sulfate.exceedances.map((e) => e.parameter)).toEqual(["sulfate"]);
    expect(sulfate.exceedances[0]?.multiple).toBeCloseTo(0.2, 10);
  });

  it("says which item a drinking-water source misses on, instead of calling Ⅰ类 short of Ⅲ类", () => {
    const judgement = periodOf(source, { ...core, 氨氮: 0.1, ...table2Within, 硫酸盐: 300 }).judge(
      null,
      false,
    );
    const missed = judgement.problems.find((p) => p.code === "point_target_not_met");
    if (!missed) throw new Error("no problem");
    expect(missed.params.parameters).toEqual(["sulfate"]);
    expect(formatProblem(missed, "zh-CN")).toBe("城中水厂水质为Ⅰ类，但硫酸盐超过限值，未达标。");
    expect(formatProblem(missed, "en-US")).toBe(
      "城中水厂 is Class I, but Sulfate exceeds its limit: not met.",
    );
  });

  it("cannot judge a drinking-water source without its Table 2 items, and says so instead of blaming detection limits", () => {
    const judgement = periodOf(source, { ...core, 氨氮: 0.9, 硫酸盐: 100, 氯化物: 100 }).judge(null, false);
    expect(judgement.verdict).toBe("cannot_judge");
    expect(judgement.problems).toEqual([
      {
        code: "source_items_not_monitored",
        severity: "warning",
        field: "verdict",
        params: { name: "城中水厂", parameters: ["nitrate", "iron", "manganese"] },
      },
    ]);
    const [missing] = judgement.problems;
    if (!missing) throw new Error("no problem");
    expect(formatProblem(missing, "zh-CN")).toBe(
      "城中水厂缺少 GB 3838-2002 表2 补充项目硝酸盐、铁、锰的监测数据，无法判定是否达标。",
    );
    expect(formatProblem(missing, "en-US")).toBe(
      "城中水厂 has no data for the GB 3838-2002 Table 2 items Nitrate, Iron, Manganese: attainment cannot be judged.",
    );
  });

  it("names the parameters whose detection limits keep a point from being judged", () => {
    const judgement = periodOf(section, { ...core, 氨氮: "0.8L" }).judge(null, false);
    expect(judgement.problems).toEqual([
      {
        code: "point_cannot_judge",
        severity: "warning",
        field: "verdict",
        params: { name: "露塘", parameters: ["nh3n"] },
      },
    ]);
    const [open] = judgement.problems;
    if (!open) throw new Error("no problem");
    expect(formatProblem(open, "zh-CN")).toBe(
      "露塘的氨氮低于检出限，但检出限未知或高于限值，无法判定是否达标。",
    );
  });
});

describe("PointPeriod: too few items is not 达标 (issue 13)", () => {
  it("does not call a section with only pH Ⅰ类 达标: it cannot be judged, naming the missing core items", () => {
    const judgement = periodOf(section, { pH: 7.2 }).judge(null, false);
    expect(judgement).toMatchObject({ computedClass: 1, items: 1, verdict: "cannot_judge" });
    expect(judgement.missingCore).toEqual(["do", "codmn", "nh3n", "tp"]);
    expect(judgement.problems).toEqual([
      {
        code: "point_items_missing",
        severity: "warning",
        field: "verdict",
        params: { name: "露塘", count: 1, missing: ["do", "codmn", "nh3n", "tp"], waterClass: 1 },
      },
    ]);
    const [warning] = judgement.problems;
    if (!warning) throw new Error("no problem");
    expect(formatProblem(warning, "zh-CN")).toBe(
      "露塘的类别Ⅰ类仅依据 1 项评价指标，缺少核心项目溶解氧、高锰酸盐指数、氨氮、总磷，无法判定是否达标。",
    );
    expect(formatProblem(warning, "en-US")).toContain("rests on 1 evaluation item;");
  });

  it("calls a point whose measured items already fail 未达标, its class at least that class", () => {
    const judgement = periodOf(section, { 氨氮: 1.2 }).judge(null, false);
    expect(judgement).toMatchObject({ computedClass: 4, verdict: "not_met" });
    const [missed] = judgement.problems;
    if (!missed) throw new Error("no problem");
    expect(missed.params.missing).toEqual(["ph", "do", "codmn", "tp"]);
    expect(formatProblem(missed, "zh-CN")).toBe(
      "露塘水质为Ⅳ类或更差（pH值、溶解氧、高锰酸盐指数、总磷未监测），未达到目标Ⅱ类。",
    );
  });

  it("judges once every core item is measured, and follows the core set the plan names", () => {
    expect(periodOf(section, { ...core, 氨氮: 0.2 }).judge(null, false)).toMatchObject({
      items: 5,
      verdict: "met",
      missingCore: [],
    });
    const strict: MonitoringPoint = { ...section, coreItems: [...defaultCoreItems, "cod"] };
    expect(periodOf(strict, { ...core, 氨氮: 0.2 }).judge(null, false).missingCore).toEqual(["cod"]);
  });

  it("names the missing core items and the missing Table 2 items of a source in one warning", () => {
    const judgement = periodOf(source, { 氨氮: 0.2, 硫酸盐: 100 }).judge(null, false);
    expect(judgement.verdict).toBe("cannot_judge");
    expect(judgement.problems.map((p) => p.code)).toEqual(["point_items_missing"]);
    expect(judgement.problems[0]?.params.parameters).toEqual(["chloride", "nitrate", "iron", "manganese"]);
  });
});
