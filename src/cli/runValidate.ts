import { resolve } from "node:path";
import type { Locale } from "../core/locale";
import { XlsxPatchingWorkbook } from "../hosts/xlsx/xlsxPatchingWorkbook";
import { validateForCli } from "./validateForCli";
import { type CliIo, exitCodes } from "./cliIo";
import { checkDate, localToday } from "./cliDates";
import { type CliMessages, cliMessages } from "./messages/cliMessages";
import { formatReportText, type ReportHeading } from "./reportText";
import { defaultReportWidth } from "./textTable";
import {
  describeUnexpected,
  checkOutputPath,
  saveFailure,
  loadPlan,
  openForPatching,
  openForReading,
  checkInputBook,
  statOrNull,
  UsageProblem,
} from "./workbookFiles";
import { defaultAsOf } from "../core/validation/defaultAsOf";

/** What `validate` was asked to do, paths as the user typed them. */
export interface ValidateRequest {
  readonly book: string;
  readonly out: string | undefined;
  readonly plan: string | undefined;
  readonly json: boolean;
  /** "YYYY-MM-DD" as typed, or undefined for today. */
  readonly today: string | undefined;
  readonly published: string | undefined;
  readonly locale: Locale;
}

/**
 * Validates a workbook: prints the report (text or JSON), writes the marked workbook with its
 * summary sheet to `--out` (through a temporary file; the input is never written unless `--out`
 * names it). Exit 0 without error-severity issues, 1 with them, 2 for a usage or file problem.
 *
 * @example
 * await runValidate({ book: "book.xlsx", out: undefined, plan: undefined, json: true, today: "2023-06-30", published: undefined, locale: "zh-CN" }, io);
 */
export async function runValidate(request: ValidateRequest, io: CliIo): Promise<void> {
  const messages = cliMessages(request.locale);
  try {
    // The terminal's width, or a fixed one where the output goes to a file or a pipe.
    const width = io.helpWidth?.() ?? defaultReportWidth;
    const { report, text } = await validate(request, messages, width);
    io.stdout(text);
    io.setExitCode(report.counts.errors > 0 ? exitCodes.issuesFound : exitCodes.ok);
  } catch (error) {
    const line = error instanceof UsageProblem ? error.message : describeUnexpected(error, messages);
    io.stderr(`${line}\n`);
    io.setExitCode(exitCodes.usage);
  }
}

async function validate(request: ValidateRequest, messages: CliMessages, width: number) {
  const { book, out } = request;
  const today = request.today === undefined ? undefined : checkDate("--today", request.today, messages);
  const publishedOn =
    request.published === undefined ? undefined : checkDate("--published", request.published, messages);
  await checkInputBook(book, messages, out);
  if (out !== undefined) checkOutputPath(out, resolve(out), messages);
  const plan = await loadPlan(request.plan, request.locale, messages);
  // --today as given; else today, but not past the plan year (an annual plan is judged up to 31 December).
  const localDay = localToday();
  const asOf = today ?? defaultAsOf(localDay, plan.year);
  const heading: ReportHeading = {
    title: request.locale === "zh-CN" ? plan.title : plan.titleEn,
    asOfReason: today !== undefined ? "option" : asOf === localDay ? "today" : "plan_year_end",
    publishedReason: publishedOn !== undefined ? "option" : "setting",
  };

  // The workbook is streamed, not loaded whole into ExcelJS; with --out only what validation changes
  // is written, large sheets streamed from the file into the result.
  const workbook =
    out === undefined
      ? await openForReading(book, resolve(book), messages)
      : await openForPatching(book, resolve(book), messages);
  const outcome = await validateForCli(
    workbook.port,
    plan,
    {
      locale: request.locale,
      asOf,
      ...(publishedOn === undefined ? {} : { publishedOn }),
    },
    book,
    messages,
  );
  const { report } = outcome;
  // The report is formed whole before anything is written: once the file is there, nothing is
  // left that could fail and make the exit code say otherwise.
  const closing = messages.validated(book, report.counts.errors, report.counts.warnings, out ?? null);
  const text = request.json
    ? `${JSON.stringify(report, null, 2)}\n`
    : `${formatReportText(report, request.locale, { heading, width })}\n${closing}\n`;
  if (out !== undefined && workbook instanceof XlsxPatchingWorkbook) {
    const existed = (await statOrNull(resolve(out))) !== null;
    try {
      await workbook.saveAtomically(resolve(out));
    } catch (error) {
      throw new UsageProblem(saveFailure(error, out, existed, messages));
    }
  }
  return { report, text };
}
