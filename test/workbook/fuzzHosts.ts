import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import type { Locale } from "../../src/core/locale";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { CellValue } from "../../src/workbook/layout";
import type { WorkbookPort } from "../../src/workbook/port";
import { formatA1, key } from "../fakes/excel/fakeGeometry";
import { FakeRichApiError } from "../fakes/excel/fakeRichApiError";
import type { FakeWorkbookState } from "../fakes/excel/fakeWorkbookState";
import { createOfficeHarness, enterAsUser } from "../hosts/excel/officeHarness";
import { makeXlsxHarness } from "../hosts/xlsx/xlsxHarness";

/**
 * The hosts the random entry grids run on (issue 14 §5): each makes a freshly generated workbook,
 * types into it as its users type (in Excel, what Excel refuses to take is not typed), and shows
 * every cell it holds, formulas as their text.
 */
export interface FuzzBook {
  readonly port: WorkbookPort;
  /** Types into a cell (zero-based) as a user of the host would; false where the program refuses it. */
  type(sheet: string, row: number, col: number, value: CellValue): boolean;
  /** The sheet's cells from A1 to its last used cell (null: empty; a formula as "=…"). */
  cells(sheet: string): Promise<CellValue[][]>;
}

export interface FuzzHost {
  readonly name: string;
  /** A workbook with the plan generated into it in `locale`. */
  generated(locale: Locale): Promise<FuzzBook>;
}

function failIfNot(outcome: { readonly ok: boolean }): void {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
}

/** The in-memory host of the tests and the browser preview. */
export const memoryFuzzHost: FuzzHost = {
  name: "memory",
  async generated(locale) {
    const book = new MemoryWorkbook();
    failIfNot(await generateWorkbook(book.port, plan, { locale }));
    return {
      port: book.port,
      type(sheet, row, col, value) {
        book.sheet(sheet)?.set(row, col, value);
        return true;
      },
      cells(sheet) {
        const target = book.sheet(sheet);
        const used = target?.usedRect();
        if (!target || !used) return Promise.resolve([]);
        const values = target.valuesOf({
          row: 0,
          col: 0,
          rowCount: used.row + used.rowCount,
          colCount: used.col + used.colCount,
        });
        return Promise.resolve(values.map((row) => row.map((v) => (v === "" ? null : v))));
      },
    };
  },
};

/**
 * What the formulas a grid may type compute to, as the tests declare them to the fake Excel
 * (cellArbitraries.ts's formula-like texts, typed as Excel types them).
 */
const declaredFormulas: readonly (readonly [string, string | number])[] = [
  ["=1+2", 3],
  ["=50+8.3", 58.3],
  ["=SUM(E4:E12)", 0],
  ["=+5", 5],
  ["=#N/A", "#N/A"],
];

/** The Office.js host over the fake Excel: each case a new Excel.run-ready fake over a copy of one generated workbook. */
export function officeFuzzHost(): FuzzHost {
  const generatedStates = new Map<Locale, FakeWorkbookState>();
  return {
    name: "Office (fake Excel)",
    async generated(locale) {
      let start = generatedStates.get(locale);
      if (start === undefined) {
        const first = await createOfficeHarness();
        failIfNot(await generateWorkbook(first.port, plan, { locale }));
        start = first.excel.state.clone();
        for (const [formula, value] of declaredFormulas) start.declareFormula(formula, value);
        generatedStates.set(locale, start);
      }
      const harness = await createOfficeHarness({ excel: { state: start.clone() } });
      const state = harness.excel.state;
      return {
        port: harness.port,
        type(sheet, row, col, value) {
          try {
            enterAsUser(state, sheet, formatA1({ row, col, rowCount: 1, colCount: 1 }), value);
            // Random text Excel takes for a formula ("=abc") computes to an error of Excel's: declared so.
            const formula = state.sheetByName(sheet)?.formulas.get(key(row, col));
            if (formula !== undefined && !state.formulaResults.has(formula))
              state.declareFormula(formula, "#NAME?");
            return true;
          } catch (error) {
            // Excel refuses to take it (past its limits, a formula it cannot parse): nothing typed.
            if (error instanceof FakeRichApiError) return false;
            throw error;
          }
        },
        cells(sheet) {
          return Promise.resolve(officeCells(state, sheet));
        },
      };
    },
  };
}

function officeCells(state: FakeWorkbookState, name: string): CellValue[][] {
  const sheet = state.sheetByName(name);
  const used = sheet?.usedRect(true);
  if (sheet === undefined || used === null || used === undefined) return [];
  const rows: CellValue[][] = [];
  for (let r = 0; r < used.row + used.rowCount; r += 1) {
    const row: CellValue[] = [];
    for (let c = 0; c < used.col + used.colCount; c += 1) {
      const value = sheet.formulas.get(key(r, c)) ?? sheet.valueAt(r, c);
      row.push(value === "" ? null : value);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * The xlsx host of the command line: each case opens the bytes of one generated workbook; what a
 * user types is saved into the file (ExcelJS) before the host reads it, as when a colleague fills
 * the workbook in and mails it back.
 */
export function xlsxFuzzHost(): FuzzHost {
  const generatedBytes = new Map<Locale, Buffer>();
  return {
    name: "xlsx",
    async generated(locale) {
      let bytes = generatedBytes.get(locale);
      if (bytes === undefined) {
        const book = XlsxWorkbook.create();
        failIfNot(await generateWorkbook(book.port, plan, { locale }));
        bytes = await book.toBuffer();
        generatedBytes.set(locale, bytes);
      }
      const harness = await makeXlsxHarness(await XlsxWorkbook.fromBuffer(bytes));
      return {
        port: harness.port,
        type(sheet, row, col, value) {
          // Excel keeps at most 32,767 characters in a cell; a longer text is not what a user types.
          if (typeof value === "string" && value.length > 32_767) return false;
          void harness.enter(sheet, formatA1({ row, col, rowCount: 1, colCount: 1 }), value);
          return true;
        },
        async cells(sheet) {
          return (await harness.sheet(sheet))?.values() ?? [];
        },
      };
    },
  };
}
