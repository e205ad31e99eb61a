import { mkdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { Locale } from "../core/locale";
import type { ScopeBy } from "../core/plan/planScope";
import { HostError } from "../hosts/hostError";
import { XlsxWorkbook } from "../hosts/xlsx/xlsxWorkbook";
import { splitWorkbook, type SplitProblem, type UnitWorkbook } from "../workbook/exchange/splitWorkbook";
import { checkDate } from "./cliDates";
import { type CliIo, exitCodes } from "./cliIo";
import { describeHostError } from "./hostErrorMessage";
import { cliMessages, type CliMessages } from "./messages/cliMessages";
import { splitMessages, type SplitMessages, type SplitReportRow } from "./messages/split/splitMessages";
import { textTable } from "./textTable";
import {
  describeUnexpected,
  errnoOf,
  loadPlan,
  openForReading,
  checkInputBook,
  statOrNull,
  UsageProblem,
} from "./workbookFiles";

/** What `split` was asked to do, paths as the user typed them. */
export interface SplitRequest {
  readonly book: string;
  readonly by: string | undefined;
  readonly out: string | undefined;
  readonly deadline: string | undefined;
  readonly units: readonly string[];
  readonly json: boolean;
  readonly force: boolean;
  readonly plan: string | undefined;
  readonly locale: Locale;
}

/**
 * Splits the city's workbook into one .xlsx per unit in `--out` and prints what it did (text, or
 * JSON with `--json`). Everything is checked before the first file is written: a workbook not made
 * by the add-in, another plan's, a unit the plan does not name, or a non-empty file of the same
 * name already in the folder (without `--force`) ends with exit code 2 and one line, nothing written.
 *
 * @example
 * await runSplit({ book: "柳州.xlsx", by: "county", out: "下发", deadline: "2023-07-10", units: [], json: false, force: false, plan: undefined, locale: "zh-CN" }, io);
 */
export async function runSplit(request: SplitRequest, io: CliIo): Promise<void> {
  const messages = cliMessages(request.locale);
  const words = splitMessages(request.locale);
  try {
    io.stdout(await split(request, messages, words));
    io.setExitCode(exitCodes.ok);
  } catch (error) {
    const line = error instanceof UsageProblem ? error.message : describeUnexpected(error, messages);
    io.stderr(`${line}\n`);
    io.setExitCode(exitCodes.usage);
  }
}

function describeProblem(
  problem: SplitProblem,
  request: SplitRequest,
  by: ScopeBy,
  words: SplitMessages,
): string {
  switch (problem.code) {
    case "not_add_in_workbook":
      return words.notAddInWorkbook(request.book);
    case "other_plan":
      return words.otherPlan(request.book, problem.workbookPlan, problem.plan);
    case "already_split":
      return words.alreadySplit(request.book, problem.unit);
    case "no_counties":
      return words.noCounties();
    case "unknown_unit":
      return words.unknownUnit(problem.unit, by, problem.suggestions);
  }
}

async function split(request: SplitRequest, messages: CliMessages, words: SplitMessages): Promise<string> {
  const { book, out } = request;
  const by = request.by === "lead" || request.by === "county" ? request.by : null;
  if (by === null) throw new UsageProblem(words.badBy(request.by));
  if (out === undefined || out.trim() === "") throw new UsageProblem(words.outMissing());
  const deadline =
    request.deadline === undefined ? null : checkDate("--deadline", request.deadline, messages);
  await checkInputBook(book, messages);
  const folder = await statOrNull(resolve(out));
  if (folder !== null && !folder.isDirectory()) throw new UsageProblem(words.outIsFile(out));
  const plan = await loadPlan(request.plan, request.locale, messages);

  const city = await openForReading(book, resolve(book), messages);
  const outcome = await splitWorkbook(city.port, plan, {
    by,
    units: request.units,
    deadline,
    source: basename(book),
  }).catch((error: unknown) => {
    if (error instanceof HostError) throw new UsageProblem(describeHostError(error, messages));
    throw error;
  });
  if (!outcome.ok) {
    throw new UsageProblem(outcome.problems.map((p) => describeProblem(p, request, by, words)).join(" "));
  }

  // Every target is checked before the first file is written: a refusal leaves the folder as it was.
  if (!request.force) {
    const taken: string[] = [];
    for (const unit of outcome.units) {
      const found = await statOrNull(resolve(out, unit.fileName));
      if (found !== null && (found.isDirectory() || found.size > 0)) taken.push(unit.fileName);
    }
    if (taken.length > 0) throw new UsageProblem(words.wouldOverwrite(out, taken));
  }
  try {
    await mkdir(resolve(out), { recursive: true });
  } catch (error) {
    throw new UsageProblem(words.outUncreatable(out, messages.fileReason(errnoOf(error))));
  }
  for (const unit of outcome.units) {
    const target = join(out, unit.fileName);
    const file = XlsxWorkbook.create();
    await file.port.write(unit.batch);
    try {
      await file.saveAtomically(resolve(target));
    } catch (error) {
      throw new UsageProblem(messages.outUnwritable(target, messages.fileReason(errnoOf(error)), false));
    }
  }

  const rows = outcome.units.map(reportRow);
  const notSent = Object.values(outcome.notSent).reduce((sum, n) => sum + n, 0);
  if (request.json) {
    const json = { book, by, out, deadline, files: rows.length, units: rows, notSent: outcome.notSent };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  // File names are `<plan id>-<unit>.xlsx`: the table leaves them out to stay narrow (--json has them).
  const lines = [
    words.split(book, by, rows.length, rows.length, out),
    words.deadline(deadline),
    words.fileNames(`${plan.id}-`),
    textTable(
      words.tableHeader,
      rows.map((r) =>
        [r.unit, r.tasks, r.points, r.indicators, r.monitoring, r.entries].map((cell) => String(cell)),
      ),
    ),
  ];
  if (notSent > 0) lines.push(words.notSent(notSent));
  return `${lines.join("\n")}\n`;
}

function reportRow(unit: UnitWorkbook): SplitReportRow {
  const { rows } = unit;
  const points =
    (rows.nationalSections ?? 0) +
    (rows.regionalSections ?? 0) +
    (rows.municipalSources ?? 0) +
    (rows.countySources ?? 0) +
    (rows.outfallRivers ?? 0);
  return {
    unit: unit.scope.unit,
    file: unit.fileName,
    tasks: rows.tasks ?? 0,
    points,
    indicators: rows.indicators ?? 0,
    monitoring: rows.monitoring ?? 0,
    entries: unit.entries,
  };
}
