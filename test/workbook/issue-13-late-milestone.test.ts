/*
 * Issue 13, "late is late", for a milestone: task 53's 半年工作总结 sent after 7月1日 is a late
 * completion of the task wherever a late completion counts — 附件1's 逾期情况, 汇总's count and list,
 * the report's daysLate, and the progress report — once, by the larger lateness, in both languages.
 */
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import type { Locale } from "../../src/core/locale";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { CellValue } from "../../src/workbook/layout";
import { buildProgressReport } from "../../src/workbook/report/buildProgressReport";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";
import { parseA1 } from "../hosts/memory/memoryHarness";

const words = {
  "zh-CN": {
    tasks: "附件1 任务清单",
    summary: "汇总",
    done: "已完成",
    lateCount: "其中：逾期完成",
    lateHeading: "五、逾期任务及逾期完成",
    milestone: "报送水污染防治半年工作总结",
  },
  "en-US": {
    tasks: "A1 Tasks",
    summary: "Summary",
    done: "Done",
    lateCount: "Of which completed late",
    lateHeading: "5. Overdue tasks and late completions",
    milestone: plan.tasks.find((t) => t.number === 53)?.additionalDeadlines[0]?.whatEn ?? "",
  },
} as const;

/** Task 53 (row 56) done on `completedOn` (due 2023-12-20), its half-year report sent on `sentOn`. */
async function task53(
  locale: Locale,
  completedOn: string,
  sentOn: string,
): Promise<{ book: MemoryWorkbook; report: ValidationReport }> {
  const w = words[locale];
  const book = new MemoryWorkbook();
  await generateWorkbook(book.port, plan, { locale });
  const sheet = book.sheet(w.tasks);
  if (!sheet) throw new Error(`no sheet ${w.tasks}`);
  const enter = (a1: string, value: CellValue): void => {
    sheet.set(...parseA1(a1), value);
  };
  enter("L56", w.done);
  enter("M56", completedOn);
  enter("P56", sentOn);
  const outcome = await validateWorkbook(book.port, plan, { locale, asOf: "2023-12-31", summary: true });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return { book, report: outcome.report };
}

function cell(book: MemoryWorkbook, sheet: string, a1: string): CellValue {
  return book.sheet(sheet)?.get(...parseA1(a1)) ?? null;
}

/** 汇总's rows as their first columns: enough to find the count and the listed task. */
function summaryRows(book: MemoryWorkbook, locale: Locale): CellValue[][] {
  const summary = book.sheet(words[locale].summary);
  return Array.from({ length: 250 }, (_, r) =>
    Array.from({ length: 6 }, (_, c) => summary?.get(r, c) ?? null),
  );
}

describe.each(["zh-CN", "en-US"] as const)(
  "issue 13: a late milestone is a late completion (%s)",
  (locale) => {
    const w = words[locale];
    const named = (text: string): string =>
      locale === "zh-CN" ? `${text}（${w.milestone}）` : `${text} (${w.milestone})`;

    it("counts task 53 done on time with its half-year report 10 days late once, naming the report", async () => {
      const { book, report } = await task53(locale, "2023-12-15", "2023-07-11");
      expect(cell(book, w.tasks, "O56")).toBe(
        named(locale === "zh-CN" ? "逾期完成 10 天" : "completed 10 days late"),
      );
      expect(report.tasks.find((t) => t.number === 53)).toMatchObject({
        overdue: false,
        daysLate: 10,
        lateDeadlines: [{ what: w.milestone, date: "2023-07-01", doneOn: "2023-07-11", days: 10 }],
      });
      expect(report.issues.filter((i) => i.cell === "P56").map((i) => i.code)).toEqual([
        "completed_after_deadline",
      ]);
      const rows = summaryRows(book, locale);
      expect(rows.map((r) => r.slice(0, 2))).toContainEqual([w.lateCount, 1]);
      const listed = rows.filter((r) => r[0] === 53);
      expect(listed).toHaveLength(1);
      // Listed under a heading that names late completions, not only overdue tasks.
      const heading = rows.findIndex((r) => r[0] === w.lateHeading);
      expect(heading).toBeGreaterThan(0);
      expect(rows.findIndex((r) => r[0] === 53)).toBeGreaterThan(heading);
      expect(listed[0]?.[3]).toBe(
        locale === "zh-CN" ? `2023-07-01（${w.milestone}）` : `2023-07-01 (${w.milestone})`,
      );
      expect(listed[0]?.[4]).toBe(10);
      expect(listed[0]?.[5]).toBe(locale === "zh-CN" ? "已完成（逾期完成）" : "Done (completed late)");
    });

    it("gives a task late on both the larger lateness, both deadlines named, counted once", async () => {
      const { book, report } = await task53(locale, "2023-12-23", "2023-07-11");
      expect(cell(book, w.tasks, "O56")).toBe(
        locale === "zh-CN"
          ? `逾期完成 3 天\n${named("逾期完成 10 天")}`
          : `completed 3 days late\n${named("completed 10 days late")}`,
      );
      expect(report.tasks.find((t) => t.number === 53)).toMatchObject({ daysLate: 10 });
      const rows = summaryRows(book, locale);
      expect(rows.map((r) => r.slice(0, 2))).toContainEqual([w.lateCount, 1]);
      const listed = rows.filter((r) => r[0] === 53);
      expect(listed).toHaveLength(1);
      expect(listed[0]?.[3]).toBe(
        locale === "zh-CN"
          ? `2023-12-20\n2023-07-01（${w.milestone}）`
          : `2023-12-20\n2023-07-01 (${w.milestone})`,
      );
      expect(listed[0]?.[4]).toBe(10);
    });

    it("puts the late half-year report in the progress report's count and its list, naming it", async () => {
      const { report } = await task53(locale, "2023-12-15", "2023-07-11");
      const text = buildProgressReport(plan, report, locale)
        .blocks.map((b) => ("text" in b ? b.text : ""))
        .join("\n");
      expect(text).toContain(locale === "zh-CN" ? "超过时限完成1项" : "1 finished after the deadline");
      expect(text).toContain(
        locale === "zh-CN"
          ? `“${w.milestone}”时限2023年7月1日，于2023年7月11日完成，逾期10天`
          : `“${w.milestone}” due on 1 July 2023, done on 11 July 2023, 10 days late`,
      );
    });

    it("finds nothing late when the report was sent on time and the task done on time", async () => {
      const { book, report } = await task53(locale, "2023-12-15", "2023-06-30");
      expect(report.tasks.find((t) => t.number === 53)).toMatchObject({ daysLate: null, lateDeadlines: [] });
      expect(cell(book, w.tasks, "O56") ?? "").toBe("");
      expect(summaryRows(book, locale).map((r) => r.slice(0, 2))).toContainEqual([w.lateCount, 0]);
    });
  },
);
