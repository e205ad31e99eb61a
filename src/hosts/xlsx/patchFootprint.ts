import type { CellRect } from "../../workbook/layout";
import type { SheetPatch } from "../../workbook/port";

/** What a patch's fills do to one cell, as applySheetPatch applies them. */
export interface FillOutcome {
  /** Whether any fill replaced the cell's style (a fill differing from the one it had at that step). */
  readonly changed: boolean;
  /** The last fill's ARGB colour: the cell's fill when `changed`. */
  readonly colour: string;
}

/**
 * Where one SheetPatch writes, cell by cell, without ExcelJS: which cells it gives values or notes,
 * and what its fills do to a cell that had a given fill. applySheetPatch restores every entry
 * column's plain fill over the whole body, and skips a cell that has that fill already; a large
 * sheet can so be patched by rewriting only the cells whose style changes (see
 * XlsxPatchingWorkbook). Rows and columns are zero-based.
 *
 * @example
 * const footprint = new PatchFootprint(patch);
 * footprint.fillAt(5, 2, "FFFFF2CC") // { changed: false, colour: "FFFFF2CC" }
 */
export class PatchFootprint {
  /** Fills over more than one cell, in list order (the plain fills of whole columns). */
  private readonly rects: { readonly rect: CellRect; readonly colour: string; readonly order: number }[] = [];
  /** One-cell fills by row, then column: their colours with their place in the list. */
  private readonly singles = new Map<number, Map<number, { colour: string; order: number }[]>>();
  private readonly values: readonly CellRect[];
  private readonly notes = new Set<number>();
  /** The rows any fill touches, first to last (-1, -1 without fills). */
  readonly fillRows: { readonly first: number; readonly last: number };

  constructor(readonly patch: SheetPatch) {
    let first = Infinity;
    let last = -1;
    patch.fills.forEach(({ rect, fill }, order) => {
      if (rect.rowCount <= 0 || rect.colCount <= 0) return;
      const colour = argb(fill);
      first = Math.min(first, rect.row);
      last = Math.max(last, rect.row + rect.rowCount - 1);
      if (rect.rowCount === 1 && rect.colCount === 1) {
        let row = this.singles.get(rect.row);
        if (row === undefined) {
          row = new Map();
          this.singles.set(rect.row, row);
        }
        const cell = row.get(rect.col) ?? [];
        cell.push({ colour, order });
        row.set(rect.col, cell);
      } else {
        this.rects.push({ rect, colour, order });
      }
    });
    this.fillRows = last < 0 ? { first: -1, last: -1 } : { first, last };
    this.values = patch.values.map(({ rect }) => rect);
    for (const { row, col } of patch.notes) this.notes.add(key(row, col));
  }

  /** What the fills do to the cell at (row, col) whose fill is `current` (null: none a fill could equal). */
  fillAt(row: number, col: number, current: string | null): FillOutcome | null {
    const steps: { colour: string; order: number }[] = [];
    for (const { rect, colour, order } of this.rects) {
      if (contains(rect, row, col)) steps.push({ colour, order });
    }
    for (const step of this.singles.get(row)?.get(col) ?? []) steps.push(step);
    if (steps.length === 0) return null;
    steps.sort((a, b) => a.order - b.order);
    let fill = current;
    let changed = false;
    for (const { colour } of steps) {
      if (fill !== colour) {
        fill = colour;
        changed = true;
      }
    }
    return { changed, colour: fill ?? "" };
  }

  /** The columns of `row` that some fill covers, ascending. */
  filledColumns(row: number): number[] {
    const columns = new Set<number>();
    for (const { rect } of this.rects) {
      if (row >= rect.row && row < rect.row + rect.rowCount) {
        for (let c = rect.col; c < rect.col + rect.colCount; c++) columns.add(c);
      }
    }
    for (const col of this.singles.get(row)?.keys() ?? []) columns.add(col);
    return [...columns].sort((a, b) => a - b);
  }

  /** Whether the patch writes a value into the cell. */
  writesValue(row: number, col: number): boolean {
    return this.values.some((rect) => contains(rect, row, col));
  }

  /** Whether the patch adds a note to the cell. */
  addsNote(row: number, col: number): boolean {
    return this.notes.has(key(row, col));
  }

  /** Every cell the patch writes a value into, row by row. */
  *valueCells(): Iterable<{ row: number; col: number }> {
    for (const rect of this.values) {
      for (let row = rect.row; row < rect.row + rect.rowCount; row++) {
        for (let col = rect.col; col < rect.col + rect.colCount; col++) yield { row, col };
      }
    }
  }

  /**
   * The patch for a copy of the sheet that holds only `kept` cells (keys of cellKey): values and
   * notes as they are (their cells are kept), fills cell by cell on kept cells only, each cell's
   * fills in the patch's order, so that ExcelJS gives each kept cell what it would give it in the
   * whole sheet.
   */
  reducedTo(kept: ReadonlyMap<number, readonly number[]>): SheetPatch {
    const fills: { rect: CellRect; fill: string }[] = [];
    this.patch.fills.forEach(({ rect, fill }) => {
      for (let row = rect.row; row < rect.row + rect.rowCount; row++) {
        for (const col of kept.get(row) ?? []) {
          if (col >= rect.col && col < rect.col + rect.colCount) {
            fills.push({ rect: { row, col, rowCount: 1, colCount: 1 }, fill });
          }
        }
      }
    });
    return { ...this.patch, fills };
  }
}

/** A cell's key in sets and maps: row × 16,384 + column. */
export function cellKey(row: number, col: number): number {
  return key(row, col);
}

function key(row: number, col: number): number {
  return row * 16_384 + col;
}

function contains(rect: CellRect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount
  );
}

/** "#fff2cc" → "FFFFF2CC", as applySheetPatch writes a fill's colour. */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/u, "").toUpperCase()}`;
}
