import type { Locale } from "../core/locale";
import type { CellRect, CellValue, SheetLayout } from "./layout";

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
  /**
   * Cells a host left unread because they lie far outside the add-in's tables (a stray value in
   * A300000 must not cost a read of 300,000 rows): how many, and the first one's A1 address.
   */
  readonly ignored?: { readonly count: number; readonly first: string };
  /**
   * Where the sheet's Excel Tables stand, as far as the host knows: every host reports the tables
   * named in `ReadOptions.tables`. Generation keeps a user's cells outside them at their addresses
   * (see `readSheet`); absent, every cell below the header is read as the table's.
   */
  readonly tableRects?: readonly { readonly name: string; readonly rect: CellRect }[];
}

/**
 * How far a host reads around the add-in's tables: rows a user appended just below a table and
 * columns added beside it are read; a stray value far away is not (it is counted in
 * `SheetSnapshot.ignored`), so that one cell in A300000 or XFD1048576 cannot make a read huge.
 * A sheet without tables (the meta sheet, a sheet that only has a plan sheet's name) is read
 * within `withoutTables`. A host that sees the cells before reading them (a file) lets the rows
 * below a table run on while no gap of `rowsBelowTables` blank rows interrupts them; Office.js
 * reads a fixed `rowsBelowTables` (it would need a round trip to look further). Either way,
 * generation refuses to rewrite a sheet with cells it did not read, so nothing is lost.
 */
export const readBounds = {
  rowsBelowTables: 200,
  columnsRightOfTables: 30,
  withoutTables: { rows: 2000, columns: 100 },
} as const;

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
  /**
   * Excel Tables whose cells the caller needs, with the sheet each is expected on (generation: the
   * plan's tables), reported in `SheetSnapshot.tableRects`. Office.js asks for them in the read's
   * first sync, so knowing them costs no round trip.
   */
  readonly tables?: readonly { readonly sheet: string; readonly table: string }[];
}

/** One batch of writes. Each sheet is either new or replaces the sheet of the same name. */
export interface WriteBatch {
  readonly sheets: readonly SheetWrite[];
  /** Changes in place to sheets the batch does not replace (validation's marks and computed cells). */
  readonly patches?: readonly SheetPatch[];
  /**
   * Rows appended to Excel Tables in place (an import into 监测数据), written after `patches`. Only a
   * host whose `features.tableAppend` is true takes them; any other refuses a batch that has some.
   */
  readonly appends?: readonly TableAppend[];
  /** The sheet to show when the batch is done, or null to leave the active sheet alone. */
  readonly activate: string | null;
  /**
   * The workbook's protected sheets are the add-in's own: a workbook split for a unit (a scope in
   * the meta sheet, see readScope), whose plan sheets the add-in protected. A host lifts the
   * protection of each protected sheet the batch changes in place and puts it back once the batch
   * is done (a replaced sheet as its new layout's `protection` says). Absent: a protected sheet is
   * the user's, and a batch that would change one is refused ("sheet_protected") with nothing written.
   */
  readonly reprotect?: boolean;
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
 * Text that starts every note the add-in writes, so that the next validation removes its own
 * notes and never a note a user wrote.
 */
export const addInNoteMarker = "【校验】";

/** The marker in each language of the notes: an English note starts "[Validate] ", not with 【】. */
export const addInNoteMarkers: Readonly<Record<Locale, string>> = {
  "zh-CN": addInNoteMarker,
  "en-US": "[Validate] ",
};

/**
 * Whether a note is the add-in's (in either language), so that validation removes its own notes
 * and never a note a user wrote.
 *
 * @example
 * isAddInNote("[Validate] The sampling date is missing.") // true
 */
export function isAddInNote(text: string): boolean {
  return Object.values(addInNoteMarkers).some((marker) => text.startsWith(marker));
}

/** Values written in place: a rectangle and its cells (every row as long as the rect is wide). */
export interface RectValues {
  readonly rect: CellRect;
  readonly values: readonly (readonly CellValue[])[];
}

/**
 * Changes written in place to a sheet the add-in made, never touching what users entered:
 * the add-in's computed cells, and its marks (fills and notes) on cells with problems.
 * A host applies them in this order: values, fills (in list order: the plain fills that clear the
 * last run's marks come first), then notes (the add-in's old notes inside `clearNotes` removed,
 * then the new ones added).
 */
export interface SheetPatch {
  readonly sheet: string;
  readonly values: readonly RectValues[];
  readonly fills: readonly { readonly rect: CellRect; readonly fill: string }[];
  /** Where the add-in's earlier notes (text starting with addInNoteMarker) are removed; null: nowhere. */
  readonly clearNotes: CellRect | null;
  /** Notes to add; each text starts with addInNoteMarker. A host without notes skips them (see `features`). */
  readonly notes: readonly { readonly row: number; readonly col: number; readonly text: string }[];
}

/**
 * Rows written into an Excel Table from sheet row `row` on, as Excel does when rows are typed
 * below a table: the table's range grows over them, each new cell takes the number format and
 * style of the table's last row in its column, and the data validation and conditional formats
 * that cover a table column down to its last row cover the new rows too. Rows from `row` that are
 * still inside the table must be blank (the caller read them); nothing else of the sheet changes.
 */
export interface TableAppend {
  readonly sheet: string;
  readonly table: string;
  /** Zero-based sheet row of the first row written: below the table's last row that holds anything. */
  readonly row: number;
  /** The rows, each as wide as the table, from its first column. */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats of written cells other than the row above's (sheet rects). */
  readonly numberFormats: readonly { readonly rect: CellRect; readonly numberFormat: string }[];
}

/** What a host can draw, known when it is created (Office.js: from the requirement sets Excel reports). */
export interface HostFeatures {
  /** Cell notes (Office.js: ExcelApi 1.18). Without them, marks are fills and the task pane's list. */
  readonly notes: boolean;
  /** Charts (Office.js can; ExcelJS cannot write them, so the xlsx host shows coloured cells instead). */
  readonly charts: boolean;
  /**
   * Appends rows to a table in place (WriteBatch.appends): the xlsx host of `--out`, which streams
   * the sheet. Without it, a table grows by its sheet being written again.
   */
  readonly tableAppend?: boolean;
}

/** What `update` hands back: the batch to write (null: nothing) and a result for the caller. */
export interface UpdatePlan<T> {
  readonly batch: WriteBatch | null;
  readonly result: T;
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
  /**
   * Reads, lets `plan` decide the writes from what was read, and writes them: in one host session
   * where the host has sessions (one `Excel.run`), so that what a user types in between is not
   * overwritten unseen. Generation and validation go through here.
   */
  update<T>(
    sheetNames: readonly string[],
    options: ReadOptions,
    plan: (snapshot: WorkbookSnapshot) => UpdatePlan<T>,
  ): Promise<T>;
  readonly features: HostFeatures;
}

/**
 * `update` for a host without sessions (memory, a file): one read, then one write.
 *
 * @example
 * const port = { read, write, update: sequentialUpdate(read, write), features };
 */
export function sequentialUpdate(
  read: WorkbookPort["read"],
  write: WorkbookPort["write"],
): WorkbookPort["update"] {
  return async (sheetNames, options, plan) => {
    const { batch, result } = plan(await read(sheetNames, options));
    if (batch !== null) await write(batch);
    return result;
  };
}
