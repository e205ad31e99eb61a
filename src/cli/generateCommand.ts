import type { Command } from "commander";
import { type CliIo, localeFromLangOption } from "./cliIo";
import { commandRunners } from "./commandRunners";
import { cliMessages } from "./messages/cliMessages";

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
  const { file } = help.commandLine.placeholders;
  return program
    .command("generate")
    .description(help.generateDescription)
    .requiredOption(`--out <${file}>`, help.outOption)
    .option(`--plan <${file}>`, help.planOption)
    .action(async (options: { out: string; plan?: string }, command: Command) => {
      const { lang } = command.optsWithGlobals<{ lang?: string }>();
      await commandRunners
        .generate()
        .runGenerate({ out: options.out, plan: options.plan, locale: localeFromLangOption(lang) }, io);
    });
}
