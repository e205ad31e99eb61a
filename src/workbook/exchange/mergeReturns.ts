import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import { appendAll } from "../../core/arrays";
import { columnLetters } from "../a1";
import { mergeRows, type LayoutRow } from "../buildSheetLayout";
import { appendedLayout, tableAppendOf } from "../import/importMonitoring";
import type { CellValue } from "../layout";
import { isMetaSheet, metaSheetName, readPlanIds, readScope } from "../metaSheet";
import type {
  SheetPatch,
  SheetSnapshot,
  SheetWrite,
  UpdatePlan,
  TableAppend,
  WorkbookPort,
  WorkbookSnapshot,
} from "../port";
import { readSheet, type ReadSheet } from "../readSheet";
import type { AnySheetSpec } from "../sheetSpec";
import { workbookSpec } from "../workbookSpec";
import { entryValues } from "./entryValues";
import { isOwnBook } from "./isOwnBook";
import { mergePlanSheet, userColumnOf, type ReturnedSheet } from "./mergeEntries";
import { mergeMonitoringRows } from "./mergeMonitoring";
import type {
  AddedRow,
  ClearedCell,
  FilledCell,
  JoinedText,
  MergeConflict,
  ReturnSource,
} from "./mergeReport";

/** A returned workbook, read: the file's name as the user picked it, and its sheets (see returnSheetNames). */
export interface ReturnedWorkbook {
  readonly file: string;
  readonly snapshot: WorkbookSnapshot;
}

/** Why a returned workbook was not merged (worded by formatMergeRefusal). */
export type ReturnRefusal =
  /** No meta sheet `_WaterPlan`: the add-in did not make it. */
  | { readonly code: "not_made_by_add_in" }
  /** Made for another plan (another city). */
  | { readonly code: "other_plan"; readonly plan: string; readonly expected: string }
  /** Made for the same city's plan of another year. */
  | { readonly code: "other_year"; readonly plan: string; readonly expected: string }
  /** The city's own workbook given as a return: the file itself or a copy (see isOwnBook). */
  | { readonly code: "own_book" }
  /** The file could not be read; `reason` is the reader's own message, in the user's language. */
  | { readonly code: "unreadable"; readonly reason: string };

/** Why the merge stopped before writing anything. */
export type MergeProblem =
  /** The city's workbook has no meta sheet of the add-in's (generate the plan's sheets first). */
  | { readonly code: "book_not_made_by_add_in" }
  /** The city's workbook was made for another plan than the one merged with. */
  | { readonly code: "book_other_plan"; readonly plan: string; readonly expected: string }
  /** 监测数据 holds cells far outside its table: rewriting it to append rows would lose them. */
  | {
      readonly code: "cells_outside_tables";
      readonly sheet: string;
      readonly first: string;
      readonly count: number;
    };

/** One returned workbook in the report. */
export interface ReturnReport extends ReturnSource {
  readonly refusal: ReturnRefusal | null;
}

export interface MergeCounts {
  readonly returnsRead: number;
  readonly refused: number;
  readonly cellsFilled: number;
  /** Units' progress texts joined into the city's cells. */
  readonly textsJoined: number;
  readonly monitoringAdded: number;
  readonly monitoringDuplicates: number;
  readonly conflicts: number;
  /** Cells the city holds that a return has empty: kept, and listed in `cleared`. */
  readonly cleared: number;
}

export interface MergeReport {
  readonly returns: readonly ReturnReport[];
  readonly counts: MergeCounts;
  readonly filled: readonly FilledCell[];
  readonly joined: readonly JoinedText[];
  readonly added: readonly AddedRow[];
  readonly conflicts: readonly MergeConflict[];
  readonly cleared: readonly ClearedCell[];
  /** Whether anything was written (false for a preview, and when nothing was new). */
  readonly written: boolean;
}

export type MergeOutcome =
  ({ readonly ok: true } & MergeReport) | { readonly ok: false; readonly problem: MergeProblem };

