import type { Locale } from "../../core/locale";
import { columnLetters } from "../a1";
import type { CellValue } from "../layout";
import { matchPlanRows } from "../planCells";
import type { RectValues } from "../port";
import { isBlank, type ReadRow, type ReadSheet } from "../readSheet";
import type { AnySheetSpec } from "../sheetSpec";
import type { EntryValues } from "./entryValues";
import type { ClearedCell, FilledCell, JoinedText, MergeConflict, Offer, ReturnSource } from "./mergeReport";
import { joinProgress, progressParts } from "./progressText";

/** A sheet of one return, read, with where it came from. */
export interface ReturnedSheet {
  readonly from: ReturnSource;
  readonly read: ReadSheet;
}

/** What merging one sheet decided: cells to write in place, and what the report lists. */
export interface SheetMerge {
  readonly values: RectValues[];
  readonly filled: FilledCell[];
  readonly joined: JoinedText[];
  readonly conflicts: MergeConflict[];
  readonly cleared: ClearedCell[];
}

/** The city's cell that offers are gathered for. */
export interface CellTarget {
  readonly row: number;
  readonly col: number;
  readonly key: string;
  readonly rowName: string;
  readonly book: CellValue;
  readonly offers: Offer[];
}

/** One cell of a returned row to merge: its column's key and header, its value, the city's column and cell. */
interface MergedCell {
  readonly key: string;
  readonly column: string;
  readonly value: CellValue | undefined;
  readonly col: number | undefined;
  readonly book: (target: ReadRow) => CellValue | undefined;
}

/** Keys of users' own columns, apart from the spec's column keys. */
const extraKey = "extra:";

/**
 * The key merge gives a column users added (by its header), apart from the spec's keys.
 *
 * @example
 * userColumnKey("采样人") // "extra:采样人"
 */
export function userColumnKey(header: string): string {
  return `${extraKey}${header}`;
}

/**
 * The header of a column users added, from its merge key, or null for a spec column's key.
 *
 * @example
 * userColumnOf("extra:采样人") // "采样人"; userColumnOf("status") // null
 */
export function userColumnOf(key: string): string | null {
  return key.startsWith(extraKey) ? key.slice(extraKey.length) : null;
}

/**
 * A read row's value under a merge key (a spec column's, or a user column's).
 *
 * @example
 * cellOf(row, "extra:采样人") // "张三"
 */
export function cellOf(row: ReadRow, key: string): CellValue | undefined {
  const header = userColumnOf(key);
  return header === null ? row.values.get(key) : row.extras.get(header);
}

/** A row's identity as people read it ("5|生活污水集中收集率" → "5 / 生活污水集中收集率"). */
export function rowName(identity: string | null): string {
  return (identity ?? "").split("|").join(" / ");
}

/**
 * The merge keys of a city row's cells that hold a value while a returned row, on a sheet that has
 * the same column, has the cell empty: a column the return's sheet lacks clears nothing.
 *
 * @example
 * clearedKeys(["status", "progress"], cityRow, returnedRow, returnedSheet) // ["status"]
 */
export function clearedKeys(
  keys: readonly string[],
  city: ReadRow,
  cityExtras: ReadonlyMap<string, number>,
  returned: ReadRow,
  read: ReadSheet,
): string[] {
  const cleared: string[] = [];
  const check = (key: string, present: boolean): void => {
    const held = cellOf(city, key);
    const value = cellOf(returned, key);
    if (present && held !== undefined && !isBlank(held) && (value === undefined || isBlank(value))) {
      cleared.push(key);
    }
  };
  for (const key of keys) check(key, read.columns.has(key));
  for (const name of cityExtras.keys()) check(userColumnKey(name), read.extraColumns.has(name));
  return cleared;
}

/** Every read row of a plan sheet by a key that does not depend on the sheet's language. */
function rowKeys(spec: AnySheetSpec, read: ReadSheet): Map<ReadRow, string> {
  const { matched } = matchPlanRows(spec, read);
  const planIndex = new Map((spec.rows as readonly unknown[]).map((row, i) => [row, i]));
  const keys = new Map<ReadRow, string>();
  for (const row of read.rows) {
    const plan = matched.get(row);
    const index = plan === undefined ? undefined : planIndex.get(plan);
    if (index !== undefined) keys.set(row, `plan:${index}`);
    else if (row.identity !== null) keys.set(row, `id:${row.identity}`);
  }
  return keys;
}

/**
 * Merges the entry cells of one plan sheet (附件1–6, 指标填报) from the returns into the city's,
 * rows matched by identity as generating again matches them: an empty city cell takes the value
 * the returns agree on, progress texts (`progressKey`) are joined under each unit's name, and
 * every other value is a conflict; the city's non-empty cells are never changed.
 *
 * @example
 * const merged = mergePlanSheet(spec, "附件1 任务清单", cityRead, returns, values, "progress", "zh-CN");
 */
