import { isoDateToSerial } from "../excelDate";
import type { Locale } from "../locale";
import type { Plan } from "../plan/planSchema";
import { findDuplicateSamples } from "../validation/checkMonitoringRow";
import { monitoringPoints } from "../validation/monitoringPoints";
import { inputText } from "../validation/validationProblem";
import type { ParameterKey } from "../water-quality/parameters";
import { engineIssue, type ImportIssue } from "./importIssue";
import { buildImportRemark, type RemarkPart } from "./importRemark";
import { createPointMatcher, pointNamePrefixes } from "./matchPointName";
import { readExportHeader, type ColumnUse, type ExportCell, type ExportColumn } from "./readExportHeader";
import { readExportValue } from "./readExportValue";
import { readSamplingTime } from "./readSamplingTime";

/** A sample already in 监测数据: its point (the plan's name) and its sampling time. */
export interface ExistingSample {
  readonly point: string;
  readonly iso: string;
  readonly minutes: number | null;
}

/** What an import of one export is read against. */
export interface MonitoringImportInput {
  /** The export's cells, rows × columns, as read from a .xlsx sheet, a CSV or a selected range. */
  readonly grid: readonly (readonly ExportCell[])[];
  readonly plan: Plan;
  /** The as-of day "YYYY-MM-DD": a day without a year after it is last year's. */
  readonly asOf: string;
  /** The language of what the import writes into 备注. */
  readonly locale: Locale;
  /** The parameters 监测数据 has a column for. */
  readonly sheetParameters: readonly ParameterKey[];
  /** The samples 监测数据 holds now: an export's sample at the same point and time is a duplicate. */
  readonly existing: readonly ExistingSample[];
  /** Mappings the user confirmed: an export's point name → the plan's point. */
  readonly confirmed?: ReadonlyMap<string, string>;
  /** The sampling day "YYYY-MM-DD" of an export that has no time column (a monthly bulletin). */
  readonly sampledOn?: string;
}

/** A sample the import appends to 监测数据. */
export interface ImportedSample {
  /** The export's row, as a spreadsheet numbers it. */
  readonly row: number;
  /** The plan's point. */
  readonly point: string;
  readonly iso: string;
  readonly minutes: number | null;
  /** The sampling time as Excel stores it: the day's serial, the time of day as its fraction. */
  readonly sampledOn: number;
  /** The parameter cells in 监测数据's units; empty for a flagged row. */
  readonly values: ReadonlyMap<ParameterKey, number | string>;
  readonly remark: string;
  /** The station flagged the row (站点情况 维护 …): its values are in 备注, not in the columns. */
  readonly flagged: boolean;
}

/** A sample of the export that 监测数据 (or an earlier row of the export) already holds. */
export interface DuplicateSample {
  readonly row: number;
  readonly point: string;
  readonly iso: string;
  readonly minutes: number | null;
  /** `sheet`: 监测数据 holds it; `export`: an earlier row of the export is the same sample. */
  readonly of: "sheet" | "export";
}

/** A point name of the export that is none of the plan's, with how often it came and a suggestion. */
export interface UnmatchedName {
  readonly name: string;
  readonly rows: number;
  readonly firstRow: number;
  /** The plan's point it most resembles, for the user to confirm; null when none is near. */
  readonly suggestion: string | null;
}

/** What each column of the export was used for, as the report lists it. */
export interface ColumnReport {
  readonly header: string;
  readonly use: ColumnUse["kind"];
  readonly parameter?: ParameterKey;
  readonly factor?: number;
  readonly issue?: ImportIssue;
}

/** The preview of an import: what it reads, appends, leaves out and why. */
export interface MonitoringImport {
  readonly ok: true;
  /** The export's header row, as a spreadsheet numbers it. */
  readonly headerRow: number;
  readonly columns: readonly ColumnReport[];
  readonly counts: {
    /** Rows below the header that hold anything. */
    readonly read: number;
    /** Rows to append (flagged ones included). */
    readonly new: number;
    /** Of the new rows, those the station flagged. */
    readonly flagged: number;
    readonly duplicates: number;
    readonly refused: number;
    /** Rows whose point name is none of the plan's. */
    readonly unmatched: number;
  };
  readonly samples: readonly ImportedSample[];
  readonly duplicates: readonly DuplicateSample[];
  readonly refused: readonly ImportIssue[];
  readonly unmatched: readonly UnmatchedName[];
}

/** Why nothing of an export can be imported. */
export interface MonitoringImportRefused {
  readonly ok: false;
  readonly problem: ImportIssue;
}

