import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import type { TaskStatus } from "../../core/validation/checkTaskEntry";
import type { PointKind } from "../../core/validation/monitoringPoints";
import { formatWaterClass, parseWaterClass } from "../../core/water-quality/waterClass";
import type { CellValue, ChartLayout, RectFormat, SheetLayout, TableLayout } from "../layout";
import { sheetFont } from "../layout";
import { narrowMargins } from "../printScale";
import type { SheetWrite, WorkbookSnapshot } from "../port";
import { wrappedRowHeights } from "../buildSheetLayout";
import { isBlank } from "../readSheet";
import { palette } from "../sheetSpec";
import type { ReportVerdict, ValidationReport } from "./validationReport";
import { parameterName, reportPointClass, verdictFills, verdictWords } from "./verdicts";
import { maxOf } from "../../core/arrays";
import { appendSummaryOutlook, summaryOutlookWidth } from "./summaryOutlook";
import { paginateSummary } from "./summaryPages";

/** The summary sheet's names; the add-in's when it holds the goals table. */
export const summarySheetName = { "zh-CN": "汇总", "en-US": "Summary" } as const;
export const summarySheetNames: readonly string[] = [summarySheetName["zh-CN"], summarySheetName["en-US"]];
const ownTable = "WP_SummaryGoals";

/** A sheet named 汇总 that the add-in did not make: it is never overwritten. */
export interface SummaryProblem {
  readonly code: "summary_sheet_taken";
  readonly sheet: string;
}

/** The widest block: the class grid's fourteen columns; cells typed right of them are the user's. */
const width = summaryOutlookWidth;
/**
 * Widths of the seven columns the tables share, per language. English says the same in longer
 * words: its class and status columns are wide enough for "Class III (21 items)" and "Invalid data"
 * on one line (each point one line high, not two), its first column for the goals' sentences and
 * the points' names, its samples and exceedances columns narrower. Both add up to the same, so 汇总
 * prints at the same scale in either language.
 */
const columnWidths: Readonly<Record<Locale, readonly number[]>> = {
  "zh-CN": [22, 28, 18, 16, 10, 22, 12],
  "en-US": [25, 28, 16, 21, 8, 17, 13],
};

const kindWords: Readonly<Record<PointKind, Record<Locale, string>>> = {
  national_section: { "zh-CN": "国控断面", "en-US": "National section" },
  regional_section: { "zh-CN": "区控断面", "en-US": "Regional section" },
  municipal_source: { "zh-CN": "市级水源地", "en-US": "City water source" },
  county_source: { "zh-CN": "县级水源地", "en-US": "County water source" },
};

const statusWords: Readonly<Record<TaskStatus | "blank" | "overdue" | "late", Record<Locale, string>>> = {
  not_started: { "zh-CN": "未启动", "en-US": "Not started" },
  in_progress: { "zh-CN": "推进中", "en-US": "In progress" },
  done: { "zh-CN": "已完成", "en-US": "Done" },
  blank: { "zh-CN": "未填报", "en-US": "Not reported" },
  overdue: { "zh-CN": "其中：逾期", "en-US": "Of which overdue" },
  late: { "zh-CN": "其中：逾期完成", "en-US": "Of which completed late" },
};

