import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { formatImportIssue } from "../core/import/formatImportIssue";
import { readCsvGrid, type CsvEncoding } from "../core/import/readCsvGrid";
import type { ExportCell } from "../core/import/readExportHeader";
import type { Locale } from "../core/locale";
import { defaultAsOf } from "../core/validation/defaultAsOf";
import { HostError } from "../hosts/hostError";
import { refusalOf } from "../hosts/xlsx/prepareXlsxBytes";
import { streamExportXlsx } from "../hosts/xlsx/streamExportXlsx";
import { XlsxPatchingWorkbook } from "../hosts/xlsx/xlsxPatchingWorkbook";
import {
  importMonitoring,
  type ImportOutcome,
  type ImportProblem,
} from "../workbook/import/importMonitoring";
import { type CliIo, exitCodes } from "./cliIo";
import { describeHostError } from "./hostErrorMessage";
import { formatImportReport, importReportJson } from "./importReportText";
import { checkDate, localToday } from "./cliDates";
import { cliMessages, type CliMessages } from "./messages/cliMessages";
import { importMessages, type ImportMessages } from "./messages/import/importMessages";
import {
  describeUnexpected,
  errnoOf,
  loadPlan,
  openForPatching,
  openForReading,
  checkInputBook,
  statOrNull,
  UsageProblem,
} from "./workbookFiles";

/** What `import` was asked to do, paths as the user typed them. */
export interface ImportRequest {
  readonly book: string;
  readonly export: string;
  readonly sheet: string | undefined;
  readonly out: string | undefined;
  readonly json: boolean;
  /** `--map NAME=POINT` as typed, in order. */
  readonly map: readonly string[];
  readonly today: string | undefined;
  readonly date: string | undefined;
  readonly plan: string | undefined;
  readonly locale: Locale;
}

/**
 * Imports a monitoring export into a workbook's 监测数据: prints what it read, appends, leaves out
 * and why (text, or JSON with `--json`), and writes the workbook to `--out` only (through a
 * temporary file, so `--out` may name the workbook itself); without `--out` it is a preview and
 * writes nothing. Exit 0 when every row read was imported or was there already, 1 when rows were
 * left out (refused, or a point the plan does not have), 2 for a usage or file problem.
 *
 * @example
 * await runImport({ book: "book.xlsx", export: "export.csv", sheet: undefined, out: "book.xlsx", json: false, map: [], today: undefined, date: undefined, plan: undefined, locale: "zh-CN" }, io);
 */
export async function runImport(request: ImportRequest, io: CliIo): Promise<void> {
  const messages = cliMessages(request.locale);
  const words = importMessages(request.locale);
  try {
    const { outcome, text } = await importExport(request, messages, words);
    io.stdout(text);
    const leftOut = outcome.import.counts.refused + outcome.import.counts.unmatched;
    io.setExitCode(leftOut > 0 ? exitCodes.issuesFound : exitCodes.ok);
  } catch (error) {
    const line = error instanceof UsageProblem ? error.message : describeUnexpected(error, messages);
    io.stderr(`${line}\n`);
    io.setExitCode(exitCodes.usage);
  }
}

/** `--map NAME=POINT` as pairs; the first "=" splits (a name never holds one, a point may not either). */
function readMappings(map: readonly string[], words: ImportMessages): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const text of map) {
    const at = text.indexOf("=");
    const name = at < 0 ? "" : text.slice(0, at).trim();
    const point = at < 0 ? "" : text.slice(at + 1).trim();
    if (name === "" || point === "") throw new UsageProblem(words.badMapping(text));
    pairs.set(name, point);
  }
  return pairs;
}

