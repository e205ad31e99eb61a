import type { Locale } from "../../core/locale";
import { planInScope, scopeUnits, type PlanScope, type ScopeBy } from "../../core/plan/planScope";
import type { Plan } from "../../core/plan/planSchema";
import { createPointResolver, monitoringPoints } from "../../core/validation/monitoringPoints";
import { columnLetters } from "../a1";
import { buildSheetLayout, entryProtection, mergeRows, planIdentities } from "../buildSheetLayout";
import {
  buildMetaLayout,
  metaSheetName,
  readPlanId,
  readPointAliases,
  readScope,
  readSettings,
} from "../metaSheet";
import type {
  ReadOptions,
  SheetSnapshot,
  SheetWrite,
  WorkbookPort,
  WorkbookSnapshot,
  WriteBatch,
} from "../port";
import { readSheet, type ReadSheet } from "../readSheet";
import type { AnySheetSpec, SheetKey } from "../sheetSpec";
import { monitoringPointNames } from "../sheets/monitoringSheet";
import { workbookSpec } from "../workbookSpec";
import { buildCoverLayout, type CoverSheetRow } from "./coverSheet";
import { safeFileName } from "./safeFileName";
import { suggestUnits } from "./suggestUnits";

export interface SplitOptions {
  readonly by: ScopeBy;
  /** Only these units (names as scopeUnits gives them); absent or empty: every unit. */
  readonly units?: readonly string[];
  /** The reporting deadline written on the cover and in the scope, "YYYY-MM-DD", or null. */
  readonly deadline: string | null;
  /** The city's workbook file name, recorded in each unit's scope and shown on its cover. */
  readonly source: string;
}

/** One unit's workbook: the batch that writes it into an empty workbook through any host. */
export interface UnitWorkbook {
  readonly scope: PlanScope;
  /** `<plan id>-<unit>.xlsx`, safe as a Windows file name. */
  readonly fileName: string;
  /** The batch to write into a new, empty workbook (every sheet created; the cover first and active). */
  readonly batch: WriteBatch;
  /** Data rows per plan sheet, by sheet key (monitoring: the city's rows of the unit's points). */
  readonly rows: Readonly<Partial<Record<SheetKey, number>>>;
  /** Non-empty entry cells carried over from the city's workbook. */
  readonly entries: number;
}

export type SplitProblem =
  /** No meta sheet or no plan sheet: the workbook was not made by the add-in. */
  | { readonly code: "not_add_in_workbook" }
  /** The workbook was made from another plan (or year). */
  | { readonly code: "other_plan"; readonly workbookPlan: string; readonly plan: string }
  /** The workbook is itself a unit's (it has a scope): only the city's workbook is split. */
  | { readonly code: "already_split"; readonly unit: string }
  /** Splitting by county needs the plan's list of counties, which this plan file lacks. */
  | { readonly code: "no_counties" }
  /** A unit asked for that the plan does not name, with the closest names it does. */
  | { readonly code: "unknown_unit"; readonly unit: string; readonly suggestions: readonly string[] };

export type SplitOutcome =
  | {
      readonly ok: true;
      readonly locale: Locale;
      readonly units: readonly UnitWorkbook[];
      /**
       * The city's rows no unit answers for, by sheet key: rows the city added that match no plan
       * row, monitoring rows whose point the plan does not have ("柳江大桥"). They stay in the
       * city's workbook only; the report says how many.
       */
      readonly notSent: Readonly<Partial<Record<SheetKey, number>>>;
    }
  | { readonly ok: false; readonly problems: readonly SplitProblem[] };

/**
 * Reads the city's workbook and makes one workbook per unit (lead unit or county, see
 * scopeUnits): each holds only the plan rows the unit answers for (planInScope) with every value
 * the city has already entered in those rows' entry cells and the monitoring rows of its points,
 * the plan columns protected with the entry cells unlocked, its scope in the meta sheet, and a
 * cover sheet, all in the workbook's language. One read; nothing is written to the city's workbook.
 * Formulas in entry cells travel as their values (a reference into the city's sheets would break).
 *
 * @example
 * const outcome = await splitWorkbook(cityBook.port, plan, { by: "county", deadline: "2023-07-10", source: "柳州.xlsx" });
 * if (outcome.ok) for (const unit of outcome.units) await XlsxWorkbook.create().port.write(unit.batch);
 */
export async function splitWorkbook(
  port: WorkbookPort,
  plan: Plan,
  options: SplitOptions,
): Promise<SplitOutcome> {
  const specs = workbookSpec(plan);
  const names = [metaSheetName, ...specs.flatMap((s) => [s.name["zh-CN"], s.name["en-US"]])];
  const tables = specs.flatMap((s) =>
    [s.name["zh-CN"], s.name["en-US"]].map((sheet) => ({ sheet, table: s.tableName })),
  );
  const read: ReadOptions = { tables };
  return planSplit(plan, options, await port.read(names, read));
}