export interface MergeOptions {
  /** Decide and report only: write nothing. */
  readonly preview?: boolean;
  /**
   * Read the city's formulas as formulas (default: unless previewing), so that 监测数据 rewritten
   * to append rows keeps them; a host that only patches cells in place may read values.
   */
  readonly formulas?: boolean;
  /**
   * The city's workbook's file name, where the host knows it: a return of that name that is no
   * unit's workbook is the city's own (see isOwnBook). Absent: only a return holding the same
   * values is.
   */
  readonly book?: string | null;
  /** Returns refused before reading (a file that cannot be read), reported with the rest. */
  readonly refused?: readonly { readonly file: string; readonly refusal: ReturnRefusal }[];
}

/**
 * The sheets a returned workbook is read for: every plan sheet in either language, and the meta sheet.
 *
 * @example
 * const snapshot = await returnPort.read(returnSheetNames(plan));
 */
export function returnSheetNames(plan: Plan): string[] {
  return [metaSheetName, ...workbookSpec(plan).flatMap((s) => [s.name["zh-CN"], s.name["en-US"]])];
}

/**
 * Merges workbooks returned by units (split from the city's, or any workbook the add-in made for
 * the same plan) into the city's workbook through any host, in one `update`: entries by row
 * identity (an empty city cell takes the value the returns agree on), progress texts joined under
 * each unit's name (`【柳江区】…；【鱼峰区】…`), monitoring rows unioned without duplicates. The
 * city's non-empty cells are never changed: a return that differs, or returns that disagree, are
 * listed as conflicts with every value. Merging the same return again changes nothing.
 *
 * @example
 * const outcome = await mergeReturns(book.port, plan, [{ file: "柳江区.xlsx", snapshot }]);
 * if (outcome.ok) console.log(outcome.counts); // { returnsRead: 1, cellsFilled: 12, … }
 */
export async function mergeReturns(
  port: WorkbookPort,
  plan: Plan,
  returns: readonly ReturnedWorkbook[],
  options: MergeOptions = {},
): Promise<MergeOutcome> {
  const preview = options.preview === true;
  // A host that appends rows in place (the CLI's --out) reads values only, as it changes no cell
  // that holds anything; where the rows cannot go below the table (see tableAppendOf), the city's
  // workbook is read again with its formulas and 监测数据 written again whole, as by any other host.
  if (!preview && port.features.tableAppend === true) {
    const inPlace = await port.update(returnSheetNames(plan), { formulas: false }, (snapshot) =>
      planMerge(plan, returns, options, snapshot, true),
    );
    if (inPlace !== null) return inPlace;
  }
  const formulas = options.formulas ?? !preview;
  return port.update(returnSheetNames(plan), { formulas }, (snapshot) => {
    const planned = planMerge(plan, returns, options, snapshot, false);
    // Only an append in place answers null; this plan writes the sheet again instead.
    return {
      batch: planned.batch,
      result: planned.result ?? { ok: false, problem: { code: "book_not_made_by_add_in" } },
    };
  });
}

function sheetOf(snapshot: WorkbookSnapshot, spec: AnySheetSpec): SheetSnapshot | undefined {
  const sheets = [...snapshot.sheets.values()];
  const table = spec.tableName.toLowerCase();
  return (
    sheets.find((s) => s.tables.some((t) => t.toLowerCase() === table)) ??
    sheets.find((s) =>
      [spec.name["zh-CN"], spec.name["en-US"]].some((n) => n.toLowerCase() === s.name.toLowerCase()),
    )
  );
}

function metaOf(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return [...snapshot.sheets.values()].find((s) => s.name.toLowerCase() === metaSheetName.toLowerCase());
}

/** A plan id without its year ("liuzhou-2023" → "liuzhou-"), to tell another year from another city. */
function withoutYear(id: string): string {
  return id.replace(/(19|20)\d{2}/gu, "");
}

