import { z } from "zod";
import { evaluationParameters } from "../water-quality/parameters";

/**
 * The schema of a plan file in `seeds/` (one city's annual water-pollution prevention plan).
 *
 * Every `text` / `*Text` field holds the source document's wording verbatim; the fields beside it
 * are parsed from that wording. `seeds/plan.schema.json` is generated from this schema by
 * `npm run write-plan-schema` and checked against it by the tests.
 */

/** A water class in GB 3838-2002 terms: 1–5 for Ⅰ–Ⅴ, 6 for 劣Ⅴ. */
export const waterClassSchema = z.number().int().min(1).max(6);

/** A list of units as printed ("市生态环境局、工业和信息化局等") and as parsed names. */
export const unitListSchema = z.strictObject({
  text: z.string(),
  /** Full unit names, the shared 市 prefix distributed ("工业和信息化局" → "市工业和信息化局"). Duplicates in the source are kept. */
  units: z.array(z.string().min(1)),
  /** True when the source ends the list with 等 ("and others"). */
  andOthers: z.boolean(),
});

const isoDate = z.iso.date();

/** 完成时限 as printed and what it means. */
export const deadlineSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("date"), text: z.string(), date: isoDate }),
  z.strictObject({
    kind: z.literal("working_days_after_publication"),
    text: z.string(),
    /** Chinese working days after the publication date the user sets (holidays and make-up working days counted). */
    workingDays: z.number().int().positive(),
  }),
]);

export const comparatorSchema = z.enum([">=", "<=", ">", "<", "="]);

/** A numeric target stated inside a task's content. */
export const numericTargetSchema = z.strictObject({
  /** Stable identity, e.g. "t5-1" (task 5, first target). */
  id: z.string().regex(/^t\d+-\d+$/),
  task: z.number().int().positive(),
  /** Indicator name in Chinese, e.g. "生活污水集中收集率". */
  indicator: z.string().min(1),
  indicatorEn: z.string().min(1),
  /** The words of the content that state the target, verbatim. */
  text: z.string().min(1),
  /**
   * The content's words that limit what the target counts, verbatim ("处理规模为3000m ³ /d及以上的除外":
   * larger plants are left out of the average; "整治任务的30%": 30% of the remediation tasks, not of
   * all outfalls); null where the target counts what its indicator says.
   */
  qualifier: z.string().min(1).nullable(),
  /** True when the source states the target with 力争 ("strive to"): a stretch goal, not a binding one. */
  soft: z.boolean(),
  comparator: comparatorSchema,
  value: z.number(),
  /** Unit as written ("%", "公里", "亿立方米", "个"); "" for a dimensionless coefficient. */
  unit: z.string(),
  /**
   * For a share measured against something specific that staff must count separately (t16-1: the
   * outfalls identified so far), what that is, as a label in both languages, and `source`: the share
   * of the outfall survey (附件6) that gives the actual value when staff leave it blank —
   * `outfall_traced` (traced ÷ found), `outfall_remediated` (remediated ÷ remediation tasks), or
   * null when nothing in the workbook counts it. Null when the target counts what its indicator says.
   */
  denominator: z
    .strictObject({
      zh: z.string().min(1),
      en: z.string().min(1),
      source: z.enum(["outfall_traced", "outfall_remediated"]).nullable(),
    })
    .nullable(),
  /**
   * The id of the target this one counts a part of (t11-2 "其中包括2个国家监管的": part of t11-1's
   * 3): the part's actual value above the whole's is an error. Absent for most targets.
   */
  partOf: z
    .string()
    .regex(/^t\d+-\d+$/)
    .optional(),
  /**
   * For a target checked more than once in the year (task 15: 每半年一次，每次不低于10%), which check
   * this entry is ("上半年" / "first half"), and on every entry after the first `of`, the first's id.
   * Each entry is a row of 指标填报 judged on its own; the report judges the target once, on the
   * worst value entered (the lower of the halves for ≥). Absent for most targets.
   */
  period: z
    .strictObject({
      zh: z.string().min(1),
      en: z.string().min(1),
      of: z
        .string()
        .regex(/^t\d+-\d+$/)
        .optional(),
    })
    .optional(),
  /** `level`: the actual value is compared; `reduction_from_base`: the reduction in % against the base year is compared. */
  measure: z.enum(["level", "reduction_from_base"]),
  baseYear: z.number().int().optional(),
  /**
   * For a reduction against a base year: the unit of the indicator's own level, in which staff
   * enter the year's value and the base ("立方米/万元" for 万元地区生产总值用水量; the plan does not
   * print it, it is the indicator's statistical unit). Absent for level targets.
   */
  levelUnit: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }).optional(),
});

/** A dated milestone inside a task's content, other than the task's 完成时限. */
export const additionalDeadlineSchema = z.strictObject({
  /** The words of the content that date it, verbatim ("7月1日前"). */
  text: z.string().min(1),
  /** What is due then, verbatim from the content ("报送水污染防治半年工作总结"). */
  what: z.string().min(1),
  whatEn: z.string().min(1),
  deadline: deadlineSchema,
});

