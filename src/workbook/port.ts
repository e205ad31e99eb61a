import type { CellValue, SheetLayout } from "./layout";

/**
 * What a sheet holds now, as one host read it: the used range's values and where they start.
 * Empty cells read as "" (the way Office.js reports them); hosts normalise to that.
 */
export interface SheetSnapshot {
  readonly name: string;
  /** Zero-based row and column of the used range's top-left cell. */
  readonly startRow: number;
  readonly startCol: number;
  /** The used range's values; [] for an empty sheet. */
  readonly values: readonly (readonly CellValue[])[];
  /** Names of the Excel Tables on the sheet. */
  readonly tables: readonly string[];
}

/** The workbook as far as one batched read needs it. */
export interface WorkbookSnapshot {
  /** Every worksheet's name, in tab order, hidden ones included. */
  readonly sheetNames: readonly string[];
  /** The requested sheets that exist, by the name they were asked for (sheet names ignore case). */
  readonly sheets: ReadonlyMap<string, SheetSnapshot>;
  /** Every Excel Table's name in the workbook, on any sheet (table names are workbook-wide). */
  readonly tableNames: readonly string[];
}

export interface ReadOptions {
  /**
   * Read a formula cell as its formula ("=SUM(E4:E12)") instead of its result, so that writing the
   * value back keeps the formula. Generation reads this way; checking entered values does not.
   */
  readonly formulas?: boolean;
}

/** One batch of writes. Each sheet is either new or replaces the sheet of the same name. */
export interface WriteBatch {
  readonly sheets: readonly SheetWrite[];
  /** The sheet to show when the batch is done, or null to leave the active sheet alone. */
  readonly activate: string | null;
}

export interface SheetWrite {
  readonly layout: SheetLayout;
  /**
   * "create": the sheet does not exist yet; "replace": clear the existing sheet (contents,
   * formats, validation, tables) and write the layout into it, keeping the sheet itself so that
   * formulas elsewhere that point at it stay valid.
   */
  readonly mode: "create" | "replace";
}

/**
 * The one interface between the workbook layer and a host (Office.js, ExcelJS, memory).
 *
 * A host reads and writes whole ranges, never cell by cell, and a host that talks to Excel keeps
 * its round trips constant however many rows there are: one `read` and one `write` are each a
 * fixed number of `context.sync()` calls (plus one per chunk where a request would pass Excel on
 * the web's 5 MB payload limit).
 */
export interface WorkbookPort {
  /** Reads the sheet list and the used values of the named sheets that exist. */
  read(sheetNames: readonly string[], options?: ReadOptions): Promise<WorkbookSnapshot>;
  /** Writes a batch. On failure the host throws a HostError and leaves sheets it had not reached untouched. */
  write(batch: WriteBatch): Promise<void>;
}
