import type { Waterbody } from "./classifyParameter";
import {
  addToSummary,
  createParameterSummary,
  judgeParameter,
  type ParameterJudgement,
  type ParameterSummary,
} from "./judgeParameter";
import { allParameters, evaluationParameters, type ParameterKey } from "./parameters";
import type { MeasuredValue } from "./parseMeasuredValue";
import type { WaterClass } from "./waterClass";
import type { WaterQualityIssue } from "./waterQualityIssue";

/**
 * One sample's values by parameter, in each parameter's display unit (multiply by the header's
 * factor first). A plain number is a measured value; a `MeasuredValue` from `parseMeasuredValue`
 * may also say below detection or not monitored. Problem values are skipped: the caller reports
 * them where it read them.
 */
export type SampleValues = Readonly<Partial<Record<ParameterKey, number | MeasuredValue>>>;

/** The judgement of a sample or a period at one monitoring point. */
export interface SampleJudgement {
  readonly waterbody: Waterbody;
  /**
   * The worst class over the 21 evaluation parameters with data (the best class the point is known
   * to meet); `null` when none of them has data ("no data", never "met").
   */
  readonly class: WaterClass | null;
  /**
   * False when the class is decided by a value below a detection limit that is above a better
   * class's limit: the true class may be better.
   */
  readonly classCertain: boolean;
  /** The evaluation parameters with data, in Table 1 order. */
  readonly parameters: readonly ParameterJudgement[];
  /** Total nitrogen and fecal coliforms: reported beside the class, never deciding it. */
  readonly reference: readonly ParameterJudgement[];
  /** Parameters without a class: water temperature and Table 2/3 items. */
  readonly unclassified: readonly ParameterJudgement[];
  /** Evaluation parameters without data. */
  readonly missing: readonly ParameterKey[];
  /** Warnings from every parameter. */
  readonly issues: readonly WaterQualityIssue[];
}

const indexByKey: ReadonlyMap<ParameterKey, number> = new Map(allParameters.map((p, i) => [p.key, i]));
const evaluationIndexes: readonly number[] = evaluationParameters.map((p) => indexByKey.get(p.key) ?? -1);

/**
 * Running sums of a period at one point (month, year to date, year): add samples one at a time and
 * judge at any moment. Memory is one fixed summary per parameter; it does not grow per sample.
 *
 * @example
 * const period = new PeriodAccumulator("river");
 * period.add({ nh3n: 1.2, do: 6 });
 * period.add({ nh3n: 0.6, do: 7 });
 * period.judge().class // 3 (mean NH3-N 0.9)
 */
export class PeriodAccumulator {
  private readonly summaries: ParameterSummary[] = allParameters.map(() => createParameterSummary());
  private readonly evaluationSummaries: readonly ParameterSummary[] = evaluationIndexes.map(
    (i) => this.summaries[i] ?? createParameterSummary(),
  );

  constructor(readonly waterbody: Waterbody = "river") {}

  /** Adds one sample. */
  add(sample: SampleValues): void {
    for (const key in sample) {
      const index = indexByKey.get(key as ParameterKey);
      const summary = index === undefined ? undefined : this.summaries[index];
      const entry = sample[key as ParameterKey];
      if (summary === undefined || entry === undefined) continue;
      if (typeof entry === "number") {
        if (Number.isFinite(entry)) addToSummary(summary, entry);
        continue;
      }
      switch (entry.kind) {
        case "value":
          addToSummary(summary, entry.value);
          break;
        case "below_detection":
          if (entry.limit === null) {
            summary.unknownLimitCount += 1;
          } else {
            // ½ × the detection limit in means (环办监测函〔2020〕82号, point 7).
            addToSummary(summary, entry.limit / 2);
            summary.belowCount += 1;
            if (entry.limit > summary.maxDetectionLimit) summary.maxDetectionLimit = entry.limit;
          }
          break;
        case "not_monitored":
        case "problem":
          break;
      }
    }
  }

  /**
   * Adds one sample given as the 21 evaluation parameters' values in `evaluationParameters` order,
   * starting at `offset` of a numeric array (NaN = not monitored). The fast path for bulk data.
   */
  addValues(values: ArrayLike<number>, offset = 0): void {
    const summaries = this.evaluationSummaries;
    for (let p = 0; p < summaries.length; p++) {
      const value = values[offset + p] ?? Number.NaN;
      const summary = summaries[p];
      if (summary !== undefined && value === value) addToSummary(summary, value);
    }
  }

  /** Judges the period so far: means classified by the single-factor method. */
  judge(): SampleJudgement {
    const parameters: ParameterJudgement[] = [];
    const reference: ParameterJudgement[] = [];
    const unclassified: ParameterJudgement[] = [];
    const missing: ParameterKey[] = [];
    const issues: WaterQualityIssue[] = [];
    allParameters.forEach((def, i) => {
      const summary = this.summaries[i];
      const judgement = summary === undefined ? null : judgeParameter(def, summary, this.waterbody);
      if (judgement === null) {
        if (def.role === "evaluation") missing.push(def.key);
        return;
      }
      issues.push(...judgement.issues);
      switch (def.role) {
        case "evaluation":
          parameters.push(judgement);
          break;
        case "reference":
          reference.push(judgement);
          break;
        case "temperature":
        case "supplementary":
        case "specific":
          unclassified.push(judgement);
          break;
      }
    });
    let bound = 0;
    let certain = 0;
    for (const judgement of parameters) {
      if (judgement.class === null) continue;
      bound = Math.max(bound, judgement.class);
      if (!judgement.mayBeBetter) certain = Math.max(certain, judgement.class);
    }
    return {
      waterbody: this.waterbody,
      class: bound === 0 ? null : (bound as WaterClass),
      classCertain: bound <= certain,
      parameters,
      reference,
      unclassified,
      missing,
      issues,
    };
  }
}

/**
 * Judges a period at one point from its samples: the arithmetic mean of each parameter (½ × the
 * detection limit for values below it), then the single-factor class over the 21 evaluation
 * parameters. A period can be better than its worst month. Samples may be streamed (any iterable).
 *
 * @example
 * classifyPeriod([{ nh3n: 1.2 }, { nh3n: 0.6 }]).class // 3: the mean 0.9 is Ⅲ though one month was Ⅳ
 */
export function classifyPeriod(
  samples: Iterable<SampleValues>,
  waterbody: Waterbody = "river",
): SampleJudgement {
  const accumulator = new PeriodAccumulator(waterbody);
  for (const sample of samples) accumulator.add(sample);
  return accumulator.judge();
}

/**
 * Judges one sample: each parameter's class and the sample's class, the worst over the 21
 * evaluation parameters. Total nitrogen and fecal coliforms are reported beside it in `reference`.
 *
 * @example
 * classifySample({ nh3n: 0.8, do: 6, ph: 7.2, tp: { kind: "below_detection", limit: 0.02 } }).class // 3
 */
export function classifySample(sample: SampleValues, waterbody: Waterbody = "river"): SampleJudgement {
  return classifyPeriod([sample], waterbody);
}
