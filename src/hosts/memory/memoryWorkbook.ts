import type {
  CellRect,
  CellValue,
  RectFormat,
  RectValidation,
  SheetLayout,
  SheetProtection,
} from "../../workbook/layout";
import type {
  SheetPatch,
  SheetSnapshot,
  WorkbookPort,
  WorkbookSnapshot,
  WriteBatch,
} from "../../workbook/port";
import { isAddInNote, sequentialUpdate } from "../../workbook/port";
import { HostError, ProtectedSheets, refuseTableAppends } from "../hostError";

/** One worksheet held in memory: the cells a user sees plus the layout the add-in last wrote. */
export class MemorySheet {
  /** Renamed through MemoryWorkbook.renameSheet, which keeps names unique. */
  name: string;
  /**
   * Non-empty cells by zero-based row, then column. Numeric keys rather than "row,col" strings: the
   * preview and the tests hold workbooks of 100,000 monitoring rows, and string keys made every
   * cell access build and hash a string.
   */
  private readonly rows = new Map<number, Map<number, CellValue>>();
  layout: SheetLayout | null = null;
  /** Fills written in place after the layout (validation's marks), in the order written. */
  private patchFills: RectFormat[] = [];
  /** Cell notes by "row,col". */
  private readonly notes = new Map<string, string>();
  /**
   * A protection a user set (Review → Protect Sheet), over the layout's; `password` whether it has
   * one. Null: the layout's protection, if any, is in force.
   */
  private userProtection: (SheetProtection & { readonly password: boolean }) | null = null;

  constructor(name: string) {
    this.name = name;
  }

  /** The cell's value, or null when it is empty. */
  get(row: number, col: number): CellValue {
    return this.rows.get(row)?.get(col) ?? null;
  }

  /** Sets one cell, the way a user types into it. "" and null empty the cell. */
  set(row: number, col: number, value: CellValue): void {
    const cells = this.rows.get(row);
    if (value === null || value === "") {
      cells?.delete(col);
      if (cells?.size === 0) this.rows.delete(row);
    } else if (cells) {
      cells.set(col, value);
    } else {
      this.rows.set(row, new Map([[col, value]]));
    }
  }

