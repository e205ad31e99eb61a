import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { parsePlan } from "../../../src/core/plan/parsePlan";
import {
  everyCountyUnit,
  planInScope,
  scopeUnits,
  taskScopeUnits,
  type ScopeBy,
} from "../../../src/core/plan/planScope";
import { planSchema } from "../../../src/core/plan/planSchema";

const counties = (plan.counties ?? []).map((c) => c.name);
const bys: readonly ScopeBy[] = ["lead", "county"];

describe("scopeUnits on the Liuzhou plan", () => {
  it("lists the ten counties and districts, the two 新区 管委会 and the bureau for the county split", () => {
    expect(scopeUnits(plan, "county")).toEqual([
      ...counties,
      "柳东新区管委会",
      "北部生态新区（阳和工业新区）管委会",
      "市生态环境局",
    ]);
    expect(counties).toHaveLength(10);
  });

  it("lists every lead unit once, never the words 本计划中所有牵头单位", () => {
    const leads = scopeUnits(plan, "lead");
    expect(leads).toContain("市生态环境局");
    expect(leads).toContain("柳州海事局");
    expect(leads).not.toContain("本计划中所有牵头单位");
    expect(new Set(leads).size).toBe(leads.length);
  });
});

describe("every task reaches someone", () => {
  it.each(bys)("reaches at least one unit of scopeUnits when split by %s", (by) => {
    const units = new Set(scopeUnits(plan, by));
    for (const task of plan.tasks) {
      const reached = taskScopeUnits(plan, task, by);
      expect({ task: task.number, reached: reached.length > 0 }).toEqual({
        task: task.number,
        reached: true,
      });
      for (const unit of reached) expect(units.has(unit)).toBe(true);
    }
  });

  it("sends a task of 各县、区人民政府 to every county and district", () => {
    const tasks = plan.tasks.filter((t) => t.responsibleUnits.units.includes(everyCountyUnit));
    expect(tasks.length).toBeGreaterThan(40);
    for (const task of tasks)
      expect(taskScopeUnits(plan, task, "county")).toEqual(expect.arrayContaining(counties));
    for (const county of counties) {
      const numbers = new Set(planInScope(plan, { by: "county", unit: county }).tasks.map((t) => t.number));
      for (const task of tasks) expect(numbers.has(task.number)).toBe(true);
    }
  });

  it("sends task 43 to the counties it names and no other", () => {
    const task = plan.tasks[42];
    expect(task && taskScopeUnits(plan, task, "county")).toEqual([
      "鹿寨县",
      "柳江区",
      "鱼峰区",
      "北部生态新区（阳和工业新区）管委会",
    ]);
  });

  it("sends the city's own tasks (no county-level 责任单位) to their lead unit", () => {
    const own = planInScope(plan, { by: "county", unit: "市生态环境局" }).tasks.map((t) => t.number);
    expect(own).toEqual([17, 26, 42, 45, 47, 51]);
  });

  it("sends task 52 (本计划中所有牵头单位) to every lead unit", () => {
    for (const unit of scopeUnits(plan, "lead")) {
      expect(planInScope(plan, { by: "lead", unit }).tasks.some((t) => t.number === 52)).toBe(true);
    }
  });
});

describe("planInScope", () => {
  it("gives a county its regional sections and county sources, never a national section", () => {
    const rongan = planInScope(plan, { by: "county", unit: "融安县" });
    expect(rongan.regionalSections.map((s) => s.name)).toEqual(["浮石"]);
    expect(rongan.countySources.map((s) => s.name)).toEqual(["融安县县城饮用水水源地"]);
    expect(rongan.nationalSections).toEqual([]);
    expect(rongan.municipalSources).toEqual([]);
    expect(rongan.outfallSurvey).toEqual([]);
    expect(rongan.goals.find((g) => g.key === "regional_sections")?.count).toBe(1);
    expect(rongan.goals.some((g) => g.key === "national_sections")).toBe(false);
  });

  it("gives points without a county, and all points in a lead split, to the monitoring lead", () => {
    const bureau = planInScope(plan, { by: "county", unit: "市生态环境局" });
    expect(bureau.nationalSections).toHaveLength(10);
    expect(bureau.municipalSources).toHaveLength(4);
    expect(bureau.regionalSections).toEqual([]);
    expect(bureau.outfallSurvey).toEqual(plan.outfallSurvey);
    const lead = planInScope(plan, { by: "lead", unit: "市生态环境局" });
    expect(lead.regionalSections).toHaveLength(2);
    expect(lead.countySources).toHaveLength(5);
    const housing = planInScope(plan, { by: "lead", unit: "市住房城乡建设局" });
    expect(housing.nationalSections).toEqual([]);
    expect(housing.tasks.map((t) => t.number)).toContain(5);
  });

  it("keeps each task's targets and every point exactly once over a county split", () => {
    const scoped = scopeUnits(plan, "county").map((unit) => planInScope(plan, { by: "county", unit }));
    const points = scoped.flatMap((p) => [
      ...p.nationalSections,
      ...p.regionalSections,
      ...p.municipalSources,
      ...p.countySources,
    ]);
    expect(points.map((p) => p.name).sort()).toEqual(
      [...plan.nationalSections, ...plan.regionalSections, ...plan.municipalSources, ...plan.countySources]
        .map((p) => p.name)
        .sort(),
    );
    for (const [i, p] of scoped.entries()) {
      const unit = scopeUnits(plan, "county")[i] ?? "";
      const numbers = new Set(p.tasks.map((t) => t.number));
      // A target's figure is the city's, reported by the task's lead unit: a county gets none.
      const leads = (task: number): boolean =>
        plan.tasks.some((t) => t.number === task && t.leadUnits.units.includes(unit));
      expect(p.targets.map((t) => t.id)).toEqual(
        plan.targets.filter((t) => numbers.has(t.task) && leads(t.task)).map((t) => t.id),
      );
      if (plan.counties?.some((county) => county.name === unit) === true) expect(p.targets).toEqual([]);
    }
  });

  it("gives every target to the units leading its task in a split by lead", () => {
    for (const unit of scopeUnits(plan, "lead")) {
      const p = planInScope(plan, { by: "lead", unit });
      const numbers = new Set(p.tasks.map((t) => t.number));
      expect(p.targets).toHaveLength(plan.targets.filter((t) => numbers.has(t.task)).length);
    }
  });

  it.each(bys)("gives a plan of the schema's shape for every unit split by %s", (by) => {
    for (const unit of scopeUnits(plan, by)) {
      expect(planSchema.safeParse(planInScope(plan, { by, unit })).success).toBe(true);
    }
  });

  it("gives an empty plan for a unit the plan does not name", () => {
    const none = planInScope(plan, { by: "county", unit: "南宁市" });
    expect(none.tasks).toEqual([]);
    expect(none.nationalSections).toEqual([]);
  });
});

describe("the plan's counties are checked", () => {
  it("refuses a regional section whose county is not in counties", () => {
    const json = structuredClone(plan) as { regionalSections: { responsibleCounty: string }[] };
    const first = json.regionalSections[0];
    if (first) first.responsibleCounty = "柳江县";
    const result = parsePlan(json);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => [p.path, p.code])).toEqual([
        ["regionalSections[0].responsibleCounty", "unknown_county"],
      ]);
      expect(result.problems[0]?.messages["zh-CN"]).toContain("柳江县");
    }
  });
});
