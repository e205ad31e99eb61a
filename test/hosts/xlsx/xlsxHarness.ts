import { Workbook, type Cell, type Font, type Worksheet } from "exceljs";
import { XlsxWorkbook, xlsxFeatures } from "../../../src/hosts/xlsx/xlsxWorkbook";
import type { CellValue, ValidationRule } from "../../../src/workbook/layout";
import { sequentialUpdate, type WorkbookPort } from "../../../src/workbook/port";
import type { PortHarness, SheetProbe } from "../contract/portHarness";
import { fileSerialOf } from "../../../src/hosts/xlsx/exactDateSerials";

/**
 * The contract suite's view of the xlsx host: the port writes into an XlsxWorkbook, and every probe
 * looks at the workbook read back from its bytes by a fresh ExcelJS load, so what is checked is the
 * file a user would open, not the objects the host still holds in memory.
 *
 * @example
 * const harness = await makeXlsxHarness();
 * await harness.port.write(batch);
 * (await harness.sheet("附件2 国控断面"))?.values();
 */
export async function makeXlsxHarness(book: XlsxWorkbook = XlsxWorkbook.create()): Promise<XlsxHarness> {
  return Promise.resolve(new XlsxHarness(book));
}

export class XlsxHarness implements PortHarness {
  /** Replaced whenever a "user" edits the file, as when someone opens it in Excel and saves. */
  book: XlsxWorkbook;
  /** Always the current book's port; a write makes the cached read-back stale. */
  readonly port: WorkbookPort = (() => {
    const read: WorkbookPort["read"] = async (sheetNames, options) => {
      await this.applyEdits();
      return this.book.port.read(sheetNames, options);
    };
    const write: WorkbookPort["write"] = async (batch) => {
      await this.applyEdits();
      this.readBack = null;
      return this.book.port.write(batch);
    };
    return { read, write, update: sequentialUpdate(read, write), features: xlsxFeatures };
  })();

  /** The bytes read back, kept until the next write or edit: a round trip of the whole plan takes a second or two. */
  private readBack: Promise<Workbook> | null = null;
  /** A user's edits, applied to the file in one round trip before the host or a probe looks at it. */
  private pendingEdits: ((workbook: Workbook) => void)[] = [];

  constructor(book: XlsxWorkbook) {
    this.book = book;
  }

  /** The host's bytes, loaded again by ExcelJS. */
  async reloaded(): Promise<Workbook> {
    await this.applyEdits();
    this.readBack ??= this.book.toBuffer().then(async (bytes) => {
      const workbook = new Workbook();
      await workbook.xlsx.load(bytes as never);
      return workbook;
    });
    return this.readBack;
  }

  /** Edits the file outside the host (ExcelJS on the bytes), then reopens it, as a user's save would. */
  enter(sheet: string, a1: string, value: CellValue): Promise<void> {
    this.pendingEdits.push((workbook) => {
      const target = workbook.getWorksheet(sheet);
      if (target === undefined) throw new Error(`no sheet ${sheet}`);
      // "=…" is typed as a formula, as in Excel.
      target.getCell(a1).value =
        value === ""
          ? null
          : typeof value === "string" && value.startsWith("=")
            ? { formula: value.slice(1) }
            : value;
    });
    return Promise.resolve();
  }

  enterNote(sheet: string, a1: string, text: string): Promise<void> {
    this.pendingEdits.push((workbook) => {
      const target = workbook.getWorksheet(sheet);
      if (target === undefined) throw new Error(`no sheet ${sheet}`);
      target.getCell(a1).note = text;
    });
    return Promise.resolve();
  }

  addSheet(name: string): Promise<void> {
    this.pendingEdits.push((workbook) => {
      workbook.addWorksheet(name);
    });
    return Promise.resolve();
  }

  private async applyEdits(): Promise<void> {
    if (this.pendingEdits.length === 0) return;
    const edits = this.pendingEdits;
    this.pendingEdits = [];
    // A fresh load, not the cached read-back: probes may still be looking at that one.
    const workbook = new Workbook();
    await workbook.xlsx.load((await this.book.toBuffer()) as never);
    keepFileSerials(workbook);
    for (const edit of edits) edit(workbook);
    this.book = await XlsxWorkbook.fromBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));
    this.readBack = null;
  }

  async sheetNames(): Promise<string[]> {
    return (await this.reloaded()).worksheets.map((sheet) => sheet.name);
  }

  async sheet(name: string): Promise<SheetProbe | null> {
    const workbook = await this.reloaded();
    const sheet = workbook.getWorksheet(name);
    return sheet === undefined ? null : probeOf(sheet, workbook.properties.date1904);
  }
}

/** Members ExcelJS has at run time but leaves out of its typings. */
interface LoadedSheet {
  dataValidations: { find(address: string): LoadedValidation | undefined };
  tables: Record<string, { table: { name: string; tableRef?: string; ref?: string } }>;
}

interface LoadedValidation {
  type: string;
  operator?: string;
  formulae?: unknown[];
}

