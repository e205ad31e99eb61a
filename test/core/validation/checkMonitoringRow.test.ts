import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import {
  checkMonitoringRow,
  findDuplicateSamples,
  parameterField,
  warnSamplesAfterAsOf,
  type MonitoringRowInput,
} from "../../../src/core/validation/checkMonitoringRow";
import { formatProblem } from "../../../src/core/validation/formatProblem";
import { createPointResolver, monitoringPoints } from "../../../src/core/validation/monitoringPoints";
import { plausibleRanges } from "../../../src/core/validation/plausibility";
import { problem, type Problem } from "../../../src/core/validation/validationProblem";
import { getClassLimit } from "../../../src/core/water-quality/classifyParameter";
import { allParameters, type ParameterKey } from "../../../src/core/water-quality/parameters";
import { monitoringParameters } from "../../../src/workbook/sheets/monitoringSheet";

const context = {
  year: 2023,
  asOf: "2023-06-30",
  findPoint: createPointResolver(monitoringPoints(plan)),
};

/** A row of 监测数据: 露塘 (a national section, target Ⅱ) on 1 May unless told otherwise. */
function makeRow(
  values: Partial<Record<ParameterKey, unknown>> = { nh3n: 0.2 },
  row: Partial<Omit<MonitoringRowInput, "values">> = {},
): MonitoringRowInput {
  return {
    point: "露塘",
    sampledOn: "2023-05-01",
    ...row,
    values: new Map(Object.entries(values) as [ParameterKey, unknown][]),
  };
}

/** "code@field", with the water-quality engine's code for a measured value's problem. */
const shown = (problems: readonly Problem[]): string[] =>
  problems.map(
    (p) =>
      `${p.code === "measured_value" ? (p.params.waterQuality?.code ?? p.code) : p.code}@${p.field ?? ""}`,
  );

describe("checkMonitoringRow: the point", () => {
  it("accepts a point of the plan, with 断面 added, spaces around it and full-width forms", () => {
    for (const point of ["露塘", "露塘断面", " 露塘 ", "\u3000露塘\u3000", "柳西水厂（原河西水厂）"]) {
      const checked = checkMonitoringRow(makeRow(undefined, { point }), context);
      expect(shown(checked.problems)).toEqual([]);
      expect(checked.point).not.toBeNull();
    }
  });

  it("reports a name that is no point of the plan at the point field, quoting it trimmed", () => {
    const checked = checkMonitoringRow(makeRow(undefined, { point: " 露塘桥 " }), context);
    expect(checked.problems).toEqual([
      { code: "unknown_point", severity: "error", field: "point", params: { input: "露塘桥" } },
    ]);
    expect(checked.point).toBeNull();
    expect(checked.inPeriod).toBe(false);
  });

  it("never guesses a point from a similar name", () => {
    expect(shown(checkMonitoringRow(makeRow(undefined, { point: "露塘断面1" }), context).problems)).toEqual([
      "unknown_point@point",
    ]);
  });

  it("reports a missing point as an error of its own", () => {
    expect(shown(checkMonitoringRow(makeRow(undefined, { point: null }), context).problems)).toEqual([
      "missing_point@point",
    ]);
    expect(shown(checkMonitoringRow(makeRow(undefined, { point: "  " }), context).problems)).toEqual([
      "missing_point@point",
    ]);
  });
});

