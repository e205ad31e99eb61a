import { Workbook } from "exceljs";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { zhCNMessages as validationMessages } from "../../src/core/validation/messages/zh-CN";
import type { Severity, ValidationCode } from "../../src/core/validation/validationProblem";
import { zhCNMessages as waterQualityMessages } from "../../src/core/water-quality/messages/zh-CN";
import type { WaterQualityIssueCode } from "../../src/core/water-quality/waterQualityIssue";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { CellValue } from "../../src/workbook/layout";
import { validateWorkbook, type ValidateOptions } from "../../src/workbook/validate/validateWorkbook";
import type { ReportIssue, ValidationReport } from "../../src/workbook/validate/validationReport";
import { parseA1 } from "../hosts/memory/memoryHarness";

/*
 * "Every rule has a test with a bad value, a good value and the cell address it reports", checked in
 * one place: for every code validation reports, a generated workbook (memory host) gets one bad
 * value, is validated, and the issue must stand at exactly the expected sheet and cell with its
 * severity; then the good value is entered over it and the code must be gone. The last test fails
 * when a code has neither a case here nor an exclusion that names where it is tested.
 */

// Validation over the whole plan, a few times per case: more than Jest's default five seconds.
jest.setTimeout(60_000);

type Code = ReportIssue["code"];

const tasks = "附件1 任务清单";
const national = "附件2 国控断面";
const regional = "附件3 区控断面";
const municipalSources = "附件4 市级水源";
const survey = "附件6 排查河流";
const monitoring = "监测数据";
const indicators = "指标填报";

/** A cell entered as a user would ([sheet, A1, value]), or any other change to the workbook. */
type Step =
  readonly [sheet: string, a1: string, value: CellValue] | ((book: MemoryWorkbook) => void | Promise<void>);

interface RuleCase {
  readonly code: Code;
  readonly severity: Severity;
  /** Where the issue must be reported: the sheet and the A1 cell ("" for a sheet as a whole). */
  readonly at: readonly [sheet: string, cell: string];
  /** Entries that set the scene, neither bad nor good (a sample's point and date, a count it is compared with). */
  readonly given?: readonly Step[];
  /** The bad value. */
  readonly bad: readonly Step[];
  /** The good value, entered over the bad one. */
  readonly good: readonly Step[];
  /** The as-of day (default 2023-06-30). */
  readonly asOf?: string;
  /** Options the good run is validated with instead of a cell (the publication date is a setting). */
  readonly goodOptions?: Partial<ValidateOptions>;
}

/** The sheet row of an indicator of 指标填报 by its id (t32-1: 2023's water use per 10,000 yuan of GDP). */
const rowOf = (id: string): number => {
  const index = plan.targets.findIndex((t) => t.id === id);
  if (index < 0) throw new Error(`no target ${id}`);
  return 4 + index;
};

/** A sample of 露塘 (row 10 of 附件2, target Ⅱ: 氨氮 ≤ 0.5) on 1 May in row 4 of 监测数据. */
/** pH, 溶解氧, 高锰酸盐指数 and 总磷 at Ⅰ–Ⅱ on row 4: with 氨氮 (I4) the five core items a verdict rests on. */
const coreItemsRow4: readonly Step[] = [
  [monitoring, "D4", 7.2],
  [monitoring, "E4", 8],
  [monitoring, "F4", 2],
  [monitoring, "J4", 0.02],
];

const luTang: readonly Step[] = [
  [monitoring, "A4", "露塘"],
  [monitoring, "B4", "2023-05-01"],
  ...coreItemsRow4,
];

/** Generating again restores a missing plan sheet and keeps what was entered. */
const regenerate: Step = async (book) => {
  const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
};

