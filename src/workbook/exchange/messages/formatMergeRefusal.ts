import type { Locale } from "../../../core/locale";
import type { CellValue } from "../../layout";
import type { ClearedCell, MergeConflict } from "../mergeReport";
import type { MergeProblem, ReturnRefusal } from "../mergeReturns";

/**
 * Why a returned workbook was not merged, in the user's language: one sentence saying what to do.
 * The task pane and the CLI both show it.
 *
 * @example
 * formatMergeRefusal({ code: "other_year", plan: "liuzhou-2024", expected: "liuzhou-2023" }, "zh-CN")
 */
export function formatMergeRefusal(refusal: ReturnRefusal, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (refusal.code) {
    case "not_made_by_add_in":
      return zh
        ? "不是本助手生成或下发的工作簿（没有 _WaterPlan 信息表），未合并。"
        : "This workbook was not made or sent out by the add-in (it has no _WaterPlan sheet), so it was not merged.";
    case "other_plan":
      return zh
        ? `这是另一份工作计划（${refusal.plan}）的工作簿，而市级工作簿属于 ${refusal.expected}，未合并。`
        : `This workbook belongs to another plan (${refusal.plan}); the city's workbook belongs to ${refusal.expected}. It was not merged.`;
    case "other_year":
      return zh
        ? `这是另一年度计划（${refusal.plan}）的工作簿，而市级工作簿属于 ${refusal.expected}，未合并。`
        : `This workbook belongs to another year's plan (${refusal.plan}); the city's workbook belongs to ${refusal.expected}. It was not merged.`;
    case "own_book":
      return zh
        ? "这就是市级工作簿本身，不能作为退回的报送表合并。"
        : "This is the city's workbook itself, not a returned form, so it was not merged.";
    case "unreadable":
      return refusal.reason;
  }
}

/**
 * Why the whole merge stopped before writing anything, in the user's language.
 *
 * @example
 * formatMergeProblem({ code: "book_not_made_by_add_in" }, "柳州市.xlsx", "en-US")
 */
export function formatMergeProblem(problem: MergeProblem, book: string, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (problem.code) {
    case "book_not_made_by_add_in":
      return zh
        ? `${book} 不是本助手生成的工作簿（没有 _WaterPlan 信息表），请先用 water-plan generate 生成后再合并。`
        : `${book} was not made by the add-in (it has no _WaterPlan sheet): generate the plan's sheets with water-plan generate first, then merge.`;
    case "book_other_plan":
      return zh
        ? `${book} 属于工作计划 ${problem.plan}，而合并使用的计划是 ${problem.expected}；请用 --plan 指定该计划的文件。未作任何改动。`
        : `${book} belongs to the plan ${problem.plan}, but the merge uses ${problem.expected}; name that plan's file with --plan. Nothing was changed.`;
    case "cells_outside_tables":
      return zh
        ? `${book} 的“${problem.sheet}”在表格之外很远处还有 ${problem.count} 个单元格（第一个是 ${problem.first}）：追加监测数据需重写该表，会丢失它们，未作任何改动。请移走或删除这些单元格后重试。`
        : `The sheet "${problem.sheet}" of ${book} has ${problem.count} cells far outside its table (the first at ${problem.first}); appending monitoring rows rewrites the sheet and would lose them, so nothing was changed. Move or delete them, then merge again.`;
  }
}

/** A value on one line, at most 60 characters ("…" marks the cut); an empty cell as (空)/(empty). */
export function quoteValue(value: CellValue, locale: Locale): string {
  const text = (value === null ? "" : String(value)).replace(/\s+/gu, " ").trim();
  if (text === "") return locale === "zh-CN" ? "（空）" : "(empty)";
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * A conflict as one line: where, what the city holds, and every return's value with its unit.
 *
 * @example
 * formatMergeConflict(conflict, "zh-CN")
 * // "附件1 任务清单 N10（7，完成状态）：市级工作簿“推进中”（保留）；柳江区（柳江区.xlsx）“已完成”"
 */
export function formatMergeConflict(conflict: MergeConflict, locale: Locale): string {
  const zh = locale === "zh-CN";
  const offers = conflict.values
    .map((o) =>
      zh
        ? `${o.from.label}（${o.from.file}）“${quoteValue(o.value, locale)}”`
        : `${o.from.label} (${o.from.file}) "${quoteValue(o.value, locale)}"`,
    )
    .join(zh ? "；" : "; ");
  const where = zh
    ? `${conflict.sheet}${conflict.cell === "" ? "" : ` ${conflict.cell}`}（${conflict.row}，${conflict.column}）`
    : `${conflict.sheet}${conflict.cell === "" ? "" : ` ${conflict.cell}`} (${conflict.row}, ${conflict.column})`;
  switch (conflict.kind) {
    case "differs_from_book":
      return zh
        ? `${where}：市级工作簿“${quoteValue(conflict.book, locale)}”（保留）；${offers}`
        : `${where}: the city's workbook "${quoteValue(conflict.book, locale)}" (kept); ${offers}`;
    case "returns_disagree":
      return zh
        ? `${where}：各单位填写不一致，未填入：${offers}`
        : `${where}: the returns disagree, nothing written: ${offers}`;
    case "not_in_book":
      return zh
        ? `${where}：市级工作簿中没有这一行或这一列，未填入：${offers}`
        : `${where}: the city's workbook has no such row or column, nothing written: ${offers}`;
  }
}

/**
 * A cell the city holds that a return has empty, as one line: where, the city's value (kept),
 * and the unit.
 *
 * @example
 * formatMergeCleared(cleared, "zh-CN")
 * // "附件1 任务清单 N10（7，完成状态）：柳江区（柳江区.xlsx）留空，市级工作簿的“推进中”保留"
 */
export function formatMergeCleared(cleared: ClearedCell, locale: Locale): string {
  const value = quoteValue(cleared.book, locale);
  return locale === "zh-CN"
    ? `${cleared.sheet} ${cleared.cell}（${cleared.row}，${cleared.column}）：${cleared.from.label}（${cleared.from.file}）留空，市级工作簿的“${value}”保留`
    : `${cleared.sheet} ${cleared.cell} (${cleared.row}, ${cleared.column}): ${cleared.from.label} (${cleared.from.file}) left it empty; the city's workbook keeps "${value}"`;
}