describe("checkMonitoringRow: the sampling date", () => {
  it.each(["2023.5.1", "2023/5/1", "2023年5月1日", 45047, "２０２３年５月１日"])(
    "reads %p and counts the sample in the period",
    (sampledOn) => {
      const checked = checkMonitoringRow(makeRow(undefined, { sampledOn }), context);
      expect(checked.problems).toEqual([]);
      expect(checked.date).toMatchObject({ iso: "2023-05-01", minutes: null });
      expect(checked.inPeriod).toBe(true);
    },
  );

  it("reports a missing date and an unreadable one at the date field", () => {
    expect(shown(checkMonitoringRow(makeRow(undefined, { sampledOn: null }), context).problems)).toEqual([
      "missing_sampling_date@sampledOn",
    ]);
    expect(checkMonitoringRow(makeRow(undefined, { sampledOn: "五月一日" }), context).problems).toEqual([
      {
        code: "unreadable_sampling_date",
        severity: "error",
        field: "sampledOn",
        params: { input: "五月一日" },
      },
    ]);
  });

  it("refuses a date outside the plan year, naming the day and the year", () => {
    const checked = checkMonitoringRow(makeRow(undefined, { sampledOn: "2022-12-31" }), context);
    expect(checked.problems).toEqual([
      {
        code: "sampling_date_outside_plan_year",
        severity: "error",
        field: "sampledOn",
        params: { date: "2022-12-31", value: 2023 },
      },
    ]);
    expect(checked.inPeriod).toBe(false);
    expect(checked.hasErrors).toBe(true);
  });

  it("leaves a sample dated after the as-of day out of the period without a problem of its own, keeping its date", () => {
    const checked = checkMonitoringRow(makeRow(undefined, { sampledOn: "2023-07-01" }), context);
    expect(checked.problems).toEqual([]);
    expect(checked.afterAsOf).toBe(true);
    expect(checked.inPeriod).toBe(false);
    expect(checked.hasErrors).toBe(false);
    // Kept so that a repeated sample is still found.
    expect(checked.date).toMatchObject({ iso: "2023-07-01", minutes: null });
  });

  it("warns once for all the samples after the as-of day, at the first, counting them", () => {
    const rows = ["2023-06-30", "2023-07-03", "2023-05-01", "2023-07-01", "2023-07-20", "昨天"].map((date) =>
      checkMonitoringRow(makeRow(undefined, { sampledOn: date }), context),
    );
    expect(rows.map((r) => r.afterAsOf)).toEqual([false, true, false, true, true, false]);
    expect(warnSamplesAfterAsOf(rows, "2023-06-30")).toEqual({
      index: 1,
      problem: {
        code: "sampling_date_after_as_of",
        severity: "warning",
        field: "sampledOn",
        params: { count: 3, date: "2023-07-03", actual: "2023-06-30" },
      },
    });
    const none = rows.filter((r) => !r.afterAsOf);
    expect(warnSamplesAfterAsOf(none, "2023-06-30")).toBeNull();
  });

  it("words the warning for one sample and for several, in both languages", () => {
    const one = problem("sampling_date_after_as_of", "warning", "sampledOn", {
      count: 1,
      date: "2023-07-03",
      actual: "2023-06-30",
    });
    expect(formatProblem(one, "zh-CN")).toBe(
      "采样日期 2023-07-03 晚于统计截止日 2023-06-30，不计入本期评价。",
    );
    expect(formatProblem(one, "en-US")).toBe(
      "The sampling date 2023-07-03 is after the as-of date 2023-06-30; not counted.",
    );
    const three = problem("sampling_date_after_as_of", "warning", "sampledOn", { ...one.params, count: 3 });
    expect(formatProblem(three, "zh-CN")).toBe(
      "本表有 3 个样品的采样日期晚于统计截止日 2023-06-30（第一个在本行，2023-07-03），均不计入本期评价。",
    );
    expect(formatProblem(three, "en-US")).toBe(
      "3 samples on this sheet are dated after the as-of date 2023-06-30 (the first in this row, 2023-07-03); none of them is counted.",
    );
  });

  it("does not count a sample after the as-of day whose date is outside the plan year", () => {
    const checked = checkMonitoringRow(makeRow(undefined, { sampledOn: "2024-01-02" }), context);
    expect(checked.afterAsOf).toBe(false);
    expect(shown(checked.problems)).toEqual(["sampling_date_outside_plan_year@sampledOn"]);
  });

  it("counts the as-of day itself in the period", () => {
    expect(checkMonitoringRow(makeRow(undefined, { sampledOn: "2023-06-30" }), context).inPeriod).toBe(true);
  });
});

