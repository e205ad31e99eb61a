/**
 * Validation and the summary: (1) through the command line over an .xlsx with 100,000 monitoring
 * rows, `validate --json` (streamed) and `validate --out` (the marked workbook written, large
 * sheets patched in place), wall time and peak memory against ExcelJS alone reading the same file,
 * each in its own process, alternating; (2) through the Office.js host over the fake Excel, round trips and the
 * largest request at 1×, 10× and 100× the example's monitoring data.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { writeExampleEntries } from "../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { WorkbookPort } from "../../src/workbook/port";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import { createOfficeHarness, growTableTo, type OfficeHarness } from "../../test/hosts/excel/officeHarness";
import type { BenchCase } from "../benchCase";
import { cliScript, excelJsReadScript, median, timedProcess } from "../childProcess";

/**
 * Generates the Liuzhou workbook with about `rows` monitoring rows of example data, pasted below
 * the monitoring table (as LibreOffice pastes), which a file's reader follows all the same.
 */
async function exampleBook(port: WorkbookPort, rows: number): Promise<void> {
  await generateWorkbook(port, plan, { locale: "zh-CN", publishedOn: "2023-03-20" });
  await writeExampleEntries(port, plan, "zh-CN", rows);
}

/**
 * The same workbook in the fake Excel, with the rows inside the monitoring table, as Excel grows a
 * table over rows typed or pasted right below it. The Office host reads a fixed
 * readBounds.rowsBelowTables (200) rows below a table and refuses to rewrite a sheet with more
 * than that outside it; generating again through it cannot take 13,000 pasted rows in, so the
 * table grows in the fake as Excel would grow it.
 */
async function officeExampleBook(rows: number): Promise<OfficeHarness> {
  const harness = await createOfficeHarness({ excel: { sheetNames: ["Sheet1"] } });
  await exampleBook(harness.port, rows);
  const sheet = harness.excel.state.sheetByName("监测数据");
  const used = sheet?.usedRect(true);
  if (!used) throw new Error("no monitoring rows");
  growTableTo(harness.excel.state, "WP_Monitoring", used.row + used.rowCount - 1);
  return harness;
}

// The CLI as a user runs it (validate, summary, --json), from the compiled lib/ that npm install builds;
// then the same with --out: the report, then the marked workbook with 汇总 written beside the input.
const validateArgs = (file: string): string[] => ["validate", file, "--today", "2023-06-30", "--json"];
const validateOutArgs = (file: string): string[] => [
  "validate",
  file,
  "--today",
  "2023-06-30",
  "--out",
  file.replace(/\.xlsx$/u, "-marked.xlsx"),
];

export const benchCase: BenchCase = {
  name: "validate and summarise: the CLI over 100,000 monitoring rows, and the Office.js host's round trips",
  async run() {
    const dir = await mkdtemp(join(tmpdir(), "water-plan-bench-"));
    try {
      const file = join(dir, "big.xlsx");
      const book = XlsxWorkbook.create();
      await exampleBook(book.port, 100_000);
      await book.saveAtomically(file);

      const reads: { ms: number; rssKiB: number }[] = [];
      const validates: { ms: number; rssKiB: number }[] = [];
      const outs: { ms: number; rssKiB: number }[] = [];
      for (let round = 0; round < 3; round += 1) {
        reads.push(await timedProcess(excelJsReadScript, [file]));
        validates.push(await timedProcess(cliScript, validateArgs(file), [1]));
        outs.push(await timedProcess(cliScript, validateOutArgs(file), [1]));
      }
      const readMs = median(reads.map((r) => r.ms));
      const validateMs = median(validates.map((r) => r.ms));
      const outMs = median(outs.map((r) => r.ms));
      const peakMiB = validates.reduce((max, r) => Math.max(max, r.rssKiB), 0) / 1024;
      const outPeakMiB = outs.reduce((max, r) => Math.max(max, r.rssKiB), 0) / 1024;
      const readPeakMiB = reads.reduce((max, r) => Math.max(max, r.rssKiB), 0) / 1024;

      const office: string[] = [];
      const syncCounts: number[] = [];
      for (const scale of [1, 10, 100]) {
        const harness = await officeExampleBook(130 * scale);
        const before = harness.excel.syncs.length;
        const outcome = await validateWorkbook(harness.port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
        if (!outcome.ok) throw new Error("validation refused");
        const syncs = harness.excel.syncs.slice(before);
        // Chunks under the 5 MB payload limit grow with the data by design; the rest must not.
        const extraChunks =
          (harness.port.stats.lastRead?.extraChunks ?? 0) + (harness.port.stats.lastWrite?.extraChunks ?? 0);
        syncCounts.push(syncs.length - extraChunks);
        const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
        office.push(
          `| ${scale}× (${130 * scale} rows) | ${syncs.length} | ${extraChunks} | ${kib(syncs.reduce((max, s) => Math.max(max, s.requestBytes), 0))} | ${kib(syncs.reduce((max, s) => Math.max(max, s.responseBytes), 0))} |`,
        );
      }
      return {
        lines: [
          `CLI validate --json over 100,000 monitoring rows: ${validateMs.toFixed(0)} ms, peak ${peakMiB.toFixed(0)} MiB`,
          `CLI validate --out (marked workbook written) over the same: ${outMs.toFixed(0)} ms, peak ${outPeakMiB.toFixed(0)} MiB`,
          `ExcelJS alone reading the same file: ${readMs.toFixed(0)} ms, peak ${readPeakMiB.toFixed(0)} MiB`,
          "| Office.js host (fake Excel), validate + 汇总 | syncs | of which extra chunks | largest request | largest response |",
          "| ---: | ---: | ---: | ---: | ---: |",
          ...office,
        ],
        ratios: [
          {
            label: "CLI validate time ÷ ExcelJS read time (100,000 rows)",
            ratio: validateMs / readMs,
            goal: 1.5,
          },
          { label: "CLI validate peak memory ÷ 1.5 GB", ratio: peakMiB / 1536, goal: 1 },
          {
            label: "CLI validate --out time ÷ ExcelJS read time (100,000 rows)",
            ratio: outMs / readMs,
            goal: 2,
          },
          { label: "CLI validate --out peak memory ÷ 1.5 GB", ratio: outPeakMiB / 1536, goal: 1 },
          {
            label: "Office syncs without chunks, 100× data ÷ 1× data",
            ratio: (syncCounts[2] ?? 0) / (syncCounts[0] ?? 1),
            goal: 1,
          },
        ],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
