import {
  createOfficeWorkbookPort,
  type ExcelRun,
  type MarkTexts,
  type OfficeHostStats,
  type OfficeWorkbookPortOptions,
} from "../../../src/hosts/excel/officeWorkbookPort";
import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { CellValue, ValidationRule } from "../../../src/workbook/layout";
import type { WorkbookPort } from "../../../src/workbook/port";
import { FakeExcel, type FakeExcelOptions } from "../../fakes/excel/fakeExcel";
import { formatA1, key, parseA1, splitSheet } from "../../fakes/excel/fakeGeometry";
import { FORMAT_DEFAULTS, type FakeSheetState } from "../../fakes/excel/fakeSheetState";
import { typeIntoCell } from "../../fakes/excel/fakeTyping";
import type { FakeWorkbookState } from "../../fakes/excel/fakeWorkbookState";
import type { PortHarness, SheetProbe } from "../contract/portHarness";

/**
 * The fake implements the part of Excel.RequestContext the host uses, not the whole typing; this
 * is the one place that says so.
 */
export function asExcelRun(excel: FakeExcel): ExcelRun {
  return excel.run as unknown as ExcelRun;
}

export interface OfficeHarness extends PortHarness {
  readonly port: WorkbookPort & { readonly stats: OfficeHostStats; readonly markTexts: MarkTexts };
  readonly excel: FakeExcel;
}

/**
 * A PortHarness over the Office host and a fresh fake Excel. The contract suite expects a host to
 * start with no sheets, which Excel never does (a new workbook holds "Sheet1"); the fake allows it
 * here so that every host starts from the same place. Pass `excel: { sheetNames: ["Sheet1"] }` for
 * a workbook as Excel makes it.
 *
 * @example
 * runWorkbookPortContract("Office.js host (fake Excel)", () => createOfficeHarness());
 */
export function createOfficeHarness(
  options: { readonly excel?: FakeExcelOptions; readonly port?: OfficeWorkbookPortOptions } = {},
): Promise<OfficeHarness> {
  const excel = new FakeExcel({ sheetNames: [], ...options.excel });
  // The port asks the fake which requirement sets it has, as it asks Office in Excel.
  const port = createOfficeWorkbookPort(asExcelRun(excel), {
    isSetSupported: excel.isSetSupported,
    ...options.port,
  });
  return Promise.resolve({
    port,
    excel,
    sheetNames: () => Promise.resolve(excel.state.sheets.map((s) => s.name)),
    sheet: (name) => {
      const sheet = excel.state.sheetByName(name);
      return Promise.resolve(sheet === undefined ? null : probeSheet(excel.state, sheet));
    },
    enter: (sheetName, a1, value) => {
      enterAsUser(excel.state, sheetName, a1, value);
      return Promise.resolve();
    },
    addSheet: (name) => {
      excel.state.addSheet(name);
      return Promise.resolve();
    },
    enterNote: (sheetName, a1, text) => {
      enterNoteAsUser(excel.state, sheetName, a1, text);
      return Promise.resolve();
    },
  });
}

/**
 * The port, with `type` run between update's read and its write: a user typing meanwhile.
 *
 * @example
 * typingDuring(harness.port, () => enterAsUser(harness.excel.state, "监测数据", "D4", 7))
 */
export function typingDuring(port: WorkbookPort, type: () => void): WorkbookPort {
  return {
    ...port,
    update: (names, options, plan) =>
      port.update(names, options, (snapshot) => {
        type();
        return plan(snapshot);
      }),
  };
}

/** A fake Excel with the Liuzhou plan generated into it. */
export async function generatedOffice(): Promise<OfficeHarness> {
  const harness = await createOfficeHarness();
  expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
  return harness;
}