describe("checkMonitoringRow: the values", () => {
  it("warns at the point of a sample with a point and a date but no value at all, and leaves it out of the period", () => {
    const empty = checkMonitoringRow(makeRow({ nh3n: null, ph: "  " }), context);
    expect(shown(empty.problems)).toEqual(["sample_without_values@point"]);
    expect(empty.problems[0]?.severity).toBe("warning");
    expect(empty.inPeriod).toBe(false);
    expect(empty.hasErrors).toBe(false);
    // One value typed, even one the parsers refuse, is a sample being typed in: no such warning.
    expect(shown(checkMonitoringRow(makeRow({ nh3n: 0.2 }), context).problems)).toEqual([]);
    expect(shown(checkMonitoringRow(makeRow({ nh3n: "abc" }), context).problems)).toEqual([
      `unreadable_value@${parameterField("nh3n")}`,
    ]);
    // Without a point or a date the row has its own error already.
    expect(shown(checkMonitoringRow(makeRow({}, { sampledOn: null }), context).problems)).toEqual([
      "missing_sampling_date@sampledOn",
    ]);
  });

  it("never counts a row the import flagged, with one warning at its remark in either language", () => {
    for (const remark of [
      "【未计入】站点情况：维护；氨氮(mg/L) 0.12",
      " [Not counted] Station status: 故障; pH 7.1",
    ]) {
      // As imported: the values in 备注 only. Not "without values": the warning says why instead.
      const imported = checkMonitoringRow(makeRow({ nh3n: null }, { remark }), context);
      expect(shown(imported.problems)).toEqual(["flagged_sample_not_counted@remark"]);
      expect(imported.problems[0]?.severity).toBe("warning");
      expect(imported.inPeriod).toBe(false);
      expect(imported.hasErrors).toBe(false);
      // Values typed into its columns later still do not make it a sample while the mark stays.
      const typed = checkMonitoringRow(makeRow({ nh3n: 0.12 }, { remark }), context);
      expect(typed.inPeriod).toBe(false);
      expect(shown(typed.problems)).toEqual(["flagged_sample_not_counted@remark"]);
    }
    const message = (locale: "zh-CN" | "en-US"): string =>
      formatProblem(
        checkMonitoringRow(makeRow({}, { remark: "【未计入】站点情况：维护" }), context)
          .problems[0] as Problem,
        locale,
      );
    expect(message("zh-CN")).toContain("露塘");
    expect(message("zh-CN")).toContain("不作为样品计入");
    expect(message("en-US")).toContain("is not counted as a sample");
    // A remark that only mentions the words, or has the mark elsewhere, is a normal sample's.
    for (const remark of ["站点情况：正常", "复核：【未计入】已撤销", null]) {
      const normal = checkMonitoringRow(makeRow({ nh3n: 0.2 }, { remark }), context);
      expect(normal.problems).toEqual([]);
      expect(normal.inPeriod).toBe(true);
    }
  });

  it("keeps readable values for the period and reports nothing", () => {
    const checked = checkMonitoringRow(makeRow({ ph: 7.2, nh3n: "0.45", do: "６.５" }), context);
    expect(checked.problems).toEqual([]);
    expect(checked.sample).toEqual({
      ph: { kind: "value", value: 7.2 },
      nh3n: { kind: "value", value: 0.45 },
      do: { kind: "value", value: 6.5 },
    });
  });

  it.each([
    ["abc", "unreadable_value"],
    ["#N/A", "excel_error_value"],
    ["#DIV/0!", "excel_error_value"],
    [-0.5, "negative_value"],
    ["-0.5", "negative_value"],
    [true, "boolean_value"],
    ["0.5mg/L", "unreadable_value"],
    ["=1+2", "unreadable_value"],
  ] as const)("reports %p at its parameter's field as %s, and leaves it out of the sample", (typed, code) => {
    const checked = checkMonitoringRow(makeRow({ nh3n: typed }), context);
    expect(shown(checked.problems)).toEqual([`${code}@${parameterField("nh3n")}`]);
    expect(checked.problems[0]?.severity).toBe("error");
    expect(checked.sample).toEqual({});
    expect(checked.hasErrors).toBe(true);
  });

  it("reports pH outside 0–14 as implausible, not as 劣Ⅴ类, with the range and the unit", () => {
    const checked = checkMonitoringRow(makeRow({ ph: 15 }), context);
    expect(checked.problems).toEqual([
      {
        code: "implausible_value",
        severity: "error",
        field: "param:ph",
        params: { parameters: ["ph"], value: 15, min: 0, max: 14 },
      },
    ]);
    expect(checked.sample).toEqual({});
  });

  it.each([
    {
      values: { ph: 15 },
      zh: "pH值 15 超出合理范围（0–14），请核对数值和单位。",
      en: "pH 15 is outside the plausible range (0–14): check the value and its unit.",
    },
    {
      values: { nh3n: 500 },
      zh: "氨氮 500 mg/L 超出合理范围（0–200），请核对数值和单位。",
      en: "Ammonia nitrogen 500 mg/L is outside the plausible range (0–200): check the value and its unit.",
    },
    {
      values: { water_temp: 46 },
      zh: "水温 46 ℃ 超出合理范围（0–45），请核对数值和单位。",
      en: "Water temperature 46 ℃ is outside the plausible range (0–45): check the value and its unit.",
    },
  ])(
    "names the parameter and its unit of an implausible $values in each message's own language",
    ({ values, zh, en }) => {
      const [found] = checkMonitoringRow(makeRow(values), context).problems;
      if (found === undefined) throw new Error("expected a problem");
      expect(formatProblem(found, "zh-CN")).toBe(zh);
      expect(formatProblem(found, "en-US")).toBe(en);
    },
  );

  it.each([
    ["ph", 14, true],
    ["ph", 14.1, false],
    ["do", 20, true],
    ["do", 20.5, false],
    ["nh3n", 200, true],
    ["nh3n", 500, false],
    ["water_temp", 45, true],
    ["water_temp", 46, false],
  ] as const)("takes %s = %p as plausible: %p", (key, value, plausible) => {
    const codes = shown(checkMonitoringRow(makeRow({ [key]: value }), context).problems);
    // A plausible pH of 14 is still outside 6–9: said as such (issue 13), not as implausible.
    const outside = key === "ph" && plausible ? [`sample_out_of_range@param:${key}`] : [];
    expect(codes).toEqual(plausible ? outside : [`implausible_value@param:${key}`]);
  });

  it.each([
    [4, true],
    [5.99, true],
    [6, false],
    [9, false],
    [9.2, true],
  ] as const)("marks a sample's pH %p outside 6–9: %p", (value, outside) => {
    const codes = shown(checkMonitoringRow(makeRow({ ph: value }), context).problems);
    expect(codes).toEqual(outside ? ["sample_out_of_range@param:ph"] : []);
  });

  it("warns where a detection limit lies above the target class's limit (露塘, Ⅱ: 氨氮 ≤ 0.5)", () => {
    const checked = checkMonitoringRow(makeRow({ nh3n: "0.8L" }), context);
    expect(checked.problems).toEqual([
      {
        code: "measured_value",
        severity: "warning",
        field: "param:nh3n",
        params: {
          waterQuality: {
            code: "detection_limit_above_limit",
            severity: "warning",
            parameter: "nh3n",
            detectionLimit: 0.8,
            limit: 0.5,
            // The period's mean counts it at half the detection limit (issue 13: one story).
            countedAs: 0.4,
          },
        },
      },
    ]);
    // The value is still a sample's: the period judgement decides what it can say.
    expect(checked.sample).toEqual({ nh3n: { kind: "below_detection", limit: 0.8 } });
    expect(checked.hasErrors).toBe(false);
  });

  it("accepts a detection limit at or below the limit in question, and a below-detection mark without one", () => {
    for (const typed of ["0.5L", "0.025L", "<0.01", "ND", "未检出"]) {
      expect(checkMonitoringRow(makeRow({ nh3n: typed }), context).problems).toEqual([]);
    }
  });

  it("judges a drinking-water source's Table 2 item against its own limit (硫酸盐 ≤ 250)", () => {
    const source = makeRow({ sulfate: "300L" }, { point: "城中水厂" });
    expect(shown(checkMonitoringRow(source, context).problems)).toEqual([
      "detection_limit_above_limit@param:sulfate",
    ]);
  });

  it("leaves blank and not-monitored cells out without a word", () => {
    const checked = checkMonitoringRow(makeRow({ ph: null, nh3n: "—", tp: "/", do: "" }), context);
    expect(checked.problems).toEqual([]);
    expect(checked.sample).toEqual({});
  });

  it("reports every refused cell once, each at its own field", () => {
    const checked = checkMonitoringRow(
      makeRow({ ph: "abc", nh3n: -1, tp: "#VALUE!", do: 25 }, { point: "无名", sampledOn: "昨天" }),
      context,
    );
    expect(shown(checked.problems)).toEqual([
      "unknown_point@point",
      "unreadable_sampling_date@sampledOn",
      "unreadable_value@param:ph",
      "negative_value@param:nh3n",
      "excel_error_value@param:tp",
      "implausible_value@param:do",
    ]);
  });
});

