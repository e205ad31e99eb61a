import { resolve } from "node:path";
import type { Locale } from "../core/locale";
import { defaultAsOf } from "../core/validation/defaultAsOf";
import { saveFileAtomically } from "../hosts/xlsx/saveFileAtomically";
import { buildProgressReport } from "../workbook/report/buildProgressReport";
import { renderProgressReportDocx } from "../workbook/report/renderProgressReportDocx";
import { validateForCli } from "./validateForCli";
import { type CliIo, exitCodes } from "./cliIo";
import { checkDate, localToday } from "./cliDates";
import { cliMessages } from "./messages/cliMessages";
import { reportCommandMessages } from "./messages/report/reportMessages";
import {
  checkOutputPath,
  describeUnexpected,
  loadPlan,
  openForReading,
  saveFailure,
  checkInputBook,
  statOrNull,
  UsageProblem,
} from "./workbookFiles";

/** What `report` was asked to do, paths as the user typed them. */
export interface ReportRequest {
  readonly book: string;
  readonly out: string | undefined;
  readonly plan: string | undefined;
  readonly today: string | undefined;
  readonly published: string | undefined;
  readonly locale: Locale;
}

/**
 * Validates the workbook (reading it only; nothing is marked) and writes the 进展报告 draft built
 * from that validation report to `--out` (through a temporary file). Exit 0 when written, 2 for a
 * usage or file problem; validation's errors go into the report, they do not fail the command.
 *
 * @example
 * await runReport({ book: "book.xlsx", out: "报告.docx", plan: undefined, today: "2023-06-30", published: undefined, locale: "zh-CN" }, io);
 */
export async function runReport(request: ReportRequest, io: CliIo): Promise<void> {
  const messages = cliMessages(request.locale);
  const own = reportCommandMessages(request.locale);
  try {
    const { book, out } = request;
    if (out === undefined) throw new UsageProblem(own.outMissing);
    if (!/\.docx$/iu.test(out)) throw new UsageProblem(own.outNotDocx(out));
    const today = request.today === undefined ? undefined : checkDate("--today", request.today, messages);
    const publishedOn =
      request.published === undefined ? undefined : checkDate("--published", request.published, messages);
    await checkInputBook(book, messages);
    checkOutputPath(out, resolve(out), messages);
    const plan = await loadPlan(request.plan, request.locale, messages);
    const asOf = today ?? defaultAsOf(localToday(), plan.year);
    const workbook = await openForReading(book, resolve(book), messages);
    const outcome = await validateForCli(
      workbook.port,
      plan,
      {
        locale: request.locale,
        asOf,
        summary: false,
        ...(publishedOn === undefined ? {} : { publishedOn }),
      },
      book,
      messages,
    );
    const { report } = outcome;
    const bytes = await renderProgressReportDocx(buildProgressReport(plan, report, request.locale));
    const existed = (await statOrNull(resolve(out))) !== null;
    try {
      await saveFileAtomically(resolve(out), (sink) => {
        sink(bytes);
      });
    } catch (error) {
      throw new UsageProblem(saveFailure(error, out, existed, messages));
    }
    io.stdout(`${own.written(out, report.counts.errors, report.counts.warnings)}\n`);
    io.setExitCode(exitCodes.ok);
  } catch (error) {
    const line = error instanceof UsageProblem ? error.message : describeUnexpected(error, messages);
    io.stderr(`${line}\n`);
    io.setExitCode(exitCodes.usage);
  }
}
