import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import {
  checkMonitoringRow,
  findDuplicateSamples,
  warnSamplesAfterAsOf,
  type CheckedMonitoringRow,
} from "../../core/validation/checkMonitoringRow";
import { PointPeriod, type PointJudgement } from "../../core/validation/judgePoint";
import {
  createPointResolver,
  monitoringPoints,
  type MonitoringPoint,
  type PointKind,
} from "../../core/validation/monitoringPoints";
import type { PointMonthTracker } from "../../core/validation/trackPointMonths";
import { problem } from "../../core/validation/validationProblem";
import { getParameter, isParameterKey, type ParameterKey } from "../../core/water-quality/parameters";
import { formatWaterClass } from "../../core/water-quality/waterClass";
import type { ReadRow } from "../readSheet";
import type { SheetKey } from "../sheetSpec";
import type { FoundSheet } from "./sheetMarks";
import type { ReportPoint } from "./validationReport";
import { parameterName, pointClassText, verdictFills, verdictWords } from "./verdicts";

/**
 * Judges every point of the plan (the sections of 附件2–3 and the sources of 附件4–5): checks every
 * row of 监测数据, gathers each point's samples over the plan year to the as-of day, and judges the
 * point against its target from them (else from the class entered on its row), writing the
 * computed columns of its row. Points whose row is missing are judged all the same.
 *
 * @example
 * const points = judgePoints(plan, "2023-06-30", found, planRows);
 * points.map(toReportPoint);
 */
export function judgePoints(
  plan: Plan,
  asOf: string,
  found: ReadonlyMap<SheetKey, FoundSheet>,
  planRows: ReadonlyMap<SheetKey, Map<ReadRow, unknown>>,
  months?: PointMonthTracker,
): PointJudgement[] {
  const points = monitoringPoints(plan);
  const periods = new Map(points.map((p) => [p.name, new PointPeriod(p)]));
  const invalidPoints = checkMonitoring(plan, asOf, points, found.get("monitoring"), periods, months);
  return judgePointSheets(plan, found, planRows, periods, invalidPoints);
}

/** "数据有误" names the monitoring rows at fault, so a reader finds them without the issue list. */
function namingInvalidRows(judgement: PointJudgement, rows: readonly number[] | undefined): PointJudgement {
  if (rows === undefined || !judgement.problems.some((p) => p.code === "point_data_invalid"))
    return judgement;
  return {
    ...judgement,
    problems: judgement.problems.map((p) =>
      p.code === "point_data_invalid" ? { ...p, params: { ...p.params, rows } } : p,
    ),
  };
}

/** Checks every row of 监测数据 and adds the usable samples to their points' periods. */
function checkMonitoring(
  plan: Plan,
  asOf: string,
  points: readonly MonitoringPoint[],
  sheet: FoundSheet | undefined,
  periods: ReadonlyMap<string, PointPeriod>,
  months: PointMonthTracker | undefined,
): Map<string, number[]> {
  // Each point with wrong monitoring data, with the rows (1-based) at fault.
  const invalid = new Map<string, number[]>();
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
        remark: row.values.get("remark") ?? null,
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
    if (!row.afterAsOf && (row.hasErrors || repeatOf !== undefined)) {
      const rows = invalid.get(row.point.name) ?? [];
      rows.push(sheetRow + 1);
      invalid.set(row.point.name, rows);
    }
    if (row.inPeriod && repeatOf === undefined) {
      periods.get(row.point.name)?.add(row.sample);
      if (row.date) months?.add(row.point, row.date.iso, row.sample);
    }
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
  invalidPoints: ReadonlyMap<string, readonly number[]>,
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
      const judgement = namingInvalidRows(
        period.judge(row.values.get("measuredClass") ?? null, invalidPoints.has(name)),
        invalidPoints.get(name),
      );
      judged.set(name, judgement);
      marks.add(row.sheetRow, judgement.problems);
      const l = marks.sheetLocale;
      marks.setComputed(
        row.sheetRow,
        "computedClass",
        pointClassText(judgement.computedClass, judgement.items, judgement.missingCore, l),
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
      namingInvalidRows(
        (periods.get(point.name) ?? new PointPeriod(point)).judge(null, invalidPoints.has(point.name)),
        invalidPoints.get(point.name),
      ),
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
export function toReportPoint(p: PointJudgement): ReportPoint {
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
    items: p.items,
    missingCore: p.missingCore,
    exceedances: p.exceedances.map((e) => ({
      parameter: getParameter(e.parameter).nameZh,
      key: e.parameter,
      multiple: e.multiple === null ? null : Math.round(e.multiple * 10_000) / 10_000,
    })),
  };
}
