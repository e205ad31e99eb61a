/**
 * `npm run bench`: runs every case in bench/cases (each file exports `benchCase`), prints its figures
 * and the ratio of each measured time to its baseline, and ends with exit code 1 if a ratio misses
 * its goal. To add a case: create bench/cases/<name>.ts exporting `benchCase: BenchCase`.
 * `npm run bench -- NAME …` runs only the cases whose file name contains one of the NAMEs.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isBenchCase } from "./benchCase";

async function main(): Promise<void> {
  const folder = join(__dirname, "cases");
  const only = process.argv.slice(2);
  const files = readdirSync(folder)
    .filter((file) => file.endsWith(".ts"))
    .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
    .sort();
  let missed = 0;
  for (const file of files) {
    const module = (await import(pathToFileURL(join(folder, file)).href)) as Record<string, unknown>;
    const benchCase = module["benchCase"];
    if (!isBenchCase(benchCase)) {
      console.error(`bench/cases/${file} does not export a benchCase`);
      missed += 1;
      continue;
    }
    console.log(`\n## ${benchCase.name}`);
    const result = await benchCase.run();
    for (const line of result.lines) console.log(line);
    for (const { label, ratio, goal } of result.ratios) {
      const verdict = ratio <= goal ? "ok" : "MISSED";
      if (ratio > goal) missed += 1;
      console.log(`${label}: ${ratio.toFixed(2)}× (goal ≤ ${goal}×) ${verdict}`);
    }
  }
  process.exitCode = missed === 0 ? 0 : 1;
}

void main();
