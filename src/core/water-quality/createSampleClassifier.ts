import type { Waterbody } from "./classifyParameter";
import { evaluationParameters } from "./parameters";
import type { WaterClass } from "./waterClass";

/** Reads one sample: the 21 evaluation values from `offset` (NaN = not monitored). */
export type SampleClassifier = (values: ArrayLike<number>, offset?: number) => WaterClass | null;

/**
 * Compiles a fast classifier for bulk numeric data: a sample is the 21 evaluation parameters'
 * values in `evaluationParameters` order (NaN for not monitored), and the result is the sample's
 * class, equal to `classifySample(…).class` for plain numbers (a property test checks this).
 *
 * It climbs from the best class and only tests each parameter against the current worst class's
 * limit, so most parameters cost one comparison. Dissolved oxygen (≥) is turned into ≤ by negating
 * value and limits; pH becomes 0 inside 6–9 and +∞ outside.
 *
 * @example
 * const classify = createSampleClassifier("river");
 * classify(new Float64Array(21).fill(Number.NaN)) // null
 */
export function createSampleClassifier(waterbody: Waterbody = "river"): SampleClassifier {
  const count = evaluationParameters.length;
  // thresholds[p * 5 + c - 1] = the ≤ limit of class c for parameter p, after the sign change.
  const thresholds = new Float64Array(count * 5);
  const signs = new Float64Array(count);
  let phIndex = -1;
  let phMin = 0;
  let phMax = 0;
  evaluationParameters.forEach((def, p) => {
    const limits = def.limits;
    signs[p] = def.direction === "ge" ? -1 : 1;
    if (limits.kind === "range") {
      phIndex = p;
      phMin = limits.min;
      phMax = limits.max;
      thresholds.fill(0, p * 5, p * 5 + 5);
    } else if (limits.kind === "classes") {
      const row = waterbody === "lake" ? limits.lake : limits.river;
      row.forEach((limit, c) => {
        thresholds[p * 5 + c] = def.direction === "ge" ? -limit : limit;
      });
    }
  });

  return (values, offset = 0) => {
    let worst = 1;
    let seen = false;
    for (let p = 0; p < count; p++) {
      const raw = values[offset + p] ?? Number.NaN;
      if (raw !== raw) continue;
      seen = true;
      const value =
        p === phIndex ? (raw >= phMin && raw <= phMax ? 0 : Number.POSITIVE_INFINITY) : raw * (signs[p] ?? 1);
      const base = p * 5 - 1;
      while (worst < 6 && value > (thresholds[base + worst] ?? 0)) worst++;
    }
    return seen ? (worst as WaterClass) : null;
  };
}
