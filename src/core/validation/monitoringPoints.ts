import type { GoalPointTable, Plan } from "../plan/planSchema";
import type { Waterbody } from "../water-quality/classifyParameter";
import { defaultCoreItems } from "../water-quality/coreItems";
import type { ParameterKey } from "../water-quality/parameters";
import type { WaterClass } from "../water-quality/waterClass";

/** The four kinds of monitoring point in a plan (附件2–5). */
export type PointKind = "national_section" | "regional_section" | "municipal_source" | "county_source";

/** A monitoring point of the plan, as validation and the summary need it. */
export interface MonitoringPoint {
  readonly name: string;
  readonly kind: PointKind;
  readonly target: WaterClass;
  readonly waterbody: Waterbody;
  /** The evaluation items that must be measured before the point can be said to meet its target. */
  readonly coreItems: readonly ParameterKey[];
}

/** Every monitoring point of a plan: sections first, then drinking-water sources, in appendix order. */
export function monitoringPoints(plan: Plan): MonitoringPoint[] {
  const of = (
    kind: PointKind,
    table: GoalPointTable,
    rows: readonly { name: string; targetClass: number; waterbody: Waterbody }[],
  ) => {
    // The schema admits only evaluation items' keys.
    const coreItems = (plan.coreItems?.[table] as readonly ParameterKey[] | undefined) ?? defaultCoreItems;
    return rows.map((r) => ({
      name: r.name,
      kind,
      target: r.targetClass as WaterClass,
      waterbody: r.waterbody,
      coreItems,
    }));
  };
  return [
    ...of("national_section", "national_sections", plan.nationalSections),
    ...of("regional_section", "regional_sections", plan.regionalSections),
    ...of("municipal_source", "municipal_sources", plan.municipalSources),
    ...of("county_source", "county_sources", plan.countySources),
  ];
}

export function isDrinkingWaterSource(kind: PointKind): boolean {
  return kind === "municipal_source" || kind === "county_source";
}

/** A point name as compared: NFKC (full-width letters and brackets), no spaces, no trailing 断面. */
function pointKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "").replace(/断面$/u, "");
}

/**
 * Finds the plan's point a typed name means: spaces, full-width forms and a trailing "断面" are
 * tolerated ("露塘断面", " 露塘 " with full-width spaces); anything else is no point (never a guess by similarity).
 *
 * @example
 * const find = createPointResolver(monitoringPoints(plan));
 * find("露塘断面")?.name // "露塘"
 */
export function createPointResolver(
  points: readonly MonitoringPoint[],
): (typed: string) => MonitoringPoint | undefined {
  const byKey = new Map(points.map((p) => [pointKey(p.name), p]));
  return (typed) => byKey.get(pointKey(typed));
}