describe("plausibleRanges", () => {
  it("covers every parameter of the monitoring sheet, from 0", () => {
    for (const def of monitoringParameters) {
      expect(plausibleRanges[def.key]).toMatchObject({ min: 0 });
    }
  });

  it("lets every limit of GB 3838-2002 through, so that no real class is called implausible", () => {
    for (const def of allParameters) {
      const range = plausibleRanges[def.key];
      if (!range) continue;
      const limits =
        def.limits.kind === "classes"
          ? [...def.limits.river, ...def.limits.lake]
          : def.limits.kind === "single"
            ? [def.limits.limit]
            : def.limits.kind === "range"
              ? [def.limits.min, def.limits.max]
              : [];
      for (const limit of limits) expect(limit).toBeLessThanOrEqual(range.max);
      if (def.limits.kind === "classes") {
        // Worse than Ⅴ must stay reachable: the range reaches at least twice the class Ⅴ limit.
        const worst = getClassLimit(def, 5, "river");
        if (def.direction === "le" && worst !== undefined)
          expect(range.max).toBeGreaterThanOrEqual(2 * worst);
      }
    }
  });
});

describe("findDuplicateSamples", () => {
  const at = (point: string, date: string, minutes: number | null = null) => ({ point, date, minutes });

  it.each([
    [
      "the same point on the same day without times",
      [at("露塘", "2023-05-01"), at("露塘", "2023-05-01")],
      [[1, 0]],
    ],
    [
      "the same point at the same time",
      [at("露塘", "2023-05-01", 600), at("露塘", "2023-05-01", 600)],
      [[1, 0]],
    ],
    [
      "an automatic station's samples at different times of one day",
      [at("露塘", "2023-05-01", 480), at("露塘", "2023-05-01", 840)],
      [],
    ],
    ["two points on one day", [at("露塘", "2023-05-01"), at("大洲", "2023-05-01")], []],
    ["one point on two days", [at("露塘", "2023-05-01"), at("露塘", "2023-05-02")], []],
    [
      "a third copy, pointing at the first",
      [at("露塘", "2023-05-01"), null, at("露塘", "2023-05-01"), at("露塘", "2023-05-01")],
      [
        [2, 0],
        [3, 0],
      ],
    ],
  ] as const)("finds repeats: %s", (_, rows, expected) => {
    expect([...findDuplicateSamples(rows)]).toEqual(expected);
  });

  it("does not take a sample with a time for a repeat of a sample of the same day without one", () => {
    expect(findDuplicateSamples([at("露塘", "2023-05-01"), at("露塘", "2023-05-01", 600)]).size).toBe(0);
  });
});
