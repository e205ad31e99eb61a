import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import type { ValidationReport } from "../validate/validationReport";
import { buildProgressReport } from "./buildProgressReport";
import { renderProgressReportDocx } from "./renderProgressReportDocx";

/**
 * The 进展报告 draft as .docx bytes, in one call: what the pane loads as a chunk of its own (the
 * `docx` library stays out of the engine's chunk) and the command line writes.
 *
 * @example
 * const bytes = await progressReportDocx(plan, outcome.report, "zh-CN");
 */
export function progressReportDocx(
  plan: Plan,
  report: ValidationReport,
  locale: Locale,
): Promise<Uint8Array> {
  return renderProgressReportDocx(buildProgressReport(plan, report, locale));
}
