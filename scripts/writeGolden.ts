/** `npm run write-golden`: rewrites the golden summaries and report bodies under test/golden after a deliberate change. */
import { writeFile } from "node:fs/promises";
import { goldenReport, goldenReportFiles } from "../test/golden/goldenReport";
import { goldenFiles, goldenSummary } from "../test/golden/goldenSummary";

async function main(): Promise<void> {
  for (const locale of ["zh-CN", "en-US"] as const) {
    await writeFile(goldenFiles[locale], await goldenSummary(locale));
    process.stdout.write(`wrote ${goldenFiles[locale]}\n`);
    await writeFile(goldenReportFiles[locale], await goldenReport(locale));
    process.stdout.write(`wrote ${goldenReportFiles[locale]}\n`);
  }
}

void main();
