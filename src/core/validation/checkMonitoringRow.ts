import { isFlaggedRemark } from "../import/importRemark";
import type { SampleValues } from "../water-quality/classifyPeriod";
import { getClassLimit } from "../water-quality/classifyParameter";
import { getParameter, type ParameterDef, type ParameterKey } from "../water-quality/parameters";
import { parseMeasuredValue, type MeasuredValue } from "../water-quality/parseMeasuredValue";
import type { MonitoringPoint } from "./monitoringPoints";
import { parseEntryDate } from "./parseEntryDate";
import { plausibleRanges } from "./plausibility";
import { inputText, problem, type Problem } from "./validationProblem";

/** One row of 监测数据 as typed: the point, the sampling date and each parameter's cell. */
export interface MonitoringRowInput {
  readonly point: unknown;
  readonly sampledOn: unknown;
  /** The cells of the parameter columns present on the sheet. */
  readonly values: ReadonlyMap<ParameterKey, unknown>;
  /** The row's 备注: a row the import flagged (see isFlaggedRemark) is no sample. */
  readonly remark?: unknown;
}

export interface MonitoringRowContext {
  readonly year: number;
  /** The as-of day, "YYYY-MM-DD": samples after it are left out of the period. */
  readonly asOf: string;
  readonly findPoint: (typed: string) => MonitoringPoint | undefined;
}

/** What a row gives the period judgement, and what was wrong with it. */
export interface CheckedMonitoringRow {
  readonly problems: readonly Problem[];
  readonly point: MonitoringPoint | null;
  readonly date: { readonly iso: string; readonly minutes: number | null } | null;
  /** The values that can be used: problems and implausible values left out. */
  readonly sample: SampleValues;
  /**
   * Whether any error was found in the row. Its point's verdict then says 数据有误, unless the row
   * lies after the as-of day (`afterAsOf`): such a row is outside the period judged.
   */
  readonly hasErrors: boolean;
  /** Whether the sample belongs to the period (plan year up to the as-of day) and can be judged. */
  readonly inPeriod: boolean;
  /**
   * Whether the sampling date lies in the plan year after the as-of day: staff enter samples up to
   * today while the as-of day is the end of last month. Not a problem of the row; the sheet gets
   * one warning that counts them (`warnSamplesAfterAsOf`).
   */
  readonly afterAsOf: boolean;
}

/** The column key of a parameter on the monitoring sheet. */
export const parameterField = (key: ParameterKey): string => `param:${key}`;

/** The limit a below-detection value is judged against: the target class's, or Table 2/3's own. */
function limitInQuestion(def: ParameterDef, point: MonitoringPoint): number | undefined {
  if (def.limits.kind === "single") return def.limits.limit;
  return getClassLimit(def, point.target, point.waterbody);
}

function checkValue(
  key: ParameterKey,
  raw: unknown,
  point: MonitoringPoint | null,
  problems: Problem[],
): MeasuredValue | null {
  const field = parameterField(key);
  const measured = parseMeasuredValue(raw);
  const def = getParameter(key);
  switch (measured.kind) {
    case "problem":
      problems.push(problem("measured_value", measured.severity, field, { waterQuality: measured }));
      return null;
    case "not_monitored":
      return null;
    case "value": {
      const range = plausibleRanges[key];
      if (range && (measured.value < range.min || measured.value > range.max)) {
        problems.push(
          // The parameter by its key: each language's message names it and its unit.
          problem("implausible_value", "error", field, {
            parameters: [key],
            value: measured.value,
            min: range.min,
            max: range.max,
          }),
        );
        return null;
      }
      // The period's pH is a mean: eleven days at 7.0 and one at 4.0 average 6.75, inside 6–9.
      // The sample outside the range is said at its own cell, whatever the mean.
      if (
        def.limits.kind === "range" &&
        (measured.value < def.limits.min || measured.value > def.limits.max)
      ) {
        problems.push(
          problem("sample_out_of_range", "warning", field, {
            parameters: [key],
            value: measured.value,
            min: def.limits.min,
            max: def.limits.max,
          }),
        );
      }
      return measured;
    }
    case "below_detection": {
      const limit = point ? limitInQuestion(def, point) : undefined;
      if (
        measured.limit !== null &&
        limit !== undefined &&
        def.direction === "le" &&
        measured.limit > limit
      ) {
        problems.push(
          problem("measured_value", "warning", field, {
            waterQuality: {
              code: "detection_limit_above_limit",
              severity: "warning",
              parameter: key,
              detectionLimit: measured.limit,
              limit,
              // The period's mean counts it at ½ DL (D3): the row says so, the point gives the verdict.
              countedAs: measured.limit / 2,
            },
          }),
        );
      }
      return measured;
    }
  }
}

