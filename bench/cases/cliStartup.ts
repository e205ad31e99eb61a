/**
 * The command line's start-up: `water-plan --version`, `water-plan --help` and `water-plan
 * validate` over the demo workbook (the example workflow's, as `npm run demo` saves it), each a
 * whole process as a user or an office's script runs it (bin/water-plan.js over the compiled lib/),
 * wall time and peak memory measured from outside, against `node -e 'require("exceljs")'` (node
 * starting and loading ExcelJS, which any command that opens a workbook needs), alternating,
 * medians. `--version` and `--help` load no engine, so they must cost well under the yardstick;
 * `validate` loads ExcelJS and reads, checks and reports a whole workbook.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { exampleDates, runExampleWorkflow } from "../../src/workbook/exampleWorkbook";
import type { BenchCase } from "../benchCase";
import { median, type ProcessFigures, wholeProcess } from "../childProcess";

const roundCount = 7;
const cli = "bin/water-plan.js";

/** Median wall time in ms and median peak memory in MiB of some runs. */
function medians(runs: readonly ProcessFigures[]): { ms: number; mib: number } {
  return { ms: median(runs.map((r) => r.ms)), mib: median(runs.map((r) => r.rssKiB)) / 1024 };
}

export const benchCase: BenchCase = {
  name: "CLI start-up: water-plan --version, --help and validate (demo workbook), whole processes, against node loading ExcelJS",
  async run() {
    const dir = await mkdtemp(join(tmpdir(), "water-plan-bench-"));
    try {
      const demo = join(dir, "liuzhou-2023-demo.xlsx");
      const book = XlsxWorkbook.create();
      const outcome = await runExampleWorkflow(book.port, plan, "zh-CN");
      if (!outcome.ok) throw new Error("the example workflow refused the workbook");
      await book.saveAtomically(demo);

      // Each process in its turn, so a busy machine slows all alike.
      const round = async () => ({
        yardstick: await wholeProcess(["-e", 'require("exceljs")']),
        version: await wholeProcess([cli, "--version"]),
        help: await wholeProcess([cli, "--help"]),
        // The demo's example data holds errors on purpose: validate ends with exit code 1.
        validate: await wholeProcess([cli, "validate", demo, "--today", exampleDates.asOf], [1]),
      });
      await round(); // warm-up: the disk cache
      const rounds: Awaited<ReturnType<typeof round>>[] = [];
      for (let i = 0; i < roundCount; i += 1) rounds.push(await round());

      const yardstick = medians(rounds.map((r) => r.yardstick));
      const version = medians(rounds.map((r) => r.version));
      const help = medians(rounds.map((r) => r.help));
      const validate = medians(rounds.map((r) => r.validate));
      const line = (label: string, m: { ms: number; mib: number }): string =>
        `| ${label} | ${m.ms.toFixed(0)} ms | ${m.mib.toFixed(1)} MiB |`;
      return {
        lines: [
          `Medians of ${roundCount} alternating rounds, each a whole process:`,
          "| process | wall | peak memory |",
          "| --- | ---: | ---: |",
          line(`node -e 'require("exceljs")' (yardstick)`, yardstick),
          line("water-plan --version", version),
          line("water-plan --help", help),
          line("water-plan validate (demo workbook)", validate),
        ],
        ratios: [
          // Before the commands loaded lazily, --version loaded the whole engine: 1.7× the yardstick's
          // wall time and 1.4× its peak memory; now 0.3× and 0.8×.
          {
            label: "water-plan --version wall time ÷ node loading ExcelJS",
            ratio: version.ms / yardstick.ms,
            goal: 0.6,
          },
          {
            label: "water-plan --help wall time ÷ node loading ExcelJS",
            ratio: help.ms / yardstick.ms,
            goal: 0.6,
          },
          {
            label: "water-plan --version peak memory ÷ node loading ExcelJS",
            ratio: version.mib / yardstick.mib,
            goal: 0.9,
          },
          // Validating the demo measured 2.6× before and after: the work is the same, the bound is loose.
          {
            label: "water-plan validate (demo workbook) wall time ÷ node loading ExcelJS",
            ratio: validate.ms / yardstick.ms,
            goal: 4,
          },
        ],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