/** Whether a returned workbook may be merged, and under which label. */
export function checkReturn(plan: Plan, returned: ReturnedWorkbook): ReturnReport {
  const meta = metaOf(returned.snapshot);
  const label = readScope(meta)?.scope.unit ?? fileLabel(returned.file);
  const source = { label, file: returned.file };
  if (meta === undefined || !isMetaSheet(meta)) return { ...source, refusal: { code: "not_made_by_add_in" } };
  const ids = readPlanIds(meta);
  const [id] = ids;
  if (id === undefined) return { ...source, refusal: { code: "not_made_by_add_in" } };
  if (ids.includes(plan.id)) return { ...source, refusal: null };
  const code = withoutYear(id) === withoutYear(plan.id) ? "other_year" : "other_plan";
  return { ...source, refusal: { code, plan: id, expected: plan.id } };
}

/** A file's name without its folder and `.xlsx`: "returns/柳江区.xlsx" → "柳江区". */
export function fileLabel(file: string): string {
  const name = file.split(/[\\/]/u).pop() ?? file;
  return name.replace(/\.xlsx$/iu, "");
}

const unnamed = (index: number): string => columnLetters(index);

function planMerge(
  plan: Plan,
  returns: readonly ReturnedWorkbook[],
  options: MergeOptions,
  snapshot: WorkbookSnapshot,
  inPlace: boolean,
): UpdatePlan<MergeOutcome | null> {
  const refuse = (problem: MergeProblem): UpdatePlan<MergeOutcome> => ({
    batch: null,
    result: { ok: false, problem },
  });
  const meta = metaOf(snapshot);
  if (meta === undefined || !isMetaSheet(meta)) return refuse({ code: "book_not_made_by_add_in" });
  const bookIds = readPlanIds(meta);
  if (bookIds.length > 0 && !bookIds.includes(plan.id)) {
    return refuse({ code: "book_other_plan", plan: bookIds[0] ?? "", expected: plan.id });
  }

  const reports: ReturnReport[] = (options.refused ?? []).map(({ file, refusal }) => ({
    label: fileLabel(file),
    file,
    refusal,
  }));
  const accepted: { source: ReturnSource; snapshot: WorkbookSnapshot }[] = [];
  for (const returned of returns) {
    const checked = checkReturn(plan, returned);
    const report: ReturnReport =
      checked.refusal === null && isOwnBook(plan, { file: options.book ?? null, snapshot }, returned)
        ? { ...checked, refusal: { code: "own_book" } }
        : checked;
    reports.push(report);
    if (report.refusal === null)
      accepted.push({ source: { label: report.label, file: report.file }, snapshot: returned.snapshot });
  }

  const filled: FilledCell[] = [];
  const joined: JoinedText[] = [];
  const conflicts: MergeConflict[] = [];
  const cleared: ClearedCell[] = [];
  const added: AddedRow[] = [];
  const patches: SheetPatch[] = [];
  const sheets: SheetWrite[] = [];
  const appends: TableAppend[] = [];
  let duplicates = 0;
  for (const spec of workbookSpec(plan)) {
    const citySheet = sheetOf(snapshot, spec);
    const city = citySheet ? readSheet(spec, citySheet, unnamed) : null;
    if (!citySheet || !city) continue;
    const locale: Locale =
      citySheet.name.toLowerCase() === spec.name["en-US"].toLowerCase() ? "en-US" : "zh-CN";
    const returned: ReturnedSheet[] = accepted.flatMap(({ source, snapshot: book }) => {
      const sheet = sheetOf(book, spec);
      const read = sheet ? readSheet(spec, sheet, unnamed) : null;
      return read ? [{ from: source, read }] : [];
    });
    const entries = entryValues(spec, locale);
    if (spec.key !== "monitoring") {
      const merged = mergePlanSheet(
        spec,
        citySheet.name,
        city,
        returned,
        entries,
        spec.key === "tasks" ? "progress" : null,
        locale,
      );
      appendAll(filled, merged.filled);
      appendAll(joined, merged.joined);
      appendAll(conflicts, merged.conflicts);
      appendAll(cleared, merged.cleared);
      if (merged.values.length > 0) patches.push(cellPatch(citySheet.name, merged.values));
      continue;
    }
    const merged = mergeMonitoringRows(plan, spec, citySheet.name, city, returned, entries, locale);
    appendAll(filled, merged.filled);
    appendAll(conflicts, merged.conflicts);
    appendAll(cleared, merged.cleared);
    appendAll(added, merged.added);
    duplicates += merged.duplicates;
    if (merged.rows.length > 0) {
      if (citySheet.ignored) {
        return refuse({
          code: "cells_outside_tables",
          sheet: citySheet.name,
          first: citySheet.ignored.first,
          count: citySheet.ignored.count,
        });
      }
      if (inPlace) {
        // The new rows go below the table, the duplicates' filled cells are patched; null: the rows
        // cannot go there as the sheet stands, and the caller writes the sheet again.
        const append = tableAppendOf(spec, citySheet, city, merged.rows);
        if (append === null) return { batch: null, result: null };
        appends.push(append);
        if (merged.fills.length > 0) patches.push(cellPatch(citySheet.name, fillValues(city, merged.fills)));
      } else {
        sheets.push({
          layout: monitoringLayout(spec, citySheet.name, city, merged, locale),
          mode: "replace",
        });
      }
    } else if (merged.fills.length > 0) {
      patches.push(cellPatch(citySheet.name, fillValues(city, merged.fills)));
    }
  }

  const writing = options.preview !== true && (patches.length > 0 || sheets.length > 0 || appends.length > 0);
  const result: MergeOutcome = {
    ok: true,
    returns: reports,
    counts: {
      returnsRead: accepted.length,
      refused: reports.length - accepted.length,
      cellsFilled: filled.length,
      textsJoined: joined.reduce((sum, j) => sum + j.labels.length, 0),
      monitoringAdded: added.length,
      monitoringDuplicates: duplicates,
      conflicts: conflicts.length,
      cleared: cleared.length,
    },
    filled,
    joined,
    added,
    conflicts,
    cleared,
    written: writing,
  };
  return {
    batch: writing ? { sheets, patches, ...(appends.length > 0 ? { appends } : {}), activate: null } : null,
    result,
  };
}