/**
 * Checks one row of 监测数据: the point is one of the plan's, the sampling date is readable and in
 * the plan year, every value is readable, not negative and plausible, and a value below a detection
 * limit above the limit in question is flagged (it cannot be judged). Returns the usable values.
 * Duplicates across rows are found by `findDuplicateSamples`, samples after the as-of day are
 * counted by `warnSamplesAfterAsOf`.
 *
 * @example
 * checkMonitoringRow({ point: "露塘", sampledOn: "2023.5.1", values: new Map([["ph", "abc"]]) }, context)
 * // problems: [{ code: "measured_value", field: "param:ph", … unreadable_value }]
 */
export function checkMonitoringRow(
  input: MonitoringRowInput,
  context: MonitoringRowContext,
): CheckedMonitoringRow {
  const problems: Problem[] = [];
  let point: MonitoringPoint | null = null;
  const typedPoint = inputText(input.point).trim();
  if (typedPoint === "") {
    problems.push(problem("missing_point", "error", "point"));
  } else {
    point = context.findPoint(typedPoint) ?? null;
    if (point === null) problems.push(problem("unknown_point", "error", "point", { input: typedPoint }));
  }

  let date: CheckedMonitoringRow["date"] = null;
  let inPeriod = false;
  let afterAsOf = false;
  const parsed = parseEntryDate(input.sampledOn);
  switch (parsed.kind) {
    case "empty":
      problems.push(problem("missing_sampling_date", "error", "sampledOn"));
      break;
    case "unreadable":
      problems.push(problem("unreadable_sampling_date", "error", "sampledOn", { input: parsed.input }));
      break;
    case "date":
      if (!parsed.iso.startsWith(`${context.year}-`)) {
        problems.push(
          problem("sampling_date_outside_plan_year", "error", "sampledOn", {
            date: parsed.iso,
            value: context.year,
          }),
        );
      } else if (parsed.iso > context.asOf) {
        date = parsed;
        afterAsOf = true;
      } else {
        date = parsed;
        inPeriod = true;
      }
      break;
  }

  const sample: Partial<Record<ParameterKey, MeasuredValue>> = {};
  let typed = false;
  for (const [key, raw] of input.values) {
    if (inputText(raw).trim() !== "") typed = true;
    const value = checkValue(key, raw, point, problems);
    if (value !== null) sample[key] = value;
  }
  // A row the import flagged (the station under maintenance, …) keeps its values in 备注 and is
  // never counted as a sample, whatever its parameter cells hold: one warning at its 备注 says so.
  const flagged = isFlaggedRemark(inputText(input.remark ?? null).trim());
  if (flagged) {
    problems.push(
      problem("flagged_sample_not_counted", "warning", "remark", { name: point?.name ?? typedPoint }),
    );
  }
  // A point and a date with no value at all is a sample still to be typed in: it is not counted
  // (样品数 would say 1 while nothing can be judged), and the row says why.
  if (!typed && !flagged && point !== null && date !== null) {
    problems.push(problem("sample_without_values", "warning", "point", { name: point.name }));
  }
  const hasErrors = problems.some((p) => p.severity === "error");
  return {
    problems,
    point,
    date,
    sample,
    hasErrors,
    inPeriod: inPeriod && point !== null && typed && !flagged,
    afterAsOf,
  };
}

/**
 * One warning for all the samples dated after the as-of day, at the sampling date of the first such
 * row, naming how many there are: a row-by-row warning would mark every sample staff entered since
 * the month's end, though nothing is wrong with them. Null when there are none.
 *
 * @example
 * warnSamplesAfterAsOf(checkedRows, "2023-06-30")
 * // { index: 12, problem: { code: "sampling_date_after_as_of", params: { count: 3, date: "2023-07-03", actual: "2023-06-30" }, … } }
 */
export function warnSamplesAfterAsOf(
  rows: readonly CheckedMonitoringRow[],
  asOf: string,
): { readonly index: number; readonly problem: Problem } | null {
  const index = rows.findIndex((row) => row.afterAsOf);
  const first = rows[index];
  if (first === undefined) return null;
  const count = rows.filter((row) => row.afterAsOf).length;
  return {
    index,
    problem: problem("sampling_date_after_as_of", "warning", "sampledOn", {
      count,
      date: first.date?.iso ?? "",
      actual: asOf,
    }),
  };
}

/**
 * Rows that repeat a sample: the same point at the same time. A date without a time is one sample
 * that day; automatic stations that report several a day give times, and those are distinct.
 * Returns, for each repeat, the index of the row it repeats.
 *
 * @example
 * findDuplicateSamples([{ point: "露塘", date: "2023-05-01", minutes: null }, { point: "露塘", date: "2023-05-01", minutes: null }])
 * // Map { 1 => 0 }
 */
export function findDuplicateSamples(
  rows: readonly ({
    readonly point: string;
    readonly date: string;
    readonly minutes: number | null;
  } | null)[],
): Map<number, number> {
  const firstByKey = new Map<string, number>();
  const repeats = new Map<number, number>();
  rows.forEach((row, index) => {
    if (row === null) return;
    const key = `${row.point}|${row.date}|${row.minutes ?? "day"}`;
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, index);
    else repeats.set(index, first);
  });
  return repeats;
}
