import type { Locale } from "../../src/core/locale";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { runExampleWorkflow } from "../../src/workbook/exampleWorkbook";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";
import { workbookSpec } from "../../src/workbook/workbookSpec";

jest.setTimeout(60_000);

/** The demo's workflow (`npm run demo`, `npm run demo -- --lang en`) in one language. */
async function demoReport(locale: Locale): Promise<ValidationReport> {
  const outcome = await runExampleWorkflow(new MemoryWorkbook().port, plan, locale);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.report;
}

/** A sheet's key whatever its language ("指标填报" and "Indicators" are both "indicators"). */
const sheetKeys = new Map(
  workbookSpec(plan).flatMap((s) => [
    [s.name["zh-CN"], s.key],
    [s.name["en-US"], s.key],
  ]),
);

/** What a verdict is, without the words it is said in. */
function verdicts(report: ValidationReport) {
  return {
    counts: report.counts,
    issues: report.issues.map(
      (i) => `${sheetKeys.get(i.sheet) ?? i.sheet}!${i.cell} ${i.severity} ${i.code}`,
    ),
    points: report.points.map((p) => [p.name, p.class, p.samples, p.status, p.exceedances]),
    indicators: report.indicators.map((i) => [i.id, i.actual, i.status]),
    tasks: report.tasks.map((t) => [t.number, t.status, t.completedOn, t.overdue, t.daysOverdue]),
    goals: report.goals.map((g) => [g.key, g.status, g.figures]),
  };
}

describe("issue 13: the demo gives the same verdicts in both languages", () => {
  let zh: ValidationReport;
  let en: ValidationReport;
  beforeAll(async () => {
    zh = await demoReport("zh-CN");
    en = await demoReport("en-US");
  });

  it("finds the same problems, at the same cells, of the same kinds", () => {
    expect(verdicts(en).issues).toEqual(verdicts(zh).issues);
    expect(en.counts).toEqual(zh.counts);
  });

  it("judges every indicator alike, and judges most of them from the example's entries", () => {
    expect(verdicts(en).indicators).toEqual(verdicts(zh).indicators);
    expect(en.indicators.filter((i) => i.status === "no_data").length).toBeLessThan(3);
  });

  it("judges every point, task and goal alike", () => {
    const [a, b] = [verdicts(en), verdicts(zh)];
    expect(a.points).toEqual(b.points);
    expect(a.tasks).toEqual(b.tasks);
    expect(a.goals).toEqual(b.goals);
  });
});
