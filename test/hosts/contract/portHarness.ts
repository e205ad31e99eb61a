import type { CellValue, ValidationRule } from "../../../src/workbook/layout";
import type { WorkbookPort } from "../../../src/workbook/port";

/**
 * What the contract suite needs from one host under test: the port, and a way to look at what
 * the host really holds afterwards (the fake Excel's state, the xlsx bytes read back by ExcelJS,
 * the memory model). Every probe speaks A1 addresses, the way a user would describe a cell.
 */
export interface PortHarness {
  readonly port: WorkbookPort;
  /** Worksheet names in tab order, hidden ones included, as the host holds them now. */
  sheetNames(): Promise<string[]>;
  sheet(name: string): Promise<SheetProbe | null>;
  /**
   * Types a value into one cell the way a user would (outside the port), e.g. an entry the
   * contract suite then expects generation to keep: enter("附件1 任务清单", "K4", "推进中").
   */
  enter(sheet: string, a1: string, value: CellValue): Promise<void>;
  /** Adds an empty sheet the way a user would. */
  addSheet(name: string): Promise<void>;
  /** Writes a cell note the way a user would (right-click → New Note). */
  enterNote(sheet: string, a1: string, text: string): Promise<void>;
}

export interface SheetProbe {
  /** Values from A1 to the last used row and column; empty cells are null. */
  values(): CellValue[][];
  /** Tables with their A1 ranges, e.g. { name: "WP_Tasks", ref: "A3:J56" }. */
  tables(): { name: string; ref: string }[];
  freeze(): { rows: number; columns: number };
  validationAt(a1: string): ValidationRule | null;
  /** "General" where none was set. */
  numberFormatAt(a1: string): string;
  /** "#RRGGBB" upper-case, or null for no fill. */
  fillAt(a1: string): string | null;
  boldAt(a1: string): boolean;
  /** Width in characters (Excel's column width unit), zero-based column. */
  columnWidth(col: number): number;
  visibility(): "visible" | "hidden" | "veryHidden";
  /** e.g. "$3:$3", or null. */
  printTitleRows(): string | null;
  orientation(): "landscape" | "portrait" | null;
  /** e.g. "$A:$B", or null. */
  printTitleColumns(): string | null;
  /** Whether the cell gridlines print. */
  printGridlines(): boolean;
  /** The cell's note text, or null. */
  noteAt(a1: string): string | null;
  /** The cell's formula with its "=" ("=2*3"), or null when it holds none. */
  formulaAt(a1: string): string | null;
}