const cases: readonly RuleCase[] = [
  // 监测数据: columns A 点位名称, B 采样日期, C 水温, D pH, I 氨氮, AA–AE Table 2's items.
  {
    code: "missing_point",
    severity: "error",
    at: [monitoring, "A4"],
    given: [[monitoring, "B4", "2023-05-01"]],
    bad: [[monitoring, "A4", null]],
    good: [[monitoring, "A4", "露塘"]],
  },
  {
    code: "unknown_point",
    severity: "error",
    at: [monitoring, "A4"],
    given: [[monitoring, "B4", "2023-05-01"]],
    bad: [[monitoring, "A4", "不存在的断面"]],
    good: [[monitoring, "A4", "露塘断面"]],
  },
  {
    code: "missing_sampling_date",
    severity: "error",
    at: [monitoring, "B4"],
    given: [[monitoring, "A4", "露塘"]],
    bad: [[monitoring, "B4", null]],
    good: [[monitoring, "B4", "2023-05-01"]],
  },
  {
    code: "sample_without_values",
    severity: "warning",
    at: [monitoring, "A4"],
    given: [
      [monitoring, "A4", "露塘"],
      [monitoring, "B4", "2023-05-01"],
    ],
    bad: [],
    good: [[monitoring, "E4", "0.01L"]],
  },
  {
    code: "flagged_sample_not_counted",
    severity: "warning",
    at: [monitoring, "AF4"],
    given: [...luTang],
    bad: [[monitoring, "AF4", "【未计入】站点情况：维护"]],
    good: [[monitoring, "AF4", "站点情况：维护，已人工复核"]],
  },
  {
    code: "unreadable_sampling_date",
    severity: "error",
    at: [monitoring, "B4"],
    given: [[monitoring, "A4", "露塘"]],
    bad: [[monitoring, "B4", "五月一日"]],
    good: [[monitoring, "B4", "2023年5月1日"]],
  },
  {
    code: "sampling_date_outside_plan_year",
    severity: "error",
    at: [monitoring, "B4"],
    given: [[monitoring, "A4", "露塘"]],
    bad: [[monitoring, "B4", "2022-12-31"]],
    good: [[monitoring, "B4", "2023-01-01"]],
  },
  {
    code: "sampling_date_after_as_of",
    severity: "warning",
    at: [monitoring, "B4"],
    given: [[monitoring, "A4", "露塘"]],
    bad: [[monitoring, "B4", "2023-07-01"]],
    good: [[monitoring, "B4", "2023-06-30"]],
  },
  {
    code: "duplicate_sample",
    severity: "error",
    at: [monitoring, "B5"],
    given: [...luTang, [monitoring, "A5", "露塘"]],
    bad: [[monitoring, "B5", "2023-05-01"]],
    good: [[monitoring, "B5", "2023-05-01 14:00"]],
  },
  {
    code: "implausible_value",
    severity: "error",
    at: [monitoring, "D4"],
    given: luTang,
    bad: [[monitoring, "D4", 15]],
    good: [[monitoring, "D4", 14]],
  },
  {
    code: "sample_out_of_range",
    severity: "warning",
    at: [monitoring, "D4"],
    given: luTang,
    bad: [[monitoring, "D4", 4]],
    good: [[monitoring, "D4", 6]],
  },
  // The water-quality engine's codes for a measured value (the report gives them instead of measured_value).
  {
    code: "unreadable_value",
    severity: "error",
    at: [monitoring, "I4"],
    given: luTang,
    bad: [[monitoring, "I4", "0.5mg/L"]],
    good: [[monitoring, "I4", "0.5"]],
  },
  {
    code: "negative_value",
    severity: "error",
    at: [monitoring, "I4"],
    given: luTang,
    bad: [[monitoring, "I4", -0.5]],
    good: [[monitoring, "I4", 0]],
  },
  {
    code: "non_finite_value",
    severity: "error",
    at: [monitoring, "I4"],
    given: luTang,
    bad: [[monitoring, "I4", "1e999"]],
    good: [[monitoring, "I4", "1e-1"]],
  },
  {
    code: "boolean_value",
    severity: "error",
    at: [monitoring, "I4"],
    given: luTang,
    bad: [[monitoring, "I4", true]],
    good: [[monitoring, "I4", 0.4]],
  },
  {
    code: "excel_error_value",
    severity: "error",
    at: [monitoring, "I4"],
    given: luTang,
    bad: [[monitoring, "I4", "#DIV/0!"]],
    good: [[monitoring, "I4", 0.4]],
  },
  {
    code: "invalid_detection_limit",
    severity: "error",
    at: [monitoring, "I4"],
    given: luTang,
    bad: [[monitoring, "I4", "0L"]],
    good: [[monitoring, "I4", "0.025L"]],
  },
  {
    code: "detection_limit_above_limit",
    severity: "warning",
    at: [monitoring, "I4"],
    given: luTang,
    bad: [[monitoring, "I4", "0.8L"]],
    good: [[monitoring, "I4", "0.5L"]],
  },

  // 附件2–5: K 实测水质类别 and O 是否达标 on 附件2 (row 4 贝江口, row 10 露塘, targets Ⅱ).
  {
    code: "unreadable_measured_class",
    severity: "error",
    at: [national, "K4"],
    bad: [[national, "K4", "三级"]],
    good: [[national, "K4", "II 类"]],
  },
  {
    code: "measured_class_differs",
    severity: "warning",
    at: [national, "K10"],
    given: [...luTang, [monitoring, "I4", 1.2]], // 氨氮 1.2: Ⅳ类
    bad: [[national, "K10", "Ⅱ类"]],
    good: [[national, "K10", "Ⅳ类"]],
  },
  {
    code: "point_target_not_met",
    severity: "error",
    at: [national, "O4"],
    bad: [[national, "K4", "Ⅲ类"]],
    good: [[national, "K4", "Ⅱ类"]],
  },
  {
    code: "point_target_not_met",
    severity: "error",
    at: [national, "O10"],
    given: luTang,
    bad: [[monitoring, "I4", 0.59]],
    good: [[monitoring, "I4", 0.5]],
  },
  {
    code: "point_target_not_met",
    severity: "error",
    at: [regional, "P4"], // 浮石, target Ⅱ
    bad: [[regional, "L4", "Ⅳ类"]],
    good: [[regional, "L4", "Ⅰ类"]],
  },
  {
    code: "point_cannot_judge",
    severity: "warning",
    at: [national, "O10"],
    given: luTang,
    bad: [[monitoring, "I4", "0.8L"]],
    good: [[monitoring, "I4", "0.4"]],
  },
  {
    code: "source_items_not_monitored",
    severity: "warning",
    at: [municipalSources, "M5"], // 城中水厂: Ⅲ and GB 3838-2002 Table 2
    given: [
      [monitoring, "A4", "城中水厂"],
      [monitoring, "B4", "2023-05-01"],
      ...coreItemsRow4,
      [monitoring, "I4", 0.3],
      [monitoring, "AA4", 100], // 硫酸盐 ≤ 250
      [monitoring, "AB4", 100], // 氯化物 ≤ 250
      [monitoring, "AC4", 5], // 硝酸盐 ≤ 10
      [monitoring, "AD4", 0.1], // 铁 ≤ 0.3
    ],
    bad: [[monitoring, "AE4", "—"]], // 锰 not monitored
    good: [[monitoring, "AE4", 0.05]], // 锰 ≤ 0.1
  },
  {
    code: "point_items_missing",
    severity: "warning",
    at: [national, "O10"],
    given: [...luTang, [monitoring, "I4", 0.4]],
    bad: [[monitoring, "J4", ""]], // 总磷, a core item, not monitored
    good: [[monitoring, "J4", 0.02]],
  },
  {
    code: "point_data_invalid",
    severity: "warning",
    at: [national, "O10"],
    given: luTang,
    bad: [[monitoring, "I4", "abc"]],
    good: [[monitoring, "I4", 0.4]],
  },

  // 指标填报: H 实际值, I 2020年基数, J 或直接填降幅(%).
  {
    code: "unreadable_actual_value",
    severity: "error",
    at: [indicators, "H4"], // t5-1 ≥ 57%
    bad: [[indicators, "H4", "约五成"]],
    good: [[indicators, "H4", "57%"]],
  },
  {
    code: "unreadable_actual_value",
    severity: "error",
    at: [indicators, `J${rowOf("t32-1")}`], // a cut that is no number
    bad: [[indicators, `J${rowOf("t32-1")}`, "六点四"]],
    good: [[indicators, `J${rowOf("t32-1")}`, "6.4%"]],
  },
  {
    code: "doubtful_percent_reading",
    severity: "warning",
    at: [indicators, "H4"],
    bad: [[indicators, "H4", 0.57]],
    good: [[indicators, "H4", 57]],
  },
  {
    code: "missing_base_value",
    severity: "error",
    at: [indicators, `I${rowOf("t32-1")}`],
    given: [[indicators, `H${rowOf("t32-1")}`, 46.8]],
    bad: [[indicators, `I${rowOf("t32-1")}`, null]],
    good: [[indicators, `I${rowOf("t32-1")}`, 50]],
  },
  {
    code: "unreadable_base_value",
    severity: "error",
    at: [indicators, `I${rowOf("t32-1")}`],
    given: [[indicators, `H${rowOf("t32-1")}`, 46.8]],
    bad: [[indicators, `I${rowOf("t32-1")}`, "五十"]],
    good: [[indicators, `I${rowOf("t32-1")}`, "50"]],
  },
  {
    code: "base_value_not_positive",
    severity: "error",
    at: [indicators, `I${rowOf("t32-1")}`],
    given: [[indicators, `H${rowOf("t32-1")}`, 46.8]],
    bad: [[indicators, `I${rowOf("t32-1")}`, -50]],
    good: [[indicators, `I${rowOf("t32-1")}`, 50]],
  },
  {
    code: "base_value_not_applicable",
    severity: "warning",
    at: [indicators, "I4"], // t5-1 is a level, not a cut: its base cell takes nothing
    given: [[indicators, "H4", 57]],
    bad: [[indicators, "I4", 50]],
    good: [[indicators, "I4", null]],
  },
  {
    code: "reduction_not_applicable",
    severity: "warning",
    at: [indicators, "J4"],
    given: [[indicators, "H4", 57]],
    bad: [[indicators, "J4", 5]],
    good: [[indicators, "J4", null]],
  },
  {
    code: "reduction_entries_disagree",
    severity: "warning",
    at: [indicators, `J${rowOf("t32-1")}`],
    given: [
      [indicators, `H${rowOf("t32-1")}`, 46.8],
      [indicators, `I${rowOf("t32-1")}`, 50], // cut 6.4 %
    ],
    bad: [[indicators, `J${rowOf("t32-1")}`, 10]],
    good: [[indicators, `J${rowOf("t32-1")}`, 6.4]],
  },
  {
    code: "part_exceeds_whole",
    severity: "error",
    at: [indicators, `H${rowOf("t11-2")}`], // 其中国家监管的 (part of 新增完成农村黑臭水体治理)
    given: [[indicators, `H${rowOf("t11-1")}`, 3]],
    bad: [[indicators, `H${rowOf("t11-2")}`, 4]],
    good: [[indicators, `H${rowOf("t11-2")}`, 2]],
  },
  {
    code: "indicator_target_missed",
    severity: "error",
    at: [indicators, `H${rowOf("t27-1")}`], // 用水总量 ≤ 22.6 亿立方米
    bad: [[indicators, `H${rowOf("t27-1")}`, 23]],
    good: [[indicators, `H${rowOf("t27-1")}`, 22.6]],
  },
  {
    code: "indicator_target_missed",
    severity: "error",
    at: [indicators, `J${rowOf("t32-1")}`], // a cut ≥ 6.4 %, reported at the cut's cell
    bad: [[indicators, `J${rowOf("t32-1")}`, "5%"]],
    good: [[indicators, `J${rowOf("t32-1")}`, "6.4%"]],
  },
  {
    code: "soft_target_missed",
    severity: "warning",
    at: [indicators, `H${rowOf("t6-1")}`], // 力争 ≥ 19 公里
    bad: [[indicators, `H${rowOf("t6-1")}`, 15]],
    good: [[indicators, `H${rowOf("t6-1")}`, 19]],
  },
  {
    code: "indicator_differs_from_survey",
    severity: "warning",
    at: [indicators, `H${rowOf("t16-1")}`], // traced ÷ found, from 附件6
    given: [
      [survey, "E4", 20],
      [survey, "F4", 17], // 85 %
    ],
    bad: [[indicators, `H${rowOf("t16-1")}`, 95]],
    good: [[indicators, `H${rowOf("t16-1")}`, 85]],
  },

  // 附件1: J 截止日期, L 完成状态, M 完成日期 (row 4 task 1, due 2023-12-31).
  {
    code: "unknown_task_status",
    severity: "error",
    at: [tasks, "L4"],
    bad: [[tasks, "L4", "搞定了"]],
    good: [[tasks, "L4", "In progress"]],
  },
  {
    code: "completed_without_date",
    severity: "error",
    at: [tasks, "M4"],
    given: [[tasks, "L4", "已完成"]],
    bad: [[tasks, "M4", null]],
    good: [[tasks, "M4", "2023-06-15"]],
  },
  {
    code: "unreadable_completion_date",
    severity: "error",
    at: [tasks, "M4"],
    given: [[tasks, "L4", "已完成"]],
    bad: [[tasks, "M4", "六月中"]],
    good: [[tasks, "M4", "2023/6/15"]],
  },
  {
    code: "completion_date_without_done",
    severity: "warning",
    at: [tasks, "L4"],
    given: [[tasks, "M4", "2023-06-15"]],
    bad: [[tasks, "L4", "推进中"]],
    good: [[tasks, "L4", "已完成"]],
  },
  {
    code: "completion_date_after_as_of",
    severity: "warning",
    at: [tasks, "M4"],
    given: [[tasks, "L4", "已完成"]],
    bad: [[tasks, "M4", "2023-07-01"]],
    good: [[tasks, "M4", "2023-06-30"]],
  },
  {
    code: "completion_date_before_plan_year",
    severity: "warning",
    at: [tasks, "M4"],
    given: [[tasks, "L4", "已完成"]],
    bad: [[tasks, "M4", "2022-12-31"]],
    good: [[tasks, "M4", "2023-01-01"]],
  },
  {
    code: "completed_after_deadline",
    severity: "warning",
    at: [tasks, "M23"], // task 20, due 2023-11-30
    given: [[tasks, "L23", "已完成"]],
    bad: [[tasks, "M23", "2023-12-01"]],
    good: [[tasks, "M23", "2023-11-30"]],
    asOf: "2023-12-01",
  },
  {
    code: "task_overdue",
    severity: "warning",
    at: [tasks, "L56"], // task 53: its milestone 半年工作总结 was due 7月1日
    bad: [[tasks, "L56", "推进中"]],
    // The report sent: its 阶段完成日期 closes the milestone.
    good: [
      [tasks, "L56", "推进中"],
      [tasks, "P56", "2023-06-30"],
    ],
    asOf: "2023-07-02",
  },
  {
    code: "publication_date_not_set",
    severity: "warning",
    at: [tasks, "J47"], // task 44: 公布后20个工作日内
    bad: [],
    good: [],
    goodOptions: { publishedOn: "2023-04-10" },
  },

  // 附件6: D 排查完成, E 排污口数量, F 已溯源数, G 整治任务数, H 已整治数 (row 4 柳江).
  {
    code: "count_not_whole_number",
    severity: "error",
    at: [survey, "E4"],
    bad: [[survey, "E4", 3.5]],
    good: [[survey, "E4", "3"]],
  },
  {
    code: "traced_exceeds_found",
    severity: "error",
    at: [survey, "F4"],
    given: [[survey, "E4", 10]],
    bad: [[survey, "F4", 11]],
    good: [[survey, "F4", 10]],
  },
  {
    code: "remediation_tasks_exceed_found",
    severity: "error",
    at: [survey, "G4"],
    given: [[survey, "E4", 10]],
    bad: [[survey, "G4", 11]],
    good: [[survey, "G4", 10]],
  },
  {
    code: "remediated_exceeds_tasks",
    severity: "error",
    at: [survey, "H4"],
    given: [
      [survey, "E4", 10],
      [survey, "G4", 4],
    ],
    bad: [[survey, "H4", 5]],
    good: [[survey, "H4", 4]],
  },
  {
    code: "remediated_exceeds_found",
    severity: "error",
    at: [survey, "H4"],
    given: [[survey, "E4", 10]],
    bad: [[survey, "H4", 11]],
    good: [[survey, "H4", 10]],
  },
  {
    code: "survey_done_unreadable",
    severity: "error",
    at: [survey, "D4"],
    bad: [[survey, "D4", "也许"]],
    good: [[survey, "D4", "是"]],
  },

  // Any sheet.
  {
    code: "plan_cell_changed",
    severity: "warning",
    at: [tasks, "F8"], // task 5's 牵头单位
    bad: [[tasks, "F8", "市住建局（已改）"]],
    good: [[tasks, "F8", "市住房城乡建设局"]],
  },
  {
    code: "row_not_in_plan",
    severity: "warning",
    at: [tasks, "A8"], // task 5's 序号 typed as a task the plan does not have
    bad: [[tasks, "A8", 54]],
    good: [[tasks, "A8", 5]],
  },
  {
    code: "row_not_in_plan",
    severity: "warning",
    at: [tasks, "B5"], // task 2's 序号 blanked, as under a 序号 merged over tasks 1–2: at the first filled cell
    given: [[tasks, "L5", "推进中"]],
    bad: [[tasks, "A5", null]],
    good: [[tasks, "A5", 2]],
  },
  {
    code: "sheet_missing",
    severity: "warning",
    at: [regional, ""],
    bad: [
      (book) => {
        book.removeSheet(regional);
      },
    ],
    good: [regenerate],
  },
  {
    code: "plan_sheet_renamed",
    severity: "warning",
    at: [national, ""],
    bad: [
      (book) => {
        book.renameSheet(national, "国控断面（已填）");
      },
    ],
    good: [
      (book) => {
        book.renameSheet("国控断面（已填）", national);
      },
    ],
  },
  {
    code: "columns_missing",
    severity: "warning",
    at: [national, ""],
    bad: [[national, "O3", null]], // the header 是否达标 deleted
    good: [[national, "O3", "是否达标"]],
  },
];

