/**
 * What Excel would refuse in a batch, refused before anything is sent: a layout or a patch of a
 * shape Excel does not take, a patch of a sheet that is not there, a change to a protected sheet.
 * Excel applies a failing request up to the failing action, so refusing afterwards would be late.
 */
import { HostError, ProtectedSheets } from "../hostError";
import { isFormula } from "./officeValues";
import { isScratchSheetName } from "./scratchSheets";
import { columnLetters } from "../../workbook/a1";
import type { CellValue, SheetLayout } from "../../workbook/layout";
import type { SheetPatch, WriteBatch } from "../../workbook/port";

/**
 * Excel's limits on what a cell holds: 32,767 characters of text, 8,192 of a formula.
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
 */
export const excelCellLimits = { text: 32_767, formula: 8_192 } as const;

/**
 * What Excel would refuse in a batch, refused before anything is sent. `formulaLikeTexts` are the
 * texts starting with "=" that are written as text (see toOfficeValue); others are formulas.
 */
export function checkBatch(batch: WriteBatch, formulaLikeTexts: ReadonlySet<string> = new Set()): void {
  for (const sheet of batch.sheets) {
    checkLayout(sheet.layout);
    checkCellLimits(sheet.layout.name, 0, 0, sheet.layout.values, formulaLikeTexts);
  }
  for (const patch of batch.patches ?? []) {
    checkPatch(patch);
    for (const { rect, values } of patch.values)
      checkCellLimits(patch.sheet, rect.row, rect.col, values, formulaLikeTexts);
  }
}

/**
 * A text or formula past Excel's limits is refused before anything is sent: Excel would refuse
 * the request that carries it (InvalidArgument, FormulaLengthExceedsLimit) with the requests
 * before it applied, a write stopped part-way.
 */
function checkCellLimits(
  sheet: string,
  top: number,
  left: number,
  values: readonly (readonly CellValue[])[],
  formulaLikeTexts: ReadonlySet<string>,
): void {
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (typeof value !== "string" || value.length <= excelCellLimits.formula) return;
      const formula = isFormula(value) && !formulaLikeTexts.has(value);
      const limit = formula ? excelCellLimits.formula : excelCellLimits.text;
      if (value.length <= limit) return;
      const cell = `${columnLetters(left + c)}${top + r + 1}`;
      throw new HostError(
        "excel_rejected",
        `“${sheet}”!${cell} would hold ${formula ? "a formula" : "text"} of ${value.length} characters, past Excel's limit of ${limit}; nothing was written.`,
      );
    });
  });
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
 * Sheets the batch creates are new and not protected. A batch that may lift protection (the
 * add-in's own, see WriteBatch.reprotect) is let through: its write unprotects and protects again.
 */
export function refuseProtectedSheets(batch: WriteBatch, isProtected: (sheet: string) => boolean): void {
  if (batch.reprotect === true) return;
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
