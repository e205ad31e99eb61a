import type { ImportIssue } from "../../core/import/importIssue";
import {
  mapMonitoringExport,
  type ExistingSample,
  type ImportedSample,
  type MonitoringImport,
} from "../../core/import/mapMonitoringExport";
import { pointAliasKey } from "../../core/import/matchPointName";
import type { ExportCell } from "../../core/import/readExportHeader";
import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import { createPointResolver, monitoringPoints } from "../../core/validation/monitoringPoints";
import { parseEntryDate } from "../../core/validation/parseEntryDate";
import { columnLetters } from "../a1";
import { buildSheetLayout, mergeRows, type LayoutRow, type MergedRows } from "../buildSheetLayout";
import type { CellValue, RectFormat, SheetLayout } from "../layout";
import { metaSheetName, pointAliasValues, readPointAliases } from "../metaSheet";
import { planForWorkbook } from "../planForWorkbook";
import type {
  SheetPatch,
  SheetSnapshot,
  TableAppend,
  UpdatePlan,
  WorkbookPort,
  WorkbookSnapshot,
} from "../port";
import { isBlank, readSheet, type ReadSheet } from "../readSheet";
import { firstDataRowIndex, type AnySheetSpec } from "../sheetSpec";
import { monitoringParameters } from "../sheets/monitoringSheet";
import { workbookSpec } from "../workbookSpec";

export interface ImportOptions {
  /** The as-of day "YYYY-MM-DD": a sampling day without a year after it is last year's. */
  readonly asOf: string;
  /**
   * Point names of the export the user confirms now (export name → the plan's point): used for
   * this import and saved in the workbook's meta sheet for the next (with the write, not in a preview).
   */
  readonly confirm?: ReadonlyMap<string, string>;
  /** The sampling day "YYYY-MM-DD" of an export without a time column. */
  readonly sampledOn?: string;
  /** Read and map only: write nothing (the preview the pane shows before the user imports). */
  readonly preview?: boolean;
}

/** Why an import stopped before writing anything. */
export type ImportProblem =
  /** The workbook has no 监测数据 made by the add-in: generate the plan's sheets first. */
  | { readonly code: "no_monitoring_sheet" }
  /** 监测数据 holds cells far outside its table that the host did not read: rewriting it would lose them. */
  | {
      readonly code: "cells_outside_tables";
      readonly sheet: string;
      readonly first: string;
      readonly count: number;
    }
  /** A confirmed mapping names a point the plan does not have. */
  | { readonly code: "unknown_confirmed_point"; readonly name: string; readonly point: string }
  /** The export itself cannot be imported (no header row, no time column). */
  | { readonly code: "export_refused"; readonly issue: ImportIssue };

export type ImportOutcome =
  | {
      readonly ok: true;
      /** What the import read, appends and leaves out (see mapMonitoringExport). */
      readonly import: MonitoringImport;
      /** The monitoring sheet's name. */
      readonly sheet: string;
      /** Whether rows were appended (false for a preview, and when nothing was new). */
      readonly written: boolean;
      /** Mappings confirmed now and saved in the workbook (empty for a preview). */
      readonly savedMappings: readonly { readonly name: string; readonly point: string }[];
    }
  | { readonly ok: false; readonly problem: ImportProblem };

/** The number format of a sampling time that has a time of day (监测数据's column shows days only). */
const dateTimeFormat = "yyyy-mm-dd hh:mm";

/**
 * Imports a monitoring export (its cells as a grid: a .xlsx sheet, a CSV, a selected range) into
 * 监测数据 through any host, in one `update` (one read, one write; one Excel session). New samples
 * are appended below the rows already there — which keep their values, order and formulas: a host
 * that appends in place (`features.tableAppend`, the CLI's --out) gets the rows alone
 * (WriteBatch.appends: the table grows over them as in Excel); any other writes the sheet again as
 * generation writes it, so the table grows over the new rows (blank rows inside the table close
 * up, and validation's marks wait for the next validation). Importing the
 * same export again adds nothing. Mappings of point names the user confirms are saved in the
 * meta sheet `_WaterPlan` and used by every later import. With `preview`, nothing is written.
 *
 * @example
 * const outcome = await importMonitoring(book.port, plan, grid, { asOf: "2023-06-30" });
 * if (outcome.ok) console.log(outcome.import.counts); // { read: 39, new: 34, … }
 */
