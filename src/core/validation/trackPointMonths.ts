import { PeriodAccumulator, type SampleValues } from "../water-quality/classifyPeriod";
import { computeAllowance, type Allowance } from "../water-quality/computeAllowance";
import type { ParameterKey } from "../water-quality/parameters";
import type { WaterClass } from "../water-quality/waterClass";
import type { MonitoringPoint } from "./monitoringPoints";

/** A point's class month by month over the plan year: index 0 is January; null where no sample. */
export interface PointMonthClasses {
  readonly point: MonitoringPoint;
  readonly classes: readonly (WaterClass | null)[];
}

/** The 达标倒推 of one parameter that decides (or threatens) a point's class. */
export interface PointAllowance extends Allowance {
  readonly point: MonitoringPoint;
  /** The year-to-date mean and its samples: the same figures the point's class rests on. */
  readonly mean: number;
  readonly samples: number;
  /** The latest month with data (1–12) and its mean. */
  readonly latestMonth: number;
  readonly latest: number;
  readonly remainingMonths: number;
}

/** Months of the plan year. */
const monthsInYear = 12;

/**
 * Collects the samples validation counts for each point (the plan year up to the as-of day, without
 * repeats) month by month, beside the year so far, for the class grid (水质类别月度变化) and the
 * 达标倒推 with its early warnings. Fed the same samples as each point's `PointPeriod`, so the year's
 * means are the ones the point's class rests on.
 *
 * @example
 * const months = new PointMonthTracker();
 * months.add(point, "2023-05-10", { nh3n: 0.6 });
 * months.classes([point])[0]?.classes[4] // 2
 */
export class PointMonthTracker {
  private readonly byPoint = new Map<
    string,
    { year: PeriodAccumulator; months: Map<number, PeriodAccumulator> }
  >();

  /** Adds one counted sample, dated "YYYY-MM-DD", to its point's month and year. */
  add(point: MonitoringPoint, iso: string, sample: SampleValues): void {
    const month = Number(iso.slice(5, 7));
    if (!(month >= 1 && month <= monthsInYear)) return;
    let entry = this.byPoint.get(point.name);
    if (!entry) {
      entry = { year: new PeriodAccumulator(point.waterbody), months: new Map() };
      this.byPoint.set(point.name, entry);
    }
    entry.year.add(sample);
    let accumulator = entry.months.get(month);
    if (!accumulator) {
      accumulator = new PeriodAccumulator(point.waterbody);
      entry.months.set(month, accumulator);
    }
    accumulator.add(sample);
  }

  /** Every point's class in each month of the year (the mean of the month's samples). */
  classes(points: readonly MonitoringPoint[]): PointMonthClasses[] {
    return points.map((point) => {
      const months = this.byPoint.get(point.name)?.months;
      return {
        point,
        classes: Array.from({ length: monthsInYear }, (_, i) => months?.get(i + 1)?.judge().class ?? null),
      };
    });
  }

  /**
   * For every point with samples, the 达标倒推 of each parameter that decides its year-to-date class,
   * misses its target or comes within 10 % of the target's limit, as of `asOf` ("YYYY-MM-DD").
   */
  allowances(points: readonly MonitoringPoint[], asOf: string): PointAllowance[] {
    const remainingMonths = monthsInYear - Number(asOf.slice(5, 7));
    const result: PointAllowance[] = [];
    for (const point of points) {
      const entry = this.byPoint.get(point.name);
      if (!entry) continue;
      const year = entry.year.judge();
      const monthly = [...entry.months.entries()]
        .sort(([a], [b]) => a - b)
        .map(([month, accumulator]) => ({ month, judgement: accumulator.judge() }));
      for (const parameter of year.parameters) {
        if (parameter.value === null || parameter.class === null) continue;
        const key: ParameterKey = parameter.parameter;
        const withData = monthly.flatMap(({ month, judgement }) => {
          const value = judgement.parameters.find((p) => p.parameter === key)?.value;
          return value === null || value === undefined ? [] : [{ month, value }];
        });
        const last = withData[withData.length - 1];
        if (!last) continue;
        const allowance = computeAllowance({
          parameter: key,
          waterbody: point.waterbody,
          target: point.target,
          mean: parameter.value,
          samples: parameter.sampleCount,
          monthsWithData: withData.length,
          remainingMonths,
          latest: last.value,
        });
        if (!allowance) continue;
        const decides = year.class !== null && parameter.class === year.class;
        if (!decides && allowance.warnings.length === 0 && parameter.class <= point.target) continue;
        result.push({
          ...allowance,
          point,
          mean: parameter.value,
          samples: parameter.sampleCount,
          latestMonth: last.month,
          latest: last.value,
          remainingMonths,
        });
      }
    }
    return result;
  }
}
