import { formatReportMarkdown } from "../../src/cli/reportText";
import type { Locale } from "../../src/core/locale";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { runExampleWorkflow } from "../../src/workbook/exampleWorkbook";

/** Where the golden summaries live, one per language. */
export const goldenFiles: Readonly<Record<Locale, string>> = {
  "zh-CN": "test/golden/liuzhou-2023-example-summary.zh-CN.md",
  "en-US": "test/golden/liuzhou-2023-example-summary.en-US.md",
};

/**
 * The summary, as Markdown, of the fixture workbook: the Liuzhou plan with the example half year of
 * entries (good, doubtful and wrong values), validated as of 2023-06-30. `npm test` compares it with
 * the golden file; `npm run write-golden` rewrites the files after a deliberate change.
 */
export async function goldenSummary(locale: Locale): Promise<string> {
  const outcome = await runExampleWorkflow(new MemoryWorkbook().port, plan, locale);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return formatReportMarkdown(outcome.report, locale);
}
