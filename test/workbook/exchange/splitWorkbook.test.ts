import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { planInScope, scopeUnits, type ScopeBy } from "../../../src/core/plan/planScope";
import type { Plan } from "../../../src/core/plan/planSchema";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import { columnLetters } from "../../../src/workbook/a1";
import { runExampleWorkflow, exampleDates } from "../../../src/workbook/exampleWorkbook";
import { planSplit, splitWorkbook, type UnitWorkbook } from "../../../src/workbook/exchange/splitWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { metaSheetName, readScope } from "../../../src/workbook/metaSheet";
import type { WorkbookPort } from "../../../src/workbook/port";
import { readSheet } from "../../../src/workbook/readSheet";
import type { SheetKey } from "../../../src/workbook/sheetSpec";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import { workbookSpec } from "../../../src/workbook/workbookSpec";

/** Every non-empty entry cell of a workbook's plan sheets, as "sheetKey|identity|column" → value. */
async function entryCells(port: WorkbookPort): Promise<Map<string, unknown>> {
  const specs = workbookSpec(plan);
  const snapshot = await port.read(specs.map((s) => s.name["zh-CN"]));
  const cells = new Map<string, unknown>();
  for (const spec of specs) {
    const sheet = [...snapshot.sheets.values()].find((s) => s.tables.includes(spec.tableName));
    const read = sheet && readSheet(spec, sheet, columnLetters);
    const entryKeys = new Set(spec.columns.filter((c) => c.kind === "entry").map((c) => c.key));
    read?.rows.forEach((row, i) => {
      // Monitoring rows have no identity: they are told apart by point, day and what they hold.
      const id =
        row.identity ?? `${String(row.values.get("point"))}|${String(row.values.get("sampledOn"))}|${i}`;
      for (const [key, value] of row.values) {
        if (entryKeys.has(key) && value !== "" && spec.identity.length > 0)
          cells.set(`${spec.key}|${id}|${key}`, value);
      }
    });
    if (spec.identity.length === 0) cells.set(`${spec.key}|rows`, read?.rows.length ?? 0);
  }
  return cells;
}

async function cityBook(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await runExampleWorkflow(book.port, plan, "zh-CN");
  return book;
}

async function split(book: MemoryWorkbook, by: ScopeBy): Promise<readonly UnitWorkbook[]> {
  const outcome = await splitWorkbook(book.port, plan, { by, deadline: "2023-07-10", source: "柳州.xlsx" });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.units;
}

async function written(unit: UnitWorkbook): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await book.port.write(unit.batch);
  return book;
}

