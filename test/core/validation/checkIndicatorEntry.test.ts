import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import type { NumericTarget } from "../../../src/core/plan/planSchema";
import {
  checkIndicatorEntry,
  readIndicatorNumber,
  shownJudgedValue,
  type IndicatorEntryInput,
} from "../../../src/core/validation/checkIndicatorEntry";
import { formatProblem } from "../../../src/core/validation/formatProblem";
import { problem } from "../../../src/core/validation/validationProblem";

function target(id: string): NumericTarget {
  const found = plan.targets.find((t) => t.id === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
}

/** t5-1 生活污水集中收集率 ≥ 57 % */
const collectionRate = target("t5-1");
/** t6-1 建设改造污水管网长度: 力争 ≥ 19 公里 */
const pipes = target("t6-1");
/** t27-1 用水总量 ≤ 22.6 亿立方米 */
const waterUse = target("t27-1");
/** t30-1 公共供水管网漏损率: 力争 ≤ 9.4 % */
const leakage = target("t30-1");
/** t32-1 万元地区生产总值用水量: a cut of ≥ 6.4 % against 2020 */
const waterPerGdp = target("t32-1");
/** t16-1 已查明排污口溯源比例 ≥ 80 %, derived from 附件6 */
const traced = target("t16-1");

const entry = (input: Partial<IndicatorEntryInput>): IndicatorEntryInput => ({
  actual: null,
  baseValue: null,
  reduction: null,
  derived: null,
  ...input,
});

const codes = (result: ReturnType<typeof checkIndicatorEntry>): string[] =>
  result.problems.map((p) => `${p.code}@${p.field ?? ""}`);

describe("shownJudgedValue: display rounds, comparisons never do", () => {
  it.each([
    [79.99599919983997, ">=", 80, 79.996],
    [80.004, "<=", 80, 80.004],
    [0.5214, ">=", 0.522, 0.521],
    [0.5226, ">=", 0.522, 0.523],
    [58.2, ">=", 57, 58.2],
    [92.2222222, ">=", 80, 92.22],
    [9.8, "<=", 9.4, 9.8],
    [80, ">=", 80, 80],
  ] as const)("shows %p against %s %p as %p", (actual, comparator, value, shown) => {
    expect(shownJudgedValue(actual, { comparator, value })).toBe(shown);
  });
});

describe("readIndicatorNumber", () => {
  it.each([
    [57, 57, false],
    [0.57, 0.57, false],
    ["57", 57, false],
    ["57%", 57, true],
    ["57 %", 57, true],
    ["５７％", 57, true],
    [" 12.5 ", 12.5, false],
    ["１２.５", 12.5, false],
    ["1,234", 1234, false],
    ["1.2E+3", 1200, false],
    ["+5", 5, false],
    ["-3", -3, false],
    ["-3.5%", -3.5, true],
  ] as const)("reads %p as %p (percent sign: %p)", (typed, value, percentSign) => {
    expect(readIndicatorNumber(typed)).toEqual({ kind: "number", value, percentSign });
  });

  it.each([null, undefined, "", "  "])("reads the blank %p as empty", (typed) => {
    expect(readIndicatorNumber(typed)).toEqual({ kind: "empty" });
  });

  it.each([
    ["约五成", "约五成"],
    ["57公里", "57公里"],
    ["%", "%"],
    ["—", "—"],
    ["0.01L", "0.01L"],
    ["#N/A", "#N/A"],
    ["1e400", "1e400"],
    [true, "true"],
    [Number.NaN, "NaN"],
    [Infinity, "Infinity"],
  ] as const)("refuses %p, quoting it as %p", (typed, input) => {
    expect(readIndicatorNumber(typed)).toEqual({ kind: "unreadable", input });
  });
});

describe("checkIndicatorEntry: level targets", () => {
  it("reports a non-numeric actual value at the actual field and judges nothing", () => {
    const result = checkIndicatorEntry(collectionRate, entry({ actual: "约五成" }));
    expect(result.problems).toEqual([
      { code: "unreadable_actual_value", severity: "error", field: "actual", params: { input: "约五成" } },
    ]);
    expect(result).toMatchObject({ actual: null, verdict: "invalid" });
  });

  it("says no_data, without a problem, while nothing is entered", () => {
    expect(checkIndicatorEntry(collectionRate, entry({}))).toEqual({
      problems: [],
      actual: null,
      computedReduction: null,
      verdict: "no_data",
    });
  });

  it.each([
    ["57%", 57, []],
    [57, 57, []],
    ["57", 57, []],
    [0.57, 57, ["doubtful_percent_reading@actual"]],
    ["0.57", 57, ["doubtful_percent_reading@actual"]],
    [0.6, 60, ["doubtful_percent_reading@actual"]],
    [1, 100, ["doubtful_percent_reading@actual"]],
    [0, 0, ["indicator_target_missed@actual"]],
    ["0.57%", 0.57, ["indicator_target_missed@actual"]],
    [60, 60, []],
    [56.9, 56.9, ["indicator_target_missed@actual"]],
  ] as const)("reads %p for a %% target as %p %%", (typed, read, expected) => {
    const result = checkIndicatorEntry(collectionRate, entry({ actual: typed }));
    expect(result.actual).toBe(read);
    expect(codes(result)).toEqual(expected);
  });

  it("says how it read a doubtful share, and how to write the other reading", () => {
    const result = checkIndicatorEntry(collectionRate, entry({ actual: 0.57 }));
    expect(result.problems[0]).toEqual({
      code: "doubtful_percent_reading",
      severity: "warning",
      field: "actual",
      params: { value: 0.57, actual: "57%" },
    });
    expect(result.verdict).toBe("met");
  });

  it("reads a negative share as typed, never as a fraction (-5 is -5 %, not -500 %)", () => {
    expect(checkIndicatorEntry(collectionRate, entry({ actual: -5 })).actual).toBe(-5);
    expect(checkIndicatorEntry(collectionRate, entry({ actual: -0.5 })).actual).toBe(-0.5);
    expect(checkIndicatorEntry(collectionRate, entry({ actual: -0.5 })).problems.map((p) => p.code)).toEqual([
      "indicator_target_missed",
    ]);
  });

  it("keeps a share of 0–1 as typed when the target itself is at most 1 %", () => {
    const small: NumericTarget = { ...collectionRate, value: 0.5 };
    expect(checkIndicatorEntry(small, entry({ actual: 0.6 }))).toMatchObject({ actual: 0.6, problems: [] });
  });

  it("reads numbers of other units as typed, never as shares", () => {
    expect(checkIndicatorEntry(waterUse, entry({ actual: 0.5 }))).toMatchObject({
      actual: 0.5,
      problems: [],
    });
    expect(checkIndicatorEntry(target("t31-1"), entry({ actual: 0.53 }))).toMatchObject({
      actual: 0.53,
      verdict: "met",
      problems: [],
    });
  });

  it("reports a missed target as an error at the actual field, with the target in words", () => {
    const result = checkIndicatorEntry(waterUse, entry({ actual: 23 }));
    expect(result.problems).toEqual([
      {
        code: "indicator_target_missed",
        severity: "error",
        field: "actual",
        params: { value: 23, expected: "≤ 22.6亿立方米" },
      },
    ]);
    expect(result.verdict).toBe("not_met");
  });

  it("reports a missed 力争 target as a warning", () => {
    const result = checkIndicatorEntry(pipes, entry({ actual: 15 }));
    expect(result.problems).toEqual([
      {
        code: "soft_target_missed",
        severity: "warning",
        field: "actual",
        params: { value: 15, expected: "≥ 19公里" },
      },
    ]);
    expect(result.verdict).toBe("not_met");
  });

  it("compares decimals as typed, without binary noise (9.40 meets ≤ 9.4)", () => {
    expect(checkIndicatorEntry(leakage, entry({ actual: 9.400000000000002 })).verdict).toBe("met");
    expect(checkIndicatorEntry(leakage, entry({ actual: "9.40" })).verdict).toBe("met");
    expect(checkIndicatorEntry(leakage, entry({ actual: 9.41 })).verdict).toBe("not_met");
  });

  it("warns that a base value is not used on a target that is no reduction", () => {
    const result = checkIndicatorEntry(collectionRate, entry({ actual: 60, baseValue: 50 }));
    expect(result.problems).toEqual([
      { code: "base_value_not_applicable", severity: "warning", field: "baseValue", params: {} },
    ]);
    expect(result.verdict).toBe("met");
  });

  it("warns that a cut typed on a target that is no reduction is not used, as it warns about a base", () => {
    const result = checkIndicatorEntry(collectionRate, entry({ actual: 60, reduction: 5 }));
    expect(result.problems).toEqual([
      { code: "reduction_not_applicable", severity: "warning", field: "reduction", params: {} },
    ]);
    expect(result).toMatchObject({ actual: 60, verdict: "met" });
  });
});

describe("checkIndicatorEntry: shares derived from the outfall survey (task 16)", () => {
  it("judges the derived share while the actual value is blank", () => {
    expect(checkIndicatorEntry(traced, entry({ derived: 93.33 }))).toMatchObject({
      actual: 93.33,
      verdict: "met",
      problems: [],
    });
  });

  it("warns where a typed share differs from the survey's by more than half a point, and judges the typed one", () => {
    expect(codes(checkIndicatorEntry(traced, entry({ actual: 93, derived: 93.33 })))).toEqual([]);
    const result = checkIndicatorEntry(traced, entry({ actual: 85, derived: 93.33 }));
    expect(result.problems).toEqual([
      {
        code: "indicator_differs_from_survey",
        severity: "warning",
        field: "actual",
        params: { value: 85, actual: "93.3" },
      },
    ]);
    expect(result.actual).toBe(85);
  });
});

describe("checkIndicatorEntry: reductions against the 2020 base (task 32)", () => {
  it("computes the cut from the year's value and the base: 46.8 against 50 is 6.4 %", () => {
    expect(checkIndicatorEntry(waterPerGdp, entry({ actual: 46.8, baseValue: 50 }))).toEqual({
      problems: [],
      actual: 6.4,
      computedReduction: 6.4,
      verdict: "met",
    });
  });

  it("reports a missed cut as an error at the cut's field", () => {
    const result = checkIndicatorEntry(waterPerGdp, entry({ actual: 48, baseValue: 50 }));
    expect(result.computedReduction).toBe(4);
    expect(codes(result)).toEqual(["indicator_target_missed@reduction"]);
    expect(result.problems[0]?.params).toEqual({ value: 4, expected: "≥ 6.4%" });
  });

  it("refuses the year's value without its base: an error at the base, never a silent pass", () => {
    const result = checkIndicatorEntry(waterPerGdp, entry({ actual: 46.8 }));
    expect(result.problems).toEqual([
      { code: "missing_base_value", severity: "error", field: "baseValue", params: { value: 2020 } },
    ]);
    expect(result).toMatchObject({ actual: null, verdict: "invalid" });
  });

  it("judges a cut typed directly in %", () => {
    for (const typed of [6.4, "6.4", "6.4%"]) {
      expect(checkIndicatorEntry(waterPerGdp, entry({ reduction: typed }))).toMatchObject({
        actual: 6.4,
        computedReduction: null,
        verdict: "met",
        problems: [],
      });
    }
  });

  it("reads a cut typed as 6.4% in Excel (stored 0.064) as 6.4 %, warning with the other reading", () => {
    const result = checkIndicatorEntry(waterPerGdp, entry({ reduction: 0.064 }));
    expect(result).toMatchObject({ actual: 6.4, verdict: "met" });
    expect(result.problems).toEqual([
      {
        code: "doubtful_percent_reading",
        severity: "warning",
        field: "reduction",
        params: { value: 0.064, actual: "6.4%" },
      },
    ]);
    // A cut of 0.5 % stays possible: typed with its sign, it is read as written, without a warning.
    expect(checkIndicatorEntry(waterPerGdp, entry({ reduction: "0.5%" }))).toMatchObject({
      actual: 0.5,
      verdict: "not_met",
    });
  });

  it("takes the reading of a 0–1 cut that agrees with the cut computed from the year's value and the base", () => {
    // 46.8 against 50 is 6.4 %: the stored 0.064 is 6.4 %, silently.
    expect(
      codes(checkIndicatorEntry(waterPerGdp, entry({ actual: 46.8, baseValue: 50, reduction: 0.064 }))),
    ).toEqual([]);
    // 49.75 against 50 is 0.5 %: a typed 0.5 is 0.5 %, silently.
    expect(
      codes(checkIndicatorEntry(waterPerGdp, entry({ actual: 49.75, baseValue: 50, reduction: 0.5 }))),
    ).toEqual(["indicator_target_missed@reduction"]);
  });

  it("warns where a typed cut disagrees with the computed one by more than 0.05 points, and judges the computed one", () => {
    expect(
      codes(checkIndicatorEntry(waterPerGdp, entry({ actual: 46.8, baseValue: 50, reduction: 6.42 }))),
    ).toEqual([]);
    const result = checkIndicatorEntry(waterPerGdp, entry({ actual: 46.8, baseValue: 50, reduction: 5 }));
    expect(result.problems).toEqual([
      {
        code: "reduction_entries_disagree",
        severity: "warning",
        field: "reduction",
        params: { value: 5, actual: "6.40" },
      },
    ]);
    expect(result).toMatchObject({ actual: 6.4, verdict: "met" });
  });

  it("reports an unreadable base and an unreadable cut at their own fields", () => {
    expect(codes(checkIndicatorEntry(waterPerGdp, entry({ actual: 46.8, baseValue: "五十" })))).toEqual([
      "unreadable_base_value@baseValue",
    ]);
    expect(codes(checkIndicatorEntry(waterPerGdp, entry({ reduction: "约6%" })))).toEqual([
      "unreadable_actual_value@reduction",
    ]);
  });

  it("refuses a base so small that the cut is no finite number, rather than judging an infinite cut", () => {
    const result = checkIndicatorEntry(waterPerGdp, entry({ actual: 50, baseValue: 1e-320 }));
    expect(codes(result)).toEqual(["unreadable_base_value@baseValue"]);
    expect(result).toMatchObject({ actual: null, computedReduction: null, verdict: "invalid" });
  });

  it.each([
    { base: 0, zh: "2020 年基数为 0：无法以 0 为基数计算降幅，请填写 2020 年的实际值。" },
    { base: -3, zh: "2020 年基数 -3 不是正数：无法计算降幅，请填写 2020 年的实际值。" },
  ])("refuses a base of $base with its own message, not as a missing base", ({ base, zh }) => {
    for (const input of [
      { actual: 46.8, baseValue: base },
      { baseValue: base },
      { baseValue: base, reduction: 6.4 },
    ]) {
      const result = checkIndicatorEntry(waterPerGdp, entry(input));
      expect(result.problems).toEqual([
        {
          code: "base_value_not_positive",
          severity: "error",
          field: "baseValue",
          params: { value: base, year: 2020 },
        },
      ]);
      expect(result.verdict).toBe("invalid");
      expect(formatProblem(result.problems[0]!, "zh-CN")).toBe(zh);
    }
    expect(
      formatProblem(
        problem("base_value_not_positive", "error", "baseValue", { value: 0, year: 2020 }),
        "en-US",
      ),
    ).toBe("The 2020 base value is 0: no reduction can be computed against 0. Enter the 2020 value.");
  });

  it("says no_data while only the base is entered", () => {
    expect(checkIndicatorEntry(waterPerGdp, entry({ baseValue: 50 }))).toMatchObject({
      problems: [],
      verdict: "no_data",
    });
  });
});