  /** The used range: the smallest rectangle holding every non-empty cell, or null. */
  usedRect(): CellRect | null {
    if (this.rows.size === 0) return null;
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, cells] of this.rows) {
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      for (const c of cells.keys()) {
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
  }

  /** Values of a rectangle, empty cells as "" (as Office.js reports them). */
  valuesOf(rect: CellRect): CellValue[][] {
    const rows: CellValue[][] = [];
    for (let r = 0; r < rect.rowCount; r += 1) {
      const cells = this.rows.get(rect.row + r);
      const row: CellValue[] = [];
      for (let c = 0; c < rect.colCount; c += 1) row.push(cells?.get(rect.col + c) ?? "");
      rows.push(row);
    }
    return rows;
  }

  /**
   * Empties the sheet for a layout written over it: values, layout and fills go; notes stay at
   * their cells, as in Excel, where a sheet is rewritten in place and a note belongs to its cell.
   */
  clear(): void {
    this.rows.clear();
    this.layout = null;
    this.patchFills = [];
  }

  /** The cell's note, or null. */
  noteAt(row: number, col: number): string | null {
    return this.notes.get(`${row},${col}`) ?? null;
  }

  /** Every note, with its zero-based cell. */
  allNotes(): { row: number; col: number; text: string }[] {
    return [...this.notes].map(([key, text]) => {
      const [row, col] = key.split(",").map(Number) as [number, number];
      return { row, col, text };
    });
  }

  /** Sets or removes one note, the way a user would ("" removes it). */
  setNote(row: number, col: number, text: string): void {
    if (text === "") this.notes.delete(`${row},${col}`);
    else this.notes.set(`${row},${col}`, text);
  }

  /** Writes a patch: values, then fills, then the add-in's notes cleared and written anew. */
  applyPatch(patch: SheetPatch): void {
    for (const { rect, values } of patch.values) {
      values.forEach((row, r) => {
        row.forEach((value, c) => {
          this.set(rect.row + r, rect.col + c, value);
        });
      });
    }
    for (const { rect, fill } of patch.fills) this.patchFills.push({ rect, fill });
    const clear = patch.clearNotes;
    if (clear) {
      for (const { row, col, text } of this.allNotes()) {
        if (contains(clear, row, col) && isAddInNote(text)) this.setNote(row, col, "");
      }
    }
    for (const { row, col, text } of patch.notes) this.setNote(row, col, text);
  }

  /** The last format that set `pick` on the cell: the layout's in order, then the fills written in place. */
  formatAt<K extends keyof RectFormat>(row: number, col: number, pick: K): RectFormat[K] | undefined {
    let found: RectFormat[K] | undefined;
    for (const format of [...(this.layout?.formats ?? []), ...this.patchFills]) {
      if (format[pick] !== undefined && contains(format.rect, row, col)) found = format[pick];
    }
    return found;
  }

  /**
   * Whether a cell is locked on a protected sheet (the layout's protection, see
   * SheetLayout.protection): null where the sheet is not protected.
   */
  lockedAt(row: number, col: number): boolean | null {
    const protection = this.protection();
    if (protection === null) return null;
    return !protection.unlocked.some((rect) => contains(rect, row, col));
  }

  /** The protection in force: the user's, or else the layout's; null where the sheet is not protected. */
  protection(): SheetProtection | null {
    return this.userProtection ?? this.layout?.protection ?? null;
  }

  /** Whether the protection in force has a password (only a user's can). */
  hasPassword(): boolean {
    return this.userProtection?.password === true;
  }

  /** Forgets a user's protection (without a password) for the layout's own, which a write brings. */
  dropUserProtection(): void {
    if (this.userProtection?.password === false) this.userProtection = null;
  }

  /** Protects the sheet as a user would (Review → Protect Sheet), with or without a password. */
  protect(protection: SheetProtection, options: { readonly password: boolean }): void {
    this.userProtection = { unlocked: protection.unlocked, password: options.password };
  }

  validationAt(row: number, col: number): RectValidation | undefined {
    return this.layout?.validations.find((v) => contains(v.rect, row, col));
  }
}

/**
 * Refuses (HostError "sheet_protected", as the file and Office hosts do) a write into sheets a
 * user protected with a password: only who knows it may lift it. Nothing is written.
 */
function assertNoPassword(sheets: readonly (MemorySheet | undefined)[]): void {
  const names = [...new Set(sheets.filter((s) => s?.hasPassword() === true).map((s) => s?.name ?? ""))];
  if (names.length === 0) return;
  const message = `The sheets ${names.map((n) => `"${n}"`).join(", ")} are protected with a password; nothing was written.`;
  throw new HostError("sheet_protected", message, { cause: new ProtectedSheets(names, message) });
}

function contains(rect: CellRect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount
  );
}

/**
 * A workbook held in memory: the host of the tests and of the browser preview. It keeps the same
 * rules as Excel where the workbook layer could break them (unique sheet names, ignoring case).
 *
 * @example
 * const book = new MemoryWorkbook();
 * await generateWorkbook(book.port, plan, { locale: "zh-CN" });
 * book.sheet("附件1 任务清单")?.get(3, 0); // 1
 */
export class MemoryWorkbook {
  private readonly sheets: MemorySheet[] = [];
  /** The sheet shown to the user, by name. */
  activeSheet: string | null = null;
  /** How many read and write calls the port has served (the workbook layer should need one of each). */
  readonly calls = { read: 0, write: 0 };

