import type { Locale, LocalizedText } from "../../core/locale";
import { formatWaterClass, waterClasses } from "../../core/water-quality/waterClass";
import type { ValidationRule } from "../layout";
import type { EntryValidation } from "../sheetSpec";

/** 完成状态: the task status dropdown. */
export const taskStatusChoices: readonly LocalizedText[] = [
  { "zh-CN": "未启动", "en-US": "Not started" },
  { "zh-CN": "推进中", "en-US": "In progress" },
  { "zh-CN": "已完成", "en-US": "Done" },
];

/** 是/否 */
export const yesNoChoices: readonly LocalizedText[] = [
  { "zh-CN": "是", "en-US": "Yes" },
  { "zh-CN": "否", "en-US": "No" },
];

function listOf(choices: readonly LocalizedText[]): (locale: Locale) => ValidationRule {
  return (locale) => ({ kind: "list", values: choices.map((c) => c[locale]) });
}

export const statusValidation: EntryValidation = {
  rule: listOf(taskStatusChoices),
  choices: taskStatusChoices,
  message: {
    "zh-CN": "请从下拉列表选择：未启动、推进中或已完成。",
    "en-US": "Choose Not started, In progress or Done.",
  },
  errorStyle: "stop",
};

export const yesNoValidation: EntryValidation = {
  rule: listOf(yesNoChoices),
  choices: yesNoChoices,
  message: { "zh-CN": "请选择“是”或“否”。", "en-US": "Choose Yes or No." },
  errorStyle: "stop",
};

export function dateValidation(year: number): EntryValidation {
  return {
    rule: () => ({ kind: "date", from: `${year - 1}-01-01`, to: `${year + 1}-12-31` }),
    message: {
      "zh-CN": `请输入 ${year - 1}—${year + 1} 年内的日期，如 ${year}-06-30。`,
      "en-US": `Enter a date in ${year - 1}–${year + 1}, e.g. ${year}-06-30.`,
    },
    errorStyle: "stop",
  };
}

export const countValidation: EntryValidation = {
  rule: () => ({ kind: "wholeNumber", min: 0 }),
  message: { "zh-CN": "请输入不小于 0 的整数。", "en-US": "Enter a whole number of 0 or more." },
  errorStyle: "stop",
};

export const numberValidation: EntryValidation = {
  rule: () => ({ kind: "decimal" }),
  message: { "zh-CN": "请输入数值（不带单位）。", "en-US": "Enter a number, without its unit." },
  errorStyle: "warning",
};

const waterClassChoices: readonly LocalizedText[] = waterClasses.map((c) => ({
  "zh-CN": formatWaterClass(c, "zh-CN"),
  "en-US": formatWaterClass(c, "en-US"),
}));

export const waterClassValidation: EntryValidation = {
  rule: listOf(waterClassChoices),
  choices: waterClassChoices,
  message: {
    "zh-CN": "请从下拉列表选择水质类别（Ⅰ类—劣Ⅴ类）。",
    "en-US": "Choose a water class from the list (I to worse than V).",
  },
  errorStyle: "stop",
};
