import type { Plan } from "../core/plan/planSchema";
import { HostError } from "../hosts/hostError";
import type { WorkbookPort } from "../workbook/port";
import {
  type ValidateOptions,
  type ValidateOutcome,
  validateWorkbook,
} from "../workbook/validate/validateWorkbook";
import type { CliMessages } from "./messages/cliMessages";
import { describeWorkbookError, UsageProblem } from "./workbookFiles";

/**
 * Validates a workbook for a command (validate, report): a host's refusal or a workbook without
 * the plan's sheets becomes a UsageProblem in the user's words, naming the file as given (`book`).
 *
 * @example
 * const { report } = await validateForCli(workbook.port, plan, { locale, asOf }, "柳州.xlsx", messages);
 */
export async function validateForCli(
  port: WorkbookPort,
  plan: Plan,
  options: ValidateOptions,
  book: string,
  messages: CliMessages,
): Promise<Extract<ValidateOutcome, { ok: true }>> {
  const outcome = await validateWorkbook(port, plan, options).catch((error: unknown) => {
    if (error instanceof HostError) throw new UsageProblem(describeWorkbookError(error, book, messages));
    throw error;
  });
  if (!outcome.ok) {
    throw new UsageProblem(
      outcome.problems
        .map((p) =>
          p.code === "no_plan_sheets" ? messages.noPlanSheets(book) : messages.summarySheetTaken(p.sheet),
        )
        .join(" "),
    );
  }
  return outcome;
}
