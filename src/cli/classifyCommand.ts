import { type Command, Option } from "commander";
import { type CliIo, localeFromLangOption } from "./cliIo";
import { commandRunners } from "./commandRunners";
import { cliMessages } from "./messages/cliMessages";
import type { ClassifyOptions } from "./runClassify";

/**
 * Adds `water-plan classify PARAM=VALUE ... [--waterbody river|lake] [--target CLASS] [--source]
 * [--json] [--lang zh|en]` to the program. Parameters by any alias (`氨氮=0.8 DO=6 pH=7.2
 * 总磷=0.02L`), a unit may follow the name (`汞(μg/L)=0.05`). Prints the sample's class, each
 * parameter's class, the main pollutants, and with `--target` / `--source` the verdicts (`--json`
 * rounds multiples and shortfalls to at most 4 decimals). Bad input: one line on stderr and exit
 * code 2; it never throws.
 *
 * Every option takes an optional value and unknown options reach the action, so commander itself
 * never fails on this command: every usage problem gets this command's own one-line message.
 *
 * @example
 * registerClassify(program, io);
 * await program.parseAsync(["classify", "氨氮=0.8", "DO=6", "--target", "Ⅲ类"], { from: "user" });
 */
export function registerClassify(program: Command, io: CliIo): void {
  const programLang = program.getOptionValue("lang") as unknown;
  const messages = cliMessages(
    localeFromLangOption(typeof programLang === "string" ? programLang : undefined),
  );
  const help = messages.classify;
  const { placeholders } = messages.commandLine;
  const command = program
    .command("classify")
    .description(help.description)
    .argument(`[${placeholders.assignments}...]`, help.assignmentsArgument)
    .option(`--waterbody [${placeholders.waterbody}]`, help.waterbodyOption)
    .option(`--target [${placeholders.targetClass}]`, help.targetOption)
    .option("--source", help.sourceOption)
    .option("--json", help.jsonOption)
    .allowUnknownOption()
    .allowExcessArguments()
    .configureOutput({
      writeOut: (text) => {
        io.stdout(text);
      },
      writeErr: (text) => {
        io.stderr(text);
      },
    });
  // The program may already define a global --lang (main.ts); otherwise the command takes its own.
  if (!program.options.some((option) => option.long === "--lang")) {
    command.addOption(new Option(`--lang [${placeholders.lang}]`, help.langOption));
  }
  command.action((assignments: string[], options: ClassifyOptions, self: Command) => {
    const all = self.optsWithGlobals<ClassifyOptions>();
    commandRunners.classify().runClassify(assignments, { ...options, lang: options.lang ?? all.lang }, io);
  });
}
