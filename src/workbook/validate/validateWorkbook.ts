import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import { formatProblem } from "../../core/validation/formatProblem";
import { monitoringPoints } from "../../core/validation/monitoringPoints";
import { PointMonthTracker } from "../../core/validation/trackPointMonths";
import { problem, type Problem } from "../../core/validation/validationProblem";
import { columnLetters } from "../a1";
import { metaSheetName, readScope, readSettings } from "../metaSheet";
import { planForWorkbook } from "../planForWorkbook";
import type { SheetSnapshot, UpdatePlan, WorkbookPort, WorkbookSnapshot } from "../port";
import { readSheet, type ReadRow } from "../readSheet";
import type { AnySheetSpec, SheetKey } from "../sheetSpec";
import { workbookSpec } from "../workbookSpec";
import { checkIndicators } from "./checkIndicators";
import { checkPlanRows } from "./checkPlanRows";
import { checkSurvey } from "./checkSurvey";
import { checkTasks } from "./checkTasks";
import { judgeGoals } from "./judgeGoals";
import { judgePoints, toReportPoint } from "./judgePoints";
import { toReportAllowance, toReportMonthClasses } from "./reportOutlook";
import { a1, SheetMarks, type FoundSheet } from "./sheetMarks";
import { buildSummaryWrite, summarySheetNames, type SummaryProblem } from "./summarySheet";
import type { ReportIssue, ValidationReport } from "./validationReport";

export interface ValidateOptions {
  /** The language of messages, notes and a new summary sheet. */
  readonly locale: Locale;
  /** The as-of day "YYYY-MM-DD": deadlines and the monitoring period end there. */
  readonly asOf: string;
  /** The plan's publication date, overriding the workbook's setting; absent: the setting. */
  readonly publishedOn?: string | null;
  /** Write the summary sheet 汇总 (default true). */
  readonly summary?: boolean;
}

/** Why validation could not run at all. */
export type ValidateProblem = { readonly code: "no_plan_sheets" } | SummaryProblem;

export type ValidateOutcome =
  | {
      readonly ok: true;
      readonly report: ValidationReport;
      /** The summary sheet's name when it was written, else null. */
      readonly summarySheet: string | null;
      /** Sheets whose marks and computed cells were written. */
      readonly markedSheets: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly ValidateProblem[] };

/**
 * Checks everything entered in a generated workbook and judges every target of the plan, through
 * any host, with one read and one write (through `port.update`): marks each problem cell (a fill
 * and a note), fills the computed columns, and writes the summary sheet 汇总. Entered values are
 * never written. The same report comes back for the task pane and the CLI.
 *
 * @example
 * const outcome = await validateWorkbook(port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
 * if (outcome.ok) console.log(outcome.report.counts);
 */
export async function validateWorkbook(
  port: WorkbookPort,
  plan: Plan,
  options: ValidateOptions,
): Promise<ValidateOutcome> {
  const names = new Set([
    metaSheetName,
    ...summarySheetNames,
    ...workbookSpec(plan).flatMap((s) => [s.name["zh-CN"], s.name["en-US"]]),
  ]);
  return port.update([...names], {}, (snapshot) =>
    planValidation(plan, options, snapshot, port.features.notes, port.features.charts),
  );
}

/**
 * Reads the snapshot (which plan sheets are there, under which names), then has each sheet's module
 * judge its rows and collect its marks, and assembles the report and the one write.
 */
