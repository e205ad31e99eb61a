import { MemoryWorkbook, type MemorySheet } from "../../../src/hosts/memory/memoryWorkbook";
import { columnLetters } from "../../../src/workbook/a1";
import type { CellValue } from "../../../src/workbook/layout";
import type { PortHarness, SheetProbe } from "../contract/portHarness";

/** "K8" → zero-based [row, col]. */
export function parseA1(a1: string): [number, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) throw new Error(`not an A1 address: ${a1}`);
  const letters = match[1] ?? "";
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(match[2]) - 1, col - 1];
}

function probeOf(sheet: MemorySheet): SheetProbe {
  const layout = sheet.layout;
  return {
    values: () => {
      const used = sheet.usedRect();
      if (!used) return [];
      return sheet
        .valuesOf({ row: 0, col: 0, rowCount: used.row + used.rowCount, colCount: used.col + used.colCount })
        .map((row) => row.map((v: CellValue) => (v === "" ? null : v)));
    },
    tables: () =>
      (layout?.tables ?? []).map((t) => ({
        name: t.name,
        ref: `${columnLetters(t.rect.col)}${t.rect.row + 1}:${columnLetters(t.rect.col + t.rect.colCount - 1)}${t.rect.row + t.rect.rowCount}`,
      })),
    freeze: () => ({ rows: layout?.freeze.rows ?? 0, columns: layout?.freeze.columns ?? 0 }),
    validationAt: (a1) => sheet.validationAt(...parseA1(a1))?.rule ?? null,
    numberFormatAt: (a1) => sheet.formatAt(...parseA1(a1), "numberFormat") ?? "General",
    fillAt: (a1) => sheet.formatAt(...parseA1(a1), "fill")?.toUpperCase() ?? null,
    boldAt: (a1) => sheet.formatAt(...parseA1(a1), "bold") ?? false,
    columnWidth: (col) => layout?.columnWidths[col] ?? 8.43,
    visibility: () => layout?.visibility ?? "visible",
    printTitleRows: () =>
      layout?.print ? `$${layout.print.titleRows.first + 1}:$${layout.print.titleRows.last + 1}` : null,
    orientation: () => layout?.print?.orientation ?? null,
    printGridlines: () => layout?.print?.gridlines ?? false,
    noteAt: (a1) => sheet.noteAt(...parseA1(a1)),
    formulaAt: (a1) => {
      const value = sheet.get(...parseA1(a1));
      return typeof value === "string" && value.startsWith("=") ? value : null;
    },
    printTitleColumns: () => {
      const columns = layout?.print?.titleColumns;
      return columns ? `$${columnLetters(columns.first)}:$${columnLetters(columns.last)}` : null;
    },
  };
}

/** The contract suite's view of the memory host. */
export function makeMemoryHarness(book = new MemoryWorkbook()): Promise<PortHarness> {
  return Promise.resolve({
    port: book.port,
    sheetNames: () => Promise.resolve(book.sheetNames()),
    sheet: (name) => {
      const sheet = book.sheet(name);
      return Promise.resolve(sheet ? probeOf(sheet) : null);
    },
    enter: (name, a1, value) => {
      book.sheet(name)?.set(...parseA1(a1), value);
      return Promise.resolve();
    },
    addSheet: (name) => {
      book.addSheet(name);
      return Promise.resolve();
    },
    enterNote: (name, a1, text) => {
      book.sheet(name)?.setNote(...parseA1(a1), text);
      return Promise.resolve();
    },
  });
}
