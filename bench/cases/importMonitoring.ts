/**
 * Importing monitoring data: (1) `water-plan import` over an automatic-station export of 50,000
 * rows (a year of 4-hourly data at the plan's 21 points, and the rest of the province's stations
 * the national page lists beside them), as a preview and writing the workbook, wall time and peak
 * memory against ExcelJS alone reading the same export, each in its own process, alternating;
 * (2) through the Office.js host over the fake Excel, round trips at 1×, 10× and 100× the rows.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { maxOf } from "../../src/core/arrays";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { monitoringPoints } from "../../src/core/validation/monitoringPoints";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import { importMonitoring } from "../../src/workbook/import/importMonitoring";
import { createOfficeHarness } from "../../test/hosts/excel/officeHarness";
import type { BenchCase } from "../benchCase";
import { cliScript, excelJsReadScript, median, timedProcess } from "../childProcess";

const header =
  "省份,流域,断面名称,监测时间,水质类别,水温(℃),pH(无量纲),溶解氧(mg/L),电导率(μS/cm),浊度(NTU),高锰酸盐指数(mg/L),氨氮(mg/L),总磷(mg/L),总氮(mg/L),叶绿素α(mg/L),藻密度(cells/L),站点情况".split(
    ",",
  );

/** Stations of the province the national page lists beside the plan's: not in the plan, so unmatched. */
const otherStations = ["南宁老口", "梧州界首"];

/**
 * Rows of the national real-time table: every 4 hours of 2023 at each of the plan's points, then
 * the other stations until there are `rows`. Deterministic, with a station under maintenance now
 * and then and `--` where nothing was measured.
 */
function stationRows(rows: number): (string | number)[][] {
  const points = monitoringPoints(plan).map((p) => p.name);
  const table: (string | number)[][] = [];
  const pad = (n: number): string => String(n).padStart(2, "0");
  let i = 0;
  for (let station = 0; table.length < rows; station += 1) {
    const name = points[station] ?? otherStations[(station - points.length) % otherStations.length] ?? "";
    for (let step = 0; step < 365 * 6 && table.length < rows; step += 1, i += 1) {
      const day = new Date(Date.UTC(2023, 0, 1 + Math.floor(step / 6)));
      const time = `${day.toISOString().slice(0, 10)} ${pad((step % 6) * 4)}:00`;
      const maintenance = i % 997 === 0;
      table.push([
        "广西",
        "珠江流域",
        name,
        time,
        "Ⅱ",
        20 + (i % 80) / 10,
        7 + (i % 90) / 100,
        7 + (i % 150) / 100,
        200 + (i % 500) / 10,
        5 + (i % 200) / 10,
        1.5 + (i % 100) / 100,
        0.05 + (i % 300) / 1000,
        0.02 + (i % 60) / 1000,
        1 + (i % 60) / 100,
        "--",
        "--",
        maintenance ? "维护" : "正常",
      ]);
    }
  }
  return table;
}

async function writeExport(path: string, rows: number): Promise<void> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("实时数据");
  sheet.addRow(["国家地表水水质自动监测实时数据"]);
  sheet.addRow(header);
  for (const row of stationRows(rows)) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

// The CLI as a user runs it (bench/childProcess.ts), as of the year's end so that every row counts.
const importArgs = (...args: string[]): string[] => ["import", ...args, "--today", "2023-12-31"];

/** Syncs of one import through the Office host (fake Excel) of `rows` station rows into a generated workbook. */
async function officeImportSyncs(
  rows: number,
): Promise<{ syncs: number; request: number; response: number }> {
  const harness = await createOfficeHarness({ excel: { sheetNames: ["Sheet1"] } });
  await generateWorkbook(harness.port, plan, { locale: "zh-CN" });
  const before = harness.excel.syncs.length;
  const outcome = await importMonitoring(harness.port, plan, [header, ...stationRows(rows)], {
    asOf: "2023-12-31",
  });
  if (!outcome.ok || !outcome.written) throw new Error("the import wrote nothing");
  const syncs = harness.excel.syncs.slice(before);
  return {
    syncs: syncs.length,
    request: maxOf(
      syncs.map((s) => s.requestBytes),
      0,
    ),
    response: maxOf(
      syncs.map((s) => s.responseBytes),
      0,
    ),
  };
}

