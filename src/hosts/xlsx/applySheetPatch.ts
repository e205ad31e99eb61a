import type { Cell, Fill, Worksheet } from "exceljs";
import type { CellRect } from "../../workbook/layout";
import { isAddInNote, type SheetPatch } from "../../workbook/port";
import { HostError } from "../hostError";
import { removeNote } from "./excelJsInternals";
import { toExcelJsValue } from "./toExcelJsValue";

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
const excelGrid = { rows: 1_048_576, columns: 16_384 } as const;

/**
 * Rejects a patch that Excel would refuse (a rectangle off the grid, values that do not fit their
 * rectangle), before the batch changes anything.
 *
 * @example
 * assertPatchable(patch); // throws HostError "excel_rejected"
 */
export function assertPatchable(patch: SheetPatch): void {
  const rects = [
    ...patch.values.map(({ rect }) => rect),
    ...patch.fills.map(({ rect }) => rect),
    ...(patch.clearNotes === null ? [] : [patch.clearNotes]),
    ...patch.notes.map(({ row, col }) => ({ row, col, rowCount: 1, colCount: 1 })),
  ];
  for (const rect of rects) {
    if (!onGrid(rect)) {
      throw new HostError("excel_rejected", `A change to sheet "${patch.sheet}" lies outside Excel's grid.`);
    }
  }
  for (const { rect, values } of patch.values) {
    if (values.length !== rect.rowCount || values.some((row) => row.length !== rect.colCount)) {
      throw new HostError(
        "excel_rejected",
        `Values for sheet "${patch.sheet}" do not fit their ${rect.rowCount} × ${rect.colCount} cells.`,
      );
    }
  }
}

/**
 * Writes a patch into a worksheet in the port's order: values, then fills in list order, then
 * the add-in's old notes inside `clearNotes` removed (a user's notes stay) and the new ones added.
 * Text starting with "=" is written as a formula, as in a layout.
 *
 * @example
 * applySheetPatch(workbook.getWorksheet("附件1 任务清单")!, patch);
 */
export function applySheetPatch(sheet: Worksheet, patch: SheetPatch): void {
  for (const { rect, values } of patch.values) {
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        sheet.getCell(rect.row + r + 1, rect.col + c + 1).value = toExcelJsValue(value);
      });
    });
  }
  for (const { rect, fill } of patch.fills) {
    const solid: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) } };
    const colour = argb(fill);
    forEachCell(rect, (row, col) => {
      const cell = sheet.getCell(row + 1, col + 1);
      // Validation restores every entry column's plain fill before marking: most cells have it
      // already, and a new style object for each of 100,000 rows' cells costs gigabytes.
      if (hasSolidFill(cell, colour)) return;
      // A new style object: cells loaded from a file share theirs by style id, and setting
      // `cell.fill` would paint every cell of that style.
      // eslint-disable-next-line office-addins/call-sync-before-read -- an ExcelJS cell, not an Office.js proxy (the rule keys on the name getCell)
      cell.style = { ...cell.style, fill: { ...solid } };
    });
  }
  if (patch.clearNotes !== null) {
    forEachExistingCell(sheet, patch.clearNotes, (cell) => {
      const text = noteText(cell);
      if (text !== null && isAddInNote(text)) removeNote(cell);
    });
  }
  for (const { row, col, text } of patch.notes) sheet.getCell(row + 1, col + 1).note = text;
}

function onGrid(rect: CellRect): boolean {
  return (
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rowCount >= 0 &&
    rect.colCount >= 0 &&
    rect.row + rect.rowCount <= excelGrid.rows &&
    rect.col + rect.colCount <= excelGrid.columns
  );
}

function forEachCell(rect: CellRect, visit: (row: number, col: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.col; c < rect.col + rect.colCount; c++) visit(r, c);
  }
}

/** Visits the cells of `rect` that the sheet holds, without creating the others. */
function forEachExistingCell(sheet: Worksheet, rect: CellRect, visit: (cell: Cell) => void): void {
  const lastRow = Math.min(rect.row + rect.rowCount, sheet.rowCount);
  for (let r = rect.row + 1; r <= lastRow; r++) {
    const row = sheet.findRow(r);
    if (row === undefined) continue;
    const lastCol = Math.min(rect.col + rect.colCount, row.cellCount);
    for (let c = rect.col + 1; c <= lastCol; c++) {
      const cell = row.findCell(c);
      if (cell !== undefined) visit(cell);
    }
  }
}

/** A note's plain text: ExcelJS holds a note read from a file as rich text runs. */
export function noteText(cell: Cell): string | null {
  const note: unknown = cell.note;
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: readonly { text?: unknown }[] }).texts;
  return texts === undefined
    ? null
    : texts.map((run) => (typeof run.text === "string" ? run.text : "")).join("");
}

/** Whether the cell is filled solid with exactly that ARGB colour already. */
function hasSolidFill(cell: Cell, colour: string): boolean {
  const fill = cell.style.fill;
  return fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb?.toUpperCase() === colour;
}

/** "#1f4e79" → "FF1F4E79" (ExcelJS colours are ARGB). */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}
