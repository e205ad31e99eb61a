import type {
  Alignment,
  CellValue as ExcelJsCellValue,
  DataValidation,
  Fill,
  Font,
  TableStyleProperties,
  Workbook,
  Worksheet,
  WorksheetView,
} from "exceljs";
import type {
  CellRect,
  PrintLayout,
  RectFormat,
  RectValidation,
  SheetLayout,
  SheetProtection,
  TableLayout,
  ValidationRule,
} from "../../workbook/layout";
import { HostError } from "../hostError";
import { internalsOf } from "./excelJsInternals";
import { columnLetters } from "../../workbook/a1";
import { toExcelJsValue } from "./toExcelJsValue";

/** Excel's own limits, past which it "repairs" a file (drops the part) instead of opening it. */
const excelLimits = {
  sheetName: 31,
  /** A data validation list typed into the rule (not a range reference). */
  listFormula: 255,
  errorTitle: 32,
  errorMessage: 255,
} as const;

/** The font ExcelJS gives unformatted cells; formatted cells start from it so they look alike. */
const defaultFont: Partial<Font> = { name: "Calibri", size: 11, family: 2 };

/** Excel's last row: a print area to it is whole columns. */
const excelRows = 1_048_576;

/** Bounds for a number rule without min or max: Excel's data validation needs a criterion. */
const unboundedNumber = 1e307;

/**
 * Adds a worksheet to an ExcelJS workbook that renders a SheetLayout: values, widths, heights,
 * formats, data validation, Excel Tables, frozen panes, print setup, visibility and tab colour.
 *
 * `orderNo` places the sheet among the others (ExcelJS sorts tabs by it); pass the old sheet's
 * value when rebuilding a sheet in place.
 *
 * @example
 * const sheet = renderSheetLayout(workbook, layout, nextOrderNo);
 */
export function renderSheetLayout(workbook: Workbook, layout: SheetLayout, orderNo: number): Worksheet {
  assertRenderable(layout);
  const sheet = workbook.addWorksheet(layout.name, {
    state: layout.visibility,
    ...(layout.tabColor === null ? {} : { properties: { tabColor: { argb: argb(layout.tabColor) } } }),
  });
  internalsOf(sheet).orderNo = orderNo;

  const font = layout.font === undefined ? defaultFont : excelJsFont(layout.font);
  // The sheet's font on its columns before any cell exists: ExcelJS starts each new cell from its
  // column's style, and Excel draws empty cells in the column's font.
  const columns = Math.max(layout.columnWidths.length, layout.values[0]?.length ?? 0);
  for (let col = 1; col <= columns; col++) sheet.getColumn(col).font = { ...font };
  writeValues(sheet, layout.values);
  layout.columnWidths.forEach((width, col) => {
    sheet.getColumn(col + 1).width = width;
  });
  for (const { row, height } of layout.rowHeights) sheet.getRow(row + 1).height = height;
  // Tables first: ExcelJS writes a table's header and rows into the cells, and formats applied
  // afterwards must not be undone by that.
  for (const table of layout.tables) addTable(sheet, layout, table);
  for (const format of layout.formats) applyFormat(sheet, format, font);
  for (const validation of layout.validations) addValidation(sheet, validation);
  for (const area of layout.merges ?? []) {
    sheet.mergeCells(area.row + 1, area.col + 1, area.row + area.rowCount, area.col + area.colCount);
  }
  sheet.views = [freezeView(layout.freeze)];
  if (layout.print !== null) renderPrint(sheet, layout.print);
  if (layout.protection !== undefined) renderProtection(sheet, layout.protection);
  return sheet;
}

/**
 * Protect Sheet without a password: the unlocked rects' cells get `protection.locked = false`
 * (every other cell is locked, Excel's default), then the sheet is protected with filters, cell
 * selection and column widths left to users.
 */
function renderProtection(sheet: Worksheet, protection: SheetProtection): void {
  for (const area of protection.unlocked) {
    forEachCell(area, (row, col) => {
      sheet.getCell(row + 1, col + 1).protection = { locked: false };
    });
  }
  // ExcelJS's protect is synchronous for an empty password (no hash to compute); its promise is kept
  // only for the password's sake.
  void sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    autoFilter: true,
  });
}

/**
 * Page setup: A4 in OOXML's ST_PaperSize numbering (9), the layout's scale and margins, print
 * titles, the printed columns as the print area (whole columns, so rows added later print too),
 * manual page breaks and `<printOptions gridLines="1"/>` (Excel and LibreOffice print the grid).
 */
