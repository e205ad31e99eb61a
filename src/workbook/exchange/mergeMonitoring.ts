import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import { createPointResolver, monitoringPoints } from "../../core/validation/monitoringPoints";
import { parseEntryDate } from "../../core/validation/parseEntryDate";
import type { LayoutRow } from "../buildSheetLayout";
import type { CellValue } from "../layout";
import { identityPart, isBlank, type ReadRow, type ReadSheet } from "../readSheet";
import { firstDataRowIndex, type AnySheetSpec } from "../sheetSpec";
import type { EntryValues } from "./entryValues";
import {
  a1,
  cellOf,
  clearedKeys,
  resolveCell,
  userColumnKey,
  userColumnOf,
  type CellTarget,
  type ReturnedSheet,
} from "./mergeEntries";
import type { AddedRow, ClearedCell, FilledCell, MergeConflict, Offer, ReturnSource } from "./mergeReport";

/** What merging 监测数据 decided. */
export interface MonitoringMerge {
  /** Cells of the city's rows to fill: by the row's index among the rows read, column key and value. */
  readonly fills: { readonly index: number; readonly key: string; readonly value: CellValue }[];
  /** Rows to append below the city's, in order (empty: the sheet is patched in place, not rewritten). */
  readonly rows: LayoutRow[];
  readonly added: AddedRow[];
  /** Rows of the returns that the city's sheet (or an earlier return) already holds. */
  readonly duplicates: number;
  readonly filled: FilledCell[];
  readonly conflicts: MergeConflict[];
  /** Values of the city's rows that a return's same sample has empty: kept, and listed. */
  readonly cleared: ClearedCell[];
}

