import type { Locale } from "../core/locale";
import type { Plan } from "../core/plan/planSchema";
import type { WorkbookPort } from "./port";

export interface GenerateOptions {
  readonly locale: Locale;
}

/** A reason generation stopped before writing anything. */
export type GenerateProblem = {
  readonly code: "sheet_name_taken";
  /** A sheet that has a plan sheet's name but was not made by the add-in. */
  readonly sheet: string;
};

export type GenerateOutcome =
  | {
      readonly ok: true;
      /** Sheets added to the workbook. */
      readonly created: readonly string[];
      /** Sheets the add-in had made before and wrote again. */
      readonly updated: readonly string[];
      /** How many non-empty entry cells were read back and kept. */
      readonly keptEntries: number;
    }
  | { readonly ok: false; readonly problems: readonly GenerateProblem[] };

/**
 * Writes the plan's appendix tables and the entry sheets into a workbook through any host.
 *
 * @example
 * const outcome = await generateWorkbook(port, plan, { locale: "zh-CN" });
 * if (!outcome.ok) showProblems(outcome.problems);
 */
export async function generateWorkbook(
  port: WorkbookPort,
  plan: Plan,
  options: GenerateOptions,
): Promise<GenerateOutcome> {
  // Implemented in the next commit of issue F1; the signature is the contract for hosts and shells.
  return Promise.reject(new Error(`not implemented yet: ${plan.id} ${options.locale} ${typeof port}`));
}
