import type { Locale } from "../core/locale";

/**
 * The host-neutral description of a worksheet to write: what every host (memory, xlsx, Office.js)
 * renders. Coordinates are zero-based; a host turns them into A1 addresses where it needs to.
 */

/**
 * What a cell holds: text, a number, a boolean, or nothing. Dates are Excel serial numbers. Text
 * that starts with "=" is a formula (as when a user types it); hosts write it as one.
 */
export type CellValue = string | number | boolean | null;

/** A rectangle of cells, zero-based. */
export interface CellRect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** Formats applied to a whole rectangle at once (hosts never format cell by cell). */
export interface RectFormat {
  readonly rect: CellRect;
  /** Excel number format code, e.g. "0.000", "yyyy-mm-dd", "@". */
  readonly numberFormat?: string;
  /** Fill colour, "#RRGGBB". */
  readonly fill?: string;
  /** Font colour, "#RRGGBB". */
  readonly fontColor?: string;
  readonly bold?: boolean;
  /** Font size in points. */
  readonly fontSize?: number;
  readonly wrapText?: boolean;
  readonly horizontalAlignment?: "left" | "center" | "right";
  readonly verticalAlignment?: "top" | "center" | "bottom";
}

/** Excel data validation on a rectangle of entry cells. */
export type ValidationRule =
  /** An inline list; the hosts join it with "," and Excel caps that text at 255 characters. */
  | { readonly kind: "list"; readonly values: readonly string[] }
  /** A list read from cells, for lists longer than 255 characters (e.g. the plan's monitoring points). */
  | { readonly kind: "listRange"; readonly sheet: string; readonly rect: CellRect }
  | { readonly kind: "decimal"; readonly min?: number; readonly max?: number }
  | { readonly kind: "wholeNumber"; readonly min?: number; readonly max?: number }
  /** Dates between two ISO dates, inclusive. */
  | { readonly kind: "date"; readonly from: string; readonly to: string };

export interface RectValidation {
  readonly rect: CellRect;
  readonly rule: ValidationRule;
  /** Shown when the user enters something else (already localized). */
  readonly errorTitle: string;
  readonly errorMessage: string;
  /** Entry columns that take free text beside numbers ("0.01L", "ND") warn instead of stopping the user. */
  readonly errorStyle: "stop" | "warning";
}

/** An Excel Table: the header row is the rect's first row. */
export interface TableLayout {
  /** Workbook-unique table name, e.g. "WP_Tasks". */
  readonly name: string;
  readonly rect: CellRect;
  readonly style: string;
}

/** Page margins in inches, as Excel keeps them. */
export interface PrintMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

export interface PrintLayout {
  readonly orientation: "landscape" | "portrait";
  readonly paperSize: "A4";
  /** Rows repeated on every printed page, zero-based inclusive. */
  readonly titleRows: { readonly first: number; readonly last: number };
  /** Columns repeated on every printed page (zero-based inclusive), for sheets wider than a page; or null. */
  readonly titleColumns: { readonly first: number; readonly last: number } | null;
  /**
   * Print scale in percent (10–400), decided by the layout from its column widths (printScale.ts)
   * so that Excel and LibreOffice print the same pages and text stays readable.
   */
  readonly scale: number;
  readonly margins: PrintMargins;
  /**
   * The columns printed (zero-based, inclusive): the tables' columns, so that empty columns (and
   * text running on past the last column) are not printed. Whole columns, so that rows a user adds
   * below a table print too.
   */
  readonly columns: { readonly first: number; readonly last: number };
  /** Zero-based rows that start a new printed page (a heading kept with its table). */
  readonly rowBreaks: readonly number[];
  /** Print the cell gridlines, so that a printed table has its lines without cell borders. */
  readonly gridlines: boolean;
}

/**
 * A chart drawn from a block of cells: the block's first row holds the series names, its first
 * column the categories. Hosts that cannot draw charts (ExcelJS) skip it; the layout then relies on
 * its coloured cells.
 */
export interface ChartLayout {
  readonly kind: "columnClustered" | "barClustered";
  readonly title: string;
  /** Header row + data rows, category column first. */
  readonly data: CellRect;
  /** The cells the chart covers. */
  readonly anchor: CellRect;
  /** Value axis: lowest and highest value shown, and the labels of the integer steps (e.g. water classes Ⅰ…劣Ⅴ), if any. */
  readonly axis?: { readonly min: number; readonly max: number; readonly title: string };
}

/**
 * The font a sheet in this language is written in: 等线 (DengXian), the font Chinese Excel gives
 * a new workbook, for Chinese; Calibri, English Excel's, for English.
 *
 * @example
 * sheetFont("zh-CN"); // { name: "等线", size: 11 }
 */
export function sheetFont(locale: Locale): { readonly name: string; readonly size: number } {
  return { name: locale === "zh-CN" ? "等线" : "Calibri", size: 11 };
}

/** A whole worksheet as the add-in writes it. */
export interface SheetLayout {
  readonly name: string;
  /** Cells from A1; every row has the same length. */
  readonly values: readonly (readonly CellValue[])[];
  /** Column widths in characters of the default font (Excel's column width unit). */
  readonly columnWidths: readonly number[];
  /** Row heights in points for rows that need one (the title row), by zero-based row index. */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  readonly formats: readonly RectFormat[];
  readonly validations: readonly RectValidation[];
  readonly tables: readonly TableLayout[];
  /** Rows and columns frozen at the top-left. */
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly print: PrintLayout | null;
  readonly visibility: "visible" | "veryHidden";
  /** Tab colour "#RRGGBB" or null. */
  readonly tabColor: string | null;
  /**
   * Merged areas: the note under a sheet's title, merged over the table's width and wrapped, so
   * that a long note prints whole instead of running past the last column.
   */
  readonly merges?: readonly CellRect[];
  /**
   * The sheet's font (name and size in points) for every cell: 等线 in a Chinese workbook, as
   * Chinese Excel writes, Calibri in an English one (sheetFont). Absent: the host's default.
   */
  readonly font?: { readonly name: string; readonly size: number };
  /** Charts over the sheet's cells (the summary sheet's class-against-target chart). */
  readonly charts?: readonly ChartLayout[];
  /**
   * Worksheet protection (Review → Protect Sheet), as a workbook split for a unit has it: every
   * cell locked but the `unlocked` rects (the entry cells). Absent: the sheet is not protected.
   */
  readonly protection?: SheetProtection;
}

/**
 * Worksheet protection without a password (anyone may lift it with Review → Unprotect Sheet: it
 * keeps a unit from changing the plan's columns by mistake, it is no security), with filters,
 * AutoFilter, selecting cells and resizing columns left to users.
 */
export interface SheetProtection {
  /** The cells a user may still change (zero-based rects): the entry cells. */
  readonly unlocked: readonly CellRect[];
}
