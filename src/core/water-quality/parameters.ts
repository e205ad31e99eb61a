/**
 * The parameter catalogue of GB 3838-2002 (地表水环境质量标准): Table 1 basic items (24), Table 2
 * supplementary items for concentrated drinking-water sources (5) and Table 3 specific items (80).
 *
 * Typed data, not files read at run time, so the engine runs unchanged in Excel, the CLI and the
 * browser. The tests compare every cell with the reference TSVs.
 */

/** The key of every GB 3838-2002 parameter, as in shared/reference/gb3838-table*.tsv. */
export type ParameterKey =
  | "water_temp"
  | "ph"
  | "do"
  | "codmn"
  | "cod"
  | "bod5"
  | "nh3n"
  | "tp"
  | "tn"
  | "cu"
  | "zn"
  | "fluoride"
  | "se"
  | "as"
  | "hg"
  | "cd"
  | "cr6"
  | "pb"
  | "cn"
  | "volatile_phenol"
  | "petroleum"
  | "las"
  | "sulfide"
  | "fecal_coliform"
  | "sulfate"
  | "chloride"
  | "nitrate"
  | "iron"
  | "manganese"
  | "chloroform"
  | "carbon_tetrachloride"
  | "bromoform"
  | "dichloromethane"
  | "1_2_dichloroethane"
  | "epichlorohydrin"
  | "vinyl_chloride"
  | "1_1_dichloroethylene"
  | "1_2_dichloroethylene"
  | "trichloroethylene"
  | "tetrachloroethylene"
  | "chloroprene"
  | "hexachlorobutadiene"
  | "styrene"
  | "formaldehyde"
  | "acetaldehyde"
  | "acrolein"
  | "chloral"
  | "benzene"
  | "toluene"
  | "ethylbenzene"
  | "xylenes"
  | "isopropylbenzene"
  | "chlorobenzene"
  | "1_2_dichlorobenzene"
  | "1_4_dichlorobenzene"
  | "trichlorobenzenes"
  | "tetrachlorobenzenes"
  | "hexachlorobenzene"
  | "nitrobenzene"
  | "dinitrobenzenes"
  | "2_4_dinitrotoluene"
  | "2_4_6_trinitrotoluene"
  | "nitrochlorobenzenes"
  | "2_4_dinitrochlorobenzene"
  | "2_4_dichlorophenol"
  | "2_4_6_trichlorophenol"
  | "pentachlorophenol"
  | "aniline"
  | "benzidine"
  | "acrylamide"
  | "acrylonitrile"
  | "dibutyl_phthalate"
  | "dehp"
  | "hydrazine_hydrate"
  | "tetraethyl_lead"
  | "pyridine"
  | "turpentine"
  | "picric_acid"
  | "butyl_xanthate"
  | "active_chlorine"
  | "ddt"
  | "lindane"
  | "heptachlor_epoxide"
  | "parathion"
  | "methyl_parathion"
  | "malathion"
  | "dimethoate"
  | "dichlorvos"
  | "trichlorfon"
  | "demeton"
  | "chlorothalonil"
  | "carbaryl"
  | "deltamethrin"
  | "atrazine"
  | "benzo_a_pyrene"
  | "methylmercury"
  | "pcbs"
  | "microcystin_lr"
  | "yellow_phosphorus"
  | "mo"
  | "co"
  | "be"
  | "b"
  | "sb"
  | "ni"
  | "ba"
  | "v"
  | "ti"
  | "tl";

/** How a limit bounds a value: `le` C ≤ limit, `ge` C ≥ limit (dissolved oxygen), `range` 6 ≤ pH ≤ 9, `none` (water temperature). */
export type Direction = "le" | "ge" | "range" | "none";

/**
 * What a parameter is used for.
 * - `evaluation`: one of the 21 items that decide a class (环办〔2011〕22号).
 * - `reference`: total nitrogen and fecal coliforms, reported beside the class, never deciding it.
 * - `temperature`: water temperature, which has no class.
 * - `supplementary`: Table 2, for concentrated drinking-water sources.
 * - `specific`: Table 3, for concentrated drinking-water sources.
 */
export type ParameterRole = "evaluation" | "reference" | "temperature" | "supplementary" | "specific";

/** The display unit: mg/L, ℃, 无量纲 (dimensionless) or 个/L (count per litre). */
export type ParameterUnit = "mg/L" | "℃" | "无量纲" | "个/L";

