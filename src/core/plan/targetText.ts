import type { Locale } from "../locale";
import { comparatorSigns } from "../validation/checkIndicatorEntry";
import type { NumericTarget } from "./planSchema";

/** The plan's units in English; a unit not listed here is shown as the plan writes it. */
const englishUnits: Readonly<Record<string, string>> = {
  "%": "%",
  公里: "km",
  个: "pieces",
  亿立方米: "100 million m³",
  "": "",
};

/**
 * A target's words with what limits them beside them, as 指标填报 shows the target: the qualifier in
 * brackets where the words do not already hold it (task 5's "…63%以上（处理规模为3000m ³ /d及以上的除外）",
 * as the plan prints it; task 9's alternatives), else the words alone.
 *
 * @example
 * targetWithQualifier(t16First) // "完成已查明排污口总数的80%溯源" (its qualifier is inside)
 */
export function targetWithQualifier(target: NumericTarget): string {
  const { text, qualifier } = target;
  return qualifier === null || text.includes(qualifier) ? text : `${text}（${qualifier}）`;
}

/**
 * A target's indicator as 指标填报 names its row, with the check it is for where the target is
 * checked more than once: "入河排污口抽查比例（上半年）", "… (each half year): first half".
 *
 * @example
 * indicatorOnSheet(t15First, "zh-CN") // "入河排污口抽查比例（上半年）"
 */
export function indicatorOnSheet(target: NumericTarget, locale: Locale): string {
  const name = locale === "zh-CN" ? target.indicator : target.indicatorEn;
  if (target.period === undefined) return name;
  return locale === "zh-CN" ? `${name}（${target.period.zh}）` : `${name}: ${target.period.en}`;
}

/**
 * A target's unit in the reader's language: the plan's own in Chinese, English in English.
 *
 * @example
 * unitIn("亿立方米", "en-US") // "100 million m³"
 * unitIn("公里", "zh-CN") // "公里"
 */
export function unitIn(unit: string, locale: Locale): string {
  return locale === "zh-CN" ? unit : (englishUnits[unit] ?? unit);
}

/**
 * A value with its unit as each language writes it: "19公里" in Chinese, "19 km" in English
 * ("57%" in both).
 *
 * @example
 * valueWithUnit(22.6, "亿立方米", "en-US") // "22.6 100 million m³"
 */
export function valueWithUnit(value: number | string, unit: string, locale: Locale): string {
  const shown = unitIn(unit, locale);
  return shown === "" || shown === "%" || locale === "zh-CN" ? `${value}${shown}` : `${value} ${shown}`;
}

/**
 * A numeric target as the report and 汇总 give it: "≥ 57%", "降幅 ≥ 6.4%", "≤ 22.6 100 million m³".
 *
 * @example
 * formatTarget(plan.targets[0], "zh-CN") // "≥ 57%"
 */
export function formatTarget(target: NumericTarget, locale: Locale): string {
  const cut = target.measure === "reduction_from_base" ? (locale === "zh-CN" ? "降幅 " : "cut ") : "";
  return `${cut}${comparatorSigns[target.comparator]} ${valueWithUnit(target.value, target.unit, locale)}`;
}

/**
 * A target's text as the Chinese messages hold it ("≥ 19公里", "≤ 22.6亿立方米") in English units:
 * messages carry it formed in Chinese, and the English ones say it in English.
 *
 * @example
 * targetTextInEnglish("≥ 19公里") // "≥ 19 km"
 */
export function targetTextInEnglish(text: string): string {
  for (const [zh, en] of Object.entries(englishUnits)) {
    if (zh !== "" && zh !== "%" && text.endsWith(zh)) return `${text.slice(0, -zh.length).trimEnd()} ${en}`;
  }
  return text;
}
