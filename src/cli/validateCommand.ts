import type { Command } from "commander";
import { type CliIo, localeFromLangOption } from "./cliIo";
import { commandRunners } from "./commandRunners";
import { cliMessages } from "./messages/cliMessages";

/**
 * Adds `water-plan validate BOOK.xlsx [--out MARKED.xlsx] [--json] [--today D] [--published D]`.
 *
 * @example
 * registerValidate(program, io);
 */
export function registerValidate(program: Command, io: CliIo): Command {
  const help = cliMessages(localeFromLangOption(program.getOptionValue("lang") as string | undefined));
  const { placeholders } = help.commandLine;
  return program
    .command("validate")
    .description(help.validateDescription)
    .argument(`<${placeholders.book}>`, help.bookArgument)
    .option(`--out <${placeholders.file}>`, help.markedOutOption)
    .option("--json", help.jsonOption)
    .option(`--today <${placeholders.date}>`, help.todayOption)
    .option(`--published <${placeholders.date}>`, help.publishedOption)
    .option(`--plan <${placeholders.file}>`, help.planOption)
    .action(
      async (
        book: string,
        options: { out?: string; json?: boolean; today?: string; published?: string; plan?: string },
        command: Command,
      ) => {
        const { lang } = command.optsWithGlobals<{ lang?: string }>();
        await commandRunners.validate().runValidate(
          {
            book,
            out: options.out,
            plan: options.plan,
            json: options.json === true,
            today: options.today,
            published: options.published,
            locale: localeFromLangOption(lang),
          },
          io,
        );
      },
    );
}
