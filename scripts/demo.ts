/**
 * `npm run demo`: the whole workflow on the built-in Liuzhou plan without Excel. Generates the
 * workbook, types half a year of example entries into it (good, doubtful and wrong values, labelled
 * as example data), validates as of 2023-06-30, writes 汇总, saves demo/liuzhou-2023-demo.xlsx,
 * prints the summary as tables and what to do next. `npm run demo -- --lang en` does it in English.
 */
import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { localeFromLangOption } from "../src/cli/cliIo";
import { cliMessages } from "../src/cli/messages/cliMessages";
import { formatReportText } from "../src/cli/reportText";
import { defaultReportWidth } from "../src/cli/textTable";
import type { Locale } from "../src/core/locale";
import { liuzhou2023Plan as plan } from "../src/core/plan/builtinPlans";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsxWorkbook";
import { exampleSheetName } from "../src/workbook/exampleEntries";
import { runExampleWorkflow } from "../src/workbook/exampleWorkbook";
import type { ValidationReport } from "../src/workbook/validate/validationReport";

/** Where the demo writes and how wide its tables are. */
export interface DemoOptions {
  readonly locale: Locale;
  /** The folder the workbook is saved in. */
  readonly folder: string;
  /** The terminal's width (columns). */
  readonly width: number;
  readonly write: (text: string) => void;
}

/**
 * Runs the demo: the example workflow through the xlsx host, the workbook saved in `folder`, the
 * report and the next steps written in the chosen language.
 *
 * @example
 * await runDemo({ locale: "en-US", folder: "demo", width: 100, write: (t) => process.stdout.write(t) });
 */
export async function runDemo(options: DemoOptions): Promise<{ path: string; report: ValidationReport }> {
  const { locale, folder } = options;
  const book = XlsxWorkbook.create();
  const outcome = await runExampleWorkflow(book.port, plan, locale);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  await mkdir(folder, { recursive: true });
  const path = join(folder, locale === "zh-CN" ? "liuzhou-2023-demo.xlsx" : "liuzhou-2023-demo-en.xlsx");
  await book.saveAtomically(path);
  const { report } = outcome;
  options.write(
    formatReportText(report, locale, {
      heading: {
        title: locale === "zh-CN" ? plan.title : plan.titleEn,
        asOfReason: "example",
        publishedReason: "example",
      },
      width: options.width,
    }),
  );
  const shown = relative(process.cwd(), path);
  options.write(
    `\n${cliMessages(locale).demoFinished(shown, report.counts.errors, report.counts.warnings, exampleSheetName[locale])}\n`,
  );
  return { path, report };
}

if (require.main === module) {
  const langAt = process.argv.indexOf("--lang");
  runDemo({
    locale: localeFromLangOption(langAt >= 0 ? process.argv[langAt + 1] : undefined),
    folder: join(__dirname, "..", "demo"),
    // The terminal's width; a fixed one where the output goes to a file or a pipe.
    width: process.stdout.isTTY ? process.stdout.columns : defaultReportWidth,
    write: (text) => process.stdout.write(text),
  }).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
