/** One benchmark case: `npm run bench` runs every file in bench/cases that exports `benchCase`. */
export interface BenchCase {
  /** Shown as the case's heading. */
  readonly name: string;
  /** Runs the case and returns its figures; it prints nothing itself. */
  run(): BenchResult | Promise<BenchResult>;
}

/** A case's figures: lines to print and the ratios checked against their goals. */
export interface BenchResult {
  readonly lines: readonly string[];
  readonly ratios: readonly { readonly label: string; readonly ratio: number; readonly goal: number }[];
}

/** True when a module's export is a bench case (cases are discovered, not listed). */
export function isBenchCase(value: unknown): value is BenchCase {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<BenchCase>;
  return typeof candidate.name === "string" && typeof candidate.run === "function";
}

/**
 * Times a baseline and the measured work in alternating rounds (so a busy machine slows both alike),
 * after one warm-up run of each, and returns the median of each in milliseconds. Each function
 * returns a value that is kept, so its work cannot be optimised away.
 */
export function timeAgainst(
  baseline: () => unknown,
  measured: () => unknown,
  rounds = 7,
): { baselineMs: number; measuredMs: number; result: unknown } {
  baseline();
  let result = measured();
  const baselineTimes: number[] = [];
  const measuredTimes: number[] = [];
  const time = (fn: () => unknown, into: number[]): unknown => {
    const start = process.hrtime.bigint();
    const value = fn();
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
    return value;
  };
  for (let i = 0; i < rounds; i++) {
    time(baseline, baselineTimes);
    result = time(measured, measuredTimes);
  }
  return { baselineMs: median(baselineTimes), measuredMs: median(measuredTimes), result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
