import type { Locale } from "../../core/locale";
import type { NumericTarget, Plan, PlanTask } from "../../core/plan/planSchema";
import { resolveDeadline } from "../../core/plan/resolveDeadline";
import { checkIndicatorEntry, comparatorSigns } from "../../core/validation/checkIndicatorEntry";
import {
  checkMonitoringRow,
  findDuplicateSamples,
  warnSamplesAfterAsOf,
  type CheckedMonitoringRow,
} from "../../core/validation/checkMonitoringRow";
import { checkOutfallEntry } from "../../core/validation/checkOutfallEntry";
import { checkTaskEntry, type TaskDeadline } from "../../core/validation/checkTaskEntry";
import { formatProblem } from "../../core/validation/formatProblem";
import { judgeGoal, type GoalJudgement } from "../../core/validation/judgeGoal";
import { PointPeriod, type PointJudgement } from "../../core/validation/judgePoint";
import {
  createPointResolver,
  monitoringPoints,
  type MonitoringPoint,
  type PointKind,
} from "../../core/validation/monitoringPoints";
import { problem, type Problem } from "../../core/validation/validationProblem";
import { getParameter, isParameterKey, type ParameterKey } from "../../core/water-quality/parameters";
import { formatWaterClass } from "../../core/water-quality/waterClass";
import { columnLetters } from "../a1";
import type { CellValue } from "../layout";
import { metaSheetName, readSettings } from "../metaSheet";
import type { SheetSnapshot, UpdatePlan, WorkbookPort, WorkbookSnapshot } from "../port";
import { matchPlanRows } from "../planCells";
import { identityPart, isBlank, readSheet, type ReadRow } from "../readSheet";
import type { AnySheetSpec, SheetKey } from "../sheetSpec";
import { palette } from "../sheetSpec";
import { workbookSpec } from "../workbookSpec";
import { a1, SheetMarks } from "./sheetMarks";
import { buildSummaryWrite, summarySheetNames, type SummaryProblem } from "./summarySheet";
import type {
  ReportGoal,
  ReportIndicator,
  ReportIssue,
  ReportPoint,
  ReportTask,
  ValidationReport,
} from "./validationReport";
import { parameterName, verdictFills, verdictWords } from "./verdicts";

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
    planValidation(plan, options, snapshot, port.features.notes),
  );
}

interface FoundSheet {
  readonly spec: AnySheetSpec;
  readonly marks: SheetMarks;
}

