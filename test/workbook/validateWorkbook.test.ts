import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import type { Plan } from "../../src/core/plan/planSchema";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { CellValue } from "../../src/workbook/layout";
import { addInNoteMarker } from "../../src/workbook/port";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";
import { parseA1 } from "../hosts/memory/memoryHarness";

async function generated(locale: "zh-CN" | "en-US" = "zh-CN"): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await generateWorkbook(book.port, plan, { locale });
  return book;
}

function enter(book: MemoryWorkbook, sheet: string, a1: string, value: CellValue): void {
  const target = book.sheet(sheet);
  if (!target) throw new Error(`no sheet ${sheet}`);
  target.set(...parseA1(a1), value);
}

/** pH, 溶解氧, 高锰酸盐指数 and 总磷 at Ⅰ–Ⅱ on a 监测数据 row: with 氨氮 the five core items a verdict rests on. */
function enterCoreItems(book: MemoryWorkbook, row: number): void {
  for (const [column, value] of [
    ["D", 7.2],
    ["E", 8],
    ["F", 2],
    ["J", 0.02],
  ] as const) {
    enter(book, "监测数据", `${column}${row}`, value);
  }
}

function at(book: MemoryWorkbook, sheet: string, a1: string): CellValue {
  return book.sheet(sheet)?.get(...parseA1(a1)) ?? null;
}

async function validated(book: MemoryWorkbook, asOf = "2023-06-30"): Promise<ValidationReport> {
  const outcome = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.report;
}

/** The issues at one cell, as "code" strings. */
function codesAt(report: ValidationReport, sheet: string, cell: string): string[] {
  return report.issues.filter((i) => i.sheet === sheet && i.cell === cell).map((i) => i.code);
}

const tasks = "附件1 任务清单";
const monitoring = "监测数据";
const indicators = "指标填报";
const survey = "附件6 排查河流";
const national = "附件2 国控断面";

