/**
 * The preview's "Download .xlsx": the in-memory workbook written through the xlsx host, the same
 * code the command line saves with. This module and ExcelJS (its browser build) form a chunk that
 * loads only when someone clicks Download; webpack.config.js gives that chunk the few Node
 * built-ins the xlsx host names for file work the browser never calls (see `browserShims` there).
 */
import type { MemorySheet, MemoryWorkbook } from "../../hosts/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../hosts/xlsx/xlsxWorkbook";
import type { CellRect, CellValue, RectFormat } from "../../workbook/layout";
import type { SheetPatch } from "../../workbook/port";
import { growTables } from "./growTables";
import { saveBytesAsDownload } from "../saveBytesAsDownload";

function contains(rect: CellRect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount
  );
}

/** The fill the sheet's layout alone gives a cell (validation's marks come on top of it). */
function layoutFill(sheet: MemorySheet, row: number, col: number): string | undefined {
  let fill: string | undefined;
  for (const format of sheet.layout?.formats ?? ([] as RectFormat[])) {
    if (format.fill !== undefined && contains(format.rect, row, col)) fill = format.fill;
  }
  return fill;
}

/** What the layout does not say about a sheet: the values as they stand now, the marks' fills, the notes. */
function patchOf(sheet: MemorySheet): SheetPatch {
  const used = sheet.usedRect();
  const layoutRows = sheet.layout?.values.length ?? 0;
  const layoutCols = (sheet.layout?.values ?? []).reduce((max, r) => Math.max(max, r.length), 0);
  const rowCount = Math.max(used ? used.row + used.rowCount : 0, layoutRows);
  const colCount = Math.max(used ? used.col + used.colCount : 0, layoutCols);
  const values: CellValue[][] = [];
  const fills: { rect: CellRect; fill: string }[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const row: CellValue[] = [];
    for (let c = 0; c < colCount; c += 1) {
      row.push(sheet.get(r, c));
      const fill = sheet.formatAt(r, c, "fill");
      if (fill !== undefined && fill !== layoutFill(sheet, r, c)) {
        fills.push({ rect: { row: r, col: c, rowCount: 1, colCount: 1 }, fill });
      }
    }
    values.push(row);
  }
  return {
    sheet: sheet.name,
    values: rowCount > 0 && colCount > 0 ? [{ rect: { row: 0, col: 0, rowCount, colCount }, values }] : [],
    fills,
    clearNotes: null,
    notes: sheet.allNotes(),
  };
}

/**
 * A sheet's layout with its tables grown over every row typed below them, as Excel would have
 * grown them (the grid grows them as it writes; this holds whatever else wrote the cells): a date
 * typed in the row below a table keeps the table's date format in the file instead of reading as
 * its serial, and validation finds the row inside the table.
 */
function layoutWithTypedRows(sheet: MemorySheet & { layout: NonNullable<MemorySheet["layout"]> }) {
  const used = sheet.usedRect();
  const grown =
    used === null
      ? sheet.layout
      : growTables(sheet.layout, used.row + used.rowCount - 1, (r, c) => sheet.get(r, c) !== null);
  return { ...grown, name: sheet.name };
}

/**
 * The in-memory workbook as `.xlsx` bytes: every sheet's layout as the add-in wrote it (its tables
 * grown over the rows typed below them), then what was typed since, the marks' fills and the notes.
 *
 * @example
 * const blob = new Blob([await workbookBytes(book)]);
 */
export async function workbookBytes(book: MemoryWorkbook): Promise<Uint8Array> {
  const sheets = book.sheetNames().flatMap((name) => {
    const sheet = book.sheet(name);
    return sheet?.layout ? [sheet as MemorySheet & { layout: NonNullable<MemorySheet["layout"]> }] : [];
  });
  const xlsx = XlsxWorkbook.create();
  // Two batches: a host patches only sheets that exist before the batch (as Excel would).
  await xlsx.port.write({
    sheets: sheets.map((sheet) => ({
      layout: layoutWithTypedRows(sheet),
      mode: "create" as const,
    })),
    activate: null,
  });
  await xlsx.port.write({ sheets: [], patches: sheets.map(patchOf), activate: null });
  return new Uint8Array(await xlsx.toBuffer());
}

/**
 * Offers the workbook to the browser as a download named `fileName`.
 *
 * @example
 * await downloadWorkbook(book, "柳州市2023年度水污染防治工作计划.xlsx");
 */
export async function downloadWorkbook(book: MemoryWorkbook, fileName: string): Promise<void> {
  saveBytesAsDownload(
    await workbookBytes(book),
    fileName,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
}