export const taskSchema = z.strictObject({
  number: z.number().int().positive(),
  /** "一、巩固深化水污染治理" as printed, split. */
  category: z.strictObject({ number: z.string(), title: z.string() }),
  /** "（一）工业污染防治" as printed, split; null where the category has no sub-categories. */
  subCategory: z.strictObject({ number: z.string(), title: z.string() }).nullable(),
  /** 主要任务 as printed; null where the cell is blank (it then means the row above's). */
  mainTaskAsPrinted: z.string().nullable(),
  /** 主要任务 with blanks filled from the row above. */
  mainTask: z.string(),
  content: z.string().min(1),
  leadUnits: unitListSchema,
  supportingUnits: unitListSchema,
  responsibleUnits: unitListSchema,
  deadline: deadlineSchema,
  /** Milestones dated inside the content whose date differs from `deadline` (task 53's 7月1日前); usually none. */
  additionalDeadlines: z.array(additionalDeadlineSchema),
});

/** A monitoring point's water-body type (rivers use river phosphorus limits, lakes and reservoirs the lake ones). */
export const waterbodySchema = z.enum(["river", "lake"]);

export const nationalSectionSchema = z.strictObject({
  number: z.number().int().positive(),
  /** 设区市 */
  city: z.string(),
  /** 考核城市 */
  assessedCity: z.string(),
  /** 所属流域 */
  basin: z.string(),
  /** 所在水体名称 */
  waterBody: z.string(),
  /** 断面名称 */
  name: z.string(),
  /** 经度/纬度 as printed ("109.4250") */
  longitudeText: z.string(),
  latitudeText: z.string(),
  /** 2023 年水质目标 as printed ("II 类") */
  targetText: z.string(),
  targetClass: waterClassSchema,
  /** 备注 */
  remark: z.string(),
  waterbody: waterbodySchema,
});

export const regionalSectionSchema = nationalSectionSchema.extend({
  /** 责任县（市、区） */
  responsibleCounty: z.string(),
});

export const municipalSourceSchema = z.strictObject({
  number: z.number().int().positive(),
  /** 城市名称 */
  city: z.string(),
  /** 水源地名称 */
  name: z.string(),
  /** 水源地使用状态 */
  status: z.string(),
  /** 水源地类型 as printed ("河流") */
  sourceTypeText: z.string(),
  longitudeText: z.string(),
  latitudeText: z.string(),
  /** 水质考核目标 as printed ("达到或好于 III类") */
  targetText: z.string(),
  targetClass: waterClassSchema,
  waterbody: waterbodySchema,
});

export const countySourceSchema = z.strictObject({
  number: z.number().int().positive(),
  /** 城市 */
  city: z.string(),
  /** 县（区、市） */
  county: z.string(),
  name: z.string(),
  status: z.string(),
  longitudeText: z.string(),
  latitudeText: z.string(),
  /** 考核类型 ("区考") */
  assessmentType: z.string(),
  targetText: z.string(),
  targetClass: waterClassSchema,
  waterbody: waterbodySchema,
});

export const outfallSurveySchema = z.strictObject({
  /** 项目 ("珠江流域河流") */
  item: z.string(),
  /** 干流及支流 as printed */
  riversText: z.string(),
  /** The rivers, one name each ("古宜河（寻江）" is one river). */
  rivers: z.array(z.string().min(1)),
});

/** A table's header row and note, verbatim. */
export const appendixSchema = z.strictObject({
  /** "附件 2" */
  label: z.string(),
  /** "国控断面水质目标表" */
  title: z.string(),
  /** Column headers as printed, in order. */
  headers: z.array(z.string()),
  /** The 注 under the table, verbatim, or null. */
  note: z.string().nullable(),
});

/** The monitoring-point tables a water-quality goal is judged on (附件2–5). */
export const goalPointTableSchema = z.enum([
  "national_sections",
  "regional_sections",
  "municipal_sources",
  "county_sources",
]);

/** How a goal of section 二 is judged met. */
export const goalJudgementSchema = z.discriminatedUnion("kind", [
  /** At least `share` % of the points are good water (优良: Ⅰ–Ⅲ类). */
  z.strictObject({
    kind: z.literal("good_share"),
    points: z.array(goalPointTableSchema).min(1),
    share: z.number().min(0).max(100),
  }),
  /** Every point meets its own target class. */
  z.strictObject({ kind: z.literal("all_meet_target"), points: z.array(goalPointTableSchema).min(1) }),
  /** The tasks of 附件1 that carry the goal are done. */
  z.strictObject({ kind: z.literal("tasks_done"), tasks: z.array(z.number().int().positive()).min(1) }),
]);