function planValidation(
  plan: Plan,
  options: ValidateOptions,
  snapshot: WorkbookSnapshot,
  withNotes: boolean,
): UpdatePlan<ValidateOutcome> {
  const { locale, asOf } = options;
  const byLower = new Map([...snapshot.sheets].map(([, sheet]) => [sheet.name.toLowerCase(), sheet]));
  const meta = byLower.get(metaSheetName.toLowerCase());
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
      const p = problem("columns_missing", "warning", null, { sheet: sheet.name, name: lacking.join("、") });
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

  const points = monitoringPoints(plan);
  const periods = new Map(points.map((p) => [p.name, new PointPeriod(p)]));
  const invalidPoints = checkMonitoring(plan, asOf, points, found.get("monitoring"), periods);
  const pointResults = judgePointSheets(plan, found, planRows, periods, invalidPoints);
  const survey = checkSurvey(found.get("outfallRivers"));
  const indicators = checkIndicators(
    plan,
    found.get("indicators"),
    planRows.get("indicators"),
    survey,
    locale,
  );
  const tasks = checkTasks(plan, asOf, publishedOn, found.get("tasks"), planRows.get("tasks"));

  const goalEvidence = {
    points: pointResults.map((p) => ({ kind: p.point.kind, class: p.class, verdict: p.verdict })),
    tasks: new Map(tasks.map((t) => [t.number, { status: t.status, overdue: t.overdue }])),
  };
  const goals: ReportGoal[] = plan.goals.map((goal) => {
    const figures = judgeGoal(goal, goalEvidence);
    return {
      key: goal.key,
      name: locale === "zh-CN" ? goal.text : goal.textEn,
      target: goalTarget(goal.judgement, locale),
      actual: goalActual(figures, goal.judgement.kind, locale),
      status: figures.verdict,
      figures,
    };
  });

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
  };

  const patches = [...found.values()].map(({ marks }) => marks.toPatch(locale, withNotes));
  const workbookLocale = found.values().next().value?.marks.sheetLocale ?? locale;
  const summary =
    options.summary === false ? null : buildSummaryWrite(plan, report, snapshot, workbookLocale);
  if (summary !== null && !summary.ok) {
    return { batch: null, result: { ok: false, problems: [summary.problem] } };
  }
  return {
    batch: { sheets: summary ? [summary.write] : [], patches, activate: null },
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

/**
 * Matches read rows to the plan's rows by identity, and meanwhile: warns where a plan cell no longer
 * holds the plan's text, greys entry cells that take no entry on their row, and marks rows the plan
 * does not have. Such a row (its identity blank, as under a 序号 merged over two rows, or not the
 * plan's, or a second row of one identity) is filled and warned about at its first filled cell:
 * what is entered there is neither checked nor summarised, and must not go unnoticed.
 */
function checkPlanRows(spec: AnySheetSpec, marks: SheetMarks): Map<ReadRow, unknown> {
  const { matched, changed } = matchPlanRows(spec, marks.read);
  if (spec.identity.length === 0) return matched;
  // The first row of an identity is the plan's row, as generating again keeps it.
  const claimed = new Map<unknown, ReadRow>();
  for (const row of marks.read.rows) {
    const planRow = matched.get(row);
    const first = planRow === undefined ? undefined : claimed.get(planRow);
    if (planRow === undefined || first !== undefined) {
      matched.delete(row);
      marks.fillRow(row.sheetRow, palette.orphanFill);
      const notInPlan = rowNotInPlan(spec, marks, row, first);
      if (notInPlan !== null) marks.addAt(row.sheetRow, notInPlan.key, notInPlan.problem);
      continue;
    }
    claimed.set(planRow, row);
    for (const column of spec.columns) {
      if (column.kind === "entry" && column.appliesTo && !column.appliesTo(planRow)) {
        marks.fillCell(row.sheetRow, column.key, palette.planCellFill);
      }
    }
  }
  const matchedRows = new Set([...matched.keys()].map((row) => row.sheetRow));
  for (const cell of changed) {
    if (!matchedRows.has(cell.row)) continue;
    marks.addAt(
      cell.row,
      cell.key,
      problem("plan_cell_changed", "warning", cell.key, {
        expected: shown(cell.expected),
        input: shown(cell.actual),
      }),
    );
  }
  return matched;
}

/**
 * The warning for a row the plan does not have, at its first filled plan or entry cell (computed
 * cells are the add-in's own); null for a row that holds nothing but the user's own columns.
 */
function rowNotInPlan(
  spec: AnySheetSpec,
  marks: SheetMarks,
  row: ReadRow,
  first: ReadRow | undefined,
): { key: string; problem: Problem } | null {
  let key: string | null = null;
  let leftmost = Infinity;
  for (const column of spec.columns) {
    const col = marks.column(column.key);
    if (column.kind === "computed" || col === undefined || col >= leftmost) continue;
    if (!isBlank(row.values.get(column.key))) {
      key = column.key;
      leftmost = col;
    }
  }
  if (key === null) return null;
  // Headers as one line: the source's "序\n号" is 序号, an English "River\nname" is "River name".
  const joiner = marks.sheetLocale === "zh-CN" ? "" : " ";
  const headers = spec.identity.map(
    (k) =>
      spec.columns
        .find((c) => c.key === k)
        ?.header[marks.sheetLocale].trim()
        .replace(/\s+/gu, joiner) ?? k,
  );
  const parts = spec.identity.map((k) => identityPart(row.values.get(k)));
  const typed = parts.every((p) => p !== "") ? parts.join(" ") : null;
  return {
    key,
    problem: problem("row_not_in_plan", "warning", key, {
      name: headers.join(" / "),
      ...(typed === null ? {} : { input: typed }),
      ...(first === undefined ? {} : { row: first.sheetRow + 1 }),
    }),
  };
}

function shown(value: CellValue): string {
  return value === null ? "" : String(value);
}

/** Checks every row of 监测数据 and adds the usable samples to their points' periods. */
function checkMonitoring(
  plan: Plan,
  asOf: string,
  points: readonly MonitoringPoint[],
  sheet: FoundSheet | undefined,
  periods: ReadonlyMap<string, PointPeriod>,
): Set<string> {
  const invalid = new Set<string>();
  if (!sheet) return invalid;
  const { marks } = sheet;
  const parameterKeys: ParameterKey[] = [];
  for (const key of marks.read.columns.keys()) {
    const parameter = key.startsWith("param:") ? key.slice("param:".length) : "";
    if (isParameterKey(parameter)) parameterKeys.push(parameter);
  }
  const context = { year: plan.year, asOf, findPoint: createPointResolver(points) };
  const checked: CheckedMonitoringRow[] = marks.read.rows.map((row) =>
    checkMonitoringRow(
      {
        point: row.values.get("point") ?? null,
        sampledOn: row.values.get("sampledOn") ?? null,
        values: new Map(parameterKeys.map((key) => [key, row.values.get(`param:${key}`) ?? null])),
      },
      context,
    ),
  );
  const repeats = findDuplicateSamples(
    checked.map((c) =>
      c.point && c.date ? { point: c.point.name, date: c.date.iso, minutes: c.date.minutes } : null,
    ),
  );
  const late = warnSamplesAfterAsOf(checked, asOf);
  checked.forEach((row, index) => {
    const sheetRow = marks.read.rows[index]?.sheetRow ?? 0;
    marks.add(sheetRow, row.problems);
    if (late?.index === index) marks.add(sheetRow, [late.problem]);
    const repeatOf = repeats.get(index);
    if (repeatOf !== undefined) {
      const first = marks.read.rows[repeatOf]?.sheetRow ?? 0;
      marks.add(sheetRow, [problem("duplicate_sample", "error", "sampledOn", { row: first + 1 })]);
    }
    if (!row.point) return;
    // A row after the as-of day is outside the period: its errors are marked, its point not spoilt.
    if (!row.afterAsOf && (row.hasErrors || repeatOf !== undefined)) invalid.add(row.point.name);
    if (row.inPeriod && repeatOf === undefined) periods.get(row.point.name)?.add(row.sample);
  });
  return invalid;
}

const pointSheetKeys: readonly (readonly [SheetKey, PointKind])[] = [
  ["nationalSections", "national_section"],
  ["regionalSections", "regional_section"],
  ["municipalSources", "municipal_source"],
  ["countySources", "county_source"],
];

/** Judges every point of the plan, writing the computed columns of 附件2–5. */
function judgePointSheets(
  plan: Plan,
  found: ReadonlyMap<SheetKey, FoundSheet>,
  planRows: ReadonlyMap<SheetKey, Map<ReadRow, unknown>>,
  periods: ReadonlyMap<string, PointPeriod>,
  invalidPoints: ReadonlySet<string>,
): PointJudgement[] {
  const judged = new Map<string, PointJudgement>();
  for (const [key] of pointSheetKeys) {
    const sheet = found.get(key);
    const rows = planRows.get(key);
    if (!sheet || !rows) continue;
    const { marks } = sheet;
    for (const [row, planRow] of rows) {
      const name = (planRow as { name: string }).name;
      const period = periods.get(name);
      if (!period || judged.has(name)) continue;
      const judgement = period.judge(row.values.get("measuredClass") ?? null, invalidPoints.has(name));
      judged.set(name, judgement);
      marks.add(row.sheetRow, judgement.problems);
      const l = marks.sheetLocale;
      marks.setComputed(
        row.sheetRow,
        "computedClass",
        judgement.computedClass === null ? "" : formatWaterClass(judgement.computedClass, l),
      );
      marks.setComputed(row.sheetRow, "exceedances", formatExceedances(judgement, l));
      marks.setComputed(row.sheetRow, "samples", judgement.samples);
      marks.setComputed(row.sheetRow, "verdict", verdictWords[judgement.verdict][l]);
      marks.fillCell(row.sheetRow, "verdict", verdictFills[judgement.verdict]);
    }
  }
  // Points whose row is not on their sheet are still judged from the monitoring data.
  return monitoringPoints(plan).map(
    (point) =>
      judged.get(point.name) ??
      (periods.get(point.name) ?? new PointPeriod(point)).judge(null, invalidPoints.has(point.name)),
  );
}

/** "氨氮(0.18)、溶解氧": the parameters that miss the target, with their multiples where they have one. */
function formatExceedances(judgement: PointJudgement, locale: Locale): string {
  return judgement.exceedances
    .map((e) => {
      const name = parameterName(e.parameter, locale);
      return e.multiple === null ? name : `${name}(${roundMultiple(e.multiple)})`;
    })
    .join(locale === "zh-CN" ? "、" : ", ");
}

function roundMultiple(multiple: number): number {
  return Math.round(multiple * 100) / 100;
}

/**
 * A point as the report gives it. Classes and parameter names are always the standard's Chinese
 * forms ("Ⅱ类", "劣Ⅴ类", "氨氮（NH3-N）"), whatever the language of messages: the report is a data
 * document other programs read.
 */
function toReportPoint(p: PointJudgement): ReportPoint {
  const cls = (c: PointJudgement["class"]): string | null =>
    c === null ? null : formatWaterClass(c, "zh-CN");
  return {
    name: p.point.name,
    kind: p.point.kind,
    target: formatWaterClass(p.point.target, "zh-CN"),
    class: cls(p.class),
    enteredClass: cls(p.enteredClass),
    computedClass: cls(p.computedClass),
    status: p.verdict,
    samples: p.samples,
    exceedances: p.exceedances.map((e) => ({
      parameter: getParameter(e.parameter).nameZh,
      key: e.parameter,
      multiple: e.multiple === null ? null : Math.round(e.multiple * 10_000) / 10_000,
    })),
  };
}

type SurveyShare = NonNullable<NonNullable<NumericTarget["denominator"]>["source"]>;

/** Each survey share's [part, whole] in 附件6: which counts, by entry column. */
const surveyShares: Readonly<Record<SurveyShare, readonly [OutfallCount, OutfallCount]>> = {
  outfall_traced: ["traced", "outfalls"],
  outfall_remediated: ["remediated", "remediationTasks"],
};

type OutfallCount = "outfalls" | "traced" | "remediationTasks" | "remediated";

/**
 * 附件6's totals for each survey share, over the rivers where both its part and its whole were
 * entered: a blank count is nothing reported yet, not 0 (a river with 20 outfalls found and its
 * traced count still blank must not make the share 0 %), and a river that reported only one of
 * the two must not skew the other rivers' share. Null for a share no river has reported.
 */
type SurveyTotals = Readonly<Record<SurveyShare, { readonly part: number; readonly whole: number } | null>>;

/** Checks 附件6 and totals its counts (task 16's shares are computed from them). */
function checkSurvey(sheet: FoundSheet | undefined): SurveyTotals | null {
  if (!sheet) return null;
  const totals: Record<SurveyShare, { part: number; whole: number } | null> = {
    outfall_traced: null,
    outfall_remediated: null,
  };
  for (const row of sheet.marks.read.rows) {
    const get = (key: string): CellValue => row.values.get(key) ?? null;
    const checked = checkOutfallEntry({
      surveyDone: get("surveyDone"),
      outfalls: get("outfalls"),
      traced: get("traced"),
      remediationTasks: get("remediationTasks"),
      remediated: get("remediated"),
    });
    sheet.marks.add(row.sheetRow, checked.problems);
    for (const share of Object.keys(surveyShares) as SurveyShare[]) {
      const [partKey, wholeKey] = surveyShares[share];
      const part = checked.counts[partKey];
      const whole = checked.counts[wholeKey];
      if (part === null || whole === null) continue;
      const total = totals[share] ?? { part: 0, whole: 0 };
      totals[share] = { part: total.part + part, whole: total.whole + whole };
    }
  }
  return totals;
}

/** Task 16's shares, from 附件6, by the survey share the plan's denominator names as its source. */
function derivedShare(target: NumericTarget, survey: SurveyTotals | null): number | null {
  const source = target.denominator?.source ?? null;
  const total = source === null ? null : (survey?.[source] ?? null);
  if (total === null || total.whole <= 0) return null;
  return Math.round((total.part / total.whole) * 100 * 100) / 100;
}

function checkIndicators(
  plan: Plan,
  sheet: FoundSheet | undefined,
  rows: ReadonlyMap<ReadRow, unknown> | undefined,
  survey: SurveyTotals | null,
  locale: Locale,
): ReportIndicator[] {
  const byTarget = new Map<NumericTarget, ReadRow>();
  for (const [row, target] of rows ?? []) byTarget.set(target as NumericTarget, row);
  return plan.targets.map((target) => {
    const row = byTarget.get(target);
    const get = (key: string): CellValue => row?.values.get(key) ?? null;
    const checked = checkIndicatorEntry(target, {
      actual: get("actual"),
      baseValue: get("baseValue"),
      reduction: get("reduction"),
      derived: derivedShare(target, survey),
    });
    if (sheet && row) {
      const { marks } = sheet;
      marks.add(row.sheetRow, checked.problems);
      marks.setComputed(
        row.sheetRow,
        "computedValue",
        checked.actual === null ? "" : Math.round(checked.actual * 100) / 100,
      );
      marks.setComputed(row.sheetRow, "verdict", verdictWords[checked.verdict][marks.sheetLocale]);
      marks.fillCell(row.sheetRow, "verdict", verdictFills[checked.verdict]);
    }
    return {
      id: target.id,
      task: target.task,
      name: locale === "zh-CN" ? target.indicator : target.indicatorEn,
      target: `${target.measure === "reduction_from_base" ? (locale === "zh-CN" ? "降幅 " : "cut ") : ""}${comparatorSigns[target.comparator]} ${target.value}${target.unit}`,
      soft: target.soft,
      actual: checked.actual,
      status: checked.verdict,
    };
  });
}

const msPerDay = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay);
}