export const benchCase: BenchCase = {
  name: "import monitoring data: the CLI over 50,000 automatic-station rows, and the Office.js host's round trips",
  async run() {
    const dir = await mkdtemp(join(tmpdir(), "water-plan-bench-import-"));
    try {
      const exported = join(dir, "export.xlsx");
      const book = join(dir, "book.xlsx");
      const out = join(dir, "out.xlsx");
      await writeExport(exported, 50_000);
      const generated = XlsxWorkbook.create();
      await generateWorkbook(generated.port, plan, { locale: "zh-CN" });
      await generated.saveAtomically(book);

      const reads: { ms: number; rssKiB: number }[] = [];
      const previews: { ms: number; rssKiB: number }[] = [];
      const writes: { ms: number; rssKiB: number }[] = [];
      for (let round = 0; round < 3; round += 1) {
        reads.push(await timedProcess(excelJsReadScript, [exported]));
        previews.push(await timedProcess(cliScript, importArgs(book, exported, "--json"), [1]));
        writes.push(await timedProcess(cliScript, importArgs(book, exported, "--out", out), [1]));
      }
      // The memory goal holds for validating the imported workbook too (`validate --out`).
      const validated = await timedProcess(
        cliScript,
        ["validate", out, "--out", join(dir, "validated.xlsx")],
        [1],
      );
      const readMs = median(reads.map((r) => r.ms));
      const previewMs = median(previews.map((r) => r.ms));
      const writeMs = median(writes.map((r) => r.ms));
      const mib = (runs: readonly { rssKiB: number }[]): number =>
        maxOf(
          runs.map((r) => r.rssKiB),
          0,
        ) / 1024;

      const office: string[] = [];
      const syncCounts: number[] = [];
      for (const scale of [1, 10, 100]) {
        const measured = await officeImportSyncs(60 * scale);
        syncCounts.push(measured.syncs);
        const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
        office.push(
          `| ${scale}× (${60 * scale} rows) | ${measured.syncs} | ${kib(measured.request)} | ${kib(measured.response)} |`,
        );
      }
      return {
        lines: [
          `ExcelJS alone reading the export (50,000 rows): ${readMs.toFixed(0)} ms, peak ${mib(reads).toFixed(0)} MiB`,
          `CLI import --json (preview: the export streamed, mapped against the workbook, nothing written): ${previewMs.toFixed(0)} ms, peak ${mib(previews).toFixed(0)} MiB`,
          `CLI import --out (45,990 rows appended to 监测数据 in place, the file saved): ${writeMs.toFixed(0)} ms, peak ${mib(writes).toFixed(0)} MiB`,
          `CLI validate --out on the imported workbook (once): ${validated.ms.toFixed(0)} ms, peak ${(validated.rssKiB / 1024).toFixed(0)} MiB`,
          "| Office.js host (fake Excel), import | syncs | largest request | largest response |",
          "| ---: | ---: | ---: | ---: |",
          ...office,
        ],
        ratios: [
          {
            label: "CLI import preview time ÷ ExcelJS read time (50,000 rows)",
            ratio: previewMs / readMs,
            goal: 1.5,
          },
          {
            label: "CLI import --out time ÷ ExcelJS read time (50,000 rows)",
            ratio: writeMs / readMs,
            goal: 1.5,
          },
          { label: "CLI import --out peak memory ÷ 1.5 GB", ratio: mib(writes) / 1536, goal: 1 },
          {
            label: "CLI validate --out on the imported workbook, peak memory ÷ 1.5 GB",
            ratio: validated.rssKiB / 1024 / 1536,
            goal: 1,
          },
          {
            label: "Office syncs of an import, 100× rows ÷ 1× rows",
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
