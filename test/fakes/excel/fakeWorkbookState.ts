/**
 * The workbook a fake Excel holds: plain, inspectable state with Excel's own rules enforced
 * (sheet and table names, overlapping tables, shapes). Proxies in fakeExcel.ts change it only
 * inside `sync()`; tests and harnesses read it directly, and may seed it the way a user would.
 */

export type FakeValue = string | number | boolean;

/** Zero-based rectangle. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** The error codes Office.js uses (OfficeExtension.ErrorCodes / Excel.ErrorCodes) that the fake raises. */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "InvalidArgument"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidReference"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ApiNotFound"
  | "InvalidRequestContext"
  | "ValueNotLoaded"
  | "AccessDenied"
  | "GeneralException";

/** Shaped like OfficeExtension.Error: name "RichApi.Error", a code, a message. */
export class FakeRichApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: FakeErrorCode;
  constructor(code: FakeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type FormatProp =
  | "numberFormat"
  | "fill"
  | "fontColor"
  | "bold"
  | "fontSize"
  | "wrapText"
  | "horizontalAlignment"
  | "verticalAlignment";

/** Excel's defaults for a cell nobody formatted. */
export const FORMAT_DEFAULTS: Readonly<Record<FormatProp, unknown>> = {
  numberFormat: "General",
  fill: null,
  fontColor: "#000000",
  bold: false,
  fontSize: 11,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
};

/** Formats are layers of rectangles (latest wins), so a 10,000-row column costs one entry, not 10,000. */
export interface FormatLayer {
  readonly rect: Rect;
  /** "reset" puts every format property back to its default. */
  readonly prop: FormatProp | "reset";
  readonly value: unknown;
}

/** Office-shaped rule and alert, as `range.dataValidation.rule` / `errorAlert` take them. */
export interface FakeValidation {
  readonly rect: Rect;
  /** null: cleared. */
  readonly rule: Record<string, unknown> | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string } | null;
}

export interface FakeTable {
  readonly id: string;
  name: string;
  readonly sheetId: string;
  /** Changes only through Table.resize. */
  rect: Rect;
  style: string;
  showFilterButton: boolean;
}

export interface FakePageLayout {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  /** e.g. "$3:$3". */
  printTitleRows: string | null;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printGridlines: boolean;
  /** e.g. "$A:$B". */
  printTitleColumns: string | null;
}

/** A cell note (ExcelApi 1.18): one per cell. */
export interface FakeNote {
  content: string;
  readonly authorName: string;
}

/**
 * A comment thread (ExcelApi 1.10) on one cell: its first entry's text and author; replies are
 * not modelled (deleting a comment deletes its thread).
 */
export interface FakeComment {
  readonly id: string;
  content: string;
  readonly authorName: string;
  /** The cell, as a cell key. */
  readonly key: number;
}

/** A chart over a block of cells, as `worksheet.charts.add(type, range, seriesBy)` makes it. */
export interface FakeChart {
  readonly id: string;
  name: string;
  readonly type: string;
  readonly source: Rect;
  readonly seriesBy: "Auto" | "Columns" | "Rows";
  title: string;
  /** The cells the chart covers (top-left cell to bottom-right cell), or null where Excel put it. */
  position: Rect | null;
  readonly valueAxis: { minimum: number | null; maximum: number | null; title: string };
}

