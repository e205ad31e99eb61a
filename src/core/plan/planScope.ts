import { appendAll } from "../arrays";
import type { Goal, Plan, PlanTask } from "./planSchema";

/**
 * Whom a workbook was sent to when the city split its plan among units (`water-plan split`): a
 * lead unit (牵头单位, `by: "lead"`) or a county, district or other responsible unit (责任单位,
 * `by: "county"`), by the name `scopeUnits` gives it.
 *
 * @example
 * const scope: PlanScope = { by: "county", unit: "柳江区" };
 */
export type PlanScope = { readonly by: "lead" | "county"; readonly unit: string };

export type ScopeBy = PlanScope["by"];

/** 责任单位 that means every county and district of the city. */
export const everyCountyUnit = "各县、区人民政府";
/** 牵头单位 that means every lead unit of the plan (task 52). */
export const everyLeadUnit = "本计划中所有牵头单位";
const governmentSuffix = "人民政府";

/**
 * The names `water-plan split` makes one workbook for, in the plan's order.
 *
 * - `lead`: every lead unit named in the tasks' 牵头单位 (本计划中所有牵头单位 is all of them), and
 *   the unit that answers for the monitoring (`Plan.monitoringLead`) if it leads no task.
 * - `county`: every county and district of `Plan.counties` (各县、区人民政府 is all of them; a
 *   government is named by its county: 鹿寨县人民政府 → 鹿寨县), every other unit of 责任单位 that is
 *   no city's government (柳东新区管委会), and the lead units of tasks whose 责任单位 name no county-level
 *   unit (none, or only city governments: 相关设区市人民政府, 柳州市人民政府): the city's own tasks go to
 *   the units that lead them. The monitoring lead too, when points or rivers name no county.
 *
 * @example
 * scopeUnits(liuzhou, "county").slice(0, 2) // ["城中区", "鱼峰区"]
 */
export function scopeUnits(plan: Plan, by: ScopeBy): string[] {
  const units: string[] = by === "county" ? (plan.counties ?? []).map((c) => c.name) : [];
  for (const task of plan.tasks) appendAll(units, taskScopeUnits(plan, task, by));
  const lead = monitoringLeadUnit(plan);
  if (lead !== null && (by === "lead" || hasPointsWithoutCounty(plan))) units.push(lead);
  return [...new Set(units)];
}

/**
 * The plan restricted to what one unit answers for: its tasks (and their manual checks), the
 * numeric targets it reports (a target's actual value is one figure for the whole city, reported by
 * the task's lead unit: by county, only a unit that leads the task gets its targets, so ten counties
 * never send ten different city-wide figures for the city to choose from), the monitoring points and rivers it answers for, and the goals judged on those
 * (a goal's count is the points in scope; a goal left with no point or task is dropped). Every
 * row keeps the plan's own number, so the result has the plan schema's shape
 * (`planSchema.parse` accepts it) but not its numbering 1..n.
 *
 * Points and rivers: a regional section goes to its 责任县（市、区）and a county source to its
 * county when splitting by county; points and rivers no county is named for (national sections,
 * municipal sources, the rivers of 附件6), and every point when splitting by lead unit, go to the
 * unit that leads their monitoring (`Plan.monitoringLead`: 市生态环境局 for Liuzhou). No county is
 * ever guessed for a point the plan does not give one.
 *
 * @example
 * planInScope(liuzhou, { by: "county", unit: "融安县" }).regionalSections.map((s) => s.name) // ["浮石"]
 */
