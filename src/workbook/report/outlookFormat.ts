import type { Locale } from "../../core/locale";
import type { AllowanceWarning } from "../../core/water-quality/computeAllowance";
import { parseWaterClass, type WaterClass } from "../../core/water-quality/waterClass";
import type { ReportAllowance } from "../validate/validationReport";

/**
 * The colours water-quality bulletins give classes (地表水环境质量评价办法（试行）, 表 2: Ⅰ–Ⅱ 蓝, Ⅲ 绿,
 * Ⅳ 黄, Ⅴ 橙, 劣Ⅴ 红), as fills light enough to read black text on; Ⅰ a shade deeper than Ⅱ so the
 * grid still tells them apart.
 */
export const classFills: Readonly<Record<WaterClass, string>> = {
  1: "#5B9BD5",
  2: "#9DC3E6",
  3: "#A9D18E",
  4: "#FFE699",
  5: "#F4B183",
  6: "#FF7C80",
};

/** A class in a grid cell: "Ⅱ", "劣Ⅴ" (zh-CN), "II", ">V" (en-US). */
export function shortClass(waterClass: WaterClass, locale: Locale): string {
  const roman = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"] as const;
  const latin = ["I", "II", "III", "IV", "V"] as const;
  if (waterClass === 6) return locale === "zh-CN" ? "劣Ⅴ" : ">V";
  return (locale === "zh-CN" ? roman : latin)[waterClass - 1] ?? "";
}

/** The class a report's class text means ("Ⅲ类" → 3), or null. */
export function classOf(text: string | null): WaterClass | null {
  if (text === null) return null;
  const read = parseWaterClass(text);
  return read.kind === "class" ? read.waterClass : null;
}

/** The legend under the grid: each class with its quality word, in the bulletin's terms. */
export const classLegend: Readonly<Record<Locale, readonly string[]>> = {
  "zh-CN": ["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类（轻度污染）", "Ⅴ类（中度污染）", "劣Ⅴ类（重度污染）"],
  "en-US": [
    "I",
    "II",
    "III",
    "IV (slightly polluted)",
    "V (moderately polluted)",
    "worse than V (heavily polluted)",
  ],
};

/**
 * A concentration as the summary and the report print it: three significant digits, trailing zeros
 * dropped ("0.593", "5.8", "0.0457").
 */
export function formatConcentration(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/**
 * An allowance as printed: three significant digits rounded to the safe side (down for a maximum,
 * up for dissolved oxygen's minimum), so a month at the printed figure never loses the target.
 */
export function formatAllowance(a: Pick<ReportAllowance, "allowance" | "bound">): string {
  if (a.allowance === null) return "";
  const value = a.allowance;
  if (value === 0) return "0";
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  const steps = value / scale;
  const rounded = (a.bound === "max" ? Math.floor(steps + 1e-9) : Math.ceil(steps - 1e-9)) * scale;
  return String(Number(rounded.toPrecision(3)));
}

export const warningWords: Readonly<Record<AllowanceWarning, Readonly<Record<Locale, string>>>> = {
  over_limit: { "zh-CN": "已超标", "en-US": "over the limit" },
  near_limit: { "zh-CN": "距限值不足10%", "en-US": "within 10 % of the limit" },
  latest_beyond_allowance: { "zh-CN": "最近一月超出余量", "en-US": "latest month beyond the allowance" },
  unreachable: { "zh-CN": "全年已无法达标", "en-US": "target out of reach" },
};

/** The warnings of an allowance in words, or "" when it has none. */
export function describeWarnings(a: Pick<ReportAllowance, "warnings">, locale: Locale): string {
  return a.warnings.map((w) => warningWords[w][locale]).join(locale === "zh-CN" ? "；" : "; ");
}
