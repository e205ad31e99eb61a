/**
 * What Excel would refuse in a batch, refused before anything is sent: a layout or a patch of a
 * shape Excel does not take, a patch of a sheet that is not there, a change to a protected sheet.
 * Excel applies a failing request up to the failing action, so refusing afterwards would be late.
 */
import { HostError, ProtectedSheets } from "../hostError";
import { isScratchSheetName } from "./scratchSheets";
import type { SheetLayout } from "../../workbook/layout";
import type { SheetPatch, WriteBatch } from "../../workbook/port";

/** What Excel would refuse in a batch, refused before anything is sent. */
export function checkBatch(batch: WriteBatch): void {
  for (const sheet of batch.sheets) checkLayout(sheet.layout);
  for (const patch of batch.patches ?? []) checkPatch(patch);
}

/** A patch Excel would refuse for its shape is refused before anything is sent. */
function checkPatch(patch: SheetPatch): void {
  for (const { rect, values } of patch.values) {
    const fits = values.length === rect.rowCount && values.every((row) => row.length === rect.colCount);
    if (!fits) {
      throw new HostError(
        "excel_rejected",
        `A patch of “${patch.sheet}” has values of another shape than its rectangle; Excel takes rectangles only.`,
      );
    }
  }
}

/** What Excel would refuse in a layout, caught before anything is sent. */
function checkLayout(layout: SheetLayout): void {
  const width = layout.values[0]?.length ?? 0;
  if (layout.values.some((row) => row.length !== width)) {
    throw new HostError(
      "excel_rejected",
      `The rows of “${layout.name}” differ in length; Excel takes rectangles only.`,
    );
  }
  if (isScratchSheetName(layout.name)) {
    throw new HostError(
      "excel_rejected",
      `“${layout.name}” is a name the add-in keeps for sheets it is making.`,
    );
  }
  for (const validation of layout.validations) {
    if (validation.rule.kind === "list" && validation.rule.values.some((v) => v.includes(","))) {
      throw new HostError(
        "excel_rejected",
        `A dropdown value on “${layout.name}” contains a comma, which Excel's list source would split.`,
      );
    }
  }
}

/**
 * A patch of a sheet that is not there, or of one the same batch replaces, is refused before
 * anything is sent: Excel would apply the batch up to the failing patch and drop the rest.
 */
export function refuseMissingPatchSheets(batch: WriteBatch, sheetNames: readonly string[] | null): void {
  const patches = batch.patches ?? [];
  if (patches.length === 0 || sheetNames === null) return;
  const existing = new Set(sheetNames.map((n) => n.toLowerCase()));
  const replaced = new Set(batch.sheets.map((s) => s.layout.name.toLowerCase()));
  for (const patch of patches) {
    const name = patch.sheet.toLowerCase();
    if (!existing.has(name) || replaced.has(name)) {
      throw new HostError("excel_rejected", `There is no sheet named “${patch.sheet}” to patch.`);
    }
  }
}

/**
 * A batch that would replace or patch a protected sheet is refused before anything is sent: Excel
 * refuses every change to a protected sheet's cells, formats, tables, notes and charts, so the
 * write would stop part-way at the first of them (sheets before it written, the rest not).
 * Sheets the batch creates are new and not protected.
 */
export function refuseProtectedSheets(batch: WriteBatch, isProtected: (sheet: string) => boolean): void {
  const changedInPlace = [
    ...batch.sheets.filter((s) => s.mode === "replace").map((s) => s.layout.name),
    ...(batch.patches ?? []).map((p) => p.sheet),
  ];
  const names = [...new Set(changedInPlace.filter(isProtected))];
  if (names.length === 0) return;
  const quoted = names.map((name) => `“${name}”`).join(", ");
  const message = `${names.length === 1 ? "The sheet" : "The sheets"} ${quoted} ${
    names.length === 1 ? "is" : "are"
  } protected (Review → Unprotect Sheet); nothing was written. Unprotect ${
    names.length === 1 ? "it" : "them"
  } and run again.`;
  throw new HostError("sheet_protected", message, { cause: new ProtectedSheets(names, message) });
}