/** A sampling time as people read it: "2023-05-01 04:00", or the day alone. */
function timeName(iso: string, minutes: number | null): string {
  if (minutes === null) return iso;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${iso} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * A sample's key, the one import finds duplicates by: the plan's point and the sampling time.
 * A row whose point or time cannot be read is keyed by all it holds, so that the same row twice is
 * one row and a different row is never taken for it.
 */
function sampleKey(
  row: ReadRow,
  findPoint: ReturnType<typeof createPointResolver>,
  columns: readonly string[],
): { key: string; name: string } {
  const typed = row.values.get("point");
  const point = typeof typed === "string" ? findPoint(typed.trim()) : undefined;
  const date = parseEntryDate(row.values.get("sampledOn") ?? null);
  if (point !== undefined && date.kind === "date") {
    return {
      key: `${point.name}|${date.iso}|${date.minutes ?? ""}`,
      name: `${point.name} ${timeName(date.iso, date.minutes)}`,
    };
  }
  const cells = columns.map((key) => identityPart(row.values.get(key)));
  return {
    key: `row:${JSON.stringify(cells)}`,
    name: `${identityPart(typed)} ${identityPart(row.values.get("sampledOn"))}`.trim(),
  };
}

interface NewRow {
  readonly name: string;
  readonly from: ReturnSource;
  readonly offers: Map<string, Offer[]>;
}

/**
 * Unions the returns' monitoring rows into the city's 监测数据: a sample the city holds (same point
 * and sampling time, as import judges duplicates) is a duplicate whose empty cells are filled where
 * the returns agree, its other values listed as conflicts; a new sample is appended once, its cells
 * where returns disagree left empty and listed. The city's rows keep their values and order.
 *
 * @example
 * const merged = mergeMonitoringRows(plan, spec, "监测数据", cityRead, returns, values, "zh-CN");
 */
export function mergeMonitoringRows(
  plan: Plan,
  spec: AnySheetSpec,
  sheet: string,
  city: ReadSheet,
  returns: readonly ReturnedSheet[],
  entries: EntryValues,
  locale: Locale,
): MonitoringMerge {
  const findPoint = createPointResolver(monitoringPoints(plan));
  const entryColumns = spec.columns.filter((c) => c.kind === "entry");
  const keys = entryColumns.map((c) => c.key);
  const header = new Map(entryColumns.map((c) => [c.key, c.header[locale]]));
  const headerOf = (key: string): string => header.get(key) ?? userColumnOf(key) ?? key;
  /** The city's sheet column of a merge key, as the sheet stands. */
  const cityColumn = (key: string): number | undefined => {
    const user = userColumnOf(key);
    return user === null ? city.columns.get(key) : city.extraColumns.get(user);
  };
  const cityRows = new Map<string, { index: number; row: ReadRow; name: string }>();
  city.rows.forEach((row, index) => {
    const { key, name } = sampleKey(row, findPoint, keys);
    if (!cityRows.has(key)) cityRows.set(key, { index, row, name });
  });

  const targets = new Map<string, CellTarget & { index: number }>();
  const fresh = new Map<string, NewRow>();
  const clearedAt: { index: number; row: number; key: string; name: string; from: ReturnSource }[] = [];
  let duplicates = 0;
  for (const { from, read } of returns) {
    for (const row of read.rows) {
      const { key, name } = sampleKey(row, findPoint, keys);
      const held = cityRows.get(key);
      const earlier = fresh.get(key);
      if (held !== undefined || earlier !== undefined) duplicates += 1;
      const added: NewRow = earlier ?? { name, from, offers: new Map() };
      if (held === undefined && earlier === undefined) fresh.set(key, added);
      if (held !== undefined) {
        for (const cleared of clearedKeys(keys, held.row, city.extraColumns, row, read)) {
          clearedAt.push({ index: held.index, row: held.row.sheetRow, key: cleared, name: held.name, from });
        }
      }
      // The spec's columns, and the columns users added (matched by header; a unit's own is listed).
      for (const column of [...keys, ...[...row.extras.keys()].map(userColumnKey)]) {
        const value = cellOf(row, column);
        if (value === undefined || isBlank(value)) continue;
        if (held === undefined) {
          const offers = added.offers.get(column) ?? [];
          offers.push({ from, value });
          added.offers.set(column, offers);
          continue;
        }
        const id = `${held.index}:${column}`;
        let cell = targets.get(id);
        if (cell === undefined) {
          cell = {
            index: held.index,
            row: held.row.sheetRow,
            col: cityColumn(column) ?? -1,
            key: column,
            rowName: held.name,
            book: cellOf(held.row, column) ?? "",
            offers: [],
          };
          targets.set(id, cell);
        }
        cell.offers.push({ from, value });
      }
    }
  }

  const merged: MonitoringMerge = {
    fills: [],
    rows: [],
    added: [],
    duplicates,
    filled: [],
    conflicts: [],
    cleared: [],
  };
  const appending = fresh.size > 0;
  // Appending rewrites the sheet as import does: the city's rows close up from the first data row.
  const rowOf = (index: number, sheetRow: number): number =>
    appending ? firstDataRowIndex + index : sheetRow;
  // Rewritten, the sheet has the spec's columns, then the users' in the city's order (see buildSheetLayout).
  const columnOf = (key: string): number => {
    if (!appending) return cityColumn(key) ?? -1;
    const user = userColumnOf(key);
    if (user === null) return spec.columns.findIndex((c) => c.key === key);
    const at = city.extraHeaders.indexOf(user);
    return at < 0 ? -1 : spec.columns.length + at;
  };
  for (const at of clearedAt) {
    const held = city.rows[at.index];
    if (held === undefined || columnOf(at.key) < 0) continue;
    merged.cleared.push({
      sheet,
      cell: a1(rowOf(at.index, at.row), columnOf(at.key)),
      row: at.name,
      column: headerOf(at.key),
      book: cellOf(held, at.key) ?? "",
      from: at.from,
    });
  }
  const report = { filled: merged.filled, joined: [], conflicts: merged.conflicts, values: null };
  for (const cell of targets.values()) {
    const column = headerOf(cell.key);
    if (columnOf(cell.key) < 0) {
      merged.conflicts.push({
        kind: "not_in_book",
        sheet,
        cell: "",
        row: cell.rowName,
        column,
        book: "",
        values: cell.offers,
      });
      continue;
    }
    const address = a1(rowOf(cell.index, cell.row), columnOf(cell.key));
    const value = resolveCell(sheet, cell, column, entries, report, address);
    if (value !== null) merged.fills.push({ index: cell.index, key: cell.key, value });
  }
  // A new row's cells are added with it, not counted as filled; where returns disagree, listed.
  const appended = { filled: [], joined: [], conflicts: merged.conflicts, values: null };
  [...fresh.values()].forEach((row, i) => {
    const at = firstDataRowIndex + city.rows.length + i;
    const values = new Map<string, CellValue>();
    const extras = new Map<string, CellValue>();
    for (const [key, offers] of row.offers) {
      if (columnOf(key) < 0) {
        // A column of the unit's own that the city's sheet lacks: listed, not dropped.
        merged.conflicts.push({
          kind: "not_in_book",
          sheet,
          cell: "",
          row: row.name,
          column: headerOf(key),
          book: "",
          values: offers,
        });
        continue;
      }
      const [only] = offers;
      // One return offers the cell (the common case: a unit's own samples): nothing to compare,
      // the value taken as resolveCell would take it, without the report it would throw away.
      const value =
        only !== undefined && offers.length === 1
          ? entries.inBook(key, only.value)
          : resolveCell(
              sheet,
              { row: at, col: columnOf(key), key, rowName: row.name, book: "", offers },
              headerOf(key),
              entries,
              appended,
              a1(at, columnOf(key)),
            );
      const user = userColumnOf(key);
      if (value !== null && user === null) values.set(key, value);
      else if (value !== null && user !== null) extras.set(user, value);
    }
    merged.rows.push({ plan: null, values, extras });
    merged.added.push({ row: row.name, from: row.from });
  });
  return merged;
}