const text = {
  title: { "zh-CN": "汇总", "en-US": "Summary" },
  asOf: { "zh-CN": "统计截止日", "en-US": "As of" },
  published: { "zh-CN": "计划公布日期", "en-US": "Plan published" },
  unset: { "zh-CN": "未设置", "en-US": "not set" },
  problems: { "zh-CN": "校验问题", "en-US": "Problems" },
  errorsWarnings: {
    "zh-CN": (e: number, w: number) => `错误 ${e} 项，警告 ${w} 项`,
    "en-US": (e: number, w: number) =>
      `${e} ${e === 1 ? "error" : "errors"}, ${w} ${w === 1 ? "warning" : "warnings"}`,
  },
  goals: { "zh-CN": "一、水质目标", "en-US": "1. Water-quality goals" },
  points: { "zh-CN": "二、断面与饮用水水源地", "en-US": "2. Sections and drinking-water sources" },
  indicators: { "zh-CN": "三、量化指标", "en-US": "3. Numeric targets" },
  tasks: { "zh-CN": "四、重点任务完成情况", "en-US": "4. Key tasks" },
  // The list holds the tasks overdue and then those completed late (daysLate): the heading says both.
  overdue: { "zh-CN": "五、逾期任务及逾期完成", "en-US": "5. Overdue tasks and late completions" },
  chart: {
    "zh-CN": "六、断面水质类别与目标（1=Ⅰ类 … 6=劣Ⅴ类）",
    "en-US": "6. Section classes against targets (1 = I … 6 = worse than V)",
  },
  manual: { "zh-CN": "七、需人工判定的要求", "en-US": "7. Requirements for a person to judge" },
  manualStatus: { "zh-CN": "需人工判定", "en-US": "To be judged by a person" },
  chartTitle: { "zh-CN": "断面水质类别与目标", "en-US": "Section class against target" },
  none: { "zh-CN": "无", "en-US": "None" },
  lateStatus: { "zh-CN": "（逾期完成）", "en-US": " (completed late)" },
  soft: { "zh-CN": "（力争）", "en-US": " (strive for)" },
} as const;

const headers = {
  goals: { "zh-CN": ["目标", "要求", "实际", "状态"], "en-US": ["Goal", "Required", "Actual", "Status"] },
  points: {
    "zh-CN": ["类型", "名称", "水质目标", "水质类别", "样品数", "超标因子（倍数）", "状态"],
    "en-US": ["Kind", "Name", "Target", "Class", "Samples", "Exceedances (multiple)", "Status"],
  },
  indicators: {
    "zh-CN": ["任务序号", "指标", "目标", "判定值", "状态"],
    "en-US": ["Task", "Indicator", "Target", "Value judged", "Status"],
  },
  tasks: { "zh-CN": ["完成状态", "任务数"], "en-US": ["Status", "Tasks"] },
  overdue: {
    "zh-CN": ["序号", "主要任务", "牵头单位", "截止日期", "逾期天数", "完成状态"],
    "en-US": ["No.", "Main task", "Lead units", "Due", "Days overdue", "Status"],
  },
  chart: { "zh-CN": ["断面", "水质目标", "水质类别"], "en-US": ["Section", "Target", "Class"] },
  manual: { "zh-CN": ["任务序号", "要求（原文）", "状态"], "en-US": ["Task", "Requirement", "Status"] },
} as const;

/** A block of the sheet: a heading, then one Excel Table; the status column is coloured by verdict. */
interface Block {
  readonly heading: string;
  readonly table: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly verdicts?: readonly (ReportVerdict | null)[];
  readonly statusColumn?: number;
}

/**
 * The summary sheet 汇总 for a validation report: title, as-of date, then one table per group —
 * the goals of the plan's section 二 with their figures, every section and source, every numeric
 * target, tasks by status, overdue tasks, and a chart of each section's class against its target
 * (where the host draws charts; elsewhere the coloured status cells carry it). Cells a user typed
 * right of the tables are kept. A sheet named 汇总 that is not the add-in's is never overwritten.
 *
 * @example
 * const summary = buildSummaryWrite(plan, report, snapshot, "zh-CN");
 * if (summary.ok) batch.sheets.push(summary.write);
 */
