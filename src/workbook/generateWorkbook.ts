import type { Locale } from "../core/locale";
import type { Plan } from "../core/plan/planSchema";
import { buildSheetLayout, mergeRows } from "./buildSheetLayout";
import { buildMetaLayout, metaSheetName, readMetaSheet } from "./metaSheet";
import type { SheetWrite, WorkbookPort } from "./port";
import { readSheet } from "./readSheet";
import type { SheetKey } from "./sheetSpec";
import { monitoringPointNames } from "./sheets/monitoringSheet";
import { workbookSpec } from "./workbookSpec";

export interface GenerateOptions {
  readonly locale: Locale;
}

/** A reason generation stopped before writing anything. */
export type GenerateProblem = {
  readonly code: "sheet_name_taken";
  /** A sheet that has a plan sheet's name but was not made by the add-in. */
  readonly sheet: string;
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
    }
  | { readonly ok: false; readonly problems: readonly GenerateProblem[] };

const unnamedColumn: Readonly<Record<Locale, (letters: string) => string>> = {
  "zh-CN": (letters) => `${letters}列`,
  "en-US": (letters) => `Column ${letters}`,
};

/** Zero-based column index → Excel column letters (0 → "A", 26 → "AA"). */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

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
  const { locale } = options;
  const specs = workbookSpec(plan);
  const candidates = new Set([metaSheetName, ...specs.flatMap((s) => [s.name["zh-CN"], s.name["en-US"]])]);
  const snapshot = await port.read([...candidates]);

  const existing = new Map(snapshot.sheetNames.map((name) => [name.toLowerCase(), name]));
  const find = (name: string): string | undefined => existing.get(name.toLowerCase());
  const meta = readMetaSheet(snapshot.sheets.get(find(metaSheetName) ?? metaSheetName));
  const problems: GenerateProblem[] = [];
  if (meta === null) problems.push({ code: "sheet_name_taken", sheet: metaSheetName });
  const ours = new Set([...(meta?.values() ?? [])].map((name) => name.toLowerCase()));

  // Each spec goes to the sheet the add-in made for it before (keeping that sheet's name, in
  // whichever language it was made), or to a new sheet under its name in the current language.
  const targets = specs.map((spec) => {
    const previous = meta?.get(spec.key);
    const previousName = previous === undefined ? undefined : find(previous);
    if (previousName !== undefined) return { spec, name: previousName, mode: "replace" as const };
    const name = spec.name[locale];
    const clash = find(name);
    if (clash !== undefined && !ours.has(clash.toLowerCase()))
      problems.push({ code: "sheet_name_taken", sheet: clash });
    return { spec, name, mode: "create" as const };
  });
  if (problems.length > 0) return { ok: false, problems };

  let keptEntries = 0;
  const writes: SheetWrite[] = targets.map(({ spec, name, mode }) => {
    const current = mode === "replace" ? snapshot.sheets.get(name) : undefined;
    const read = current ? readSheet(spec, current, (i) => unnamedColumn[locale](columnLetters(i))) : null;
    const merged = mergeRows(spec, read);
    keptEntries += merged.keptEntries;
    return { layout: buildSheetLayout(spec, name, merged, locale), mode };
  });
  const recorded = targets.map(({ spec, name }) => ({ key: spec.key satisfies SheetKey, name }));
  writes.push({
    layout: buildMetaLayout(plan.id, recorded, monitoringPointNames(plan)),
    mode: find(metaSheetName) === undefined ? "create" : "replace",
  });

  const created = targets.filter((t) => t.mode === "create").map((t) => t.name);
  await port.write({ sheets: writes, activate: created[0] ?? null });
  return {
    ok: true,
    created,
    updated: targets.filter((t) => t.mode === "replace").map((t) => t.name),
    keptEntries,
  };
}