/** Limits of classes Ⅰ–Ⅴ, index 0 = Ⅰ. */
export type ClassLimits = readonly [number, number, number, number, number];

/** The limits of one parameter. */
export type ParameterLimits =
  /** Table 1 items with class limits; `lake` applies to lakes and reservoirs (it differs only for total phosphorus). */
  | { readonly kind: "classes"; readonly river: ClassLimits; readonly lake: ClassLimits }
  /** pH: inside [min, max] the parameter does not worsen the class. */
  | { readonly kind: "range"; readonly min: number; readonly max: number }
  /** Table 2 and Table 3: one limit for drinking-water sources. */
  | { readonly kind: "single"; readonly limit: number }
  /** Water temperature: no class limits. */
  | { readonly kind: "none" };

/** One parameter of GB 3838-2002. */
export interface ParameterDef {
  readonly key: ParameterKey;
  /** Chinese name exactly as printed in the standard, e.g. "氨氮（NH3-N）". */
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: ParameterUnit;
  readonly table: 1 | 2 | 3;
  readonly direction: Direction;
  readonly role: ParameterRole;
  readonly limits: ParameterLimits;
  /** Other names staff write in column headers (besides nameZh, nameEn and key). */
  readonly aliases: readonly string[];
}

// GB 3838-2002 Table 1 (basic items), checked against shared/reference/gb3838-table1.tsv
export const table1Parameters: readonly ParameterDef[] = [
  {
    key: "water_temp",
    nameZh: "水温",
    nameEn: "Water temperature",
    unit: "℃",
    table: 1,
    direction: "none",
    role: "temperature",
    limits: { kind: "none" },
    aliases: ["水温", "温度", "WT", "Water temp."],
  },
  {
    key: "ph",
    nameZh: "pH值",
    nameEn: "pH",
    unit: "无量纲",
    table: 1,
    direction: "range",
    role: "evaluation",
    limits: { kind: "range", min: 6, max: 9 },
    aliases: ["pH", "pH值", "PH值"],
  },
  {
    key: "do",
    nameZh: "溶解氧",
    nameEn: "Dissolved oxygen",
    unit: "mg/L",
    table: 1,
    direction: "ge",
    role: "evaluation",
    limits: { kind: "classes", river: [7.5, 6, 5, 3, 2], lake: [7.5, 6, 5, 3, 2] },
    aliases: ["溶解氧", "DO"],
  },
  {
    key: "codmn",
    nameZh: "高锰酸盐指数",
    nameEn: "Permanganate index (CODMn)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [2, 4, 6, 10, 15], lake: [2, 4, 6, 10, 15] },
    aliases: ["高锰酸盐指数", "CODMn", "COD_Mn", "COD-Mn", "高锰酸钾指数", "IMn"],
  },
  {
    key: "cod",
    nameZh: "化学需氧量（COD）",
    nameEn: "Chemical oxygen demand (CODCr)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [15, 15, 20, 30, 40], lake: [15, 15, 20, 30, 40] },
    aliases: ["化学需氧量", "COD", "CODCr", "COD_Cr", "COD-Cr"],
  },
  {
    key: "bod5",
    nameZh: "五日生化需氧量（BOD5）",
    nameEn: "Five-day biochemical oxygen demand (BOD5)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [3, 3, 4, 6, 10], lake: [3, 3, 4, 6, 10] },
    aliases: ["五日生化需氧量", "BOD5", "BOD_5", "BOD"],
  },
  {
    key: "nh3n",
    nameZh: "氨氮（NH3-N）",
    nameEn: "Ammonia nitrogen (NH3-N)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.15, 0.5, 1, 1.5, 2], lake: [0.15, 0.5, 1, 1.5, 2] },
    aliases: ["氨氮", "NH3-N", "NH3N", "NH3_N", "NH4-N", "氨氮（以N计）"],
  },
  {
    key: "tp",
    nameZh: "总磷（以P计）",
    nameEn: "Total phosphorus (as P)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.02, 0.1, 0.2, 0.3, 0.4], lake: [0.01, 0.025, 0.05, 0.1, 0.2] },
    aliases: ["总磷", "TP"],
  },
  {
    key: "tn",
    nameZh: "总氮（湖、库，以N计）",
    nameEn: "Total nitrogen (lakes/reservoirs, as N)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "reference",
    limits: { kind: "classes", river: [0.2, 0.5, 1, 1.5, 2], lake: [0.2, 0.5, 1, 1.5, 2] },
    aliases: ["总氮", "TN", "总氮（以N计）", "TN (lakes)"],
  },
  {
    key: "cu",
    nameZh: "铜",
    nameEn: "Copper",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.01, 1, 1, 1, 1], lake: [0.01, 1, 1, 1, 1] },
    aliases: ["铜", "Cu"],
  },
  {
    key: "zn",
    nameZh: "锌",
    nameEn: "Zinc",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.05, 1, 1, 2, 2], lake: [0.05, 1, 1, 2, 2] },
    aliases: ["锌", "Zn"],
  },
  {
    key: "fluoride",
    nameZh: "氟化物（以F⁻计）",
    nameEn: "Fluoride (as F-)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [1, 1, 1, 1.5, 1.5], lake: [1, 1, 1, 1.5, 1.5] },
    aliases: ["氟化物", "氟", "F", "F-", "F⁻"],
  },
  {
    key: "se",
    nameZh: "硒",
    nameEn: "Selenium",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.01, 0.01, 0.01, 0.02, 0.02], lake: [0.01, 0.01, 0.01, 0.02, 0.02] },
    aliases: ["硒", "Se"],
  },
  {
    key: "as",
    nameZh: "砷",
    nameEn: "Arsenic",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.05, 0.05, 0.05, 0.1, 0.1], lake: [0.05, 0.05, 0.05, 0.1, 0.1] },
    aliases: ["砷", "As"],
  },
  {
    key: "hg",
    nameZh: "汞",
    nameEn: "Mercury",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: {
      kind: "classes",
      river: [0.00005, 0.00005, 0.0001, 0.001, 0.001],
      lake: [0.00005, 0.00005, 0.0001, 0.001, 0.001],
    },
    aliases: ["汞", "Hg"],
  },
  {
    key: "cd",
    nameZh: "镉",
    nameEn: "Cadmium",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: {
      kind: "classes",
      river: [0.001, 0.005, 0.005, 0.005, 0.01],
      lake: [0.001, 0.005, 0.005, 0.005, 0.01],
    },
    aliases: ["镉", "Cd"],
  },
  {
    key: "cr6",
    nameZh: "铬（六价）",
    nameEn: "Chromium (hexavalent)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.01, 0.05, 0.05, 0.05, 0.1], lake: [0.01, 0.05, 0.05, 0.05, 0.1] },
    aliases: ["六价铬", "铬(六价)", "Cr6+", "Cr6", "Cr(VI)", "CrVI", "Cr⁶⁺"],
  },
  {
    key: "pb",
    nameZh: "铅",
    nameEn: "Lead",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.01, 0.01, 0.05, 0.05, 0.1], lake: [0.01, 0.01, 0.05, 0.05, 0.1] },
    aliases: ["铅", "Pb"],
  },
  {
    key: "cn",
    nameZh: "氰化物",
    nameEn: "Cyanide",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.005, 0.05, 0.2, 0.2, 0.2], lake: [0.005, 0.05, 0.2, 0.2, 0.2] },
    aliases: ["氰化物", "CN", "CN-", "CN⁻", "总氰化物"],
  },
  {
    key: "volatile_phenol",
    nameZh: "挥发酚",
    nameEn: "Volatile phenols",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: {
      kind: "classes",
      river: [0.002, 0.002, 0.005, 0.01, 0.1],
      lake: [0.002, 0.002, 0.005, 0.01, 0.1],
    },
    aliases: ["挥发酚", "挥发性酚", "挥发酚类", "挥发性酚类"],
  },
  {
    key: "petroleum",
    nameZh: "石油类",
    nameEn: "Petroleum (oils)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.05, 0.05, 0.05, 0.5, 1], lake: [0.05, 0.05, 0.05, 0.5, 1] },
    aliases: ["石油类", "石油", "油类", "Oils"],
  },
  {
    key: "las",
    nameZh: "阴离子表面活性剂",
    nameEn: "Anionic surfactants (LAS)",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.2, 0.2, 0.2, 0.3, 0.3], lake: [0.2, 0.2, 0.2, 0.3, 0.3] },
    aliases: ["阴离子表面活性剂", "LAS"],
  },
  {
    key: "sulfide",
    nameZh: "硫化物",
    nameEn: "Sulfide",
    unit: "mg/L",
    table: 1,
    direction: "le",
    role: "evaluation",
    limits: { kind: "classes", river: [0.05, 0.1, 0.2, 0.5, 1], lake: [0.05, 0.1, 0.2, 0.5, 1] },
    aliases: ["硫化物", "S2-", "S²⁻"],
  },
  {
    key: "fecal_coliform",
    nameZh: "粪大肠菌群",
    nameEn: "Fecal coliforms",
    unit: "个/L",
    table: 1,
    direction: "le",
    role: "reference",
    limits: {
      kind: "classes",
      river: [200, 2000, 10000, 20000, 40000],
      lake: [200, 2000, 10000, 20000, 40000],
    },
    aliases: ["粪大肠菌群", "粪大肠菌群数", "FC"],
  },
];