/**
 * Codes no single cell of a workbook in the memory host can give, each with where it IS tested
 * with a bad value, a good value and its address.
 */
const excluded: Readonly<Partial<Record<Code, string>>> = {
  // A rule's wrapper for the engine's problem with a measured value: the report always names the
  // engine's code (unreadable_value, …, all cases above) instead.
  measured_value: "test/core/validation/checkMonitoringRow.test.ts (the engine's codes at param: fields)",
  // A cell holds a string, number, boolean or nothing (CellValue): no other type reaches the parser.
  unsupported_value_type:
    "test/core/water-quality/parseMeasuredValue.test.ts ('refuses %p with %s rather than guessing')",
  // The memory host reads every cell; only the xlsx and Office hosts leave far cells unread.
  cells_ignored:
    "test/workbook/ruleCoverage.test.ts ('reports cells_ignored at the first stray cell …', xlsx host)",
  // The engine's header and class codes belong to `water-plan classify` (other programs' sheets): the
  // add-in's own sheets have fixed headers, and validation reads classes itself
  // (unreadable_measured_class above).
  empty_header: "test/core/water-quality/resolveParameterHeader.test.ts",
  unknown_parameter: "test/core/water-quality/resolveParameterHeader.test.ts",
  unknown_unit: "test/core/water-quality/resolveParameterHeader.test.ts",
  unit_not_applicable: "test/core/water-quality/resolveParameterHeader.test.ts",
  empty_class: "test/core/water-quality/waterClass.test.ts",
  unreadable_class: "test/core/water-quality/waterClass.test.ts",
  unreadable_target: "test/core/water-quality/waterClass.test.ts",
  // Period judgement warnings: validation reports them as the point's own codes at its 是否达标
  // (point_cannot_judge, source_items_not_monitored above).
  unknown_detection_limit: "test/core/water-quality/classifySample.test.ts; reported as point_cannot_judge",
  supplementary_not_monitored:
    "test/core/validation/judgePoint.test.ts; reported as source_items_not_monitored",
};

