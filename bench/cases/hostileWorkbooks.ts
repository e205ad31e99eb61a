/**
 * The hostile workbooks of issue 14's audit (made here from the generated Liuzhou workbook, as the
 * test makes them): each command a user could run over one — `validate`, `validate --out` and
 * `generate --out` (generating again into a copy) — in its own process, with its wall time, peak
 * memory and exit code. The audit's bound for every one: ≤ 60 s and ≤ 1.5 GB, ending in exit 2
 * with a clear line (the test checks the line; this case gives the figures).
 */
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  filledColumnWorkbook,
  lyingSharedStringsWorkbook,
  mergedAreasWorkbook,
  sharedStringOutOfRangeWorkbook,
  xmlEntityWorkbook,
} from "../../test/hosts/xlsx/hostileWorkbooks";
import type { BenchCase } from "../benchCase";
import { cliScript, timedProcess } from "../childProcess";

const files: readonly { readonly name: string; readonly make: () => Promise<Uint8Array> }[] = [
  { name: "one column filled to row 1,048,576", make: filledColumnWorkbook },
  { name: "one merged area A5:ALL10005", make: () => mergedAreasWorkbook(1) },
  { name: "three such merged areas", make: () => mergedAreasWorkbook(3) },
  { name: "shared strings whose zip header lies about their size", make: lyingSharedStringsWorkbook },
  { name: "a shared-string index out of range", make: sharedStringOutOfRangeWorkbook },
  { name: "an XML entity in a sheet", make: xmlEntityWorkbook },
];

const limitMs = 60_000;
const limitMiB = 1536;

export const benchCase: BenchCase = {
  name: "hostile workbooks (issue 14's audit): every command, its time, peak memory and exit code",
  async run() {
    const dir = await mkdtemp(join(tmpdir(), "water-plan-hostile-"));
    try {
      const lines = [
        "| file | size | command | time | peak | exit |",
        "| --- | ---: | --- | ---: | ---: | ---: |",
      ];
      let slowest = 0;
      let largest = 0;
      let wrongExits = 0;
      for (const [index, file] of files.entries()) {
        const bytes = await file.make();
        const path = join(dir, `hostile-${index}.xlsx`);
        await writeFile(path, bytes);
        const copy = join(dir, `hostile-${index}-again.xlsx`);
        await copyFile(path, copy);
        const commands: readonly (readonly string[])[] = [
          ["validate", path, "--today", "2023-06-30"],
          ["validate", path, "--today", "2023-06-30", "--out", join(dir, `hostile-${index}-marked.xlsx`)],
          ["generate", "--out", copy],
        ];
        for (const argv of commands) {
          const figures = await timedProcess(cliScript, argv, [1, 2]);
          const peakMiB = figures.rssKiB / 1024;
          slowest = Math.max(slowest, figures.ms);
          largest = Math.max(largest, peakMiB);
          if (figures.code !== 2) wrongExits += 1;
          const shown =
            argv[0] === "generate"
              ? "generate --out (again)"
              : argv.includes("--out")
                ? "validate --out"
                : "validate";
          lines.push(
            `| ${file.name} | ${(bytes.length / 1024).toFixed(0)} KB | ${shown} | ${(figures.ms / 1000).toFixed(1)} s | ${peakMiB.toFixed(0)} MiB | ${figures.code} |`,
          );
        }
      }
      return {
        lines,
        ratios: [
          { label: "slowest command ÷ 60 s", ratio: slowest / limitMs, goal: 1 },
          { label: "largest peak memory ÷ 1.5 GB", ratio: largest / limitMiB, goal: 1 },
          { label: "commands not ending in exit 2 (count)", ratio: wrongExits, goal: 0 },
        ],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
