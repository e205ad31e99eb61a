/**
 * The workbook a fake Excel holds: plain, inspectable state with Excel's own rules enforced
 * (sheet and table names, overlapping tables, shapes). The fake's proxies (fakeExcel.ts and the
 * files beside it) change it only inside `sync()`; tests and harnesses read it directly, and may
 * seed it the way a user would. Each sheet is a FakeSheetState (fakeSheetState.ts).
 */
import { formatA1, key, overlaps, type Rect } from "./fakeGeometry";
import { undeclaredFormula, type FormulaResults } from "./fakeFormulaResults";
import { FakeRichApiError } from "./fakeRichApiError";
import { FakeSheetState, type FakeTable, type FakeValue } from "./fakeSheetState";
import { appendAll } from "../../../src/core/arrays";

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;
const TABLE_NAME = /^[A-Za-z_\\\p{L}][\p{L}\p{N}_.]*$/u;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$/;
const BUILT_IN_TABLE_STYLE =
  /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

/** The whole workbook. */
export class FakeWorkbookState {
  readonly sheets: FakeSheetState[] = [];
  readonly tables: FakeTable[] = [];
  /** The add-ins' settings persisted with the workbook (Workbook.settings, ExcelApi 1.4). */
  readonly settings = new Map<string, unknown>();
  /**
   * What each formula computes to, by its text, as the tests declare it: Excel hands a formula
   * cell's result to `range.values`, and the fake does not calculate (see fakeFormulaResults.ts).
   */
  readonly formulaResults: FormulaResults = new Map();
  activeSheetId: string | null = null;
  /**
   * The range the user selected, on the sheet of that id; null: A1 of the active sheet (Excel
   * always has a selection). Set by a test as a user's mouse would, or by Range.select().
   */
  selection: { readonly sheetId: string; readonly rect: Rect } | null = null;
  private nextId = 1;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheetId = this.sheets[0]?.id ?? null;
  }

  /** A deep copy of the whole workbook, for tests that run many times from the same one. */
  clone(): FakeWorkbookState {
    const copy = new FakeWorkbookState([]);
    appendAll(
      copy.sheets,
      this.sheets.map((s) => s.clone()),
    );
    appendAll(
      copy.tables,
      this.tables.map((t) => ({ ...t })),
    );
    for (const [k, v] of this.settings) copy.settings.set(k, v);
    for (const [k, v] of this.formulaResults) copy.formulaResults.set(k, v);
    copy.activeSheetId = this.activeSheetId;
    copy.selection = this.selection;
    copy.nextId = this.nextId;
    return copy;
  }

  /**
   * Declares what a formula computes to wherever it stands, e.g. `declareFormula("=1+2", 3)`;
   * an error result is its text, `declareFormula("=1/0", "#DIV/0!")`.
   */
  declareFormula(formula: string, value: FakeValue): void {
    this.formulaResults.set(formula, value);
  }

  /** What `range.values` hands over for a cell: its value, or its formula's declared result. */
  displayedValue(sheet: FakeSheetState, row: number, col: number): FakeValue {
    const formula = sheet.formulas.get(key(row, col));
    if (formula === undefined) return sheet.valueAt(row, col);
    const result = this.formulaResults.get(formula);
    if (result === undefined) {
      const cell = formatA1({ row, col, rowCount: 1, colCount: 1 });
      return undeclaredFormula(`${sheet.name}!${cell}`, formula);
    }
    return result;
  }

  sheetByName(name: string): FakeSheetState | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** The sheet the user sees, or undefined in a workbook with no sheets yet. */
  activeSheet(): FakeSheetState | undefined {
    return this.activeSheetId === null ? undefined : this.sheetById(this.activeSheetId);
  }

  sheetById(id: string): FakeSheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Excel's rules: 1–31 characters, none of : \ / ? * [ ], no leading/trailing ', unique ignoring case, not "History". */
  checkSheetName(name: string, except?: FakeSheetState): void {
    if (name.length === 0 || name.length > 31) {
      throw new FakeRichApiError("InvalidArgument", `Sheet name “${name}” must be 1–31 characters.`);
    }
    if (FORBIDDEN_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeRichApiError("InvalidArgument", `Sheet name “${name}” holds a character Excel forbids.`);
    }
    if (name.toLowerCase() === "history") {
      throw new FakeRichApiError("InvalidArgument", "“History” is reserved by Excel.");
    }
    const clash = this.sheetByName(name);
    if (clash !== undefined && clash !== except) {
      throw new FakeRichApiError("ItemAlreadyExists", `A sheet named “${name}” already exists.`);
    }
  }

  /** A fresh id for a chart or another object Excel numbers. */
  newId(kind: string): string {
    return `{${kind}-${this.nextId++}}`;
  }

  addSheet(name?: string): FakeSheetState {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`) !== undefined) n += 1;
      sheetName = `Sheet${n}`;
    }
    this.checkSheetName(sheetName);
    const sheet = new FakeSheetState(`{SHEET-${this.nextId++}}`, sheetName);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: FakeSheetState): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeRichApiError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (let i = this.tables.length - 1; i >= 0; i -= 1)
      if (this.tables[i]!.sheetId === sheet.id) this.tables.splice(i, 1);
    // Formulas that pointed at the sheet now say #REF!, as in Excel.
    const reference = new RegExp(
      `(?:'${escapeRegExp(sheet.name.replaceAll("'", "''"))}'|${escapeRegExp(sheet.name)})!\\$?[A-Z]+\\$?\\d+(?::\\$?[A-Z]+\\$?\\d+)?`,
      "g",
    );
    for (const other of this.sheets) {
      for (const [k, formula] of other.formulas) other.formulas.set(k, formula.replace(reference, "#REF!"));
    }
    if (this.activeSheetId === sheet.id) this.activeSheetId = visible.find((s) => s !== sheet)?.id ?? null;
  }

  setVisibility(sheet: FakeSheetState, visibility: FakeSheetState["visibility"]): void {
    if (visibility !== "Visible") {
      const others = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
      if (others.length === 0) {
        throw new FakeRichApiError("InvalidOperation", "Excel cannot hide the last visible sheet.");
      }
      if (this.activeSheetId === sheet.id) this.activeSheetId = others[0]!.id;
    }
    sheet.visibility = visibility;
  }

  activate(sheet: FakeSheetState): void {
    if (sheet.visibility !== "Visible") {
      throw new FakeRichApiError("InvalidOperation", `Hidden sheet “${sheet.name}” cannot be activated.`);
    }
    this.activeSheetId = sheet.id;
  }

  /** Table names: valid (letter, _ or \ first; letters, digits, _ and . after; not a cell reference), unique in the workbook ignoring case. */
  checkTableName(name: string, except?: FakeTable): void {
    if (name.length === 0 || name.length > 255 || !TABLE_NAME.test(name) || CELL_LIKE.test(name)) {
      throw new FakeRichApiError("InvalidArgument", `“${name}” is not a valid table name.`);
    }
    const clash = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (clash !== undefined && clash !== except) {
      throw new FakeRichApiError("InvalidArgument", `A table named “${name}” already exists.`);
    }
  }

  checkTableStyle(style: string): void {
    if (!BUILT_IN_TABLE_STYLE.test(style)) {
      throw new FakeRichApiError("InvalidArgument", `Table style “${style}” does not exist.`);
    }
  }

  /** Adds a table; with headers, blank header cells become "ColumnN" and repeats get a number, as Excel does. */
  addTable(sheet: FakeSheetState, rect: Rect, hasHeaders: boolean): FakeTable {
    // workbook.tables.add names its sheet in its address: the proxy cannot see it before this.
    if (sheet.protected) {
      throw new FakeRichApiError(
        "AccessDenied",
        `tables.add: the sheet “${sheet.name}” is protected. You cannot perform the requested operation.`,
      );
    }
    if (this.tables.some((t) => t.sheetId === sheet.id && overlaps(t.rect, rect))) {
      throw new FakeRichApiError("InvalidArgument", "A table cannot overlap another table.");
    }
    refuseMergedCells(sheet, hasHeaders ? rect : { ...rect, row: rect.row - 1, rowCount: rect.rowCount + 1 });
    let n = this.tables.length + 1;
    while (this.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n += 1;
    let tableRect = rect;
    if (hasHeaders) {
      nameHeaders(sheet, rect);
    } else {
      // Without headers Excel inserts a header row above the data.
      tableRect = { ...rect, row: rect.row - 1, rowCount: rect.rowCount + 1 };
    }
    const table: FakeTable = {
      id: `{TABLE-${this.nextId++}}`,
      name: `Table${n}`,
      sheetId: sheet.id,
      rect: tableRect,
      style: "TableStyleMedium2",
      showFilterButton: true,
    };
    this.tables.push(table);
    return table;
  }

  /**
   * Table.resize: the new range keeps the header row and overlaps the old one, and overlaps no
   * other table; headers of new columns are named as tables.add names them.
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
   */
  resizeTable(table: FakeTable, sheet: FakeSheetState, rect: Rect): void {
    if (sheet.id !== table.sheetId)
      throw new FakeRichApiError("InvalidArgument", "The range is on another sheet.");
    if (rect.row !== table.rect.row || !overlaps(rect, table.rect)) {
      throw new FakeRichApiError(
        "InvalidArgument",
        "The new range must overlap the table and keep its header row.",
      );
    }
    if (rect.rowCount < 2)
      throw new FakeRichApiError("InvalidArgument", "A table keeps at least one data row.");
    if (this.tables.some((t) => t !== table && t.sheetId === sheet.id && overlaps(t.rect, rect))) {
      throw new FakeRichApiError("InvalidArgument", "A table cannot overlap another table.");
    }
    refuseMergedCells(sheet, rect);
    nameHeaders(sheet, rect);
    table.rect = rect;
  }

  removeTable(table: FakeTable, keepData: boolean): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    if (!keepData) {
      // Table.delete removes the table's cells' contents and formats with it.
      const sheet = this.sheetById(table.sheetId);
      sheet?.clearContents(table.rect);
      sheet?.clearFormats(table.rect);
    }
  }
}

/**
 * A table over merged cells is refused with Excel's own code and words.
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (MergedRangeConflict)
 */
function refuseMergedCells(sheet: FakeSheetState, rect: Rect): void {
  const merged = sheet.merges.find((area) => overlaps(area, rect));
  if (merged !== undefined) {
    throw new FakeRichApiError(
      "MergedRangeConflict",
      `Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map (${sheet.name}!${formatA1(merged)}).`,
    );
  }
}

/** Blank header cells become "ColumnN" and repeats get a number, as Excel names a table's headers. */
function nameHeaders(sheet: FakeSheetState, rect: Rect): void {
  const seen = new Set<string>();
  for (let c = 0; c < rect.colCount; c += 1) {
    const k = key(rect.row, rect.col + c);
    const raw = sheet.formulas.has(k) ? "" : sheet.valueAt(rect.row, rect.col + c);
    let header = raw === "" ? `Column${c + 1}` : String(raw);
    for (let i = 2; seen.has(header.toLowerCase()); i += 1)
      header = `${String(raw === "" ? "Column" : raw)}${i}`;
    seen.add(header.toLowerCase());
    sheet.formulas.delete(k);
    sheet.values.set(k, header);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
