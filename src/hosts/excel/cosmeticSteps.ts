/**
 * Cosmetic steps, the finishing of a sheet: widths and heights, colours, fonts and alignment,
 * dropdowns, table styles, frozen panes, print set-up, charts, visibility and tab colour —
 * everything a failure may skip without losing or hiding anything a user entered.
 */
import { columnLetters } from "../../workbook/a1";
import { chartSteps } from "./chartSteps";
import { mergeFormats, mergeValidations } from "./mergeRects";
import { utf8Bytes } from "./officeRequestPlanner";
import { a1Range, absoluteA1Range, quoteSheetName, rectRange } from "./rectGeometry";
import { cosmeticStep, type Step, type WriteKnowledge } from "./writeStep";
import type { PrintLayout, RectFormat, SheetLayout, ValidationRule } from "../../workbook/layout";
import type { SheetWrite } from "../../workbook/port";
import { appendAll } from "../../core/arrays";

/**
 * Excel stores column width in points; the layout speaks characters of the default font (Calibri
 * 11, maximum digit width 7 px). Excel's own rule is pixels = chars × 7 + 5 (padding), and a pixel
 * is 0.75 pt at 96 dpi, so 8.43 characters → 64 px → 48 pt, Excel's default column.
 *
 * @example
 * pointsFromCharacterWidth(8.43); // ≈ 48
 */
export function pointsFromCharacterWidth(characters: number): number {
  return (characters * 7 + 5) * 0.75;
}

/** Everything of a sheet a failure may skip without losing or hiding anything a user entered. */
export function cosmeticSteps(write: SheetWrite, known: WriteKnowledge): Step[] {
  const { layout, mode } = write;
  const name = layout.name;
  const steps: Step[] = [];
  if (mode === "replace") {
    steps.push(
      cosmeticStep(4, 0, (scope) => {
        const sheet = scope.sheet(name);
        sheet.freezePanes.unfreeze();
        const all = sheet.getRange();
        all.format.useStandardHeight = true;
        all.format.useStandardWidth = true;
      }),
    );
  }
  // Neighbouring columns (rows) of one width (height) are set at once: fewer actions, same sheet.
  for (const { first, count, value } of runs(
    layout.columnWidths.map((width, col) => ({ at: col, value: width })),
  )) {
    steps.push(
      cosmeticStep(2, 0, (scope) => {
        scope.sheet(name).getRangeByIndexes(0, first, 1, count).format.columnWidth =
          pointsFromCharacterWidth(value);
      }),
    );
  }
  for (const { first, count, value } of runs(
    layout.rowHeights.map(({ row, height }) => ({ at: row, value: height })),
  )) {
    steps.push(
      cosmeticStep(2, 0, (scope) => {
        scope.sheet(name).getRangeByIndexes(first, 0, count, 1).format.rowHeight = value;
      }),
    );
  }
  // The sheet's font first, over its cells: the formats after it change size and weight, not the face.
  const font = layout.font;
  const height = layout.values.length;
  const width = layout.values[0]?.length ?? 0;
  if (font !== undefined && height > 0 && width > 0) {
    steps.push(
      cosmeticStep(2, utf8Bytes(font.name), (scope) => {
        scope.sheet(name).getRangeByIndexes(0, 0, height, width).format.font.name = font.name;
      }),
    );
  }
  // The number formats went in with the data; what remains of each format is how it looks.
  const looks = layout.formats.map(
    (f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== "numberFormat")) as RectFormat,
  );
  for (const format of mergeFormats(looks)) {
    const formatting = formatStep(name, format);
    if (formatting !== null) steps.push(formatting);
  }
  for (const validation of mergeValidations(layout.validations)) {
    const rule = toOfficeRule(validation.rule);
    const errorAlert: Excel.DataValidationErrorAlert = {
      showAlert: true,
      style: validation.errorStyle === "stop" ? "Stop" : "Warning",
      title: validation.errorTitle,
      message: validation.errorMessage,
    };
    steps.push(
      cosmeticStep(3, utf8Bytes(JSON.stringify([rule, errorAlert])), (scope) => {
        const range = rectRange(scope.sheet(name), validation.rect);
        range.dataValidation.rule = rule;
        range.dataValidation.errorAlert = errorAlert;
      }),
    );
  }
  // The data step's clear("Formats") unmerged the old sheet's areas, as Excel's Clear Formats does.
  for (const area of layout.merges ?? []) {
    steps.push(
      cosmeticStep(1, 0, (scope) => {
        rectRange(scope.sheet(name), area).merge(false);
      }),
    );
  }
  for (const table of layout.tables) {
    steps.push(
      cosmeticStep(3, utf8Bytes(table.name + table.style), (scope) => {
        const added = scope.sheet(name).tables.getItem(table.name);
        added.style = table.style;
        added.showFilterButton = true;
      }),
    );
  }
  const { rows, columns } = layout.freeze;
  if (rows > 0 || columns > 0) {
    steps.push(
      cosmeticStep(2, 0, (scope) => {
        const panes = scope.sheet(name).freezePanes;
        if (rows > 0 && columns > 0)
          panes.freezeAt(a1Range({ row: 0, col: 0, rowCount: rows, colCount: columns }));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      }),
    );
  }
  const print = layout.print;
  if (print !== null) steps.push(printStep(name, print));
  appendAll(steps, chartSteps(write, known));
  const visibility = layout.visibility === "veryHidden" ? "VeryHidden" : "Visible";
  const tabColor = layout.tabColor ?? "";
  steps.push(
    cosmeticStep(2, 0, (scope) => {
      const sheet = scope.sheet(name);
      sheet.visibility = visibility;
      // "" removes a tab colour the old sheet had.
      sheet.tabColor = tabColor;
    }),
  );
  return steps;
}