function planValidation(
  wholePlan: Plan,
  options: ValidateOptions,
  snapshot: WorkbookSnapshot,
  withNotes: boolean,
  withCharts: boolean,
): UpdatePlan<ValidateOutcome> {
  const { locale, asOf } = options;
  const byLower = new Map([...snapshot.sheets].map(([, sheet]) => [sheet.name.toLowerCase(), sheet]));
  const meta = byLower.get(metaSheetName.toLowerCase());
  // A workbook sent to a unit is judged on the unit's rows only (no "missing row" for the city's others).
  const plan = planForWorkbook(wholePlan, meta);
  const stored = readSettings(meta);
  const publishedOn = options.publishedOn === undefined ? stored.publishedOn : options.publishedOn;
  const specs = workbookSpec(plan, { publishedOn });
  const storedSpecs = workbookSpec(plan, stored);
  const workbookIssues: ReportIssue[] = [];
  const messageOf = (p: Problem): string => formatProblem(p, locale);

  // A sheet is the add-in's when it holds the spec's table, whatever its name now.
  const found = new Map<SheetKey, FoundSheet>();
  const missing: AnySheetSpec[] = [];
  for (const spec of specs) {
    const sheet = [...snapshot.sheets.values()].find((s) =>
      s.tables.some((t) => t.toLowerCase() === spec.tableName.toLowerCase()),
    );
    const sheetLocale: Locale =
      sheet?.name.toLowerCase() === spec.name["en-US"].toLowerCase() ? "en-US" : "zh-CN";
    const read = sheet ? readSheet(spec, sheet, columnLetters) : null;
    if (!sheet || !read) {
      missing.push(spec);
      continue;
    }
    const marks = new SheetMarks(spec, sheet.name, read, sheetLocale, extentOf(sheet));
    found.set(spec.key, { spec, marks });
    const lacking = marks.missingComputedColumns(locale);
    if (lacking.length > 0) {
      const p = problem("columns_missing", "warning", null, {
        sheet: sheet.name,
        name: lacking.join(locale === "zh-CN" ? "、" : ", "),
      });
      workbookIssues.push({
        sheet: sheet.name,
        cell: "",
        severity: "warning",
        code: p.code,
        message: messageOf(p),
      });
    }
    if (sheet.ignored) {
      const p = problem("cells_ignored", "warning", null, {
        count: sheet.ignored.count,
        cell: sheet.ignored.first,
      });
      workbookIssues.push({
        sheet: sheet.name,
        cell: sheet.ignored.first,
        severity: "warning",
        code: p.code,
        message: messageOf(p),
      });
    }
  }
  if (found.size === 0) return { batch: null, result: { ok: false, problems: [{ code: "no_plan_sheets" }] } };
  // Only the plan's sheet names are read, but table names are the workbook's: a plan sheet the user
  // renamed still holds its table, and the user is told which name to give back.
  const tableNames = new Set(snapshot.tableNames.map((name) => name.toLowerCase()));
  const bookLocale = found.values().next().value?.marks.sheetLocale ?? locale;
  for (const spec of missing) {
    const renamed = tableNames.has(spec.tableName.toLowerCase());
    const p = renamed
      ? problem("plan_sheet_renamed", "warning", null, { sheet: spec.name[bookLocale], name: spec.tableName })
      : problem("sheet_missing", "warning", null, { sheet: spec.name[locale] });
    workbookIssues.push({
      sheet: spec.name[renamed ? bookLocale : locale],
      cell: "",
      severity: "warning",
      code: p.code,
      message: messageOf(p),
    });
  }

  // Plan rows by identity, plan cells changed, cells that take no entry, rows the plan no longer has.
  const planRows = new Map<SheetKey, Map<ReadRow, unknown>>();
  for (const { marks } of found.values()) {
    // Plan cells are compared with what the add-in wrote: the sheets as the stored settings made them.
    const written = storedSpecs.find((s) => s.key === marks.spec.key) ?? marks.spec;
    planRows.set(marks.spec.key, checkPlanRows(written, marks));
  }

  // Each sheet's verdicts in its own module. The order is the order of the messages in a cell's note,
  // and 附件6 comes before 指标填报 (task 16's shares) and the points and tasks before the goals.
  const months = new PointMonthTracker();
  const pointResults = judgePoints(plan, asOf, found, planRows, months);
  const survey = checkSurvey(found.get("outfallRivers"), planRows.get("outfallRivers"));
  const indicators = checkIndicators(
    plan,
    found.get("indicators"),
    planRows.get("indicators"),
    survey,
    locale,
  );
  const tasks = checkTasks(plan, asOf, publishedOn, found.get("tasks"), planRows.get("tasks"));

  const goals = judgeGoals(plan, pointResults, tasks, locale);

  const issues: ReportIssue[] = [...workbookIssues];
  for (const { marks } of found.values()) {
    const placed = [...marks.problems].sort((x, y) => x.row - y.row || x.col - y.col);
    for (const { row, col, problem: p } of placed) {
      issues.push({
        sheet: marks.sheetName,
        cell: a1(row, col),
        severity: p.severity,
        code: p.code === "measured_value" ? (p.params.waterQuality?.code ?? p.code) : p.code,
        message: messageOf(p),
      });
    }
  }

  const report: ValidationReport = {
    plan: { city: plan.city, year: plan.year, title: plan.title },
    asOf,
    publishedOn,
    issues,
    counts: {
      errors: issues.filter((i) => i.severity === "error").length,
      warnings: issues.filter((i) => i.severity === "warning").length,
    },
    points: pointResults.map(toReportPoint),
    indicators,
    tasks,
    goals,
    manualChecks: (plan.manualChecks ?? []).map((c) => ({
      task: c.task,
      text: locale === "zh-CN" ? c.text : c.textEn,
    })),
    monthlyClasses: months.classes(monitoringPoints(plan)).map(toReportMonthClasses),
    allowances: months.allowances(monitoringPoints(plan), asOf).map(toReportAllowance),
  };

  const patches = [...found.values()].map(({ marks }) => marks.toPatch(locale, withNotes));
  const workbookLocale = found.values().next().value?.marks.sheetLocale ?? locale;
  const summary =
    options.summary === false ? null : buildSummaryWrite(plan, report, snapshot, workbookLocale, withCharts);
  if (summary !== null && !summary.ok) {
    return { batch: null, result: { ok: false, problems: [summary.problem] } };
  }
  return {
    // The workbook opens on 汇总 once it is written: what the user asked for.
    batch: {
      sheets: summary ? [summary.write] : [],
      patches,
      activate: summary ? summary.write.layout.name : null,
      // A unit's workbook: its marks go into sheets the add-in protected (see splitWorkbook).
      ...(readScope(meta) === null ? {} : { reprotect: true }),
    },
    result: {
      ok: true,
      report,
      summarySheet: summary ? summary.write.layout.name : null,
      markedSheets: patches.map((p) => p.sheet),
    },
  };
}

/** Every cell the host read on the sheet, from A1 (the add-in's old notes are cleared there). */
function extentOf(sheet: SheetSnapshot): { row: number; col: number; rowCount: number; colCount: number } {
  const width = sheet.values.reduce((max, r) => Math.max(max, r.length), 0);
  return { row: 0, col: 0, rowCount: sheet.startRow + sheet.values.length, colCount: sheet.startCol + width };
}
