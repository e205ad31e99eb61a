import type { Locale } from "../core/locale";
import type { Plan } from "../core/plan/planSchema";
import { columnLetters } from "./a1";
import { buildSheetLayout, entryProtection, mergeRows } from "./buildSheetLayout";
import {
  buildMetaLayout,
  isMetaSheet,
  metaSheetName,
  readPointAliases,
  readScope,
  readSettings,
  type WorkbookSettings,
} from "./metaSheet";
import type { SheetSnapshot, SheetWrite, UpdatePlan, WorkbookPort, WorkbookSnapshot } from "./port";
import type { CellValue } from "./layout";
import { matchPlanRows } from "./planCells";
import { keepOutsideCells } from "./keepOutsideCells";
import { planForWorkbook } from "./planForWorkbook";
import { readSheet } from "./readSheet";
import type { SheetKey } from "./sheetSpec";
import { monitoringPointNames } from "./sheets/monitoringSheet";
import { workbookSpec } from "./workbookSpec";

export interface GenerateOptions {
  readonly locale: Locale;
  /**
   * The plan's publication date to store in the workbook ("YYYY-MM-DD"), or null to clear it;
   * absent: keep what the workbook has.
   */
  readonly publishedOn?: string | null;
}

/** A grey plan cell that held a user's text, restored by generation. */
export interface OverwrittenPlanCell {
  readonly sheet: string;
  /** "F8" */
  readonly cell: string;
  /** What the cell held. */
  readonly old: CellValue;
  /** The plan's text written back. */
  readonly plan: CellValue;
}

/** A reason generation stopped before writing anything (worded by formatGenerateProblem). */
export type GenerateProblem =
  | {
      /** A sheet has a plan sheet's name but does not hold the add-in's table for it. */
      readonly code: "sheet_name_taken";
      readonly sheet: string;
    }
  | {
      /**
       * A plan sheet holds cells far outside its table that the host did not read (see readBounds):
       * rewriting the sheet would lose them, so nothing is written.
       */
      readonly code: "cells_outside_tables";
      readonly sheet: string;
      /** The first such cell ("A300000") and how many there are. */
      readonly first: string;
      readonly count: number;
    }
  | {
      /**
       * A user's cell outside a plan table lies where the sheet's new layout writes (the table
       * grew over it): generation stops rather than overwrite it.
       */
      readonly code: "cell_in_the_way";
      readonly sheet: string;
      /** The first such cell ("B13"), what it holds, and how many there are on the sheet. */
      readonly cell: string;
      readonly value: CellValue;
      readonly count: number;
    }
  | {
      /** The add-in's table for a plan sheet stands on a sheet of another name: the user renamed it. */
      readonly code: "plan_sheet_renamed";
      /** The plan sheet's name. */
      readonly sheet: string;
      readonly table: string;
    };

export type GenerateOutcome =
  | {
      readonly ok: true;
      /** Sheets added to the workbook. */
      readonly created: readonly string[];
      /** Sheets the add-in had made before and wrote again. */
      readonly updated: readonly string[];
      /** How many non-empty entry cells were read back and kept. */
      readonly keptEntries: number;
      /**
       * Plan cells a user had typed over, now restored to the plan's text: where, and what they
       * held (so that nothing typed there is lost without notice).
       */
      readonly overwritten: readonly OverwrittenPlanCell[];
    }
  | { readonly ok: false; readonly problems: readonly GenerateProblem[] };

const unnamedColumn: Readonly<Record<Locale, (letters: string) => string>> = {
  "zh-CN": (letters) => `${letters}列`,
  "en-US": (letters) => `Column ${letters}`,
};

/**
 * Writes the plan's appendix tables and the entry sheets into a workbook through any host, with
 * one read and one write. Generating again keeps every entered value (matched by row identity),
 * recreates a plan sheet the user deleted, leaves the user's own sheets alone, and refuses to
 * overwrite a sheet that has a plan sheet's name but was not made by the add-in.
 *
 * @example
 * const outcome = await generateWorkbook(port, plan, { locale: "zh-CN" });
 * if (!outcome.ok) showProblems(outcome.problems);
 */
export async function generateWorkbook(
  port: WorkbookPort,
  plan: Plan,
  options: GenerateOptions,
): Promise<GenerateOutcome> {
  const candidates = new Set([
    metaSheetName,
    ...workbookSpec(plan).flatMap((s) => [s.name["zh-CN"], s.name["en-US"]]),
  ]);
  // Formulas users put in entry columns are read as formulas, so that writing them back keeps them.
  // Read and write go through one update, so that Excel does both in one session.
  // The plan's tables are located in the read, so that cells outside them stay where they are.
  const tables = workbookSpec(plan).flatMap((s) =>
    [s.name["zh-CN"], s.name["en-US"]].map((sheet) => ({ sheet, table: s.tableName })),
  );
  return port.update([...candidates], { formulas: true, tables }, (snapshot) =>
    planGeneration(plan, options, snapshot),
  );
}

