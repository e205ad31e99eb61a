/**
 * Merging returned workbooks: `water-plan merge` over 14 units' returns (each the Liuzhou workbook
 * with its scope, task entries and 400 monitoring rows of its own), written with `--out`, against
 * ExcelJS alone reading the same 14 files; wall time and peak memory, each in its own process,
 * alternating.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cityBook, typeSamples, typeTask, unitReturn } from "../../test/workbook/exchange/returnedBooks";
import type { BenchCase } from "../benchCase";
import { cliScript, excelJsReadScript, median, timedProcess } from "../childProcess";

/** The units returning: Liuzhou's ten counties and districts and four lead departments. */
const units = [
  "城中区",
  "鱼峰区",
  "柳南区",
  "柳北区",
  "柳江区",
  "柳城县",
  "鹿寨县",
  "融安县",
  "融水苗族自治县",
  "三江侗族自治县",
  "市住房城乡建设局",
  "市水利局",
  "市农业农村局",
  "柳东新区管委会",
];
const points = ["露塘", "大洲", "凤山糖厂", "脚板洲", "贝江口"];
const samplesPerReturn = 400;

/** A day of 2023 as "YYYY-MM-DD" with a time, distinct for every (unit, sample). */
function sampleTime(unit: number, sample: number): string {
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(sample / 6) * 86_400_000);
  const hour = String((sample % 6) * 4).padStart(2, "0");
  return `${day.toISOString().slice(0, 10)} ${hour}:${String(unit).padStart(2, "0")}`;
}

export const benchCase: BenchCase = {
  name: "merge: 14 returned workbooks into the city's (water-plan merge --out) against ExcelJS reading them",
  async run() {
    const dir = await mkdtemp(join(tmpdir(), "water-plan-bench-merge-"));
    try {
      const book = join(dir, "柳州市.xlsx");
      await writeFile(book, await cityBook());
      const returns: string[] = [];
      for (const [index, unit] of units.entries()) {
        const file = join(dir, `${unit}.xlsx`);
        const bytes = await unitReturn(unit, (b) => {
          typeTask(b, 1 + index, "完成状态", "推进中");
          typeTask(b, 20, "进展情况", `${unit}已部署`);
          typeSamples(
            b,
            Array.from({ length: samplesPerReturn }, (_, i) => ({
              point: points[i % points.length] ?? "露塘",
              date: sampleTime(index, i),
              values: { ph: 7 + (i % 10) / 10, do: 6 + (i % 7) / 2, nh3n: 0.1 + (i % 5) / 10 },
            })),
          );
        });
        await writeFile(file, bytes);
        returns.push(file);
      }
      const reads: { ms: number; rssKiB: number }[] = [];
      const merges: { ms: number; rssKiB: number }[] = [];
      for (let round = 0; round < 3; round += 1) {
        reads.push(await timedProcess(excelJsReadScript, returns));
        merges.push(
          await timedProcess(
            cliScript,
            ["merge", book, ...returns, "--out", join(dir, `merged-${round}.xlsx`)],
            [1],
          ),
        );
      }
      const readMs = median(reads.map((r) => r.ms));
      const mergeMs = median(merges.map((r) => r.ms));
      const peak = (list: readonly { rssKiB: number }[]): number =>
        list.reduce((max, r) => Math.max(max, r.rssKiB), 0) / 1024;
      return {
        lines: [
          `CLI merge --out of 14 returns (${samplesPerReturn} monitoring rows each, ${14 * samplesPerReturn} added): ${mergeMs.toFixed(0)} ms, peak ${peak(merges).toFixed(0)} MiB`,
          `ExcelJS alone reading the same 14 files: ${readMs.toFixed(0)} ms, peak ${peak(reads).toFixed(0)} MiB`,
        ],
        ratios: [
          { label: "CLI merge time ÷ ExcelJS read time (14 returns)", ratio: mergeMs / readMs, goal: 1.5 },
          { label: "CLI merge peak memory ÷ 1.5 GB", ratio: peak(merges) / 1536, goal: 1 },
        ],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