/** Types into one cell as a user would: Excel types the text ("58.2" → 58.2) unless the cell is text. */
export function enterAsUser(state: FakeWorkbookState, sheetName: string, a1: string, value: CellValue): void {
  const sheet = state.sheetByName(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const { row, col } = parseA1(a1);
  const k = key(row, col);
  if (sheet.mergedAwayAt(row, col) !== null) throw new Error(`${a1} lies inside a merged area`);
  if (value === null || value === "") {
    sheet.values.delete(k);
    sheet.formulas.delete(k);
    return;
  }
  // Typed as Excel types it: "=…" a formula (whose result the test declares with
  // state.declareFormula: the fake does not calculate), "58.2" a number; Excel's limits refused.
  const typed = typeIntoCell(value, sheet.formatAt(row, col, "numberFormat"));
  if (typed.formula !== undefined) {
    sheet.formulas.set(k, typed.formula);
    sheet.values.delete(k);
    return;
  }
  sheet.formulas.delete(k);
  if (typed.numberFormat !== undefined) {
    sheet.setFormat({ row, col, rowCount: 1, colCount: 1 }, "numberFormat", typed.numberFormat);
  }
  sheet.values.set(k, typed.value ?? "");
}

/**
 * Merges cells as a user would (Home → Merge & Center): the top-left value stays, the rest go.
 *
 * @example
 * mergeAsUser(state, "附件1 任务清单", "A1:F1");
 */
export function mergeAsUser(state: FakeWorkbookState, sheetName: string, a1Range: string): void {
  const sheet = state.sheetByName(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  sheet.merge(parseA1(a1Range), state.tables);
}

/** Writes a note as a user would (right-click → New Note): one note per cell, the user as author. */
export function enterNoteAsUser(state: FakeWorkbookState, sheetName: string, a1: string, text: string): void {
  const sheet = state.sheetByName(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const { row, col } = parseA1(a1);
  // Excel offers no new note on a cell that has a comment (a cell holds one or the other).
  if (sheet.comments.some((c) => c.key === key(row, col))) throw new Error(`${a1} has a comment`);
  sheet.notes.set(key(row, col), { content: text, authorName: "张三" });
}

/**
 * Writes a comment as a user would (Review → New Comment): one thread per cell, the user as author.
 * The fake keeps it whatever ExcelApi the add-in's Excel has: a workbook carries its comments.
 */
export function enterCommentAsUser(
  state: FakeWorkbookState,
  sheetName: string,
  a1: string,
  text: string,
): void {
  const sheet = state.sheetByName(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const { row, col } = parseA1(a1);
  const k = key(row, col);
  if (sheet.comments.some((c) => c.key === k)) throw new Error(`${a1} already has a comment`);
  if (sheet.notes.has(k)) throw new Error(`${a1} has a note`);
  sheet.comments.push({ id: state.newId("COMMENT"), content: text, authorName: "张三", key: k });
}

/** The text of the comment on one cell, or null. */
export function commentAt(state: FakeWorkbookState, sheetName: string, a1: string): string | null {
  const { row, col } = parseA1(a1);
  const k = key(row, col);
  return state.sheetByName(sheetName)?.comments.find((c) => c.key === k)?.content ?? null;
}

/**
 * Grows a table down to `lastRow` (zero-based), as Excel grows a table when a user types or pastes
 * rows right below it; for tests that write many entered rows straight into the fake's cells.
 */
export function growTableTo(state: FakeWorkbookState, tableName: string, lastRow: number): void {
  const table = state.tables.find((t) => t.name === tableName);
  if (table === undefined) throw new Error(`no table ${tableName}`);
  table.rect = { ...table.rect, rowCount: Math.max(table.rect.rowCount, lastRow - table.rect.row + 1) };
}

/** Reads the fake's state the way the contract suite asks, in the layout's own units. */
export function probeSheet(state: FakeWorkbookState, sheet: FakeSheetState): SheetProbe {
  const cell = (a1: string): { row: number; col: number } => parseA1(a1);
  return {
    values: () => {
      const used = sheet.usedRect(true);
      if (used === null) return [];
      const rows: CellValue[][] = [];
      for (let r = 0; r < used.row + used.rowCount; r += 1) {
        const row: CellValue[] = [];
        for (let c = 0; c < used.col + used.colCount; c += 1) {
          const value = sheet.valueAt(r, c);
          row.push(value === "" ? null : value);
        }
        rows.push(row);
      }
      return rows;
    },
    tables: () =>
      state.tables
        .filter((t) => t.sheetId === sheet.id)
        .map((t) => ({ name: t.name, ref: formatA1(t.rect) })),
    freeze: () => ({ ...sheet.freeze }),
    validationAt: (a1) => {
      const { row, col } = cell(a1);
      const validation = sheet.validationAt(row, col);
      return validation?.rule == null ? null : toLayoutRule(validation.rule);
    },
    numberFormatAt: (a1) => {
      const { row, col } = cell(a1);
      return String(sheet.formatAt(row, col, "numberFormat"));
    },
    fillAt: (a1) => {
      const { row, col } = cell(a1);
      const fill = sheet.formatAt(row, col, "fill");
      return typeof fill === "string" ? fill.toUpperCase() : null;
    },
    boldAt: (a1) => {
      const { row, col } = cell(a1);
      return sheet.formatAt(row, col, "bold") === true;
    },
    // Excel's rule, independent of the host's: characters = (pixels − 5) / 7, pixels = points / 0.75.
    columnWidth: (col) => {
      const points = sheet.columnWidths.get(col) ?? 48;
      return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
    },
    visibility: () =>
      sheet.visibility === "VeryHidden" ? "veryHidden" : sheet.visibility === "Hidden" ? "hidden" : "visible",
    printTitleRows: () => sheet.page.printTitleRows,
    printGridlines: () => sheet.page.printGridlines,
    // The cell's text, whichever Excel keeps it in: the add-in writes a note where Excel has
    // ExcelApi 1.18 and a comment where it has only 1.10 (a cell holds one or the other).
    noteAt: (a1) => {
      const { row, col } = cell(a1);
      const k = key(row, col);
      return sheet.notes.get(k)?.content ?? sheet.comments.find((c) => c.key === k)?.content ?? null;
    },
    printTitleColumns: () => sheet.page.printTitleColumns,
    formulaAt: (a1) => {
      const { row, col } = cell(a1);
      return sheet.formulas.get(key(row, col)) ?? null;
    },
    // A page setup nobody touched (Excel's Portrait/Letter default) reads as "no print layout".
    orientation: () => {
      const untouched =
        sheet.page.printTitleRows === null &&
        sheet.page.orientation === "Portrait" &&
        sheet.page.paperSize === "Letter";
      return untouched ? null : sheet.page.orientation === "Landscape" ? "landscape" : "portrait";
    },
  };
}

/** Office's rule object back to the layout's words. Bounds at Excel's extremes mean "no bound". */
function toLayoutRule(rule: Record<string, unknown>): ValidationRule | null {
  const [kind, rawBody] = Object.entries(rule)[0] ?? [];
  const body = (rawBody ?? {}) as Record<string, unknown>;
  switch (kind) {
    case "list": {
      const source = String(body["source"]);
      if (source.startsWith("=")) {
        const { sheet, ref } = splitSheet(source.slice(1));
        return { kind: "listRange", sheet: sheet ?? "", rect: parseA1(ref) };
      }
      return { kind: "list", values: source.split(",") };
    }
    case "decimal":
    case "wholeNumber": {
      const operator = String(body["operator"]);
      const f1 = Number(body["formula1"]);
      const f2 = Number(body["formula2"]);
      const min = operator === "Between" || operator === "GreaterThanOrEqualTo" ? f1 : undefined;
      const max = operator === "Between" ? f2 : operator === "LessThanOrEqualTo" ? f1 : undefined;
      return {
        kind,
        ...(min !== undefined && min > -1e15 ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      };
    }
    case "date":
      return { kind: "date", from: String(body["formula1"]), to: String(body["formula2"]) };
    case undefined:
    default:
      return null;
  }
}

/** Excel's defaults, re-exported for tests that check a cleared cell. */
export const excelFormatDefaults = FORMAT_DEFAULTS;