export function planInScope(plan: Plan, scope: PlanScope): Plan {
  const tasks = plan.tasks.filter((task) => taskScopeUnits(plan, task, scope.by).includes(scope.unit));
  const numbers = new Set(tasks.map((task) => task.number));
  const lead = monitoringLeadUnit(plan);
  const answersForMonitoring = lead === scope.unit;
  const byCounty = scope.by === "county";
  const nationalSections = answersForMonitoring ? plan.nationalSections : [];
  const municipalSources = answersForMonitoring ? plan.municipalSources : [];
  const regionalSections = plan.regionalSections.filter((s) =>
    byCounty ? s.responsibleCounty === scope.unit : answersForMonitoring,
  );
  const countySources = plan.countySources.filter((s) =>
    byCounty ? s.county === scope.unit : answersForMonitoring,
  );
  const points = {
    national_sections: nationalSections.length,
    regional_sections: regionalSections.length,
    municipal_sources: municipalSources.length,
    county_sources: countySources.length,
  } as const;
  const goals = plan.goals.flatMap((goal): Goal[] => {
    const { judgement } = goal;
    if (judgement.kind === "tasks_done") {
      const kept = judgement.tasks.filter((n) => numbers.has(n));
      return kept.length === 0 ? [] : [{ ...goal, judgement: { ...judgement, tasks: kept } }];
    }
    const count = judgement.points.reduce((sum, table) => sum + points[table], 0);
    if (count === 0) return [];
    return [{ ...goal, count: goal.count === null ? null : count }];
  });
  const manualChecks = plan.manualChecks?.filter((check) => numbers.has(check.task));
  return {
    ...plan,
    goals,
    ...(manualChecks === undefined ? {} : { manualChecks }),
    tasks,
    targets: plan.targets.filter(
      (target) => numbers.has(target.task) && (!byCounty || leadsTask(plan, target.task, scope.unit)),
    ),
    nationalSections,
    regionalSections,
    municipalSources,
    countySources,
    outfallSurvey: answersForMonitoring ? plan.outfallSurvey : [],
  };
}

/** Whether a unit is among a task's lead units (牵头单位). */
function leadsTask(plan: Plan, taskNumber: number, unit: string): boolean {
  return plan.tasks.some((task) => task.number === taskNumber && task.leadUnits.units.includes(unit));
}

/**
 * The units one task reaches in a split (see scopeUnits): its lead units, or its county-level
 * responsible units (the task's lead units where it names none).
 *
 * @example
 * taskScopeUnits(liuzhou, liuzhou.tasks[42], "county") // ["鹿寨县", "柳江区", "鱼峰区", "北部生态新区（阳和工业新区）管委会"]
 */
export function taskScopeUnits(plan: Plan, task: PlanTask, by: ScopeBy): string[] {
  const leads = leadUnits(plan, task);
  if (by === "lead") return leads;
  const counties = new Set((plan.counties ?? []).map((c) => c.name));
  const units: string[] = [];
  let countyLevel = false;
  for (const unit of task.responsibleUnits.units) {
    if (unit === everyCountyUnit) {
      countyLevel = true;
      appendAll(units, [...counties]);
      continue;
    }
    const county = unit.endsWith(governmentSuffix) ? unit.slice(0, -governmentSuffix.length) : null;
    if (county !== null && counties.has(county)) {
      countyLevel = true;
      units.push(county);
    } else if (!unit.endsWith(`市${governmentSuffix}`)) {
      // A city's government (the city itself, a neighbour, 相关设区市人民政府) gets no form from the city.
      countyLevel = true;
      units.push(unit);
    }
  }
  return [...new Set(countyLevel ? units : leads)];
}

/** A task's lead units, 本计划中所有牵头单位 spelt out as every lead unit the plan names. */
function leadUnits(plan: Plan, task: PlanTask): string[] {
  if (!task.leadUnits.units.includes(everyLeadUnit)) return [...new Set(task.leadUnits.units)];
  const every = plan.tasks.flatMap((t) => t.leadUnits.units).filter((u) => u !== everyLeadUnit);
  return [...new Set([...task.leadUnits.units.filter((u) => u !== everyLeadUnit), ...every])];
}

/**
 * The unit that answers for points and rivers without a county: `Plan.monitoringLead`, or for a
 * plan without it the unit that leads the most tasks (the city's coordinating department); null
 * for a plan without tasks.
 */
export function monitoringLeadUnit(plan: Plan): string | null {
  if (plan.monitoringLead !== undefined) return plan.monitoringLead.unit;
  const counts = new Map<string, number>();
  for (const task of plan.tasks)
    for (const unit of new Set(task.leadUnits.units))
      if (unit !== everyLeadUnit) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  let best: string | null = null;
  for (const [unit, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = unit;
  return best;
}

function hasPointsWithoutCounty(plan: Plan): boolean {
  return plan.nationalSections.length + plan.municipalSources.length + plan.outfallSurvey.length > 0;
}
