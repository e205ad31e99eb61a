import type { NumericTarget } from "../../core/plan/planSchema";
import { checkOutfallEntry } from "../../core/validation/checkOutfallEntry";
import type { CellValue } from "../layout";
import type { ReadRow } from "../readSheet";
import type { FoundSheet } from "./sheetMarks";

type SurveyShare = NonNullable<NonNullable<NumericTarget["denominator"]>["source"]>;

/** Each survey share's [part, whole] in 附件6: which counts, by entry column. */
const surveyShares: Readonly<Record<SurveyShare, readonly [OutfallCount, OutfallCount]>> = {
  outfall_traced: ["traced", "outfalls"],
  outfall_remediated: ["remediated", "remediationTasks"],
};

type OutfallCount = "outfalls" | "traced" | "remediationTasks" | "remediated";

/**
 * 附件6's totals for each survey share, over the rivers where both its part and its whole were
 * entered: a blank count is nothing reported yet, not 0 (a river with 20 outfalls found and its
 * traced count still blank must not make the share 0 %), and a river that reported only one of
 * the two must not skew the other rivers' share. Null for a share no river has reported.
 */
export type SurveyTotals = Readonly<
  Record<SurveyShare, { readonly part: number; readonly whole: number } | null>
>;

/**
 * Checks 附件6's rivers and totals their counts (task 16's shares are computed from them). Only the
 * plan's rows count: a row the plan does not have (a river repeated below the table, or no river
 * named) is warned about as neither checked nor summarised, and must not move task 16's verdict.
 *
 * @example
 * const survey = checkSurvey(found.get("outfallRivers"), planRows.get("outfallRivers"));
 * derivedShare(target, survey) // 85.714… for 12 of 14 outfalls traced
 */
export function checkSurvey(
  sheet: FoundSheet | undefined,
  rows: ReadonlyMap<ReadRow, unknown> | undefined,
): SurveyTotals | null {
  if (!sheet) return null;
  const totals: Record<SurveyShare, { part: number; whole: number } | null> = {
    outfall_traced: null,
    outfall_remediated: null,
  };
  for (const row of rows?.keys() ?? []) {
    const get = (key: string): CellValue => row.values.get(key) ?? null;
    const checked = checkOutfallEntry({
      surveyDone: get("surveyDone"),
      outfalls: get("outfalls"),
      traced: get("traced"),
      remediationTasks: get("remediationTasks"),
      remediated: get("remediated"),
    });
    sheet.marks.add(row.sheetRow, checked.problems);
    for (const share of Object.keys(surveyShares) as SurveyShare[]) {
      const [partKey, wholeKey] = surveyShares[share];
      const part = checked.counts[partKey];
      const whole = checked.counts[wholeKey];
      if (part === null || whole === null) continue;
      const total = totals[share] ?? { part: 0, whole: 0 };
      totals[share] = { part: total.part + part, whole: total.whole + whole };
    }
  }
  return totals;
}

/** Task 16's shares, from 附件6, by the survey share the plan's denominator names as its source. */
export function derivedShare(target: NumericTarget, survey: SurveyTotals | null): number | null {
  const source = target.denominator?.source ?? null;
  const total = source === null ? null : (survey?.[source] ?? null);
  if (total === null || total.whole <= 0) return null;
  // Unrounded: 3,999 of 4,999 is 79.996 %, which misses ≥ 80 %. Only the display rounds.
  return (total.part / total.whole) * 100;
}
