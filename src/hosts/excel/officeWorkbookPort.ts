/**
 * The Office.js host: a WorkbookPort that talks to Excel through `Excel.run`.
 *
 * Round trips are what make an add-in slow (each `context.sync()` crosses from the task pane to
 * Excel, and on the web over the network), so every operation plans its whole batch first and
 * then spends a fixed number of syncs, however many rows there are:
 * - `update` (generation and validation): reads in two (one more for a sheet past
 *   readBounds.withoutTables whose tables the port did not expect), then, in the same `Excel.run`,
 *   checks in one that nothing it would overwrite changed meanwhile (the same sync learns the
 *   notes, or comments, a patch replaces and the tables it resizes) and writes in one;
 * - `read`: two; `write`: one, plus up to three to learn what `update` learns on the way (the
 *   first of them also learns whether the sheets it replaces or patches are protected, so a write
 *   into existing sheets costs at least two).
 * Each spends one more sync per extra chunk only where a request or response would pass Excel on
 * the web's 5 MB payload limit (see officeRequestPlanner.ts), and decides every chunk before
 * anything is queued. A write's data (values, number formats, tables, sheets, patches) comes
 * before its finishing (widths, colours, dropdowns, panes, print set-up, charts), so that a
 * failure at any step leaves a workbook the next run recognises; a failure in the finishing is
 * reported, not thrown. This file only wires the folder's concerns, one a file, each named for
 * what it does (the README's Layout section lists them).
 *
 * Requirement sets (the highest unconditional one decides the manifest's `<Requirements>`; a later
 * one is used only where `isSetSupported` says the running Excel has it). A test runs the host over
 * the fake Excel, which records every set an operation needs, and checks this list against it:
 * - ExcelApi 1.1: worksheets.getItem/add, Worksheet.name/activate/delete/getRange, Range.values/
 *   formulas/numberFormat/clear/getRow/getCell, format fill/font (name, size, colour, bold)/alignment/wrapText,
 *   workbook.tables, tables.add/getItem, Table.name/style/getRange, charts.add/getItem, Chart.name/
 *   title/setPosition/delete/axes.valueAxis (minimum, maximum, title).
 * - ExcelApi 1.2: format.columnWidth/rowHeight, Range.merge (the note under a sheet's title), Table.convertToRange, setting Worksheet.visibility,
 *   workbook.functions.countA (counting the cells a bounded read leaves), Worksheet.protection.protected/protect/unprotect, Range.format.protection.locked (protectionSteps.ts).
 * - ExcelApi 1.3: Table.showFilterButton, tables.add with a Range.
 * - ExcelApi 1.4: worksheets/tables.getItemOrNullObject, Worksheet/Range.getUsedRangeOrNullObject,
 *   workbook.settings (the token that tells a write's data from its finishing).
 * - ExcelApi 1.6: Range.conditionalFormats.clearAll.
 * - ExcelApi 1.7: getRangeByIndexes, freezePanes, Worksheet.tabColor, format.useStandardWidth/Height.
 * - ExcelApi 1.8: Range.dataValidation (rule, errorAlert, clear).
 * - ExcelApi 1.9: Worksheet.pageLayout (orientation, paperSize, printGridlines, setPrintTitleRows,
 *   setPrintTitleColumns, setPrintArea, zoom, left/right/top/bottom/header/footerMargin),
 *   Worksheet.horizontalPageBreaks (add, removePageBreaks), Range.getSpecialCellsOrNullObject
 *   (which cells hold formulas).
 * - ExcelApi 1.13, only where supported: Table.resize (otherwise a table is turned into a range and
 *   added again).
 * - ExcelApi 1.10, only where supported: where 1.18 is not (`markTexts` "comments"), Worksheet.comments
 *   (add with a Range and plain text, getCount, getItem, getItemAt), Comment.content/id/delete/
 *   getLocation; where it is, all of those but `add`, to find the cells a user's comment holds (they
 *   take no note) and remove the add-in's own comments an Excel without notes wrote — each ExcelApi
 *   1.10 in @types/office-js and https://learn.microsoft.com/javascript/api/excel/excel.commentcollection.
 * - ExcelApi 1.18, only where supported (`features.notes`, `markTexts` "notes"): Worksheet.notes (add,
 *   getCount, getItem, getItemAt), Note.content/delete/getLocation.
 */
