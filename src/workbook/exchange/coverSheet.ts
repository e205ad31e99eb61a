import type { Locale } from "../../core/locale";
import type { PlanScope } from "../../core/plan/planScope";
import type { CellValue, RectFormat, SheetLayout } from "../layout";
import { sheetFont } from "../layout";
import { narrowMargins, printScale } from "../printScale";
import { palette } from "../sheetSpec";
import { coverTexts } from "./messages/coverTexts";

/** One plan sheet of a unit's workbook as the cover lists it. */
export interface CoverSheetRow {
  readonly sheet: string;
  readonly rows: number;
  /** The sheet's entry columns' headers, or "all" where every column takes entries. */
  readonly entryColumns: readonly string[] | "all";
}

export interface CoverFacts {
  readonly planTitle: string;
  readonly scope: PlanScope;
  readonly deadline: string | null;
  /** The city's workbook file name, or "". */
  readonly source: string;
  /** The unit's file name, as the cover asks it be kept. */
  readonly fileName: string;
  readonly sheets: readonly CoverSheetRow[];
}

/**
 * The cover sheet (封面/填报说明) of a workbook split for a unit, in the workbook's language: for
 * whom, what to fill (each sheet, its rows and entry columns), the reporting deadline and how to
 * send it back. A plain sheet of text, first tab; the add-in never reads it back.
 *
 * @example
 * const cover = buildCoverLayout({ planTitle, scope, deadline: "2023-07-10", source: "柳州.xlsx", fileName, sheets }, "zh-CN");
 */
export function buildCoverLayout(facts: CoverFacts, locale: Locale): SheetLayout {
  const t = coverTexts[locale];
  const width = 3;
  const columnWidths = [16, 8, 62];
  const line = (...cells: CellValue[]): CellValue[] => [
    ...cells,
    ...new Array<CellValue>(width - cells.length).fill(""),
  ];
  const values: CellValue[][] = [
    line(t.title(facts.planTitle, facts.scope.unit)),
    line(),
    line(t.forWhom, `${facts.scope.unit}（${t.role(facts.scope.by)}）`),
    line(t.deadline, facts.deadline ?? t.noDeadline),
    line(t.from, facts.source),
    line(),
    line(t.what),
    line(...t.sheetsHeader),
    ...facts.sheets.map((s) =>
      line(
        s.sheet,
        s.rows,
        s.entryColumns === "all" ? t.allColumns : s.entryColumns.join(locale === "zh-CN" ? "、" : ", "),
      ),
    ),
    line(),
  ];
  const tableHeader = 7;
  const fillStart = values.length;
  for (const text of t.howToFill) values.push(line(text));
  values.push(line());
  const returnStart = values.length;
  for (const text of t.howToReturn(facts.fileName)) values.push(line(text));
  if (locale === "en-US") {
    // English keeps the label/value pairs readable without the full-width brackets.
    const whom = values[2];
    if (whom) whom[1] = `${facts.scope.unit} (${t.role(facts.scope.by)})`;
  }
  const formats: RectFormat[] = [
    { rect: { row: 0, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 14 },
    { rect: { row: 2, col: 0, rowCount: 3, colCount: 1 }, bold: true },
    { rect: { row: 3, col: 1, rowCount: 1, colCount: 1 }, bold: true, fontColor: "#C00000" },
    { rect: { row: 6, col: 0, rowCount: 1, colCount: 1 }, bold: true },
    {
      rect: { row: tableHeader, col: 0, rowCount: 1, colCount: width },
      bold: true,
      fill: palette.entryHeaderFill,
      fontColor: palette.headerFont,
    },
    {
      rect: { row: tableHeader + 1, col: 0, rowCount: facts.sheets.length, colCount: width },
      wrapText: true,
      verticalAlignment: "top",
    },
    {
      rect: { row: tableHeader, col: 1, rowCount: facts.sheets.length + 1, colCount: 1 },
      horizontalAlignment: "center",
    },
    {
      rect: { row: fillStart, col: 0, rowCount: values.length - fillStart, colCount: 1 },
      fontColor: palette.noteFont,
      wrapText: true,
      verticalAlignment: "top",
    },
  ];
  // Merged cells do not grow to their text when opened: two lines for each instruction.
  const instructionRows = [...Array(values.length - fillStart).keys()]
    .map((i) => fillStart + i)
    .filter((row) => row !== returnStart - 1);
  return {
    name: t.sheetName,
    values,
    columnWidths,
    rowHeights: [{ row: 0, height: 24 }, ...instructionRows.map((row) => ({ row, height: 32 }))],
    formats,
    validations: [],
    tables: [],
    freeze: { rows: 0, columns: 0 },
    // One A4 page, portrait, at the scale where the three columns fit across.
    print: {
      orientation: "portrait",
      paperSize: "A4",
      titleRows: { first: 0, last: 0 },
      titleColumns: null,
      scale: printScale({
        columnWidths,
        titleColumns: null,
        pagesWide: 1,
        orientation: "portrait",
        margins: narrowMargins,
      }),
      margins: narrowMargins,
      columns: { first: 0, last: width - 1 },
      rowBreaks: [],
      gridlines: false,
    },
    visibility: "visible",
    tabColor: palette.entryTab,
    merges: [
      { row: 0, col: 0, rowCount: 1, colCount: width },
      ...instructionRows.map((row) => ({ row, col: 0, rowCount: 1, colCount: width })),
    ],
    font: sheetFont(locale),
  };
}