function step(book: MemoryWorkbook, s: Step): void | Promise<void> {
  if (typeof s === "function") return s(book);
  const [sheet, a1, value] = s;
  const target = book.sheet(sheet);
  if (!target) throw new Error(`no sheet ${sheet}`);
  target.set(...parseA1(a1), value);
}

async function apply(book: MemoryWorkbook, steps: readonly Step[]): Promise<void> {
  for (const s of steps) await step(book, s);
}

async function validated(
  book: MemoryWorkbook,
  asOf: string,
  extra: Partial<ValidateOptions> = {},
): Promise<ValidationReport> {
  const outcome = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf, ...extra });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.report;
}

/** Where a code was reported: [sheet, cell, severity]. */
const placesOf = (report: ValidationReport, code: Code): [string, string, string][] =>
  report.issues.filter((i) => i.code === code).map((i) => [i.sheet, i.cell, i.severity]);

describe("every rule: a bad value reported at its cell, a good value not reported", () => {
  it.each(cases.map((c) => [`${c.code} at ${c.at[0]}!${c.at[1] || "(sheet)"}`, c] as const))(
    "%s",
    async (_, c) => {
      const book = new MemoryWorkbook();
      await generateWorkbook(book.port, plan, { locale: "zh-CN" });
      const asOf = c.asOf ?? "2023-06-30";
      await apply(book, c.given ?? []);
      await apply(book, c.bad);
      const bad = await validated(book, asOf);
      expect(placesOf(bad, c.code)).toEqual([[c.at[0], c.at[1], c.severity]]);

      await apply(book, c.good);
      const good = await validated(book, asOf, c.goodOptions);
      expect(placesOf(good, c.code)).toEqual([]);
    },
  );
});