export async function importMonitoring(
  port: WorkbookPort,
  plan: Plan,
  grid: readonly (readonly ExportCell[])[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const spec = monitoringSpec(plan);
  const sheetNames = [spec.name["zh-CN"], spec.name["en-US"], metaSheetName];
  const preview = options.preview === true;
  // A host that appends rows in place (the CLI's --out) reads values only, as it changes no row
  // already there; where it cannot append (see tableAppendOf), the sheet is read again with its
  // formulas and written again whole, as by any other host.
  if (!preview && port.features.tableAppend === true) {
    const inPlace = await port.update(sheetNames, { formulas: false }, (snapshot) =>
      planImport(plan, spec, grid, options, snapshot, true),
    );
    if (inPlace !== null) return inPlace;
  }
  // Formulas read as formulas, so that writing the sheet again keeps them (as generation does); a
  // preview writes nothing and reads values (a host that only reads need not read formulas).
  return port.update(sheetNames, { formulas: !preview }, (snapshot) => {
    const planned = planImport(plan, spec, grid, options, snapshot, false);
    return {
      batch: planned.batch,
      result: planned.result ?? { ok: false, problem: { code: "no_monitoring_sheet" } },
    };
  });
}

function monitoringSpec(plan: Plan): AnySheetSpec {
  const spec = workbookSpec(plan).find((s) => s.key === "monitoring");
  if (spec === undefined) throw new Error("The workbook spec has no monitoring sheet.");
  return spec;
}

function planImport(
  wholePlan: Plan,
  spec: AnySheetSpec,
  grid: readonly (readonly ExportCell[])[],
  options: ImportOptions,
  snapshot: WorkbookSnapshot,
  inPlace: boolean,
): UpdatePlan<ImportOutcome | null> {
  const refuse = (problem: ImportProblem): UpdatePlan<ImportOutcome> => ({
    batch: null,
    result: { ok: false, problem },
  });
  const sheet = [...snapshot.sheets.values()].find((s) =>
    s.tables.some((t) => t.toLowerCase() === spec.tableName.toLowerCase()),
  );
  const read = sheet ? readSheet(spec, sheet, columnLetters) : null;
  if (!sheet || !read) return refuse({ code: "no_monitoring_sheet" });
  if (sheet.ignored) {
    return refuse({
      code: "cells_outside_tables",
      sheet: sheet.name,
      first: sheet.ignored.first,
      count: sheet.ignored.count,
    });
  }
  // The sheet keeps its language: its headers, and the words the import writes into 备注.
  const locale: Locale = sheet.name.toLowerCase() === spec.name["en-US"].toLowerCase() ? "en-US" : "zh-CN";

  const meta = [...snapshot.sheets.values()].find(
    (s) => s.name.toLowerCase() === metaSheetName.toLowerCase(),
  );
  // A workbook sent to a unit takes the unit's points only.
  const plan = planForWorkbook(wholePlan, meta);
  const points = new Set(monitoringPoints(plan).map((p) => p.name));
  const stored = readPointAliases(meta);
  const confirmed = new Map(stored);
  const fresh = new Map<string, string>();
  for (const [name, point] of options.confirm ?? []) {
    if (!points.has(point)) return refuse({ code: "unknown_confirmed_point", name, point });
    const key = pointAliasKey(name);
    if (stored.get(key) !== point) fresh.set(key, point);
    confirmed.set(key, point);
  }

  const mapped = mapMonitoringExport({
    grid,
    plan,
    asOf: options.asOf,
    locale,
    sheetParameters: monitoringParameters.map((p) => p.key),
    existing: existingSamples(plan, read),
    confirmed,
    ...(options.sampledOn === undefined ? {} : { sampledOn: options.sampledOn }),
  });
  if (!mapped.ok) return refuse({ code: "export_refused", issue: mapped.problem });

  const preview = options.preview === true;
  const appending = !preview && mapped.samples.length > 0;
  const saving = !preview && fresh.size > 0 && meta !== undefined;
  const outcome: ImportOutcome = {
    ok: true,
    import: mapped,
    sheet: sheet.name,
    written: appending,
    savedMappings: saving ? [...fresh].map(([name, point]) => ({ name, point })) : [],
  };
  if (!appending && !saving) return { batch: null, result: outcome };

  const patches: SheetPatch[] = saving
    ? [
        {
          sheet: metaSheetName,
          values: [pointAliasValues(confirmed)],
          fills: [],
          clearNotes: null,
          notes: [],
        },
      ]
    : [];
  if (appending && inPlace) {
    const append = tableAppendOf(spec, sheet, read, mapped.samples.map(layoutRow));
    // null: the rows cannot go below the table as it stands; the caller writes the sheet again.
    if (append === null) return { batch: null, result: null };
    return { batch: { sheets: [], patches, appends: [append], activate: sheet.name }, result: outcome };
  }
  return {
    batch: {
      sheets: appending
        ? [
            {
              layout: appendedLayout(
                spec,
                sheet.name,
                mergeRows(spec, read, locale),
                mapped.samples.map(layoutRow),
                locale,
              ),
              mode: "replace",
            },
          ]
        : [],
      patches,
      activate: appending ? sheet.name : null,
    },
    result: outcome,
  };
}

/**
 * Rows (import's samples, merge's returned samples) appended to 监测数据's table, below its last
 * row that holds anything, for a host that appends in place; null when they cannot go there as the sheet stands: the table is not
 * where the header is, a column of the sheet is missing from it or is not an entry column, or
 * cells below the table lie where the new rows go (writing the sheet again keeps them).
 */
export function tableAppendOf(
  spec: AnySheetSpec,
  sheet: SheetSnapshot,
  read: ReadSheet,
  rows: readonly LayoutRow[],
): TableAppend | null {
  const table = sheet.tableRects?.find((t) => t.name.toLowerCase() === spec.tableName.toLowerCase());
  if (table === undefined || table.rect.row !== read.headerRow) return null;
  const { rect } = table;
  const offsets = new Map<string, number>();
  for (const column of spec.columns) {
    const col = read.columns.get(column.key);
    if (column.kind !== "entry" || col === undefined || col < rect.col || col >= rect.col + rect.colCount) {
      return null;
    }
    offsets.set(column.key, col - rect.col);
  }
  // Columns a user added to the table (merge carries what units typed there): by their header; a
  // value for a column outside the table cannot be appended in place.
  const extraOffsets = new Map<string, number>();
  for (const [header, col] of read.extraColumns) {
    if (col >= rect.col && col < rect.col + rect.colCount) extraOffsets.set(header, col - rect.col);
  }
  if (rows.some((row) => [...row.extras.keys()].some((header) => !extraOffsets.has(header)))) return null;
  const holds = (row: number): boolean =>
    (sheet.values[row - sheet.startRow] ?? []).some(
      (value, i) =>
        i + sheet.startCol >= rect.col && i + sheet.startCol < rect.col + rect.colCount && !isBlank(value),
    );
  const bottom = rect.row + rect.rowCount - 1;
  let last = rect.row;
  for (let row = rect.row + 1; row <= bottom; row++) if (holds(row)) last = row;
  const first = last + 1;
  for (let row = bottom + 1; row < first + rows.length; row++) if (holds(row)) return null;

  // The sampling time's format is set on every row, not taken from the row above: the day as the
  // column shows it, or the day and time (a day's 4-hourly samples follow one another).
  const dateCol = offsets.get("sampledOn");
  const dayFormat = spec.columns.find((c) => c.key === "sampledOn")?.numberFormat;
  const numberFormats: TableAppend["numberFormats"][number][] = [];
  const values = rows.map((row, i) => {
    const cells: CellValue[] = new Array<CellValue>(rect.colCount).fill(null);
    for (const [key, value] of row.values) {
      const offset = offsets.get(key);
      if (offset !== undefined) cells[offset] = value;
    }
    for (const [header, value] of row.extras) {
      const offset = extraOffsets.get(header);
      if (offset !== undefined) cells[offset] = value;
    }
    const sampledOn = row.values.get("sampledOn");
    const timed = typeof sampledOn === "number" && !Number.isInteger(sampledOn);
    const numberFormat = timed ? dateTimeFormat : dayFormat;
    if (dateCol !== undefined && numberFormat !== undefined) {
      const previous = numberFormats[numberFormats.length - 1];
      if (
        previous?.numberFormat === numberFormat &&
        previous.rect.row + previous.rect.rowCount === first + i
      ) {
        numberFormats[numberFormats.length - 1] = {
          ...previous,
          rect: { ...previous.rect, rowCount: previous.rect.rowCount + 1 },
        };
      } else {
        numberFormats.push({
          rect: { row: first + i, col: rect.col + dateCol, rowCount: 1, colCount: 1 },
          numberFormat,
        });
      }
    }
    return cells;
  });
  return { sheet: sheet.name, table: table.name, row: first, values, numberFormats };
}

/** The samples 监测数据 holds now, by the plan's point and the sampling time, as validation reads them. */
function existingSamples(plan: Plan, read: ReadSheet): ExistingSample[] {
  const findPoint = createPointResolver(monitoringPoints(plan));
  return read.rows.flatMap((row) => {
    const typed = row.values.get("point");
    const point = typeof typed === "string" ? findPoint(typed.trim()) : undefined;
    const date = parseEntryDate(row.values.get("sampledOn") ?? null);
    if (point === undefined || date.kind !== "date") return [];
    return [{ point: point.name, iso: date.iso, minutes: date.minutes }];
  });
}

/** The row an imported sample becomes, by 监测数据's column keys. */
function layoutRow(sample: ImportedSample): LayoutRow {
  const values = new Map<string, CellValue>([
    ["point", sample.point],
    ["sampledOn", sample.sampledOn],
  ]);
  for (const [key, value] of sample.values) values.set(`param:${key}`, value);
  if (sample.remark !== "") values.set("remark", sample.remark);
  return { plan: null, values, extras: new Map() };
}

/**
 * 监测数据 as generation writes it (`merged`: its rows read back), with `appended` rows below them;
 * sampling times with a time of day shown with it ("2023-05-01 04:00"), where the column shows
 * days. Import appends samples, merge the returns' rows.
 *
 * @example
 * appendedLayout(spec, "监测数据", mergeRows(spec, read, "zh-CN"), samples.map(layoutRow), "zh-CN")
 */
export function appendedLayout(
  spec: AnySheetSpec,
  sheet: string,
  merged: MergedRows,
  appended: readonly LayoutRow[],
  locale: Locale,
): SheetLayout {
  const rows = [...merged.rows, ...appended];
  const layout = buildSheetLayout(spec, sheet, { ...merged, rows }, locale);
  const col = spec.columns.findIndex((c) => c.key === "sampledOn");
  const timed: RectFormat[] = [];
  let start = -1;
  const flush = (end: number): void => {
    if (start >= 0) {
      timed.push({
        rect: { row: firstDataRowIndex + start, col, rowCount: end - start, colCount: 1 },
        numberFormat: dateTimeFormat,
      });
    }
    start = -1;
  };
  rows.forEach((row, i) => {
    const value = row.values.get("sampledOn");
    const hasTime = typeof value === "number" && !Number.isInteger(value);
    if (hasTime && start < 0) start = i;
    if (!hasTime) flush(i);
  });
  flush(rows.length);
  return { ...layout, formats: [...layout.formats, ...timed] };
}