// GB 3838-2002 Table 2 (supplementary items for concentrated drinking-water sources), checked against shared/reference/gb3838-table2.tsv
export const table2Parameters: readonly ParameterDef[] = [
  {
    key: "sulfate",
    nameZh: "硫酸盐（以SO4²⁻计）",
    nameEn: "Sulfate (as SO4 2-)",
    unit: "mg/L",
    table: 2,
    direction: "le",
    role: "supplementary",
    limits: { kind: "single", limit: 250 },
    aliases: ["硫酸盐", "SO4", "SO42-", "SO4²⁻", "SO4(2-)"],
  },
  {
    key: "chloride",
    nameZh: "氯化物（以Cl⁻计）",
    nameEn: "Chloride (as Cl-)",
    unit: "mg/L",
    table: 2,
    direction: "le",
    role: "supplementary",
    limits: { kind: "single", limit: 250 },
    aliases: ["氯化物", "Cl", "Cl-", "Cl⁻"],
  },
  {
    key: "nitrate",
    nameZh: "硝酸盐（以N计）",
    nameEn: "Nitrate (as N)",
    unit: "mg/L",
    table: 2,
    direction: "le",
    role: "supplementary",
    limits: { kind: "single", limit: 10 },
    aliases: ["硝酸盐", "硝酸盐氮", "NO3-N", "NO3N"],
  },
  {
    key: "iron",
    nameZh: "铁",
    nameEn: "Iron",
    unit: "mg/L",
    table: 2,
    direction: "le",
    role: "supplementary",
    limits: { kind: "single", limit: 0.3 },
    aliases: ["铁", "Fe"],
  },
  {
    key: "manganese",
    nameZh: "锰",
    nameEn: "Manganese",
    unit: "mg/L",
    table: 2,
    direction: "le",
    role: "supplementary",
    limits: { kind: "single", limit: 0.1 },
    aliases: ["锰", "Mn"],
  },
];

