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
 * reported, not thrown.
 *
 * Requirement sets (the highest unconditional one decides the manifest's `<Requirements>`; a later
 * one is used only where `isSetSupported` says the running Excel has it). A test runs the host over
 * the fake Excel, which records every set an operation needs, and checks this list against it:
 * - ExcelApi 1.1: worksheets.getItem/add, Worksheet.name/activate/delete/getRange, Range.values/
 *   formulas/numberFormat/clear/getRow/getCell, format fill/font/alignment/wrapText,
 *   workbook.tables, tables.add/getItem, Table.name/style/getRange, charts.add/getItem, Chart.name/
 *   title/setPosition/delete/axes.valueAxis (minimum, maximum, title).
 * - ExcelApi 1.2: format.columnWidth/rowHeight, Table.convertToRange, setting Worksheet.visibility,
 *   workbook.functions.countA (counting the cells a bounded read leaves), Worksheet.protection.
 *   protected (a protected sheet is refused before anything is written).
 * - ExcelApi 1.3: Table.showFilterButton, tables.add with a Range.
 * - ExcelApi 1.4: worksheets/tables.getItemOrNullObject, Worksheet/Range.getUsedRangeOrNullObject,
 *   workbook.settings (the token that tells a write's data from its finishing).
 * - ExcelApi 1.6: Range.conditionalFormats.clearAll.
 * - ExcelApi 1.7: getRangeByIndexes, freezePanes, Worksheet.tabColor, format.useStandardWidth/Height.
 * - ExcelApi 1.8: Range.dataValidation (rule, errorAlert, clear).
 * - ExcelApi 1.9: Worksheet.pageLayout (orientation, paperSize, printGridlines, setPrintTitleRows,
 *   setPrintTitleColumns, zoom), Range.getSpecialCellsOrNullObject (which cells hold formulas).
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
import { columnLetters } from "../../workbook/a1";
import { HostError, ProtectedSheets } from "../hostError";
import {
  ACTION_OVERHEAD_BYTES,
  DEFAULT_PAYLOAD_BUDGET_BYTES,
  ESTIMATED_RESPONSE_BYTES_PER_CELL,
  MAX_READ_RETRIES,
  chunkRows,
  packGreedily,
  planValueLoads,
  utf8Bytes,
  type ValueBlock,
  type ValuePiece,
} from "./officeRequestPlanner";
import type { CellRect, CellValue, RectFormat, SheetLayout, ValidationRule } from "../../workbook/layout";
import type {
  HostFeatures,
  ReadOptions,
  SheetPatch,
  SheetSnapshot,
  SheetWrite,
  UpdatePlan,
  WorkbookPort,
  WorkbookSnapshot,
  WriteBatch,
} from "../../workbook/port";
import { addInNoteMarker, readBounds } from "../../workbook/port";

/**
 * The ExcelApi requirement set this host needs: 1.9, because print titles and fit-to-width
 * (`Worksheet.pageLayout`) and getSpecialCells arrive in 1.9; everything else it uses without
 * asking is 1.8 or older (see the list at the top of this file). The manifest declares the same
 * version.
 *
 * @example
 * if (!Office.context.requirements.isSetSupported("ExcelApi", requiredExcelApi)) showUpgradeHint();
 */
export const requiredExcelApi = "1.9";

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

/** The ExcelApi version that brings cell notes (Worksheet.notes, Note). */
export const notesExcelApi = "1.18";

/** The ExcelApi version that brings comment threads (Worksheet.comments, Comment). */
export const commentsExcelApi = "1.10";

/**
 * Which of Excel's cell texts carries a mark's messages, decided at run time by requirement set:
 * notes where Excel has ExcelApi 1.18; otherwise comment threads (ExcelApi 1.10), which every
 * Excel since has; null in an Excel with neither, where the fills and the task pane's list carry
 * the marks. `features.notes` says whether there is one at all (the validation asks only that).
 */
export type MarkTexts = "notes" | "comments" | null;

/** Decides the kind of mark text for an Excel that supports what `isSetSupported` says. */
export function markTextsFor(isSetSupported: (name: string, minVersion: string) => boolean): MarkTexts {
  if (isSetSupported("ExcelApi", notesExcelApi)) return "notes";
  if (isSetSupported("ExcelApi", commentsExcelApi)) return "comments";
  return null;
}

/** Office.js's requirement check, or "nothing beyond the manifest's minimum" outside Office (tests, node). */
function officeIsSetSupported(name: string, minVersion: string): boolean {
  return typeof Office !== "undefined" && Office.context.requirements.isSetSupported(name, minVersion);
}

/** What one `read` or `write` cost. */
/** The ExcelApi version that brings Table.resize, which keeps a table while it changes size. */
export const tableResizeExcelApi = "1.13";

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

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

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
    const largest = Math.max(0, ...requests.map((r) => r.bytes));
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
        readInContext(context, sheetNames, budget, counted.sync, {
          formulas: options.formulas === true,
          countNotes: null,
          expectedTables: knownTables,
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
    checkBatch(batch);
    try {
      const sent = await run(async (context) => {
        const facts = await learnFacts(context, batch, counted.sync, {
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
        return sendWrite(context, batch, knowledge({ notes }), counted.sync);
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
        const read = await readInContext(context, sheetNames, budget, readCount.sync, {
          formulas,
          countNotes: markTexts,
          expectedTables: knownTables,
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
        checkBatch(batch);
        refuseMissingPatchSheets(batch, read.snapshot.sheetNames);
        refuseProtectedSheets(batch, (name) => read.protectedSheets.has(name.toLowerCase()));
        // Sheets the read did not cover (the caller asked for others) are learned as a write would.
        const facts = await learnFacts(context, batch, writeCount.sync, {
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
          }),
          writeCount.sync,
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
    learned: Partial<Pick<WriteKnowledge, "notes" | "scratch" | "windows" | "formulaLikeTexts">>,
  ): WriteKnowledge {
    writes += 1;
    return {
      tables: knownTables,
      charts: knownCharts,
      notes: learned.notes ?? new Map(),
      scratch: learned.scratch ?? new Set(),
      windows: learned.windows ?? new Map(),
      formulaLikeTexts: learned.formulaLikeTexts ?? new Set(),
      markTexts,
      canResizeTables,
      witness: `${Date.now().toString(36)}-${writes}`,
    };
  }

  /**
   * Plans the batch and sends it, one sync per planned request. A failure in the data part throws;
   * a failure in the cosmetic part is reported (stats, `onCosmeticFailure`) and the rest is still
   * sent. Where one request holds both, reading the witness setting back tells which failed.
   */
  async function sendWrite(
    context: Excel.RequestContext,
    batch: WriteBatch,
    known: WriteKnowledge,
    sync: (context: Excel.RequestContext) => Promise<void>,
  ): Promise<SentWrite> {
    const planned = planWrite(batch, known, budget);
    const witnessAt = planned.findIndex((r) => r.steps.some((s) => s.witness === true));
    const cosmeticFailures: HostError[] = [];
    // One sync per planned request: the plan has already cut them to the payload budget, so
    // the number of syncs is 1 + the extra chunks, never one per sheet or per row.
    for (const [index, request] of planned.entries()) {
      const scope = new RequestScope(context);
      for (const step of request.steps) step.queue(scope);
      try {
        // A sync in a loop on purpose: one per payload chunk, bounded by data size / 4.5 MB, not by sheets or rows.
        await sync(context);
      } catch (error) {
        const cosmetic =
          witnessAt >= 0 &&
          (index > witnessAt || (index === witnessAt && (await witnessStored(context, known.witness, sync))));
        if (!cosmetic) throw error;
        const failure = new HostError(
          "excel_rejected",
          `The data is written, but Excel refused part of the finishing (widths, colours, dropdowns, frozen panes, print set-up, charts or comments); running again redoes it: ${errorMessage(error)}`,
          { cause: error },
        );
        cosmeticFailures.push(failure);
        options.onCosmeticFailure?.(failure);
      }
    }
    return { requests: planned, cosmeticFailures };
  }

  /**
   * What a write must know of the workbook before it queues anything, learned where nobody has
   * told it yet: the sheet list (patches refuse a missing sheet before writing), the tables (and
   * their cells, for Table.resize) and charts of sheets it replaces, and how many notes the patched
   * sheets hold. One sync, and one more where table names had to be learned before their cells.
   */
  async function learnFacts(
    context: Excel.RequestContext,
    batch: WriteBatch,
    sync: (context: Excel.RequestContext) => Promise<void>,
    known: {
      readonly sheetNames: readonly string[] | null;
      readonly noteCounts: ReadonlyMap<string, MarkCounts> | null;
      /**
       * Whether the caller read the workbook in this same session (update): what it learned is
       * fresh, its check loads the tables' cells itself, and it knows which sheets are protected.
       */
      readonly readThisSession: boolean;
    },
  ): Promise<WriteFacts> {
    const patches = batch.patches ?? [];
    const replaced = batch.sheets.filter((s) => s.mode === "replace").map((s) => s.layout.name);
    const tablesOf = replaced.filter((name) => !knownTables.has(name.toLowerCase()));
    // A sheet that draws charts loses every old one (see cosmeticSteps), so its charts are learned
    // afresh unless this session's read just did: a remembered list may be stale.
    const drawsCharts = new Set(
      batch.sheets.filter((s) => (s.layout.charts ?? []).length > 0).map((s) => s.layout.name.toLowerCase()),
    );
    const chartsOf = replaced.filter(
      (name) =>
        !knownCharts.has(name.toLowerCase()) ||
        (drawsCharts.has(name.toLowerCase()) && !known.readThisSession),
    );
    const notesOf = markTexts
      ? patches
          .filter((p) => p.notes.length > 0 || p.clearNotes !== null)
          .map((p) => p.sheet)
          .filter((name) => known.noteCounts?.has(name.toLowerCase()) !== true)
      : [];
    const namesNeeded = patches.length > 0 && known.sheetNames === null;
    // The sheets the write changes in place: where update's read did not learn their protection,
    // it is learned here (a sheet not there is a null object, refused elsewhere by name).
    const protectionOf = known.readThisSession
      ? []
      : [...new Set([...replaced, ...patches.map((p) => p.sheet)].map((n) => n.toLowerCase()))];
    let sheetNames = known.sheetNames;
    const noteCounts = new Map<string, MarkCounts>();
    const protectedSheets = new Set<string>();
    if (
      namesNeeded ||
      tablesOf.length > 0 ||
      chartsOf.length > 0 ||
      notesOf.length > 0 ||
      protectionOf.length > 0
    ) {
      const worksheets = context.workbook.worksheets;
      if (namesNeeded) worksheets.load("items/name");
      const tables = tablesOf.map((name) => {
        const collection = worksheets.getItem(name).tables;
        collection.load("items/name");
        return { name, collection };
      });
      const charts = chartsOf.map((name) => {
        const collection = worksheets.getItem(name).charts;
        collection.load("items/name");
        return { name, collection };
      });
      // A patched sheet that is not there must not fail this probe: the write refuses it by name.
      const counts =
        markTexts === null
          ? []
          : notesOf.map((name) => ({
              name,
              count: countMarkTexts(worksheets.getItemOrNullObject(name), markTexts),
            }));
      const protections = protectionOf.map((name) => {
        const sheet = worksheets.getItemOrNullObject(name);
        sheet.protection.load("protected");
        return { name, sheet };
      });
      await sync(context);
      if (namesNeeded) sheetNames = worksheets.items.map((ws) => ws.name);
      for (const { name, collection } of tables) {
        knownTables.set(
          name.toLowerCase(),
          collection.items.map((t) => ({ name: t.name, rect: null })),
        );
      }
      for (const { name, collection } of charts) {
        knownCharts.set(
          name.toLowerCase(),
          collection.items.map((c) => c.name),
        );
      }
      for (const { name, count } of counts) noteCounts.set(name.toLowerCase(), count.value);
      for (const { name, sheet } of protections) {
        if (!sheet.isNullObject && sheet.protection.protected) protectedSheets.add(name);
      }
    }
    // Where a table may be resized, its cells decide whether it can be: learn those not known.
    if (canResizeTables && !known.readThisSession) await learnTableCells(context, replaced, sync);
    return { sheetNames, noteCounts, protectedSheets };
  }

  /** Loads the cells of the named sheets' known tables where they are not known yet: one sync. */
  async function learnTableCells(
    context: Excel.RequestContext,
    sheets: readonly string[],
    sync: (context: Excel.RequestContext) => Promise<void>,
  ): Promise<void> {
    const pending = sheets.flatMap((sheet) =>
      (knownTables.get(sheet.toLowerCase()) ?? [])
        .filter((t) => t.rect === null)
        .map((t) => {
          const range = context.workbook.worksheets.getItem(sheet).tables.getItem(t.name).getRange();
          range.load("rowIndex,columnIndex,rowCount,columnCount");
          return { sheet, name: t.name, range };
        }),
    );
    if (pending.length === 0) return;
    await sync(context);
    for (const { sheet, name, range } of pending) {
      const key = sheet.toLowerCase();
      knownTables.set(
        key,
        (knownTables.get(key) ?? []).map((t) => (t.name === name ? { name, rect: rectOf(range) } : t)),
      );
    }
  }

  return { read, write, update, features, stats, markTexts };
}

/** What sending a write did: the requests, and the cosmetic parts Excel refused. */
interface SentWrite {
  readonly requests: readonly PlannedRequest[];
  readonly cosmeticFailures: readonly HostError[];
}

/** Whether the data part of a write whose request failed got as far as storing its token. */
async function witnessStored(
  context: Excel.RequestContext,
  token: string,
  sync: (context: Excel.RequestContext) => Promise<void>,
): Promise<boolean> {
  const setting = context.workbook.settings.getItemOrNullObject(WITNESS_SETTING);
  setting.load("value");
  try {
    await sync(context);
  } catch {
    // Unknown: the write counts as failed, which the next run repairs.
    return false;
  }
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- synced just above through the counting wrapper inside a try, which the rules cannot follow.
  return !setting.isNullObject && setting.value === token;
}

function isRect(cells: Excel.Range | CellRect): cells is CellRect {
  return "rowCount" in cells && "colCount" in cells;
}

function rectOf(range: Excel.Range): CellRect {
  return {
    row: range.rowIndex,
    col: range.columnIndex,
    rowCount: range.rowCount,
    colCount: range.columnCount,
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ————————————————————————————————————————————— read —————————————————————————————————————————————

interface SheetProbe {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly tables: Excel.TableCollection;
  readonly charts: Excel.ChartCollection;
  readonly notes: MarkCountLoad | null;
  /** Whether the sheet is protected (ExcelApi 1.2): a write into it would fail part-way. */
  readonly protection: Excel.WorksheetProtection;
  /** The cells of the tables the port expected there, by lower-case table name (null objects if gone). */
  readonly expected: ReadonlyMap<string, Excel.Range>;
}

/** What one read learned: the snapshot, and what a write in the same session needs beyond it. */
interface ReadResult {
  readonly snapshot: WorkbookSnapshot;
  readonly charts: ReadonlyMap<string, readonly string[]>;
  /** Notes per existing sheet, by lower-case name (only where the read was asked to count them). */
  readonly noteCounts: ReadonlyMap<string, MarkCounts>;
  /** Tables per existing sheet (scratch sheets included), by lower-case name; cells not loaded. */
  readonly tables: ReadonlyMap<string, readonly TableFact[]>;
  /** The existing sheets read that are protected (lower-case names). */
  readonly protectedSheets: ReadonlySet<string>;
  /** Scratch sheets an earlier failed write left (lower-case names), hidden from the snapshot. */
  readonly scratch: ReadonlySet<string>;
  /** The tables on scratch sheets (lower-case names), left out of the snapshot's table names. */
  readonly hiddenTables: ReadonlySet<string>;
  /** The block each existing sheet's values were read from (null: empty sheet), by lower-case name. */
  readonly windows: ReadonlyMap<string, CellRect | null>;
  /** Text read back that starts with "=" but is no formula (see WriteKnowledge). */
  readonly formulaLikeTexts: ReadonlySet<string>;
  readonly extraChunks: number;
  readonly largestResponseBytes: number;
}

interface UsedArea extends ValueBlock {
  readonly sheet: Excel.Worksheet;
  readonly tables: readonly string[];
}

async function readInContext(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  budget: number,
  sync: (context: Excel.RequestContext) => Promise<void>,
  options: {
    readonly formulas: boolean;
    /** Count the notes or comments of each sheet read (where a write may clear or add marks); null: none. */
    readonly countNotes: MarkTexts;
    /**
     * The tables this port expects on each sheet (from its last read or write): their cells are
     * asked for in the first sync, so that a large sheet's block around its tables costs no sync of
     * its own when the expectation holds. A table missing is a null object, not a failure.
     */
    readonly expectedTables: ReadonlyMap<string, readonly TableFact[]>;
  },
): Promise<ReadResult> {
  const { formulas } = options;
  // Sync 1: the sheet list and, for each requested sheet, its used range's extent and its tables.
  // A missing sheet gives null objects all the way down, so one batch asks for all of them.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  // Every table's name: a plan sheet renamed by the user still holds its WP_* table somewhere.
  const workbookTables = context.workbook.tables;
  workbookTables.load("items/name");
  const probed = new Map<string, string>();
  for (const name of sheetNames) if (!probed.has(name.toLowerCase())) probed.set(name.toLowerCase(), name);
  const probes: SheetProbe[] = [...probed.values()].map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    // valuesOnly: formatted but empty entry rows must not stretch the range we read back.
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    // eslint-disable-next-line office-addins/call-sync-before-read -- `tables` is a navigation to a proxy, not a loaded scalar; the rule cannot tell them apart.
    const tables = sheet.tables;
    tables.load("items/name");
    // eslint-disable-next-line office-addins/call-sync-before-read -- as for `tables`: a navigation, not a loaded scalar.
    const charts = sheet.charts;
    charts.load("items/name");
    const notes = options.countNotes === null ? null : countMarkTexts(sheet, options.countNotes);
    // eslint-disable-next-line office-addins/call-sync-before-read -- as for `tables`: a navigation, not a loaded scalar.
    const protection = sheet.protection;
    protection.load("protected");
    const expected = new Map(
      (options.expectedTables.get(name.toLowerCase()) ?? []).map((table) => {
        const range = tables.getItemOrNullObject(table.name).getRange();
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        return [table.name.toLowerCase(), range] as const;
      }),
    );
    return { name, sheet, used, tables, charts, notes, protection, expected };
  });
  await sync(context);

  // Scratch sheets a failed write left are hidden from the snapshot; their tables are learned
  // with the values (they are rare, and only the write that takes them over needs them).
  const scratchNames = worksheets.items.map((ws) => ws.name).filter(isScratchSheetName);
  const allNames = worksheets.items.map((ws) => ws.name).filter((name) => !isScratchSheetName(name));
  const charts = new Map<string, readonly string[]>();
  const noteCounts = new Map<string, MarkCounts>();
  const tableFacts = new Map<string, readonly TableFact[]>();
  const scratch = new Set(scratchNames.map((name) => name.toLowerCase()));
  const windows = new Map<string, CellRect | null>();
  const hiddenTables = new Set<string>();
  const protectedSheets = new Set<string>();
  for (const probe of probes) {
    if (probe.sheet.isNullObject || isScratchSheetName(probe.name)) continue;
    const key = probe.name.toLowerCase();
    if (probe.protection.protected) protectedSheets.add(key);
    tableFacts.set(
      key,
      probe.tables.items.map((t) => ({ name: t.name, rect: null })),
    );
    charts.set(
      key,
      probe.charts.items.map((c) => c.name),
    );
    if (probe.notes !== null) noteCounts.set(key, probe.notes.value);
  }

  // Which block of each sheet is read (readBounds). A sheet whose used range fits within
  // readBounds.withoutTables is read whole; a larger one around its tables (whose cells one more
  // sync loads) or, without tables, within that bound. A stray value far away is counted, not read.
  const emptySheets: SheetSnapshot[] = [];
  const bounded: {
    probe: SheetProbe;
    used: CellRect;
    tables: readonly string[];
    cells: (Excel.Range | CellRect)[];
  }[] = [];
  for (const probe of probes) {
    if (probe.sheet.isNullObject || isScratchSheetName(probe.name)) continue;
    const tables = probe.tables.items.map((t) => t.name);
    if (probe.used.isNullObject) {
      emptySheets.push({ name: probe.name, startRow: 0, startCol: 0, values: [], tables });
      windows.set(probe.name.toLowerCase(), null);
      continue;
    }
    const used = rectOf(probe.used);
    const small = within(used, readBounds.withoutTables);
    const cells =
      small || tables.length === 0
        ? []
        : tables.map((name): Excel.Range | CellRect => {
            const known = probe.expected.get(name.toLowerCase());
            if (known !== undefined && !known.isNullObject) return rectOf(known);
            const range = probe.sheet.tables.getItem(name).getRange();
            range.load("rowIndex,columnIndex,rowCount,columnCount");
            return range;
          });
    bounded.push({ probe, used, tables, cells });
  }
  // Only tables the port did not expect cost a sync of their own.
  if (bounded.some((b) => b.cells.some((c) => !isRect(c)))) await sync(context);
  const areas: UsedArea[] = [];
  const ignoredRegions = new Map<string, { sheet: Excel.Worksheet; rects: readonly CellRect[] }>();
  for (const { probe, used, tables, cells } of bounded) {
    const key = probe.name.toLowerCase();
    let window: CellRect | null = used;
    if (cells.length > 0) {
      const rects = cells.map((c) => (isRect(c) ? c : rectOf(c)));
      tableFacts.set(
        key,
        tables.map((name, i) => ({ name, rect: rects[i] ?? null })),
      );
      const bottom = Math.max(...rects.map((r) => r.row + r.rowCount)) + readBounds.rowsBelowTables;
      const right = Math.max(...rects.map((r) => r.col + r.colCount)) + readBounds.columnsRightOfTables;
      window = intersectRects(used, {
        row: used.row,
        col: used.col,
        rowCount: bottom - used.row,
        colCount: right - used.col,
      });
    } else if (tables.length === 0) {
      const { rows, columns } = readBounds.withoutTables;
      window = intersectRects(used, { row: 0, col: 0, rowCount: rows, colCount: columns });
    }
    windows.set(key, window);
    const outsideWindow = regionsOutside(used, window);
    if (outsideWindow.length > 0) ignoredRegions.set(key, { sheet: probe.sheet, rects: outsideWindow });
    if (window === null) {
      emptySheets.push({ name: probe.name, startRow: 0, startCol: 0, values: [], tables });
      continue;
    }
    areas.push({
      name: probe.name,
      sheet: probe.sheet,
      startRow: window.row,
      startCol: window.col,
      rowCount: window.rowCount,
      colCount: window.colCount,
      tables,
    });
  }

  // Sync 2 (and one more per extra chunk): the values, cut where a response would pass the budget.
  let bytesPerCell = ESTIMATED_RESPONSE_BYTES_PER_CELL;
  for (let attempt = 0; ; attempt += 1) {
    const requests = planValueLoads(areas, budget, bytesPerCell);
    try {
      // What lies outside the blocks read: how many cells, and the first one (row by row). Excel
      // counts them (COUNTA, ExcelApi 1.2) and finds the first through used ranges, in the
      // values' first sync, without sending their values.
      const ignored = [...ignoredRegions].map(([key, { sheet, rects }]) => ({
        key,
        regions: rects.map((rect) => {
          const range = rectRange(sheet, rect);
          const count = context.workbook.functions.countA(range);
          count.load("value");
          const first = range
            .getUsedRangeOrNullObject(true)
            .getRow(0)
            .getUsedRangeOrNullObject(true)
            .getCell(0, 0);
          first.load("address");
          return { count, first };
        }),
      }));
      const scratchTables = scratchNames.map((name) => {
        const collection = worksheets.getItem(name).tables;
        collection.load("items/name");
        return { name, collection };
      });
      if (requests.length === 0 && (ignored.length > 0 || scratchTables.length > 0)) requests.push([]);
      const rowsByArea = new Map<UsedArea, CellValue[][]>();
      const formulaTexts = new Set<string>();
      const textsLikeFormulas = new Set<string>();
      for (const request of requests) {
        const loaded = request.map((piece) => {
          const range = piece.area.sheet.getRangeByIndexes(
            piece.area.startRow + piece.rowOffset,
            piece.area.startCol,
            piece.rowCount,
            piece.area.colCount,
          );
          // `formulas` gives a formula cell's formula and any other cell's value, as `values` would:
          // text typed as '=见附表 reads "=见附表" either way. Which cells hold formulas Excel says
          // with getSpecialCells (ExcelApi 1.9), so that such text is written back as text.
          let formulaCells: Excel.RangeAreas | null = null;
          if (formulas) {
            range.load("formulas");
            formulaCells = range.getSpecialCellsOrNullObject("Formulas");
            formulaCells.load("address");
          } else range.load("values");
          return { piece, range, formulaCells };
        });
        // A sync in a loop on purpose: one per response chunk, decided above from the used ranges' sizes.
        await sync(context);
        for (const { piece, range, formulaCells } of loaded) {
          // Chunks of one sheet may arrive in any order (first-fit packing): place them by offset.
          const rows = rowsByArea.get(piece.area) ?? new Array<CellValue[]>(piece.area.rowCount);
          const isFormulaCell = formulaCells === null ? null : cellsOf(formulaCells);
          const top = piece.area.startRow + piece.rowOffset;
          (formulas ? range.formulas : range.values).forEach((row: unknown[], i: number) => {
            rows[piece.rowOffset + i] = row.map((raw, c) => {
              const value = normaliseCell(raw);
              if (isFormulaCell !== null && typeof value === "string" && isFormula(value)) {
                if (isFormulaCell(top + i, piece.area.startCol + c)) formulaTexts.add(value);
                else textsLikeFormulas.add(value);
              }
              return value;
            });
          });
          rowsByArea.set(piece.area, rows);
        }
      }
      // The same text as a formula in one cell and as text in another cannot be told apart when
      // written back; it stays a formula, as the layer's contract says.
      const formulaLikeTexts = new Set([...textsLikeFormulas].filter((t) => !formulaTexts.has(t)));
      for (const { name, collection } of scratchTables) {
        tableFacts.set(
          name.toLowerCase(),
          collection.items.map((t) => ({ name: t.name, rect: null })),
        );
        for (const t of collection.items) hiddenTables.add(t.name.toLowerCase());
      }
      const ignoredBy = new Map(
        ignored.map(({ key, regions }) => {
          const count = regions.reduce((sum, r) => sum + r.count.value, 0);
          const first = regions.find((r) => !r.first.isNullObject)?.first.address ?? "";
          return [key, { count, first: first.slice(first.lastIndexOf("!") + 1) }] as const;
        }),
      );
      const withIgnored = (sheet: SheetSnapshot): SheetSnapshot => {
        const found = ignoredBy.get(sheet.name.toLowerCase());
        return found === undefined || found.count === 0 ? sheet : { ...sheet, ignored: found };
      };
      const sheets = new Map<string, SheetSnapshot>();
      for (const sheet of emptySheets) sheets.set(sheet.name, withIgnored(sheet));
      for (const area of areas) {
        sheets.set(
          area.name,
          withIgnored({
            name: area.name,
            startRow: area.startRow,
            startCol: area.startCol,
            // A block cut short of the used range may end in blank rows and columns: not sent on.
            values: ignoredRegions.has(area.name.toLowerCase())
              ? trimTrailingBlanks(rowsByArea.get(area) ?? [])
              : (rowsByArea.get(area) ?? []),
            tables: area.tables,
          }),
        );
      }
      const largest = Math.max(0, ...requests.map((r) => r.reduce((sum, p) => sum + p.bytes, 0)));
      return {
        snapshot: {
          sheetNames: allNames,
          sheets,
          tableNames: workbookTables.items
            .map((t) => t.name)
            .filter((t) => !hiddenTables.has(t.toLowerCase())),
        },
        charts,
        noteCounts,
        tables: tableFacts,
        protectedSheets,
        scratch,
        hiddenTables,
        windows,
        formulaLikeTexts,
        extraChunks: Math.max(0, requests.length - 1),
        largestResponseBytes: largest,
      };
    } catch (error) {
      // Reading changes nothing, so a response Excel found too big is simply asked for in smaller cuts.
      if (errorCode(error) !== "ResponsePayloadSizeLimitExceeded" || attempt >= MAX_READ_RETRIES) throw error;
      bytesPerCell *= 4;
    }
  }
}

// ———————————————————————————————————————— update's check ——————————————————————————————————————————

/**
 * Why `update` wrote nothing: a cell it was about to overwrite or clear, a note a patch touches, a
 * sheet or a table changed after the read (a user typed meanwhile). The HostError
 * "workbook_changed" `update` throws carries it as its cause; running again reads the new state.
 */
export class WorkbookChangedError extends Error {
  override readonly name = "WorkbookChangedError";
  constructor(
    /** The sheet that changed. */
    readonly sheet: string,
    /** The first changed cell's A1 address, or null where the sheet, its extent or its notes changed. */
    readonly cell: string | null,
    message: string,
  ) {
    super(message);
  }
}

function changed(sheet: string, cell: string | null, what: string): HostError {
  const where = cell === null ? `“${sheet}”` : `“${sheet}”!${cell}`;
  return new HostError(
    "workbook_changed",
    `${where} changed while the add-in was working (${what}); nothing was written. Run it again.`,
    { cause: new WorkbookChangedError(sheet, cell, what) },
  );
}

/** A block of cells to read again, and what the first read saw there. */
interface CheckedArea extends ValueBlock {
  readonly expected: (row: number, col: number) => CellValue;
}

/**
 * Reads again, in one sync (plus chunks), everything the batch would overwrite or clear, and the
 * notes its patches touch; throws a WorkbookChangedError HostError where anything differs from
 * what `read` saw. Returns the patched sheets' notes with their places, for the write.
 */
async function checkUnchanged(
  context: Excel.RequestContext,
  read: ReadResult,
  batch: WriteBatch,
  options: {
    readonly formulas: boolean;
    readonly noteCounts: ReadonlyMap<string, MarkCounts>;
    /** Which cell texts carry the marks (the counts above are of them); null: none. */
    readonly markTexts: MarkTexts;
    /** Tables as known now; the cells of those the write may resize are loaded with the check. */
    readonly tables: ReadonlyMap<string, readonly TableFact[]>;
    readonly budget: number;
    readonly sync: (context: Excel.RequestContext) => Promise<void>;
  },
): Promise<{
  notes: Map<string, readonly NoteFact[]>;
  tables: Map<string, readonly TableFact[]>;
  syncs: number;
}> {
  const areas = areasToCheck(read, batch);
  let factor = 1;
  for (let attempt = 0; ; attempt += 1) {
    const requests = planValueLoads(areas, options.budget, ESTIMATED_RESPONSE_BYTES_PER_CELL * factor);
    try {
      const { notes, tables } = await checkOnce(context, read, batch, requests, options);
      return { notes, tables, syncs: Math.max(1, requests.length) };
    } catch (error) {
      if (error instanceof HostError) throw error;
      const code = errorCode(error);
      // Reading changes nothing: a response Excel found too big is asked for again in smaller cuts.
      if (code === "ResponsePayloadSizeLimitExceeded" && attempt < MAX_READ_RETRIES) {
        factor *= 4;
        continue;
      }
      // A note or a sheet that went away between the syncs shows up as a missing item.
      if (code === "ItemNotFound") {
        const sheet = batch.patches?.[0]?.sheet ?? batch.sheets[0]?.layout.name ?? "";
        throw changed(sheet, null, "a sheet or a note went away");
      }
      throw error;
    }
  }
}

/** The cells to compare: each replaced sheet's read area and new values, each patch's values. */
function areasToCheck(read: ReadResult, batch: WriteBatch): CheckedArea[] {
  const snapshots = new Map([...read.snapshot.sheets].map(([name, sheet]) => [name.toLowerCase(), sheet]));
  const areas: CheckedArea[] = [];
  for (const { layout, mode } of batch.sheets) {
    const snapshot = snapshots.get(layout.name.toLowerCase());
    if (mode !== "replace" || snapshot === undefined) continue;
    // The block the read covered, blank rows it dropped included: the write clears within it.
    const readRect = read.windows.get(layout.name.toLowerCase()) ?? null;
    const newRect: CellRect | null =
      layout.values.length === 0
        ? null
        : { row: 0, col: 0, rowCount: layout.values.length, colCount: layout.values[0]?.length ?? 0 };
    const rect = boundingRect(readRect, newRect);
    if (rect !== null) areas.push(checkedArea(layout.name, rect, snapshot));
  }
  for (const patch of batch.patches ?? []) {
    const snapshot = snapshots.get(patch.sheet.toLowerCase());
    if (snapshot === undefined) continue;
    for (const { rect } of patch.values) areas.push(checkedArea(patch.sheet, rect, snapshot));
  }
  return areas;
}

/** One attempt at the check: every load queued afresh, the values in `requests` cuts. */
async function checkOnce(
  context: Excel.RequestContext,
  read: ReadResult,
  batch: WriteBatch,
  requests: readonly (readonly ValuePiece<CheckedArea>[])[],
  options: {
    readonly formulas: boolean;
    readonly noteCounts: ReadonlyMap<string, MarkCounts>;
    readonly markTexts: MarkTexts;
    readonly tables: ReadonlyMap<string, readonly TableFact[]>;
    readonly sync: (context: Excel.RequestContext) => Promise<void>;
  },
): Promise<{ notes: Map<string, readonly NoteFact[]>; tables: Map<string, readonly TableFact[]> }> {
  const worksheets = context.workbook.worksheets;
  const patches = batch.patches ?? [];
  // Sheets that must still be absent (created) or present (replaced, patched). A replace clears
  // only within what the read saw and under its new values, which the values below cover.
  const existence = [
    ...batch.sheets.map((s) => ({ name: s.layout.name, present: s.mode === "replace" })),
    ...patches.map((p) => ({ name: p.sheet, present: true })),
  ].map(({ name, present }) => {
    const sheet = worksheets.getItemOrNullObject(name);
    // Protected since the read (or never read): refused before the write, as the read's sheets are.
    if (present) sheet.protection.load("protected");
    return { name, present, sheet };
  });
  // The cells of the tables the write may resize (a replaced sheet's, a scratch sheet's it takes over).
  const tableCells = batch.sheets.flatMap(({ layout, mode }) => {
    const sheet = mode === "create" ? scratchSheetName(layout.name) : layout.name;
    if (mode === "create" && !read.scratch.has(sheet.toLowerCase())) return [];
    return (options.tables.get(sheet.toLowerCase()) ?? []).map((table) => {
      const range = worksheets.getItem(sheet).tables.getItem(table.name).getRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return { sheet: sheet.toLowerCase(), name: table.name, range };
    });
  });
  const workbookTables = context.workbook.tables;
  workbookTables.load("items/name");
  // The patched sheets' notes (or comments): how many now, and each one's text and place.
  const noteLoads: {
    sheet: string;
    kind: MarkKind;
    now: MarkCountLoad;
    before: MarkCounts;
    items: (() => NoteFact)[];
  }[] = [];
  const kind = options.markTexts;
  for (const patch of kind === null ? [] : patches) {
    const key = patch.sheet.toLowerCase();
    const before = options.noteCounts.get(key);
    if (kind === null || before === undefined || noteLoads.some((n) => n.sheet.toLowerCase() === key))
      continue;
    if (patch.notes.length === 0 && patch.clearNotes === null) continue;
    const sheet = worksheets.getItem(patch.sheet);
    const items = loadMarkTexts(sheet, kind, before);
    noteLoads.push({ sheet: patch.sheet, kind, now: countMarkTexts(sheet, kind), before, items });
  }

  for (const request of requests.length === 0 ? [[]] : requests) {
    const loaded = request.map((piece) => {
      const area = piece.area;
      const range = worksheets
        .getItem(area.name)
        .getRangeByIndexes(area.startRow + piece.rowOffset, area.startCol, piece.rowCount, area.colCount);
      if (options.formulas) range.load("formulas");
      else range.load("values");
      return { piece, area, range };
    });
    // A sync in a loop on purpose: one per response chunk, as for the read it repeats.
    await options.sync(context);
    for (const { piece, area, range } of loaded) {
      const rows: unknown[][] = options.formulas ? range.formulas : range.values;
      rows.forEach((row, i) => {
        row.forEach((value, c) => {
          const r = area.startRow + piece.rowOffset + i;
          const col = area.startCol + c;
          if (normaliseCell(value) !== area.expected(r, col)) {
            throw changed(area.name, a1Cell(r, col), "a value was typed");
          }
        });
      });
    }
  }

  for (const { name, present, sheet } of existence) {
    if (sheet.isNullObject === present) {
      throw changed(
        name,
        null,
        present ? "the sheet was deleted or renamed" : "a sheet of that name was added",
      );
    }
  }
  const protectedNow = new Set(
    existence.filter((e) => e.present && e.sheet.protection.protected).map((e) => e.name.toLowerCase()),
  );
  refuseProtectedSheets(batch, (name) => protectedNow.has(name.toLowerCase()));
  const tablesNow = workbookTables.items
    .map((t) => t.name.toLowerCase())
    .filter((t) => !read.hiddenTables.has(t))
    .sort();
  const tablesBefore = read.snapshot.tableNames.map((t) => t.toLowerCase()).sort();
  if (JSON.stringify(tablesNow) !== JSON.stringify(tablesBefore)) {
    throw changed(
      batch.sheets[0]?.layout.name ?? patches[0]?.sheet ?? "",
      null,
      "a table was added, removed or renamed",
    );
  }
  const survey = new Map<string, readonly NoteFact[]>();
  for (const { sheet, kind: surveyed, now, before, items } of noteLoads) {
    const counted = now.value;
    const differs = surveyedKinds(surveyed).find((_, i) => counted[i] !== before[i]);
    if (differs !== undefined)
      throw changed(sheet, null, `a ${differs === "comments" ? "comment" : "note"} was added or removed`);
    survey.set(
      sheet.toLowerCase(),
      items.map((fact) => fact()),
    );
  }
  const tables = new Map<string, readonly TableFact[]>();
  for (const { sheet, name, range } of tableCells) {
    tables.set(sheet, [...(tables.get(sheet) ?? []), { name, rect: rectOf(range) }]);
  }
  return { notes: survey, tables };
}

function checkedArea(name: string, rect: CellRect, snapshot: SheetSnapshot): CheckedArea {
  const expected = (row: number, col: number): CellValue =>
    snapshot.values[row - snapshot.startRow]?.[col - snapshot.startCol] ?? "";
  // What the first read's response cost per cell here: the check asks for the same cells again.
  let bytes = 0;
  for (const row of snapshot.values) bytes += utf8Bytes(JSON.stringify(row));
  const cells = snapshot.values.length * (snapshot.values[0]?.length ?? 0);
  const block = {
    name,
    startRow: rect.row,
    startCol: rect.col,
    rowCount: rect.rowCount,
    colCount: rect.colCount,
  };
  return cells === 0
    ? { ...block, expected }
    : { ...block, bytesPerCell: Math.ceil((bytes / cells) * 1.25), expected };
}

/** Rows and columns at the bottom and right that hold nothing, dropped ([] when nothing is left). */
function trimTrailingBlanks(rows: readonly CellValue[][]): CellValue[][] {
  let height = rows.length;
  while (height > 0 && (rows[height - 1] ?? []).every((v) => v === "")) height -= 1;
  let width = 0;
  for (const row of rows.slice(0, height)) {
    for (let c = row.length - 1; c >= width; c -= 1) {
      if (row[c] !== "") {
        width = c + 1;
        break;
      }
    }
  }
  return width === 0 ? [] : rows.slice(0, height).map((row) => row.slice(0, width));
}

/** Whether a rectangle lies within the first `rows` × `columns` cells of a sheet. */
function within(rect: CellRect, bound: { readonly rows: number; readonly columns: number }): boolean {
  return rect.row + rect.rowCount <= bound.rows && rect.col + rect.colCount <= bound.columns;
}

/** The cells two rectangles share, or null. */
function intersectRects(a: CellRect, b: CellRect): CellRect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.col + a.colCount, b.col + b.colCount);
  return bottom > row && right > col ? { row, col, rowCount: bottom - row, colCount: right - col } : null;
}

/**
 * The parts of a used range outside the block read from it (which shares its top-left corner):
 * right of the block beside its rows, then everything below it — in that order, so that the first
 * non-empty cell found is the first row by row.
 */
function regionsOutside(used: CellRect, window: CellRect | null): CellRect[] {
  if (window === null) return [used];
  const regions: CellRect[] = [];
  const windowRight = window.col + window.colCount;
  const usedRight = used.col + used.colCount;
  const windowBottom = window.row + window.rowCount;
  const usedBottom = used.row + used.rowCount;
  if (usedRight > windowRight) {
    regions.push({
      row: used.row,
      col: windowRight,
      rowCount: windowBottom - used.row,
      colCount: usedRight - windowRight,
    });
  }
  if (usedBottom > windowBottom) {
    regions.push({
      row: windowBottom,
      col: used.col,
      rowCount: usedBottom - windowBottom,
      colCount: used.colCount,
    });
  }
  return regions;
}

/** The smallest rectangle holding both, or null when both are null. */
function boundingRect(a: CellRect | null, b: CellRect | null): CellRect | null {
  if (a === null) return b;
  if (b === null) return a;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rowCount: Math.max(a.row + a.rowCount, b.row + b.rowCount) - row,
    colCount: Math.max(a.col + a.colCount, b.col + b.colCount) - col,
  };
}

/**
 * Which cells a RangeAreas holds, from its address ("Sheet1!A1:B4, Sheet1!D1:D4"); none for a null
 * object (no such cells).
 */
function cellsOf(areas: Excel.RangeAreas): (row: number, col: number) => boolean {
  if (areas.isNullObject) return () => false;
  const rects = areas.address.split(",").map((part) => parseA1Rect(part.trim()));
  return (row, col) => rects.some((rect) => containsCell(rect, row, col));
}

/** "'附件1 任务清单'!A1:B4", "Sheet1!D7" or "D7" → the rectangle, zero-based. */
function parseA1Rect(address: string): CellRect {
  const ref = address.slice(address.lastIndexOf("!") + 1).replaceAll("$", "");
  const [first = "", last = first] = ref.split(":");
  const cell = (text: string): { row: number; col: number } => {
    const match = /^([A-Z]+)(\d+)$/i.exec(text);
    if (match === null)
      throw new HostError("excel_rejected", `Excel gave an address the add-in cannot read: ${address}`);
    let col = 0;
    for (const ch of (match[1] ?? "").toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(match[2]) - 1, col: col - 1 };
  };
  const a = cell(first);
  const b = cell(last);
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rowCount: Math.abs(b.row - a.row) + 1,
    colCount: Math.abs(b.col - a.col) + 1,
  };
}

/** Office reports empty cells as ""; anything else it could hand back (null, undefined) reads as "" too. */
function normaliseCell(value: unknown): CellValue {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return "";
}

// ————————————————————————————————————————————— write ————————————————————————————————————————————

/** Proxies shared by the steps of one request, so a sheet is looked up once per request. */
class RequestScope {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    let sheet = this.sheets.get(name);
    if (sheet === undefined) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, sheet);
    }
    return sheet;
  }

  addSheet(name: string): void {
    this.sheets.set(name, this.context.workbook.worksheets.add(name));
  }
}

/**
 * A sheet the add-in is making carries this prefix until it holds its table and its values: a
 * write that fails part-way then leaves no sheet under a plan sheet's name without the plan's
 * table (which the next generation would refuse as someone else's). The read hides such sheets and
 * the next write takes them over. "~" cannot start a sheet name the add-in gives.
 */
const SCRATCH_PREFIX = "~WP~";

/** The name a sheet is made under before it takes its own (Excel allows 31 characters). */
export function scratchSheetName(name: string): string {
  return (SCRATCH_PREFIX + name).slice(0, 31);
}

function isScratchSheetName(name: string): boolean {
  return name.startsWith(SCRATCH_PREFIX);
}

/** An Excel Table as the workbook holds it: its name and, where learned, its cells. */
interface TableFact {
  readonly name: string;
  readonly rect: CellRect | null;
}

/** What a write learned of the workbook before queuing anything (see learnFacts). */
interface WriteFacts {
  /** Every sheet's name, where the batch patches sheets; null where nobody asked. */
  readonly sheetNames: readonly string[] | null;
  /** Notes per patched sheet that clears or adds notes, by lower-case name. */
  readonly noteCounts: ReadonlyMap<string, MarkCounts>;
  /** Replaced or patched sheets that are protected, by lower-case name (write only; update's read knows). */
  readonly protectedSheets: ReadonlySet<string>;
}

/** A cell note (or comment) as the write found it. */
interface NoteFact {
  readonly row: number;
  readonly col: number;
  readonly content: string;
  /** A comment's id, by which it is found again (Comment has no address of its own); null for a note. */
  readonly id: string | null;
}

/** What planning a write needs to know beyond the batch. Sheet keys are lower-case names. */
interface WriteKnowledge {
  /** Tables per sheet, scratch sheets included. */
  readonly tables: ReadonlyMap<string, readonly TableFact[]>;
  readonly charts: ReadonlyMap<string, readonly string[]>;
  /** The notes (or comments) of patched sheets (empty without either). */
  readonly notes: ReadonlyMap<string, readonly NoteFact[]>;
  /** Scratch sheets an earlier failed write left. */
  readonly scratch: ReadonlySet<string>;
  /**
   * Per replaced sheet, the block its read covered (null: the sheet was empty). A replace clears
   * only there and under its new values, never cells the read left unread. Absent: the whole sheet.
   */
  readonly windows: ReadonlyMap<string, CellRect | null>;
  /** Text read back that starts with "=" but is no formula: written back as text. */
  readonly formulaLikeTexts: ReadonlySet<string>;
  /** Which cell texts carry the marks' messages; null: none (fills only). */
  readonly markTexts: MarkTexts;
  /** Table.resize (ExcelApi 1.13) keeps a table while it changes size. */
  readonly canResizeTables: boolean;
  /** The token the data part of this write ends by storing (see WITNESS_SETTING). */
  readonly witness: string;
}

/**
 * A patch of a sheet that is not there, or of one the same batch replaces, is refused before
 * anything is sent: Excel would apply the batch up to the failing patch and drop the rest.
 */
function refuseMissingPatchSheets(batch: WriteBatch, sheetNames: readonly string[] | null): void {
  const patches = batch.patches ?? [];
  if (patches.length === 0 || sheetNames === null) return;
  const existing = new Set(sheetNames.map((n) => n.toLowerCase()));
  const replaced = new Set(batch.sheets.map((s) => s.layout.name.toLowerCase()));
  for (const patch of patches) {
    const name = patch.sheet.toLowerCase();
    if (!existing.has(name) || replaced.has(name)) {
      throw new HostError("excel_rejected", `There is no sheet named “${patch.sheet}” to patch.`);
    }
  }
}

/**
 * A batch that would replace or patch a protected sheet is refused before anything is sent: Excel
 * refuses every change to a protected sheet's cells, formats, tables, notes and charts, so the
 * write would stop part-way at the first of them (sheets before it written, the rest not).
 * Sheets the batch creates are new and not protected.
 */
function refuseProtectedSheets(batch: WriteBatch, isProtected: (sheet: string) => boolean): void {
  const changedInPlace = [
    ...batch.sheets.filter((s) => s.mode === "replace").map((s) => s.layout.name),
    ...(batch.patches ?? []).map((p) => p.sheet),
  ];
  const names = [...new Set(changedInPlace.filter(isProtected))];
  if (names.length === 0) return;
  const quoted = names.map((name) => `“${name}”`).join(", ");
  const message = `${names.length === 1 ? "The sheet" : "The sheets"} ${quoted} ${
    names.length === 1 ? "is" : "are"
  } protected (Review → Unprotect Sheet); nothing was written. Unprotect ${
    names.length === 1 ? "it" : "them"
  } and run again.`;
  throw new HostError("sheet_protected", message, { cause: new ProtectedSheets(names, message) });
}

/**
 * Every note (or comment) of the sheets whose patches clear or add marks, with its cell and text:
 * one sync for all of them, however many there are (each by its position, known from the count).
 */
async function surveyNotes(
  context: Excel.RequestContext,
  kind: NonNullable<MarkTexts>,
  counts: ReadonlyMap<string, MarkCounts>,
  sync: (context: Excel.RequestContext) => Promise<void>,
): Promise<Map<string, readonly NoteFact[]>> {
  const survey = new Map<string, readonly NoteFact[]>();
  const pending: { sheet: string; fact: () => NoteFact }[] = [];
  for (const [sheet, count] of counts) {
    survey.set(sheet, []);
    const worksheet = context.workbook.worksheets.getItem(sheet);
    for (const fact of loadMarkTexts(worksheet, kind, count)) pending.push({ sheet, fact });
  }
  if (pending.length === 0) return survey;
  await sync(context);
  for (const { sheet, fact } of pending) survey.set(sheet, [...(survey.get(sheet) ?? []), fact()]);
  return survey;
}

/** A kind of cell text: a note (ExcelApi 1.18) or a comment thread (1.10). */
type MarkKind = NonNullable<MarkTexts>;

/**
 * The cell texts surveyed where the marks are of the given kind. Where they are notes, comments
 * too: a cell holds a note or a comment, never both (see noteSteps), so a cell with a user's
 * comment takes no note, and the survey says which cells those are. Where the marks are comments,
 * those alone: notes cannot be read below ExcelApi 1.18.
 */
function surveyedKinds(kind: MarkKind): readonly MarkKind[] {
  return kind === "notes" ? ["notes", "comments"] : ["comments"];
}

/** How many of each surveyed kind (see surveyedKinds) a sheet holds, in that order. */
type MarkCounts = readonly number[];

/** Counts queued in one batch; `value` is read after the sync. */
interface MarkCountLoad {
  readonly value: MarkCounts;
}

/** How many notes and comments (see surveyedKinds) the sheet holds; a null sheet's collections count 0. */
function countMarkTexts(sheet: Excel.Worksheet, kind: MarkKind): MarkCountLoad {
  const counts = surveyedKinds(kind).map((k) =>
    k === "notes" ? sheet.notes.getCount() : sheet.comments.getCount(),
  );
  return {
    get value() {
      return counts.map((count) => count.value);
    },
  };
}

/** Queues the load of every note and comment the counts say the sheet holds (see loadMarkTextAt). */
function loadMarkTexts(sheet: Excel.Worksheet, kind: MarkKind, counts: MarkCounts): (() => NoteFact)[] {
  return surveyedKinds(kind).flatMap((k, i) =>
    Array.from({ length: counts[i] ?? 0 }, (_, index) => loadMarkTextAt(sheet, k, index)),
  );
}

/**
 * Queues the load of the sheet's index-th note (or comment): its text, its cell and, for a comment,
 * its id. The returned function reads them after the sync.
 */
function loadMarkTextAt(sheet: Excel.Worksheet, kind: MarkKind, index: number): () => NoteFact {
  if (kind === "notes") {
    const note = sheet.notes.getItemAt(index);
    note.load("content");
    const cell = note.getLocation();
    cell.load("rowIndex,columnIndex");
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- read only when called, after the caller's sync; the rules cannot follow a returned function.
    return () => ({ row: cell.rowIndex, col: cell.columnIndex, content: note.content, id: null });
  }
  const comment = sheet.comments.getItemAt(index);
  comment.load("content,id");
  const cell = comment.getLocation();
  cell.load("rowIndex,columnIndex");
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- as for notes above.
  return () => ({ row: cell.rowIndex, col: cell.columnIndex, content: comment.content, id: comment.id });
}

/** What Excel would refuse in a batch, refused before anything is sent. */
function checkBatch(batch: WriteBatch): void {
  for (const sheet of batch.sheets) checkLayout(sheet.layout);
  for (const patch of batch.patches ?? []) checkPatch(patch);
}

/** A patch Excel would refuse for its shape is refused before anything is sent. */
function checkPatch(patch: SheetPatch): void {
  for (const { rect, values } of patch.values) {
    const fits = values.length === rect.rowCount && values.every((row) => row.length === rect.colCount);
    if (!fits) {
      throw new HostError(
        "excel_rejected",
        `A patch of “${patch.sheet}” has values of another shape than its rectangle; Excel takes rectangles only.`,
      );
    }
  }
}

/**
 * Which part of a write a step belongs to. "data": values, number formats, tables, sheets, the
 * patches — a failure there fails the write. "cosmetic": widths, colours, fonts, dropdowns,
 * frozen panes, print set-up, charts — a failure there is reported and the write stands (what it
 * skipped comes back with the next run).
 */
type Phase = "data" | "cosmetic";

/** One unit of queued work with its estimated request size. */
interface Step {
  readonly bytes: number;
  readonly phase: Phase;
  /** The last data step: it stores the write's token, so a failed request tells how far it got. */
  readonly witness?: true;
  readonly queue: (scope: RequestScope) => void;
}

interface PlannedRequest {
  readonly steps: readonly Step[];
  readonly bytes: number;
}

/**
 * The workbook setting the data part of a write ends by storing a fresh token in. Excel applies a
 * failed request's actions up to the failing one: when a request that mixes the end of the data
 * with cosmetic steps fails, reading this setting back tells whether the data was all in (the
 * failure was cosmetic: reported, not fatal) or not (the write failed). Settings are an add-in's
 * own storage in the workbook, invisible to users.
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 */
export const WITNESS_SETTING = "WaterPlan.lastWrite";

/**
 * Orders the batch so that a failure at any step leaves a workbook the next run recognises and
 * repairs (Excel applies a failed request's actions up to the failing one and drops the rest):
 *
 * 1. data, sheet by sheet — a new sheet is made under a scratch name and takes its own name only
 *    once it holds its values and its table; a replaced sheet keeps its table, which changes size
 *    in place (Table.resize) after the new values are in, so a plan sheet never stands without its
 *    WP_* table; text formats precede values (or Excel retypes "2023-12-31"); what the old sheet
 *    held beyond the new values is cleared after them, and only where the read looked;
 * 2. the patches (values, fills, notes), then the token that marks the data as complete;
 * 3. cosmetic steps, sheet by sheet — widths, colours, dropdowns, frozen panes, print set-up,
 *    charts — then scratch sheets nobody took over are removed and the sheet to show is activated.
 */
function planWrite(batch: WriteBatch, known: WriteKnowledge, budget: number): PlannedRequest[] {
  const data: Step[] = [];
  const cosmetic: Step[] = [];
  const taken = new Set<string>();
  for (const write of batch.sheets) {
    const name = write.layout.name;
    if (write.mode === "create") taken.add(scratchSheetName(name).toLowerCase());
    data.push(...dataSteps(write, known, budget));
    cosmetic.push(...cosmeticSteps(write, known));
  }
  // Comments a patch adds go last of all (see noteSteps): one Excel refuses loses only those after it.
  const lastComments: Step[] = [];
  for (const patch of batch.patches ?? []) {
    const notes = known.markTexts === null ? null : (known.notes.get(patch.sheet.toLowerCase()) ?? []);
    for (const step of patchSteps(patch, notes, known, budget)) {
      (step.phase === "data" ? data : lastComments).push(step);
    }
  }
  for (const leftover of known.scratch) {
    if (taken.has(leftover)) continue;
    cosmetic.push(
      cosmeticStep(1, utf8Bytes(leftover), (scope) => {
        scope.sheet(leftover).delete();
      }),
    );
  }
  const activate = batch.activate;
  if (activate !== null) {
    cosmetic.push(
      cosmeticStep(1, 0, (scope) => {
        scope.sheet(activate).activate();
      }),
    );
  }
  cosmetic.push(...lastComments);
  const steps = [...data];
  if (cosmetic.length > 0) {
    const token = known.witness;
    steps.push({
      bytes: ACTION_OVERHEAD_BYTES + utf8Bytes(WITNESS_SETTING + token),
      phase: "data",
      witness: true,
      queue: (scope) => {
        scope.context.workbook.settings.add(WITNESS_SETTING, token);
      },
    });
    steps.push(...cosmetic);
  }
  const requests = packGreedily(steps, budget, (s) => s.bytes);
  return requests.map((r) => ({ steps: r, bytes: r.reduce((sum, s) => sum + s.bytes, 0) }));
}

/** The data steps of one sheet: see planWrite. */
function dataSteps(write: SheetWrite, known: WriteKnowledge, budget: number): Step[] {
  const { layout, mode } = write;
  const final = layout.name;
  const scratch = scratchSheetName(final);
  // A new sheet is built under its scratch name, a leftover scratch sheet taken over as it stands.
  const target = mode === "create" ? scratch : final;
  const reused = mode === "create" && known.scratch.has(scratch.toLowerCase());
  const key = target.toLowerCase();
  const steps: Step[] = [];
  if (mode === "create" && !reused) {
    steps.push(
      dataStep(1, utf8Bytes(target), (scope) => {
        scope.addSheet(target);
      }),
    );
  } else {
    steps.push(
      dataStep(4, 0, (scope) => {
        // Old validation, conditional formats and formats go; the layout's come back (number
        // formats now, the rest with the cosmetic steps). Values and tables stay.
        const all = scope.sheet(target).getRange();
        all.dataValidation.clear();
        all.conditionalFormats.clearAll();
        all.clear("Formats");
      }),
    );
  }
  const numberFormats = layout.formats.flatMap((f) =>
    f.numberFormat === undefined ? [] : [{ rect: f.rect, numberFormat: f.numberFormat }],
  );
  for (const format of mergeFormats(numberFormats)) {
    const numberFormat = format.numberFormat;
    if (numberFormat === undefined) continue;
    steps.push(
      dataStep(2, utf8Bytes(numberFormat), (scope) => {
        setNumberFormatForAllCells(rectRange(scope.sheet(target), format.rect), numberFormat);
      }),
    );
  }
  const rowCount = layout.values.length;
  const colCount = layout.values[0]?.length ?? 0;
  if (rowCount > 0 && colCount > 0) {
    const wire = layout.values.map((row) => row.map((value) => toOfficeValue(value, known.formulaLikeTexts)));
    for (const chunk of chunkRows(wire, final, budget)) {
      const rows = wire.slice(chunk.first, chunk.first + chunk.count);
      steps.push(
        dataStep(2, chunk.bytes, (scope) => {
          scope.sheet(target).getRangeByIndexes(chunk.first, 0, chunk.count, colCount).values = rows;
        }),
      );
    }
  }
  if (mode === "replace" || reused) {
    // What the old sheet held beyond the new values goes now, after the new values are in.
    const window = reused ? undefined : known.windows.get(key);
    const newRect = rowCount > 0 && colCount > 0 ? { row: 0, col: 0, rowCount, colCount } : null;
    const cleared = window === undefined ? WHOLE_SHEET : boundingRect(window, newRect);
    const rects = cleared === null ? [] : outside(cleared, newRect);
    if (rects.length > 0) {
      steps.push(
        dataStep(2 * rects.length, 0, (scope) => {
          const sheet = scope.sheet(target);
          for (const rect of rects) rectRange(sheet, rect).clear("Contents");
        }),
      );
    }
  }
  steps.push(...tableSteps(target, layout, known.tables.get(key) ?? [], known.canResizeTables));
  if (mode === "create") {
    steps.push(
      dataStep(2, utf8Bytes(final), (scope) => {
        scope.sheet(target).name = final;
      }),
    );
  }
  return steps;
}

const WHOLE_SHEET: CellRect = { row: 0, col: 0, rowCount: EXCEL_ROWS, colCount: EXCEL_COLUMNS };

/** The parts of `area` outside `inner` (inner's top-left is area's): right of it, then below it. */
function outside(area: CellRect, inner: CellRect | null): CellRect[] {
  if (inner === null) return [area];
  const rects: CellRect[] = [];
  const right = area.col + area.colCount - (inner.col + inner.colCount);
  const innerBottom = inner.row + inner.rowCount;
  if (right > 0) {
    rects.push({
      row: area.row,
      col: inner.col + inner.colCount,
      rowCount: Math.min(area.row + area.rowCount, innerBottom) - area.row,
      colCount: right,
    });
  }
  const below = area.row + area.rowCount - innerBottom;
  if (below > 0) rects.push({ row: innerBottom, col: area.col, rowCount: below, colCount: area.colCount });
  return rects.filter((r) => r.rowCount > 0 && r.colCount > 0);
}

/**
 * The layout's tables over the values just written. A table the sheet already holds keeps
 * existing while it changes size (Table.resize, when its header row stays and the ranges
 * overlap); only where that cannot be (an Excel without ExcelApi 1.13, a table the user moved) is
 * it turned into a range and added again, in adjacent actions. Other old tables become ranges
 * first, so that none stands in the way.
 */
function tableSteps(
  sheetName: string,
  layout: SheetLayout,
  oldTables: readonly TableFact[],
  canResize: boolean,
): Step[] {
  const steps: Step[] = [];
  const wanted = new Set(layout.tables.map((t) => t.name.toLowerCase()));
  for (const old of oldTables) {
    if (wanted.has(old.name.toLowerCase())) continue;
    steps.push(
      dataStep(3, utf8Bytes(old.name), (scope) => {
        scope.sheet(sheetName).tables.getItem(old.name).convertToRange();
      }),
    );
  }
  for (const table of layout.tables) {
    const old = oldTables.find((t) => t.name.toLowerCase() === table.name.toLowerCase());
    const resizable =
      old?.rect != null && canResize && old.rect.row === table.rect.row && rectsOverlap(old.rect, table.rect);
    if (old !== undefined && resizable) {
      steps.push(
        dataStep(3, utf8Bytes(table.name), (scope) => {
          const sheet = scope.sheet(sheetName);
          sheet.tables.getItem(old.name).resize(rectRange(sheet, table.rect));
        }),
      );
      continue;
    }
    steps.push(
      dataStep(old === undefined ? 4 : 6, utf8Bytes(table.name), (scope) => {
        const sheet = scope.sheet(sheetName);
        if (old !== undefined) sheet.tables.getItem(old.name).convertToRange();
        // A Range, not an address: Office reads an address without a sheet name as the *active* sheet's.
        sheet.tables.add(rectRange(sheet, table.rect), true).name = table.name;
      }),
    );
  }
  return steps;
}

function rectsOverlap(a: CellRect, b: CellRect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.col < b.col + b.colCount &&
    b.col < a.col + a.colCount
  );
}