function probeOf(sheet: Worksheet, date1904: boolean): SheetProbe {
  const loaded = sheet as unknown as LoadedSheet;
  return {
    values: () => valuesFromA1(sheet, date1904),
    tables: () =>
      Object.values(loaded.tables).map(({ table }) => ({
        name: table.name,
        ref: table.tableRef ?? table.ref ?? "",
      })),
    freeze: () => {
      const view = sheet.views[0];
      return view?.state === "frozen"
        ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 }
        : { rows: 0, columns: 0 };
    },
    validationAt: (a1) => ruleOf(loaded.dataValidations.find(a1)),
    numberFormatAt: (a1) => sheet.getCell(a1).numFmt || "General",
    fillAt: (a1) => {
      const fill = sheet.getCell(a1).fill as
        { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
      const argb = fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
      return argb === undefined ? null : `#${argb.slice(-6).toUpperCase()}`;
    },
    boldAt: (a1) => (sheet.getCell(a1).font as Partial<Font> | undefined)?.bold === true,
    // 8.43 characters: Excel's width for a column nobody sized.
    columnWidth: (col) => sheet.getColumn(col + 1).width ?? 8.43,
    visibility: () => sheet.state,
    printTitleRows: () => {
      const rows = sheet.pageSetup.printTitlesRow;
      return rows ? rows.replace(/(\d+):(\d+)/, "$$$1:$$$2") : null;
    },
    orientation: () => sheet.pageSetup.orientation ?? null,
    printGridlines: () => sheet.pageSetup.showGridLines === true,
    noteAt: (a1) => noteText(sheet.getCell(a1)),
    formulaAt: (a1) => {
      const { formula } = sheet.getCell(a1);
      return typeof formula === "string" && formula !== "" ? `=${formula}` : null;
    },
    printTitleColumns: () => {
      const columns = sheet.pageSetup.printTitlesColumn;
      return columns ? columns.replace(/\$?([A-Z]+):\$?([A-Z]+)/, "$$$1:$$$2") : null;
    },
  };
}

/** Values from A1 to the last row and column holding a value; empty cells are null. */
function valuesFromA1(sheet: Worksheet, date1904: boolean): CellValue[][] {
  const cells: { row: number; col: number; value: CellValue }[] = [];
  let bottom = 0;
  let right = 0;
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, colNumber) => {
      // ExcelJS gives every cell of a merged area the top-left's value; Excel holds it there alone.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = plainValue(cell, date1904);
      if (value === null) return;
      cells.push({ row: rowNumber, col: colNumber, value });
      bottom = Math.max(bottom, rowNumber);
      right = Math.max(right, colNumber);
    });
  });
  const grid: CellValue[][] = Array.from({ length: bottom }, () => Array.from({ length: right }, () => null));
  for (const { row, col, value } of cells) grid[row - 1]![col - 1] = value;
  return grid;
}

/**
 * Puts back the file's own number in each date-formatted cell ExcelJS loaded as a Date, as Excel
 * saving the file would keep it: written back as a Date, -1e-8 would become 0 (see exactDateSerials).
 */
function keepFileSerials(workbook: Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const value = cell.value;
        if (value instanceof Date) {
          const serial = fileSerialOf(value);
          if (serial !== null) cell.value = serial;
        }
      });
    });
  }
}

/** A cell as the user sees its value; kept apart from the host's reader so the two check each other. */
function plainValue(cell: Cell, date1904: boolean): CellValue {
  const value = cell.value;
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) {
    return fileSerialOf(value) ?? 25569 + value.getTime() / 86_400_000 - (date1904 ? 1462 : 0);
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("error" in value) return value.error;
    return null;
  }
  return value;
}

function ruleOf(validation: LoadedValidation | undefined): ValidationRule | null {
  if (validation === undefined) return null;
  const [first, second] = validation.formulae ?? [];
  switch (validation.type) {
    case "list": {
      const formula = String(first);
      const range = /^'?(.*?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
      if (range !== null) {
        const [, sheet, c1, r1, c2, r2] = range as unknown as [
          string,
          string,
          string,
          string,
          string,
          string,
        ];
        return {
          kind: "listRange",
          sheet: sheet.replace(/''/g, "'"),
          rect: {
            row: Number(r1) - 1,
            col: columnIndex(c1),
            rowCount: Number(r2) - Number(r1) + 1,
            colCount: columnIndex(c2) - columnIndex(c1) + 1,
          },
        };
      }
      return { kind: "list", values: formula.replace(/^"|"$/g, "").replace(/""/g, '"').split(",") };
    }
    case "decimal":
    case "whole": {
      const kind = validation.type === "decimal" ? "decimal" : "wholeNumber";
      const a = Number(first);
      const b = Number(second);
      switch (validation.operator ?? "between") {
        case "greaterThanOrEqual":
          return { kind, min: a };
        case "lessThanOrEqual":
          return { kind, max: a };
        default:
          // The host writes ±1e307 for "any number".
          return { kind, ...(a > -1e300 ? { min: a } : {}), ...(b < 1e300 ? { max: b } : {}) };
      }
    }
    case "date":
      return { kind: "date", from: isoDate(first), to: isoDate(second) };
    default:
      return null;
  }
}

function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

/** A cell's note as plain text: ExcelJS reads a note back as rich text. */
function noteText(cell: Cell): string | null {
  const note: unknown = cell.note;
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join("") : null;
}