import { HostError, refuseTableAppends } from "../hostError";
import { checkBatch, refuseMissingPatchSheets, refuseProtectedSheets } from "./checkBatch";
import { chartName } from "./chartSteps";
import { checkUnchanged } from "./checkUnchanged";
import { learnFacts, type KnownWorkbook } from "./learnFacts";
import { surveyNotes } from "./markTexts";
import { DEFAULT_PAYLOAD_BUDGET_BYTES } from "./officeRequestPlanner";
import { readWorkbook, type ReadResult } from "./readWorkbook";
import { markTextsFor, officeIsSetSupported, tableResizeExcelApi, type MarkTexts } from "./requirementSets";
import { scratchSheetName } from "./scratchSheets";
import { sendWrite, type SentWrite } from "./sendWrite";
import type { TableFact } from "./tableSteps";
import { toHostError } from "./toHostError";
import type { WriteKnowledge } from "./writeStep";
import type {
  HostFeatures,
  ReadOptions,
  UpdatePlan,
  WorkbookPort,
  WorkbookSnapshot,
  WriteBatch,
} from "../../workbook/port";
import { maxOf } from "../../core/arrays";

export { requiredExcelApi, type MarkTexts } from "./requirementSets";

/** `Excel.run`, or a fake's run in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookPortOptions {
  /**
   * The budget for one request or response, in bytes. Excel on the web refuses more than 5 MB; the
   * default stays 0.5 MB under it because our estimate cannot see Office's own envelope exactly.
   */
  readonly payloadLimitBytes?: number;
  /**
   * Which requirement sets the running Excel supports, asked once when the port is made (cell
   * notes need ExcelApi 1.18, comments 1.10: see MarkTexts). Office.js's own check by default;
   * tests pass the fake Excel's.
   *
   * @example
   * createOfficeWorkbookPort(run, { isSetSupported: (set, v) => Office.context.requirements.isSetSupported(set, v) });
   */
  readonly isSetSupported?: (name: string, minVersion: string) => boolean;
  /**
   * Hears of a write whose data went in but whose finishing Excel partly refused (see
   * OfficeCallStats.cosmeticFailures); the task pane shows it as a warning.
   */
  readonly onCosmeticFailure?: (failure: HostError) => void;
}

/** What one `read` or `write` cost. */
export interface OfficeCallStats {
  /** For an update's write: the check that nothing changed since its read, and the write itself. */
  readonly syncs: number;
  /** Requests (write) or value loads (read, and update's check) beyond the first that the payload budget forced. */
  readonly extraChunks: number;
  /** The largest estimated request (write) or response (read) of the call, in bytes. */
  readonly largestPayloadBytes: number;
  /**
   * Parts of a write's finishing (widths, colours, dropdowns, frozen panes, print set-up, charts)
   * Excel refused. The write itself stood; the next run redoes them. Empty for reads.
   */
  readonly cosmeticFailures: readonly HostError[];
}

/** Round-trip figures for the benchmark and the release note. */
export interface OfficeHostStats {
  readonly lastRead: OfficeCallStats | null;
  readonly lastWrite: OfficeCallStats | null;
  /** Every `context.sync()` this port has made. */
  readonly totalSyncs: number;
  /** The largest estimated request over all writes, in bytes. */
  readonly largestRequestBytes: number;
}

/**
 * Creates the Office.js WorkbookPort. The task pane passes `Excel.run`; tests pass a fake's run.
 *
 * @example
 * const port = createOfficeWorkbookPort((batch) => Excel.run(batch));
 * const snapshot = await port.read(["附件1 任务清单"]);
 * console.log(port.stats.lastRead?.syncs); // 2
 */
