import { type Command, CommanderError, Option } from "commander";
import packageJson from "../../package.json";
import { type CliIo, type ExitCode, exitCodes, localeFromLangOption } from "./cliIo";
import { registerClassify } from "./classifyCommand";
import { describeLangProblem, langInArgv } from "./langOption";
import { registerGenerate } from "./generateCommand";
import { registerImport } from "./importCommand";
import { registerMerge } from "./mergeCommand";
import { registerReport } from "./reportCommand";
import { registerSplit } from "./splitCommand";
import { LocalizedCommand } from "./localizedCommand";
import { registerValidate } from "./validateCommand";
import { cliMessages } from "./messages/cliMessages";

/**
 * Builds the `water-plan` command line: the composition root that picks the xlsx host. Commands
 * live one per file beside this one and are registered here; each reads the global `--lang`.
 *
 * `argv` (the user's arguments) only chooses the language of what commander prints itself (help,
 * usage errors, `--version`), which it needs before it parses: `--lang` is read by each command
 * from the parsed options.
 *
 * @example
 * await buildProgram(io, ["generate", "--out", "x.xlsx"]).parseAsync(["generate", "--out", "x.xlsx"], { from: "user" });
 */
export function buildProgram(io: CliIo, argv: readonly string[] = []): Command {
  const lang = langInArgv(argv) ?? "zh";
  const messages = cliMessages(localeFromLangOption(lang));
  const words = messages.commandLine;
  const program = new LocalizedCommand(messages, "water-plan");
  program
    .description(messages.programDescription)
    .version(messages.version(packageJson.version), "-v, --version", words.versionOption)
    // No commander `.choices`: its error is English in every locale. The preAction hook below
    // refuses a bad value with the commands' own one localized line.
    .addOption(new Option(`--lang [${words.placeholders.lang}]`, messages.langOption).default(lang))
    // Settings that sub-commands copy when they are created, so they come before registering.
    .helpOption("-h, --help", words.helpOption)
    .helpCommand(`help [${words.placeholders.command}]`, words.helpCommand)
    .configureOutput({
      writeOut: (text) => {
        io.stdout(text);
      },
      writeErr: (text) => {
        io.stderr(text);
      },
      // Commander's own default asks process.stdout, wherever io writes.
      getOutHelpWidth: () => io.helpWidth?.() ?? 80,
      getErrHelpWidth: () => io.helpWidth?.() ?? 80,
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .hook("preAction", (self) => {
      const value = self.getOptionValue("lang") as string | true;
      const problem = describeLangProblem(value, localeFromLangOption(lang));
      if (problem !== undefined) self.error(problem, { code: "water-plan.invalidLang" });
    });
  registerGenerate(program, io);
  registerValidate(program, io);
  registerImport(program, io);
  registerSplit(program, io);
  registerMerge(program, io);
  registerReport(program, io);
  registerClassify(program, io);
  return program;
}

/**
 * Runs the command line over `argv` (without node and the script), reporting through `io`. Never
 * throws and never leaves a rejected promise: commander's usage errors end with exit code 2 and
 * its one-line message, anything unexpected with exit code 2 and one line, no stack trace.
 *
 * @example
 * await runCli(["generate", "--out", "liuzhou-2023.xlsx"], io);
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<void> {
  try {
    const program = buildProgram(io, argv);
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help); `--help` exits 0.
      io.setExitCode(error.exitCode === 0 ? exitCodes.ok : exitCodes.usage);
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(
      `${cliMessages(localeFromLangOption(langInArgv(argv))).internalError(reason.replace(/\s*\n\s*/g, " "))}\n`,
    );
    io.setExitCode(exitCodes.usage);
  }
}

/**
 * Runs the CLI with the process's arguments, writing to its stdout and stderr and setting its exit
 * code (not calling `process.exit`, so pending output is flushed).
 *
 * @example
 * require("../lib/src/cli/main.js").runFromProcess();
 */
export function runFromProcess(): void {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    setExitCode: (code: ExitCode) => {
      process.exitCode = code;
    },
    helpWidth: () => (process.stdout.isTTY ? process.stdout.columns : undefined),
  };
  void runCli(process.argv.slice(2), io);
}