describe("validating 监测数据", () => {
  it("reports an unknown point, an unreadable date, an unreadable value and a pH outside 0–14 at their cells", async () => {
    const book = await generated();
    enter(book, monitoring, "A4", "不存在的断面");
    enter(book, monitoring, "B4", "五月一日");
    enter(book, monitoring, "C4", "abc"); // 水温
    enter(book, monitoring, "D4", 15); // pH
    const report = await validated(book);
    expect(codesAt(report, monitoring, "A4")).toEqual(["unknown_point"]);
    expect(codesAt(report, monitoring, "B4")).toEqual(["unreadable_sampling_date"]);
    expect(codesAt(report, monitoring, "C4")).toEqual(["unreadable_value"]);
    expect(codesAt(report, monitoring, "D4")).toEqual(["implausible_value"]);
    expect(report.issues.find((i) => i.cell === "D4")?.severity).toBe("error");
  });

  it("reads dates as staff type them and tolerates 断面 and full-width forms in point names", async () => {
    const book = await generated();
    const dates: CellValue[] = ["2023.5.1", "2023/5/2", "2023年5月3日", 45054]; // 45054 = 2023-05-07
    dates.forEach((date, i) => {
      enter(book, monitoring, `A${4 + i}`, i === 0 ? "露塘断面" : i === 1 ? "　露塘 " : "露塘");
      enter(book, monitoring, `B${4 + i}`, date);
      enter(book, monitoring, `I${4 + i}`, 0.5); // 氨氮
    });
    const report = await validated(book);
    expect(report.issues.filter((i) => i.sheet === monitoring)).toEqual([]);
    expect(report.points.find((p) => p.name === "露塘")).toMatchObject({ samples: 4, computedClass: "Ⅱ类" });
  });

  it("refuses a date outside the plan year and a repeated sample; a time of day makes samples distinct", async () => {
    const book = await generated();
    enter(book, monitoring, "A4", "露塘");
    enter(book, monitoring, "B4", "2022-12-31");
    enter(book, monitoring, "A5", "露塘");
    enter(book, monitoring, "B5", "2023-05-01");
    enter(book, monitoring, "A6", "露塘");
    enter(book, monitoring, "B6", "2023-05-01");
    enter(book, monitoring, "A7", "露塘");
    enter(book, monitoring, "B7", "2023-05-01 08:00");
    enter(book, monitoring, "A8", "露塘");
    enter(book, monitoring, "B8", "2023-05-01 14:00");
    const report = await validated(book);
    expect(codesAt(report, monitoring, "B4")).toEqual(["sampling_date_outside_plan_year"]);
    expect(codesAt(report, monitoring, "B5")).toEqual([]);
    expect(codesAt(report, monitoring, "B6")).toEqual(["duplicate_sample"]);
    expect(codesAt(report, monitoring, "B7")).toEqual([]);
    expect(codesAt(report, monitoring, "B8")).toEqual([]);
  });

  it("words an implausible value in the English sheet's terms, and a plausible one passes", async () => {
    const book = await generated("en-US");
    const sheet = "Monitoring data";
    enter(book, sheet, "A4", "露塘");
    enter(book, sheet, "B4", "2023-05-01");
    enter(book, sheet, "I4", 500); // 氨氮, mg/L: beyond 200
    enter(book, sheet, "A5", "露塘");
    enter(book, sheet, "B5", "2023-05-02");
    enter(book, sheet, "I5", 0.4);
    const outcome = await validateWorkbook(book.port, plan, { locale: "en-US", asOf: "2023-06-30" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const issues = outcome.report.issues.filter((i) => i.sheet === sheet);
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      [
        "I4",
        "implausible_value",
        "Ammonia nitrogen 500 mg/L is outside the plausible range (0–200): check the value and its unit.",
      ],
    ]);
  });

  it("quotes a 33,000-character cell in its note and the report cut to 40 characters", async () => {
    const book = await generated();
    const essay = "不是断面".repeat(8_250);
    enter(book, monitoring, "A4", essay);
    enter(book, monitoring, "B4", "2023-05-01");
    const report = await validated(book);
    const issue = report.issues.find((i) => i.cell === "A4");
    expect(issue?.message).toBe(`点位“${essay.slice(0, 40)}…”不是本计划的断面或水源地：请从下拉列表选择。`);
    expect(book.sheet(monitoring)?.noteAt(...parseA1("A4"))).toBe(
      `${addInNoteMarker}${issue?.message ?? ""}`,
    );
    expect(at(book, monitoring, "A4")).toBe(essay);
  });

  it("warns once about the samples after the as-of day, at the first, and leaves them out", async () => {
    const book = await generated();
    const dates = ["2023-06-30", "2023-07-03", "2023-07-10", "2023-07-17"];
    dates.forEach((date, i) => {
      enter(book, monitoring, `A${4 + i}`, "露塘");
      enter(book, monitoring, `B${4 + i}`, date);
      enter(book, monitoring, `I${4 + i}`, 0.4);
      enterCoreItems(book, 4 + i);
    });
    const report = await validated(book);
    const late = report.issues.filter((i) => i.code === "sampling_date_after_as_of");
    expect(late.map((i) => [i.cell, i.severity, i.message])).toEqual([
      [
        "B5",
        "warning",
        "本表有 3 个样品的采样日期晚于统计截止日 2023-06-30（第一个在本行，2023-07-03），均不计入本期评价。",
      ],
    ]);
    expect(report.points.find((p) => p.name === "露塘")).toMatchObject({ samples: 1, status: "met" });
    // As of the end of July every sample counts, and nothing is said.
    const july = await validated(book, "2023-07-31");
    expect(july.issues.filter((i) => i.code === "sampling_date_after_as_of")).toEqual([]);
    expect(july.points.find((p) => p.name === "露塘")?.samples).toBe(4);
  });

  it("marks an error in a row after the as-of day, but the row is outside the period: its point is not 数据有误", async () => {
    const book = await generated();
    enter(book, monitoring, "A4", "露塘");
    enter(book, monitoring, "B4", "2023-06-01");
    enter(book, monitoring, "I4", 0.4);
    enterCoreItems(book, 4);
    enter(book, monitoring, "A5", "露塘");
    enter(book, monitoring, "B5", "2023-07-03");
    enter(book, monitoring, "I5", "abc");
    const report = await validated(book);
    expect(codesAt(report, monitoring, "I5")).toEqual(["unreadable_value"]);
    expect(report.points.find((p) => p.name === "露塘")).toMatchObject({ samples: 1, status: "met" });
    expect(at(book, national, "O10")).toBe("达标");
    // Inside the period the same error spoils the point's verdict.
    const july = await validated(book, "2023-07-31");
    expect(july.points.find((p) => p.name === "露塘")?.status).toBe("invalid");
  });

  it("warns where a detection limit is above the target's limit, and an Excel error is an error", async () => {
    const book = await generated();
    enter(book, monitoring, "A4", "露塘"); // target Ⅱ: 氨氮 ≤ 0.5
    enter(book, monitoring, "B4", "2023-05-01");
    enter(book, monitoring, "I4", "0.8L");
    enter(book, monitoring, "J4", "#N/A");
    const report = await validated(book);
    expect(codesAt(report, monitoring, "I4")).toEqual(["detection_limit_above_limit"]);
    expect(report.issues.find((i) => i.cell === "I4")?.severity).toBe("warning");
    expect(codesAt(report, monitoring, "J4")).toEqual(["excel_error_value"]);
  });
});