/** Excel's default column: 8.43 characters = 64 px = 48 pt; default row 15 pt. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;
export const DEFAULT_ROW_HEIGHT_POINTS = 15;

export class FakeSheetState {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** "" for none, as Office reports it. */
  tabColor = "";
  deleted = false;
  /**
   * Review → Protect Sheet with Excel's default options (select cells only). Excel then refuses
   * every change to the sheet's cells, formats, tables, notes, charts and page set-up; see
   * `refuseOnProtectedSheet` in fakeProxy.ts.
   */
  protected = false;
  readonly values = new Map<number, FakeValue>();
  readonly formulas = new Map<number, string>();
  readonly formatLayers: FormatLayer[] = [];
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Notes by cell key (row-major, so the map sorted by key is Excel's order). */
  readonly notes = new Map<number, FakeNote>();
  /**
   * Comment threads in the order they were made: not row by row, so that a host that needs a
   * comment's cell must ask for it (Comment.getLocation) rather than infer it from the position.
   */
  readonly comments: FakeComment[] = [];
  readonly charts: FakeChart[] = [];
  freeze = { rows: 0, columns: 0 };
  page: FakePageLayout = {
    orientation: "Portrait",
    paperSize: "Letter",
    printTitleRows: null,
    zoom: { scale: 100 },
    printGridlines: false,
    printTitleColumns: null,
  };

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  valueAt(row: number, col: number): FakeValue {
    return this.values.get(key(row, col)) ?? "";
  }

  /** A deep copy, for tests that run many times from the same workbook. */
  clone(): FakeSheetState {
    const copy = new FakeSheetState(this.id, this.name);
    copy.visibility = this.visibility;
    copy.tabColor = this.tabColor;
    copy.deleted = this.deleted;
    copy.protected = this.protected;
    for (const [k, v] of this.values) copy.values.set(k, v);
    for (const [k, v] of this.formulas) copy.formulas.set(k, v);
    copy.formatLayers.push(...this.formatLayers);
    for (const v of this.validations)
      copy.validations.push({ ...v, errorAlert: v.errorAlert && { ...v.errorAlert } });
    copy.conditionalFormats.push(...this.conditionalFormats);
    for (const [k, v] of this.columnWidths) copy.columnWidths.set(k, v);
    for (const [k, v] of this.rowHeights) copy.rowHeights.set(k, v);
    for (const [k, v] of this.notes) copy.notes.set(k, { ...v });
    for (const c of this.comments) copy.comments.push({ ...c });
    for (const chart of this.charts) copy.charts.push({ ...chart, valueAxis: { ...chart.valueAxis } });
    copy.freeze = { ...this.freeze };
    copy.page = { ...this.page, zoom: { ...this.page.zoom } };
    return copy;
  }

  formatAt(row: number, col: number, prop: FormatProp): unknown {
    for (let i = this.formatLayers.length - 1; i >= 0; i -= 1) {
      const layer = this.formatLayers[i]!;
      if ((layer.prop === prop || layer.prop === "reset") && contains(layer.rect, row, col)) {
        return layer.prop === "reset" ? FORMAT_DEFAULTS[prop] : layer.value;
      }
    }
    return FORMAT_DEFAULTS[prop];
  }

  setFormat(rect: Rect, prop: FormatProp, value: unknown): void {
    this.pushLayer({ rect, prop, value });
  }

  /** Adds a layer, dropping the earlier ones it hides entirely (so that layers do not pile up). */
  private pushLayer(layer: FormatLayer): void {
    for (let i = this.formatLayers.length - 1; i >= 0; i -= 1) {
      const earlier = this.formatLayers[i]!;
      const hidden =
        (layer.prop === "reset" || layer.prop === earlier.prop) && containsRect(layer.rect, earlier.rect);
      if (hidden) this.formatLayers.splice(i, 1);
    }
    this.formatLayers.push(layer);
  }

  /** Adds a rule (or a clearing, rule null), dropping earlier ones it covers entirely. */
  addValidation(validation: FakeValidation): void {
    for (let i = this.validations.length - 1; i >= 0; i -= 1) {
      if (containsRect(validation.rect, this.validations[i]!.rect)) this.validations.splice(i, 1);
    }
    this.validations.push(validation);
  }

  validationAt(row: number, col: number): FakeValidation | null {
    for (let i = this.validations.length - 1; i >= 0; i -= 1) {
      const v = this.validations[i]!;
      if (contains(v.rect, row, col)) return v.rule === null ? null : v;
    }
    return null;
  }

  /** The used range: the bounding box of non-empty cells, plus formatted cells unless valuesOnly. */
  usedRect(valuesOnly: boolean, within: Rect | null = null): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const include = (whole: Rect): void => {
      const r = within === null ? whole : intersect(whole, within);
      if (r === null) return;
      top = Math.min(top, r.row);
      left = Math.min(left, r.col);
      bottom = Math.max(bottom, r.row + r.rowCount - 1);
      right = Math.max(right, r.col + r.colCount - 1);
    };
    for (const k of this.values.keys())
      include({ row: Math.floor(k / EXCEL_COLUMNS), col: k % EXCEL_COLUMNS, rowCount: 1, colCount: 1 });
    for (const k of this.formulas.keys())
      include({ row: Math.floor(k / EXCEL_COLUMNS), col: k % EXCEL_COLUMNS, rowCount: 1, colCount: 1 });
    // Formatted cells count too (an approximation: later resets do not shrink it, as in Excel
    // until the file is saved).
    if (!valuesOnly) for (const layer of this.formatLayers) if (layer.prop !== "reset") include(layer.rect);
    if (bottom < 0) return null;
    return { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
  }

  clearContents(rect: Rect): void {
    for (const map of [this.values, this.formulas]) {
      for (const k of [...map.keys()]) {
        if (contains(rect, Math.floor(k / EXCEL_COLUMNS), k % EXCEL_COLUMNS)) map.delete(k);
      }
    }
  }

  clearFormats(rect: Rect): void {
    this.pushLayer({ rect, prop: "reset", value: null });
  }
}

