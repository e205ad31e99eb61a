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
  const judged = plan.targets.map((target, index) => {
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
  return judgedOnce(plan, judged);
}

/** Worst first: the verdict of a target checked more than once is its worst check's. */
const verdictRank: Readonly<Record<ReportIndicator["status"], number>> = {
  invalid: 0,
  not_met: 1,
  cannot_judge: 2,
  met: 3,
  no_data: 4,
};

/**
 * The targets as the report judges them: a target checked more than once (task 15's two halves,
 * each a row of 指标填报) is one target, judged on its worst check entered — the lower half decides
 * a ≥ target — and named as the plan names it, without the check's period. Checks not entered yet wait: the others judge.
 */
function judgedOnce(plan: Plan, judged: readonly ReportIndicator[]): ReportIndicator[] {
  const checksOf = new Map<string, ReportIndicator[]>();
  plan.targets.forEach((target, i) => {
    const result = judged[i];
    if (result === undefined) return;
    const first = target.period?.of ?? target.id;
    checksOf.set(first, [...(checksOf.get(first) ?? []), result]);
  });
  return plan.targets.flatMap((target, i) => {
    const own = judged[i];
    if (own === undefined || target.period?.of !== undefined) return [];
    const checks = checksOf.get(target.id) ?? [own];
    if (checks.length < 2) return [own];
    const worst = checks.reduce((a, b) => (verdictRank[b.status] < verdictRank[a.status] ? b : a));
    // Of the checks with the worst verdict, the value furthest on the wrong side of the target.
    const lowerIsWorse = target.comparator === ">=" || target.comparator === ">";
    const decides = checks
      .filter((c) => c.status === worst.status && c.actual !== null)
      .reduce<ReportIndicator>(
        (a, b) =>
          a.actual === null ||
          (b.actual !== null && (lowerIsWorse ? b.actual < a.actual : b.actual > a.actual))
            ? b
            : a,
        worst,
      );
    return [
      {
        ...own,
        actual: decides.actual,
        shownActual: decides.shownActual,
        status: worst.status,
      },
    ];
  });
}
