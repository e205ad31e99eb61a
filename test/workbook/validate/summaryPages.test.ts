/**
 * 汇总 on paper: a table longer than a printed page goes on as consecutive tables, each under its
 * heading with （续）/(continued) and its column header, so that no page holds a table's rows without
 * the names of its columns (Excel repeats one set of title rows per sheet: 汇总's title).
 */
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import { writeExampleEntries } from "../../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { CellValue, SheetLayout, TableLayout } from "../../../src/workbook/layout";
import { narrowMargins, printableHeight } from "../../../src/workbook/printScale";
import { continued, tableParts } from "../../../src/workbook/validate/continueTables";
import { paginateSummary } from "../../../src/workbook/validate/summaryPages";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";

const width = 7;
const pad = (cells: readonly CellValue[]): CellValue[] => [
  ...cells,
  ...new Array<CellValue>(width - cells.length).fill(""),
];

/** A summary-like sheet: title rows, then under a blank row and a heading each table, as 汇总 lays them. */
function summaryOf(tables: readonly { name: string; heading: string; rows: number }[]): SheetLayout {
  const values: CellValue[][] = [pad(["柳州市 · 汇总"]), pad(["统计截止日：2023-06-30"])];
  const laid: TableLayout[] = [];
  const formats: SheetLayout["formats"][number][] = [];
  for (const table of tables) {
    values.push(pad([]));
    values.push(pad([table.heading]));
    formats.push({
      rect: { row: values.length - 1, col: 0, rowCount: 1, colCount: 1 },
      bold: true,
      fontSize: 12,
    });
    const header = values.length;
    values.push(pad(["点位", "指标", "水质目标", "年均值", "目标限值", "剩余月份均值", "预警"]));
    formats.push({
      rect: { row: header, col: 0, rowCount: 1, colCount: width },
      bold: true,
      fill: "#1F4E78",
    });
    for (let i = 0; i < table.rows; i += 1)
      values.push(pad([`${table.name} 第${String(i + 1)}行`, "氨氮", "Ⅲ", i, 1, 2, ""]));
    formats.push({
      rect: { row: header + 1, col: 0, rowCount: table.rows, colCount: width },
      wrapText: true,
    });
    // A warning's fill on the table's last row.
    formats.push({ rect: { row: header + table.rows, col: 6, rowCount: 1, colCount: 1 }, fill: "#FFC7CE" });
    laid.push({
      name: table.name,
      rect: { row: header, col: 0, rowCount: table.rows + 1, colCount: width },
      style: "TableStyleLight1",
    });
  }
  return {
    name: "汇总",
    values,
    columnWidths: [22, 28, 18, 16, 10, 22, 12],
    rowHeights: [{ row: 0, height: 24 }],
    formats,
    validations: [],
    tables: laid,
    freeze: { rows: 2, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      titleRows: { first: 0, last: 1 },
      titleColumns: null,
      scale: 100,
      margins: narrowMargins,
      columns: { first: 0, last: width - 1 },
      rowBreaks: [],
      gridlines: true,
    },
    visibility: "visible",
    tabColor: null,
  };
}

/** The printed pages' rows, as the layout's breaks cut them (the title rows left out). */
function pages(layout: SheetLayout): { first: number; last: number }[] {
  const titleRows = (layout.print?.titleRows.last ?? -1) + 1;
  const starts = [titleRows, ...(layout.print?.rowBreaks ?? [])];
  return starts.map((first, i) => ({ first, last: (starts[i + 1] ?? layout.values.length) - 1 }));
}

/** The page that holds `row`. */
function pageOf(layout: SheetLayout, row: number): number {
  return pages(layout).findIndex((p) => row >= p.first && row <= p.last);
}

/** Every page that holds rows of a table starts them with the table's header: no part spans pages. */
function expectHeaderOnEveryPage(layout: SheetLayout): void {
  for (const table of layout.tables) {
    const first = pageOf(layout, table.rect.row);
    const last = pageOf(layout, table.rect.row + table.rect.rowCount - 1);
    expect({ table: table.name, pages: last - first + 1 }).toEqual({ table: table.name, pages: 1 });
    // The heading above the header is on the same page.
    expect({ table: table.name, heading: pageOf(layout, table.rect.row - 1) }).toEqual({
      table: table.name,
      heading: first,
    });
  }
}

/** The text of a table's rows (header first), every part of it. */
function bodyRows(layout: SheetLayout, name: string): string[] {
  return tableParts(layout.tables, name).flatMap((t) =>
    layout.values.slice(t.rect.row + 1, t.rect.row + t.rect.rowCount).map((row) => String(row[0])),
  );
}