function renderPrint(sheet: Worksheet, print: PrintLayout): void {
  const { first, last } = print.titleRows;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- ExcelJS declares PaperSize but does not export the enum at run time
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: false,
    scale: print.scale,
    margins: { ...print.margins },
    // Whole columns, written with rows (the same range to Excel): ExcelJS cannot read back `$A:$O`.
    printArea: `${columnLetters(print.columns.first)}1:${columnLetters(print.columns.last)}${excelRows}`,
    printTitlesRow: `${first + 1}:${last + 1}`,
    ...(print.titleColumns === null
      ? {}
      : {
          printTitlesColumn: `${columnLetters(print.titleColumns.first)}:${columnLetters(print.titleColumns.last)}`,
        }),
    showGridLines: print.gridlines,
  };
  // ExcelJS's break on row n starts the next page below it: the row above the one that starts a page.
  for (const row of print.rowBreaks) if (row > 0) sheet.getRow(row).addPageBreak();
}

/** Rejects what Excel would refuse to open, before anything is written (ExcelJS would only warn). */
function assertRenderable(layout: SheetLayout): void {
  if (
    layout.name.length === 0 ||
    layout.name.length > excelLimits.sheetName ||
    /[:\\/?*[\]]/.test(layout.name)
  ) {
    throw new HostError("excel_rejected", `Excel does not allow the sheet name "${layout.name}".`);
  }
  for (const { rule } of layout.validations) {
    if (rule.kind === "list" && rule.values.join(",").length > excelLimits.listFormula) {
      throw new HostError(
        "excel_rejected",
        `A dropdown list on sheet "${layout.name}" is longer than Excel's ${excelLimits.listFormula} characters.`,
      );
    }
  }
}

function writeValues(sheet: Worksheet, values: SheetLayout["values"]): void {
  values.forEach((rowValues, r) => {
    const row = sheet.getRow(r + 1);
    rowValues.forEach((value, c) => {
      // Empty cells get no value at all, as Excel writes them, so the used range ends at real data.
      if (value === null || value === "") return;
      row.getCell(c + 1).value = toExcelJsValue(value);
    });
  });
}

function addTable(sheet: Worksheet, layout: SheetLayout, table: TableLayout): void {
  const { rect } = table;
  const headers = uniqueHeaders(layout.values[rect.row], rect);
  // ExcelJS writes these rows into the cells over what writeValues put there: they must be the
  // same ExcelJS values, or a formula kept from the sheet would come back as its text.
  const rows: ExcelJsCellValue[][] = [];
  for (let r = rect.row + 1; r < rect.row + rect.rowCount; r++) {
    const source = layout.values[r] ?? [];
    rows.push(headers.map((_, i) => toExcelJsValue(source[rect.col + i])));
  }
  // Excel needs a data row below the header; an empty one keeps a header-only table valid.
  if (rows.length === 0) rows.push(headers.map(() => null));
  sheet.addTable({
    name: table.name,
    displayName: table.name,
    ref: address(rect.row, rect.col),
    headerRow: true,
    totalsRow: false,
    // ExcelJS types the built-in style names as a union; the layout names one of them.
    style: { theme: table.style as NonNullable<TableStyleProperties["theme"]>, showRowStripes: true },
    // A header's line break must be written `_x000a_` in the table part, or XML readers fold it
    // into a space and Excel finds the column name differs from its header cell.
    columns: headers.map((name) => ({ name: name.replace(/\r?\n/g, "_x000a_"), filterButton: true })),
    rows,
  });
  // ExcelJS copied the (escaped) column names into the header cells: put the real text back.
  headers.forEach((name, i) => {
    sheet.getCell(rect.row + 1, rect.col + i + 1).value = name;
  });
}