export function key(row: number, col: number): number {
  return row * EXCEL_COLUMNS + col;
}

export function contains(rect: Rect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount
  );
}

/** Whether `inner` lies within `outer`. */
export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount
  );
}

/** The cells two rectangles share, or null. */
export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.col + a.colCount, b.col + b.colCount);
  return bottom > row && right > col ? { row, col, rowCount: bottom - row, colCount: right - col } : null;
}

/** How many cells of the rectangle hold a value or a formula (the sheet's stored cells, not the rectangle's). */
export function countFilled(sheet: FakeSheetState, rect: Rect): number {
  let count = 0;
  for (const k of new Set([...sheet.values.keys(), ...sheet.formulas.keys()])) {
    if (contains(rect, Math.floor(k / EXCEL_COLUMNS), k % EXCEL_COLUMNS)) count += 1;
  }
  return count;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.col < b.col + b.colCount &&
    b.col < a.col + a.colCount
  );
}

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
  activeSheetId: string | null = null;
  private nextId = 1;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheetId = this.sheets[0]?.id ?? null;
  }

  /** A deep copy of the whole workbook, for tests that run many times from the same one. */
  clone(): FakeWorkbookState {
    const copy = new FakeWorkbookState([]);
    copy.sheets.push(...this.sheets.map((s) => s.clone()));
    copy.tables.push(...this.tables.map((t) => ({ ...t })));
    for (const [k, v] of this.settings) copy.settings.set(k, v);
    copy.activeSheetId = this.activeSheetId;
    copy.nextId = this.nextId;
    return copy;
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

// ————————————————————————————————————————————— A1 ————————————————————————————————————————————————

export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits "'附件1 任务清单'!A1:B2" into sheet name and address. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replaceAll("''", "'");
  return { sheet, ref: address.slice(bang + 1) };
}

/** "A1", "$A$1:$C$3", "3:5" (whole rows), "A:C" (whole columns) → rect. */
export function parseA1(ref: string): Rect {
  const clean = ref.replaceAll("$", "").toUpperCase();
  const [first, second = first] = clean.split(":") as [string, string?];
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const rowOnly = /^(\d+)$/;
  const colOnly = /^([A-Z]{1,3})$/;
  const a = cell.exec(first);
  const b = cell.exec(second);
  if (a !== null && b !== null) {
    const r1 = Number(a[2]) - 1;
    const r2 = Number(b[2]) - 1;
    const c1 = columnIndex(a[1]!);
    const c2 = columnIndex(b[1]!);
    return {
      row: Math.min(r1, r2),
      col: Math.min(c1, c2),
      rowCount: Math.abs(r2 - r1) + 1,
      colCount: Math.abs(c2 - c1) + 1,
    };
  }
  const ra = rowOnly.exec(first);
  const rb = rowOnly.exec(second);
  if (ra !== null && rb !== null) {
    const r1 = Number(ra[1]) - 1;
    const r2 = Number(rb[1]) - 1;
    return { row: Math.min(r1, r2), col: 0, rowCount: Math.abs(r2 - r1) + 1, colCount: EXCEL_COLUMNS };
  }
  const ca = colOnly.exec(first);
  const cb = colOnly.exec(second);
  if (ca !== null && cb !== null) {
    const c1 = columnIndex(ca[1]!);
    const c2 = columnIndex(cb[1]!);
    return { row: 0, col: Math.min(c1, c2), rowCount: EXCEL_ROWS, colCount: Math.abs(c2 - c1) + 1 };
  }
  throw new FakeRichApiError("InvalidArgument", `“${ref}” is not an A1 address.`);
}

