import type { CellValue } from "../layout";

/** A returned workbook as the report names it: its unit (or file name) and its file. */
export interface ReturnSource {
  /** The unit the workbook was split for (`scope.unit`), or else the file's name without `.xlsx`. */
  readonly label: string;
  /** The file's name as the user picked it. */
  readonly file: string;
}

/** A value one return holds for a cell. */
export interface Offer {
  readonly from: ReturnSource;
  readonly value: CellValue;
}

/**
 * A value merge did not write, kept for the user to decide:
 * - `differs_from_book`: the city's cell holds another value, which is kept;
 * - `returns_disagree`: the city's cell is empty and returns fill it differently: nothing is written;
 * - `not_in_book`: the city's sheet has no such row (or column) to put the value in.
 */
export interface MergeConflict {
  readonly kind: "differs_from_book" | "returns_disagree" | "not_in_book";
  readonly sheet: string;
  /** The city's cell ("N8"), or "" where the city's book has no place for the value. */
  readonly cell: string;
  /** The row's identity as people read it: "5" (task 5), "露塘", "露塘 2023-05-01 04:00". */
  readonly row: string;
  /** The column's header in the city's language. */
  readonly column: string;
  /** What the city's cell holds ("" when empty or there is no cell). */
  readonly book: CellValue;
  /** Every return's value that was not written. */
  readonly values: readonly Offer[];
}

/**
 * A cell the city's book holds that a return has empty (the unit cleared it, or its copy never
 * had it): the city's value is kept, and the cell listed so that the user sees what the unit did.
 */
export interface ClearedCell {
  readonly sheet: string;
  /** The city's cell ("N8"). */
  readonly cell: string;
  /** The row's identity as people read it: "5" (task 5), "露塘 2023-05-01 04:00". */
  readonly row: string;
  /** The column's header in the city's language. */
  readonly column: string;
  /** What the city's cell holds, kept. */
  readonly book: CellValue;
  /** The return that has the cell empty. */
  readonly from: ReturnSource;
}

/** An empty entry cell of the city's book filled from the returns (all that hold it agree). */
export interface FilledCell {
  readonly sheet: string;
  readonly cell: string;
  readonly row: string;
  readonly column: string;
  readonly value: CellValue;
  readonly from: readonly ReturnSource[];
}

/** A progress cell that took units' texts, each under the unit's name. */
export interface JoinedText {
  readonly sheet: string;
  readonly cell: string;
  readonly row: string;
  /** The units whose texts were added, in order. */
  readonly labels: readonly string[];
  /** The cell's text after the merge. */
  readonly text: string;
}

/** A monitoring row appended to the city's 监测数据. */
export interface AddedRow {
  readonly row: string;
  readonly from: ReturnSource;
}
