import type { LocalizedText } from "../../core/locale";
import type {
  CountySource,
  MunicipalSource,
  NationalSection,
  Plan,
  RegionalSection,
} from "../../core/plan/planSchema";
import type { CellValue } from "../layout";
import type { ColumnSpec, SheetSpec } from "../sheetSpec";
import { palette } from "../sheetSpec";
import { waterClassValidation } from "./choices";
import { appendixTitle, legendNote } from "./sheetText";

type Appendix = Plan["appendices"]["nationalSections"];

/** A plan column whose Chinese header is the appendix's own, read by position from the plan. */
function printedColumn<Row>(
  appendix: Appendix,
  index: number,
  key: string,
  english: string,
  width: number,
  value: (row: Row) => CellValue,
  extra: Partial<ColumnSpec<Row>> = {},
): ColumnSpec<Row> {
  return {
    key,
    header: { "zh-CN": appendix.headers[index] ?? english, "en-US": english },
    kind: "plan",
    width,
    value,
    ...extra,
  };
}

/** Coordinates are written as numbers, shown with as many decimals as the plan prints. */
function coordinateFormat(texts: readonly string[]): string {
  const decimals = texts.reduce((max, t) => Math.max(max, t.split(".")[1]?.length ?? 0), 0);
  return decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
}

function coordinate(text: string): CellValue {
  const value = Number(text);
  return text.trim() !== "" && Number.isFinite(value) ? value : text;
}

type Located = { readonly longitudeText: string; readonly latitudeText: string };

/** 经度 and 纬度, at the appendix's header positions `index` and `index + 1`. */
function coordinateColumns<Row extends Located>(
  appendix: Appendix,
  index: number,
  rows: readonly Row[],
): ColumnSpec<Row>[] {
  return [
    printedColumn(appendix, index, "longitude", "Longitude", 10, (r) => coordinate(r.longitudeText), {
      numberFormat: coordinateFormat(rows.map((r) => r.longitudeText)),
    }),
    printedColumn(appendix, index + 1, "latitude", "Latitude", 10, (r) => coordinate(r.latitudeText), {
      numberFormat: coordinateFormat(rows.map((r) => r.latitudeText)),
    }),
  ];
}

const measuredClassColumn: ColumnSpec<unknown> = {
  key: "measuredClass",
  header: { "zh-CN": "实测水质类别", "en-US": "Measured class" },
  kind: "entry",
  width: 10,
  validation: waterClassValidation,
};

/**
 * The add-in's judgement of a point, filled by validation: the class computed from 监测数据 over
 * the plan year to the as-of date, the parameters that miss the target with their multiples,
 * the number of samples, and the verdict.
 */
const judgementColumns: readonly ColumnSpec<unknown>[] = [
  {
    key: "computedClass",
    header: { "zh-CN": "计算水质类别", "en-US": "Computed class" },
    kind: "computed",
    width: 10,
  },
  {
    key: "exceedances",
    header: { "zh-CN": "超标因子（倍数）", "en-US": "Exceedances (multiple)" },
    kind: "computed",
    width: 16,
    wrap: true,
  },
  { key: "samples", header: { "zh-CN": "样品数", "en-US": "Samples" }, kind: "computed", width: 8 },
  {
    key: "verdict",
    header: { "zh-CN": "是否达标", "en-US": "Target met" },
    formerHeaders: ["Attainment"],
    kind: "computed",
    width: 10,
  },
];

interface PointSheetText {
  readonly key: SheetSpec<unknown>["key"];
  readonly name: LocalizedText;
  readonly titleEn: string;
  readonly tableName: string;
}

function pointSheet<Row extends Located>(
  text: PointSheetText,
  appendix: Appendix,
  rows: readonly Row[],
  columns: readonly ColumnSpec<Row>[],
): SheetSpec<Row> {
  return {
    key: text.key,
    name: text.name,
    title: appendixTitle(appendix, { "en-US": text.titleEn }),
    note: legendNote(appendix.note),
    tableName: text.tableName,
    rows,
    identity: ["name"],
    freezeColumns: 0,
    tabColor: palette.planTab,
    pagesWide: 1,
    columns: [...columns, measuredClassColumn, ...judgementColumns],
  };
}

