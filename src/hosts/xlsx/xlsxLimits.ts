/**
 * How large a workbook the xlsx host opens, in one place. Bytes alone do not bound the work: a
 * 42 KB file can hold one merged area of ten million cells, and 5 MB can fill a column to row
 * 1,048,576. So the host counts what it will have to hold as the package streams past
 * (surveyPackage), and refuses the file, naming the limit and where it was passed, before any of
 * it is loaded. Every limit leaves room for any real plan workbook: a year of monitoring is a few
 * thousand rows, and 200,000 monitoring rows (33 columns) pass every limit.
 *
 * @example
 * rows > xlsxLimits.rowsPerSheet // refused: the sheet and the row are named
 */
export const xlsxLimits = {
  /** The file on disk (200,000 monitoring rows save to about 30 MB). */
  fileBytes: 64 * 1024 * 1024,
  /** All parts unpacked, as the central directory declares them (each part is held to its declaration). */
  unpackedBytes: 512 * 1024 * 1024,
  /** Parts in the package (a workbook of 50 sheets with tables and notes has a few hundred). */
  entries: 10_000,
  /** `<row>` elements of one worksheet: 1,048,576 is Excel's grid; 300,000 leaves room for 200,000 samples. */
  rowsPerSheet: 300_000,
  /** `<c>` elements of one worksheet: 200,000 rows × 33 columns is 6.6 million. */
  cellsPerSheet: 8_000_000,
  /** `<c>` elements of all worksheets together. */
  cellsPerWorkbook: 10_000_000,
  /** Merged areas of all worksheets (a plan sheet merges a few hundred). */
  mergedAreas: 20_000,
  /** Cells covered by merged areas, all worksheets together: ExcelJS makes an object of every one. */
  mergedCells: 250_000,
  /** Entries of the shared-strings table (every distinct text of the workbook). */
  sharedStrings: 2_000_000,
  /**
   * Cells the ExcelJS model may hold (generating again loads the whole workbook into it, at about
   * 500 bytes a cell, and its writer needs as much again): 4 million cells is about 120,000
   * monitoring rows. Validation does not load big sheets into ExcelJS (see XlsxPatchingWorkbook).
   */
  excelJsCells: 4_000_000,
  /** One start tag (a cell with hundreds of attributes is no spreadsheet's). */
  tagBytes: 64 * 1024,
} as const;

/** The limits counted as a package streams, each refused with where it was passed. */
export type XlsxCountLimit =
  | "entries"
  | "rowsPerSheet"
  | "cellsPerSheet"
  | "cellsPerWorkbook"
  | "mergedAreas"
  | "mergedCells"
  | "sharedStrings"
  | "excelJsCells"
  | "tagBytes";