export function buildSummaryWrite(
  plan: Plan,
  report: ValidationReport,
  snapshot: WorkbookSnapshot,
  locale: Locale,
  drawsCharts = true,
):
  | { readonly ok: true; readonly write: SheetWrite }
  | { readonly ok: false; readonly problem: SummaryProblem } {
  const existing = [...snapshot.sheets.values()].find((s) =>
    summarySheetNames.some((n) => n.toLowerCase() === s.name.toLowerCase()),
  );
  if (existing && !existing.tables.some((t) => t.toLowerCase() === ownTable.toLowerCase())) {
    return { ok: false, problem: { code: "summary_sheet_taken", sheet: existing.name } };
  }
  const name = existing?.name ?? summarySheetName[locale];

  const layout = paginateSummary(
    appendSummaryOutlook(buildSummaryLayout(plan, report, name, locale, drawsCharts), report, locale),
    locale,
  );
  // Cells the user typed right of the tables stay where they were.
  const kept: { row: number; col: number; value: CellValue }[] = [];
  existing?.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const col = existing.startCol + c;
      if (col > width && !isBlank(value)) kept.push({ row: existing.startRow + r, col, value });
    });
  });
  return { ok: true, write: { layout: withKeptCells(layout, kept), mode: existing ? "replace" : "create" } };
}

function withKeptCells(
  layout: SheetLayout,
  kept: readonly { row: number; col: number; value: CellValue }[],
): SheetLayout {
  if (kept.length === 0) return layout;
  const rows = Math.max(
    layout.values.length,
    maxOf(
      kept.map((k) => k.row + 1),
      0,
    ),
  );
  const cols = Math.max(
    layout.values[0]?.length ?? 0,
    maxOf(
      kept.map((k) => k.col + 1),
      0,
    ),
  );
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c): CellValue => layout.values[r]?.[c] ?? ""),
  );
  for (const { row, col, value } of kept) {
    const target = values[row];
    if (target) target[col] = value;
  }
  return { ...layout, values };
}

/** The class number 1–6 of a report's class ("Ⅲ类" → 3), for the chart. */
function classNumber(text: string | null): CellValue {
  const read = parseWaterClass(text ?? "");
  return read.kind === "class" ? read.waterClass : "";
}

/** A report's class ("Ⅲ类") as a number, null when it is not one. */
/** A report's class ("Ⅲ类") in the sheet's language ("Class III"). */
function inLocale(text: string, locale: Locale): string {
  const read = parseWaterClass(text);
  return read.kind === "class" ? formatWaterClass(read.waterClass, locale) : text;
}