describe("汇总's tables longer than a page", () => {
  const layout = summaryOf([
    { name: "WP_SummaryTasks", heading: "四、重点任务完成情况", rows: 6 },
    { name: "WP_SummaryWarnings", heading: "八、预警：达标倒推", rows: 120 },
    { name: "WP_SummaryMonths", heading: "九、水质类别月度变化", rows: 21 },
  ]);
  const paged = paginateSummary(layout, "zh-CN");

  it("go on as consecutive tables, each under its heading with （续） and its column header", () => {
    const parts = tableParts(paged.tables, "WP_SummaryWarnings");
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.map((t) => t.name)).toEqual(
      parts.map((_, i) => (i === 0 ? "WP_SummaryWarnings" : `WP_SummaryWarnings_${String(i + 1)}`)),
    );
    parts.forEach((part, i) => {
      expect(paged.values[part.rect.row]?.slice(0, width)).toEqual(
        layout.values[layout.tables[1]?.rect.row ?? -1],
      );
      expect(paged.values[part.rect.row - 1]?.[0]).toBe(
        i === 0 ? "八、预警：达标倒推" : "八、预警：达标倒推（续）",
      );
      // A blank row between a part and the next heading, as between any two blocks.
      if (i > 0) expect(paged.values[part.rect.row - 2]?.every((v) => v === "")).toBe(true);
      // The header's and the heading's formats come along.
      expect(paged.formats).toContainEqual(
        expect.objectContaining({
          rect: { row: part.rect.row, col: 0, rowCount: 1, colCount: width },
          bold: true,
        }),
      );
      expect(paged.formats).toContainEqual(
        expect.objectContaining({
          rect: { row: part.rect.row - 1, col: 0, rowCount: 1, colCount: 1 },
          fontSize: 12,
        }),
      );
    });
    // Every row once, in order; the tables around it whole and the names unique.
    expect(bodyRows(paged, "WP_SummaryWarnings")).toEqual(bodyRows(layout, "WP_SummaryWarnings"));
    expect(bodyRows(paged, "WP_SummaryMonths")).toEqual(bodyRows(layout, "WP_SummaryMonths"));
    expect(new Set(paged.tables.map((t) => t.name.toLowerCase())).size).toBe(paged.tables.length);
    for (const t of paged.tables) expect(t.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]{0,254}$/u);
  });

  it("puts every part on a page of its own, its header at the top of its rows", () => {
    expectHeaderOnEveryPage(paged);
    // Each continuation starts a page, and each part fits a page at the chosen scale.
    const heights = new Map(paged.rowHeights.map((h) => [h.row, h.height]));
    const room = printableHeight("landscape", narrowMargins, paged.print?.scale ?? 100) - 24 - 15;
    for (const part of tableParts(paged.tables, "WP_SummaryWarnings").slice(1)) {
      expect(paged.print?.rowBreaks).toContain(part.rect.row - 1);
      let height = 18;
      for (let r = part.rect.row; r < part.rect.row + part.rect.rowCount; r += 1)
        height += heights.get(r) ?? 15;
      expect(height).toBeLessThanOrEqual(room);
    }
  });

  it("moves what lies below a cut with its rows: a warning's fill stays on its row", () => {
    const last = tableParts(paged.tables, "WP_SummaryWarnings").at(-1);
    if (last === undefined) throw new Error("no part");
    const lastRow = last.rect.row + last.rect.rowCount - 1;
    expect(paged.values[lastRow]?.[0]).toBe("WP_SummaryWarnings 第120行");
    expect(paged.formats).toContainEqual({
      rect: { row: lastRow, col: 6, rowCount: 1, colCount: 1 },
      fill: "#FFC7CE",
    });
  });

  it("leaves a sheet whose tables fit their pages as it was, but for its breaks and scale", () => {
    const short = summaryOf([
      { name: "WP_SummaryGoals", heading: "一、水质目标", rows: 5 },
      { name: "WP_SummaryTasks", heading: "四、重点任务完成情况", rows: 6 },
    ]);
    const out = paginateSummary(short, "en-US");
    expect(out.values).toEqual(short.values);
    expect(out.tables).toEqual(short.tables);
    expect(out.formats).toEqual(short.formats);
  });
});

describe("汇总 of the demo workbook", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "starts every page of 预警 (and every other table) with its column header (%s)",
    async (locale) => {
      const book = new MemoryWorkbook();
      expect((await generateWorkbook(book.port, plan, { locale, publishedOn: "2023-03-20" })).ok).toBe(true);
      await writeExampleEntries(book.port, plan, locale);
      expect((await generateWorkbook(book.port, plan, { locale })).ok).toBe(true);
      const outcome = await validateWorkbook(book.port, plan, { locale, asOf: "2023-06-30" });
      if (!outcome.ok || outcome.summarySheet === null) throw new Error(JSON.stringify(outcome));
      const layout = book.sheet(outcome.summarySheet)?.layout;
      if (!layout) throw new Error("no 汇总");
      const warnings = tableParts(layout.tables, "WP_SummaryWarnings");
      // The demo's 预警 lists every deciding parameter of 21 points: more than one page holds.
      expect(warnings.length).toBeGreaterThan(1);
      expect(bodyRows(layout, "WP_SummaryWarnings")).toHaveLength(outcome.report.allowances.length);
      for (const part of warnings.slice(1)) {
        expect(String(layout.values[part.rect.row - 1]?.[0])).toMatch(
          new RegExp(`${continued[locale].replace(/[()]/gu, "\\$&")}$`, "u"),
        );
      }
      // The chart's table is never cut: its chart stands beside it.
      expect(tableParts(layout.tables, "WP_SummaryChart")).toHaveLength(1);
      const chartless = { ...layout, tables: layout.tables.filter((t) => t.name !== "WP_SummaryChart") };
      expectHeaderOnEveryPage(chartless);
    },
    60_000,
  );
});
