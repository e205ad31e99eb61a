import type { Waterbody } from "./classifyParameter";
import { evaluationParameters } from "./parameters";
import type { WaterClass } from "./waterClass";

/** Reads one sample: the 21 evaluation values from `offset` (NaN = not monitored). */
export type SampleClassifier = (values: ArrayLike<number>, offset?: number) => WaterClass | null;

/**
 * Compiles a fast classifier for bulk numeric data: a sample is the 21 evaluation parameters'
 * values in `evaluationParameters` order (NaN for not monitored), and the result is the sample's
 * class, equal to `classifySample(…).class` for plain numbers (a property test checks this). It
 * trusts its values to be what `parseMeasuredValue` accepts (finite, not negative) and checks
 * nothing; `classifySample` refuses the others with an error.
 *
 * It climbs from the best class and only tests each parameter against the current worst class's
 * limit, so most parameters cost one comparison, and stops at 劣Ⅴ, which nothing can worsen.
 *
 * @example
 * const classify = createSampleClassifier("river");
 * classify(new Float64Array(21).fill(Number.NaN)) // null
 */
export function createSampleClassifier(waterbody: Waterbody = "river"): SampleClassifier {
  // Positions (in evaluationParameters order) by direction, and their limits five per parameter:
  // leLimits[i * 5 + c - 1] is the limit of class c of the i-th ≤ parameter.
  const lePositions: number[] = [];
  const leRows: number[] = [];
  const gePositions: number[] = [];
  const geRows: number[] = [];
  let phPosition = -1;
  let phMin = 0;
  let phMax = 0;
  evaluationParameters.forEach((def, p) => {
    const limits = def.limits;
    if (limits.kind === "range") {
      phPosition = p;
      phMin = limits.min;
      phMax = limits.max;
    } else if (limits.kind === "classes") {
      const row = waterbody === "lake" ? limits.lake : limits.river;
      if (def.direction === "ge") {
        gePositions.push(p);
        for (const limit of row) geRows.push(limit);
      } else {
        lePositions.push(p);
        for (const limit of row) leRows.push(limit);
      }
    }
  });
  const leLimits = Float64Array.from(leRows);
  const geLimits = Float64Array.from(geRows);
  const geOffsets = Int32Array.from(gePositions);
  const geCount = geOffsets.length;
  const leCount = lePositions.length;
  // The ≤ items are one run in Table 1 order (CODMn … sulfide): read them without an index table.
  const leStart = lePositions[0] ?? 0;
  if (lePositions.some((position, i) => position !== leStart + i)) {
    throw new Error(
      "createSampleClassifier expects the ≤ parameters to be contiguous in evaluationParameters",
    );
  }

  // Typed-array reads below are in range by construction; `as number` spares the hot loop an
  // undefined check that noUncheckedIndexedAccess would otherwise ask for.
  // A NaN (not monitored) compares false with every limit, so it never worsens the class and the
  // loops need no test for it; only a sample left at class Ⅰ is checked for having any value.
  const hasValue = (values: ArrayLike<number>, offset: number): boolean => {
    for (let p = 0; p < evaluationParameters.length; p++) {
      const value = values[offset + p] as number;
      if (value === value) return true;
    }
    return false;
  };

  return (values, offset = 0) => {
    if (phPosition >= 0) {
      const ph = values[offset + phPosition] as number;
      // Outside 6–9 is 劣Ⅴ: nothing can make the sample worse.
      if (ph === ph && !(ph >= phMin && ph <= phMax)) return 6;
    }
    let worst = 1;
    for (let i = 0; i < geCount; i++) {
      const value = values[offset + (geOffsets[i] as number)] as number;
      const base = i * 5 - 1;
      while (value < (geLimits[base + worst] as number)) {
        if (++worst === 6) return 6;
      }
    }
    const start = offset + leStart;
    for (let i = 0; i < leCount; i++) {
      const value = values[start + i] as number;
      const base = i * 5 - 1;
      while (value > (leLimits[base + worst] as number)) {
        if (++worst === 6) return 6;
      }
    }
    return worst > 1 || hasValue(values, offset) ? (worst as WaterClass) : null;
  };
}