describe("splitWorkbook on the Liuzhou example workbook", () => {
  let city: MemoryWorkbook;
  let cityCells: Map<string, unknown>;
  beforeAll(async () => {
    city = await cityBook();
    cityCells = await entryCells(city.port);
  });

  it.each<ScopeBy>(["county", "lead"])(
    "makes one workbook per unit by %s, each with its scope",
    async (by) => {
      const units = await split(city, by);
      expect(units.map((u) => u.scope.unit)).toEqual(scopeUnits(plan, by));
      for (const unit of units) {
        const book = await written(unit);
        const meta = (await book.port.read([metaSheetName])).sheets.get(metaSheetName);
        expect(readScope(meta)).toEqual({
          scope: { by, unit: unit.scope.unit },
          deadline: "2023-07-10",
          source: "柳州.xlsx",
        });
        expect(book.port).toBeDefined();
        expect(unit.batch.activate).toBe("填报说明");
        expect(unit.batch.sheets[0]?.layout.name).toBe("填报说明");
      }
    },
  );

  it.each<ScopeBy>(["county", "lead"])(
    "keeps every entry the city had in a unit's rows, and only its rows, by %s",
    async (by) => {
      const units = await split(city, by);
      const seen = new Set<string>();
      for (const unit of units) {
        const cells = await entryCells((await written(unit)).port);
        const scoped = planInScope(plan, unit.scope);
        const tasks = new Set(scoped.tasks.map((t) => String(t.number)));
        for (const [key, value] of cells) {
          if (key.endsWith("|rows")) continue;
          expect([key, value]).toEqual([key, cityCells.get(key)]);
          seen.add(key);
          if (key.startsWith("tasks|")) expect(tasks.has(key.split("|")[1] ?? "")).toBe(true);
        }
        const tasksRows = unit.rows.tasks;
        expect(tasksRows).toBe(scoped.tasks.length);
      }
      // Every entry of the city's reaches some unit; by county, but for the targets' figures, which
      // the lead units report for the whole city (planInScope).
      const cityEntries = [...cityCells.keys()].filter(
        (k) => !k.endsWith("|rows") && (by === "lead" || !k.startsWith("indicators|")),
      );
      expect(cityEntries.filter((k) => !seen.has(k))).toEqual([]);
    },
  );

  it("gives each monitoring row of the city to the unit of its point, and each row once over a county split", async () => {
    const outcome = await splitWorkbook(city.port, plan, { by: "county", deadline: null, source: "" });
    if (!outcome.ok) throw new Error("refused");
    const { units } = outcome;
    const total = units.reduce((sum, u) => sum + (u.rows.monitoring ?? 0), 0);
    // The example's row of "柳江大桥", a name the plan does not have, stays with the city, counted.
    expect(outcome.notSent).toEqual({ monitoring: 1 });
    expect(cityCells.get("monitoring|rows")).toBe(total + 1);
    expect(units.find((u) => u.scope.unit === "融安县")?.rows.monitoring).toBeGreaterThan(0);
    expect(units.find((u) => u.scope.unit === "城中区")?.rows.monitoring).toBe(0);
  });

  it("lists on the cover only the sheets the unit fills", async () => {
    const units = await split(city, "county");
    const coverText = (unit: string): string =>
      (units.find((u) => u.scope.unit === unit)?.batch.sheets[0]?.layout.values ?? []).flat().join("|");
    // 柳江区 holds no point: tasks only; 融安县 holds a regional section and a county source.
    expect(coverText("柳江区")).toContain("附件1 任务清单");
    expect(coverText("柳江区")).not.toContain("附件2 国控断面");
    expect(coverText("柳江区")).not.toContain("|监测数据|");
    expect(coverText("融安县")).toContain("附件3 区控断面");
    expect(coverText("融安县")).toContain("|监测数据|");
  });

  it("locks the plan columns and unlocks the entry cells", async () => {
    const [unit] = await split(city, "county");
    if (unit === undefined) throw new Error("no unit");
    const book = await written(unit);
    const tasks = book.sheet("附件1 任务清单");
    const header = tasks?.layout?.values[2] ?? [];
    const status = header.indexOf("完成状态");
    const content = header.indexOf("任务内容");
    expect(status).toBeGreaterThan(0);
    expect(tasks?.lockedAt(3, status)).toBe(false);
    expect(tasks?.lockedAt(3, content)).toBe(true);
    expect(tasks?.lockedAt(2, status)).toBe(true);
    // 监测数据 has no plan column: left unprotected so that rows can be added.
    expect(book.sheet("监测数据")?.lockedAt(3, 0)).toBeNull();
  });

  it("validates a county's workbook on its rows only, and generating again adds none of the city's", async () => {
    const units = await split(city, "county");
    for (const unit of units) {
      const book = await written(unit);
      const scoped = planInScope(plan, unit.scope);
      const outcome = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf: exampleDates.asOf });
      if (!outcome.ok) throw new Error("not validated");
      const { report } = outcome;
      expect(report.tasks.map((t) => t.number)).toEqual(scoped.tasks.map((t) => t.number));
      expect(report.points).toHaveLength(
        scoped.nationalSections.length +
          scoped.regionalSections.length +
          scoped.municipalSources.length +
          scoped.countySources.length,
      );
      const noise = report.issues.filter((i) =>
        ["row_not_in_plan", "plan_cell_changed", "sheet_missing"].includes(i.code),
      );
      expect(noise).toEqual([]);
    }
    const first = units[0];
    if (first === undefined) throw new Error("no unit");
    const book = await written(first);
    const again = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(again.ok).toBe(true);
    const rows = (key: SheetKey): number | undefined =>
      book.sheet(workbookSpec(plan).find((s) => s.key === key)?.name["zh-CN"] ?? "")?.layout?.values.length;
    expect(rows("tasks")).toBe(3 + (first.rows.tasks ?? 0));
    const meta = (await book.port.read([metaSheetName])).sheets.get(metaSheetName);
    expect(readScope(meta)?.scope).toEqual(first.scope);
    // Generated again, the plan columns stay protected.
    expect(book.sheet("附件1 任务清单")?.lockedAt(3, 0)).toBe(true);
    expect(book.sheet("附件1 任务清单")?.layout?.protection?.unlocked.length).toBeGreaterThan(0);
  });

  it("writes an English workbook's forms in English", async () => {
    const book = new MemoryWorkbook();
    await runExampleWorkflow(book.port, plan, "en-US");
    const outcome = await splitWorkbook(book.port, plan, {
      by: "lead",
      units: ["市水利局"],
      deadline: null,
      source: "",
    });
    expect(outcome.ok && outcome.locale).toBe("en-US");
    if (!outcome.ok) return;
    expect(outcome.units[0]?.batch.sheets.map((s) => s.layout.name)[0]).toBe("Instructions");
    expect(outcome.units[0]?.fileName).toBe("liuzhou-2023-市水利局.xlsx");
  });
});