/** The cells of the city's monitoring rows that the returns filled, as values to patch. */
function fillValues(
  city: ReadSheet,
  fills: ReturnType<typeof mergeMonitoringRows>["fills"],
): SheetPatch["values"] {
  return fills.flatMap(({ index, key, value }) => {
    const row = city.rows[index]?.sheetRow;
    const user = userColumnOf(key);
    const col = user === null ? city.columns.get(key) : city.extraColumns.get(user);
    return row === undefined || col === undefined
      ? []
      : [{ rect: { row, col, rowCount: 1, colCount: 1 }, values: [[value]] }];
  });
}

function cellPatch(sheet: string, values: SheetPatch["values"]): SheetPatch {
  return { sheet, values, fills: [], clearNotes: null, notes: [] };
}

/** 监测数据 rewritten as import rewrites it: the city's rows (cells filled) and the new rows below. */
function monitoringLayout(
  spec: AnySheetSpec,
  sheet: string,
  city: ReadSheet,
  merged: ReturnType<typeof mergeMonitoringRows>,
  locale: Locale,
): ReturnType<typeof appendedLayout> {
  const kept = mergeRows(spec, city, locale);
  const fills = new Map<number, Map<string, CellValue>>();
  for (const { index, key, value } of merged.fills) {
    const row = fills.get(index) ?? new Map<string, CellValue>();
    row.set(key, value);
    fills.set(index, row);
  }
  const rows: LayoutRow[] = kept.rows.map((row, index) => {
    const filledCells = fills.get(index);
    if (filledCells === undefined) return row;
    const values = new Map(row.values);
    const extras = new Map(row.extras);
    for (const [key, value] of filledCells) {
      const user = userColumnOf(key);
      if (user === null) values.set(key, value);
      else extras.set(user, value);
    }
    return { ...row, values, extras };
  });
  return appendedLayout(spec, sheet, { ...kept, rows }, merged.rows, locale);
}
