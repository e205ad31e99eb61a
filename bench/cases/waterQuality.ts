/**
 * Water-quality engine: classify 1,000,000 samples of the 21 evaluation parameters, and accumulate
 * period means, against a bare loop that reads and sums the same numbers in the same run.
 */
import {
  createSampleClassifier,
  evaluationParameters,
  PeriodAccumulator,
} from "../../src/core/water-quality";
import { type BenchCase, timeAgainst } from "../benchCase";

const sampleCount = 1_000_000;
const parameterCount = evaluationParameters.length;
/** Monitoring points the samples are spread over for the period means (≈ 1,000 samples each). */
const pointCount = 1_000;
const samplesPerPoint = sampleCount / pointCount;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Samples as one Float64Array, 21 values per sample. Each value is drawn between two neighbouring
 * class limits of its parameter, the class chosen mostly Ⅰ–Ⅲ with some Ⅳ–劣Ⅴ, as monitoring data is.
 */
function makeSamples(): Float64Array {
  const random = makeRandom(20230101);
  const data = new Float64Array(sampleCount * parameterCount);
  // Cumulative chance of classes Ⅰ…劣Ⅴ for one value.
  const cumulative = [0.55, 0.85, 0.97, 0.99, 0.997, 1];
  for (let s = 0; s < sampleCount; s++) {
    for (let p = 0; p < parameterCount; p++) {
      const limits = evaluationParameters[p]?.limits;
      const draw = random();
      const c = cumulative.findIndex((x) => draw < x);
      let value: number;
      if (limits?.kind === "classes") {
        const row = limits.river;
        const ge = row[0] > row[4];
        const upper = c === 0 ? (ge ? 12 : 0) : (row[c - 1] ?? 0);
        const lower = row[c] ?? (ge ? 0 : row[4] * 2);
        value = upper + (lower - upper) * random();
      } else {
        value = c < 5 ? 6 + random() * 3 : random() < 0.5 ? 5 + random() : 9 + random();
      }
      data[s * parameterCount + p] = value;
    }
  }
  return data;
}

function bareLoop(data: Float64Array): number {
  let sum = 0;
  for (let s = 0; s < sampleCount; s++) {
    const base = s * parameterCount;
    for (let p = 0; p < parameterCount; p++) sum += data[base + p] ?? 0;
  }
  return sum;
}

export const benchCase: BenchCase = {
  name: "water quality: 1,000,000 samples × 21 parameters",
  run() {
    const data = makeSamples();
    const classify = createSampleClassifier("river");

    const classified = timeAgainst(
      () => bareLoop(data),
      () => {
        // Like the bare loop's sum, a running total of the classes keeps the work observable.
        let total = 0;
        for (let s = 0; s < sampleCount; s++) total += classify(data, s * parameterCount) ?? 0;
        return total;
      },
    );
    const counts = [0, 0, 0, 0, 0, 0, 0];
    for (let s = 0; s < sampleCount; s++) {
      const c = classify(data, s * parameterCount) ?? 0;
      counts[c] = (counts[c] ?? 0) + 1;
    }

    // Period means: running sums per point, each point's samples in date order (a monitoring sheet
    // sorted by section). Memory is measured around all the rounds: it must not grow with samples.
    const accumulators = Array.from({ length: pointCount }, () => new PeriodAccumulator("river"));
    const heapBefore = process.memoryUsage().heapUsed;
    const period = timeAgainst(
      () => bareLoop(data),
      () => {
        for (let s = 0; s < sampleCount; s++)
          accumulators[Math.floor(s / samplesPerPoint)]?.addValues(data, s * parameterCount);
        return accumulators.length;
      },
    );
    const heapAfter = process.memoryUsage().heapUsed;
    const judged = accumulators.map((a) => a.judge().class);
    const additions = sampleCount * 8;

    return {
      lines: [
        `bare loop (read + sum ${String(sampleCount * parameterCount)} numbers): ${classified.baselineMs.toFixed(1)} ms`,
        `classify every sample: ${classified.measuredMs.toFixed(1)} ms (classes Ⅰ–劣Ⅴ: ${counts.slice(1).join(" / ")})`,
        `period means (${String(pointCount)} points, running sums): ${period.measuredMs.toFixed(1)} ms ` +
          `(bare loop ${period.baselineMs.toFixed(1)} ms); heap change over ${String(additions)} samples added: ` +
          `${((heapAfter - heapBefore) / 1024).toFixed(0)} KiB; ` +
          `first point's period class: ${String(judged[0])}`,
      ],
      ratios: [
        { label: "classify / bare loop", ratio: classified.measuredMs / classified.baselineMs, goal: 3 },
        { label: "period means / bare loop", ratio: period.measuredMs / period.baselineMs, goal: 3 },
      ],
    };
  },
};
