import type { Command } from "commander";
import { type CliIo, localeFromLangOption } from "./cliIo";
import { commandRunners } from "./commandRunners";
import { cliMessages } from "./messages/cliMessages";
import { splitMessages } from "./messages/split/splitMessages";

/**
 * Adds `water-plan split BOOK.xlsx --by lead|county --out DIR [--deadline D] [--unit NAME …]
 * [--json] [--force] [--plan FILE]`.
 *
 * @example
 * registerSplit(program, io);
 */
export function registerSplit(program: Command, io: CliIo): Command {
  const locale = localeFromLangOption(program.getOptionValue("lang") as string | undefined);
  const help = cliMessages(locale);
  const words = splitMessages(locale);
  const { placeholders } = help.commandLine;
  return program
    .command("split")
    .description(words.description)
    .argument(`<${placeholders.book}>`, words.bookArgument)
    .option(`--by <${words.placeholders.by}>`, words.byOption)
    .option(`--out <${words.placeholders.dir}>`, words.outOption)
    .option(`--deadline <${placeholders.date}>`, words.deadlineOption)
    .option(
      `--unit <${words.placeholders.unit}>`,
      words.unitOption,
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--json", words.jsonOption)
    .option("--force", words.forceOption)
    .option(`--plan <${placeholders.file}>`, help.planOption)
    .action(
      async (
        book: string,
        options: {
          by?: string;
          out?: string;
          deadline?: string;
          unit: string[];
          json?: boolean;
          force?: boolean;
          plan?: string;
        },
        command: Command,
      ) => {
        const { lang } = command.optsWithGlobals<{ lang?: string }>();
        await commandRunners.split().runSplit(
          {
            book,
            by: options.by,
            out: options.out,
            deadline: options.deadline,
            units: options.unit,
            json: options.json === true,
            force: options.force === true,
            plan: options.plan,
            locale: localeFromLangOption(lang),
          },
          io,
        );
      },
    );
}
