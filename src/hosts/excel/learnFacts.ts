/**
 * What a write must learn of the workbook before it queues anything, where neither the port's
 * memory nor the read of the same session has told it: the sheet list, the tables and charts of
 * the sheets it replaces, the notes of those it patches and which of them are protected.
 */
import { countMarkTexts, type MarkCounts } from "./markTexts";
import { rectOf } from "./rectGeometry";
import type { WriteBatch } from "../../workbook/port";
import type { MarkTexts } from "./requirementSets";
import type { TableFact } from "./tableSteps";

/**
 * What the port knows of the workbook and of the running Excel. The maps are the port's memory
 * (see createOfficeWorkbookPort), by lower-case sheet name; learning adds to them.
 */
export interface KnownWorkbook {
  readonly tables: Map<string, readonly TableFact[]>;
  readonly charts: Map<string, readonly string[]>;
  readonly markTexts: MarkTexts;
  readonly canResizeTables: boolean;
}

/** What a write learned of the workbook before queuing anything (see learnFacts). */
export interface WriteFacts {
  /** Every sheet's name, where the batch patches sheets; null where nobody asked. */
  readonly sheetNames: readonly string[] | null;
  /** Notes per patched sheet that clears or adds notes, by lower-case name. */
  readonly noteCounts: ReadonlyMap<string, MarkCounts>;
  /**
   * Replaced or patched sheets that are protected, by lower-case name, with their options where
   * the batch may lift protection (write only; update's check learns them).
   */
  readonly protectedSheets: ReadonlyMap<string, Excel.WorksheetProtectionOptions>;
}

/**
 * What a write must know of the workbook before it queues anything, learned where nobody has
 * told it yet: the sheet list (patches refuse a missing sheet before writing), the tables (and
 * their cells, for Table.resize) and charts of sheets it replaces, and how many notes the patched
 * sheets hold. One sync, and one more where table names had to be learned before their cells.
 */
export async function learnFacts(
  context: Excel.RequestContext,
  batch: WriteBatch,
  sync: (context: Excel.RequestContext) => Promise<void>,
  port: KnownWorkbook,
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
  const { tables: knownTables, charts: knownCharts, markTexts, canResizeTables } = port;
  const patches = batch.patches ?? [];
  const replaced = batch.sheets.filter((s) => s.mode === "replace").map((s) => s.layout.name);
  const tablesOf = replaced.filter((name) => !knownTables.has(name.toLowerCase()));
  // A sheet that draws charts loses every old one (see chartSteps), so its charts are learned
  // afresh unless this session's read just did: a remembered list may be stale.
  const drawsCharts = new Set(
    batch.sheets.filter((s) => (s.layout.charts ?? []).length > 0).map((s) => s.layout.name.toLowerCase()),
  );
  const chartsOf = replaced.filter(
    (name) =>
      !knownCharts.has(name.toLowerCase()) || (drawsCharts.has(name.toLowerCase()) && !known.readThisSession),
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
  const protectedSheets = new Map<string, Excel.WorksheetProtectionOptions>();
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
    // A batch that lifts protection puts it back as it was: it needs the options too.
    const reprotect = batch.reprotect === true;
    const protections = protectionOf.map((name) => {
      const sheet = worksheets.getItemOrNullObject(name);
      if (reprotect) sheet.protection.load("protected,options");
      else sheet.protection.load("protected");
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
      if (sheet.isNullObject || !sheet.protection.protected) continue;
      protectedSheets.set(name, batch.reprotect === true ? sheet.protection.options : {});
    }
  }
  // Where a table may be resized, its cells decide whether it can be: learn those not known.
  if (canResizeTables && !known.readThisSession) await learnTableCells(context, replaced, sync, knownTables);
  return { sheetNames, noteCounts, protectedSheets };
}

/** Loads the cells of the named sheets' known tables where they are not known yet: one sync. */
async function learnTableCells(
  context: Excel.RequestContext,
  sheets: readonly string[],
  sync: (context: Excel.RequestContext) => Promise<void>,
  knownTables: Map<string, readonly TableFact[]>,
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
