import type { Plan } from "../plan/planSchema";

/**
 * What a point name in an export means: one of the plan's points (and how the name was read), or
 * no point, with the plan's point it most resembles as a suggestion for the user to confirm.
 */
export type PointMatch =
  | {
      readonly kind: "matched";
      /** The plan's name of the point, as 监测数据 writes it. */
      readonly point: string;
      /** `confirmed`: through a mapping the user confirmed; `name`: from the name itself. */
      readonly via: "confirmed" | "name";
    }
  | { readonly kind: "unmatched"; readonly suggestion: string | null };

/**
 * Endings exports add to a point's name, longest first: "露塘断面", "对亭站", "柳东水厂水源地". A
 * name is compared with and without them, so the plan's "对亭站" and an export's "对亭" meet.
 */
const suffixes: readonly string[] = [
  "饮用水水源地",
  "饮用水源地",
  "水源保护区",
  "水源地",
  "监测断面",
  "监测站",
  "自动站",
  "水质站",
  "水源",
  "断面",
  "水厂",
  "站",
];

/**
 * One spelling for comparison: NFKC (full-width letters, digits and brackets), no spaces, lower
 * case, round brackets only.
 */
function baseKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/gu, "")
    .replace(/[[【〔]/gu, "(")
    .replace(/[\]】〕]/gu, ")")
    .toLowerCase();
}

/** A name and what it reads as without brackets: "柳西水厂(原河西水厂)" → 柳西水厂, and 河西水厂 (its former name). */
function bracketVariants(key: string): string[] {
  const outside = key.replace(/\([^()]*\)/gu, "");
  const formerNames = [...key.matchAll(/\(原([^()]+)\)/gu)].map((m) => m[1] ?? "");
  return [key, outside, ...formerNames].filter((k) => k !== "");
}

/** The name without its endings, stripped one after another ("柳东水厂水源地" → 柳东水厂 → 柳东). */
function suffixVariants(key: string): string[] {
  const found = [key];
  let current = key;
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const suffix of suffixes) {
      // A name is never stripped to nothing or to one character: "站" alone stays a name.
      if (current.endsWith(suffix) && current.length - suffix.length >= 2) {
        current = current.slice(0, -suffix.length);
        found.push(current);
        stripped = true;
        break;
      }
    }
  }
  return found;
}

/**
 * The city and county names the plan itself writes (柳州市, 来宾市, 柳城县, 融水苗族自治县 …), each with
 * its short form (柳州, 融水), longest first: exports put them before a point's name ("柳州露塘").
 *
 * @example
 * pointNamePrefixes(liuzhou2023Plan) // ["融水苗族自治县", "三江侗族自治县", …, "柳州", "来宾", "融水", "三江"]
 */
export function pointNamePrefixes(plan: Plan): string[] {
  const places = new Set<string>([
    plan.city,
    ...plan.nationalSections.flatMap((s) => [s.city, s.assessedCity]),
    ...plan.regionalSections.flatMap((s) => [s.city, s.assessedCity, s.responsibleCounty]),
    ...plan.municipalSources.map((s) => s.city),
    ...plan.countySources.flatMap((s) => [s.city, s.county]),
  ]);
  const prefixes = new Set<string>();
  for (const place of places) {
    const key = baseKey(place);
    if (key.length < 2) continue;
    prefixes.add(key);
    // 融水苗族自治县 → 融水; 柳州市 → 柳州; a short form of one character is no name (阳 of 阳朔县 would be).
    const autonomous = /^(.{2,}?)(?:[^族]{1,3}族)+自治[县州旗]$/u.exec(key);
    const short = autonomous?.[1] ?? key.replace(/[市县区旗盟州]$/u, "");
    if (short.length >= 2 && short !== key) prefixes.add(short);
    // 融水苗族自治县 is written 融水县 as often as 融水.
    if (/自治县$/u.test(key) && short.length >= 2) prefixes.add(`${short}县`);
  }
  return [...prefixes].sort((a, b) => b.length - a.length);
}

/** Every way a name is compared: brackets, endings and a place name in front taken off. */
function keysOf(name: string, prefixes: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const bracketed of bracketVariants(baseKey(name))) {
    for (const stem of suffixVariants(bracketed)) {
      keys.add(stem);
      for (const prefix of prefixes) {
        if (stem.startsWith(prefix) && stem.length - prefix.length >= 2) {
          for (const rest of suffixVariants(stem.slice(prefix.length))) keys.add(rest);
        }
      }
    }
  }
  return keys;
}

/** Character pairs of a text, for the suggestion's likeness. */
function bigrams(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => `${chars[i] ?? ""}${c}`);
}

