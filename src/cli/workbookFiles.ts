import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Locale } from "../core/locale";
import { liuzhou2023Plan } from "../core/plan/builtinPlans";
import { formatPlanProblems, parsePlan } from "../core/plan/parsePlan";
import type { Plan } from "../core/plan/planSchema";
import { HostError } from "../hosts/hostError";
import { refusalOf, type XlsxRefusal } from "../hosts/xlsx/prepareXlsxBytes";
import { XlsxStreamReader } from "../hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../hosts/xlsx/xlsxWorkbook";
import { XlsxPatchingWorkbook } from "../hosts/xlsx/xlsxPatchingWorkbook";
import { assertReplaceable, outputRefusalOf } from "../hosts/xlsx/saveFileAtomically";
import type { CliMessages } from "./messages/cliMessages";
import { describeHostError } from "./hostErrorMessage";

/*
 * The file handling every command shares: plan files, workbooks opened or created, and the one
 * line a file problem becomes.
 */

/** A usage or file problem, already worded for the user: the command ends with exit code 2. */
export class UsageProblem extends Error {
  override readonly name = "UsageProblem";
}

/** The built-in plan, or the plan file the user named, checked against the schema. */
export async function loadPlan(
  path: string | undefined,
  locale: Locale,
  messages: CliMessages,
): Promise<Plan> {
  return path === undefined ? liuzhou2023Plan : readPlanFile(path, locale, messages);
}

async function readPlanFile(path: string, locale: Locale, messages: CliMessages): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = errnoOf(error);
    throw new UsageProblem(
      code === "ENOENT"
        ? messages.planMissing(path)
        : messages.planUnreadable(path, messages.fileReason(code)),
    );
  }
  let json: unknown;
  try {
    // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageProblem(
      messages.planNotJson(path, error instanceof Error ? error.message : String(error)),
    );
  }
  const parsed = parsePlan(json);
  if (!parsed.ok)
    throw new UsageProblem(messages.planInvalid(path, formatPlanProblems(parsed.problems, locale)));
  return parsed.plan;
}

/** A new workbook, or the one at `outPath` to generate again inside (an .xlsx of the user's own too, as in Excel). */
export async function openOrCreate(
  out: string,
  outPath: string,
  existing: Stats | null,
  messages: CliMessages,
): Promise<XlsxWorkbook> {
  if (existing === null) return XlsxWorkbook.create();
  if (existing.isDirectory()) throw new UsageProblem(messages.outIsDirectory(out));
  return openedOrExplained(XlsxWorkbook.open(outPath), out, messages);
}

/**
 * The workbook at `path` for reading only (validate without `--out`): streamed, so that a large
 * workbook costs a fraction of ExcelJS's time and memory. File problems become the same one line
 * as openOrCreate's.
 *
 * @example
 * const book = await openForReading("book.xlsx", resolve("book.xlsx"), messages);
 */
export async function openForReading(
  shown: string,
  path: string,
  messages: CliMessages,
): Promise<XlsxStreamReader> {
  return openedOrExplained(XlsxStreamReader.open(path), shown, messages);
}

/**
 * The workbook at `path` for `validate --out`: read as openForReading reads it, and written with
 * only what validation changes (large sheets streamed, see XlsxPatchingWorkbook).
 *
 * @example
 * const book = await openForPatching("book.xlsx", resolve("book.xlsx"), messages);
 */
export async function openForPatching(
  shown: string,
  path: string,
  messages: CliMessages,
): Promise<XlsxPatchingWorkbook> {
  return openedOrExplained(XlsxPatchingWorkbook.open(path), shown, messages);
}

async function openedOrExplained<T>(opening: Promise<T>, shown: string, messages: CliMessages): Promise<T> {
  try {
    return await opening;
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    switch (error.code) {
      case "not_a_workbook":
        throw new UsageProblem(refusalMessage(shown, refusalOf(error), messages));
      case "file_unavailable":
        throw new UsageProblem(messages.outUnreadable(shown, messages.fileReason(errnoOf(error))));
      case "excel_rejected":
      case "payload_too_large":
      case "api_unsupported":
      case "sheet_protected":
      case "workbook_changed":
        throw new UsageProblem(describeHostError(error, messages));
    }
  }
}

