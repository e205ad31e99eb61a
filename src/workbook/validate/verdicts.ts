import type { Locale, LocalizedText } from "../../core/locale";
import { getParameter, type ParameterKey } from "../../core/water-quality/parameters";
import { formatWaterClass, parseWaterClass, type WaterClass } from "../../core/water-quality/waterClass";
import { palette } from "../sheetSpec";
import type { ReportPoint, ReportVerdict } from "./validationReport";

/** Status words written into computed cells and the summary, per sheet language. */
export const verdictWords: Readonly<Record<ReportVerdict, LocalizedText>> = {
  met: { "zh-CN": "达标", "en-US": "Met" },
  not_met: { "zh-CN": "未达标", "en-US": "Not met" },
  no_data: { "zh-CN": "无数据", "en-US": "No data" },
  invalid: { "zh-CN": "数据有误", "en-US": "Invalid data" },
  cannot_judge: { "zh-CN": "无法判定", "en-US": "Cannot judge" },
  pending: { "zh-CN": "推进中", "en-US": "In progress" },
};

export const verdictFills: Readonly<Record<ReportVerdict, string>> = {
  met: palette.metFill,
  not_met: palette.errorFill,
  no_data: palette.noDataFill,
  invalid: palette.orphanFill,
  cannot_judge: palette.warningFill,
  pending: palette.warningFill,
};

/**
 * The short name of a parameter in a cell: "氨氮" for "氨氮（NH3-N）", the English name on English sheets.
 *
 * @example
 * parameterName("nh3n", "zh-CN") // "氨氮"
 */
export function parameterName(key: ParameterKey, locale: Locale): string {
  const def = getParameter(key);
  return locale === "zh-CN" ? def.nameZh.replace(/（.*）$/u, "") : def.nameEn;
}

/**
 * A point's class as a cell shows it, with the number of evaluation items it rests on: "Ⅱ类（21项）";
 * "Ⅳ类或更差（3项）" when core items are missing (items not measured can only make it worse);
 * "项目不全" for samples without an evaluation item. Empty without samples.
 *
 * @example
 * pointClassText(4, 3, ["do"], "en-US") // "Class IV or worse (3 items)"
 */
export function pointClassText(
  waterClass: WaterClass | null,
  items: number,
  missingCore: readonly ParameterKey[],
  locale: Locale,
): string {
  // Samples without one evaluation item: no class, and not 无数据 either.
  if (waterClass === null)
    return missingCore.length > 0 ? (locale === "zh-CN" ? "项目不全" : "Items incomplete") : "";
  const shown = formatWaterClass(waterClass, locale);
  // "至少Ⅳ类" could be read either way; "Ⅳ类或更差" cannot.
  const orWorse = missingCore.length > 0;
  if (locale === "zh-CN") return `${shown}${orWorse ? "或更差" : ""}${items > 0 ? `（${items}项）` : ""}`;
  return `${shown}${orWorse ? " or worse" : ""}${items > 0 ? ` (${items} ${items === 1 ? "item" : "items"})` : ""}`;
}

/**
 * A point's class cell as 汇总 and the 进展报告 both print it: the class computed from samples with the
 * items it rests on (pointClassText), or the class entered by hand in the report's language.
 *
 * @example
 * reportPointClass(point, "zh-CN") // "Ⅱ类（21项）"
 */
export function reportPointClass(p: ReportPoint, locale: Locale): string {
  const classOf = (text: string): WaterClass | null => {
    const read = parseWaterClass(text);
    return read.kind === "class" ? read.waterClass : null;
  };
  if (p.computedClass !== null)
    return pointClassText(classOf(p.computedClass), p.items, p.missingCore, locale);
  if (p.class === null) return pointClassText(null, p.items, p.missingCore, locale);
  const read = parseWaterClass(p.class);
  return read.kind === "class" ? formatWaterClass(read.waterClass, locale) : p.class;
}