export function mergePlanSheet(
  spec: AnySheetSpec,
  sheet: string,
  city: ReadSheet,
  returns: readonly ReturnedSheet[],
  entries: EntryValues,
  progressKey: string | null,
  locale: Locale,
): SheetMerge {
  const entryColumns = spec.columns.filter((c) => c.kind === "entry");
  /**
   * The cells of a returned row merge takes: its entry columns, and the columns users added (a
   * city's own column travels to the units unlocked; what they type there is theirs too), matched
   * by header. A return's column the city's sheet lacks is listed, never dropped.
   */
  const mergedCells = (row: ReadRow): MergedCell[] => [
    ...entryColumns.map((column) => ({
      key: column.key,
      column: column.header[locale],
      value: row.values.get(column.key),
      col: city.columns.get(column.key),
      book: (target: ReadRow) => target.values.get(column.key),
    })),
    ...[...row.extras].map(([name, value]) => ({
      key: userColumnKey(name),
      column: name,
      value,
      col: city.extraColumns.get(name),
      book: (target: ReadRow) => target.extras.get(name),
    })),
  ];
  const columnNames = new Map<string, string>();
  const cityRows = new Map<string, ReadRow>();
  for (const [row, key] of rowKeys(spec, city)) if (!cityRows.has(key)) cityRows.set(key, row);

  const targets = new Map<string, CellTarget>();
  const conflicts: MergeConflict[] = [];
  const cleared: ClearedCell[] = [];
  const entryKeys = entryColumns.map((c) => c.key);
  const headers = new Map(entryColumns.map((c) => [c.key, c.header[locale]]));
  for (const { from, read } of returns) {
    for (const [row, key] of rowKeys(spec, read)) {
      const target = cityRows.get(key);
      // A value the city holds that the unit's row has empty: kept, and listed (never lost, never silent).
      if (target !== undefined) {
        for (const cellKey of clearedKeys(entryKeys, target, city.extraColumns, row, read)) {
          const user = userColumnOf(cellKey);
          const col = user === null ? city.columns.get(cellKey) : city.extraColumns.get(user);
          if (col === undefined) continue;
          cleared.push({
            sheet,
            cell: a1(target.sheetRow, col),
            row: rowName(target.identity),
            column: user ?? headers.get(cellKey) ?? cellKey,
            book: cellOf(target, cellKey) ?? "",
            from,
          });
        }
      }
      for (const { key: cellKey, column, value, col, book } of mergedCells(row)) {
        if (value === undefined || isBlank(value)) continue;
        if (target === undefined || col === undefined) {
          conflicts.push({
            kind: "not_in_book",
            sheet,
            cell: "",
            row: rowName(row.identity),
            column,
            book: "",
            values: [{ from, value }],
          });
          continue;
        }
        const id = `${target.sheetRow}:${col}`;
        let cell = targets.get(id);
        if (cell === undefined) {
          cell = {
            row: target.sheetRow,
            col,
            key: cellKey,
            rowName: rowName(target.identity),
            book: book(target) ?? "",
            offers: [],
          };
          targets.set(id, cell);
          columnNames.set(cellKey, column);
        }
        cell.offers.push({ from, value });
      }
    }
  }
  const merged: SheetMerge = { values: [], filled: [], joined: [], conflicts, cleared };
  for (const cell of targets.values()) {
    const column = columnNames.get(cell.key) ?? cell.key;
    if (cell.key === progressKey) joinTexts(sheet, cell, column, merged);
    else resolveCell(sheet, cell, column, entries, merged);
  }
  return merged;
}

/** The A1 address of a zero-based cell. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * Decides one entry cell: the city's value kept (returns that differ listed), or the one value
 * the returns agree on written into the empty cell, or nothing written and every value listed.
 * Returns the value to write, or null.
 */
export function resolveCell(
  sheet: string,
  cell: CellTarget,
  column: string,
  entries: EntryValues,
  merged: Omit<SheetMerge, "values" | "cleared"> & { values: RectValues[] | null },
  address = a1(cell.row, cell.col),
): CellValue | null {
  const common = { sheet, cell: address, row: cell.rowName, column, book: cell.book };
  if (!isBlank(cell.book)) {
    const differing = cell.offers.filter((o) => !entries.same(cell.key, cell.book, o.value));
    if (differing.length > 0)
      merged.conflicts.push({ kind: "differs_from_book", ...common, values: differing });
    return null;
  }
  const [first] = cell.offers;
  if (first === undefined) return null;
  if (cell.offers.some((o) => !entries.same(cell.key, first.value, o.value))) {
    merged.conflicts.push({ kind: "returns_disagree", ...common, book: "", values: cell.offers });
    return null;
  }
  const value = entries.inBook(cell.key, first.value);
  merged.filled.push({ ...common, value, from: cell.offers.map((o) => o.from) });
  merged.values?.push({
    rect: { row: cell.row, col: cell.col, rowCount: 1, colCount: 1 },
    values: [[value]],
  });
  return value;
}

/**
 * Joins the returns' progress texts into the city's cell, each under its unit's name; a return's
 * text that is itself joined (a return made from a merged book) is taken part by part.
 */
function joinTexts(sheet: string, cell: CellTarget, column: string, merged: SheetMerge): void {
  let text: CellValue = cell.book;
  const labels: string[] = [];
  const differing: Offer[] = [];
  for (const offer of cell.offers) {
    for (const part of progressParts(offer.value)) {
      const label = part.label ?? offer.from.label;
      const joined = joinProgress(text, label, part.text);
      if (joined.kind === "joined") {
        text = joined.text;
        labels.push(label);
      } else if (joined.kind === "differs" && !differing.includes(offer)) differing.push(offer);
    }
  }
  const address = a1(cell.row, cell.col);
  if (differing.length > 0) {
    merged.conflicts.push({
      kind: "differs_from_book",
      sheet,
      cell: address,
      row: cell.rowName,
      column,
      book: cell.book,
      values: differing,
    });
  }
  if (labels.length === 0) return;
  merged.joined.push({ sheet, cell: address, row: cell.rowName, labels, text: String(text) });
  merged.values.push({ rect: { row: cell.row, col: cell.col, rowCount: 1, colCount: 1 }, values: [[text]] });
}
