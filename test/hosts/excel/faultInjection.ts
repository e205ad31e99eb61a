import { HostError } from "../../../src/hosts/hostError";
import type { WorkbookPort } from "../../../src/workbook/port";
import type { FakeFault } from "../../fakes/excel/fakeExcel";
import { EXCEL_COLUMNS } from "../../fakes/excel/fakeGeometry";
import { FORMAT_DEFAULTS, type FormatProp } from "../../fakes/excel/fakeSheetState";
import type { FakeWorkbookState } from "../../fakes/excel/fakeWorkbookState";
import { createOfficeHarness, type OfficeHarness } from "./officeHarness";

/**
 * An action run against a workbook with faults injected: how to make the workbook it starts from,
 * what a user entered there (which no failure may lose), and the action itself.
 *
 * @example
 * // One line plugs in another action:
 * faultScenario("validate", withEntries, (port) => validateWorkbook(port, liuzhou2023Plan, options), (r) => (r.ok ? r.report : r));
 */
export interface FaultScenario<R> {
  readonly name: string;
  /** Builds the starting workbook through the harness (a fresh fake Excel) and lists what the user entered. */
  readonly prepare: (harness: OfficeHarness) => Promise<readonly Entry[]>;
  readonly act: (port: WorkbookPort) => Promise<R>;
  /** The part of the action's result two successful runs must agree on. */
  readonly comparable: (result: R) => unknown;
  /** The ExcelApi version of the Excel it runs in (the fake's default, 1.18, where not said). */
  readonly excelApi?: string;
}

/** A value a user entered: on the row whose `identity` column holds `identityValue`. */
export interface Entry {
  readonly sheet: string;
  readonly identityColumn: number;
  readonly identityValue: string | number;
  readonly column: number;
  readonly value: string | number | boolean;
}

export function faultScenario<R>(
  name: string,
  prepare: FaultScenario<R>["prepare"],
  act: FaultScenario<R>["act"],
  comparable: FaultScenario<R>["comparable"],
  excelApi?: string,
): FaultScenario<R> {
  return excelApi === undefined
    ? { name, prepare, act, comparable }
    : { name, prepare, act, comparable, excelApi };
}

/** The entered values no longer found on their rows (none: all intact). */
export function missingEntries(state: FakeWorkbookState, entries: readonly Entry[]): Entry[] {
  return entries.filter((entry) => {
    const sheet = state.sheetByName(entry.sheet);
    if (sheet === undefined) return true;
    for (const [k, value] of sheet.values) {
      if (k % EXCEL_COLUMNS !== entry.identityColumn || value !== entry.identityValue) continue;
      const row = Math.floor(k / EXCEL_COLUMNS);
      if (sheet.valueAt(row, entry.column) === entry.value) return false;
    }
    return true;
  });
}

const FORMAT_PROPS = Object.keys(FORMAT_DEFAULTS) as FormatProp[];

/**
 * Everything a user could see of a workbook, as plain data: sheets in order with their names,
 * visibility, tab colour, cells, formulas, formats, dropdowns, notes, widths, heights, frozen
 * panes, print set-up and charts, and the tables. Not ids, not the add-in's settings, not which
 * sheet is shown (generation shows the first sheet it made, which differs after a partial run).
 */
