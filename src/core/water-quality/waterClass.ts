import type { Locale } from "../locale";
import { makeProblem, type WaterQualityProblem } from "./waterQualityIssue";

/** A GB 3838-2002 water class: 1–5 for Ⅰ–Ⅴ, 6 for 劣Ⅴ (worse than V; never written "Ⅵ类"). */
export type WaterClass = 1 | 2 | 3 | 4 | 5 | 6;

/** All classes, best first. */
export const waterClasses: readonly WaterClass[] = [1, 2, 3, 4, 5, 6];

/** The result of reading a class or a target from a cell. */
export type WaterClassResult =
  { readonly kind: "class"; readonly waterClass: WaterClass } | WaterQualityProblem;

const romanNumerals: Readonly<Record<string, WaterClass>> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };
const chineseNumerals: Readonly<Record<string, WaterClass>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };
const arabicNumerals: Readonly<Record<string, WaterClass>> = { "1": 1, "2": 2, "3": 3, "4": 4, "5": 5 };

/**
 * Brings the many ways a class is written to one form: NFKC turns Ⅲ (U+2162) and ⅲ into "III"/"iii"
 * and full-width letters and signs into ASCII; spaces go; letters are upper-cased.
 */
function normalizeClassText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "").toUpperCase();
}

/** Reads a bare class numeral (after the 类 suffix is removed): "III", "3", "三", "劣V", "劣五". */
function readNumeral(text: string): WaterClass | undefined {
  if (text.startsWith("劣")) {
    const rest = text.slice(1);
    return rest === "V" || rest === "5" || rest === "五" ? 6 : undefined;
  }
  return romanNumerals[text] ?? arabicNumerals[text] ?? chineseNumerals[text];
}

/** Removes the class suffix: "类", "类水", "类水质", "类标准". */
function stripClassSuffix(text: string): string {
  return text.replace(/类(?:水质?|标准)?$/u, "");
}

function cellText(raw: unknown): string | number | undefined {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number") return raw;
  return undefined;
}

/**
 * Reads a water class as staff write it. Accepts Roman (Ⅱ, II, ⅱ), Arabic (2) and Chinese (二)
 * numerals with or without 类 / 类水, and 劣Ⅴ类 / 劣V / 劣五类 / 劣5类 for worse than V. A number cell
 * 1–5 is the class. Anything else is a problem, never a guess ("Ⅵ类", "三级", "6" are refused).
 *
 * @example
 * parseWaterClass("II 类")  // { kind: "class", waterClass: 2 }
 * parseWaterClass("劣V类")  // { kind: "class", waterClass: 6 }
 * parseWaterClass("三级")   // { kind: "problem", code: "unreadable_class", … }
 */
export function parseWaterClass(raw: unknown): WaterClassResult {
  const value = cellText(raw);
  if (value === undefined || (typeof value === "string" && value.trim() === "")) {
    return raw === null || raw === undefined || typeof raw === "string"
      ? makeProblem("empty_class", { input: "" })
      : makeProblem("unreadable_class", { input: typeof raw === "boolean" ? String(raw) : typeof raw });
  }
  if (typeof value === "number") {
    const fromNumber = Number.isInteger(value) ? arabicNumerals[String(value)] : undefined;
    return fromNumber === undefined
      ? makeProblem("unreadable_class", { input: String(value) })
      : { kind: "class", waterClass: fromNumber };
  }
  const numeral = readNumeral(stripClassSuffix(normalizeClassText(value)));
  return numeral === undefined
    ? makeProblem("unreadable_class", { input: value })
    : { kind: "class", waterClass: numeral };
}

/**
 * Reads a target (水质目标) and returns the worst class that meets it. Accepts a class
 * ("Ⅲ类" → 3), "达到或好于 III类" / "达到或优于Ⅲ类" / "符合Ⅲ类" / "Ⅲ类及以上" (→ 3) and ranges
 * "Ⅰ~Ⅲ类" / "Ⅰ-Ⅲ类" / "Ⅱ～Ⅲ类" (→ the worse end, 3). A bare "优于Ⅲ类" is refused: it would mean
 * Ⅰ–Ⅱ and is too easily a slip for "达到或优于".
 *
 * @example
 * parseTargetClass("达到或好于 III类") // { kind: "class", waterClass: 3 }
 * parseTargetClass("Ⅰ~Ⅲ类")           // { kind: "class", waterClass: 3 }
 */
export function parseTargetClass(raw: unknown): WaterClassResult {
  if (typeof raw !== "string") {
    const asClass = parseWaterClass(raw);
    return asClass.kind === "class"
      ? asClass
      : { ...asClass, code: asClass.code === "empty_class" ? "empty_class" : "unreadable_target" };
  }
  let text = normalizeClassText(raw);
  if (text === "") return makeProblem("empty_class", { input: "" });
  text = text.replace(/^(?:水质)?(?:目标|考核目标|控制目标)[:：]?/u, "");
  text = text.replace(/^(?:达到或好于|达到或优于|达到|符合)/u, "");
  text = text.replace(/(?:及以上|或以上|及更好|或更好)$/u, "");
  text = stripClassSuffix(text);
  text = text.replace(/(?:及以上|或以上)$/u, "");
  const range = /^(.+?)(?:~|-|—|至|到)(.+)$/u.exec(text);
  if (range !== null) {
    const from = readNumeral(stripClassSuffix(range[1] ?? ""));
    const to = readNumeral(range[2] ?? "");
    if (from !== undefined && to !== undefined && from <= to) return { kind: "class", waterClass: to };
    return makeProblem("unreadable_target", { input: raw });
  }
  const single = readNumeral(text);
  return single === undefined
    ? makeProblem("unreadable_target", { input: raw })
    : { kind: "class", waterClass: single };
}

const romanGlyphs = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"] as const;
const asciiRoman = ["I", "II", "III", "IV", "V"] as const;

/**
 * The class as the product displays it: "Ⅱ类" / "劣Ⅴ类" in Chinese (Unicode Roman numerals),
 * "Class II" / "Worse than V" in English.
 *
 * @example
 * formatWaterClass(6, "zh-CN") // "劣Ⅴ类"
 * formatWaterClass(2, "en-US") // "Class II"
 */
export function formatWaterClass(waterClass: WaterClass, locale: Locale): string {
  if (locale === "zh-CN") return waterClass === 6 ? "劣Ⅴ类" : `${romanGlyphs[waterClass - 1] ?? ""}类`;
  return waterClass === 6 ? "Worse than V" : `Class ${asciiRoman[waterClass - 1] ?? ""}`;
}

/**
 * True for 优良 water (Ⅰ–Ⅲ).
 *
 * @example
 * isGoodWater(3) // true
 */
export function isGoodWater(waterClass: WaterClass): boolean {
  return waterClass <= 3;
}

/**
 * True when a class meets a target: the class is the target or better.
 *
 * @example
 * meetsTarget(2, 3) // true
 */
export function meetsTarget(waterClass: WaterClass, target: WaterClass): boolean {
  return waterClass <= target;
}