/** States of a station that make its row a normal sample; anything else flags it. */
const normalStatuses: ReadonlySet<string> = new Set(["", "正常", "在线", "有效", "正常运行", "normal", "ok"]);

const minutesPerDay = 1440;

/**
 * Maps an export of monitoring data onto 监测数据: the one mapping every entry point uses (a .xlsx
 * sheet, a CSV, a range a user selected in Excel). It finds the header below any title rows,
 * reads each column for what it is (point, time, a parameter with its unit, the station's state,
 * columns kept in 备注, columns skipped), matches point names to the plan's, reads times and
 * values, and sorts every row into new, duplicate (by point and sampling time, against 监测数据 and
 * earlier rows: importing a file twice adds nothing), refused (with its reason) or unmatched (with
 * a suggestion). A row the station flagged is imported with its values in 备注 and none in the
 * parameter columns, so no rule counts it as a sample. Pure and total: never throws.
 *
 * @example
 * const preview = mapMonitoringExport({ grid, plan, asOf: "2023-06-30", locale: "zh-CN", sheetParameters, existing: [] });
 * if (preview.ok) preview.counts; // { read: 126, new: 120, flagged: 6, duplicates: 0, refused: 0, unmatched: 0 }
 */
export function mapMonitoringExport(
  input: MonitoringImportInput,
): MonitoringImport | MonitoringImportRefused {
  const header = readExportHeader(input.grid, new Set(input.sheetParameters));
  if ("code" in header) return { ok: false, problem: header };
  const columns = header.columns;
  const find = (kind: ColumnUse["kind"]): ExportColumn | undefined =>
    columns.find((c) => c.use.kind === kind);
  const timeColumn = columns.find((c) => c.use.kind === "time" && c.use.part !== "clock");
  const clockColumn = columns.find((c) => c.use.kind === "time" && c.use.part === "clock");
  if (timeColumn === undefined && input.sampledOn === undefined) {
    return { ok: false, problem: { code: "no_time_column", row: header.firstRow + 1 } };
  }
  const pointColumn = find("point");
  const statusColumn = find("status");
  const parameterColumns = columns.flatMap((c) =>
    c.use.kind === "parameter" ? [{ column: c, parameter: c.use.parameter, factor: c.use.factor }] : [],
  );
  const remarkColumns = columns.filter((c) => c.use.kind === "remark" || c.use.kind === "refused");

  const match = createPointMatcher(
    monitoringPoints(input.plan).map((p) => p.name),
    pointNamePrefixes(input.plan),
    input.confirmed ?? new Map(),
  );
  const year = { year: input.plan.year, asOf: input.asOf };

  const candidates: ImportedSample[] = [];
  const refused: ImportIssue[] = [];
  const unmatched = new Map<string, { rows: number; firstRow: number; suggestion: string | null }>();
  let read = 0;
  let unmatchedRows = 0;

  for (let r = header.lastRow + 1; r < input.grid.length; r += 1) {
    const cells = input.grid[r] ?? [];
    if (cells.every(isBlank)) continue;
    read += 1;
    const row = r + 1;
    const at = (column: ExportColumn | undefined): ExportCell =>
      column ? (cells[column.index] ?? null) : null;

    const status = inputText(at(statusColumn)).trim();
    const flagged = !normalStatuses.has(status.toLowerCase());
    const values = new Map<ParameterKey, number | string>();
    // Every value as the export wrote it, for the 备注 of a flagged row.
    const measured: RemarkPart[] = [];
    const marked: string[] = [];
    let problem: ImportIssue | null = null;
    for (const { column, parameter, factor } of parameterColumns) {
      const raw = at(column);
      const value = readExportValue(raw, factor);
      if (value.kind === "empty") continue;
      measured.push({ header: labelOf(column), text: inputText(raw).trim() });
      if (value.kind === "problem") {
        problem ??= {
          code: "measured_value",
          row,
          column: labelOf(column),
          waterQuality: engineIssue(value),
        };
        continue;
      }
      values.set(parameter, value.cell);
      if (value.marked) marked.push(labelOf(column));
    }
    const clockRaw = clockColumn ? at(clockColumn) : undefined;
    const ownTime = timeColumn ? at(timeColumn) : null;
    const timeRaw = timeColumn ? ownTime : (input.sampledOn ?? null);

    const name = inputText(at(pointColumn)).trim();
    // No time of its own and no value that reads: a heading, a note or a signature line.
    if (isBlank(ownTime) && values.size === 0) {
      const text = cells.map((c) => inputText(c).trim()).find((t) => t !== "") ?? "";
      refused.push({ code: "not_a_sample_row", row, input: text });
      continue;
    }
    if (name === "") {
      refused.push({ code: "missing_point", row });
      continue;
    }
    const point = match(name);
    if (point.kind === "unmatched") {
      unmatchedRows += 1;
      const seen = unmatched.get(name);
      if (seen) seen.rows += 1;
      else unmatched.set(name, { rows: 1, firstRow: row, suggestion: point.suggestion });
      continue;
    }

    const time = readSamplingTime(timeRaw, clockRaw, year);
    if (time.kind === "empty") {
      refused.push({ code: "missing_sampling_date", row });
      continue;
    }
    if (time.kind === "unreadable") {
      refused.push({ code: "unreadable_sampling_date", row, input: time.input });
      continue;
    }
    if (!time.iso.startsWith(`${input.plan.year}-`)) {
      refused.push({
        code: "sampling_date_outside_plan_year",
        row,
        input: inputText(timeRaw),
        date: time.iso,
        year: input.plan.year,
        yearInferred: time.yearInferred,
      });
      continue;
    }
    if (measured.length === 0) {
      refused.push({ code: "sample_without_values", row });
      continue;
    }
    // A flagged row keeps its values as written in 备注, so a value the parser refuses is no reason
    // to leave it out; a normal row with one is refused whole, never imported in part.
    if (problem !== null && !flagged) {
      refused.push(problem);
      continue;
    }

    const kept: RemarkPart[] = remarkColumns.flatMap((column) => {
      const text = inputText(at(column)).trim();
      return readExportValue(text, 1).kind === "empty" ? [] : [{ header: labelOf(column), text }];
    });
    const remark = buildImportRemark(
      flagged ? { status, parts: [...measured, ...kept], marked: [] } : { status: null, parts: kept, marked },
      input.locale,
    );
    // Midnight is the day's serial itself, which validation reads as a day without a time: the
    // import keys the sample as it will be read back, so importing it again finds it.
    const minutes = time.minutes === 0 ? null : time.minutes;
    candidates.push({
      row,
      point: point.point,
      iso: time.iso,
      minutes,
      sampledOn: isoDateToSerial(time.iso) + (minutes ?? 0) / minutesPerDay,
      values: flagged ? new Map() : values,
      remark,
      flagged,
    });
  }

  // One rule for what repeats a sample: validation's (the same point at the same time; a day
  // without a time is one sample that day).
  const keyed = [
    ...input.existing.map((s) => ({ point: s.point, date: s.iso, minutes: s.minutes })),
    ...candidates.map((s) => ({ point: s.point, date: s.iso, minutes: s.minutes })),
  ];
  const repeats = findDuplicateSamples(keyed);
  const samples: ImportedSample[] = [];
  const duplicates: DuplicateSample[] = [];
  candidates.forEach((sample, i) => {
    const first = repeats.get(input.existing.length + i);
    if (first === undefined) samples.push(sample);
    else
      duplicates.push({
        row: sample.row,
        point: sample.point,
        iso: sample.iso,
        minutes: sample.minutes,
        of: first < input.existing.length ? "sheet" : "export",
      });
  });

  return {
    ok: true,
    headerRow: header.firstRow + 1,
    columns: columns.map((c) => columnReport(c)),
    counts: {
      read,
      new: samples.length,
      flagged: samples.filter((s) => s.flagged).length,
      duplicates: duplicates.length,
      refused: refused.length,
      unmatched: unmatchedRows,
    },
    samples,
    duplicates,
    refused,
    unmatched: [...unmatched].map(([name, seen]) => ({ name, ...seen })),
  };
}

function columnReport(column: ExportColumn): ColumnReport {
  const header = labelOf(column);
  switch (column.use.kind) {
    case "parameter":
      return { header, use: "parameter", parameter: column.use.parameter, factor: column.use.factor };
    case "refused":
      return { header, use: "refused", issue: column.use.issue };
    case "point":
    case "time":
    case "status":
    case "remark":
    case "skipped":
      return { header, use: column.use.kind };
  }
}

/** A column's name in reports and 备注: its header, or its letter where the export left it blank. */
function labelOf(column: ExportColumn): string {
  const header = column.header.trim();
  if (header !== "") return header;
  let letters = "";
  for (let n = column.index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function isBlank(cell: ExportCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}