export function createOfficeWorkbookPort(
  run: ExcelRun,
  options: OfficeWorkbookPortOptions = {},
): WorkbookPort & { readonly stats: OfficeHostStats; readonly markTexts: MarkTexts } {
  const budget = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_BUDGET_BYTES;
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  // https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime
  const markTexts = markTextsFor(isSetSupported);
  const features: HostFeatures = {
    notes: markTexts !== null,
    charts: true,
  };
  const canResizeTables = isSetSupported("ExcelApi", tableResizeExcelApi);
  const stats: {
    lastRead: OfficeCallStats | null;
    lastWrite: OfficeCallStats | null;
    totalSyncs: number;
    largestRequestBytes: number;
  } = { lastRead: null, lastWrite: null, totalSyncs: 0, largestRequestBytes: 0 };

  /**
   * Tables per sheet (by lower-case name) as the latest read or write left them. A "replace" keeps
   * or removes the sheet's tables, and Office can only address a table by name; remembering them
   * saves the write a round trip in the usual read-then-write generation. A write that replaces a
   * sheet this port has not seen spends one sync to learn them.
   */
  const knownTables = new Map<string, readonly TableFact[]>();
  /** Chart names per sheet, learned the same way: a replace removes the add-in's old charts by name. */
  const knownCharts = new Map<string, readonly string[]>();
  let writes = 0;
  const memory: KnownWorkbook = { tables: knownTables, charts: knownCharts, markTexts, canResizeTables };
  const sending = { budget, onCosmeticFailure: options.onCosmeticFailure };

  /** Counts one `context.sync()` into the call's figures and the port's total. */
  function counter(): { sync: (context: Excel.RequestContext) => Promise<void>; readonly count: number } {
    let count = 0;
    return {
      sync: async (context) => {
        count += 1;
        stats.totalSyncs += 1;
        await context.sync();
      },
      get count() {
        return count;
      },
    };
  }

  function rememberRead(result: ReadResult): void {
    for (const [name, tables] of result.tables) knownTables.set(name, tables);
    for (const [name, charts] of result.charts) knownCharts.set(name, charts);
  }

  function rememberWrite(batch: WriteBatch, sent: SentWrite, syncs: number, extraCheckChunks = 0): void {
    const { requests, cosmeticFailures } = sent;
    const largest = maxOf(
      requests.map((r) => r.bytes),
      0,
    );
    stats.lastWrite = {
      syncs,
      extraChunks: Math.max(0, requests.length - 1) + Math.max(0, extraCheckChunks),
      largestPayloadBytes: largest,
      cosmeticFailures,
    };
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, largest);
    for (const sheet of batch.sheets) {
      const name = sheet.layout.name.toLowerCase();
      knownTables.set(
        name,
        sheet.layout.tables.map((t) => ({ name: t.name, rect: t.rect })),
      );
      knownTables.delete(scratchSheetName(sheet.layout.name).toLowerCase());
      knownCharts.set(
        name,
        (sheet.layout.charts ?? []).map((_, i) => chartName(i)),
      );
    }
  }

  function forgetAfterFailure(): void {
    // What Excel holds after a failure is unknown to us now; learn it again before the next replace.
    knownTables.clear();
    knownCharts.clear();
  }

  function failedCall(syncs: number): OfficeCallStats {
    return { syncs, extraChunks: 0, largestPayloadBytes: 0, cosmeticFailures: [] };
  }

  async function read(sheetNames: readonly string[], options: ReadOptions = {}): Promise<WorkbookSnapshot> {
    const counted = counter();
    try {
      const result = await run((context) =>
        readWorkbook(context, sheetNames, budget, counted.sync, {
          formulas: options.formulas === true,
          countNotes: null,
          expectedTables: knownTables,
          tables: options.tables ?? [],
        }),
      );
      stats.lastRead = {
        syncs: counted.count,
        extraChunks: result.extraChunks,
        largestPayloadBytes: result.largestResponseBytes,
        cosmeticFailures: [],
      };
      rememberRead(result);
      return result.snapshot;
    } catch (error) {
      stats.lastRead = failedCall(counted.count);
      throw toHostError(error, "read");
    }
  }

  async function write(batch: WriteBatch): Promise<void> {
    const counted = counter();
    // Planned before any Excel call: a layout Excel cannot take, or a row too big for any request,
    // fails here with nothing sent.
    refuseTableAppends(batch);
    checkBatch(batch);
    try {
      const sent = await run(async (context) => {
        const facts = await learnFacts(context, batch, counted.sync, memory, {
          sheetNames: null,
          noteCounts: null,
          readThisSession: false,
        });
        refuseMissingPatchSheets(batch, facts.sheetNames);
        refuseProtectedSheets(batch, (name) => facts.protectedSheets.has(name.toLowerCase()));
        const notes =
          markTexts === null
            ? new Map()
            : await surveyNotes(context, markTexts, facts.noteCounts, counted.sync);
        const known = knowledge({ notes, protectedSheets: facts.protectedSheets });
        return sendWrite(context, batch, known, counted.sync, sending);
      });
      rememberWrite(batch, sent, counted.count);
    } catch (error) {
      stats.lastWrite = failedCall(counted.count);
      forgetAfterFailure();
      throw toHostError(error, "write");
    }
  }

  /**
   * Reads, plans and writes inside one `Excel.run`. Between the read and the write the user may
   * type (Excel does not lock the workbook between syncs), so the write's first sync reads again
   * every cell the write would overwrite or clear, and the notes a patch touches; if any differs
   * from what `plan` saw, nothing is written and the caller gets a HostError "workbook_changed"
   * whose cause is a WorkbookChangedError. A sheet the batch would replace or patch that is
   * protected (Review → Protect Sheet) is refused the same way, as "sheet_protected", before
   * anything is written: the read learns each sheet's protection, and the check learns it again. The same sync loads the notes' places and texts and the tables' cells,
   * so a validation write costs 2 syncs (that check and the write) plus chunks, however many rows
   * there are.
   */
  async function update<T>(
    sheetNames: readonly string[],
    options: ReadOptions,
    plan: (snapshot: WorkbookSnapshot) => UpdatePlan<T>,
  ): Promise<T> {
    const readCount = counter();
    const writeCount = counter();
    // Set from inside Excel.run's callback, read in the catch below.
    const progress: { phase: "read" | "write"; planError: { error: unknown } | null } = {
      phase: "read",
      planError: null,
    };
    const formulas = options.formulas === true;
    try {
      const outcome = await run(async (context) => {
        const read = await readWorkbook(context, sheetNames, budget, readCount.sync, {
          formulas,
          countNotes: markTexts,
          expectedTables: knownTables,
          tables: options.tables ?? [],
        });
        stats.lastRead = {
          syncs: readCount.count,
          extraChunks: read.extraChunks,
          largestPayloadBytes: read.largestResponseBytes,
          cosmeticFailures: [],
        };
        rememberRead(read);
        let decided: UpdatePlan<T>;
        try {
          decided = plan(read.snapshot);
        } catch (error) {
          progress.planError = { error };
          throw error;
        }
        const { batch } = decided;
        if (batch === null) return { result: decided.result, written: null };
        progress.phase = "write";
        checkBatch(batch, read.formulaLikeTexts);
        refuseMissingPatchSheets(batch, read.snapshot.sheetNames);
        refuseProtectedSheets(batch, (name) => read.protectedSheets.has(name.toLowerCase()));
        // Sheets the read did not cover (the caller asked for others) are learned as a write would.
        const facts = await learnFacts(context, batch, writeCount.sync, memory, {
          sheetNames: read.snapshot.sheetNames,
          noteCounts: read.noteCounts,
          readThisSession: true,
        });
        const checked = await checkUnchanged(context, read, batch, {
          formulas,
          noteCounts: markTexts !== null ? new Map([...read.noteCounts, ...facts.noteCounts]) : new Map(),
          markTexts,
          tables: knownTables,
          budget,
          sync: writeCount.sync,
        });
        for (const [name, tables] of checked.tables) knownTables.set(name, tables);
        const sent = await sendWrite(
          context,
          batch,
          knowledge({
            notes: checked.notes,
            scratch: read.scratch,
            windows: read.windows,
            formulaLikeTexts: read.formulaLikeTexts,
            protectedSheets: checked.protectedSheets, // as the check found them, after the read
          }),
          writeCount.sync,
          sending,
        );
        return { result: decided.result, written: { batch, sent, checkSyncs: checked.syncs } };
      });
      if (outcome.written !== null) {
        const { batch, sent, checkSyncs } = outcome.written;
        rememberWrite(batch, sent, writeCount.count, checkSyncs - 1);
      }
      return outcome.result;
    } catch (error) {
      // The caller's own plan failing is not Excel's doing: it reaches the caller as it was thrown.
      if (progress.planError !== null) throw progress.planError.error;
      if (progress.phase === "read") {
        stats.lastRead = failedCall(readCount.count);
      } else {
        stats.lastWrite = failedCall(writeCount.count);
        forgetAfterFailure();
      }
      throw toHostError(error, progress.phase);
    }
  }

  /** What this port knows, for planning one write, with what the caller learned besides. */
  function knowledge(
    learned: Partial<Omit<WriteKnowledge, "tables" | "charts" | "markTexts" | "canResizeTables" | "witness">>,
  ): WriteKnowledge {
    writes += 1;
    return {
      tables: knownTables,
      charts: knownCharts,
      notes: learned.notes ?? new Map(),
      scratch: learned.scratch ?? new Set(),
      windows: learned.windows ?? new Map(),
      formulaLikeTexts: learned.formulaLikeTexts ?? new Set(),
      protectedSheets: learned.protectedSheets ?? new Map(),
      markTexts,
      canResizeTables,
      witness: `${Date.now().toString(36)}-${writes}`,
    };
  }

  return { read, write, update, features, stats, markTexts };
}