function sectionColumns<Row extends NationalSection>(
  appendix: Appendix,
  rows: readonly Row[],
  countyColumn: ColumnSpec<Row> | null,
): ColumnSpec<Row>[] {
  // 附件3 has 责任县（市、区） after 考核城市, which moves every later header one place right.
  const shift = countyColumn ? 1 : 0;
  const columns: ColumnSpec<Row>[] = [
    printedColumn(appendix, 0, "number", "No.", 6, (r) => r.number),
    printedColumn(appendix, 1, "city", "City", 8, (r) => r.city),
    printedColumn(appendix, 2, "assessedCity", "Counts for", 8, (r) => r.assessedCity, {
      wrap: true,
      formerHeaders: ["Assessed city"],
    }),
    printedColumn(appendix, 3 + shift, "basin", "Basin", 12, (r) => r.basin),
    printedColumn(appendix, 4 + shift, "waterBody", "Water body", 14, (r) => r.waterBody, { wrap: true }),
    printedColumn(appendix, 5 + shift, "name", "Section", 16, (r) => r.name),
    ...coordinateColumns(appendix, 6 + shift, rows),
    printedColumn(appendix, 8 + shift, "target", "Target class 2023", 12, (r) => r.targetText),
    printedColumn(appendix, 9 + shift, "remark", "Remarks", 10, (r) => r.remark),
  ];
  if (countyColumn) columns.splice(3, 0, countyColumn);
  return columns;
}

/** 附件2 国控断面: the national assessment sections and their 2023 target classes. */
export function nationalSectionsSheet(plan: Plan): SheetSpec<NationalSection> {
  const appendix = plan.appendices.nationalSections;
  return pointSheet(
    {
      key: "nationalSections",
      name: { "zh-CN": "附件2 国控断面", "en-US": "A2 National sections" },
      titleEn: "Appendix 2  Target classes of the national assessment sections",
      tableName: "WP_NationalSections",
    },
    appendix,
    plan.nationalSections,
    sectionColumns(appendix, plan.nationalSections, null),
  );
}

/** 附件3 区控断面: the regional (autonomous-region) assessment sections. */
export function regionalSectionsSheet(plan: Plan): SheetSpec<RegionalSection> {
  const appendix = plan.appendices.regionalSections;
  return pointSheet(
    {
      key: "regionalSections",
      name: { "zh-CN": "附件3 区控断面", "en-US": "A3 Regional sections" },
      titleEn: "Appendix 3  Target classes of the regional assessment sections",
      tableName: "WP_RegionalSections",
    },
    appendix,
    plan.regionalSections,
    sectionColumns(
      appendix,
      plan.regionalSections,
      printedColumn(appendix, 3, "responsibleCounty", "Responsible county", 12, (r) => r.responsibleCounty),
    ),
  );
}

/** 附件4 市级水源: the municipal concentrated drinking-water sources. */
export function municipalSourcesSheet(plan: Plan): SheetSpec<MunicipalSource> {
  const appendix = plan.appendices.municipalSources;
  const rows = plan.municipalSources;
  return pointSheet(
    {
      key: "municipalSources",
      name: { "zh-CN": "附件4 市级水源", "en-US": "A4 City water sources" },
      titleEn: "Appendix 4  Municipal concentrated drinking-water sources",
      tableName: "WP_MunicipalSources",
    },
    appendix,
    rows,
    [
      printedColumn(appendix, 0, "number", "No.", 6, (r) => r.number),
      printedColumn(appendix, 1, "city", "City", 10, (r) => r.city),
      printedColumn(appendix, 2, "name", "Source", 22, (r) => r.name),
      printedColumn(appendix, 3, "status", "In use", 10, (r) => r.status),
      printedColumn(appendix, 4, "sourceType", "Source type", 10, (r) => r.sourceTypeText),
      ...coordinateColumns(appendix, 5, rows),
      printedColumn(appendix, 7, "target", "Target", 16, (r) => r.targetText),
    ],
  );
}

/** 附件5 县级水源: the county-level concentrated drinking-water sources. */
export function countySourcesSheet(plan: Plan): SheetSpec<CountySource> {
  const appendix = plan.appendices.countySources;
  const rows = plan.countySources;
  return pointSheet(
    {
      key: "countySources",
      name: { "zh-CN": "附件5 县级水源", "en-US": "A5 County water sources" },
      titleEn: "Appendix 5  County-level concentrated drinking-water sources",
      tableName: "WP_CountySources",
    },
    appendix,
    rows,
    [
      printedColumn(appendix, 0, "number", "No.", 6, (r) => r.number),
      printedColumn(appendix, 1, "city", "City", 10, (r) => r.city),
      printedColumn(appendix, 2, "county", "County", 12, (r) => r.county, { wrap: true }),
      printedColumn(appendix, 3, "name", "Source", 26, (r) => r.name, { wrap: true }),
      printedColumn(appendix, 4, "status", "In use", 10, (r) => r.status),
      ...coordinateColumns(appendix, 5, rows),
      printedColumn(appendix, 7, "assessmentType", "Assessed by", 10, (r) => r.assessmentType),
      printedColumn(appendix, 8, "target", "Target", 16, (r) => r.targetText),
    ],
  );
}