/** The export's cells: a CSV decoded, or one sheet of an .xlsx streamed. */
async function readExport(
  request: ImportRequest,
  messages: CliMessages,
  words: ImportMessages,
): Promise<{ grid: ExportCell[][]; sheet: string | null; encoding: CsvEncoding | null }> {
  const path = request.export;
  const kind = extname(path).toLowerCase();
  if (kind !== ".csv" && kind !== ".xlsx") throw new UsageProblem(words.exportKind(path));
  const found = await statOrNull(resolve(path));
  if (found === null) throw new UsageProblem(words.exportMissing(path));
  if (found.isDirectory()) throw new UsageProblem(words.exportIsDirectory(path));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(path)));
  } catch (error) {
    throw new UsageProblem(words.exportUnreadable(path, messages.fileReason(errnoOf(error))));
  }
  if (kind === ".csv") {
    const csv = readCsvGrid(bytes);
    return { grid: csv.rows, sheet: null, encoding: csv.encoding };
  }
  try {
    const read = await streamExportXlsx(bytes, request.sheet);
    if (read.kind === "sheet_missing") {
      throw new UsageProblem(words.exportSheetMissing(path, request.sheet ?? "", read.sheetNames));
    }
    return { grid: read.grid, sheet: read.sheet, encoding: null };
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    throw new UsageProblem(words.exportNotAWorkbook(path, refusalOf(error)?.message ?? error.message));
  }
}

function describeProblem(problem: ImportProblem, request: ImportRequest, words: ImportMessages): string {
  switch (problem.code) {
    case "no_monitoring_sheet":
      return words.noMonitoringSheet(request.book);
    case "cells_outside_tables":
      return words.cellsOutsideTables(request.book, problem.sheet, problem.first, problem.count);
    case "unknown_confirmed_point":
      return words.unknownMappedPoint(problem.name, problem.point);
    case "export_refused":
      return words.exportRefused(request.export, formatImportIssue(problem.issue, request.locale));
  }
}

async function importExport(
  request: ImportRequest,
  messages: CliMessages,
  words: ImportMessages,
): Promise<{ outcome: Extract<ImportOutcome, { ok: true }>; text: string }> {
  const { book, out } = request;
  const today = request.today === undefined ? undefined : checkDate("--today", request.today, messages);
  const sampledOn = request.date === undefined ? undefined : checkDate("--date", request.date, messages);
  const confirm = readMappings(request.map, words);
  await checkInputBook(book, messages, out);
  const plan = await loadPlan(request.plan, request.locale, messages);
  const asOf = today ?? defaultAsOf(localToday(), plan.year);
  const exported = await readExport(request, messages, words);

  // Without --out nothing is written: the workbook is streamed, not loaded whole into ExcelJS. With
  // it, the new rows are appended to 监测数据 in place and the rest of the file copied as it is.
  const workbook =
    out === undefined
      ? await openForReading(book, resolve(book), messages)
      : await openForPatching(book, resolve(book), messages);
  const outcome = await importMonitoring(workbook.port, plan, exported.grid, {
    asOf,
    confirm,
    preview: out === undefined,
    ...(sampledOn === undefined ? {} : { sampledOn }),
  }).catch((error: unknown) => {
    if (error instanceof HostError) throw new UsageProblem(describeHostError(error, messages));
    throw error;
  });
  if (!outcome.ok) throw new UsageProblem(describeProblem(outcome.problem, request, words));

  const changed = outcome.written || outcome.savedMappings.length > 0;
  // The same workbook with nothing new is left as it is; another --out gets its copy as asked.
  const sameFile = out !== undefined && resolve(out) === resolve(book);
  const saving = out !== undefined && workbook instanceof XlsxPatchingWorkbook && (changed || !sameFile);
  if (saving) {
    const existed = (await statOrNull(resolve(out))) !== null;
    try {
      await workbook.saveAtomically(resolve(out));
    } catch (error) {
      throw new UsageProblem(messages.outUnwritable(out, messages.fileReason(errnoOf(error)), existed));
    }
  }
  const written = saving ? out : null;
  const text = request.json
    ? `${JSON.stringify(importReportJson(request, exported, outcome, written), null, 2)}\n`
    : formatImportReport(request, exported, outcome, written, words);
  return { outcome, text };
}
