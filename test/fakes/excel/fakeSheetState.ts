/**
 * One sheet of the fake workbook as plain, inspectable state: values and formulas by cell key,
 * formats as layers of rectangles, data validation, notes, comments, charts, panes and page set-up.
 * Proxies change it only inside `sync()`; tests read it directly.
 */
import { EXCEL_COLUMNS, contains, containsRect, intersect, key, type Rect } from "./fakeGeometry";
import { appendAll } from "../../../src/core/arrays";

export type FakeValue = string | number | boolean;

export type FormatProp =
  | "numberFormat"
  | "fill"
  | "fontColor"
  | "fontName"
  | "bold"
  | "fontSize"
  | "wrapText"
  | "horizontalAlignment"
  | "verticalAlignment"
  /** Range.format.protection.locked (ExcelApi 1.2): every cell is locked until unlocked. */
  | "locked";

/** Excel's defaults for a cell nobody formatted. */
export const FORMAT_DEFAULTS: Readonly<Record<FormatProp, unknown>> = {
  numberFormat: "General",
  fill: null,
  fontColor: "#000000",
  fontName: "Calibri",
  bold: false,
  fontSize: 11,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  locked: true,
};

/** Excel.WorksheetProtectionOptions as `protection.options` reports them. */
export interface FakeProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: "Normal" | "Unlocked" | "None";
}

/** Review → Protect Sheet's defaults: users may select cells, nothing else. */
export const DEFAULT_PROTECTION_OPTIONS: Readonly<FakeProtectionOptions> = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
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
  /** e.g. "$A:$O". */
  printArea: string | null;
  /** In points, as Office.js takes them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Zero-based rows that start a page (Worksheet.horizontalPageBreaks). */
  rowBreaks: number[];
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
  /**
   * The options the sheet was protected with (WorksheetProtection.protect(options)), every option
   * spelled out as Office reports them; Excel's defaults where protected without options.
   */
  protectionOptions: FakeProtectionOptions = { ...DEFAULT_PROTECTION_OPTIONS };
  readonly values = new Map<number, FakeValue>();
  readonly formulas = new Map<number, string>();
  readonly formatLayers: FormatLayer[] = [];
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: Rect[] = [];
  /**
   * Merged areas (Home → Merge & Center): only the top-left cell holds a value; the others read ""
   * and refuse one; a table may not overlap one; clearing formats unmerges.
   */
  readonly merges: Rect[] = [];
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
    printArea: null,
    // Excel's "Normal" margins: 0.7 in left and right, 0.75 in top and bottom, 0.3 in header and footer.
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    rowBreaks: [],
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
    copy.protectionOptions = { ...this.protectionOptions };
    for (const [k, v] of this.values) copy.values.set(k, v);
    for (const [k, v] of this.formulas) copy.formulas.set(k, v);
    appendAll(copy.formatLayers, this.formatLayers);
    for (const v of this.validations)
      copy.validations.push({ ...v, errorAlert: v.errorAlert && { ...v.errorAlert } });
    appendAll(copy.conditionalFormats, this.conditionalFormats);
    appendAll(copy.merges, this.merges);
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
    // A merge is formatting: Clear Formats (and Clear All) unmerges every area it touches.
    for (let i = this.merges.length - 1; i >= 0; i -= 1) {
      if (intersect(this.merges[i]!, rect) !== null) this.merges.splice(i, 1);
    }
  }

  /** The merged area a cell lies in but does not start (where Excel keeps no value), or null. */
  mergedAwayAt(row: number, col: number): Rect | null {
    for (const area of this.merges) {
      if (contains(area, row, col) && (row !== area.row || col !== area.col)) return area;
    }
    return null;
  }

  /**
   * Merges a rectangle as Home → Merge & Center does: the top-left value stays, the others go.
   * Excel refuses a merge inside a table and one that cuts through another merged area.
   */
  merge(rect: Rect, tables: readonly FakeTable[]): void {
    if (tables.some((t) => t.sheetId === this.id && intersect(t.rect, rect) !== null)) {
      throw new Error("Excel cannot merge cells inside a table.");
    }
    for (let i = this.merges.length - 1; i >= 0; i -= 1) {
      const area = this.merges[i]!;
      if (intersect(area, rect) === null) continue;
      if (!containsRect(rect, area)) throw new Error("Excel cannot merge part of a merged area.");
      this.merges.splice(i, 1);
    }
    for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) {
      for (let c = rect.col; c < rect.col + rect.colCount; c += 1) {
        if (r === rect.row && c === rect.col) continue;
        this.values.delete(key(r, c));
        this.formulas.delete(key(r, c));
      }
    }
    this.merges.push(rect);
  }
}

/** How many cells of the rectangle hold a value or a formula (the sheet's stored cells, not the rectangle's). */
export function countFilled(sheet: FakeSheetState, rect: Rect): number {
  let count = 0;
  for (const k of new Set([...sheet.values.keys(), ...sheet.formulas.keys()])) {
    if (contains(rect, Math.floor(k / EXCEL_COLUMNS), k % EXCEL_COLUMNS)) count += 1;
  }
  return count;
}
