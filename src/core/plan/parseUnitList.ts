import type { UnitList } from "./planSchema";

/**
 * Unit names that stand on their own and never take a shared "市" prefix: a named organ of the city
 * ("柳州海事局" is not "市柳州海事局") or a reference to the plan's own lists ("本计划中所有牵头单位").
 */
const selfStandingPrefixes = ["柳州", "本计划"] as const;

/** The organ words that a list of governments shares ("鹿寨县、柳江区、鱼峰区人民政府"). */
const sharedOrganSuffixes = ["人民政府", "管委会"] as const;

/** Administrative levels that a list of bare place names shares ("南宁、柳州和桂林市人民政府"). */
const administrativeLevels = ["市", "县", "区"] as const;

/**
 * Parses a 牵头单位 / 配合单位 / 责任单位 cell into full unit names.
 *
 * The rules, applied in this order (each one a habit of the source document, not a guess):
 *
 * 1. A trailing "等" ends the list: `andOthers` is true and the 等 is dropped.
 * 2. "，" (full-width comma) separates groups that do not share anything
 *    ("柳州海事局，市生态环境局、交通运输局" is two groups).
 * 3. A group that starts with "各" names one collective subject and stays whole: in "各县、区人民政府"
 *    the "、" joins the kinds of one subject, it does not list units.
 * 4. Other groups split on "、" (never inside brackets: "北部生态新区（阳和工业新区）管委会").
 *    In a group of governments (its last item ends with 人民政府 or 管委会) "和" separates too
 *    ("柳州和桂林市人民政府"); elsewhere "和" belongs to names ("工业和信息化局").
 * 5. Shared prefix: when a group's first item starts with "市", every later item gets "市" in front,
 *    unless it stands on its own (starts with 柳州 or 本计划). "市场监管局" becomes "市市场监管局":
 *    the bureau is 市场监管局 and the city's 市 is still shared — that is how the city writes it.
 * 6. Shared suffix: in a group of governments, every item without the organ word gets it
 *    ("柳东新区" → "柳东新区管委会"); a bare place name also gets the last item's administrative
 *    level ("南宁" → "南宁市人民政府"), a name that has one keeps it ("鹿寨县" → "鹿寨县人民政府").
 *
 * An empty cell gives `{ text: "", units: [], andOthers: false }`. Duplicates are kept (task 45
 * names 水利局 twice) — the list is what the source says.
 *
 * @example
 * parseUnitList("市住房城乡建设局、工业和信息化局等")
 * // { text: "市住房城乡建设局、工业和信息化局等", units: ["市住房城乡建设局", "市工业和信息化局"], andOthers: true }
 */
export function parseUnitList(text: string): UnitList {
  const trimmed = text.trim();
  const andOthers = trimmed.endsWith("等");
  const body = andOthers ? trimmed.slice(0, -1) : trimmed;
  const units = splitOutsideBrackets(body, ["，"])
    .filter((group) => group !== "")
    .flatMap(parseGroup);
  return { text, units, andOthers };
}

function parseGroup(group: string): string[] {
  if (group.startsWith("各")) return [group];
  const organ = sharedOrganSuffixes.find((suffix) => group.endsWith(suffix));
  const items = splitOutsideBrackets(group, organ === undefined ? ["、"] : ["、", "和"]).filter(
    (item) => item !== "",
  );
  const first = items[0];
  const last = items[items.length - 1];
  if (first === undefined || last === undefined) return [];

  const sharesCityPrefix = first.startsWith("市");
  const level = organ === undefined ? undefined : levelBefore(last, organ);
  return items.map((item, index) => {
    let name = item;
    if (index > 0 && sharesCityPrefix && !selfStandingPrefixes.some((prefix) => name.startsWith(prefix))) {
      name = `市${name}`;
    }
    if (organ !== undefined && !name.endsWith(organ)) {
      const hasLevel = name.endsWith("）") || administrativeLevels.some((l) => name.endsWith(l));
      name = `${name}${hasLevel ? "" : (level ?? "")}${organ}`;
    }
    return name;
  });
}

/** The administrative level written just before the organ word ("桂林市人民政府" → "市"), if any. */
function levelBefore(item: string, organ: string): string | undefined {
  const before = item.slice(0, item.length - organ.length);
  return administrativeLevels.find((l) => before.endsWith(l));
}

/** Splits on any of the separators, except inside full-width or ASCII brackets. */
function splitOutsideBrackets(text: string, separators: readonly string[]): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "（" || char === "(") depth += 1;
    if (char === "）" || char === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(char)) {
      parts.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current.trim());
  return parts;
}
