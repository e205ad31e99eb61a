/**
 * `npm run demo`: the whole workflow on the built-in Liuzhou plan without Excel. Generates the
 * workbook, types half a year of example entries into it (good, doubtful and wrong values, labelled
 * as example data), validates as of 2023-06-30, writes 汇总, saves demo/liuzhou-2023-demo.xlsx and
 * prints the summary as tables. `npm run demo -- --lang en` does it in English.
 */
import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { localeFromLangOption } from "../src/cli/cliIo";
import { formatReportText } from "../src/cli/reportText";
import { liuzhou2023Plan as plan } from "../src/core/plan/builtinPlans";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsxWorkbook";
import { runExampleWorkflow } from "../src/workbook/exampleWorkbook";

async function main(): Promise<void> {
  const langAt = process.argv.indexOf("--lang");
  const locale = localeFromLangOption(langAt >= 0 ? process.argv[langAt + 1] : undefined);
  const book = XlsxWorkbook.create();
  const outcome = await runExampleWorkflow(book.port, plan, locale);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const folder = join(__dirname, "..", "demo");
  await mkdir(folder, { recursive: true });
  const path = join(folder, locale === "zh-CN" ? "liuzhou-2023-demo.xlsx" : "liuzhou-2023-demo-en.xlsx");
  await book.saveAtomically(path);
  process.stdout.write(formatReportText(outcome.report, locale));
  const shown = relative(process.cwd(), path);
  process.stdout.write(
    locale === "zh-CN"
      ? `\n示例工作簿（虚构的示例数据）已写入 ${shown}：错误 ${outcome.report.counts.errors} 项，提示 ${outcome.report.counts.warnings} 项。\n`
      : `\nThe example workbook (invented example data) is in ${shown}: ${outcome.report.counts.errors} errors, ${outcome.report.counts.warnings} warnings.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
