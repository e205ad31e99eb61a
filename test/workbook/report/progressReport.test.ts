import type { CellValue } from "../../../src/workbook/layout";
import { tableParts } from "../../../src/workbook/validate/continueTables";
import { renderProgressReportDocx } from "../../../src/workbook/report/renderProgressReportDocx";
import { exampleReport } from "../../golden/goldenReport";
import { readDocx } from "./docxText";

/** The body rows of one of 汇总's tables, as text: every part of it when it was cut for printing. */
function summaryTable(
  layout: {
    values: readonly (readonly CellValue[])[];
    tables: readonly {
      name: string;
      rect: { row: number; col: number; rowCount: number; colCount: number };
    }[];
  },
  name: string,
): string[][] {
  const parts = tableParts(layout.tables, name);
  if (parts.length === 0) throw new Error(`汇总 has no table ${name}`);
  const rows: string[][] = [];
  for (const table of parts) {
    for (let r = table.rect.row + 1; r < table.rect.row + table.rect.rowCount; r += 1) {
      const row = layout.values[r] ?? [];
      rows.push(
        row
          .slice(table.rect.col, table.rect.col + table.rect.colCount)
          .map((v) => (v === null ? "" : String(v))),
      );
    }
  }
  return rows;
}

describe("the 进展报告 of the example workbook", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "prints every figure of 汇总 as 汇总 prints it (%s)",
    async (locale) => {
      const { book, doc } = await exampleReport(locale);
      const docx = readDocx(await renderProgressReportDocx(doc));
      const summary = book.sheet(locale === "zh-CN" ? "汇总" : "Summary")?.layout;
      if (!summary) throw new Error("no summary sheet");
      const reportRows = docx.tables.flatMap((t) => t.slice(1).map((row) => row.join(" | ")));
      const body = docx.paragraphs.join("\n");

      // Every section and source: name, target, class, samples, exceedances (multiples) and status.
      const points = summaryTable(summary, "WP_SummaryPoints");
      expect(points).toHaveLength(21);
      for (const row of points) expect(reportRows).toContain(row.slice(1).join(" | "));
      // Every numeric target: task, indicator, target, value judged, status.
      const indicators = summaryTable(summary, "WP_SummaryIndicators");
      expect(indicators.length).toBeGreaterThan(15);
      for (const row of indicators) expect(reportRows).toContain(row.join(" | "));
      // Every goal's figures, in its own words.
      for (const [, , actual] of summaryTable(summary, "WP_SummaryGoals")) expect(body).toContain(actual);
      // The task counts: done, under way, not started, not reported, overdue.
      const tasks = summaryTable(summary, "WP_SummaryTasks").map(([, count]) => count);
      const tally = docx.paragraphs.find(
        (p) => /53/u.test(p) && (locale === "zh-CN" ? /重点任务/u : /key task/u).test(p),
      );
      const [notStarted, inProgress, done, blank, overdue] = tasks;
      expect(tally).toBe(
        locale === "zh-CN"
          ? `计划共列重点任务53项。已完成${done}项，正在推进${inProgress}项，尚未启动${notStarted}项，未填报进展${blank}项；逾期未完成${overdue}项，超过时限完成0项。`
          : `The plan lists 53 key tasks: ${done} done, ${inProgress} under way, ${notStarted} not started, ${blank} without a report; ${overdue} overdue and 0 finished after the deadline.`,
      );
      // Every overdue task by number and days overdue.
      for (const [number, , , , days] of summaryTable(summary, "WP_SummaryOverdue")) {
        expect(body).toMatch(locale === "zh-CN" ? `第${number}项` : `Task ${number}`);
        expect(body).toContain(locale === "zh-CN" ? `已逾期${days}天` : `${days} days overdue`);
      }
      // The warned rows of 预警 and the whole class grid.
      const warned = summaryTable(summary, "WP_SummaryWarnings").filter((row) => row[6] !== "");
      expect(warned.length).toBeGreaterThan(0);
      for (const row of warned) expect(reportRows).toContain(row.join(" | "));
      const grid = summaryTable(summary, "WP_SummaryMonths");
      expect(grid).toHaveLength(21);
      for (const row of grid) expect(reportRows).toContain(row.join(" | "));
    },
  );

  it("is laid out as GB/T 9704-2012: A4, top 37 mm, left 28 mm, a 156 × 225 mm text block", async () => {
    const { doc } = await exampleReport("zh-CN");
    const docx = readDocx(await renderProgressReportDocx(doc));
    const mm = (twips: number | undefined): number => Math.round(((twips ?? 0) / 1440) * 25.4 * 10) / 10;
    expect([mm(docx.pageSize["w"]), mm(docx.pageSize["h"])]).toEqual([210, 297]);
    expect(mm(docx.pageMargin["top"])).toBe(37);
    expect(mm(docx.pageMargin["left"])).toBe(28);
    expect(210 - mm(docx.pageMargin["left"]) - mm(docx.pageMargin["right"])).toBeCloseTo(156, 0);
    expect(297 - mm(docx.pageMargin["top"]) - mm(docx.pageMargin["bottom"])).toBeCloseTo(225, 0);
    // Each font the standard names has the alternative Word takes where it is missing.
    expect(docx.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(docx.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });

  it("names each problem validation found and leaves the next steps to people", async () => {
    const { doc, report } = await exampleReport("zh-CN");
    const text = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(text).toContain("【待填写】");
    for (const issue of report.issues.filter(
      (i) => i.code === "unknown_point" || i.code === "duplicate_sample",
    )) {
      expect(text.some((t) => t.includes(`${issue.sheet}!${issue.cell}：${issue.message}`))).toBe(true);
    }
  });
});