// GB 3838-2002 Table 3 (specific items for concentrated drinking-water sources), checked against shared/reference/gb3838-table3.tsv
export const table3Parameters: readonly ParameterDef[] = [
  {
    key: "chloroform",
    nameZh: "三氯甲烷",
    nameEn: "Chloroform (trichloromethane)",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.06 },
    aliases: [],
  },
  {
    key: "carbon_tetrachloride",
    nameZh: "四氯化碳",
    nameEn: "Carbon tetrachloride",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.002 },
    aliases: [],
  },
  {
    key: "bromoform",
    nameZh: "三溴甲烷",
    nameEn: "Bromoform (tribromomethane)",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.1 },
    aliases: [],
  },
  {
    key: "dichloromethane",
    nameZh: "二氯甲烷",
    nameEn: "Dichloromethane",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.02 },
    aliases: [],
  },
  {
    key: "1_2_dichloroethane",
    nameZh: "1,2-二氯乙烷",
    nameEn: "1,2-Dichloroethane",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.03 },
    aliases: [],
  },
  {
    key: "epichlorohydrin",
    nameZh: "环氧氯丙烷",
    nameEn: "Epichlorohydrin",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.02 },
    aliases: [],
  },
  {
    key: "vinyl_chloride",
    nameZh: "氯乙烯",
    nameEn: "Vinyl chloride",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.005 },
    aliases: [],
  },
  {
    key: "1_1_dichloroethylene",
    nameZh: "1,1-二氯乙烯",
    nameEn: "1,1-Dichloroethylene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.03 },
    aliases: [],
  },
  {
    key: "1_2_dichloroethylene",
    nameZh: "1,2-二氯乙烯",
    nameEn: "1,2-Dichloroethylene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.05 },
    aliases: [],
  },
  {
    key: "trichloroethylene",
    nameZh: "三氯乙烯",
    nameEn: "Trichloroethylene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.07 },
    aliases: [],
  },
  {
    key: "tetrachloroethylene",
    nameZh: "四氯乙烯",
    nameEn: "Tetrachloroethylene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.04 },
    aliases: [],
  },
  {
    key: "chloroprene",
    nameZh: "氯丁二烯",
    nameEn: "Chloroprene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.002 },
    aliases: [],
  },
  {
    key: "hexachlorobutadiene",
    nameZh: "六氯丁二烯",
    nameEn: "Hexachlorobutadiene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.0006 },
    aliases: [],
  },
  {
    key: "styrene",
    nameZh: "苯乙烯",
    nameEn: "Styrene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.02 },
    aliases: [],
  },
  {
    key: "formaldehyde",
    nameZh: "甲醛",
    nameEn: "Formaldehyde",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.9 },
    aliases: [],
  },
  {
    key: "acetaldehyde",
    nameZh: "乙醛",
    nameEn: "Acetaldehyde",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.05 },
    aliases: [],
  },
  {
    key: "acrolein",
    nameZh: "丙烯醛",
    nameEn: "Acrolein",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.1 },
    aliases: [],
  },
  {
    key: "chloral",
    nameZh: "三氯乙醛",
    nameEn: "Chloral (trichloroacetaldehyde)",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.01 },
    aliases: [],
  },
  {
    key: "benzene",
    nameZh: "苯",
    nameEn: "Benzene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.01 },
    aliases: [],
  },
  {
    key: "toluene",
    nameZh: "甲苯",
    nameEn: "Toluene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.7 },
    aliases: [],
  },
  {
    key: "ethylbenzene",
    nameZh: "乙苯",
    nameEn: "Ethylbenzene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.3 },
    aliases: [],
  },
  {
    key: "xylenes",
    nameZh: "二甲苯",
    nameEn: "Xylenes",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.5 },
    aliases: [],
  },
  {
    key: "isopropylbenzene",
    nameZh: "异丙苯",
    nameEn: "Isopropylbenzene (cumene)",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.25 },
    aliases: [],
  },
  {
    key: "chlorobenzene",
    nameZh: "氯苯",
    nameEn: "Chlorobenzene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.3 },
    aliases: [],
  },
  {
    key: "1_2_dichlorobenzene",
    nameZh: "1,2-二氯苯",
    nameEn: "1,2-Dichlorobenzene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 1 },
    aliases: [],
  },
  {
    key: "1_4_dichlorobenzene",
    nameZh: "1,4-二氯苯",
    nameEn: "1,4-Dichlorobenzene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.3 },
    aliases: [],
  },
  {
    key: "trichlorobenzenes",
    nameZh: "三氯苯",
    nameEn: "Trichlorobenzenes",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.02 },
    aliases: [],
  },
  {
    key: "tetrachlorobenzenes",
    nameZh: "四氯苯",
    nameEn: "Tetrachlorobenzenes",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.02 },
    aliases: [],
  },
  {
    key: "hexachlorobenzene",
    nameZh: "六氯苯",
    nameEn: "Hexachlorobenzene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.05 },
    aliases: [],
  },
  {
    key: "nitrobenzene",
    nameZh: "硝基苯",
    nameEn: "Nitrobenzene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.017 },
    aliases: [],
  },
  {
    key: "dinitrobenzenes",
    nameZh: "二硝基苯",
    nameEn: "Dinitrobenzenes",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.5 },
    aliases: [],
  },
  {
    key: "2_4_dinitrotoluene",
    nameZh: "2,4-二硝基甲苯",
    nameEn: "2,4-Dinitrotoluene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.0003 },
    aliases: [],
  },
  {
    key: "2_4_6_trinitrotoluene",
    nameZh: "2,4,6-三硝基甲苯",
    nameEn: "2,4,6-Trinitrotoluene (TNT)",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.5 },
    aliases: [],
  },
  {
    key: "nitrochlorobenzenes",
    nameZh: "硝基氯苯",
    nameEn: "Nitrochlorobenzenes",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.05 },
    aliases: [],
  },
  {
    key: "2_4_dinitrochlorobenzene",
    nameZh: "2,4-二硝基氯苯",
    nameEn: "2,4-Dinitrochlorobenzene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.5 },
    aliases: [],
  },
  {
    key: "2_4_dichlorophenol",
    nameZh: "2,4-二氯苯酚",
    nameEn: "2,4-Dichlorophenol",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.093 },
    aliases: [],
  },
  {
    key: "2_4_6_trichlorophenol",
    nameZh: "2,4,6-三氯苯酚",
    nameEn: "2,4,6-Trichlorophenol",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.2 },
    aliases: [],
  },
  {
    key: "pentachlorophenol",
    nameZh: "五氯酚",
    nameEn: "Pentachlorophenol",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.009 },
    aliases: [],
  },
  {
    key: "aniline",
    nameZh: "苯胺",
    nameEn: "Aniline",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.1 },
    aliases: [],
  },
  {
    key: "benzidine",
    nameZh: "联苯胺",
    nameEn: "Benzidine",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.0002 },
    aliases: [],
  },
  {
    key: "acrylamide",
    nameZh: "丙烯酰胺",
    nameEn: "Acrylamide",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.0005 },
    aliases: [],
  },
  {
    key: "acrylonitrile",
    nameZh: "丙烯腈",
    nameEn: "Acrylonitrile",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.1 },
    aliases: [],
  },
  {
    key: "dibutyl_phthalate",
    nameZh: "邻苯二甲酸二丁酯",
    nameEn: "Dibutyl phthalate",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.003 },
    aliases: [],
  },
  {
    key: "dehp",
    nameZh: "邻苯二甲酸二（2-乙基己基）酯",
    nameEn: "Di(2-ethylhexyl) phthalate (DEHP)",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.008 },
    aliases: ["DEHP"],
  },
  {
    key: "hydrazine_hydrate",
    nameZh: "水合肼",
    nameEn: "Hydrazine hydrate",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.01 },
    aliases: [],
  },
  {
    key: "tetraethyl_lead",
    nameZh: "四乙基铅",
    nameEn: "Tetraethyl lead",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.0001 },
    aliases: [],
  },
  {
    key: "pyridine",
    nameZh: "吡啶",
    nameEn: "Pyridine",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.2 },
    aliases: [],
  },
  {
    key: "turpentine",
    nameZh: "松节油",
    nameEn: "Turpentine",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.2 },
    aliases: [],
  },
  {
    key: "picric_acid",
    nameZh: "苦味酸",
    nameEn: "Picric acid",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.5 },
    aliases: [],
  },
  {
    key: "butyl_xanthate",
    nameZh: "丁基黄原酸",
    nameEn: "Butyl xanthic acid (butyl xanthate)",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.005 },
    aliases: [],
  },
  {
    key: "active_chlorine",
    nameZh: "活性氯",
    nameEn: "Active chlorine",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.01 },
    aliases: [],
  },
  {
    key: "ddt",
    nameZh: "滴滴涕",
    nameEn: "DDT",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.001 },
    aliases: ["DDT"],
  },
  {
    key: "lindane",
    nameZh: "林丹",
    nameEn: "Lindane",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.002 },
    aliases: [],
  },
  {
    key: "heptachlor_epoxide",
    nameZh: "环氧七氯",
    nameEn: "Heptachlor epoxide",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.0002 },
    aliases: [],
  },
  {
    key: "parathion",
    nameZh: "对硫磷",
    nameEn: "Parathion",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.003 },
    aliases: [],
  },
  {
    key: "methyl_parathion",
    nameZh: "甲基对硫磷",
    nameEn: "Methyl parathion",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.002 },
    aliases: [],
  },
  {
    key: "malathion",
    nameZh: "马拉硫磷",
    nameEn: "Malathion",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.05 },
    aliases: [],
  },
  {
    key: "dimethoate",
    nameZh: "乐果",
    nameEn: "Dimethoate",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.08 },
    aliases: [],
  },
  {
    key: "dichlorvos",
    nameZh: "敌敌畏",
    nameEn: "Dichlorvos",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.05 },
    aliases: [],
  },
  {
    key: "trichlorfon",
    nameZh: "敌百虫",
    nameEn: "Trichlorfon",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.05 },
    aliases: [],
  },
  {
    key: "demeton",
    nameZh: "内吸磷",
    nameEn: "Demeton",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.03 },
    aliases: [],
  },
  {
    key: "chlorothalonil",
    nameZh: "百菌清",
    nameEn: "Chlorothalonil",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.01 },
    aliases: [],
  },
  {
    key: "carbaryl",
    nameZh: "甲萘威",
    nameEn: "Carbaryl",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.05 },
    aliases: [],
  },
  {
    key: "deltamethrin",
    nameZh: "溴氰菊酯",
    nameEn: "Deltamethrin",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.02 },
    aliases: [],
  },
  {
    key: "atrazine",
    nameZh: "阿特拉津",
    nameEn: "Atrazine",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.003 },
    aliases: [],
  },
  {
    key: "benzo_a_pyrene",
    nameZh: "苯并（a）芘",
    nameEn: "Benzo(a)pyrene",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.0000028 },
    aliases: ["苯并芘", "苯并[a]芘", "BaP"],
  },
  {
    key: "methylmercury",
    nameZh: "甲基汞",
    nameEn: "Methylmercury",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.000001 },
    aliases: [],
  },
  {
    key: "pcbs",
    nameZh: "多氯联苯",
    nameEn: "Polychlorinated biphenyls (PCBs)",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.00002 },
    aliases: ["PCBs"],
  },
  {
    key: "microcystin_lr",
    nameZh: "微囊藻毒素-LR",
    nameEn: "Microcystin-LR",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.001 },
    aliases: ["MC-LR"],
  },
  {
    key: "yellow_phosphorus",
    nameZh: "黄磷",
    nameEn: "Yellow phosphorus",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.003 },
    aliases: [],
  },
  {
    key: "mo",
    nameZh: "钼",
    nameEn: "Molybdenum",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.07 },
    aliases: ["Mo"],
  },
  {
    key: "co",
    nameZh: "钴",
    nameEn: "Cobalt",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 1 },
    aliases: ["Co"],
  },
  {
    key: "be",
    nameZh: "铍",
    nameEn: "Beryllium",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.002 },
    aliases: ["Be"],
  },
  {
    key: "b",
    nameZh: "硼",
    nameEn: "Boron",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.5 },
    aliases: ["B"],
  },
  {
    key: "sb",
    nameZh: "锑",
    nameEn: "Antimony",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.005 },
    aliases: ["Sb"],
  },
  {
    key: "ni",
    nameZh: "镍",
    nameEn: "Nickel",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.02 },
    aliases: ["Ni"],
  },
  {
    key: "ba",
    nameZh: "钡",
    nameEn: "Barium",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.7 },
    aliases: ["Ba"],
  },
  {
    key: "v",
    nameZh: "钒",
    nameEn: "Vanadium",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.05 },
    aliases: ["V"],
  },
  {
    key: "ti",
    nameZh: "钛",
    nameEn: "Titanium",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.1 },
    aliases: ["Ti"],
  },
  {
    key: "tl",
    nameZh: "铊",
    nameEn: "Thallium",
    unit: "mg/L",
    table: 3,
    direction: "le",
    role: "specific",
    limits: { kind: "single", limit: 0.0001 },
    aliases: ["Tl"],
  },
];