/** Excel requires table column names that are non-empty and unique (case-insensitively). */
function uniqueHeaders(headerRow: SheetLayout["values"][number] | undefined, rect: CellRect): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < rect.colCount; i++) {
    const raw = headerRow?.[rect.col + i];
    const base = raw === null || raw === undefined || raw === "" ? `Column${i + 1}` : String(raw);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/**
 * An ExcelJS font for the layout's: no theme scheme, so that Excel shows the named font rather than
 * the theme's (ExcelJS's theme says Calibri); 等线 with the GB 2312 character set, as Chinese Excel
 * writes it.
 */
function excelJsFont(font: NonNullable<SheetLayout["font"]>): Partial<Font> {
  const chinese = /[^ -~]/.test(font.name);
  return { name: font.name, size: font.size, family: 2, ...(chinese ? { charset: 134 } : {}) };
}

function applyFormat(sheet: Worksheet, format: RectFormat, base: Partial<Font>): void {
  const font: Partial<Font> = {
    ...(format.bold === undefined ? {} : { bold: format.bold }),
    ...(format.fontSize === undefined ? {} : { size: format.fontSize }),
    ...(format.fontColor === undefined ? {} : { color: { argb: argb(format.fontColor) } }),
  };
  const alignment: Partial<Alignment> = {
    ...(format.wrapText === undefined ? {} : { wrapText: format.wrapText }),
    ...(format.horizontalAlignment === undefined ? {} : { horizontal: format.horizontalAlignment }),
    ...(format.verticalAlignment === undefined
      ? {}
      : { vertical: format.verticalAlignment === "center" ? "middle" : format.verticalAlignment }),
  };
  const fill: Fill | undefined =
    format.fill === undefined
      ? undefined
      : { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.fill) } };
  const hasFont = Object.keys(font).length > 0;
  const hasAlignment = Object.keys(alignment).length > 0;

  forEachCell(format.rect, (row, col) => {
    const cell = sheet.getCell(row + 1, col + 1);
    // Rectangles may overlap (a column's number format, then the header row's bold): merge, so a
    // later format adds to an earlier one instead of replacing it. Fresh objects per cell, because
    // ExcelJS shares style objects by reference.
    if (format.numberFormat !== undefined) cell.numFmt = format.numberFormat;
    if (fill !== undefined) cell.fill = { ...fill };
    // eslint-disable-next-line office-addins/call-sync-before-read -- an ExcelJS cell, not an Office.js proxy (the rule keys on the name getCell)
    if (hasFont) cell.font = { ...base, ...cell.font, ...font };
    // eslint-disable-next-line office-addins/call-sync-before-read -- as above
    if (hasAlignment) cell.alignment = { ...cell.alignment, ...alignment };
  });
}

function addValidation(sheet: Worksheet, validation: RectValidation): void {
  const { rect } = validation;
  const model: DataValidation = {
    ...validationCriteria(validation.rule),
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: validation.errorStyle,
    errorTitle: validation.errorTitle.slice(0, excelLimits.errorTitle),
    error: validation.errorMessage.slice(0, excelLimits.errorMessage),
  };
  // ExcelJS accepts a range as the key and writes it as one rule with that sqref (one rule per
  // rectangle, as Excel itself stores it), rather than one per cell.
  const ref =
    rect.rowCount === 1 && rect.colCount === 1
      ? address(rect.row, rect.col)
      : `${address(rect.row, rect.col)}:${address(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1)}`;
  internalsOf(sheet).dataValidations.add(ref, model);
}

function validationCriteria(rule: ValidationRule): Pick<DataValidation, "type" | "formulae" | "operator"> {
  switch (rule.kind) {
    case "list":
      return { type: "list", formulae: [listFormula(rule.values)] };
    case "listRange":
      return { type: "list", formulae: [rangeFormula(rule.sheet, rule.rect)] };
    case "decimal":
    case "wholeNumber":
      return {
        type: rule.kind === "decimal" ? "decimal" : "whole",
        ...numberBounds(rule.min, rule.max),
      };
    case "date":
      // ExcelJS turns each formula into a serial with `new Date(formula)`: ISO dates are UTC
      // midnight, so the serial is the whole day.
      return { type: "date", operator: "between", formulae: [rule.from, rule.to] };
  }
}

function numberBounds(
  min: number | undefined,
  max: number | undefined,
): Pick<DataValidation, "formulae" | "operator"> {
  if (min !== undefined && max !== undefined) return { operator: "between", formulae: [min, max] };
  if (min !== undefined) return { operator: "greaterThanOrEqual", formulae: [min] };
  if (max !== undefined) return { operator: "lessThanOrEqual", formulae: [max] };
  return { operator: "between", formulae: [-unboundedNumber, unboundedNumber] };
}

/** A list read from cells: `'监测点位'!$A$2:$A$22`, absolute so that every cell of the rule shares it. */
function rangeFormula(sheet: string, rect: CellRect): string {
  const first = address(rect.row, rect.col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const last = address(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1).replace(
    /^([A-Z]+)(\d+)$/,
    "$$$1$$$2",
  );
  return `'${sheet.replace(/'/g, "''")}'!${first}:${last}`;
}

/** A typed-in list: `"a,b,c"` with quotes doubled, as Excel stores it. */
function listFormula(values: readonly string[]): string {
  return `"${values.join(",").replace(/"/g, '""')}"`;
}

function freezeView(freeze: SheetLayout["freeze"]): Partial<WorksheetView> {
  if (freeze.rows === 0 && freeze.columns === 0) return { state: "normal" };
  return { state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows };
}

function forEachCell(rect: CellRect, visit: (row: number, col: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.col; c < rect.col + rect.colCount; c++) visit(r, c);
  }
}

/** "#1f4e79" → "FF1F4E79" (ExcelJS colours are ARGB). */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/**
 * Zero-based row and column → "A1" address.
 *
 * @example
 * address(2, 27) // "AB3"
 */
export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