/** Dice's coefficient of two lists: twice the shared items over both lengths. */
function dice(left: readonly string[], right: readonly string[]): number {
  if (left.length + right.length === 0) return 0;
  const rest = [...right];
  let shared = 0;
  for (const item of left) {
    const at = rest.indexOf(item);
    if (at >= 0) {
      shared += 1;
      rest.splice(at, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * How alike two names are, 0–1: one holding the other scores by how much of it it holds; else
 * shared character pairs, or shared characters (a typo in a two-character name: 露糖, 露塘).
 */
function likeness(a: string, b: string): number {
  if (a === "" || b === "") return 0;
  if (a === b) return 1;
  if (a.includes(b) || b.includes(a)) {
    return 0.5 + (0.5 * Math.min(a.length, b.length)) / Math.max(a.length, b.length);
  }
  return Math.max(dice(bigrams(a), bigrams(b)), dice(Array.from(a), Array.from(b)));
}

/** Below this likeness no point is suggested: a suggestion must be worth the user's look. */
const suggestionThreshold = 0.34;

/**
 * Finds the plan's point an export's name means. Exact names, and names read with spaces and
 * full-width forms folded, with or without the endings exports add (断面, 站, 水厂, 水源地, …), with
 * or without a city or county the plan names in front ("柳州露塘"), and a plan name's former name in
 * brackets ("柳西水厂(原河西水厂)" answers to 河西水厂). A name two points could share is no match. A
 * mapping the user confirmed (`confirmed`, export name → plan point) comes first. Anything else is
 * `unmatched`, with the likeliest point as a suggestion — never imported under a guess.
 *
 * | export's name | plan's point |
 * | --- | --- |
 * | 露塘 / 露塘断面 / ＂露塘 ＂ / 柳州露塘 | 露塘 |
 * | 对亭 | 对亭站 |
 * | 河西水厂 / 柳西水厂 | 柳西水厂(原河西水厂) |
 * | 柳城县县城水源地 | 柳城县县城饮用水水源地 |
 * | 县城饮用水水源地 | unmatched (several county sources share it) |
 * | 柳江大桥 | unmatched |
 *
 * @example
 * const match = createPointMatcher(["露塘", "对亭站"], ["柳州市", "柳州"], new Map());
 * match("柳州露塘断面") // { kind: "matched", point: "露塘", via: "name" }
 */
export function createPointMatcher(
  points: readonly string[],
  prefixes: readonly string[],
  confirmed: ReadonlyMap<string, string>,
): (name: string) => PointMatch {
  const byKey = new Map<string, Set<string>>();
  const stems = new Map<string, string[]>();
  for (const point of points) {
    const keys = keysOf(point, prefixes);
    stems.set(point, [...keys]);
    for (const key of keys) {
      const owners = byKey.get(key) ?? new Set<string>();
      owners.add(point);
      byKey.set(key, owners);
    }
  }
  const confirmedByKey = new Map(
    [...confirmed]
      .filter(([, point]) => points.includes(point))
      .map(([name, point]) => [baseKey(name), point]),
  );
  const exact = new Map(points.map((p) => [baseKey(p), p]));
  const cache = new Map<string, PointMatch>();

  // A stem two points share ("县城") says nothing about which one is meant.
  const shared = (key: string): boolean => (byKey.get(key)?.size ?? 0) > 1;
  const suggest = (keys: ReadonlySet<string>, among: readonly string[] = points): string | null => {
    let best: string | null = null;
    let bestScore = suggestionThreshold;
    const distinct = [...keys].filter((key) => !shared(key));
    const own = distinct.length > 0 ? distinct : [...keys];
    for (const point of among) {
      for (const stem of (stems.get(point) ?? []).filter((key) => !shared(key))) {
        for (const key of own) {
          const score = likeness(key, stem);
          if (score > bestScore) {
            bestScore = score;
            best = point;
          }
        }
      }
    }
    return best;
  };

  const match = (name: string): PointMatch => {
    const key = baseKey(name);
    const chosen = confirmedByKey.get(key);
    if (chosen !== undefined) return { kind: "matched", point: chosen, via: "confirmed" };
    const same = exact.get(key);
    if (same !== undefined) return { kind: "matched", point: same, via: "name" };
    const keys = keysOf(name, prefixes);
    const found = new Set<string>();
    for (const candidate of keys) {
      const owners = byKey.get(candidate);
      if (owners?.size === 1) for (const owner of owners) found.add(owner);
    }
    if (found.size === 1) {
      const [point = ""] = found;
      return { kind: "matched", point, via: "name" };
    }
    // Two points answer to the name, or it only reads as a name several share ("县城"): the user
    // chooses, offered the likeliest of them.
    if (found.size > 1)
      return { kind: "unmatched", suggestion: suggest(keys, [...found]) ?? [...found][0] ?? null };
    return { kind: "unmatched", suggestion: suggest(keys) };
  };

  return (name) => {
    const known = cache.get(name);
    if (known !== undefined) return known;
    const result = match(name);
    cache.set(name, result);
    return result;
  };
}

/**
 * The key under which a confirmed mapping is stored and compared: the export's name with spaces
 * and full-width forms folded, so that "柳江 大桥" and "柳江大桥" are one mapping.
 *
 * @example
 * pointAliasKey(" 柳江大桥 ") // "柳江大桥"
 */
export function pointAliasKey(name: string): string {
  return baseKey(name);
}
