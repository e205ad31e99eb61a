import { dirname, resolve } from "node:path";
import type { Locale } from "../core/locale";
import { formatGenerateProblem } from "../workbook/messages/formatGenerateProblem";
import { HostError } from "../hosts/hostError";
import { generateWorkbook } from "../workbook/generateWorkbook";
import { metaSheetName } from "../workbook/metaSheet";
import { type CliIo, exitCodes } from "./cliIo";
import { type CliMessages, cliMessages } from "./messages/cliMessages";
import {
  describeUnexpected,
  checkOutputPath,
  describeWorkbookError,
  saveFailure,
  loadPlan,
  openOrCreate,
  statOrNull,
  UsageProblem,
} from "./workbookFiles";

/** What `generate` was asked to do, paths as the user typed them. */
export interface GenerateRequest {
  readonly out: string;
  readonly plan: string | undefined;
  readonly locale: Locale;
}

/**
 * Generates the plan's sheets into `--out`: a new workbook, or the existing one generated again
 * with every entered value kept. Ends with exit code 0, or 2 and one line on stderr for a usage or
 * file problem; never throws.
 *
 * @example
 * await runGenerate({ out: "book.xlsx", plan: undefined, locale: "zh-CN" }, io);
 */
export async function runGenerate(request: GenerateRequest, io: CliIo): Promise<void> {
  const messages = cliMessages(request.locale);
  try {
    const summary = await generate(request, messages);
    io.stdout(`${summary}\n`);
    io.setExitCode(exitCodes.ok);
  } catch (error) {
    const line = error instanceof UsageProblem ? error.message : describeUnexpected(error, messages);
    io.stderr(`${line}\n`);
    io.setExitCode(exitCodes.usage);
  }
}

async function generate(request: GenerateRequest, messages: CliMessages): Promise<string> {
  const { out } = request;
  if (!/\.xlsx$/i.test(out)) throw new UsageProblem(messages.outNotXlsx(out));
  const outPath = resolve(out);
  // Checked first, so a wrong path costs nothing and says what is wrong rather than "ENOENT".
  const folder = await statOrNull(dirname(outPath));
  if (folder === null || !folder.isDirectory()) throw new UsageProblem(messages.outDirMissing(dirname(out)));

  checkOutputPath(out, outPath, messages);
  const plan = await loadPlan(request.plan, request.locale, messages);
  const existing = await statOrNull(outPath);
  const book = await openOrCreate(out, outPath, existing, messages);

  const outcome = await generateWorkbook(book.port, plan, { locale: request.locale }).catch(
    (error: unknown) => {
      // Wholly in the user's language where the host said why (a protected sheet, named).
      if (error instanceof HostError) throw new UsageProblem(describeWorkbookError(error, out, messages));
      throw error;
    },
  );
  if (!outcome.ok) {
    throw new UsageProblem(
      outcome.problems.map((problem) => formatGenerateProblem(problem, request.locale)).join(" "),
    );
  }

  try {
    await book.saveAtomically(outPath);
  } catch (error) {
    throw new UsageProblem(saveFailure(error, out, existing !== null, messages));
  }
  // The bookkeeping sheet is very hidden: count the sheets a user will see.
  const visible = (names: readonly string[]): number => names.filter((name) => name !== metaSheetName).length;
  const summary = messages.generated(
    out,
    visible(outcome.created),
    visible(outcome.updated),
    outcome.keptEntries,
  );
  if (outcome.overwritten.length === 0) return summary;
  const restored = outcome.overwritten.map((c) => ({
    where: `${c.sheet}!${c.cell}`,
    old: String(c.old ?? ""),
  }));
  return `${summary}\n${messages.planCellsRestored(restored)}`;
}
