import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import type { Locale } from "../core/locale";
import { liuzhou2023Plan } from "../core/plan/builtinPlans";
import { formatPlanProblems, parsePlan } from "../core/plan/parsePlan";
import { formatGenerateProblem } from "../workbook/messages/formatGenerateProblem";
import type { Plan } from "../core/plan/planSchema";
import { HostError } from "../hosts/hostError";
import { XlsxWorkbook } from "../hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../workbook/generateWorkbook";
import { metaSheetName } from "../workbook/metaSheet";
import { type CliIo, exitCodes, localeFromLangOption } from "./cliIo";
import { type CliMessages, cliMessages } from "./messages/cliMessages";

/** What `generate` was asked to do, paths as the user typed them. */
export interface GenerateRequest {
  readonly out: string;
  readonly plan: string | undefined;
  readonly locale: Locale;
}

/**
 * Adds `water-plan generate --out BOOK.xlsx [--plan FILE.json]` to the program. The global
 * `--lang zh|en` picks the language of its messages and of new sheets.
 *
 * @example
 * registerGenerate(program, io);
 * await program.parseAsync(["generate", "--out", "liuzhou-2023.xlsx"], { from: "user" });
 */
export function registerGenerate(program: Command, io: CliIo): Command {
  // Help text in the language the program was built for (its `--lang` default, see buildProgram).
  const help = cliMessages(localeFromLangOption(program.getOptionValue("lang") as string | undefined));
  return program
    .command("generate")
    .description(help.generateDescription)
    .requiredOption("--out <file>", help.outOption)
    .option("--plan <file>", help.planOption)
    .action(async (options: { out: string; plan?: string }, command: Command) => {
      const { lang } = command.optsWithGlobals<{ lang?: string }>();
      await runGenerate({ out: options.out, plan: options.plan, locale: localeFromLangOption(lang) }, io);
    });
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

/** A usage or file problem, already worded for the user: the command ends with exit code 2. */
class UsageProblem extends Error {
  override readonly name = "UsageProblem";
}

async function generate(request: GenerateRequest, messages: CliMessages): Promise<string> {
  const { out } = request;
  if (!/\.xlsx$/i.test(out)) throw new UsageProblem(messages.outNotXlsx(out));
  const outPath = resolve(out);
  // Checked first, so a wrong path costs nothing and says what is wrong rather than "ENOENT".
  const folder = await statOrNull(dirname(outPath));
  if (folder === null || !folder.isDirectory()) throw new UsageProblem(messages.outDirMissing(dirname(out)));

  const plan =
    request.plan === undefined ? liuzhou2023Plan : await readPlanFile(request.plan, request.locale, messages);
  const existing = await statOrNull(outPath);
  const book = await openOrCreate(out, outPath, existing, messages);

  const outcome = await generateWorkbook(book.port, plan, { locale: request.locale }).catch(
    (error: unknown) => {
      if (error instanceof HostError) throw new UsageProblem(messages.excelRejected(error.message));
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
    throw new UsageProblem(
      messages.outUnwritable(out, messages.fileReason(errnoOf(error)), existing !== null),
    );
  }
  // The bookkeeping sheet is very hidden: count the sheets a user will see.
  const visible = (names: readonly string[]): number => names.filter((name) => name !== metaSheetName).length;
  return messages.generated(out, visible(outcome.created), visible(outcome.updated), outcome.keptEntries);
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
async function openOrCreate(
  out: string,
  outPath: string,
  existing: Stats | null,
  messages: CliMessages,
): Promise<XlsxWorkbook> {
  if (existing === null) return XlsxWorkbook.create();
  if (existing.isDirectory()) throw new UsageProblem(messages.outIsDirectory(out));
  try {
    return await XlsxWorkbook.open(outPath);
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    switch (error.code) {
      case "not_a_workbook":
        throw new UsageProblem(messages.outNotAWorkbook(out));
      case "file_unavailable":
        throw new UsageProblem(messages.outUnreadable(out, messages.fileReason(errnoOf(error))));
      case "excel_rejected":
      case "payload_too_large":
      case "api_unsupported":
        throw new UsageProblem(messages.excelRejected(error.message));
    }
  }
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** Node's error code ("EACCES"), looking through a HostError to its cause. */
function errnoOf(error: unknown): string | undefined {
  const source: unknown = error instanceof HostError ? error.cause : error;
  if (typeof source === "object" && source !== null && "code" in source && typeof source.code === "string") {
    return source.code;
  }
  return undefined;
}

function describeUnexpected(error: unknown, messages: CliMessages): string {
  const reason = error instanceof Error ? error.message : String(error);
  // One line, whatever the error held.
  return messages.internalError(reason.replace(/\s*\n\s*/g, " "));
}