export function workbookFingerprint(state: FakeWorkbookState): unknown {
  return {
    sheets: state.sheets.map((sheet) => {
      const used = sheet.usedRect(true);
      const cells: unknown[] = [];
      if (used !== null) {
        // Each cell's formats, by laying the sheet's format layers over the used range in order
        // (what formatAt gives cell by cell, without scanning every layer for every cell).
        const formats = used.rowCount * used.colCount;
        const grid = Array.from({ length: formats }, () => FORMAT_PROPS.map((p) => FORMAT_DEFAULTS[p]));
        for (const layer of sheet.formatLayers) {
          const top = Math.max(layer.rect.row, used.row);
          const left = Math.max(layer.rect.col, used.col);
          const bottom = Math.min(layer.rect.row + layer.rect.rowCount, used.row + used.rowCount);
          const right = Math.min(layer.rect.col + layer.rect.colCount, used.col + used.colCount);
          for (let r = top; r < bottom; r += 1) {
            for (let c = left; c < right; c += 1) {
              const cell = grid[(r - used.row) * used.colCount + (c - used.col)]!;
              if (layer.prop === "reset") FORMAT_PROPS.forEach((p, i) => (cell[i] = FORMAT_DEFAULTS[p]));
              else cell[FORMAT_PROPS.indexOf(layer.prop)] = layer.value;
            }
          }
        }
        for (let r = used.row; r < used.row + used.rowCount; r += 1) {
          for (let c = used.col; c < used.col + used.colCount; c += 1) {
            const k = r * EXCEL_COLUMNS + c;
            const cellFormats = grid[(r - used.row) * used.colCount + (c - used.col)];
            cells.push([r, c, sheet.values.get(k) ?? null, sheet.formulas.get(k) ?? null, cellFormats]);
            const validation = sheet.validationAt(r, c);
            if (validation !== null) cells.push([r, c, validation.rule, validation.errorAlert]);
          }
        }
      }
      return {
        name: sheet.name,
        visibility: sheet.visibility,
        tabColor: sheet.tabColor,
        cells,
        notes: [...sheet.notes].sort((a, b) => a[0] - b[0]),
        // Comment ids and their order (creation) differ from run to run; cell, text and author do not.
        comments: sheet.comments
          .map((c) => [c.key, c.content, c.authorName] as const)
          .sort((a, b) => a[0] - b[0]),
        widths: [...sheet.columnWidths].sort((a, b) => a[0] - b[0]),
        heights: [...sheet.rowHeights].sort((a, b) => a[0] - b[0]),
        freeze: sheet.freeze,
        page: sheet.page,
        // Chart ids differ from run to run; everything else of a chart is what a user sees.
        charts: sheet.charts.map((chart) => ({ ...chart, id: "" })),
      };
    }),
    tables: state.tables
      .map((t) => ({
        name: t.name,
        sheet: state.sheetById(t.sheetId)?.name,
        rect: t.rect,
        style: t.style,
        showFilterButton: t.showFilterButton,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** What a run with one fault did: every assertion's input, for the test to check. */
export interface FaultRun {
  readonly fault: FakeFault;
  readonly fired: number;
  /** The HostError the action threw, or null where it resolved (a cosmetic failure, reported). */
  readonly error: unknown;
  readonly cosmeticFailures: number;
  readonly missing: readonly Entry[];
  readonly rerun: unknown;
  readonly rerunFingerprint: unknown;
  /** The fault came before anything changed the workbook, so the rerun is the baseline run. */
  readonly rerunSkipped: boolean;
}

/**
 * A scenario's starting workbook and the fault-free run from it: how many syncs and operations
 * the action takes (each one a place to inject a fault), its result and the workbook it leaves.
 */
export interface FaultBaseline {
  readonly start: FakeWorkbookState;
  readonly entries: readonly Entry[];
  readonly syncs: number;
  readonly operations: number;
  readonly result: unknown;
  readonly fingerprint: unknown;
}

export async function faultBaseline<R>(scenario: FaultScenario<R>): Promise<FaultBaseline> {
  const excelApi = scenario.excelApi === undefined ? {} : { excelApi: scenario.excelApi };
  const prepared = await createOfficeHarness({ excel: excelApi });
  const entries = await scenario.prepare(prepared);
  const start = prepared.excel.state.clone();
  const clean = await createOfficeHarness({ excel: { state: start.clone(), ...excelApi } });
  const syncs = clean.excel.syncCount;
  const operations = clean.excel.operationCount;
  const result = scenario.comparable(await scenario.act(clean.port));
  return {
    start,
    entries,
    syncs: clean.excel.syncCount - syncs,
    operations: clean.excel.operationCount - operations,
    result,
    fingerprint: workbookFingerprint(clean.excel.state),
  };
}

/** Runs the action from the baseline's workbook with one fault, then once more without. */
export async function runWithFault<R>(
  scenario: FaultScenario<R>,
  baseline: FaultBaseline,
  fault: FakeFault,
): Promise<FaultRun> {
  const excelApi = scenario.excelApi === undefined ? {} : { excelApi: scenario.excelApi };
  const harness = await createOfficeHarness({ excel: { state: baseline.start.clone(), ...excelApi } });
  harness.excel.injectFault(fault);
  const mutations = harness.excel.mutationCount;
  const error = await scenario.act(harness.port).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  const cosmeticFailures = harness.port.stats.lastWrite?.cosmeticFailures.length ?? 0;
  const missing = missingEntries(harness.excel.state, baseline.entries);
  if (harness.excel.mutationCount === mutations) {
    // Nothing changed the workbook before the fault (it hit a read): running again starts from
    // the baseline's workbook, and the action is deterministic, so it ends as the baseline did.
    return {
      fault,
      fired: harness.excel.faultsFired,
      error,
      cosmeticFailures,
      missing,
      rerun: baseline.result,
      rerunFingerprint: baseline.fingerprint,
      rerunSkipped: true,
    };
  }
  // Running again, as the user would after the message: the same port, the same workbook.
  const rerun = scenario.comparable(await scenario.act(harness.port));
  return {
    fault,
    fired: harness.excel.faultsFired,
    error,
    cosmeticFailures,
    missing,
    rerun,
    rerunFingerprint: workbookFingerprint(harness.excel.state),
    rerunSkipped: false,
  };
}

/** Whether a failed run ended as the contract says: a HostError, or a write whose finishing was reported. */
export function endedWell(run: FaultRun): boolean {
  return run.error === null ? run.cosmeticFailures > 0 : run.error instanceof HostError;
}