describe("splitWorkbook refuses", () => {
  it("a workbook the add-in did not make", async () => {
    const book = new MemoryWorkbook();
    await book.port.write({ sheets: [], activate: null });
    const outcome = await splitWorkbook(book.port, plan, { by: "county", deadline: null, source: "" });
    expect(outcome).toEqual({ ok: false, problems: [{ code: "not_add_in_workbook" }] });
  });

  it("a unit the plan does not name, with the closest names", async () => {
    const city = new MemoryWorkbook();
    await generateWorkbook(city.port, plan, { locale: "zh-CN" });
    const outcome = await splitWorkbook(city.port, plan, {
      by: "county",
      units: ["柳江"],
      deadline: null,
      source: "",
    });
    expect(outcome).toEqual({
      ok: false,
      problems: [{ code: "unknown_unit", unit: "柳江", suggestions: ["柳江区"] }],
    });
  });

  it("a unit's own workbook, and a split by county of a plan without counties", async () => {
    const city = new MemoryWorkbook();
    await generateWorkbook(city.port, plan, { locale: "zh-CN" });
    const outcome = await splitWorkbook(city.port, plan, {
      by: "county",
      units: ["柳江区"],
      deadline: null,
      source: "",
    });
    if (!outcome.ok) throw new Error("refused");
    const unitBook = await written(outcome.units[0] as UnitWorkbook);
    expect(await splitWorkbook(unitBook.port, plan, { by: "lead", deadline: null, source: "" })).toEqual({
      ok: false,
      problems: [{ code: "already_split", unit: "柳江区" }],
    });
    const older: Plan = structuredClone(plan);
    delete older.counties;
    const snapshot = await city.port.read([metaSheetName, ...workbookSpec(plan).map((s) => s.name["zh-CN"])]);
    expect(planSplit(older, { by: "county", deadline: null, source: "" }, snapshot)).toEqual({
      ok: false,
      problems: [{ code: "no_counties" }],
    });
    expect(
      planSplit({ ...plan, id: "liuzhou-2024" }, { by: "lead", deadline: null, source: "" }, snapshot),
    ).toEqual({
      ok: false,
      problems: [{ code: "other_plan", workbookPlan: "liuzhou-2023", plan: "liuzhou-2024" }],
    });
  });
});
