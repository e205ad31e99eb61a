/**
 * Sheet protection in Excel (ExcelApi 1.2): a workbook split for a unit has its plan columns
 * locked and its entry cells unlocked (SheetLayout.protection). A write draws that protection,
 * and when it may lift the add-in's own protection (WriteBatch.reprotect) it unprotects the
 * protected sheets it changes before its first change and protects them again after its last —
 * inside the batch's own requests, never an extra sync.
 */
import { utf8Bytes } from "./officeRequestPlanner";
import { rectRange } from "./rectGeometry";
import { cosmeticStep, dataStep, type Step, type WriteKnowledge } from "./writeStep";
import type { CellRect } from "../../workbook/layout";
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
 * steps: a refusal is reported and leaves the sheet unprotected, which generating again repairs.
 */
export function protectSteps(batch: WriteBatch, known: WriteKnowledge): Step[] {
  const steps: Step[] = [];
  const drawn = new Set<string>();
  for (const { layout } of batch.sheets) {
    const protection = layout.protection;
    if (protection === undefined) continue;
    const name = layout.name;
    drawn.add(name.toLowerCase());
    const area = layoutArea(layout.values, protection.unlocked);
    steps.push(
      cosmeticStep(
        protection.unlocked.length + 3,
        utf8Bytes(name) + protection.unlocked.length * 40,
        (scope) => {
          const sheet = scope.sheet(name);
          // A replaced sheet may keep cells an earlier layout unlocked: lock the layout's area first
          // (not the whole sheet, whose format Excel would count into the used range).
          if (area !== null) rectRange(sheet, area).format.protection.locked = true;
          for (const rect of protection.unlocked) rectRange(sheet, rect).format.protection.locked = false;
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
      steps.push(
        cosmeticStep(1, utf8Bytes(name), (scope) => {
          scope.sheet(name).protection.protect(addInProtectionOptions);
        }),
      );
    }
  }
  return steps;
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