describe("a code only a host that bounds its reads gives", () => {
  /** The generated plan as a file, with `stray` typed far below 附件1's table (or nothing). */
  async function generatedFile(stray: CellValue): Promise<XlsxWorkbook> {
    const generatedBook = XlsxWorkbook.create();
    await generateWorkbook(generatedBook.port, plan, { locale: "zh-CN" });
    const workbook = new Workbook();
    await workbook.xlsx.load((await generatedBook.toBuffer()) as never);
    workbook.getWorksheet(tasks)!.getCell("A300000").value = stray;
    return XlsxWorkbook.fromBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));
  }

  it("reports cells_ignored at the first stray cell far outside the tables, and nothing once it is cleared", async () => {
    const bad = await validateWorkbook((await generatedFile("误输入")).port, plan, {
      locale: "zh-CN",
      asOf: "2023-06-30",
    });
    if (!bad.ok) throw new Error(JSON.stringify(bad.problems));
    expect(placesOf(bad.report, "cells_ignored")).toEqual([[tasks, "A300000", "warning"]]);

    const good = await validateWorkbook((await generatedFile(null)).port, plan, {
      locale: "zh-CN",
      asOf: "2023-06-30",
    });
    if (!good.ok) throw new Error(JSON.stringify(good.problems));
    expect(placesOf(good.report, "cells_ignored")).toEqual([]);
  });
});

describe("the table covers every code", () => {
  /** Every code a report can carry: validation's, and the water-quality engine's. */
  const allCodes: Code[] = [
    ...(Object.keys(validationMessages) as ValidationCode[]),
    "measured_value", // the one code without a message of its own
    ...(Object.keys(waterQualityMessages) as WaterQualityIssueCode[]),
  ];

  it("has a case or a reasoned exclusion for every code, and nothing else", () => {
    const covered = new Set<Code>([...cases.map((c) => c.code), ...(Object.keys(excluded) as Code[])]);
    expect([...covered].sort()).toEqual([...new Set(allCodes)].sort());
  });

  it("never both tests and excludes a code", () => {
    expect(cases.map((c) => c.code).filter((code) => code in excluded)).toEqual([]);
  });
});
