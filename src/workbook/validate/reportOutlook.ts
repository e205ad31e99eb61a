import type { PointAllowance, PointMonthClasses } from "../../core/validation/trackPointMonths";
import { getParameter } from "../../core/water-quality/parameters";
import { formatWaterClass } from "../../core/water-quality/waterClass";
import type { ReportAllowance, ReportMonthClasses } from "./validationReport";

/** Six significant digits: far finer than any measurement, free of binary noise in the JSON. */
function tidy(value: number): number {
  return Number(value.toPrecision(6));
}

/**
 * A point's month-by-month classes as the report gives them, in the standard's Chinese forms.
 *
 * @example
 * toReportMonthClasses({ point, classes: [2, null, …] }).classes[0] // "Ⅱ类"
 */
export function toReportMonthClasses(row: PointMonthClasses): ReportMonthClasses {
  return {
    name: row.point.name,
    kind: row.point.kind,
    target: formatWaterClass(row.point.target, "zh-CN"),
    classes: row.classes.map((c) => (c === null ? null : formatWaterClass(c, "zh-CN"))),
  };
}

/**
 * A parameter's 达标倒推 as the report gives it.
 *
 * @example
 * toReportAllowance(allowance).parameter // "氨氮（NH3-N）"
 */
export function toReportAllowance(a: PointAllowance): ReportAllowance {
  return {
    point: a.point.name,
    kind: a.point.kind,
    target: formatWaterClass(a.point.target, "zh-CN"),
    parameter: getParameter(a.parameter).nameZh,
    key: a.parameter,
    bound: a.bound,
    limit: a.limit,
    mean: tidy(a.mean),
    samples: a.samples,
    latestMonth: a.latestMonth,
    latest: tidy(a.latest),
    remainingMonths: a.remainingMonths,
    expectedSamples: tidy(a.expectedSamples),
    allowance: a.allowance === null ? null : tidy(a.allowance),
    warnings: a.warnings,
  };
}
