import type { Locale } from "../../../src/core/locale";
import { formatProblem } from "../../../src/core/validation/formatProblem";
import { enUSMessages } from "../../../src/core/validation/messages/en-US";
import { zhCNMessages } from "../../../src/core/validation/messages/zh-CN";
import {
  problem,
  type ProblemParams,
  type ValidationCode,
} from "../../../src/core/validation/validationProblem";
import { formatWaterClass } from "../../../src/core/water-quality/waterClass";

type MessageCode = Exclude<ValidationCode, "measured_value">;

/**
 * The params each rule gives a problem of that code (read from the rules), which its messages must
 * show. Typed as a Record, so that a new code without an entry here fails to compile.
 */
const paramsShown: Readonly<Record<MessageCode, readonly (keyof ProblemParams)[]>> = {
  missing_point: [],
  unknown_point: ["input"],
  missing_sampling_date: [],
  sample_without_values: ["name"],
  flagged_sample_not_counted: ["name"],
  unreadable_sampling_date: ["input"],
  sampling_date_outside_plan_year: ["date", "value"],
  sampling_date_after_as_of: ["date", "actual", "count"],
  duplicate_sample: ["row"],
  // The unit is the parameter's own, in the message's language (tested in checkMonitoringRow).
  implausible_value: ["parameters", "value", "min", "max"],
  sample_out_of_range: ["parameters", "value", "min", "max"],
  unreadable_measured_class: ["input"],
  measured_class_differs: ["waterClass", "otherClass", "count"],
  // The parameters are named where the class meets the target (a source's Table 2 item), as tested in judgePoint.
  point_target_not_met: ["name", "waterClass", "otherClass"],
  point_cannot_judge: ["name", "parameters"],
  point_items_missing: ["name", "count", "missing", "parameters", "waterClass"],
  source_items_not_monitored: ["name", "parameters"],
  point_data_invalid: ["name"],
  unreadable_actual_value: ["input"],
  doubtful_percent_reading: ["value", "actual"],
  missing_base_value: ["value"],
  unreadable_base_value: ["input"],
  base_value_not_positive: ["value", "year"],
  base_value_not_applicable: [],
  reduction_not_applicable: [],
  reduction_entries_disagree: ["value", "actual"],
  indicator_target_missed: ["value", "expected"],
  soft_target_missed: ["value", "expected"],
  indicator_differs_from_survey: ["value", "actual"],
  part_exceeds_whole: ["value", "limit", "name"],
  unknown_task_status: ["input"],
  completed_without_date: [],
  unreadable_completion_date: ["input"],
  completion_date_without_done: ["date"],
  completion_date_after_as_of: ["date", "actual"],
  completion_date_before_plan_year: ["date", "year"],
  completed_after_deadline: ["date", "expected"],
  // `actual` (the as-of day) is the report's own date: the message need not repeat it.
  task_overdue: ["expected", "name"],
  publication_date_not_set: [],
  count_not_whole_number: ["input"],
  traced_exceeds_found: ["value", "limit"],
  remediated_exceeds_found: ["value", "limit"],
  remediated_exceeds_tasks: ["value", "limit"],
  remediation_tasks_exceed_found: ["value", "limit"],
  survey_done_unreadable: ["input"],
  plan_cell_changed: ["expected", "input"],
  // Which words it uses depends on which of input and row are given (tested in validateWorkbook).
  row_not_in_plan: ["name", "input", "row"],
  sheet_missing: ["sheet"],
  plan_sheet_renamed: ["sheet", "name"],
  columns_missing: ["sheet", "name"],
  cells_ignored: ["count", "cell"],
};

const codes = Object.keys(paramsShown) as MessageCode[];

/** A value of every param, each distinct, so that a message's text shows which ones it used. */
const sample = {
  input: "输入值X",
  expected: "期望值Y",
  actual: "实际值Z",
  value: 101,
  limit: 202,
  min: 303,
  max: 404,
  name: "名称N",
  date: "2023-05-06",
  count: 505,
  year: 1999,
  row: 606,
  cell: "K707",
  sheet: "工作表S",
  waterClass: 4,
  otherClass: 2,
  parameters: ["nh3n"],
  missing: ["tp"],
} as const satisfies ProblemParams;

