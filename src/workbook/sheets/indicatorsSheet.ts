import type { NumericTarget, Plan } from "../../core/plan/planSchema";
import { indicatorOnSheet, targetWithQualifier, unitIn } from "../../core/plan/targetText";
import { comparatorSigns } from "../../core/validation/checkIndicatorEntry";
import type { SheetSpec } from "../sheetSpec";
import { palette } from "../sheetSpec";
import { numberValidation } from "./choices";

/**
 * 指标填报: one row per numeric target of 附件1 (task number, indicator, the target as written and
 * parsed), where staff enter the actual value and, for targets stated as a reduction against a
 * base year, the base-year value.
 */
export function indicatorsSheet(plan: Plan): SheetSpec<NumericTarget> {
  const baseYear = plan.targets.find((t) => t.baseYear !== undefined)?.baseYear ?? plan.year - 3;
  return {
    key: "indicators",
    name: { "zh-CN": "指标填报", "en-US": "Indicators" },
    title: {
      "zh-CN": `${plan.year} 年重点工作任务量化指标填报`,
      "en-US": `Numeric targets of the ${plan.year} key tasks`,
    },
    note: {
      "zh-CN": `每行一项量化指标。请在黄底列按“填报单位”填写实际值（不带单位）；“较${baseYear}年降低”类指标填本年值和${baseYear}年基数（由插件计算降幅），或直接填降幅。绿底列由“校验”计算；任务16的比例可不填，由附件6 排查数据计算。`,
      "en-US": `One row per numeric target. Enter the actual value in the yellow cells, in the unit under "Enter in", without it; for targets stated as a reduction against ${baseYear}, enter the year's value and the ${baseYear} base (the add-in computes the cut) or the cut itself. Green cells are filled by Validate; task 16's shares may be left blank: they are computed from Appendix 6.`,
    },
    tableName: "WP_Indicators",
    rows: plan.targets,
    identity: ["task", "indicator"],
    // A target's first check had the whole target's row before its checks had a row each.
    formerIdentities: (t) =>
      t.period !== undefined && t.period.of === undefined
        ? [`${t.task}|${t.indicator}`, `${t.task}|${t.indicatorEn}`]
        : [],
    freezeColumns: 2,
    tabColor: palette.entryTab,
    pagesWide: 1,
    columns: [
      {
        key: "task",
        header: { "zh-CN": "任务序号", "en-US": "Task" },
        kind: "plan",
        width: 6,
        value: (t) => t.task,
      },
      {
        key: "indicator",
        header: { "zh-CN": "指标", "en-US": "Indicator" },
        kind: "plan",
        width: 22,
        wrap: true,
        // The row's identity: a target checked twice (task 15's halves) has a row per check.
        value: (t, locale) => indicatorOnSheet(t, locale),
      },
      {
        key: "targetText",
        header: { "zh-CN": "目标（原文）", "en-US": "Target as written" },
        kind: "plan",
        width: 30,
        wrap: true,
        // The qualifier stands beside the target (task 5's exclusion, task 9's alternatives).
        value: (t) => targetWithQualifier(t),
        // Earlier versions wrote the words alone: still the plan's, not a change by a user.
        formerValue: (t) => t.text,
      },
      {
        key: "comparator",
        header: { "zh-CN": "比较", "en-US": "Must be" },
        kind: "plan",
        width: 10,
        wrap: true,
        value: (t, locale) => {
          const sign = comparatorSigns[t.comparator];
          if (t.measure === "level") return sign;
          const year = t.baseYear ?? baseYear;
          return locale === "zh-CN" ? `降幅${sign}（较${year}年）` : `cut ${sign} (vs ${year})`;
        },
      },
      {
        key: "targetValue",
        header: { "zh-CN": "目标值", "en-US": "Target value" },
        kind: "plan",
        width: 10,
        value: (t) => t.value,
      },
      {
        key: "unit",
        header: { "zh-CN": "单位", "en-US": "Unit" },
        kind: "plan",
        width: 10,
        // "100 million m³" is wider than the column: wrapped, not cut off at the next cell.
        wrap: true,
        value: (t, locale) => unitIn(t.unit, locale),
      },
      {
        key: "entryUnit",
        header: { "zh-CN": "填报单位", "en-US": "Enter in" },
        kind: "plan",
        width: 10,
        wrap: true,
        // A reduction is computed from the year's value and the base, both in the indicator's own unit.
        value: (t, locale) =>
          t.levelUnit !== undefined ? t.levelUnit[locale === "zh-CN" ? "zh" : "en"] : unitIn(t.unit, locale),
      },
      {
        key: "actual",
        header: { "zh-CN": "实际值", "en-US": "Actual value" },
        kind: "entry",
        width: 12,
        validation: numberValidation,
      },
      {
        key: "baseValue",
        header: { "zh-CN": `${baseYear}年基数`, "en-US": `${baseYear} base value` },
        kind: "entry",
        width: 10,
        validation: numberValidation,
        appliesTo: (t) => t.measure === "reduction_from_base",
      },
      {
        key: "reduction",
        header: { "zh-CN": "或直接填降幅(%)", "en-US": "Or the cut (%)" },
        kind: "entry",
        width: 10,
        validation: numberValidation,
        appliesTo: (t) => t.measure === "reduction_from_base",
      },
      {
        key: "remark",
        header: { "zh-CN": "数据来源及说明", "en-US": "Source and remarks" },
        kind: "entry",
        width: 20,
        wrap: true,
      },
      {
        key: "computedValue",
        header: { "zh-CN": "判定值", "en-US": "Value judged" },
        kind: "computed",
        width: 10,
      },
      {
        key: "verdict",
        header: { "zh-CN": "是否达标", "en-US": "Target met" },
        formerHeaders: ["Attainment"],
        kind: "computed",
        width: 10,
      },
    ],
  };
}
