import type { Locale } from "../core/locale";
import type { Plan } from "../core/plan/planSchema";
import { writeExampleEntries } from "./exampleEntries";
import { generateWorkbook } from "./generateWorkbook";
import type { WorkbookPort } from "./port";
import { validateWorkbook, type ValidateOutcome } from "./validate/validateWorkbook";

/** The example's dates: the plan published on 20 March (task 44's deadline follows), judged as of 30 June. */
export const exampleDates = { publishedOn: "2023-03-20", asOf: "2023-06-30" } as const;

/**
 * The whole example workflow in one language, through any host: generates the plan's sheets with the
 * example publication date, types the example half year into them, generates again (which takes the
 * monitoring rows typed below the table into it) and validates as of the example day, writing 汇总.
 * `npm run demo`, the golden summaries and the test that both languages agree run this one function.
 *
 * @example
 * const outcome = await runExampleWorkflow(new MemoryWorkbook().port, plan, "en-US");
 */
export async function runExampleWorkflow(
  port: WorkbookPort,
  plan: Plan,
  locale: Locale,
): Promise<ValidateOutcome> {
  await generateWorkbook(port, plan, { locale, publishedOn: exampleDates.publishedOn });
  await writeExampleEntries(port, plan, locale);
  await generateWorkbook(port, plan, { locale });
  return validateWorkbook(port, plan, { locale, asOf: exampleDates.asOf });
}
