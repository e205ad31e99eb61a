/*
 * Issue 13, section 1: every verdict as the plan and the standard word it. One describe per bullet,
 * each over a whole workbook validated as the CLI and the pane do.
 */
import { isoDateToSerial } from "../../src/core/excelDate";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { CellValue } from "../../src/workbook/layout";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";
import { parseA1 } from "../hosts/memory/memoryHarness";

const monitoring = "监测数据";
const national = "附件2 国控断面";

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

function at(book: MemoryWorkbook, sheet: string, a1: string): CellValue {
  return book.sheet(sheet)?.get(...parseA1(a1)) ?? null;
}

async function validated(
  book: MemoryWorkbook,
  options: { asOf?: string; locale?: "zh-CN" | "en-US" } = {},
): Promise<ValidationReport> {
  const outcome = await validateWorkbook(book.port, plan, {
    locale: options.locale ?? "zh-CN",
    asOf: options.asOf ?? "2023-06-30",
    summary: true,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.report;
}

/** One sample of a point on a 监测数据 row: columns D pH, E 溶解氧, F 高锰酸盐指数, I 氨氮, J 总磷. */
function sample(
  book: MemoryWorkbook,
  row: number,
  point: string,
  values: Readonly<Partial<Record<"D" | "E" | "F" | "I" | "J", CellValue>>>,
  date = "2023-05-01",
): void {
  // The sheet in the workbook's language.
  const sheet = book.sheet(monitoring) ? monitoring : "Monitoring data";
  enter(book, sheet, `A${row}`, point);
  enter(book, sheet, `B${row}`, date);
  for (const [column, value] of Object.entries(values)) enter(book, sheet, `${column}${row}`, value);
}

/** The five core items, each at Ⅰ–Ⅱ. */
const clean = { D: 7.2, E: 8, F: 2, I: 0.2, J: 0.02 } as const;

/** Every cell of a sheet's row as text, to find what the summary wrote about a point. */
function summaryRow(book: MemoryWorkbook, name: string): string[] {
  const sheet = book.sheet("汇总") ?? book.sheet("Summary");
  if (!sheet) throw new Error("no 汇总");
  for (let r = 0; r < 200; r += 1) {
    if (sheet.get(r, 1) === name) return Array.from({ length: 7 }, (_, c) => String(sheet.get(r, c) ?? ""));
  }
  throw new Error(`${name} not on 汇总`);
}

describe("issue 13: too few items is not Ⅰ类", () => {
  it("does not call a section with one sample holding only pH Ⅰ类 达标 or 优良", async () => {
    const book = await generated();
    sample(book, 4, "露塘", { D: 7.2 });
    const report = await validated(book);
    const point = report.points.find((p) => p.name === "露塘");
    expect(point).toMatchObject({
      status: "cannot_judge",
      items: 1,
      missingCore: ["do", "codmn", "nh3n", "tp"],
    });
    // The warning is at the point's row, naming the missing items.
    const warning = report.issues.find((i) => i.sheet === national && i.cell === "O10");
    expect(warning).toMatchObject({ code: "point_items_missing", severity: "warning" });
    expect(warning?.message).toContain("溶解氧、高锰酸盐指数、氨氮、总磷");
    expect(at(book, national, "O10")).toBe("无法判定");
    expect(at(book, national, "L10")).toBe("Ⅰ类或更差（1项）");
    expect(summaryRow(book, "露塘")[3]).toBe("Ⅰ类或更差（1项）");
  });

  it("calls a point whose measured items already fail 未达标, its class at least that class", async () => {
    const book = await generated("en-US");
    sample(book, 4, "露塘", { I: 1.2 });
    const report = await validated(book, { locale: "en-US" });
    expect(report.points.find((p) => p.name === "露塘")).toMatchObject({
      status: "not_met",
      class: "Ⅳ类",
      items: 1,
    });
    expect(summaryRow(book, "露塘")[3]).toBe("Class IV or worse (1 item)");
  });

  it("says a point with all five core items rests on them, and judges it", async () => {
    const book = await generated();
    sample(book, 4, "露塘", clean);
    const report = await validated(book);
    expect(report.points.find((p) => p.name === "露塘")).toMatchObject({
      status: "met",
      items: 5,
      missingCore: [],
    });
    expect(summaryRow(book, "露塘")[3]).toBe("Ⅱ类（5项）");
  });
});

describe("issue 13: a goal waits while it can still change", () => {
  it("keeps the national goal open while a section cannot be judged, and says so", async () => {
    const book = await generated();
    const names = plan.nationalSections.map((s) => s.name);
    names.forEach((name, i) => {
      sample(book, 4 + i, name, i === 0 ? { D: 7.2 } : clean);
    });
    const report = await validated(book);
    const goal = report.goals.find((g) => g.key === "national_sections");
    expect(goal).toMatchObject({
      status: "cannot_judge",
      figures: { evaluated: 9, passing: 9, undecided: 1 },
    });
    expect(goal?.actual).toContain("1 个无法判定");
    expect(goal?.actual).not.toContain("无数据");
  });
});

describe("issue 13: compare, then round", () => {
  const survey = "附件6 排查河流";
  const indicators = "指标填报";

  it("judges 3,999 of 4,999 outfalls traced (79.996 %) short of ≥ 80 %, and shows the figure that misses", async () => {
    const book = await generated();
    enter(book, survey, "E4", 4999); // found
    enter(book, survey, "F4", 3999); // traced
    const report = await validated(book);
    const traced = report.indicators.find((i) => i.id === "t16-1");
    expect(traced?.status).toBe("not_met");
    expect(traced?.actual).toBeCloseTo(79.99599919983997, 12);
    expect(traced?.shownActual).toBe(79.996);
    expect(at(book, indicators, "L16")).toBe(79.996);
    expect(at(book, indicators, "M16")).toBe("未达标");
    expect(report.issues.find((i) => i.code === "indicator_target_missed")?.message).toBe(
      "实际值 79.996 未达到目标（≥ 80%）。",
    );
  });

  it("shows a value judged with at least the target's decimals (≥ 0.522 shows 0.521, not 0.52)", async () => {
    const book = await generated();
    enter(book, indicators, "H22", 0.5214);
    const report = await validated(book);
    expect(report.indicators.find((i) => i.id === "t31-1")).toMatchObject({
      status: "not_met",
      shownActual: 0.521,
    });
    expect(at(book, indicators, "L22")).toBe(0.521);
  });
});

describe("issue 13: late is late", () => {
  const tasks = "附件1 任务清单";

  it("calls a task done after its deadline 逾期完成: daysLate in the JSON, 附件1's 逾期情况 and 汇总's count", async () => {
    const book = await generated();
    enter(book, tasks, "L23", "已完成"); // task 20, due 2023-11-30
    enter(book, tasks, "M23", "2023-12-10");
    const report = await validated(book, { asOf: "2023-12-15" });
    expect(report.tasks.find((t) => t.number === 20)).toMatchObject({ daysLate: 10, overdue: false });
    expect(at(book, tasks, "O23")).toBe("逾期完成 10 天");
    const summary = book.sheet("汇总");
    const rows = Array.from({ length: 120 }, (_, r) => [summary?.get(r, 0), summary?.get(r, 1)]);
    expect(rows).toContainEqual(["其中：逾期完成", 1]);
  });

  it("puts a missed milestone's days in daysOverdue and in 汇总's overdue list (task 53's half-year report)", async () => {
    const book = await generated();
    const report = await validated(book, { asOf: "2023-07-11" });
    expect(report.tasks.find((t) => t.number === 53)).toMatchObject({
      overdue: true,
      daysOverdue: 10,
      overdueDeadline: { date: "2023-07-01", what: "报送水污染防治半年工作总结" },
    });
    const summary = book.sheet("汇总");
    const listed = Array.from({ length: 200 }, (_, r) => summary?.get(r, 0)).indexOf(53);
    expect(listed).toBeGreaterThan(0);
    expect(summary?.get(listed, 3)).toBe("2023-07-01（报送水污染防治半年工作总结）");
    expect(summary?.get(listed, 4)).toBe(10);
  });

  it("shows task 53's missed half-year report while the task is under way, until its date is entered", async () => {
    const book = await generated();
    expect(at(book, tasks, "P3")).toBe("阶段完成日期");
    enter(book, tasks, "L56", "推进中");
    let report = await validated(book, { asOf: "2023-07-11" });
    expect(report.tasks.find((t) => t.number === 53)).toMatchObject({ overdue: true, daysOverdue: 10 });
    expect(at(book, tasks, "O56")).toBe("逾期 10 天（报送水污染防治半年工作总结）");
    enter(book, tasks, "P56", "2023-06-29");
    report = await validated(book, { asOf: "2023-07-11" });
    expect(report.tasks.find((t) => t.number === 53)).toMatchObject({ overdue: false, daysOverdue: null });
    expect(at(book, tasks, "O56") ?? "").toBe("");
    enter(book, tasks, "P56", "2023-07-03");
    report = await validated(book, { asOf: "2023-07-11" });
    expect(at(book, tasks, "O56")).toBe("逾期完成 2 天（报送水污染防治半年工作总结）");
    expect(report.issues.find((i) => i.cell === "P56")?.code).toBe("completed_after_deadline");
  });
});

describe("issue 13: targets as the plan words them", () => {
  it("gives task 15's half-yearly check two entries, and the lower half decides", async () => {
    const book = await generated();
    expect(at(book, "指标填报", "B14")).toBe("入河排污口抽查比例（上半年）");
    expect(at(book, "指标填报", "B15")).toBe("入河排污口抽查比例（下半年）");
    enter(book, "指标填报", "H14", 12);
    let report = await validated(book);
    // The second half not entered yet: the first judges.
    expect(report.indicators.filter((i) => i.task === 15)).toMatchObject([
      { id: "t15-1", name: "入河排污口抽查比例", actual: 12, status: "met" },
    ]);
    enter(book, "指标填报", "H15", 8);
    report = await validated(book);
    expect(report.indicators.filter((i) => i.task === 15)).toMatchObject([
      { id: "t15-1", actual: 8, status: "not_met" },
    ]);
    expect(at(book, "指标填报", "M14")).toBe("达标");
    expect(at(book, "指标填报", "M15")).toBe("未达标");
    expect(report.issues.find((i) => i.code === "indicator_target_missed")?.cell).toBe("H15");
  });

  it("keeps task 15's value entered in a workbook made before the halves had a row each as the first half's", async () => {
    const book = await generated();
    enter(book, "指标填报", "B14", "入河排污口抽查比例"); // the row's name before
    enter(book, "指标填报", "H14", 12);
    const report = await validated(book);
    expect(report.issues.filter((i) => i.sheet === "指标填报" && i.cell.endsWith("14"))).toEqual([]);
    expect(report.indicators.find((i) => i.id === "t15-1")).toMatchObject({ actual: 12, status: "met" });
    // Generated again: the row is renamed the first half's, its value kept, and no row left over.
    await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(at(book, "指标填报", "B14")).toBe("入河排污口抽查比例（上半年）");
    expect(at(book, "指标填报", "H14")).toBe(12);
    expect(at(book, "指标填报", "B15")).toBe("入河排污口抽查比例（下半年）");
    expect(at(book, "指标填报", "H15")).toBeNull();
  });

  it("puts a target's qualifier or exclusion beside it on 指标填报 (task 5's 3000 m³/d plants, task 9's alternatives)", async () => {
    for (const [locale, sheet] of [
      ["zh-CN", "指标填报"],
      ["en-US", "Indicators"],
    ] as const) {
      const book = await generated(locale);
      expect(at(book, sheet, "C5")).toBe(
        "镇级污水处理厂平均运行负荷率达到63%以上（处理规模为3000m ³ /d及以上的除外）",
      );
      expect(at(book, sheet, "C10")).toBe(
        "督促95%以上规模养殖场配套有畜禽粪污处理设施装备（或配备足够消纳土地，或委托第三方处理利用）",
      );
      // A qualifier the target's words already hold is not said twice.
      expect(at(book, sheet, "C16")).toBe("完成已查明排污口总数的80%溯源");
    }
    // A workbook made before holds the target without it: still the plan's words, no warning.
    const book = await generated();
    enter(book, "指标填报", "C5", "镇级污水处理厂平均运行负荷率达到63%以上");
    const report = await validated(book);
    expect(report.issues.filter((i) => i.code === "plan_cell_changed")).toEqual([]);
  });

  it("names task 15's halves on the English sheet too", async () => {
    const book = await generated("en-US");
    expect(at(book, "Indicators", "B14")).toBe(
      "Share of river outfalls spot-checked (each half year): first half",
    );
    expect(at(book, "Indicators", "B15")).toBe(
      "Share of river outfalls spot-checked (each half year): second half",
    );
  });

  it("calls a part over its whole an error (task 11: national-supervision bodies among those treated)", async () => {
    const book = await generated();
    enter(book, "指标填报", "H11", 2); // t11-1: 新增完成农村黑臭水体治理 ≥ 3
    enter(book, "指标填报", "H12", 3); // t11-2: 其中国家监管的 ≥ 2
    const report = await validated(book);
    const part = report.issues.find((i) => i.cell === "H12");
    expect(part).toMatchObject({ code: "part_exceeds_whole", severity: "error" });
    expect(part?.message).toContain("新增完成农村黑臭水体治理");
    expect(report.indicators.find((i) => i.id === "t11-2")?.status).toBe("invalid");
  });
});

describe("issue 13: pH", () => {
  it("marks a single sample outside 6–9 at its cell even when the period's mean is inside", async () => {
    const book = await generated();
    for (let day = 1; day <= 12; day += 1) {
      const date = `2023-05-${String(day).padStart(2, "0")}`;
      sample(book, 3 + day, "露塘", { ...clean, D: day === 12 ? 4.0 : 7.0 }, date);
    }
    const report = await validated(book);
    // Eleven days at 7.0 and one at 4.0 average 6.75: inside 6–9, the period is Ⅱ类 on its 氨氮.
    expect(report.points.find((p) => p.name === "露塘")).toMatchObject({ class: "Ⅱ类", samples: 12 });
    const marked = report.issues.filter((i) => i.code === "sample_out_of_range");
    expect(marked.map((i) => [i.sheet, i.cell, i.severity])).toEqual([[monitoring, "D15", "warning"]]);
    expect(marked[0]?.message).toContain("pH值为 4，超出 6～9");
  });
});

describe("issue 13: one story per point", () => {
  it("says once how a value below a too-high detection limit counts: the row at ½ DL, the point the verdict", async () => {
    const book = await generated();
    sample(book, 4, "露塘", { ...clean, J: "0.5L" }, "2023-04-01");
    sample(book, 5, "露塘", { ...clean, J: 0.02 }, "2023-05-01");
    sample(book, 6, "露塘", { ...clean, J: "0.5L" }, "2023-06-01");
    const report = await validated(book);
    // (0.25 + 0.02 + 0.25) / 3 = 0.173: Ⅲ类 against Ⅱ类.
    expect(report.points.find((p) => p.name === "露塘")).toMatchObject({ status: "not_met", class: "Ⅲ类" });
    const rows = report.issues.filter((i) => i.code === "detection_limit_above_limit");
    expect(rows.map((i) => i.cell)).toEqual(["J4", "J6"]);
    for (const row of rows) {
      expect(row.message).toContain("时段均值按检出限的一半 0.25 mg/L计入");
      expect(row.message).not.toContain("无法判定是否达到");
    }
    const en = await validated(book, { locale: "en-US" });
    expect(en.issues.find((i) => i.cell === "J4")?.message).toContain(
      "counts it at half the limit, 0.25 mg/L",
    );
  });

  it("reads 项目不全, not 无数据, for a source whose samples hold no evaluation item (only Table 2 items)", async () => {
    const book = await generated();
    enter(book, monitoring, "A4", "柳西水厂(原河西水厂)");
    enter(book, monitoring, "B4", "2023-05-01");
    for (const column of ["AA", "AB", "AC", "AD", "AE"]) enter(book, monitoring, `${column}4`, 0.01); // 硫酸盐 … 锰
    const report = await validated(book);
    const source = report.points.find((p) => p.name === "柳西水厂(原河西水厂)");
    expect(source).toMatchObject({ status: "cannot_judge", samples: 1, items: 0 });
    expect(source?.missingCore).toEqual(["ph", "do", "codmn", "nh3n", "tp"]);
    expect(at(book, "附件4 市级水源", "J4")).toBe("项目不全");
    expect(at(book, "附件4 市级水源", "M4")).toBe("无法判定");
    expect(summaryRow(book, "柳西水厂(原河西水厂)")[3]).toBe("项目不全");
    const warning = report.issues.find((i) => i.sheet === "附件4 市级水源" && i.cell === "M4");
    expect(warning?.code).toBe("point_items_missing");
    expect(warning?.message).toBe(
      "柳西水厂(原河西水厂)的样品不含评价指标，缺少核心项目pH值、溶解氧、高锰酸盐指数、氨氮、总磷，无法判定是否达标。",
    );
  });

  it("dates task 44's deadline cell in 附件1 once a publication date is given, as 汇总 does", async () => {
    const tasks = "附件1 任务清单";
    const book = await generated();
    expect(at(book, tasks, "J47")).toBe("待设置公布日期");
    const outcome = await validateWorkbook(book.port, plan, {
      locale: "zh-CN",
      asOf: "2023-06-30",
      publishedOn: "2023-03-20",
      summary: true,
    });
    if (!outcome.ok) throw new Error("not validated");
    const due = outcome.report.tasks.find((t) => t.number === 44)?.deadlines[0]?.date;
    expect(due).toBe("2023-04-18");
    expect(at(book, tasks, "J47")).toBe(isoDateToSerial("2023-04-18"));
    expect(outcome.report.issues.filter((i) => i.cell === "J47")).toEqual([]);
    // Without the date again: the cell says so, and what it held is no user's change.
    const again = await validated(book);
    expect(at(book, tasks, "J47")).toBe("待设置公布日期");
    expect(again.issues.filter((i) => i.cell === "J47").map((i) => i.code)).toEqual([
      "publication_date_not_set",
    ]);
  });

  it("quotes the cell's own value in doubtful_percent_reading, not a stock example", async () => {
    const book = await generated();
    enter(book, "指标填报", "H7", 0.41); // t8-1: 主要农作物肥料利用率 ≥ 41%
    const report = await validated(book);
    const doubtful = report.issues.find((i) => i.code === "doubtful_percent_reading");
    expect(doubtful?.message).toBe(
      "单元格中的 0.41 按百分比读作 41%（Excel 将输入的“41%”存为 0.41）；如实际为 0.41%，请填写“0.41%”。",
    );
    expect(doubtful?.message).not.toContain("57%");
  });
});

describe("issue 13: no target silently unjudged", () => {
  it("lists task 18's monthly frequency and task 16's survey on 汇总 and in the report as needing a person", async () => {
    const book = await generated();
    const report = await validated(book);
    expect(report.manualChecks).toEqual([
      { task: 16, text: "完成柳江流域重要干支流（入河排污口排查重要干支流清单见附件6）入河排污口排查" },
      { task: 18, text: "监测频次为每月1次" },
    ]);
    const summary = book.sheet("汇总");
    const rows = Array.from({ length: 200 }, (_, r) => [
      summary?.get(r, 0),
      summary?.get(r, 1),
      summary?.get(r, 2),
    ]);
    expect(rows).toContainEqual([18, "监测频次为每月1次", "需人工判定"]);
    expect(summary?.layout?.tables.map((t) => t.name)).toContain("WP_SummaryManual");
  });
});
