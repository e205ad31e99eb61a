import { allParameters, type ParameterDef, type ParameterUnit } from "./parameters";
import { makeProblem, type WaterQualityProblem } from "./waterQualityIssue";

/**
 * A header resolved to its parameter. Multiply a value read under the header by `factor` to get
 * it in the parameter's display unit (µg/L → mg/L: 0.001; MPN/100mL → 个/L: 10).
 */
export interface ResolvedHeader {
  readonly kind: "parameter";
  readonly parameter: ParameterDef;
  readonly factor: number;
}

export type ResolvedHeaderResult = ResolvedHeader | WaterQualityProblem;

/** A unit staff write in a header: which display unit it measures and the factor to it. */
interface HeaderUnit {
  readonly unit: ParameterUnit;
  readonly factor: number;
}

/**
 * Units recognised in headers, keyed by their normalised form (see `normalizeName`). MPN and 个 are
 * both counts per volume for fecal coliforms (reports treat MPN/L as 个/L).
 */
const headerUnits: ReadonlyMap<string, HeaderUnit> = new Map<string, HeaderUnit>([
  ["mg/l", { unit: "mg/L", factor: 1 }],
  ["毫克/升", { unit: "mg/L", factor: 1 }],
  ["μg/l", { unit: "mg/L", factor: 0.001 }],
  ["ug/l", { unit: "mg/L", factor: 0.001 }],
  ["微克/升", { unit: "mg/L", factor: 0.001 }],
  ["ng/l", { unit: "mg/L", factor: 0.000001 }],
  ["纳克/升", { unit: "mg/L", factor: 0.000001 }],
  ["℃", { unit: "℃", factor: 1 }],
  ["°c", { unit: "℃", factor: 1 }],
  ["摄氏度", { unit: "℃", factor: 1 }],
  ["无量纲", { unit: "无量纲", factor: 1 }],
  ["无单位", { unit: "无量纲", factor: 1 }],
  ["个/l", { unit: "个/L", factor: 1 }],
  // What the English 监测数据 header writes for fecal coliforms.
  ["count/l", { unit: "个/L", factor: 1 }],
  ["mpn/l", { unit: "个/L", factor: 1 }],
  ["个/100ml", { unit: "个/L", factor: 10 }],
  ["mpn/100ml", { unit: "个/L", factor: 10 }],
]);

/**
 * One spelling for comparison: NFKC (full-width brackets, ℃ → °C, µ → μ, superscripts), every dash
 * and minus as "-", square brackets as round ones, no spaces, lower case.
 */
function normalizeName(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2010-\u2015\u2212\uFE63]/gu, "-")
    .replace(/\[/gu, "(")
    .replace(/\]/gu, ")")
    .replace(/\s+/gu, "")
    .replace(/°c/giu, "℃")
    .toLowerCase();
}

function buildAliasIndex(): ReadonlyMap<string, ParameterDef> {
  const index = new Map<string, ParameterDef>();
  for (const def of allParameters) {
    for (const name of [def.key, def.nameZh, def.nameEn, ...def.aliases]) {
      // The catalogue test proves no two parameters share a name; first wins if one ever slips in.
      const normalized = normalizeName(name);
      if (!index.has(normalized)) index.set(normalized, def);
    }
  }
  return index;
}

const aliasIndex = buildAliasIndex();

/**
 * Every normalised name that resolves to a parameter, for the catalogue's uniqueness test.
 *
 * @example
 * listParameterNames(getParameter("do")) // ["do", "溶解氧", "dissolvedoxygen", "溶解氧", "do"]
 */
export function listParameterNames(def: ParameterDef): readonly string[] {
  return [def.key, def.nameZh, def.nameEn, ...def.aliases].map(normalizeName);
}

/**
 * The parameter a normalised name stands for: a catalogue name or alias, or a name followed by its
 * abbreviation in brackets, "溶解氧(do)", "总磷(tp)", "cod(cr)" (read as "codcr"; "cod(mn)" as
 * "codmn"). Brackets holding a unit are left to the unit path, so "氨氮(nh3-n)(mg/l)" is not read here.
 * A trailing footnote mark is dropped: "ph*" is "ph".
 */
