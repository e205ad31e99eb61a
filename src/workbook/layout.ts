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

export interface PrintLayout {
  readonly orientation: "landscape" | "portrait";
  readonly paperSize: "A4";
  /** Rows repeated on every printed page, zero-based inclusive. */
  readonly titleRows: { readonly first: number; readonly last: number };
  /** Columns repeated on every printed page (zero-based inclusive), for sheets wider than a page; or null. */
  readonly titleColumns: { readonly first: number; readonly last: number } | null;
  /** Fit all columns on one page width. */
  readonly fitToWidth: boolean;
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
  /** Charts over the sheet's cells (the summary sheet's class-against-target chart). */
  readonly charts?: readonly ChartLayout[];
}
