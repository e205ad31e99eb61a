/**
 * Sheet protection in Excel (ExcelApi 1.2): a workbook split for a unit has its plan columns
 * locked and its entry cells unlocked (SheetLayout.protection). A write draws that protection,
 * and when it may lift the add-in's own protection (WriteBatch.reprotect) it unprotects the
 * protected sheets it changes before its first change and protects them again after its last —
 * inside the batch's own requests, never an extra sync. An Office.js batch is no transaction:
 * where a sync fails in between, restoreProtection puts the protection back after the failure.
 */
import { utf8Bytes } from "./officeRequestPlanner";
import { rectRange } from "./rectGeometry";
import { errorMessage } from "./toHostError";
import { cosmeticStep, dataStep, type Step, type WriteKnowledge } from "./writeStep";
import type { CellRect, SheetLayout } from "../../workbook/layout";
import type { WriteBatch } from "../../workbook/port";

/**
 * The options the add-in protects a sheet with, as the xlsx host's renderProtection does: users
 * may select any cell, filter and widen columns; no password (anyone may lift it with Review →
 * Unprotect Sheet — it keeps a unit from changing the plan's columns by mistake, it is no security).
 */
export const addInProtectionOptions: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  selectionMode: "Normal",
};

/** The sheets the batch changes in place (replaced or patched), lower-case. */
function changedInPlace(batch: WriteBatch): Set<string> {
  return new Set(
    [
      ...batch.sheets.filter((s) => s.mode === "replace").map((s) => s.layout.name),
      ...(batch.patches ?? []).map((p) => p.sheet),
    ].map((n) => n.toLowerCase()),
  );
}

/** The name a batch gives a sheet, by its lower-case key. */
function namesOf(batch: WriteBatch): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of batch.sheets) names.set(s.layout.name.toLowerCase(), s.layout.name);
  for (const p of batch.patches ?? [])
    if (!names.has(p.sheet.toLowerCase())) names.set(p.sheet.toLowerCase(), p.sheet);
  return names;
}

/**
 * The first steps of a batch that may lift the add-in's protection: unprotect each protected
 * sheet it changes in place. Data steps: were one refused, nothing after it could be written.
 */
export function unprotectSteps(batch: WriteBatch, known: WriteKnowledge): Step[] {
  if (batch.reprotect !== true) return [];
  const names = namesOf(batch);
  return [...changedInPlace(batch)]
    .filter((key) => known.protectedSheets.has(key))
    .map((key) => {
      const name = names.get(key) ?? key;
      return dataStep(1, utf8Bytes(name), (scope) => {
        scope.sheet(name).protection.unprotect();
      });
    });
}

/**
 * The last steps of a batch: each sheet whose layout has a protection gets every cell locked but
 * its entry cells, then is protected; each protected sheet the batch patched (after unprotectSteps)
 * is protected again — its cells keep their locked flags, which a patch does not change. They come
 * after every format, dropdown, chart and comment, which a protected sheet refuses. Finishing
 * steps: a refusal is reported, and restoreProtection then protects the sheet after it.
 */
export function protectSteps(batch: WriteBatch, known: WriteKnowledge): Step[] {
  const steps: Step[] = [];
  const drawn = new Set<string>();
  for (const { layout } of batch.sheets) {
    const protection = layout.protection;
    if (protection === undefined) continue;
    const name = layout.name;
    drawn.add(name.toLowerCase());
    steps.push(
      cosmeticStep(
        protection.unlocked.length + 3,
        utf8Bytes(name) + protection.unlocked.length * 40,
        (scope) => {
          const sheet = scope.sheet(name);
          drawLocks(sheet, layout);
          sheet.protection.protect(addInProtectionOptions);
        },
      ),
    );
  }
  if (batch.reprotect === true) {
    const names = namesOf(batch);
    const replaced = new Set(batch.sheets.map((s) => s.layout.name.toLowerCase()));
    for (const key of changedInPlace(batch)) {
      if (drawn.has(key) || replaced.has(key) || !known.protectedSheets.has(key)) continue;
      const name = names.get(key) ?? key;
      const options = known.protectedSheets.get(key) ?? addInProtectionOptions;
      steps.push(
        cosmeticStep(1, utf8Bytes(name), (scope) => {
          scope.sheet(name).protection.protect(options);
        }),
      );
    }
  }
  return steps;
}

