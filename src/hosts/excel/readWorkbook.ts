/**
 * Reading: the used-area survey (each sheet's used range, tables, charts, notes and protection in
 * one sync; which block of it to read, within readBounds) and the values of those blocks, cut
 * where a response would pass the payload budget, with what lies outside them counted, not read.
 */
import {
  ESTIMATED_RESPONSE_BYTES_PER_CELL,
  MAX_READ_RETRIES,
  planValueLoads,
  type ValueBlock,
} from "./officeRequestPlanner";
import { countMarkTexts, type MarkCountLoad, type MarkCounts } from "./markTexts";
import { isFormula, normaliseCell } from "./officeValues";
import { cellsOf, intersectRects, isRect, rectOf, rectRange, regionsOutside, within } from "./rectGeometry";
import { isScratchSheetName } from "./scratchSheets";
import { errorCode } from "./toHostError";
import type { CellRect, CellValue } from "../../workbook/layout";
import type { ReadOptions, SheetSnapshot, WorkbookSnapshot } from "../../workbook/port";
import { readBounds } from "../../workbook/port";
import type { MarkTexts } from "./requirementSets";
import type { TableFact } from "./tableSteps";
import { maxOf } from "../../core/arrays";

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
export interface ReadResult {
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

/**
 * Reads the named sheets inside the caller's `Excel.run`: the used-area survey in one sync (one
 * more where tables the port did not expect must be located), then the values, one sync per cut
 * of the payload budget. Missing sheets are left out of the snapshot, not refused.
 */
export async function readWorkbook(
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
    /** Tables whose cells the caller needs (ReadOptions.tables): asked for in the first sync as well. */
    readonly tables?: ReadOptions["tables"];
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
    const wanted = [
      ...(options.expectedTables.get(name.toLowerCase()) ?? []).map((table) => table.name),
      ...(options.tables ?? [])
        .filter((t) => t.sheet.toLowerCase() === name.toLowerCase())
        .map((t) => t.table),
    ];
    const expected = new Map(
      [...new Set(wanted.map((t) => t.toLowerCase()))].map((table) => {
        const range = tables.getItemOrNullObject(table).getRange();
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        return [table, range] as const;
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
  // Where each sheet's tables stand, as far as this read learns it (SheetSnapshot.tableRects).
  const tableRects = new Map<string, { name: string; rect: CellRect }[]>();
  for (const probe of probes) {
    if (probe.sheet.isNullObject || isScratchSheetName(probe.name)) continue;
    const key = probe.name.toLowerCase();
    tableRects.set(
      key,
      probe.tables.items.flatMap((t) => {
        const range = probe.expected.get(t.name.toLowerCase());
        return range === undefined || range.isNullObject ? [] : [{ name: t.name, rect: rectOf(range) }];
      }),
    );
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
      tableRects.set(
        key,
        tables.flatMap((name, i) => {
          const rect = rects[i];
          return rect === undefined ? [] : [{ name, rect }];
        }),
      );
      const bottom =
        maxOf(
          rects.map((r) => r.row + r.rowCount),
          -Infinity,
        ) + readBounds.rowsBelowTables;
      const right =
        maxOf(
          rects.map((r) => r.col + r.colCount),
          -Infinity,
        ) + readBounds.columnsRightOfTables;
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
        const located = { ...sheet, tableRects: tableRects.get(sheet.name.toLowerCase()) ?? [] };
        return found === undefined || found.count === 0 ? located : { ...located, ignored: found };
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
      const largest = maxOf(
        requests.map((r) => r.reduce((sum, p) => sum + p.bytes, 0)),
        0,
      );
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