/** A task's deadlines: the main one first, then its milestones, resolved to days where they can be. */
function taskDeadlines(task: PlanTask, publishedOn: string | null, locale: Locale): TaskDeadline[] {
  const day = (deadline: PlanTask["deadline"]): string | null => {
    const due = resolveDeadline(deadline, { publicationDate: publishedOn });
    return due.kind === "date" ? due.date : null;
  };
  return [
    { what: "", date: day(task.deadline) },
    ...task.additionalDeadlines.map((m) => ({
      what: locale === "zh-CN" ? m.what : m.whatEn,
      date: day(m.deadline),
    })),
  ];
}

function checkTasks(
  plan: Plan,
  asOf: string,
  publishedOn: string | null,
  sheet: FoundSheet | undefined,
  rows: ReadonlyMap<ReadRow, unknown> | undefined,
): ReportTask[] {
  const byTask = new Map<PlanTask, ReadRow>();
  for (const [row, task] of rows ?? []) byTask.set(task as PlanTask, row);
  return plan.tasks.map((task) => {
    const row = byTask.get(task);
    const locale = sheet?.marks.sheetLocale ?? "zh-CN";
    const deadlines = taskDeadlines(task, publishedOn, locale);
    const checked = checkTaskEntry(
      { status: row?.values.get("status") ?? null, completedOn: row?.values.get("completedOn") ?? null },
      deadlines,
      asOf,
      plan.year,
    );
    if (sheet && row) {
      const { marks } = sheet;
      marks.add(row.sheetRow, checked.problems);
      if (deadlines[0]?.date === null && task.deadline.kind === "working_days_after_publication") {
        marks.add(row.sheetRow, [problem("publication_date_not_set", "warning", "deadlineDate")]);
      }
      const overdueText = checked.overdue
        .map((d) => {
          const days = d.date === null ? 0 : daysBetween(d.date, asOf);
          const label = locale === "zh-CN" ? `逾期 ${days} 天` : `${days} days overdue`;
          return d.what === "" ? label : `${label}（${d.what}）`;
        })
        .join("\n");
      marks.setComputed(row.sheetRow, "overdue", overdueText);
      if (checked.overdue.length > 0) marks.fillCell(row.sheetRow, "overdue", palette.errorFill);
    }
    const main = deadlines[0]?.date ?? null;
    const overdue = checked.overdue.length > 0;
    return {
      number: task.number,
      mainTask: task.mainTask,
      leadUnits: task.leadUnits.text,
      deadlines: deadlines.map((d) => ({ what: d.what, date: d.date })),
      status: checked.status,
      completedOn: checked.completedOn,
      overdue,
      daysOverdue: overdue && main !== null && asOf > main ? daysBetween(main, asOf) : null,
    };
  });
}