function blocks(plan: Plan, report: ValidationReport, locale: Locale, drawsCharts: boolean): Block[] {
  const verdict = (v: ReportVerdict): string => verdictWords[v][locale];
  const tasksByStatus = (status: TaskStatus | null): number =>
    report.tasks.filter((t) => t.status === status).length;
  const overdue = report.tasks.filter((t) => t.overdue);
  // 逾期完成: the report's daysLate, a milestone delivered late included (one rule, checkTaskEntry).
  const late = report.tasks.filter((t) => t.daysLate !== null);
  const statusCell = (t: ValidationReport["tasks"][number]): string =>
    t.status === null ? statusWords.blank[locale] : statusWords[t.status][locale];
  const dueCell = (d: { readonly what: string; readonly date: string }): string =>
    d.what === "" ? d.date : locale === "zh-CN" ? `${d.date}（${d.what}）` : `${d.date} (${d.what})`;
  const sections = report.points.filter(
    (p) => p.kind === "national_section" || p.kind === "regional_section",
  );
  return [
    {
      heading: text.goals[locale],
      table: "WP_SummaryGoals",
      header: headers.goals[locale],
      rows: report.goals.map((g) => [g.name, g.target, g.actual, verdict(g.status)]),
      verdicts: report.goals.map((g) => g.status),
      statusColumn: 3,
    },
    {
      heading: text.points[locale],
      table: "WP_SummaryPoints",
      header: headers.points[locale],
      rows: report.points.map((p) => [
        kindWords[p.kind][locale],
        p.name,
        inLocale(p.target, locale),
        // The class with the number of items it rests on; an entered class (no samples) as typed.
        reportPointClass(p, locale),
        p.samples,
        p.exceedances
          .map((e) => {
            // The short name in a cell: "氨氮(0.18)", as on the point sheets.
            const name = parameterName(e.key, locale);
            return e.multiple === null ? name : `${name}(${Math.round(e.multiple * 100) / 100})`;
          })
          .join(locale === "zh-CN" ? "、" : ", "),
        verdict(p.status),
      ]),
      verdicts: report.points.map((p) => p.status),
      statusColumn: 6,
    },
    {
      heading: text.indicators[locale],
      table: "WP_SummaryIndicators",
      header: headers.indicators[locale],
      rows: report.indicators.map((i) => [
        i.task,
        i.name,
        `${i.target}${i.soft ? text.soft[locale] : ""}`,
        i.shownActual ?? "",
        verdict(i.status),
      ]),
      verdicts: report.indicators.map((i) => i.status),
      statusColumn: 4,
    },
    {
      heading: text.tasks[locale],
      table: "WP_SummaryTasks",
      header: headers.tasks[locale],
      rows: [
        [statusWords.not_started[locale], tasksByStatus("not_started")],
        [statusWords.in_progress[locale], tasksByStatus("in_progress")],
        [statusWords.done[locale], tasksByStatus("done")],
        [statusWords.blank[locale], tasksByStatus(null)],
        [statusWords.overdue[locale], overdue.length],
        [statusWords.late[locale], late.length],
      ],
    },
    {
      heading: text.overdue[locale],
      table: "WP_SummaryOverdue",
      header: headers.overdue[locale],
      rows:
        overdue.length + late.length > 0
          ? [
              ...overdue.map((t) => [
                t.number,
                t.mainTask,
                t.leadUnits,
                // The deadline missed, a milestone's with what was due (task 53's 半年工作总结).
                t.overdueDeadline === null ? (t.deadlines[0]?.date ?? "") : dueCell(t.overdueDeadline),
                t.daysOverdue ?? "",
                statusCell(t),
              ]),
              // Then the tasks done late, once each (an overdue one is listed above): every deadline
              // met late named, the days the larger lateness.
              ...late
                .filter((t) => !t.overdue)
                .map((t) => [
                  t.number,
                  t.mainTask,
                  t.leadUnits,
                  t.lateDeadlines.map(dueCell).join("\n"),
                  t.daysLate ?? "",
                  `${statusCell(t)}${text.lateStatus[locale]}`,
                ]),
            ]
          : [[text.none[locale], "", "", "", "", ""]],
    },
    {
      heading: text.chart[locale],
      table: "WP_SummaryChart",
      header: headers.chart[locale],
      // Numbers for the chart to plot; where no chart is drawn, the classes themselves ("Ⅱ类"),
      // since a bare 2 means nothing on paper.
      rows: sections.map((p) =>
        drawsCharts
          ? [p.name, classNumber(p.target), classNumber(p.class)]
          : [p.name, inLocale(p.target, locale), p.class === null ? "" : inLocale(p.class, locale)],
      ),
    },
    {
      heading: text.manual[locale],
      table: "WP_SummaryManual",
      header: headers.manual[locale],
      rows: report.manualChecks.map((c) => [c.task, c.text, text.manualStatus[locale]]),
    },
  ].filter(
    (b) =>
      (plan.goals.length > 0 || b.table !== "WP_SummaryGoals") &&
      (report.manualChecks.length > 0 || b.table !== "WP_SummaryManual"),
  );
}

/** Between a fact's name and its value, and between the facts of the second row, in each language. */
const colon: Readonly<Record<Locale, string>> = { "zh-CN": "：", "en-US": ": " };
const gap: Readonly<Record<Locale, string>> = { "zh-CN": "\u3000", "en-US": "   " };

