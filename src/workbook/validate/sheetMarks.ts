import type { Locale } from "../../core/locale";
import type { Problem, Severity } from "../../core/validation/validationProblem";
import { formatProblem } from "../../core/validation/formatProblem";
import { columnLetters } from "../a1";
import { cellFills } from "../buildSheetLayout";
import type { CellRect, CellValue } from "../layout";
import { addInNoteMarkers, type SheetPatch } from "../port";
import type { ReadSheet } from "../readSheet";
import type { AnySheetSpec } from "../sheetSpec";
import { palette } from "../sheetSpec";
import { appendAll, minOf } from "../../core/arrays";

/** One problem found on a sheet, placed at its cell. */
export interface PlacedProblem {
  readonly row: number;
  readonly col: number;
  readonly problem: Problem;
}

/** A plan sheet found in the workbook (by its table), with the marks validation collects for it. */
export interface FoundSheet {
  readonly spec: AnySheetSpec;
  readonly marks: SheetMarks;
}

/**
 * What validation writes to one sheet the add-in made, collected while its rows are checked:
 * problems at cells, computed cells, and fills that are not marks (status colours, rows the plan
 * no longer has, cells that take no entry). `toPatch` turns it into one SheetPatch.
 */
export class SheetMarks {
  readonly problems: PlacedProblem[] = [];
  private readonly computed = new Map<string, Map<number, CellValue>>();
  private readonly fills: { rect: CellRect; fill: string }[] = [];
  private readonly planCells: { row: number; col: number; value: CellValue }[] = [];

  constructor(
    readonly spec: AnySheetSpec,
    readonly sheetName: string,
    readonly read: ReadSheet,
    /** The sheet's own language (its name tells), for the words written into it. */
    readonly sheetLocale: Locale,
    /** The rows and columns the host read, for clearing the add-in's old notes. */
    private readonly extent: CellRect,
  ) {}

  /** The sheet column of a spec column, or undefined when the sheet lacks it (made by an older version). */
  column(key: string): number | undefined {
    return this.read.columns.get(key);
  }

  /** Places a rule's problems on a row: at the column of its field, or the row's first column. */
  add(sheetRow: number, problems: readonly Problem[]): void {
    for (const problem of problems) {
      const col = (problem.field === null ? undefined : this.column(problem.field)) ?? this.firstColumn();
      this.problems.push({ row: sheetRow, col, problem });
    }
  }

  /** Places a problem at a column of a row, whatever its field says. */
  addAt(sheetRow: number, key: string, problem: Problem): void {
    this.problems.push({ row: sheetRow, col: this.column(key) ?? this.firstColumn(), problem });
  }

  /** Sets a computed cell; columns the sheet lacks are skipped (listed by `missingComputedColumns`). */
  setComputed(sheetRow: number, key: string, value: CellValue): void {
    let column = this.computed.get(key);
    if (!column) {
      column = new Map();
      this.computed.set(key, column);
    }
    column.set(sheetRow, value);
  }

  /**
   * Rewrites one plan cell that depends on a setting validation may be given (task 44's 截止日期
   * from the publication date in force); columns the sheet lacks are skipped.
   */
  setPlanCell(sheetRow: number, key: string, value: CellValue): void {
    const col = this.column(key);
    if (col !== undefined) this.planCells.push({ row: sheetRow, col, value });
  }

  /** Fills one cell (status colours); drawn before the marks. */
  fillCell(sheetRow: number, key: string, fill: string): void {
    const col = this.column(key);
    if (col !== undefined) this.fills.push({ rect: { row: sheetRow, col, rowCount: 1, colCount: 1 }, fill });
  }

  /** Fills a row's spec columns (a row the plan no longer has). */
  fillRow(sheetRow: number, fill: string): void {
    for (const col of this.read.columns.values()) {
      this.fills.push({ rect: { row: sheetRow, col, rowCount: 1, colCount: 1 }, fill });
    }
  }

  /** The headers of the computed columns the sheet lacks. */
  missingComputedColumns(locale: Locale): string[] {
    return this.spec.columns
      .filter((c) => c.kind === "computed" && !this.read.columns.has(c.key))
      .map((c) => c.header[locale]);
  }

  private firstColumn(): number {
    return minOf(this.read.columns.values(), Infinity);
  }

  /** The first and last data row: from below the header to the last row read, at least one row. */
  private bodyRows(): { first: number; count: number } {
    const first = this.read.headerRow + 1;
    // A loop, not Math.max(...rows): spreading 100,000 arguments overflows the call stack.
    const last = this.read.rows.reduce((max, r) => Math.max(max, r.sheetRow), first);
    return { first, count: last - first + 1 };
  }

  /**
   * The sheet's patch: computed columns written whole over the body (blank where nothing was
   * computed), every spec column's plain fill restored, then the fills collected, then one mark
   * per problem cell (errors red, warnings yellow) with a note listing its messages.
   */
  toPatch(locale: Locale, withNotes: boolean): SheetPatch {
    const { first, count } = this.bodyRows();
    const values: SheetPatch["values"][number][] = [];
    for (const column of this.spec.columns) {
      const col = this.column(column.key);
      if (column.kind !== "computed" || col === undefined) continue;
      const cells = this.computed.get(column.key);
      values.push({
        rect: { row: first, col, rowCount: count, colCount: 1 },
        values: Array.from({ length: count }, (_, i) => [cells?.get(first + i) ?? ""]),
      });
    }
    for (const { row, col, value } of this.planCells) {
      values.push({ rect: { row, col, rowCount: 1, colCount: 1 }, values: [[value]] });
    }
    const fills: { rect: CellRect; fill: string }[] = [];
    for (const column of this.spec.columns) {
      const col = this.column(column.key);
      if (col !== undefined)
        fills.push({ rect: { row: first, col, rowCount: count, colCount: 1 }, fill: cellFills[column.kind] });
    }
    appendAll(fills, this.fills);

    const byCell = new Map<string, { row: number; col: number; severity: Severity; messages: string[] }>();
    for (const { row, col, problem } of this.problems) {
      const key = `${row},${col}`;
      const message = formatProblem(problem, locale);
      const cell = byCell.get(key);
      if (cell) {
        if (problem.severity === "error") cell.severity = "error";
        if (!cell.messages.includes(message)) cell.messages.push(message);
      } else {
        byCell.set(key, { row, col, severity: problem.severity, messages: [message] });
      }
    }
    const notes: SheetPatch["notes"][number][] = [];
    for (const { row, col, severity, messages } of byCell.values()) {
      fills.push({
        rect: { row, col, rowCount: 1, colCount: 1 },
        fill: severity === "error" ? palette.errorFill : palette.warningFill,
      });
      if (withNotes) notes.push({ row, col, text: `${addInNoteMarkers[locale]}${messages.join("\n")}` });
    }
    return { sheet: this.sheetName, values, fills, clearNotes: withNotes ? this.extent : null, notes };
  }
}

/**
 * "K8" for a zero-based cell.
 *
 * @example
 * a1(7, 10) // "K8"
 */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
