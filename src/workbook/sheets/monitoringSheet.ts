import type { Plan } from "../../core/plan/planSchema";
import { table1Parameters, table2Parameters, type ParameterDef } from "../../core/water-quality/parameters";
import { formatParameterHeader } from "../../core/water-quality/resolveParameterHeader";
import type { ValidationRule } from "../layout";
import type { ColumnSpec, SheetSpec } from "../sheetSpec";
import { palette } from "../sheetSpec";
import { dateValidation } from "./choices";

/**
 * The parameters of the monitoring sheet: GB 3838-2002 Table 1 in the standard's order (the 21
 * evaluation parameters, water temperature, total nitrogen, fecal coliforms), then Table 2's 5
 * supplementary items for drinking-water sources.
 */
export const monitoringParameters: readonly ParameterDef[] = [...table1Parameters, ...table2Parameters];

const englishUnits: Readonly<Record<ParameterDef["unit"], string>> = {
  "mg/L": "mg/L",
  "℃": "°C",
  无量纲: "dimensionless",
  "个/L": "count/L",
};

/** Every monitoring point of the plan: sections first, then drinking-water sources. */
export function monitoringPointNames(plan: Plan): string[] {
  return [
    ...plan.nationalSections.map((p) => p.name),
    ...plan.regionalSections.map((p) => p.name),
    ...plan.municipalSources.map((p) => p.name),
    ...plan.countySources.map((p) => p.name),
  ];
}

/**
 * English column headers short enough for a 9-character column: every word fits its width (no
 * "temperat-ure" broken mid-word) and none takes more than four lines, so that the header is about
 * as tall as the Chinese one and 监测数据 prints on as many pages. Each resolves to its parameter
 * (resolveParameterHeader), so a copy of the sheet can be imported. The others keep the full name.
 */
const shortEnglishNames: Readonly<Partial<Record<ParameterDef["key"], string>>> = {
  water_temp: "Water temp.",
  codmn: "CODMn",
  cod: "COD",
  bod5: "BOD5",
  nh3n: "NH3-N",
  tp: "TP",
  tn: "TN (lakes)",
  fluoride: "Fluoride",
  cr6: "Cr(VI)",
  petroleum: "Oils",
  las: "LAS",
  sulfate: "Sulfate",
  chloride: "Chloride",
  manganese: "Mn",
};

/** The English header: the short name (or the full one) and the unit; pH, dimensionless, has none. */
function englishHeader(def: ParameterDef): string {
  const name = shortEnglishNames[def.key] ?? def.nameEn;
  return def.unit === "无量纲" ? name : `${name} (${englishUnits[def.unit]})`;
}

function parameterColumn(def: ParameterDef): ColumnSpec<object> {
  return {
    key: `param:${def.key}`,
    header: { "zh-CN": formatParameterHeader(def), "en-US": englishHeader(def) },
    // What English workbooks said before the short headers: still read back as this column.
    formerHeaders: [`${def.nameEn} (${englishUnits[def.unit]})`],
    kind: "entry",
    // Values are short ("0.01L", "7.8"): the header wraps instead, so that the 29 parameters print
    // on two pages across at a readable size.
    width: 9,
    wrap: true,
  };
}

/**
 * 监测数据: one row per sample (point, sampling date, one column per parameter). Values are typed
 * as reports write them ("0.01L", "ND", "未检出"), so parameter cells take text and are checked by
 * 校验, not by Excel's data validation. The point dropdown reads its list from cells, since the
 * plan's 21 point names pass Excel's 255-character limit for an inline list.
 */
export function monitoringSheet(plan: Plan, pointList: ValidationRule): SheetSpec<object> {
  return {
    key: "monitoring",
    name: { "zh-CN": "监测数据", "en-US": "Monitoring data" },
    title: {
      "zh-CN": `${plan.year} 年水质监测数据`,
      // Short enough to print whole in the point and date columns, which 监测数据's second page across repeats.
      "en-US": `Water monitoring data ${plan.year}`,
    },
    note: {
      "zh-CN":
        "每行一次采样，浓度按表头单位填写。低于检出限写“检出限+L”（如 0.01L）或“<0.01”；未监测留空。点位名称请从下拉列表选择。",
      "en-US":
        "One row per sample, in the unit of each header. Below the detection limit write the limit with L (0.01L) or <0.01; leave parameters not monitored blank. Pick the point from the list.",
    },
    tableName: "WP_Monitoring",
    rows: [],
    identity: [],
    freezeColumns: 2,
    tabColor: palette.entryTab,
    pagesWide: 2,
    columns: [
      {
        key: "point",
        header: { "zh-CN": "点位名称", "en-US": "Monitoring point" },
        kind: "entry",
        width: 25,
        wrap: true,
        validation: {
          rule: () => pointList,
          message: {
            "zh-CN": "请从下拉列表选择计划中的断面或水源地。",
            "en-US": "Choose one of the plan's sections or water sources.",
          },
          errorStyle: "warning",
        },
      },
      {
        key: "sampledOn",
        header: { "zh-CN": "采样日期", "en-US": "Sampling date" },
        kind: "entry",
        width: 11,
        numberFormat: "yyyy-mm-dd",
        validation: dateValidation(plan.year),
      },
      ...monitoringParameters.map(parameterColumn),
      {
        key: "remark",
        header: { "zh-CN": "备注", "en-US": "Remarks" },
        kind: "entry",
        width: 12,
        wrap: true,
      },
    ],
  };
}