function buildSummaryLayout(
  plan: Plan,
  report: ValidationReport,
  name: string,
  locale: Locale,
  drawsCharts: boolean,
): SheetLayout {
  const values: CellValue[][] = [];
  const pad = (cells: readonly CellValue[]): CellValue[] => [
    ...cells,
    ...new Array<CellValue>(width - cells.length).fill(""),
  ];
  values.push(pad([`${locale === "zh-CN" ? plan.title : plan.titleEn} · ${text.title[locale]}`]));
  values.push(
    pad([
      [
        `${text.asOf[locale]}${colon[locale]}${report.asOf}`,
        `${text.published[locale]}${colon[locale]}${report.publishedOn ?? text.unset[locale]}`,
        `${text.problems[locale]}${colon[locale]}${text.errorsWarnings[locale](report.counts.errors, report.counts.warnings)}`,
      ].join(gap[locale]),
    ]),
  );
  const formats: RectFormat[] = [
    { rect: { row: 0, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 14 },
    { rect: { row: 1, col: 0, rowCount: 1, colCount: 1 }, fontColor: palette.noteFont },
  ];
  const tables: TableLayout[] = [];
  const bodies: { first: number; rows: (readonly CellValue[])[] }[] = [];
  let chart: ChartLayout | null = null;
  for (const block of blocks(plan, report, locale, drawsCharts)) {
    values.push(pad([]));
    const headingRow = values.length;
    values.push(pad([block.heading]));
    formats.push({ rect: { row: headingRow, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 12 });
    const headerRow = values.length;
    values.push(pad(block.header));
    const rows = block.rows.length > 0 ? block.rows : [block.header.map(() => "")];
    bodies.push({ first: values.length - 1, rows: [block.header, ...rows] });
    for (const row of rows) values.push(pad(row));
    const cols = block.header.length;
    tables.push({
      name: block.table,
      rect: { row: headerRow, col: 0, rowCount: rows.length + 1, colCount: cols },
      style: "TableStyleLight1",
    });
    formats.push({
      rect: { row: headerRow, col: 0, rowCount: 1, colCount: cols },
      bold: true,
      fill: palette.planHeaderFill,
      fontColor: palette.headerFont,
      wrapText: true,
    });
    formats.push({
      rect: { row: headerRow + 1, col: 0, rowCount: rows.length, colCount: cols },
      wrapText: true,
      verticalAlignment: "top",
    });
    const { statusColumn, verdicts } = block;
    if (statusColumn !== undefined && verdicts) {
      verdicts.forEach((v, i) => {
        if (v !== null)
          formats.push({
            rect: { row: headerRow + 1 + i, col: statusColumn, rowCount: 1, colCount: 1 },
            fill: verdictFills[v],
          });
      });
    }
    if (block.table === "WP_SummaryChart" && block.rows.length > 0) {
      chart = {
        kind: "columnClustered",
        title: text.chartTitle[locale],
        data: { row: headerRow, col: 0, rowCount: rows.length + 1, colCount: cols },
        anchor: { row: headerRow, col: 4, rowCount: Math.max(15, rows.length + 3), colCount: 3 },
        axis: {
          min: 0,
          max: 6,
          title: locale === "zh-CN" ? "类别（1=Ⅰ … 6=劣Ⅴ）" : "Class (1 = I … 6 = worse than V)",
        },
      };
    }
  }
  const rowHeights: { row: number; height: number }[] = [
    { row: 0, height: 24 },
    ...bodies.flatMap((body) => wrappedRowHeights(body.rows, body.first, columnWidths[locale], () => true)),
  ];
  return {
    name,
    values,
    columnWidths: [...columnWidths[locale]],
    // Excel and LibreOffice do not fit row heights to wrapped text on opening: the layout says them.
    rowHeights,
    formats,
    validations: [],
    tables,
    freeze: { rows: 2, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      titleRows: { first: 0, last: 1 },
      titleColumns: null,
      // Decided by paginateSummary once every block is on the sheet.
      scale: 100,
      margins: narrowMargins,
      columns: { first: 0, last: width - 1 },
      rowBreaks: [],
      gridlines: true,
    },
    font: sheetFont(locale),
    visibility: "visible",
    tabColor: palette.computedHeaderFill,
    ...(chart ? { charts: [chart] } : {}),
  };
}