/** Every parameter: Table 1, then Table 2, then Table 3, each in the standard’s order. */
export const allParameters: readonly ParameterDef[] = [
  ...table1Parameters,
  ...table2Parameters,
  ...table3Parameters,
];

/**
 * The 21 evaluation parameters that decide a class, in Table 1 order: Table 1 without water
 * temperature, total nitrogen and fecal coliforms (地表水环境质量评价办法（试行）).
 */
export const evaluationParameters: readonly ParameterDef[] = table1Parameters.filter(
  (p) => p.role === "evaluation",
);

const byKey: ReadonlyMap<string, ParameterDef> = new Map(allParameters.map((p) => [p.key, p]));

/**
 * The parameter with this key.
 *
 * @example
 * getParameter("nh3n").nameZh // "氨氮（NH3-N）"
 */
export function getParameter(key: ParameterKey): ParameterDef {
  const def = byKey.get(key);
  if (def === undefined) {
    // Unreachable for a ParameterKey: the catalogue test checks every key has a definition.
    throw new Error(`Unknown parameter key: ${key}`);
  }
  return def;
}

/**
 * True when `key` is a parameter key (for keys read from JSON or a sheet).
 *
 * @example
 * isParameterKey("nh3n") // true
 */
export function isParameterKey(key: string): key is ParameterKey {
  return byKey.has(key);
}