/** Everything of a sheet a failure may skip without losing or hiding anything a user entered. */
function cosmeticSteps(write: SheetWrite, known: WriteKnowledge): Step[] {
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
  if (print !== null) {
    steps.push(
      cosmeticStep(6, 0, (scope) => {
        const page = scope.sheet(name).pageLayout;
        page.printGridlines = print.gridlines;
        page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
        page.paperSize = "A4";
        page.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
        if (print.titleColumns !== null) {
          const { first, last } = print.titleColumns;
          page.setPrintTitleColumns(`$${columnLetters(first)}:$${columnLetters(last)}`);
        }
        // One page wide, as many tall as it takes: the height is simply not given (Office documents
        // a number of pages or null, nothing for "automatic").
        page.zoom = print.fitToWidth ? { horizontalFitToPages: 1 } : { scale: 100 };
      }),
    );
  }
  // The add-in's charts go with the old sheet; on a sheet without charts of its own (a plan
  // sheet), a chart a user made stays. A sheet that draws charts (the summary) loses every old
  // one: a write that failed between charts.add and naming the chart left one under Excel's
  // default name, which cannot be told from a user's, and the sheet is the add-in's anyway.
  if (mode === "replace") {
    const old = known.charts.get(name.toLowerCase()) ?? [];
    if ((layout.charts ?? []).length > 0) {
      for (let index = old.length - 1; index >= 0; index -= 1) {
        steps.push(
          cosmeticStep(2, 0, (scope) => {
            scope.sheet(name).charts.getItemAt(index).delete();
          }),
        );
      }
    } else {
      for (const chart of old.filter(isAddInChart)) {
        steps.push(
          cosmeticStep(2, utf8Bytes(chart), (scope) => {
            scope.sheet(name).charts.getItem(chart).delete();
          }),
        );
      }
    }
  }
  (layout.charts ?? []).forEach((chart, index) => steps.push(chartStep(name, chart, index)));
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

/** Two rectangles that side by side (or one above the other) make one rectangle: that rectangle. */
function joined(a: CellRect, b: CellRect): CellRect | null {
  if (
    a.row === b.row &&
    a.rowCount === b.rowCount &&
    (a.col + a.colCount === b.col || b.col + b.colCount === a.col)
  ) {
    return {
      row: a.row,
      col: Math.min(a.col, b.col),
      rowCount: a.rowCount,
      colCount: a.colCount + b.colCount,
    };
  }
  if (
    a.col === b.col &&
    a.colCount === b.colCount &&
    (a.row + a.rowCount === b.row || b.row + b.rowCount === a.row)
  ) {
    return {
      row: Math.min(a.row, b.row),
      col: a.col,
      rowCount: a.rowCount + b.rowCount,
      colCount: a.colCount,
    };
  }
  return null;
}

/**
 * Merges items of one kind where Excel ends with the same cells: an item joins an earlier one of
 * the same settings when together they make a rectangle and no item between them that touches its
 * cells sets what it sets (later items win, so moving it earlier must not change who wins).
 */
function mergeRects<T extends { readonly rect: CellRect }>(
  items: readonly T[],
  sameSettings: (a: T, b: T) => boolean,
  clashes: (between: T, item: T) => boolean,
): T[] {
  const merged: T[] = [];
  for (const item of items) {
    let target = -1;
    for (let i = merged.length - 1; i >= 0; i -= 1) {
      const earlier = merged[i];
      if (earlier === undefined) continue;
      if (sameSettings(earlier, item) && joined(earlier.rect, item.rect) !== null) {
        target = i;
        break;
      }
      if (rectsOverlap(earlier.rect, item.rect) && clashes(earlier, item)) break;
    }
    const into = target >= 0 ? merged[target] : undefined;
    const rect = into === undefined ? null : joined(into.rect, item.rect);
    if (into !== undefined && rect !== null) merged[target] = { ...into, rect };
    else merged.push(item);
  }
  return merged;
}

type FormatSettings = Omit<SheetLayout["formats"][number], "rect">;
const FORMAT_KEYS = [
  "numberFormat",
  "fill",
  "fontColor",
  "bold",
  "fontSize",
  "wrapText",
  "horizontalAlignment",
  "verticalAlignment",
] as const satisfies readonly (keyof FormatSettings)[];

/** The layout's formats with neighbours of the same settings merged (fewer actions, same cells). */
function mergeFormats(formats: readonly SheetLayout["formats"][number][]): SheetLayout["formats"][number][] {
  return mergeRects(
    formats,
    (a, b) => FORMAT_KEYS.every((k) => a[k] === b[k]),
    (between, item) => FORMAT_KEYS.some((k) => between[k] !== undefined && item[k] !== undefined),
  );
}

/** The layout's dropdowns and checks with neighbours of the same rule and message merged. */
function mergeValidations(validations: SheetLayout["validations"]): SheetLayout["validations"][number][] {
  const settings = (v: SheetLayout["validations"][number]): string =>
    JSON.stringify([v.rule, v.errorTitle, v.errorMessage, v.errorStyle]);
  return mergeRects(
    validations,
    (a, b) => settings(a) === settings(b),
    () => true,
  );
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

/**
 * Sets one number format on every cell of a range. The Range docs say of numberFormat: "If the
 * argument is a single value, it will be applied to all cells in the range", which keeps a 10,000-row
 * column's format a few bytes instead of a 10,000-element array; the typings only know any[][].
 */
function setNumberFormatForAllCells(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

/**
 * Excel reads text written through `values` as if typed: "00123" becomes 123, a 18-digit ID loses
 * its last digits, "2023-12-31" becomes a date and "=…", "+…" or "-…" a formula. A leading
 * apostrophe keeps text as text (it is not part of the value), so any text Excel could take for
 * something else gets one. Office reads null in a values array as "leave this cell alone"; a
 * layout's null means empty, so it is written as "".
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 */
function toOfficeValue(value: CellValue, formulaLikeTexts: ReadonlySet<string>): string | number | boolean {
  // A formula read back from the sheet ("=SUM(E4:E12)") is written as the formula it was; text
  // the read saw as text ("=见附表" typed as '=见附表) stays text.
  if (typeof value === "string" && isFormula(value) && !formulaLikeTexts.has(value)) return value;
  if (typeof value === "string" && mayBeRetyped(value)) return `'${value}`;
  return value ?? "";
}

function isFormula(text: string): boolean {
  return text.length > 1 && text.startsWith("=");
}

function mayBeRetyped(text: string): boolean {
  return /\d/.test(text) || /^[=+\-@']/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

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

/** What Excel would refuse in a layout, caught before anything is sent. */
function checkLayout(layout: SheetLayout): void {
  const width = layout.values[0]?.length ?? 0;
  if (layout.values.some((row) => row.length !== width)) {
    throw new HostError(
      "excel_rejected",
      `The rows of “${layout.name}” differ in length; Excel takes rectangles only.`,
    );
  }
  if (isScratchSheetName(layout.name)) {
    throw new HostError(
      "excel_rejected",
      `“${layout.name}” is a name the add-in keeps for sheets it is making.`,
    );
  }
  for (const validation of layout.validations) {
    if (validation.rule.kind === "list" && validation.rule.values.some((v) => v.includes(","))) {
      throw new HostError(
        "excel_rejected",
        `A dropdown value on “${layout.name}” contains a comma, which Excel's list source would split.`,
      );
    }
  }
}

/**
 * A patch in the contract's order: values in place, fills in list order, then the add-in's notes
 * (or comments) inside `clearNotes` removed and the new ones added. `notes` is what the sheet holds
 * now, or null where this Excel has neither (the patch's notes are skipped; the fills still mark
 * the cells). All of it is data, but for the comments added (see noteSteps); a validation write is
 * one request.
 */
function patchSteps(
  patch: SheetPatch,
  notes: readonly NoteFact[] | null,
  known: WriteKnowledge,
  budget: number,
): Step[] {
  const name = patch.sheet;
  const steps: Step[] = [];
  for (const { rect, values } of patch.values) {
    const wire = values.map((row) => row.map((value) => toOfficeValue(value, known.formulaLikeTexts)));
    for (const chunk of chunkRows(wire, name, budget)) {
      const rows = wire.slice(chunk.first, chunk.first + chunk.count);
      steps.push(
        dataStep(2, chunk.bytes, (scope) => {
          scope
            .sheet(name)
            .getRangeByIndexes(rect.row + chunk.first, rect.col, chunk.count, rect.colCount).values = rows;
        }),
      );
    }
  }
  for (const { rect, fill } of patch.fills) {
    steps.push(
      dataStep(3, utf8Bytes(fill), (scope) => {
        rectRange(scope.sheet(name), rect).format.fill.color = fill;
      }),
    );
  }
  if (notes !== null && known.markTexts !== null) steps.push(...noteSteps(patch, notes, known.markTexts));
  return steps;
}

/**
 * Removes the add-in's notes (or comments) inside `clearNotes` and writes the new ones. A note is
 * addressed by its cell, a comment by the id the survey loaded, so removing one never shifts
 * another. A cell keeps one note, or one comment thread (a second `comments.add` on it fails,
 * https://github.com/OfficeDev/office-js/issues/1416), and never both: Excel's own UI offers a cell
 * that has a note no new comment and one that has a comment no new note (Excel's observed
 * behaviour; the Office.js reference does not say what `add` does there, and the fake refuses it).
 * Where the add-in's old one stays (outside `clearNotes`) its text is replaced; where a user's note
 * or comment is, the user's stays and the add-in's is not written (the fill and the task pane's
 * list still show the problem). For a user's comment that means no reply either: a reply would sit
 * in the user's conversation under the user's own name (Excel signs comments with the signed-in
 * user), notify whoever takes part in it, and could be cleared next time only by deleting inside
 * the user's thread.
 *
 * Where the marks are notes the survey holds the patched sheets' comments too (see
 * surveyedKinds), so a user's comment on a problem cell is seen and its note skipped: adding notes
 * stays data, as nothing Excel would refuse is left to foresee. The add-in's own comments an
 * Excel without notes wrote earlier are removed inside `clearNotes` like its notes, so the cell
 * takes a note now. The comments added or rewritten where the marks are comments are finishing,
 * not data: an Excel without notes cannot tell the add-in which cells hold a user's note (notes are
 * read from ExcelApi 1.18 on), so Excel may refuse one the add-in cannot foresee; the fills and
 * the list already carry that mark, and such a refusal is reported (a cosmetic failure), not a
 * failed validation. Removing the add-in's old comments stays data, like every other clearing.
 */
function noteSteps(patch: SheetPatch, existing: readonly NoteFact[], kind: NonNullable<MarkTexts>): Step[] {
  const name = patch.sheet;
  const steps: Step[] = [];
  const clear = patch.clearNotes;
  const remaining = new Map<string, NoteFact>();
  for (const note of existing) {
    const cell = a1Cell(note.row, note.col);
    if (clear !== null && containsCell(clear, note.row, note.col) && isAddInNote(note.content)) {
      const id = note.id;
      steps.push(
        id !== null
          ? dataStep(2, utf8Bytes(id), (scope) => {
              scope.sheet(name).comments.getItem(id).delete();
            })
          : dataStep(2, utf8Bytes(cell), (scope) => {
              scope.sheet(name).notes.getItem(cell).delete();
            }),
      );
    } else remaining.set(cell, note);
  }
  const wanted = new Map(patch.notes.map((note) => [a1Cell(note.row, note.col), note]));
  for (const [cell, note] of wanted) {
    const there = remaining.get(cell);
    const id = there?.id ?? null;
    if (there === undefined) {
      steps.push(
        kind === "comments"
          ? cosmeticStep(2, utf8Bytes(note.text), (scope) => {
              const sheet = scope.sheet(name);
              // A Range, not a string: a string must name the sheet as well (CommentCollection.add).
              sheet.comments.add(sheet.getRangeByIndexes(note.row, note.col, 1, 1), note.text);
            })
          : dataStep(2, utf8Bytes(note.text), (scope) => {
              const sheet = scope.sheet(name);
              sheet.notes.add(sheet.getRangeByIndexes(note.row, note.col, 1, 1), note.text);
            }),
      );
    } else if (isAddInNote(there.content)) {
      const rewrite = kind === "comments" ? cosmeticStep : dataStep;
      steps.push(
        id !== null
          ? rewrite(2, utf8Bytes(note.text + id), (scope) => {
              scope.sheet(name).comments.getItem(id).content = note.text;
            })
          : dataStep(2, utf8Bytes(note.text), (scope) => {
              scope.sheet(name).notes.getItem(cell).content = note.text;
            }),
      );
    }
  }
  return steps;
}

function isAddInNote(text: string): boolean {
  return text.startsWith(addInNoteMarker);
}

function containsCell(rect: CellRect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount
  );
}

/** The add-in names its charts "WP_Chart1", "WP_Chart2", … so that it never removes a user's chart. */
function chartName(index: number): string {
  return `WP_Chart${index + 1}`;
}

function isAddInChart(name: string): boolean {
  return name.startsWith("WP_Chart");
}

/** Excel.ChartType for the layout's chart kinds. */
const CHART_TYPE = { columnClustered: "ColumnClustered", barClustered: "BarClustered" } as const;

/**
 * A chart over the layout's data block (series in columns: the first row names them, the first
 * column holds the categories), over the anchor's cells, with its title and value axis.
 */
function chartStep(
  sheetName: string,
  chart: NonNullable<SheetLayout["charts"]>[number],
  index: number,
): Step {
  const { data, anchor, axis } = chart;
  const texts = chart.title + (axis?.title ?? "");
  return cosmeticStep(axis === undefined ? 6 : 10, utf8Bytes(texts), (scope) => {
    const sheet = scope.sheet(sheetName);
    const added = sheet.charts.add(CHART_TYPE[chart.kind], rectRange(sheet, data), "Columns");
    added.name = chartName(index);
    added.title.text = chart.title;
    added.setPosition(
      sheet.getRangeByIndexes(anchor.row, anchor.col, 1, 1),
      sheet.getRangeByIndexes(anchor.row + anchor.rowCount - 1, anchor.col + anchor.colCount - 1, 1, 1),
    );
    if (axis !== undefined) {
      const valueAxis = added.axes.valueAxis;
      valueAxis.minimum = axis.min;
      valueAxis.maximum = axis.max;
      valueAxis.title.text = axis.title;
    }
  });
}

function dataStep(actions: number, payloadBytes: number, queue: (scope: RequestScope) => void): Step {
  return { bytes: actions * ACTION_OVERHEAD_BYTES + payloadBytes, phase: "data", queue };
}

function cosmeticStep(actions: number, payloadBytes: number, queue: (scope: RequestScope) => void): Step {
  return { bytes: actions * ACTION_OVERHEAD_BYTES + payloadBytes, phase: "cosmetic", queue };
}

// ———————————————————————————————————————————— helpers ———————————————————————————————————————————

function rectRange(sheet: Excel.Worksheet, rect: CellRect): Excel.Range {
  return sheet.getRangeByIndexes(rect.row, rect.col, rect.rowCount, rect.colCount);
}

/** One cell's sheet-relative A1 address, e.g. "K8". */
function a1Cell(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A rect as a sheet-relative A1 address, e.g. "A3:J56". */
function a1Range(rect: CellRect): string {
  const first = `${columnLetters(rect.col)}${rect.row + 1}`;
  const last = `${columnLetters(rect.col + rect.colCount - 1)}${rect.row + rect.rowCount}`;
  return `${first}:${last}`;
}

/** "$A$2:$A$22": validation sources stay fixed wherever Excel evaluates them. */
function absoluteA1Range(rect: CellRect): string {
  const first = `$${columnLetters(rect.col)}$${rect.row + 1}`;
  const last = `$${columnLetters(rect.col + rect.colCount - 1)}$${rect.row + rect.rowCount}`;
  return `${first}:${last}`;
}

/** A sheet name as a formula reference: always quoted (names here hold spaces and CJK), ' doubled. */
function quoteSheetName(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = error.code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** Every failure leaves this host as a HostError with Excel's own error as the cause. */
function toHostError(error: unknown, operation: "read" | "write"): HostError {
  if (error instanceof HostError) return error;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return new HostError("payload_too_large", `Excel refused the ${operation} as too large: ${detail}`, {
      cause: error,
    });
  }
  if (code === "ApiNotFound") {
    return new HostError(
      "api_unsupported",
      `This Excel lacks an API the add-in needs (ExcelApi ${requiredExcelApi}): ${detail}`,
      {
        cause: error,
      },
    );
  }
  return new HostError("excel_rejected", `Excel rejected the ${operation}: ${detail}`, { cause: error });
}