/** The split decided from one snapshot of the city's workbook (see splitWorkbook). */
export function planSplit(plan: Plan, options: SplitOptions, snapshot: WorkbookSnapshot): SplitOutcome {
  const sheets = [...snapshot.sheets.values()];
  const meta = sheets.find((s) => s.name.toLowerCase() === metaSheetName.toLowerCase());
  const specs = workbookSpec(plan, readSettings(meta));
  const found = new Map<SheetKey, { spec: AnySheetSpec; sheet: SheetSnapshot }>();
  for (const spec of specs) {
    const sheet = sheets.find((s) => s.tables.some((t) => t.toLowerCase() === spec.tableName.toLowerCase()));
    if (sheet !== undefined) found.set(spec.key, { spec, sheet });
  }
  const planId = readPlanId(meta);
  if (planId === null || found.size === 0) return refuse({ code: "not_add_in_workbook" });
  if (planId !== plan.id) return refuse({ code: "other_plan", workbookPlan: planId, plan: plan.id });
  const scoped = readScope(meta);
  if (scoped !== null) return refuse({ code: "already_split", unit: scoped.scope.unit });
  if (options.by === "county" && (plan.counties ?? []).length === 0) return refuse({ code: "no_counties" });

  const known = scopeUnits(plan, options.by);
  const asked = options.units !== undefined && options.units.length > 0 ? [...new Set(options.units)] : known;
  const unknown = asked.filter((unit) => !known.includes(unit));
  if (unknown.length > 0) {
    return refuse(
      ...unknown.map((unit): SplitProblem => ({
        code: "unknown_unit",
        unit,
        suggestions: suggestUnits(unit, known),
      })),
    );
  }

  // The workbook's language is its plan sheets': a city working in English sends English forms.
  const tasks = found.get("tasks") ?? [...found.values()][0];
  const locale: Locale =
    tasks !== undefined && tasks.sheet.name.toLowerCase() === tasks.spec.name["en-US"].toLowerCase()
      ? "en-US"
      : "zh-CN";
  const reads = new Map<SheetKey, ReadSheet>();
  for (const [key, { spec, sheet }] of found) {
    const rect = sheet.tableRects?.find((t) => t.name.toLowerCase() === spec.tableName.toLowerCase())?.rect;
    const read = readSheet(spec, sheet, columnLetters, rect);
    if (read !== null) reads.set(key, read);
  }
  const notSent: Partial<Record<SheetKey, number>> = {};
  const findAnyPoint = createPointResolver(monitoringPoints(plan));
  for (const [key, read] of reads) {
    const spec = found.get(key)?.spec;
    const left = spec === undefined ? 0 : read.rows.length - rowsInScope(spec, read, findAnyPoint).length;
    if (left > 0) notSent[key] = left;
  }
  const units = asked.map((unit) =>
    unitWorkbook(plan, { by: options.by, unit }, options, locale, reads, meta),
  );
  return { ok: true, locale, units, notSent };
}

function refuse(...problems: SplitProblem[]): SplitOutcome {
  return { ok: false, problems };
}

function unitWorkbook(
  plan: Plan,
  scope: PlanScope,
  options: SplitOptions,
  locale: Locale,
  reads: ReadonlyMap<SheetKey, ReadSheet>,
  meta: SheetSnapshot | undefined,
): UnitWorkbook {
  const unitPlan = planInScope(plan, scope);
  const settings = readSettings(meta);
  const specs = workbookSpec(unitPlan, settings);
  const findPoint = createPointResolver(monitoringPoints(unitPlan));
  const rows: Partial<Record<SheetKey, number>> = {};
  const cover: CoverSheetRow[] = [];
  let entries = 0;
  const writes: SheetWrite[] = specs.map((spec) => {
    const read = reads.get(spec.key) ?? null;
    const kept = read === null ? null : { ...read, rows: rowsInScope(spec, read, findPoint), outside: [] };
    const merged = mergeRows(spec, kept, locale);
    entries += merged.keptEntries;
    const name = spec.name[locale];
    const protection = entryProtection(spec, merged);
    const layout = buildSheetLayout(spec, name, merged, locale);
    rows[spec.key] = merged.rows.length;
    // The cover lists what the unit fills: sheets with rows of its own, and 监测数据 where it holds points.
    const fills = spec.key === "monitoring" ? monitoringPoints(unitPlan).length > 0 : merged.rows.length > 0;
    if (fills)
      cover.push({
        sheet: name,
        rows: merged.rows.length,
        entryColumns: spec.columns.every((c) => c.kind === "entry")
          ? "all"
          : spec.columns.filter((c) => c.kind === "entry").map((c) => c.header[locale].replace(/\s+/g, "")),
      });
    return { layout: protection === null ? layout : { ...layout, protection }, mode: "create" };
  });
  const fileName = safeFileName(`${plan.id}-${scope.unit}`, ".xlsx");
  const scopeSettings = { scope, deadline: options.deadline, source: options.source };
  const coverLayout = buildCoverLayout(
    {
      planTitle: locale === "zh-CN" ? plan.title : plan.titleEn,
      scope,
      deadline: options.deadline,
      source: options.source,
      fileName,
      sheets: cover,
    },
    locale,
  );
  const recorded = specs.map((spec) => ({ key: spec.key, name: spec.name[locale] }));
  const metaLayout = buildMetaLayout(
    plan.id,
    recorded,
    monitoringPointNames(unitPlan),
    settings,
    readPointAliases(meta),
    scopeSettings,
  );
  return {
    scope,
    fileName,
    batch: {
      sheets: [{ layout: coverLayout, mode: "create" }, ...writes, { layout: metaLayout, mode: "create" }],
      activate: coverLayout.name,
    },
    rows,
    entries,
  };
}

/**
 * The rows of the city's sheet that belong in the unit's: rows of the unit's plan rows (matched by
 * identity, as generation matches them), or for monitoring data the rows of the unit's points.
 * Rows the city added that match no plan row stay with the city.
 */
function rowsInScope(
  spec: AnySheetSpec,
  read: ReadSheet,
  findPoint: ReturnType<typeof createPointResolver>,
): ReadSheet["rows"] {
  if (spec.identity.length === 0) {
    return read.rows.filter((row) => {
      const point = row.values.get("point");
      return typeof point === "string" && findPoint(point) !== undefined;
    });
  }
  const identities = new Set<string>();
  for (const planRow of spec.rows as readonly unknown[])
    for (const id of planIdentities(spec, planRow)) identities.add(id);
  return read.rows.filter((row) => row.identity !== null && identities.has(row.identity));
}
