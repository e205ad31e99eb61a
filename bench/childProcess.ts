import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

/*
 * Measuring a command in a process of its own: its wall time and peak resident memory, what a
 * user's machine sees, free of the bench's own heap.
 */

const run = promisify(execFile);
const root = resolve(__dirname, "..");

/** What one run of a child process measured; `code` is its exit code. */
export interface ProcessFigures {
  readonly ms: number;
  readonly rssKiB: number;
  readonly code: number;
}

/**
 * Runs a script in a fresh node process in the repository's folder; the script prints its own
 * milliseconds and peak RSS in KiB as its last two words. A non-zero exit rejects, unless it is
 * one of `allowedCodes` (then the script must still print its figures before exiting).
 */
export async function timedProcess(
  script: string,
  args: readonly string[],
  allowedCodes: readonly number[] = [],
): Promise<ProcessFigures> {
  let stdout: string;
  let code = 0;
  try {
    ({ stdout } = await run(process.execPath, ["-e", script, ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: unknown };
    if (typeof failed.code !== "number" || !allowedCodes.includes(failed.code)) throw error;
    code = failed.code;
    stdout = typeof failed.stdout === "string" ? failed.stdout : "";
  }
  const [ms = "NaN", rss = "NaN"] = stdout.trim().split(/\s+/u).slice(-2);
  return { ms: Number(ms), rssKiB: Number(rss), code };
}

/**
 * Runs node with `nodeArgs` (a script and its arguments, or `-e CODE`) in the repository's folder
 * and measures the whole process from outside: the wall time from before the spawn to after its
 * exit (node's own start-up, loading modules and exiting included), and its peak resident memory,
 * which test/cli/peakMemoryProbe.cjs writes as the process exits. A non-zero exit rejects, unless
 * it is one of `allowedCodes`.
 *
 * @example
 * const run = await wholeProcess(["bin/water-plan.js", "--version"]);
 */
export async function wholeProcess(
  nodeArgs: readonly string[],
  allowedCodes: readonly number[] = [],
): Promise<ProcessFigures> {
  const dir = await mkdtemp(join(tmpdir(), "water-plan-bench-peak-"));
  const peakFile = join(dir, "peak");
  const probe = join(root, "test", "cli", "peakMemoryProbe.cjs");
  try {
    const start = process.hrtime.bigint();
    let code = 0;
    try {
      await run(process.execPath, ["--require", probe, ...nodeArgs], {
        cwd: root,
        env: { ...process.env, WATER_PLAN_PEAK_FILE: peakFile },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const failed = error as { code?: unknown };
      if (typeof failed.code !== "number" || !allowedCodes.includes(failed.code)) throw error;
      code = failed.code;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    return { ms, rssKiB: Number(await readFile(peakFile, "utf8")), code };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A script that runs the command line as a user runs it, from the compiled lib/ that npm install
 * builds, with the arguments after the script's own (`process.argv.slice(1)`), prints its time and
 * peak RSS, and exits with the command's exit code. Its time counts from the process's start
 * (`performance.now()`): loading modules is part of what a user waits for, and each command loads
 * its own code when it runs (commandRunners.ts), so a timer started after requiring main.js would
 * count some of it and not the rest. The baseline below counts the same way.
 */
export const cliScript = `
const { runCli } = require("./lib/src/cli/main.js");
let code = 0;
runCli(process.argv.slice(1), {
  stdout: () => {}, stderr: () => {}, setExitCode: (c) => { code = c; },
}).then(() => {
  console.log(performance.now(), process.resourceUsage().maxRSS);
  process.exit(code);
});`;

/**
 * ExcelJS alone reading the files named after the script, one after another: the file benches'
 * baseline, timed from the process's start as cliScript is (loading ExcelJS included).
 */
export const excelJsReadScript = `
const { Workbook } = require("exceljs");
(async () => {
  for (const file of process.argv.slice(1)) await new Workbook().xlsx.readFile(file);
  console.log(performance.now(), process.resourceUsage().maxRSS);
})();`;

/** The median of some figures (NaN for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
