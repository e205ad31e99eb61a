/**
 * The unchanged check of `update`: between its read and its write the user may type, so the
 * write's first sync reads again everything the write would overwrite or clear (and the notes a
 * patch touches, the sheets and tables it relies on) and refuses to write where anything differs.
 */
import { HostError } from "../hostError";
import { refuseProtectedSheets } from "./checkBatch";
import {
  loadMarkTexts,
  countMarkTexts,
  surveyedKinds,
  type MarkCountLoad,
  type MarkCounts,
  type MarkKind,
  type NoteFact,
} from "./markTexts";
import {
  ESTIMATED_RESPONSE_BYTES_PER_CELL,
  MAX_READ_RETRIES,
  planValueLoads,
  utf8Bytes,
  type ValueBlock,
  type ValuePiece,
} from "./officeRequestPlanner";
import { normaliseCell } from "./officeValues";
import { a1Cell, boundingRect, rectOf } from "./rectGeometry";
import { scratchSheetName } from "./scratchSheets";
import { errorCode } from "./toHostError";
import type { CellRect, CellValue } from "../../workbook/layout";
import type { SheetSnapshot, WriteBatch } from "../../workbook/port";
import type { ReadResult } from "./readWorkbook";
import type { MarkTexts } from "./requirementSets";
import type { TableFact } from "./tableSteps";

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
export async function checkUnchanged(
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
  /**
   * The sheets protected now (lower-case), with their options where the batch may lift
   * protection: those it unprotects, and puts back as they were.
   */
  protectedSheets: ReadonlyMap<string, Excel.WorksheetProtectionOptions>;
  syncs: number;
}> {
  const areas = areasToCheck(read, batch);
  let factor = 1;
  for (let attempt = 0; ; attempt += 1) {
    const requests = planValueLoads(areas, options.budget, ESTIMATED_RESPONSE_BYTES_PER_CELL * factor);
    try {
      const { notes, tables, protectedSheets } = await checkOnce(context, read, batch, requests, options);
      return { notes, tables, protectedSheets, syncs: Math.max(1, requests.length) };
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
): Promise<{
  notes: Map<string, readonly NoteFact[]>;
  tables: Map<string, readonly TableFact[]>;
  protectedSheets: ReadonlyMap<string, Excel.WorksheetProtectionOptions>;
}> {
  const worksheets = context.workbook.worksheets;
  const patches = batch.patches ?? [];
  // Sheets that must still be absent (created) or present (replaced, patched). A replace clears
  // only within what the read saw and under its new values, which the values below cover.
  // A batch that lifts protection puts it back as it was: it needs the options too.
  const reprotect = batch.reprotect === true;
  const existence = [
    ...batch.sheets.map((s) => ({ name: s.layout.name, present: s.mode === "replace" })),
    ...patches.map((p) => ({ name: p.sheet, present: true })),
  ].map(({ name, present }) => {
    const sheet = worksheets.getItemOrNullObject(name);
    // Protected since the read (or never read): refused before the write, as the read's sheets are.
    if (present && reprotect) sheet.protection.load("protected,options");
    else if (present) sheet.protection.load("protected");
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
  const protectedNow = new Map(
    existence
      .filter((e) => e.present && e.sheet.protection.protected)
      .map(
        (e) => [e.name.toLowerCase(), batch.reprotect === true ? e.sheet.protection.options : {}] as const,
      ),
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
  return { notes: survey, tables, protectedSheets: protectedNow };
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