  readonly port: WorkbookPort = (() => {
    const read: WorkbookPort["read"] = (names) => Promise.resolve(this.read(names));
    // A throw becomes a rejection, as the port's callers expect from every host.
    const write: WorkbookPort["write"] = (batch) =>
      new Promise((resolve) => {
        this.write(batch);
        resolve();
      });
    return { read, write, update: sequentialUpdate(read, write), features: { notes: true, charts: true } };
  })();

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Adds an empty sheet, as a user would. */
  addSheet(name: string): MemorySheet {
    if (this.sheet(name)) throw new HostError("excel_rejected", `A sheet named "${name}" already exists.`);
    const sheet = new MemorySheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Renames a sheet, as a user would; the sheet keeps its cells, tables and formats. */
  renameSheet(name: string, newName: string): void {
    const sheet = this.sheet(name);
    const clash = this.sheet(newName);
    if (!sheet) throw new HostError("excel_rejected", `There is no sheet named "${name}".`);
    if (clash && clash !== sheet)
      throw new HostError("excel_rejected", `A sheet named "${newName}" already exists.`);
    sheet.name = newName;
  }

  removeSheet(name: string): void {
    const index = this.sheets.findIndex((s) => s.name === name);
    if (index >= 0) this.sheets.splice(index, 1);
  }

  private read(names: readonly string[]): WorkbookSnapshot {
    this.calls.read += 1;
    const sheets = new Map<string, SheetSnapshot>();
    for (const name of names) {
      const sheet = this.sheet(name);
      if (!sheet || sheets.has(name)) continue;
      const used = sheet.usedRect();
      sheets.set(name, {
        name: sheet.name,
        startRow: used?.row ?? 0,
        startCol: used?.col ?? 0,
        values: used ? sheet.valuesOf(used) : [],
        tables: sheet.layout?.tables.map((t) => t.name) ?? [],
        tableRects: sheet.layout?.tables.map((t) => ({ name: t.name, rect: t.rect })) ?? [],
      });
    }
    const tableNames = this.sheets.flatMap((s) => s.layout?.tables.map((t) => t.name) ?? []);
    return { sheetNames: this.sheetNames(), sheets, tableNames };
  }

  private write(batch: WriteBatch): void {
    this.calls.write += 1;
    refuseTableAppends(batch);
    // Check the whole batch first, so that a rejected batch changes nothing (as one Excel request).
    const replaced = new Set(batch.sheets.map((s) => s.layout.name.toLowerCase()));
    for (const patch of batch.patches ?? []) {
      if (!this.sheet(patch.sheet) || replaced.has(patch.sheet.toLowerCase())) {
        throw new HostError("excel_rejected", `There is no sheet named "${patch.sheet}" to patch.`);
      }
    }
    for (const { layout, mode } of batch.sheets) {
      const existing = this.sheet(layout.name);
      if (mode === "create" && existing) {
        throw new HostError("excel_rejected", `A sheet named "${layout.name}" already exists.`);
      }
      if (mode === "replace" && !existing) {
        throw new HostError("excel_rejected", `There is no sheet named "${layout.name}" to replace.`);
      }
    }
    assertNoPassword([
      ...batch.sheets.filter(({ mode }) => mode === "replace").map(({ layout }) => this.sheet(layout.name)),
      ...(batch.patches ?? []).map((patch) => this.sheet(patch.sheet)),
    ]);
    for (const { layout, mode } of batch.sheets) {
      const sheet = mode === "create" ? this.addSheet(layout.name) : this.sheet(layout.name);
      if (!sheet) continue;
      // A protection without a password is lifted around the write and put back as it was (the
      // layout's own unlocked cells where it brings them, as a unit's workbook generated again does).
      const kept = sheet.layout?.protection;
      sheet.clear();
      if (layout.protection !== undefined) sheet.dropUserProtection();
      layout.values.forEach((row, r) => {
        row.forEach((value, c) => {
          sheet.set(r, c, value);
        });
      });
      sheet.layout =
        layout.protection === undefined && kept !== undefined ? { ...layout, protection: kept } : layout;
    }
    for (const patch of batch.patches ?? []) this.sheet(patch.sheet)?.applyPatch(patch);
    if (batch.activate !== null) this.activeSheet = batch.activate;
  }
}