describe("validating 附件2–5 and judging the points", () => {
  it("fills the computed class, exceedances, samples and attainment from 监测数据", async () => {
    const book = await generated();
    enter(book, monitoring, "A4", "露塘"); // row 10 of 附件2, target Ⅱ
    enter(book, monitoring, "B4", "2023-03-01");
    enterCoreItems(book, 4);
    enter(book, monitoring, "I4", 0.59); // 氨氮: Ⅲ, 0.18 over Ⅱ's 0.5
    const report = await validated(book);
    expect([
      at(book, national, "L10"),
      at(book, national, "M10"),
      at(book, national, "N10"),
      at(book, national, "O10"),
    ]).toEqual(["Ⅲ类（5项）", "氨氮(0.18)", 1, "未达标"]);
    expect(codesAt(report, national, "O10")).toEqual(["point_target_not_met"]);
    expect(report.points.find((p) => p.name === "露塘")).toMatchObject({
      target: "Ⅱ类",
      class: "Ⅲ类",
      status: "not_met",
      exceedances: [{ parameter: "氨氮（NH3-N）", multiple: 0.18 }],
    });
    expect(at(book, national, "O4")).toBe("无数据");
  });

  it("reads entered classes in any form, warns where they differ from the data, and refuses the unreadable", async () => {
    const book = await generated();
    enter(book, national, "K4", "II 类"); // 贝江口
    enter(book, national, "K5", "2类"); // 大洲
    enter(book, national, "K6", "Class II"); // 凤山糖厂
    enter(book, national, "K7", "三级"); // 脚板洲
    enter(book, national, "K10", "Ⅱ类"); // 露塘
    enter(book, monitoring, "A4", "露塘");
    enter(book, monitoring, "B4", "2023-03-01");
    enter(book, monitoring, "I4", 1.2);
    const report = await validated(book);
    expect(codesAt(report, national, "K4")).toEqual([]);
    expect(codesAt(report, national, "K5")).toEqual([]);
    expect(codesAt(report, national, "K6")).toEqual([]);
    expect(codesAt(report, national, "K7")).toEqual(["unreadable_measured_class"]);
    expect(codesAt(report, national, "K10")).toEqual(["measured_class_differs"]);
    expect(report.issues.find((i) => i.cell === "K10")?.message).toContain("Ⅳ类");
    expect(report.points.find((p) => p.name === "贝江口")).toMatchObject({ class: "Ⅱ类", status: "met" });
  });
});