function shownAs(param: keyof ProblemParams, locale: Locale): string {
  if (param === "waterClass" || param === "otherClass") return formatWaterClass(sample[param], locale);
  if (param === "parameters") return locale === "zh-CN" ? "氨氮" : "Ammonia nitrogen";
  if (param === "missing") return locale === "zh-CN" ? "总磷" : "Total phosphorus";
  return String(sample[param as keyof typeof sample]);
}

describe("validation messages", () => {
  const files = { "zh-CN": zhCNMessages, "en-US": enUSMessages } as const;

  it("has a message for every code in both languages, and no other", () => {
    expect(Object.keys(zhCNMessages).sort()).toEqual([...codes].sort());
    expect(Object.keys(enUSMessages).sort()).toEqual([...codes].sort());
  });

  describe.each(["zh-CN", "en-US"] as const)("in %s", (locale) => {
    it.each(codes)("the message of %s shows every param its rule gives", (code) => {
      const message = files[locale][code](sample);
      for (const param of paramsShown[code]) expect(message).toContain(shownAs(param, locale));
      expect(message).not.toMatch(/undefined|NaN|\[object/u);
    });

    it.each(codes)("the message of %s reads without params, never showing 'undefined'", (code) => {
      const message = files[locale][code]({});
      expect(message.trim().length).toBeGreaterThan(0);
      expect(message).not.toMatch(/undefined|NaN|\[object/u);
    });
  });

  it("writes Chinese in zh-CN and English in en-US", () => {
    for (const code of codes) {
      expect(zhCNMessages[code](sample)).toMatch(/\p{Script=Han}/u);
      // English messages quote Chinese input, so compare them without the params' values; the class
      // examples name the Chinese forms on purpose, since English sheets read them too.
      expect(enUSMessages[code]({}).replace(/Ⅲ类|劣Ⅴ类/gu, "")).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describe("formatProblem", () => {
  it("quotes at most 40 characters of what a cell holds, on one line, however long it is", () => {
    const essay = `第一行${"很长的说明".repeat(6_600)}\n第二行`; // 33,000 characters and a line break
    for (const locale of ["zh-CN", "en-US"] as const) {
      const message = formatProblem(problem("unknown_point", "error", "point", { input: essay }), locale);
      expect(message).toContain(`${essay.slice(0, 40)}…`);
      expect(message).not.toContain("\n");
      expect(message.length).toBeLessThan(120);
    }
    const measured = problem("measured_value", "error", "param:nh3n", {
      waterQuality: { code: "unreadable_value", severity: "error", input: "x".repeat(33_000) },
    });
    expect(formatProblem(measured, "en-US")).toContain(`"${"x".repeat(40)}…"`);
  });

  it("quotes a short input whole, and folds its line breaks into spaces", () => {
    const p = problem("unknown_point", "error", "point", { input: "露塘\r\n上游" });
    expect(formatProblem(p, "zh-CN")).toBe("点位“露塘 上游”不是本计划的断面或水源地：请从下拉列表选择。");
    const exactly40 = "a".repeat(40);
    expect(
      formatProblem(problem("unknown_point", "error", "point", { input: exactly40 }), "en-US"),
    ).toContain(`"${exactly40}"`);
  });

  it("words a problem in the user's language", () => {
    const p = problem("missing_sampling_date", "error", "sampledOn");
    expect(formatProblem(p, "zh-CN")).toBe("缺少采样日期。");
    expect(formatProblem(p, "en-US")).toBe("The sampling date is missing.");
  });

  it("words a measured value's problem with the water-quality engine's message", () => {
    const p = problem("measured_value", "error", "param:nh3n", {
      waterQuality: { code: "excel_error_value", severity: "error", input: "#N/A" },
    });
    expect(formatProblem(p, "en-US")).toBe('The cell holds the Excel error "#N/A".');
    expect(formatProblem(p, "zh-CN")).toContain("#N/A");
  });
});
