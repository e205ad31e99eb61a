import type { Locale } from "../../src/core/locale";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { writeExampleEntries } from "../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import { buildProgressReport } from "../../src/workbook/report/buildProgressReport";
import { reportPlainText, type ReportDocument } from "../../src/workbook/report/reportDocument";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";

/** Where the golden report bodies live, one per language. */
export const goldenReportFiles: Readonly<Record<Locale, string>> = {
  "zh-CN": "test/golden/liuzhou-2023-example-report.zh-CN.md",
  "en-US": "test/golden/liuzhou-2023-example-report.en-US.md",
};

/**
 * The example workbook (the Liuzhou plan with the example half year of entries) validated as of
 * 2023-06-30, as the golden summary is, with its 进展报告.
 */
export async function exampleReport(
  locale: Locale,
): Promise<{ book: MemoryWorkbook; report: ValidationReport; doc: ReportDocument }> {
  const book = new MemoryWorkbook();
  await generateWorkbook(book.port, plan, { locale, publishedOn: "2023-03-20" });
  await writeExampleEntries(book.port, plan, locale);
  await generateWorkbook(book.port, plan, { locale });
  const outcome = await validateWorkbook(book.port, plan, { locale, asOf: "2023-06-30" });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return { book, report: outcome.report, doc: buildProgressReport(plan, outcome.report, locale) };
}

/** The report's body as text: `npm test` compares it with the golden file; `npm run write-golden` rewrites it. */
export async function goldenReport(locale: Locale): Promise<string> {
  return reportPlainText((await exampleReport(locale)).doc);
}
