import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Locale } from "../core/locale";
import { HostError } from "../hosts/hostError";
import { XlsxStreamReader } from "../hosts/xlsx/xlsxStreamReader";
import {
  mergeReturns,
  returnSheetNames,
  type MergeOutcome,
  type ReturnedWorkbook,
  type ReturnRefusal,
} from "../workbook/exchange/mergeReturns";
import { formatMergeProblem } from "../workbook/exchange/messages/formatMergeRefusal";
import { type CliIo, exitCodes } from "./cliIo";
import { describeHostError } from "./hostErrorMessage";
import { formatMergeReport, mergeReportJson } from "./mergeReportText";
import { cliMessages, type CliMessages } from "./messages/cliMessages";
import { mergeMessages, type MergeMessages } from "./messages/merge/mergeMessages";
import {
  checkOutputPath,
  describeUnexpected,
  describeWorkbookError,
  errnoOf,
  loadPlan,
  openForPatching,
  openForReading,
  refusalMessage,
  saveFailure,
  checkInputBook,
  statOrNull,
  UsageProblem,
} from "./workbookFiles";
import { refusalOf } from "../hosts/xlsx/prepareXlsxBytes";
import type { Plan } from "../core/plan/planSchema";

/** What `merge` was asked to do, paths as the user typed them. */
export interface MergeRequest {
  readonly book: string;
  readonly returns: readonly string[];
  readonly out: string | undefined;
  readonly json: boolean;
  readonly plan: string | undefined;
  readonly locale: Locale;
}

/**
 * Merges returned workbooks into the city's: prints the counts, the refused files and every
 * conflict (text, or JSON with `--json`), and writes to `--out` only (through a temporary file,
 * so `--out` may name the city's workbook); without `--out` it is a preview. Exit 0 when every
 * return was merged without a conflict, 1 when a file was refused or a value left as a conflict,
 * 2 for a usage or file problem of the city's workbook.
 *
 * @example
 * await runMerge({ book: "柳州市.xlsx", returns: ["柳江区.xlsx"], out: "柳州市.xlsx", json: false, plan: undefined, locale: "zh-CN" }, io);
 */
export async function runMerge(request: MergeRequest, io: CliIo): Promise<void> {
  const messages = cliMessages(request.locale);
  const words = mergeMessages(request.locale);
  try {
    const { outcome, written } = await merge(request, messages, words);
    io.stdout(
      request.json
        ? `${JSON.stringify(mergeReportJson(request.book, outcome, written, request.locale), null, 2)}\n`
        : formatMergeReport(request.book, outcome, written, request.out === undefined, words, request.locale),
    );
    // Cells a return has empty are listed, not a failure: most are cells the city filled after the
    // unit's form was made, and the city's value stays.
    const clean = outcome.counts.refused === 0 && outcome.counts.conflicts === 0;
    io.setExitCode(clean ? exitCodes.ok : exitCodes.issuesFound);
  } catch (error) {
    const line = error instanceof UsageProblem ? error.message : describeUnexpected(error, messages);
    io.stderr(`${line}\n`);
    io.setExitCode(exitCodes.usage);
  }
}

type Merged = Extract<MergeOutcome, { ok: true }>;
type Refused = { readonly file: string; readonly refusal: ReturnRefusal };

/**
 * Reads every returned file, streamed (a few MB each, never loaded into ExcelJS): the readable
 * ones as snapshots, the others refused with the reader's reason (mergeReturns refuses the city's
 * own file, by its name or its contents: isOwnBook).
 */
async function readReturns(
  request: MergeRequest,
  plan: Plan,
  messages: CliMessages,
  words: MergeMessages,
): Promise<{ read: ReturnedWorkbook[]; refused: Refused[] }> {
  const read: ReturnedWorkbook[] = [];
  const refused: Refused[] = [];
  const unreadable = (file: string, reason: string): void => {
    refused.push({ file, refusal: { code: "unreadable", reason } });
  };
  for (const file of request.returns) {
    if (!/\.xlsx$/iu.test(file)) {
      unreadable(file, words.returnNotXlsx(file));
      continue;
    }
    const found = await statOrNull(resolve(file));
    if (found === null) {
      unreadable(file, words.returnMissing(file));
      continue;
    }
    if (found.isDirectory()) {
      unreadable(file, words.returnIsDirectory(file));
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(resolve(file)));
    } catch (error) {
      unreadable(file, words.returnUnreadable(file, messages.fileReason(errnoOf(error))));
      continue;
    }
    try {
      const snapshot = await XlsxStreamReader.fromBuffer(bytes).port.read(returnSheetNames(plan));
      read.push({ file, snapshot });
    } catch (error) {
      if (!(error instanceof HostError)) throw error;
      unreadable(
        file,
        error.code === "not_a_workbook"
          ? refusalMessage(file, refusalOf(error), messages)
          : describeWorkbookError(error, file, messages),
      );
    }
  }
  return { read, refused };
}

async function merge(
  request: MergeRequest,
  messages: CliMessages,
  words: MergeMessages,
): Promise<{ outcome: Merged; written: string | null }> {
  const { book, out } = request;
  await checkInputBook(book, messages, out);
  if (out !== undefined) checkOutputPath(out, resolve(out), messages);
  const plan = await loadPlan(request.plan, request.locale, messages);
  // Without --out, a preview through the streaming reader; with it, the one pass that decides
  // and writes, through the host that patches the file in place (read once, merged once).
  const writer = out === undefined ? null : await openForPatching(book, resolve(book), messages);
  const port = writer?.port ?? (await openForReading(book, resolve(book), messages)).port;
  const { read, refused } = await readReturns(request, plan, messages, words);

  const run = async (preview: boolean): Promise<Merged> => {
    const outcome = await mergeReturns(port, plan, read, { preview, refused, book }).catch(
      (error: unknown) => {
        if (error instanceof HostError) throw new UsageProblem(describeWorkbookError(error, book, messages));
        throw error;
      },
    );
    if (!outcome.ok) throw new UsageProblem(formatMergeProblem(outcome.problem, book, request.locale));
    return outcome;
  };
  if (writer === null || out === undefined) return { outcome: await run(true), written: null };
  // Written in place, as import writes: cells patched, new monitoring rows appended below the
  // table, the rest of the file copied as it is (where rows cannot go below the table, 监测数据 is
  // read with its formulas and written again whole). A merge that changes nothing writes nothing,
  // and leaves the city's workbook untouched when --out names it.
  const outcome = await run(false);
  const changing =
    outcome.counts.cellsFilled + outcome.counts.textsJoined + outcome.counts.monitoringAdded > 0;
  if (!changing && resolve(out) === resolve(book)) return { outcome, written: null };
  const existed = (await statOrNull(resolve(out))) !== null;
  try {
    await writer.saveAtomically(resolve(out));
  } catch (error) {
    if (error instanceof HostError && error.code !== "file_unavailable") {
      throw new UsageProblem(describeHostError(error, messages));
    }
    throw new UsageProblem(saveFailure(error, out, existed, messages));
  }
  return { outcome, written: out };
}
