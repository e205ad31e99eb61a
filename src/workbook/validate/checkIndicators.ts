import type { Locale } from "../../core/locale";
import type { NumericTarget, Plan } from "../../core/plan/planSchema";
import { formatTarget } from "../../core/plan/targetText";
import { checkIndicatorEntry, shownJudgedValue } from "../../core/validation/checkIndicatorEntry";
import { problem } from "../../core/validation/validationProblem";
import type { CellValue } from "../layout";
import type { ReadRow } from "../readSheet";
import { derivedShare, type SurveyTotals } from "./checkSurvey";
import type { FoundSheet } from "./sheetMarks";
import type { ReportIndicator } from "./validationReport";
import { verdictFills, verdictWords } from "./verdicts";

const emptyEntry = { actual: null, baseValue: null, reduction: null, derived: null };

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
  const checkedAll = plan.targets.map((target) => {
    const row = byTarget.get(target);
    const get = (key: string): CellValue => row?.values.get(key) ?? null;
    return checkIndicatorEntry(target, {
      actual: get("actual"),
      baseValue: get("baseValue"),
      reduction: get("reduction"),
      derived: derivedShare(target, survey),
    });
  });
  const actualById = new Map(plan.targets.map((t, i) => [t.id, checkedAll[i]?.actual ?? null]));
  return plan.targets.map((target, index) => {
    const row = byTarget.get(target);
    let checked = checkedAll[index] ?? checkIndicatorEntry(target, emptyEntry);
    // A part over its whole (task 11: 2 of the 3 rural black and odorous water bodies are under
    // national supervision) cannot both be right: an error, and the part is not judged.
    const whole = target.partOf === undefined ? undefined : plan.targets.find((t) => t.id === target.partOf);
    const wholeActual = whole === undefined ? null : (actualById.get(whole.id) ?? null);
    if (
      whole !== undefined &&
      wholeActual !== null &&
      checked.actual !== null &&
      checked.actual > wholeActual
    ) {
      checked = {
        ...checked,
        verdict: "invalid",
        problems: [
          ...checked.problems.filter((p) => p.code !== "indicator_target_missed"),
          problem("part_exceeds_whole", "error", "actual", {
            value: checked.actual,
            limit: wholeActual,
            name: locale === "zh-CN" ? whole.indicator : whole.indicatorEn,
          }),
        ],
      };
    }
    if (sheet && row) {
      const { marks } = sheet;
      marks.add(row.sheetRow, checked.problems);
      marks.setComputed(
        row.sheetRow,
        "computedValue",
        checked.actual === null ? "" : shownJudgedValue(checked.actual, target),
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
      shownActual: checked.actual === null ? null : shownJudgedValue(checked.actual, target),
      status: checked.verdict,
    };
  });
}
