import { getParameter, type ParameterDef, type ParameterKey } from "./parameters";
import type { WaterClass } from "./waterClass";

/**
 * The kind of water body a monitoring point is on. Lakes and reservoirs (湖、库) use the lake
 * total-phosphorus limits; river-type reservoirs are evaluated as rivers.
 */
export type Waterbody = "river" | "lake";

const classesBestFirst = [1, 2, 3, 4, 5] as const;

/**
 * The limit of a class for a parameter with class limits (Table 1 except pH and water
 * temperature), or undefined for the others and for 劣Ⅴ (which has no limit).
 *
 * @example
 * getClassLimit(getParameter("tp"), 3, "lake") // 0.05
 */
export function getClassLimit(
  def: ParameterDef,
  waterClass: WaterClass,
  waterbody: Waterbody,
): number | undefined {
  if (def.limits.kind !== "classes" || waterClass === 6) return undefined;
  return (waterbody === "lake" ? def.limits.lake : def.limits.river)[waterClass - 1];
}

/**
 * True when `value` meets `limit` in the parameter's direction: C ≤ limit, or C ≥ limit for
 * dissolved oxygen. Bounds are inclusive.
 *
 * @example
 * meetsLimit(getParameter("do"), 5, 5) // true
 */
export function meetsLimit(def: ParameterDef, value: number, limit: number): boolean {
  return def.direction === "ge" ? value >= limit : value <= limit;
}

/**
 * The class of one parameter value (GB 3838-2002 single-factor method): the best class whose limit
 * the value meets, bounds inclusive, so a limit shared by two classes goes to the better one (COD 15
 * → Ⅰ). Dissolved oxygen is a lower bound. pH inside 6–9 is Ⅰ (it never worsens a class), outside
 * it is 劣Ⅴ. Missing every class limit gives 劣Ⅴ (6). Water temperature and the Table 2/3 items have
 * no class: `null`.
 *
 * @example
 * classifyParameter("nh3n", 0.5)        // 2
 * classifyParameter("cod", 15)          // 1 (Ⅰ and Ⅱ share 15)
 * classifyParameter("do", 4)            // 4
 * classifyParameter("tp", 0.05, "lake") // 3
 * classifyParameter("ph", 9.01)         // 6
 */
export function classifyParameter(
  parameter: ParameterKey | ParameterDef,
  value: number,
  waterbody: Waterbody = "river",
): WaterClass | null {
  const def = typeof parameter === "string" ? getParameter(parameter) : parameter;
  const limits = def.limits;
  switch (limits.kind) {
    case "none":
    case "single":
      return null;
    case "range":
      return value >= limits.min && value <= limits.max ? 1 : 6;
    case "classes": {
      const row = waterbody === "lake" ? limits.lake : limits.river;
      const index = row.findIndex((limit) => meetsLimit(def, value, limit));
      return index === -1 ? 6 : (classesBestFirst[index] ?? 6);
    }
  }
}
