import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");

/** What a water-plan process printed, how it ended, and what it took. */
export interface MeasuredRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly seconds: number;
  /** Peak resident memory of the process, in MiB (the operating system's own count). */
  readonly peakMiB: number;
}

/**
 * Runs the installed command (bin/water-plan.js over the compiled lib/, as `npx water-plan` runs
 * it) in its own process, so that its time and peak memory are its own and not Jest's.
 *
 * @example
 * const run = await runMeasured(["validate", "big.xlsx", "--json"]);
 * expect(run.peakMiB).toBeLessThan(1536);
 */
export async function runMeasured(argv: readonly string[]): Promise<MeasuredRun> {
  const dir = await mkdtemp(join(tmpdir(), "water-plan-peak-"));
  const peakFile = join(dir, "peak");
  const start = process.hrtime.bigint();
  try {
    const { stdout, stderr, exitCode } = await new Promise<{
      stdout: string;
      stderr: string;
      exitCode: number;
    }>((done) => {
      execFile(
        process.execPath,
        ["--require", join(__dirname, "peakMemoryProbe.cjs"), join(root, "bin", "water-plan.js"), ...argv],
        { cwd: root, env: { ...process.env, WATER_PLAN_PEAK_FILE: peakFile }, maxBuffer: 256 * 1024 * 1024 },
        (error, out, err) => {
          const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
          done({ stdout: out, stderr: err, exitCode: code });
        },
      );
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const peakKiB = Number(await readFile(peakFile, "utf8").catch(() => "NaN"));
    return { stdout, stderr, exitCode, seconds, peakMiB: peakKiB / 1024 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
