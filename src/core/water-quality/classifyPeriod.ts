import type { Waterbody } from "./classifyParameter";
import { judgeParameter, type ParameterJudgement, type ParameterSummary } from "./judgeParameter";
import { allParameters, evaluationParameters, type ParameterKey } from "./parameters";
import type { MeasuredValue } from "./parseMeasuredValue";
import type { WaterClass } from "./waterClass";
import type { WaterQualityIssue, WaterQualityIssueCode } from "./waterQualityIssue";

/**
 * One sample's values by parameter, in each parameter's display unit (multiply by the header's
 * factor first). A plain number is a measured value (NaN: not monitored); a `MeasuredValue` from
 * `parseMeasuredValue` may also say below detection or not monitored. Problem values are skipped:
 * the caller reports them where it read them. Values the parser would refuse — negative or infinite
 * numbers, a detection limit that is not a positive number — are left out and reported as errors
 * (`negative_value`, `non_finite_value`, `invalid_detection_limit`) in the judgement's issues.
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
  /** Errors on refused values and warnings, from every parameter, in Table 1 order. */
  readonly issues: readonly WaterQualityIssue[];
}

const indexByKey: ReadonlyMap<ParameterKey, number> = new Map(allParameters.map((p, i) => [p.key, i]));
/**
 * Slot of each catalogue parameter in PeriodAccumulator's arrays: the 21 evaluation parameters
 * first, in `evaluationParameters` order, so the bulk path walks slots 0–20 in sequence.
 */
const slotOrder: readonly number[] = [
  ...evaluationParameters.map((p) => indexByKey.get(p.key) ?? 0),
  ...allParameters.map((_, i) => i).filter((i) => allParameters[i]?.role !== "evaluation"),
];
const slotByIndex: readonly number[] = slotOrder.reduce<number[]>((slots, index, slot) => {
  slots[index] = slot;
  return slots;
}, []);
const evaluationCount = evaluationParameters.length;

/**
 * A fixed-length array of zeros that V8 stores as unboxed doubles (a fraction is written first so the
 * elements are doubles from the start and never change kind). The bulk path keeps its running sums in
 * these rather than in Float64Arrays: once any ArrayBuffer in the process has been detached (a
 * transfer does it; under `npm run bench`'s tsx it has happened), V8 checks every typed-array access
 * for a detached buffer, and those checks were most of `addValues`' time. Plain arrays need none.
 */
function doubles(length: number): number[] {
  return Array.from({ length }, () => 0.5).fill(0);
}

/**
 * Adds a number to a slot's running sum with Kahan compensation, so a year of values exactly at a
 * limit averages to the limit rather than one ulp above it (values are never negative). Slots are in
 * range by construction; `as number` spares the hot path an undefined check.
 */
function addCompensated(sums: number[], compensations: number[], slot: number, value: number): void {
  const corrected = value - (compensations[slot] as number);
  const sum = sums[slot] as number;
  const total = sum + corrected;
  compensations[slot] = total - sum - corrected;
  sums[slot] = total;
}

/**
 * One value of `addValues`: a NaN (not monitored) is counted as a gap, anything else is added as
 * `addCompensated` does. The same arithmetic written out, not called: nested calls would exhaust
 * the optimiser's inlining budget for the unrolled bulk loop, and an out-of-line call boxes each
 * number on the heap.
 */
function addBulkValue(
  sums: number[],
  compensations: number[],
  missing: number[],
  slot: number,
  value: number,
): void {
  if (value !== value) {
    // Counting the rare gaps instead of every value saves the bulk path a write per value.
    missing[slot] = (missing[slot] as number) + 1;
    return;
  }
  const corrected = value - (compensations[slot] as number);
  const sum = sums[slot] as number;
  const total = sum + corrected;
  compensations[slot] = total - sum - corrected;
  sums[slot] = total;
}

/**
 * Slots `addValues` handles per round of its loop. Straight-line code lets the optimiser check the
 * arrays once per round instead of once per value (V8 does not hoist those checks out of loops);
 * seven divides the 21 evaluation parameters, and a tail loop would take any remainder.
 */