function goalTarget(judgement: Plan["goals"][number]["judgement"], locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (judgement.kind) {
    case "good_share":
      return zh ? `优良比例 ≥ ${judgement.share}%` : `good-water share ≥ ${judgement.share}%`;
    case "all_meet_target":
      return zh ? "全部达到水质目标" : "all meet their targets";
    case "tasks_done":
      return zh ? `任务 ${judgement.tasks.join("、")} 完成` : `tasks ${judgement.tasks.join(", ")} done`;
  }
}

function goalActual(
  figures: GoalJudgement,
  kind: Plan["goals"][number]["judgement"]["kind"],
  locale: Locale,
): string {
  const zh = locale === "zh-CN";
  const missing = figures.total - figures.evaluated - figures.invalid;
  const notes = [
    ...(figures.invalid > 0
      ? [zh ? `${figures.invalid} 个数据有误` : `${figures.invalid} with invalid data`]
      : []),
    ...(missing > 0 ? [zh ? `${missing} 个无数据` : `${missing} without data`] : []),
  ];
  const gap = notes.length === 0 ? "" : zh ? `（${notes.join("，")}）` : ` (${notes.join(", ")})`;
  switch (kind) {
    case "good_share": {
      const share = figures.share === null ? "—" : `${Math.round(figures.share * 10) / 10}%`;
      // The share is of the points evaluated: "8/10 优良，比例 100%" would read as a contradiction.
      if (figures.evaluated < figures.total && figures.share !== null) {
        return zh
          ? `${figures.passing}/${figures.total} 优良，已评价 ${figures.evaluated} 个中比例 ${share}${gap}`
          : `${figures.passing}/${figures.total} good, ${share} of the ${figures.evaluated} evaluated${gap}`;
      }
      return zh
        ? `${figures.passing}/${figures.total} 优良，比例 ${share}${gap}`
        : `${figures.passing}/${figures.total} good, share ${share}${gap}`;
    }
    case "all_meet_target":
      return zh
        ? `${figures.passing}/${figures.total} 达标${gap}`
        : `${figures.passing}/${figures.total} met${gap}`;
    case "tasks_done":
      return zh ? `${figures.passing}/${figures.total} 已完成` : `${figures.passing}/${figures.total} done`;
  }
}