function planGeneration(
  wholePlan: Plan,
  options: GenerateOptions,
  snapshot: WorkbookSnapshot,
): UpdatePlan<GenerateOutcome> {
  const { locale } = options;
  const existing = new Map(snapshot.sheetNames.map((name) => [name.toLowerCase(), name]));
  const find = (name: string): string | undefined => existing.get(name.toLowerCase());
  const snapshots = new Map([...snapshot.sheets].map(([name, sheet]) => [name.toLowerCase(), sheet]));
  const snapshotOf = (name: string): SheetSnapshot | undefined => snapshots.get(name.toLowerCase());
  const tables = new Set(snapshot.tableNames.map((name) => name.toLowerCase()));

  const problems: GenerateProblem[] = [];
  const metaName = find(metaSheetName);
  const metaSnapshot = metaName === undefined ? undefined : snapshotOf(metaName);
  // A workbook sent to a unit holds only the unit's rows: generating again keeps it so.
  const plan = planForWorkbook(wholePlan, metaSnapshot);
  const scope = readScope(metaSnapshot);
  const settings: WorkbookSettings =
    options.publishedOn === undefined ? readSettings(metaSnapshot) : { publishedOn: options.publishedOn };
  const specs = workbookSpec(plan, settings);
  if (metaName !== undefined && metaSnapshot !== undefined && !isMetaSheet(metaSnapshot)) {
    problems.push({ code: "sheet_name_taken", sheet: metaName });
  }

  // A sheet is the add-in's for a spec when it holds the spec's Excel Table (WP_Tasks, …), under
  // the name the add-in gave it in either language. Generating replaces that sheet, keeping its
  // name; otherwise a new sheet is made under the name in the current language, unless a sheet
  // the add-in did not make has that name, or the table stands on a sheet the user renamed.
  const targets = specs.map((spec) => {
    const own = [spec.name[locale], spec.name["zh-CN"], spec.name["en-US"]]
      .map(find)
      .find((name) => name !== undefined && holdsTable(snapshotOf(name), spec.tableName));
    if (own !== undefined) {
      const ignored = snapshotOf(own)?.ignored;
      if (ignored)
        problems.push({
          code: "cells_outside_tables",
          sheet: own,
          first: ignored.first,
          count: ignored.count,
        });
      return { spec, name: own, mode: "replace" as const };
    }
    const name = spec.name[locale];
    const clash = find(name);
    if (clash !== undefined) problems.push({ code: "sheet_name_taken", sheet: clash });
    else if (tables.has(spec.tableName.toLowerCase())) {
      problems.push({ code: "plan_sheet_renamed", sheet: name, table: spec.tableName });
    }
    return { spec, name, mode: "create" as const };
  });
  if (problems.length > 0) return { batch: null, result: { ok: false, problems } };

  let keptEntries = 0;
  const overwritten: OverwrittenPlanCell[] = [];
  // The sheets as the stored settings wrote them: a plan cell is the user's only if it differs from that.
  const written = workbookSpec(plan, readSettings(metaSnapshot));
  const writes: SheetWrite[] = targets.map(({ spec, name, mode }) => {
    const current = mode === "replace" ? snapshotOf(name) : undefined;
    const rect = current?.tableRects?.find(
      (t) => t.name.toLowerCase() === spec.tableName.toLowerCase(),
    )?.rect;
    const read = current
      ? readSheet(spec, current, (i) => unnamedColumn[locale](columnLetters(i)), rect)
      : null;
    const asWritten = written.find((s) => s.key === spec.key) ?? spec;
    for (const cell of read ? matchPlanRows(asWritten, read).changed : []) {
      overwritten.push({
        sheet: name,
        cell: `${columnLetters(cell.col)}${cell.row + 1}`,
        old: cell.actual,
        plan: cell.expected,
      });
    }
    const merged = mergeRows(spec, read, locale);
    keptEntries += merged.keptEntries;
    // A user's cells outside the table stay at their addresses, unless the new layout writes there.
    const outside = read?.outside ?? [];
    const kept = keepOutsideCells(buildSheetLayout(spec, name, merged, locale), outside);
    const [first] = kept.inTheWay;
    if (first !== undefined) {
      problems.push({
        code: "cell_in_the_way",
        sheet: name,
        cell: first.a1,
        value: first.value,
        count: kept.inTheWay.length,
      });
    } else keptEntries += outside.length;
    // A unit's workbook keeps its plan columns protected when generated again (see splitWorkbook).
    const protection = scope === null ? null : entryProtection(spec, merged);
    return { layout: protection === null ? kept.layout : { ...kept.layout, protection }, mode };
  });
  if (problems.length > 0) return { batch: null, result: { ok: false, problems } };
  const recorded = targets.map(({ spec, name }) => ({ key: spec.key satisfies SheetKey, name }));
  writes.push({
    layout: buildMetaLayout(
      plan.id,
      recorded,
      monitoringPointNames(plan),
      settings,
      readPointAliases(metaSnapshot),
      scope,
    ),
    mode: metaName === undefined ? "create" : "replace",
  });

  const created = targets.filter((t) => t.mode === "create").map((t) => t.name);
  return {
    batch: { sheets: writes, activate: created[0] ?? null, ...(scope === null ? {} : { reprotect: true }) },
    result: {
      ok: true,
      created,
      updated: targets.filter((t) => t.mode === "replace").map((t) => t.name),
      keptEntries,
      overwritten,
    },
  };
}

function holdsTable(sheet: SheetSnapshot | undefined, table: string): boolean {
  return sheet?.tables.some((name) => name.toLowerCase() === table.toLowerCase()) ?? false;
}