describe("validating 附件1", () => {
  it("reports a status outside the list, 已完成 without a date, late completion and overdue tasks", async () => {
    const book = await generated();
    enter(book, tasks, "L4", "搞定了"); // task 1
    enter(book, tasks, "L5", "已完成"); // task 2, no date
    enter(book, tasks, "L23", "已完成"); // task 20, due 2023-11-30
    enter(book, tasks, "M23", "2023-12-01");
    enter(book, tasks, "L24", "推进中"); // task 21, due at the year's end
    const report = await validated(book, "2023-12-01");
    expect(codesAt(report, tasks, "L4")).toEqual(["unknown_task_status"]);
    expect(codesAt(report, tasks, "M5")).toEqual(["completed_without_date"]);
    expect(codesAt(report, tasks, "M23")).toEqual(["completed_after_deadline"]);
    expect(codesAt(report, tasks, "L24")).toEqual([]);
    const early = await validated(book, "2023-12-21");
    expect(codesAt(early, tasks, "L56")).toEqual(["task_overdue", "task_overdue"]); // task 53: 7月1日 and 12月20日
    expect(at(book, tasks, "O56")).toBe("逾期 1 天\n逾期 173 天（报送水污染防治半年工作总结）");
  });

  it("warns at the completion date's cell about a day after the as-of day or before the plan year", async () => {
    const book = await generated();
    enter(book, tasks, "L4", "已完成"); // task 1
    enter(book, tasks, "M4", "2023-08-15");
    enter(book, tasks, "L5", "已完成"); // task 2
    enter(book, tasks, "M5", "2022-11-30");
    enter(book, tasks, "L6", "已完成"); // task 3
    enter(book, tasks, "M6", "2023-06-15");
    const report = await validated(book);
    expect(codesAt(report, tasks, "M4")).toEqual(["completion_date_after_as_of"]);
    expect(codesAt(report, tasks, "M5")).toEqual(["completion_date_before_plan_year"]);
    expect(codesAt(report, tasks, "M6")).toEqual([]);
    expect(report.issues.find((i) => i.cell === "M4")?.severity).toBe("warning");
  });

  it("warns at the first filled cell of a row it cannot match to the plan, and never at a plan row", async () => {
    const book = await generated();
    enter(book, tasks, "L57", "推进中"); // below the table, 序号 blank
    enter(book, tasks, "N57", "第二行的进展");
    enter(book, tasks, "A58", 54); // a task the plan does not have
    enter(book, tasks, "L58", "已完成");
    enter(book, tasks, "A59", " 5 "); // task 5 again
    enter(book, tasks, "N59", "任务5的另一行");
    enter(book, tasks, "L8", "推进中"); // task 5's own row: fine
    const report = await validated(book);
    const notInPlan = report.issues.filter((i) => i.code === "row_not_in_plan");
    expect(notInPlan.map((i) => [i.cell, i.severity, i.message])).toEqual([
      [
        "L57",
        "warning",
        "本行的“序号”为空，无法与计划中的行对应，本行所填内容不参与校验和汇总：请填写序号，或把内容移到计划中对应的行（合并的单元格只有首行有值）。",
      ],
      [
        "A58",
        "warning",
        "本行的“序号”“54”不在计划中，本行所填内容不参与校验和汇总：请改为计划中的序号，或把内容移到计划中对应的行。",
      ],
      [
        "A59",
        "warning",
        "本行的“序号”“5”与第 8 行重复：只有第 8 行参与校验和汇总，本行所填内容未被采用。请把内容并入第 8 行，或删除本行。",
      ],
    ]);
    // Task 5 is judged from its own row, not the repeat below.
    expect(report.tasks.find((t) => t.number === 5)?.status).toBe("in_progress");
    expect(codesAt(report, tasks, "L8")).toEqual([]);
    expect(book.sheet(tasks)?.formatAt(...parseA1("N57"), "fill")).toBe("#FCE4D6");
  });

  it("warns about a row whose 序号 is blank inside the table (merged over two rows), at its first filled cell", async () => {
    const book = await generated();
    enter(book, tasks, "A5", null); // task 2's 序号, as under a 序号 merged over tasks 1–2
    enter(book, tasks, "L5", "推进中");
    const report = await validated(book);
    expect(report.issues.filter((i) => i.code === "row_not_in_plan").map((i) => i.cell)).toEqual(["B5"]);
    expect(report.tasks.find((t) => t.number === 2)?.status).toBeNull();
  });

  it("words a row it cannot match in English on an English sheet", async () => {
    const book = await generated("en-US");
    enter(book, "A6 Outfall rivers", "E13", 4); // a river typed below the table, without its name
    const outcome = await validateWorkbook(book.port, plan, { locale: "en-US", asOf: "2023-06-30" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(
      outcome.report.issues.filter((i) => i.code === "row_not_in_plan").map((i) => [i.cell, i.message]),
    ).toEqual([
      [
        "E13",
        '"River" of this row is blank, so it matches no row of the plan and what is entered here is not checked or summarised: fill it in, or move the entries to the plan\'s row (merged cells hold their value in the first row only).',
      ],
    ]);
  });

  it("warns once that the publication date is missing, at task 44's due date", async () => {
    const book = await generated();
    const report = await validated(book);
    expect(report.issues.filter((i) => i.code === "publication_date_not_set").map((i) => i.cell)).toEqual([
      "J47",
    ]);
    const dated = await validateWorkbook(book.port, plan, {
      locale: "zh-CN",
      asOf: "2023-06-30",
      publishedOn: "2023-04-10",
    });
    expect(dated.ok && dated.report.tasks.find((t) => t.number === 44)?.deadlines[0]?.date).toBe(
      "2023-05-09",
    );
  });

  it("warns about a plan cell a user changed, naming the plan's text", async () => {
    const book = await generated();
    enter(book, tasks, "F8", "市住建局（已改）");
    const report = await validated(book);
    const issue = report.issues.find((i) => i.cell === "F8");
    expect(issue).toMatchObject({ code: "plan_cell_changed", severity: "warning" });
    expect(issue?.message).toContain("市住房城乡建设局");
  });
});

describe("validating 指标填报 and 附件6", () => {
  it("reads 57%, 57 and 0.57 as 57 % for a % target, warning on the doubtful one", async () => {
    for (const [typed, warned] of [
      ["57%", false],
      [57, false],
      [0.57, true],
    ] as const) {
      const book = await generated();
      enter(book, indicators, "H4", typed); // t5-1 生活污水集中收集率 ≥ 57%
      const report = await validated(book);
      expect(report.indicators[0]).toMatchObject({ actual: 57, status: "met" });
      expect(codesAt(report, indicators, "H4")).toEqual(warned ? ["doubtful_percent_reading"] : []);
    }
  });

  it("refuses a non-numeric actual value and judges a missed target as an error, a missed 力争 target as a warning", async () => {
    const book = await generated();
    const rowOf = (id: string): number => 4 + plan.targets.findIndex((t) => t.id === id);
    enter(book, indicators, "H4", "约五成");
    enter(book, indicators, `H${rowOf("t6-1")}`, 15); // t6-1 力争 19 公里
    enter(book, indicators, `H${rowOf("t27-1")}`, 23); // t27-1 用水总量 ≤ 22.6
    const report = await validated(book);
    expect(codesAt(report, indicators, "H4")).toEqual(["unreadable_actual_value"]);
    expect(report.issues.find((i) => i.cell === `H${rowOf("t6-1")}`)).toMatchObject({
      code: "soft_target_missed",
      severity: "warning",
    });
    expect(report.issues.find((i) => i.cell === `H${rowOf("t27-1")}`)).toMatchObject({
      code: "indicator_target_missed",
      severity: "error",
    });
    expect(at(book, indicators, `M${rowOf("t27-1")}`)).toBe("未达标");
  });

  it("computes task 32's reduction from the year's value and the 2020 base, and refuses a value without its base", async () => {
    const book = await generated();
    const row = 4 + plan.targets.findIndex((t) => t.id === "t32-1");
    const other = 4 + plan.targets.findIndex((t) => t.id === "t32-2");
    enter(book, indicators, `H${row}`, 46.8);
    enter(book, indicators, `I${row}`, 50); // cut 6.4 %
    enter(book, indicators, `H${other}`, 30);
    const report = await validated(book);
    expect(report.indicators.find((i) => i.id === "t32-1")).toMatchObject({ actual: 6.4, status: "met" });
    expect(at(book, indicators, `L${row}`)).toBe(6.4);
    expect(codesAt(report, indicators, `I${other}`)).toEqual(["missing_base_value"]);
    expect(report.indicators.find((i) => i.id === "t32-2")?.status).toBe("invalid");
  });

  it("says a 2020 base of 0 cannot give a reduction, at the base's cell, and judges a positive base", async () => {
    const book = await generated();
    const row = 4 + plan.targets.findIndex((t) => t.id === "t32-1");
    enter(book, indicators, `H${row}`, 46.8);
    enter(book, indicators, `I${row}`, 0);
    const report = await validated(book);
    expect(report.issues.filter((i) => i.cell === `I${row}`).map((i) => [i.code, i.message])).toEqual([
      ["base_value_not_positive", "2020 年基数为 0：无法以 0 为基数计算降幅，请填写 2020 年的实际值。"],
    ]);
    expect(report.indicators.find((i) => i.id === "t32-1")?.status).toBe("invalid");
    enter(book, indicators, `I${row}`, 50);
    const fixed = await validated(book);
    expect(codesAt(fixed, indicators, `I${row}`)).toEqual([]);
    expect(fixed.indicators.find((i) => i.id === "t32-1")?.status).toBe("met");
  });

  it("reads a cut typed as 6.4% (Excel stores 0.064) as 6.4 %, with a warning at the cut's cell", async () => {
    const book = await generated();
    const row = 4 + plan.targets.findIndex((t) => t.id === "t32-1");
    enter(book, indicators, `J${row}`, 0.064);
    const report = await validated(book);
    expect(report.indicators.find((i) => i.id === "t32-1")).toMatchObject({ actual: 6.4, status: "met" });
    expect(codesAt(report, indicators, `J${row}`)).toEqual(["doubtful_percent_reading"]);
    enter(book, indicators, `J${row}`, "6.4%");
    const typedAsText = await validated(book);
    expect(typedAsText.indicators.find((i) => i.id === "t32-1")).toMatchObject({
      actual: 6.4,
      status: "met",
    });
    expect(codesAt(typedAsText, indicators, `J${row}`)).toEqual([]);
  });

  it("checks the survey's counts and computes task 16's shares from them", async () => {
    const book = await generated();
    enter(book, survey, "E4", 10); // found
    enter(book, survey, "F4", 12); // traced > found
    enter(book, survey, "E5", 20);
    enter(book, survey, "F5", 16);
    enter(book, survey, "G5", 10); // remediation tasks
    enter(book, survey, "H5", 3.5);
    const report = await validated(book);
    expect(codesAt(report, survey, "F4")).toEqual(["traced_exceeds_found"]);
    expect(codesAt(report, survey, "H5")).toEqual(["count_not_whole_number"]);
    // Traced 28 of 30 found: 93.33 %.
    expect(report.indicators.find((i) => i.id === "t16-1")?.actual).toBeCloseTo(93.33, 2);
  });

  it("computes task 16's shares by the survey source the plan names, whatever the denominator's label", async () => {
    const relabelled: Plan = {
      ...plan,
      targets: plan.targets.map((t) =>
        t.denominator === null
          ? t
          : { ...t, denominator: { ...t.denominator, zh: "分母", en: "Denominator" } },
      ),
    };
    const book = await generated();
    enter(book, survey, "E4", 20); // found
    enter(book, survey, "F4", 16); // traced: 80 % of found
    enter(book, survey, "G4", 10); // remediation tasks
    enter(book, survey, "H4", 3); // remediated: 30 % of the tasks
    const outcome = await validateWorkbook(book.port, relabelled, { locale: "zh-CN", asOf: "2023-06-30" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const share = (id: string) => outcome.report.indicators.find((i) => i.id === id);
    expect(share("t16-1")).toMatchObject({ actual: 80, status: "met" });
    expect(share("t16-2")).toMatchObject({ actual: 30, status: "met" });
  });

  it("takes a blank survey count for nothing reported yet, not 0, when computing task 16's shares", async () => {
    const book = await generated();
    const share = async (id: string) => (await validated(book)).indicators.find((i) => i.id === id);
    enter(book, survey, "E4", 20); // found; traced and remediation counts still blank
    enter(book, survey, "G4", 10); // remediation tasks; remediated still blank
    expect(await share("t16-1")).toMatchObject({ actual: null, status: "no_data" });
    expect(await share("t16-2")).toMatchObject({ actual: null, status: "no_data" });
    expect(codesAt(await validated(book), indicators, "H15")).toEqual([]);
    enter(book, survey, "F4", 16); // traced: 80 % of found
    enter(book, survey, "E5", 15); // another river found 15 and has not reported what it traced
    expect(await share("t16-1")).toMatchObject({ actual: 80, status: "met" });
  });

  it("leaves a 附件6 row the plan does not have out of the checks and out of task 16's shares, as its warning says", async () => {
    const book = await generated();
    enter(book, survey, "E4", 20); // 柳江: found
    enter(book, survey, "F4", 16); // traced: 80 % of found
    enter(book, survey, "C14", "柳江"); // 柳江 again, below the table
    enter(book, survey, "E14", 20);
    enter(book, survey, "F14", 0);
    enter(book, survey, "E15", 5); // no river named
    enter(book, survey, "F15", 7); // traced > found, on a row that is not checked
    const report = await validated(book);
    const issues = report.issues.filter((i) => i.sheet === survey).map((i) => [i.cell, i.code]);
    expect(issues).toEqual([
      ["C14", "row_not_in_plan"],
      ["E15", "row_not_in_plan"],
    ]);
    expect(report.indicators.find((i) => i.id === "t16-1")).toMatchObject({ actual: 80, status: "met" });
  });
});

describe("marking and the summary", () => {
  it("marks problem cells with a fill and the add-in's note, and clears them when fixed, never changing entries", async () => {
    const book = await generated();
    enter(book, tasks, "L4", "搞定了");
    book.sheet(tasks)?.setNote(...parseA1("N4"), "张三：已核实");
    await validated(book);
    const sheet = book.sheet(tasks);
    expect(sheet?.formatAt(...parseA1("L4"), "fill")).toBe("#FFC7CE");
    expect(sheet?.noteAt(...parseA1("L4"))).toBe(
      `${addInNoteMarker}完成状态“搞定了”不在列表中：请选择未启动、推进中或已完成。`,
    );
    expect(at(book, tasks, "L4")).toBe("搞定了");

    enter(book, tasks, "L4", "推进中");
    await validated(book);
    expect(sheet?.formatAt(...parseA1("L4"), "fill")).toBe("#FFF8DC");
    expect(sheet?.noteAt(...parseA1("L4"))).toBeNull();
    expect(sheet?.noteAt(...parseA1("N4"))).toBe("张三：已核实");
  });

  it("writes 汇总 with the goals, and keeps what a user typed beside its tables", async () => {
    const book = await generated();
    await validated(book);
    const summary = book.sheet("汇总");
    expect(summary?.layout?.tables.map((t) => t.name)).toEqual([
      "WP_SummaryGoals",
      "WP_SummaryPoints",
      "WP_SummaryIndicators",
      "WP_SummaryTasks",
      "WP_SummaryOverdue",
      "WP_SummaryChart",
      "WP_SummaryManual",
      "WP_SummaryWarnings",
      "WP_SummaryMonths",
    ]);
    expect(summary?.get(5, 0)).toBe("全市 10 个国家考核断面水质优良比例达 100%");
    // Right of the class grid's fourteen columns (A–N).
    summary?.set(5, 15, "审核：李四");
    await validated(book);
    expect(book.sheet("汇总")?.get(5, 15)).toBe("审核：李四");
  });

  it("judges a good-water share below 100 % once it is decided, though two sections still lack data", async () => {
    const eighty: Plan = {
      ...plan,
      goals: plan.goals.map((g) =>
        g.judgement.kind === "good_share" ? { ...g, judgement: { ...g.judgement, share: 80 } } : g,
      ),
    };
    const book = await generated();
    for (let row = 4; row <= 11; row += 1) enter(book, national, `K${row}`, "Ⅱ类"); // 8 of the 10 sections
    const judge = async () => {
      const outcome = await validateWorkbook(book.port, eighty, { locale: "zh-CN", asOf: "2023-06-30" });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      return outcome.report.goals.find((g) => g.key === "national_sections");
    };
    expect(await judge()).toMatchObject({
      status: "met",
      actual: "8/10 优良，已评价 8 个中比例 100%（2 个无数据）",
    });
    enter(book, national, "K11", "Ⅳ类"); // 7 good: 70 % to 90 %, still open
    expect((await judge())?.status).toBe("no_data");
  });

  it("never overwrites a sheet named 汇总 that the user made", async () => {
    const book = await generated();
    book.addSheet("汇总").set(0, 0, "我的汇总");
    const outcome = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
    expect(outcome).toEqual({ ok: false, problems: [{ code: "summary_sheet_taken", sheet: "汇总" }] });
    expect(book.sheet("汇总")?.get(0, 0)).toBe("我的汇总");
  });

  it("says a plan sheet was renamed when its table is still in the workbook, naming the name to give back", async () => {
    const book = await generated();
    book.renameSheet(national, "国控断面（已填）");
    const outcome = await validateWorkbook(book.port, plan, { locale: "en-US", asOf: "2023-06-30" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.report.issues.filter((i) => i.cell === "" && i.code !== "cells_ignored")).toEqual([
      {
        sheet: national,
        cell: "",
        severity: "warning",
        code: "plan_sheet_renamed",
        message:
          'The sheet "附件2 国控断面" was not found, but its table WP_NationalSections is still in the workbook on another sheet: rename that sheet back to "附件2 国控断面" so that its entries are checked.',
      },
    ]);
    book.renameSheet("国控断面（已填）", national);
    const back = await validateWorkbook(book.port, plan, { locale: "en-US", asOf: "2023-06-30" });
    expect(back.ok && back.report.issues.filter((i) => i.cell === "")).toEqual([]);
  });

  it("says a workbook without the plan's sheets cannot be validated", async () => {
    const book = new MemoryWorkbook();
    book.addSheet("Sheet1");
    expect(await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf: "2023-06-30" })).toEqual({
      ok: false,
      problems: [{ code: "no_plan_sheets" }],
    });
  });

  it("validates an English workbook, writing English words into it", async () => {
    const book = await generated("en-US");
    enter(book, "A1 Tasks", "L4", "Finished");
    const outcome = await validateWorkbook(book.port, plan, { locale: "en-US", asOf: "2023-12-31" });
    expect(outcome.ok && outcome.report.issues.find((i) => i.cell === "L4")?.message).toBe(
      '"Finished" is not a status: choose Not started, In progress or Done.',
    );
    expect(at(book, "A2 National sections", "O4")).toBe("No data");
    expect(outcome.ok && outcome.summarySheet).toBe("Summary");
  });

  it("reads back after generating again: computed cells are blank until the next validation", async () => {
    const book = await generated();
    await validated(book);
    expect(at(book, national, "O4")).toBe("无数据");
    await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(at(book, national, "O4")).toBeNull();
  });
});