export function formatA1(rect: Rect): string {
  const first = `${columnLetters(rect.col)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.colCount === 1) return first;
  return `${first}:${columnLetters(rect.col + rect.colCount - 1)}${rect.row + rect.rowCount}`;
}

/** Excel quotes a sheet name in an address when it holds anything but letters, digits and _. */
export function qualifiedAddress(sheetName: string, rect: Rect): string {
  const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName)
    ? sheetName
    : `'${sheetName.replaceAll("'", "''")}'`;
  return `${quoted}!${formatA1(rect)}`;
}

// ——————————————————————————————————————— typing a value ——————————————————————————————————————————

/** Days from Excel's epoch (1899-12-30) to an ISO date, or null when it is not a date. */
export function serialFromIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The year the fake's clock says it is: Excel completes "1/2" with the current year. */
export const FAKE_YEAR = 2023;

/** What Excel keeps for something typed into a cell (or written through Range.values). */
export interface TypedCell {
  /** The cell's value; absent where a formula is stored instead. */
  readonly value?: FakeValue;
  readonly formula?: string;
  /** The number format Excel gives a General cell that the typing retyped ("1/2" → a date). */
  readonly numberFormat?: string;
}

/**
 * What Excel stores for a value written through `range.values`: as if typed. A leading apostrophe
 * keeps text (and is not kept); a cell formatted as text ("@") keeps text as it is; otherwise
 * text starting with "=", "+" or "-" is a formula ("+A1" becomes "=+A1"), unless it is a number,
 * and text that reads as a number ("12", "1,234", "50%"), a date ("2023-12-31", "1/2",
 * "1/2/2023"), a time ("12:30") or TRUE/FALSE becomes that, a General cell taking the matching
 * number format. A formula Excel cannot parse is refused.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 * https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8
 */
export function typeIntoCell(raw: FakeValue, numberFormat: unknown): TypedCell {
  if (typeof raw !== "string" || raw === "") return { value: raw };
  // The quote prefix marks text whatever the cell's format; it is not part of the value.
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  if (numberFormat === "@") return { value: raw };
  const general = numberFormat === "General";
  const retyped = (value: FakeValue, format: string): TypedCell =>
    general ? { value, numberFormat: format } : { value };
  const trimmed = raw.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) {
    return retyped(Number(trimmed.replaceAll(",", "")), trimmed.includes(".") ? "#,##0.00" : "#,##0");
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) return retyped(Number(trimmed.slice(0, -1)) / 100, "0%");
  if (raw.startsWith("=") || (raw.length > 1 && /^[+-]/.test(raw))) {
    const formula = raw.startsWith("=") ? raw : `=${raw}`;
    checkFormula(formula);
    return { formula };
  }
  const iso = serialFromIsoDate(trimmed);
  if (iso !== null) return retyped(iso, "yyyy-mm-dd");
  const monthDay = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(trimmed);
  if (monthDay !== null) {
    const [month, day, year] = [Number(monthDay[1]), Number(monthDay[2]), Number(monthDay[3] ?? FAKE_YEAR)];
    const serial = serialFromIsoDate(`${year}-${month}-${day}`);
    if (serial !== null) return retyped(serial, monthDay[3] === undefined ? "d-mmm" : "m/d/yyyy");
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  if (time !== null && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) {
    const fraction = (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400;
    return retyped(fraction, time[3] === undefined ? "h:mm" : "h:mm:ss");
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  return { value: raw };
}

/** The value Excel stores for a typed value (see typeIntoCell), "" for a formula. */
export function enterValue(raw: FakeValue, numberFormat: unknown): FakeValue {
  return typeIntoCell(raw, numberFormat).value ?? "";
}

/**
 * What Excel refuses as a formula ("There's a problem with this formula"): nothing after "=",
 * unbalanced parentheses, brackets or quotes, an operator or a comma with nothing after it.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member
 */
export function checkFormula(formula: string): void {
  const body = formula.slice(1).trim();
  let depth = 0;
  let brackets = 0;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quote !== null) {
      if (ch === quote) {
        if (body[i + 1] === quote) i += 1;
        else quote = null;
      }
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth += 1;
    else if (ch === ")") depth -= 1;
    else if (ch === "[") brackets += 1;
    else if (ch === "]") brackets -= 1;
    if (depth < 0 || brackets < 0) break;
  }
  const dangling = /[-+*/^&=<>,(]$/.test(body);
  if (body === "" || depth !== 0 || brackets !== 0 || quote !== null || dangling) {
    throw new FakeRichApiError("InvalidArgument", `There's a problem with the formula “${formula}”.`);
  }
}
