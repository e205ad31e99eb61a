import type { Locale } from "../../core/locale";
import type { NumericTarget, Plan } from "../../core/plan/planSchema";
import { formatTarget } from "../../core/plan/targetText";
import { checkIndicatorEntry } from "../../core/validation/checkIndicatorEntry";
import type { CellValue } from "../layout";
import type { ReadRow } from "../readSheet";
import { derivedShare, type SurveyTotals } from "./checkSurvey";
import type { FoundSheet } from "./sheetMarks";
import type { ReportIndicator } from "./validationReport";
import { verdictFills, verdictWords } from "./verdicts";

/**
 * Checks every numeric target's row of 指标填报 and judges the target: writes the value judged and
 * the verdict into the row's computed cells, and gives the targets as the report lists them (a
 * target whose row is missing is judged from nothing entered). Task 16's shares may come from 附件6.
 *
 * @example
 * const rows = planRows.get("indicators");
 * const indicators = checkIndicators(plan, found.get("indicators"), rows, survey, "zh-CN");
 */
export function checkIndicators(
  plan: Plan,
  sheet: FoundSheet | undefined,
  rows: ReadonlyMap<ReadRow, unknown> | undefined,
  survey: SurveyTotals | null,
  locale: Locale,
): ReportIndicator[] {
  const byTarget = new Map<NumericTarget, ReadRow>();
  for (const [row, target] of rows ?? []) byTarget.set(target as NumericTarget, row);
  return plan.targets.map((target) => {
    const row = byTarget.get(target);
    const get = (key: string): CellValue => row?.values.get(key) ?? null;
    const checked = checkIndicatorEntry(target, {
      actual: get("actual"),
      baseValue: get("baseValue"),
      reduction: get("reduction"),
      derived: derivedShare(target, survey),
    });
    if (sheet && row) {
      const { marks } = sheet;
      marks.add(row.sheetRow, checked.problems);
      marks.setComputed(
        row.sheetRow,
        "computedValue",
        checked.actual === null ? "" : Math.round(checked.actual * 100) / 100,
      );
      marks.setComputed(row.sheetRow, "verdict", verdictWords[checked.verdict][marks.sheetLocale]);
      marks.fillCell(row.sheetRow, "verdict", verdictFills[checked.verdict]);
    }
    return {
      id: target.id,
      task: target.task,
      name: locale === "zh-CN" ? target.indicator : target.indicatorEn,
      target: formatTarget(target, locale),
      soft: target.soft,
      actual: checked.actual,
      status: checked.verdict,
    };
  });
}