/**
 * Locks a layout's area and unlocks its entry cells. A replaced sheet may keep cells an earlier
 * layout unlocked: the layout's area is locked first (not the whole sheet, whose format Excel
 * would count into the used range).
 */
function drawLocks(sheet: Excel.Worksheet, layout: SheetLayout): void {
  const unlocked = layout.protection?.unlocked ?? [];
  const area = layoutArea(layout.values, unlocked);
  if (area !== null) rectRange(sheet, area).format.protection.locked = true;
  for (const rect of unlocked) rectRange(sheet, rect).format.protection.locked = false;
}

/** What restoreProtection did: null where every sheet is protected again, else why not and which. */
export type ProtectionRestored = null | { readonly sheets: readonly string[]; readonly reason: string };

/**
 * After a write that lifted the add-in's protection failed (see WriteBatch.reprotect), puts the
 * protection of each sheet it lifted back as it was, with the options it had. A failed sync may
 * have come before or after a sheet's unprotect or protect (Excel applies a failed request up to
 * the failing action), so one sync learns which of them are unprotected now and a second protects
 * those. Which cells are locked is a cell format the unprotect leaves alone, but a replaced sheet's
 * clearing of its old formats does not: a sheet whose layout draws protection gets the layout's
 * locks again first, so that the unit can still type into its entry cells. Where the data went in
 * whole (`after` "finishing"), protection ends as the finished write leaves it: a sheet replaced
 * by a layout without protection stays unprotected, one whose layout draws protection takes the
 * layout's options. Spends syncs on the failure path only; never throws.
 */
export async function restoreProtection(
  context: Excel.RequestContext,
  batch: WriteBatch,
  known: WriteKnowledge,
  sync: (context: Excel.RequestContext) => Promise<void>,
  after: "data" | "finishing",
): Promise<ProtectionRestored> {
  if (batch.reprotect !== true) return null;
  const names = namesOf(batch);
  const layouts = new Map(batch.sheets.map((s) => [s.layout.name.toLowerCase(), s.layout] as const));
  const lifted = [...changedInPlace(batch)]
    .filter((key) => known.protectedSheets.has(key))
    .filter((key) => after === "data" || layouts.get(key)?.protection !== undefined || !layouts.has(key));
  if (lifted.length === 0) return null;
  // The sheets not known to be protected again, named in the answer where a step fails.
  let pending = lifted.map((key) => names.get(key) ?? key);
  try {
    const sheets = lifted.map((key) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(names.get(key) ?? key);
      sheet.protection.load("protected");
      return { key, name: names.get(key) ?? key, sheet };
    });
    await sync(context);
    const open = sheets.filter((s) => !s.sheet.isNullObject && !s.sheet.protection.protected);
    if (open.length === 0) return null;
    pending = open.map((s) => s.name);
    for (const { key, sheet } of open) {
      const layout = layouts.get(key);
      if (layout?.protection !== undefined) drawLocks(sheet, layout);
      // Once the data is in, a drawn sheet is protected as its layout says, as protectSteps does.
      const drawn = after === "finishing" && layout?.protection !== undefined;
      sheet.protection.protect(
        drawn ? addInProtectionOptions : (known.protectedSheets.get(key) ?? addInProtectionOptions),
      );
    }
    await sync(context);
    return null;
  } catch (error) {
    // Never past the port: the caller reports the write's own failure and names these sheets.
    return { sheets: pending, reason: errorMessage(error) };
  }
}

/** The rect from A1 over the layout's values and its unlocked cells, or null for an empty sheet. */
function layoutArea(values: readonly (readonly unknown[])[], unlocked: readonly CellRect[]): CellRect | null {
  let rowCount = values.length;
  let colCount = 0;
  for (const row of values) colCount = Math.max(colCount, row.length);
  for (const rect of unlocked) {
    rowCount = Math.max(rowCount, rect.row + rect.rowCount);
    colCount = Math.max(colCount, rect.col + rect.colCount);
  }
  return rowCount > 0 && colCount > 0 ? { row: 0, col: 0, rowCount, colCount } : null;
}