const bulkRound = 7;
const bulkRoundsEnd = evaluationCount - (evaluationCount % bulkRound);

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
  // Running sums, one slot per catalogue parameter (see slotOrder): fixed memory, however many samples.
  // The arrays `addValues` writes are plain arrays of unboxed doubles, not Float64Arrays: see doubles.
  private readonly sums = doubles(allParameters.length);
  /** Kahan compensation of `sums`: the low-order bits each addition lost. */
  private readonly compensations = doubles(allParameters.length);
  private readonly counts = new Float64Array(allParameters.length);
  private readonly belowCounts = new Float64Array(allParameters.length);
  private readonly maxDetectionLimits = new Float64Array(allParameters.length);
  private readonly unknownLimitCounts = new Float64Array(allParameters.length);
  /** Samples added by `addValues`, and per evaluation slot how many of them were NaN there. */
  private bulkSamples = 0;
  private readonly bulkMissing = doubles(evaluationCount);
  /** Refused values, the first of each code per parameter: bounded, whatever the sample count. */
  private readonly refused = new Map<ParameterKey, WaterQualityIssue[]>();

  constructor(readonly waterbody: Waterbody = "river") {}

  /** Adds a number to a slot's compensated running sum and counts it. */
  private addNumber(slot: number, value: number): void {
    addCompensated(this.sums, this.compensations, slot, value);
    this.counts[slot] = (this.counts[slot] ?? 0) + 1;
  }

  /** Records a value the parser would have refused: one error per parameter and code. */
  private refuse(key: ParameterKey, code: WaterQualityIssueCode, input: string): void {
    const list = this.refused.get(key) ?? [];
    if (list.some((issue) => issue.code === code)) return;
    list.push({ code, severity: "error", parameter: key, input });
    this.refused.set(key, list);
  }

  /** Adds a measured value, or refuses it when it is negative or infinite (NaN: not monitored). */
  private addMeasured(slot: number, key: ParameterKey, value: number): void {
    if (value !== value) return;
    if (value < 0) this.refuse(key, "negative_value", String(value));
    else if (value === Number.POSITIVE_INFINITY) this.refuse(key, "non_finite_value", String(value));
    else this.addNumber(slot, value);
  }

  /**
   * Adds one sample. Negative or infinite values and detection limits that are not positive
   * numbers are not used: they are reported as errors by `judge`.
   */
  add(sample: SampleValues): void {
    for (const key in sample) {
      const index = indexByKey.get(key as ParameterKey);
      const slot = index === undefined ? undefined : slotByIndex[index];
      const entry = sample[key as ParameterKey];
      if (slot === undefined || entry === undefined) continue;
      if (typeof entry === "number") {
        this.addMeasured(slot, key as ParameterKey, entry);
        continue;
      }
      switch (entry.kind) {
        case "value":
          this.addMeasured(slot, key as ParameterKey, entry.value);
          break;
        case "below_detection":
          if (entry.limit === null) {
            this.unknownLimitCounts[slot] = (this.unknownLimitCounts[slot] ?? 0) + 1;
          } else if (!(entry.limit > 0 && entry.limit < Number.POSITIVE_INFINITY)) {
            this.refuse(key as ParameterKey, "invalid_detection_limit", `${String(entry.limit)}L`);
          } else {
            // ½ × the detection limit in means (环办监测函〔2020〕82号, point 7).
            this.addNumber(slot, entry.limit / 2);
            this.belowCounts[slot] = (this.belowCounts[slot] ?? 0) + 1;
            if (entry.limit > (this.maxDetectionLimits[slot] ?? 0))
              this.maxDetectionLimits[slot] = entry.limit;
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
   * starting at `offset` of a numeric array (NaN = not monitored). The fast path for bulk data: it
   * trusts its values to be what `parseMeasuredValue` accepts (finite, not negative) and checks
   * nothing; use `add` for values that may be refused.
   */
  addValues(values: ArrayLike<number>, offset = 0): void {
    const { sums, compensations, bulkMissing } = this;
    this.bulkSamples += 1;
    // Unrolled by bulkRound (see there); values are in range by construction.
    let slot = 0;
    for (; slot < bulkRoundsEnd; slot += bulkRound) {
      const at = offset + slot;
      addBulkValue(sums, compensations, bulkMissing, slot, values[at] as number);
      addBulkValue(sums, compensations, bulkMissing, slot + 1, values[at + 1] as number);
      addBulkValue(sums, compensations, bulkMissing, slot + 2, values[at + 2] as number);
      addBulkValue(sums, compensations, bulkMissing, slot + 3, values[at + 3] as number);
      addBulkValue(sums, compensations, bulkMissing, slot + 4, values[at + 4] as number);
      addBulkValue(sums, compensations, bulkMissing, slot + 5, values[at + 5] as number);
      addBulkValue(sums, compensations, bulkMissing, slot + 6, values[at + 6] as number);
    }
    for (; slot < evaluationCount; slot++) {
      addBulkValue(sums, compensations, bulkMissing, slot, values[offset + slot] as number);
    }
  }

  /** The running sums of one parameter, as `judgeParameter` takes them. */
  private summaryAt(index: number): ParameterSummary {
    const slot = slotByIndex[index] ?? 0;
    return {
      count:
        (this.counts[slot] ?? 0) +
        (slot < evaluationCount ? this.bulkSamples - (this.bulkMissing[slot] ?? 0) : 0),
      sum: this.sums[slot] ?? 0,
      compensation: -(this.compensations[slot] ?? 0),
      belowCount: this.belowCounts[slot] ?? 0,
      maxDetectionLimit: this.maxDetectionLimits[slot] ?? 0,
      unknownLimitCount: this.unknownLimitCounts[slot] ?? 0,
    };
  }

  /** Judges the period so far: means classified by the single-factor method. */
  judge(): SampleJudgement {
    const parameters: ParameterJudgement[] = [];
    const reference: ParameterJudgement[] = [];
    const unclassified: ParameterJudgement[] = [];
    const missing: ParameterKey[] = [];
    const issues: WaterQualityIssue[] = [];
    allParameters.forEach((def, i) => {
      for (const issue of this.refused.get(def.key) ?? []) issues.push(issue);
      const judgement = judgeParameter(def, this.summaryAt(i), this.waterbody);
      if (judgement === null) {
        if (def.role === "evaluation") missing.push(def.key);
        return;
      }
      for (const issue of judgement.issues) issues.push(issue);
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
