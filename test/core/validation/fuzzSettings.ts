/**
 * How many cases the property tests run. `npm test` runs each property's base count with one fixed
 * seed, so a failure is reproducible and the suite stays quick; `npm run fuzz` multiplies the counts
 * by 20 (jest's `--globals {"fuzzMultiplier":20}`, which works in every shell; the environment
 * variable FUZZ_MULTIPLIER overrides it) and takes a seed of its own from FUZZ_SEED to explore
 * further. fast-check prints the seed and the shrunk counterexample of any failure.
 */
export interface FuzzSettings {
  readonly seed: number;
  readonly multiplier: number;
}

function readPositiveInteger(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Set by `npm run fuzz` through jest's --globals. */
const jestGlobal = (globalThis as { fuzzMultiplier?: unknown }).fuzzMultiplier;

export const fuzzSettings: FuzzSettings = {
  seed: readPositiveInteger(process.env["FUZZ_SEED"], 20_230_601),
  multiplier: readPositiveInteger(
    process.env["FUZZ_MULTIPLIER"],
    readPositiveInteger(typeof jestGlobal === "number" ? String(jestGlobal) : undefined, 1),
  ),
};

/**
 * Counts the cases a test file runs, for the one line it prints when done.
 *
 * @example
 * const cases = new CaseCounter("parsers");
 * fc.assert(property, cases.params(2000));
 * afterAll(() => cases.report());
 */
export class CaseCounter {
  private total = 0;

  constructor(private readonly label: string) {}

  /** fast-check parameters for a property of `base` cases (times the multiplier), counted. */
  params(base: number): { seed: number; numRuns: number } {
    const numRuns = base * fuzzSettings.multiplier;
    this.total += numRuns;
    return { seed: fuzzSettings.seed, numRuns };
  }

  /** A test's timeout, grown with the multiplier so that `npm run fuzz` has the time it needs. */
  timeout(baseMs: number): number {
    return baseMs * fuzzSettings.multiplier;
  }

  report(): void {
    console.log(
      `fast-check: ${this.total.toLocaleString("en-US")} cases of ${this.label} (seed ${fuzzSettings.seed}, ×${fuzzSettings.multiplier})`,
    );
  }
}

/**
 * Throws when a property does not hold. Properties run thousands of cases, and jest's `expect` costs
 * about 0.2 ms a call, more than most parsers; fast-check reports the message with the counterexample.
 *
 * @example
 * holds(read.kind !== "number" || Number.isFinite(read.value), "a number read is finite", read);
 */
export function holds(condition: boolean, what: string, detail?: unknown): asserts condition {
  if (!condition) throw new Error(detail === undefined ? what : `${what}: ${shown(detail)}`);
}

function shown(detail: unknown): string {
  try {
    return JSON.stringify(detail, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  } catch {
    return String(detail);
  }
}