function resolveName(marked: string): ParameterDef | undefined {
  // A footnote mark after the name ("pH*", bulletins' "*无量纲") is not part of it.
  const name = marked.replace(/\*+$/u, "");
  const direct = aliasIndex.get(name);
  if (direct !== undefined) return direct;
  const abbreviated = /^(.+)\(([^()]+)\)$/u.exec(name);
  if (abbreviated === null) return undefined;
  const outer = abbreviated[1] ?? "";
  const inner = abbreviated[2] ?? "";
  if (headerUnits.has(inner)) return undefined;
  const joined = aliasIndex.get(`${outer}${inner}`);
  if (joined !== undefined) return joined;
  const def = aliasIndex.get(outer);
  return def !== undefined && aliasIndex.get(inner) === def ? def : undefined;
}

/** Splits "name（unit）", "name [unit]", "name unit" or "name,unit" into the two parts. */
function splitUnit(header: string): { readonly name: string; readonly unit: string } | undefined {
  const text = header.normalize("NFKC").trim();
  const bracketed = /^(.*?)\s*[([]\s*([^()[\]]+?)\s*[)\]]$/u.exec(text);
  if (bracketed !== null) return { name: bracketed[1] ?? "", unit: bracketed[2] ?? "" };
  const separated = /^(.*?)\s*[\s,/]\s*([^\s,]+)$/u.exec(text);
  if (separated !== null) return { name: separated[1] ?? "", unit: separated[2] ?? "" };
  return undefined;
}

/**
 * The display header the product writes for a parameter on its generated sheets:
 * `${nameZh}（${unit}）`, e.g. "溶解氧（mg/L）", "pH值（无量纲）".
 *
 * @example
 * formatParameterHeader(getParameter("nh3n")) // "氨氮（NH3-N）（mg/L）"
 */
export function formatParameterHeader(def: ParameterDef): string {
  return `${def.nameZh}（${def.unit}）`;
}

/**
 * Resolves a column header as staff write it to its parameter and the factor to its display unit.
 * Names: the standard's Chinese name, the English name, the key, and common aliases ("氨氮",
 * "NH3-N", "CODMn", "DO", "六价铬", "Cr6+" …). A unit may follow in brackets or after a space:
 * "氨氮（mg/L）", "汞 (µg/L)" (× 0.001), "粪大肠菌群（MPN/100mL）" (× 10). Without a unit the
 * parameter's display unit is assumed. A name may carry its abbreviation in brackets, before any
 * unit: "溶解氧(DO)", "溶解氧(DO)(mg/L)", "COD(Cr)". A footnote mark after the name is dropped,
 * as weekly bulletins write "pH*" (its footnote says dimensionless). Anything but text (a number,
 * `null`) is a problem, never a throw.
 *
 * @example
 * resolveParameterHeader("氨氮（NH3-N）（mg/L）") // { kind: "parameter", parameter: nh3n, factor: 1 }
 * resolveParameterHeader("Hg (μg/L)")             // { kind: "parameter", parameter: hg, factor: 0.001 }
 * resolveParameterHeader("溶解氧(DO)(mg/L)")       // { kind: "parameter", parameter: do, factor: 1 }
 * resolveParameterHeader("pH*")                  // { kind: "parameter", parameter: ph, factor: 1 }
 * resolveParameterHeader("浊度")                  // { kind: "problem", code: "unknown_parameter", … }
 */
export function resolveParameterHeader(raw: unknown): ResolvedHeaderResult {
  if (raw === null || raw === undefined) return makeProblem("empty_header", { input: "" });
  if (typeof raw !== "string") {
    const input = typeof raw === "number" || typeof raw === "boolean" ? String(raw) : typeof raw;
    return makeProblem("unknown_parameter", { input });
  }
  const header = raw;
  const whole = normalizeName(header);
  if (whole === "") return makeProblem("empty_header", { input: header });
  const direct = resolveName(whole);
  if (direct !== undefined) return { kind: "parameter", parameter: direct, factor: 1 };

  const parts = splitUnit(header);
  if (parts === undefined) return makeProblem("unknown_parameter", { input: header });
  const def = resolveName(normalizeName(parts.name));
  if (def === undefined) return makeProblem("unknown_parameter", { input: header });
  const unit = headerUnits.get(normalizeName(parts.unit));
  if (unit === undefined) {
    return makeProblem("unknown_unit", { input: header, parameter: def.key, unit: parts.unit });
  }
  if (unit.unit !== def.unit) {
    return makeProblem("unit_not_applicable", { input: header, parameter: def.key, unit: parts.unit });
  }
  return { kind: "parameter", parameter: def, factor: unit.factor };
}