/**
 * Page setup (ExcelApi 1.9): paper, orientation, the layout's scale and margins (Office takes them
 * in points), print titles, the printed columns as the print area, page breaks (the old ones
 * removed first, so a rewritten sheet keeps none of them) and gridlines.
 */
function printStep(sheetName: string, print: PrintLayout): Step {
  return cosmeticStep(14 + print.rowBreaks.length, 0, (scope) => {
    const sheet = scope.sheet(sheetName);
    const page = sheet.pageLayout;
    page.printGridlines = print.gridlines;
    page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    page.paperSize = "A4";
    page.leftMargin = print.margins.left * 72;
    page.rightMargin = print.margins.right * 72;
    page.topMargin = print.margins.top * 72;
    page.bottomMargin = print.margins.bottom * 72;
    page.headerMargin = print.margins.header * 72;
    page.footerMargin = print.margins.footer * 72;
    page.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
    if (print.titleColumns !== null) {
      const { first, last } = print.titleColumns;
      page.setPrintTitleColumns(`$${columnLetters(first)}:$${columnLetters(last)}`);
    }
    page.setPrintArea(`${columnLetters(print.columns.first)}:${columnLetters(print.columns.last)}`);
    page.zoom = { scale: print.scale };
    sheet.horizontalPageBreaks.removePageBreaks();
    for (const row of print.rowBreaks) sheet.horizontalPageBreaks.add(`A${row + 1}`);
  });
}

/** Consecutive positions holding one value, as runs: [{ first, count, value }]. */
function runs<T>(entries: readonly { at: number; value: T }[]): { first: number; count: number; value: T }[] {
  const found: { first: number; count: number; value: T }[] = [];
  for (const { at, value } of [...entries].sort((a, b) => a.at - b.at)) {
    const last = found[found.length - 1];
    if (last !== undefined && last.value === value && last.first + last.count === at) last.count += 1;
    else found.push({ first: at, count: 1, value });
  }
  return found;
}

/** A format's colours, font and alignment (its number format is data: see dataSteps); null when it has none. */
function formatStep(sheetName: string, format: SheetLayout["formats"][number]): Step | null {
  let actions = 1;
  if (format.fill !== undefined) actions += 1;
  if (format.fontColor !== undefined) actions += 1;
  if (format.bold !== undefined) actions += 1;
  if (format.fontSize !== undefined) actions += 1;
  if (format.wrapText !== undefined) actions += 1;
  if (format.horizontalAlignment !== undefined) actions += 1;
  if (format.verticalAlignment !== undefined) actions += 1;
  if (actions === 1) return null;
  return cosmeticStep(actions, 0, (scope) => {
    const range = rectRange(scope.sheet(sheetName), format.rect);
    if (format.fill !== undefined) range.format.fill.color = format.fill;
    if (format.fontColor !== undefined) range.format.font.color = format.fontColor;
    if (format.bold !== undefined) range.format.font.bold = format.bold;
    if (format.fontSize !== undefined) range.format.font.size = format.fontSize;
    if (format.wrapText !== undefined) range.format.wrapText = format.wrapText;
    if (format.horizontalAlignment !== undefined) {
      range.format.horizontalAlignment = HORIZONTAL[format.horizontalAlignment];
    }
    if (format.verticalAlignment !== undefined)
      range.format.verticalAlignment = VERTICAL[format.verticalAlignment];
  });
}

// String literals rather than the Excel.* enums: the enums exist only at run time inside Office,
// and the typings accept the literals, so tests run the same code over the fake.
const HORIZONTAL = {
  left: "Left",
  center: "Center",
  right: "Right",
} as const;
const VERTICAL = {
  top: "Top",
  center: "Center",
  bottom: "Bottom",
} as const;

/** Excel data validation for a layout rule; inline lists are a comma-joined literal source. */
function toOfficeRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "listRange":
      // A reference formula, so lists past the 255-character literal limit still drop down.
      return {
        list: {
          inCellDropDown: true,
          source: `=${quoteSheetName(rule.sheet)}!${absoluteA1Range(rule.rect)}`,
        },
      };
    case "decimal":
      return { decimal: boundedRule(rule.min, rule.max, -9.99e307) };
    case "wholeNumber":
      return { wholeNumber: boundedRule(rule.min, rule.max, -1e15) };
    case "date":
      // ISO 8601 text is one of the forms Excel takes for a date criterion.
      return { date: { operator: "Between", formula1: rule.from, formula2: rule.to } };
  }
}

function boundedRule(
  min: number | undefined,
  max: number | undefined,
  lowest: number,
): Excel.BasicDataValidation {
  if (min !== undefined && max !== undefined) {
    return { operator: "Between", formula1: min, formula2: max };
  }
  if (min !== undefined) return { operator: "GreaterThanOrEqualTo", formula1: min };
  if (max !== undefined) return { operator: "LessThanOrEqualTo", formula1: max };
  // Any number at all: Excel has no "is a number" criterion, so ask for one above the lowest it can hold.
  return { operator: "GreaterThanOrEqualTo", formula1: lowest };
}