/** An evaluation item's key ("ph", "nh3n"): one of the 21 items that decide a class. */
const evaluationItemSchema = z.string().refine((key) => evaluationParameters.some((p) => p.key === key), {
  error: "not one of the 21 evaluation items of GB 3838-2002 (ph, do, codmn, nh3n, tp, …)",
});

/**
 * The core evaluation items each kind of point must have measured before 达标 can be said, by
 * point table; a table left out uses pH, 溶解氧, 高锰酸盐指数, 氨氮 and 总磷 (the items national
 * automatic stations evaluate). A plan may name all 21.
 */
export const coreItemsSchema = z.partialRecord(goalPointTableSchema, z.array(evaluationItemSchema).min(1));

export const goalSchema = z.strictObject({
  key: z.enum(["national_sections", "regional_sections", "drinking_water_sources", "black_odorous_water"]),
  /** The goal's words in section 二, verbatim. */
  text: z.string(),
  textEn: z.string().min(1),
  /** For the section goals: how many sections; otherwise null. */
  count: z.number().int().positive().nullable(),
  /** For national_sections: the good-water share required, in %; otherwise null. */
  goodShare: z.number().nullable(),
  judgement: goalJudgementSchema,
});

/** A county or district of the city ("柳江区", "Liujiang District"). */
export const countySchema = z.strictObject({ name: z.string().min(1), nameEn: z.string().min(1) });

export const planSchema = z.strictObject({
  /**
   * The JSON Schema the file declares for editors ("./plan.schema.json"). Accepted here, rather than
   * stripped before parsing, so that the published JSON Schema (generated from this one) allows it too.
   */
  $schema: z.string().optional(),
  /** Stable identity, e.g. "liuzhou-2023". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  city: z.string(),
  cityEn: z.string(),
  year: z.number().int(),
  title: z.string(),
  titleEn: z.string(),
  /** The name of the source text file beside the JSON in seeds/. */
  sourceFile: z.string(),
  goalsText: z.string(),
  goals: z.array(goalSchema),
  coreItems: coreItemsSchema.optional(),
  /**
   * Requirements inside tasks that no entry can judge (task 18's 监测频次为每月1次, task 16's 完成排查):
   * 汇总 and the report list them as needing a person's judgement, so no target goes silently unjudged.
   */
  manualChecks: z
    .array(
      z.strictObject({
        task: z.number().int().positive(),
        /** The content's words, verbatim. */
        text: z.string().min(1),
        textEn: z.string().min(1),
      }),
    )
    .optional(),
  /**
   * The city's counties and districts (县、区), which "各县、区人民政府" in 责任单位 means: the source
   * names them only in passing, so the plan lists them. Units of their own such as 柳东新区管委会 are
   * not counties. Absent in plan files made before splitting by county (`water-plan split --by county`
   * then refuses).
   */
  counties: z.array(countySchema).optional(),
  /**
   * The unit that answers for the monitoring points and rivers no county is named for (national
   * sections, municipal drinking-water sources, the rivers of 附件6) when the plan is split among
   * units, and the tasks of 附件1 whose lead unit it is for that monitoring, as evidence (Liuzhou:
   * 市生态环境局, tasks 14 对国控断面开展…监测, 16 入河排污口排查 (附件6), 21 饮用水水源（市生态环境局牵头）).
   */
  monitoringLead: z
    .strictObject({ unit: z.string().min(1), tasks: z.array(z.number().int().positive()).min(1) })
    .optional(),
  appendices: z.strictObject({
    tasks: appendixSchema,
    nationalSections: appendixSchema,
    regionalSections: appendixSchema,
    municipalSources: appendixSchema,
    countySources: appendixSchema,
    outfallSurvey: appendixSchema,
  }),
  tasks: z.array(taskSchema),
  targets: z.array(numericTargetSchema),
  nationalSections: z.array(nationalSectionSchema),
  regionalSections: z.array(regionalSectionSchema),
  municipalSources: z.array(municipalSourceSchema),
  countySources: z.array(countySourceSchema),
  outfallSurvey: z.array(outfallSurveySchema),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanTask = z.infer<typeof taskSchema>;
export type NumericTarget = z.infer<typeof numericTargetSchema>;
export type NationalSection = z.infer<typeof nationalSectionSchema>;
export type RegionalSection = z.infer<typeof regionalSectionSchema>;
export type MunicipalSource = z.infer<typeof municipalSourceSchema>;
export type CountySource = z.infer<typeof countySourceSchema>;
export type OutfallSurvey = z.infer<typeof outfallSurveySchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type AdditionalDeadline = z.infer<typeof additionalDeadlineSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type GoalJudgement = z.infer<typeof goalJudgementSchema>;
export type GoalPointTable = z.infer<typeof goalPointTableSchema>;
export type UnitList = z.infer<typeof unitListSchema>;
export type Comparator = z.infer<typeof comparatorSchema>;
export type County = z.infer<typeof countySchema>;
