import type { Command } from "commander";
import { type CliIo, localeFromLangOption } from "./cliIo";
import { commandRunners } from "./commandRunners";
import { cliMessages } from "./messages/cliMessages";
import { mergeMessages } from "./messages/merge/mergeMessages";

/**
 * Adds `water-plan merge BOOK.xlsx RETURNED.xlsx… [--out OUT.xlsx] [--json] [--plan FILE]`.
 *
 * @example
 * registerMerge(program, io);
 */
export function registerMerge(program: Command, io: CliIo): Command {
  const locale = localeFromLangOption(program.getOptionValue("lang") as string | undefined);
  const help = cliMessages(locale);
  const words = mergeMessages(locale);
  const { placeholders } = help.commandLine;
  return program
    .command("merge")
    .description(words.description)
    .argument(`<${placeholders.book}>`, words.bookArgument)
    .argument(`<${words.placeholders.returned}>`, words.returnsArgument)
    .option(`--out <${placeholders.file}>`, words.outOption)
    .option("--json", words.jsonOption)
    .option(`--plan <${placeholders.file}>`, help.planOption)
    .action(
      async (
        book: string,
        returns: string[],
        options: { out?: string; json?: boolean; plan?: string },
        command: Command,
      ) => {
        const { lang } = command.optsWithGlobals<{ lang?: string }>();
        await commandRunners.merge().runMerge(
          {
            book,
            returns,
            out: options.out,
            json: options.json === true,
            plan: options.plan,
            locale: localeFromLangOption(lang),
          },
          io,
        );
      },
    );
}
