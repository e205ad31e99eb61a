import type { Locale } from "../../core/locale";
import { wrappedRowHeights } from "../buildSheetLayout";
import type { CellValue, RectFormat, SheetLayout, TableLayout } from "../layout";
import { allowanceRows, legendItems, monthGrid } from "../report/outlookBlocks";
import { palette } from "../sheetSpec";
import type { ValidationReport } from "./validationReport";

/**
 * Columns the summary's widest block takes: the class grid's point, target and twelve months.
 * Cells typed right of them are the user's.
 */
export const summaryOutlookWidth = 14;

/** Widths of the columns the grid adds right of the summary's seven. */
const monthColumnWidth = 6;

/** Chinese heading numerals: 汇总's blocks are 一 to 九 at most. */
const chineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] as const;

/** A heading numbered as the sheet numbers its blocks: "七、…" or "7. …". */
function numbered(n: number, heading: Record<Locale, string>, locale: Locale): string {
  return locale === "zh-CN"
    ? `${chineseNumerals[n - 1] ?? String(n)}、${heading[locale]}`
    : `${String(n)}. ${heading[locale]}`;
}

const text = {
  warnings: {
    "zh-CN": "预警：达标倒推（剩余月份均值须不超过的值，溶解氧为须达到的值；单位 mg/L）",
    "en-US": "Early warning: what the rest of the year allows (dissolved oxygen: what it must reach; mg/L)",
  },
  warningsHeader: {
    "zh-CN": ["点位", "指标", "水质目标", "年均值", "目标限值", "剩余月份均值", "预警"],
    "en-US": ["Point", "Parameter", "Target", "Mean so far", "Limit", "Remaining months", "Warning"],
  },
  months: {
    "zh-CN": "水质类别月度变化（空白：当月无监测数据）",
    "en-US": "Class month by month (blank: no data that month)",
  },
  monthsHeader: {
    "zh-CN": ["点位", "水质目标", ...Array.from({ length: 12 }, (_, i) => `${String(i + 1)}月`)],
    "en-US": [
      "Point",
      "Target",
      ...["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    ],
  },
  legend: { "zh-CN": "图例", "en-US": "Legend" },
  none: { "zh-CN": "无监测数据", "en-US": "No monitoring data" },
} as const;

/**
 * Appends the summary's 预警 block (every parameter that decides a point's class, with what the
 * remaining months may average and its warnings, coloured) and the class grid month by month (each
 * month's class on the bulletins' colour, the target beside it, a legend under it) to the layout of
 * 汇总, below its chart. The rows are the report's (`allowanceRows`, `monthGrid`): 汇总 and the
 * 进展报告 print the same figures.
 *
 * @example
 * const layout = appendSummaryOutlook(buildSummaryLayout(…), report, "zh-CN");
 */
export function appendSummaryOutlook(
  layout: SheetLayout,
  report: ValidationReport,
  locale: Locale,
): SheetLayout {
  const values: CellValue[][] = layout.values.map((row) => pad(row));
  const formats: RectFormat[] = [...layout.formats];
  const tables: TableLayout[] = [...layout.tables];
  const columnWidths = [...layout.columnWidths];
  while (columnWidths.length < summaryOutlookWidth) columnWidths.push(monthColumnWidth);
  const rowHeights = [...layout.rowHeights];
  // Below the chart, which is anchored beside the last table and may reach past it.
  const chartEnd = (layout.charts ?? []).reduce(
    (end, c) => Math.max(end, c.anchor.row + c.anchor.rowCount),
    0,
  );
  while (values.length < chartEnd) values.push(pad([]));

  const addTable = (
    heading: string,
    name: string,
    header: readonly string[],
    rows: readonly (readonly CellValue[])[],
    fills: readonly (readonly (string | null)[])[],
  ): void => {
    values.push(pad([]));
    const headingRow = values.length;
    values.push(pad([heading]));
    formats.push({ rect: { row: headingRow, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 12 });
    const headerRow = values.length;
    values.push(pad(header));
    const body = rows.length > 0 ? rows : [[text.none[locale], ...header.slice(1).map(() => "")]];
    for (const row of body) values.push(pad(row));
    tables.push({
      name,
      rect: { row: headerRow, col: 0, rowCount: body.length + 1, colCount: header.length },
      style: "TableStyleLight1",
    });
    formats.push(
      {
        rect: { row: headerRow, col: 0, rowCount: 1, colCount: header.length },
        bold: true,
        fill: palette.planHeaderFill,
        fontColor: palette.headerFont,
        wrapText: true,
      },
      {
        rect: { row: headerRow + 1, col: 0, rowCount: body.length, colCount: header.length },
        wrapText: true,
        verticalAlignment: "top",
      },
    );
    fills.forEach((row, r) => {
      row.forEach((fill, c) => {
        if (fill !== null)
          formats.push({
            rect: { row: headerRow + 1 + r, col: c, rowCount: 1, colCount: 1 },
            fill,
            horizontalAlignment: "center",
          });
      });
    });
    for (const height of wrappedRowHeights([header, ...body], headerRow, columnWidths, () => true)) {
      rowHeights.push(height);
    }
  };

  const warningRows = allowanceRows(report, locale, false);
  const warned = report.allowances.map((a) =>
    a.warnings.length === 0
      ? null
      : a.warnings.includes("near_limit") && a.warnings.length === 1
        ? palette.warningFill
        : palette.errorFill,
  );
  // Numbered after the blocks above: 一 to 六, and 七 for 需人工判定 when there are any.
  const next = layout.tables.some((t) => t.name === "WP_SummaryManual") ? 8 : 7;
  addTable(
    numbered(next, text.warnings, locale),
    "WP_SummaryWarnings",
    text.warningsHeader[locale],
    warningRows,
    warned.map((fill) => [null, null, null, null, null, null, fill]),
  );

  const grid = monthGrid(report, locale);
  addTable(
    numbered(next + 1, text.months, locale),
    "WP_SummaryMonths",
    text.monthsHeader[locale],
    grid.rows,
    grid.fills,
  );
  // The legend: each class on its colour, in the month columns under the grid.
  const legendRow = values.length;
  const items = legendItems(locale);
  // Short labels: the month columns are narrow (the report's legend says the pollution words too).
  values.push(pad([text.legend[locale], "", ...items.map((i) => i.text.replace(/[（(].*$/u, "").trim())]));
  items.forEach((item, i) => {
    formats.push({
      rect: { row: legendRow, col: 2 + i, rowCount: 1, colCount: 1 },
      fill: item.fill,
      wrapText: true,
      horizontalAlignment: "center",
    });
  });
  rowHeights.push({ row: legendRow, height: 30 });
  return { ...layout, values, formats, tables, columnWidths, rowHeights };
}

function pad(cells: readonly CellValue[]): CellValue[] {
  const row = [...cells];
  while (row.length < summaryOutlookWidth) row.push("");
  return row;
}