/**
 * A host error met while reading or writing the workbook `shown`, as one line: a refusal of the
 * file (found as the streaming reader reaches a part) as the same line opening it would give.
 *
 * @example
 * describeWorkbookError(error, "book.xlsx", messages) // "book.xlsx 已损坏（可能下载不完整）…"
 */
export function describeWorkbookError(error: HostError, shown: string, messages: CliMessages): string {
  return error.code === "not_a_workbook"
    ? refusalMessage(shown, refusalOf(error), messages)
    : describeHostError(error, messages);
}

/**
 * Refuses, before any work, an output path the save would refuse: a symbolic link or a read-only
 * file (see assertReplaceable), each with its own line.
 *
 * @example
 * checkOutputPath("marked.xlsx", resolve("marked.xlsx"), messages);
 */
export function checkOutputPath(shown: string, path: string, messages: CliMessages): void {
  try {
    assertReplaceable(path);
  } catch (error) {
    throw new UsageProblem(saveFailure(error, shown, true, messages));
  }
}

/** Why writing `shown` failed, as one line (nothing was written: the old file, if any, is as it was). */
export function saveFailure(error: unknown, shown: string, existed: boolean, messages: CliMessages): string {
  const refusal = outputRefusalOf(error);
  if (refusal?.reason === "symlink") return messages.outSymlink(shown, refusal.target ?? "");
  if (refusal?.reason === "read_only") return messages.outReadOnly(shown);
  return messages.outUnwritable(shown, messages.fileReason(errnoOf(error)), existed);
}

/**
 * Checks the workbook a command reads (`book`, as given): an `.xlsx` name, then the output's
 * `.xlsx` name where the command writes one (`out`), then that the workbook is there and is a file.
 * A UsageProblem says what is wrong, in the order a user would fix it.
 *
 * @example
 * await checkInputBook("柳州.xlsx", messages, "marked.xlsx");
 */
export async function checkInputBook(book: string, messages: CliMessages, out?: string): Promise<void> {
  if (!/\.xlsx$/iu.test(book)) throw new UsageProblem(messages.inputNotXlsx(book));
  if (out !== undefined && !/\.xlsx$/iu.test(out)) throw new UsageProblem(messages.outNotXlsx(out));
  const input = await statOrNull(resolve(book));
  if (input === null) throw new UsageProblem(messages.inputMissing(book));
  if (input.isDirectory()) throw new UsageProblem(messages.inputIsDirectory(book));
}

export async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** Node's error code ("EACCES"), looking through a HostError to its cause. */
export function errnoOf(error: unknown): string | undefined {
  const source: unknown = error instanceof HostError ? error.cause : error;
  if (typeof source === "object" && source !== null && "code" in source && typeof source.code === "string") {
    return source.code;
  }
  return undefined;
}

export function describeUnexpected(error: unknown, messages: CliMessages): string {
  const reason = error instanceof Error ? error.message : String(error);
  // One line, whatever the error held.
  return messages.internalError(reason.replace(/\s*\n\s*/g, " "));
}

/** Why the workbook at `out` cannot be opened, in the user's language. */
export function refusalMessage(out: string, refusal: XlsxRefusal | null, messages: CliMessages): string {
  switch (refusal?.reason) {
    case "encrypted":
      return messages.outEncrypted(out);
    case "legacy_format":
      return messages.outLegacyXls(out);
    case "too_large":
      return messages.outTooLarge(
        out,
        megabytes(refusal.size?.bytes ?? 0),
        megabytes(refusal.size?.limit ?? 0),
      );
    case "damaged":
      return messages.outDamaged(out);
    case "over_limit":
      return refusal.passed === null
        ? messages.outNotAWorkbook(out)
        : messages.outOverLimit(out, refusal.passed);
    case "xml_entities":
      return messages.outXmlEntities(out);
    case "empty":
    case "not_a_zip":
    case "not_a_spreadsheet":
    case undefined:
      return messages.outNotAWorkbook(out);
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
