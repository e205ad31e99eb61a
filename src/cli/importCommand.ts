import type { Command } from "commander";
import { type CliIo, localeFromLangOption } from "./cliIo";
import { commandRunners } from "./commandRunners";
import { cliMessages } from "./messages/cliMessages";
import { importMessages } from "./messages/import/importMessages";

/**
 * Adds `water-plan import BOOK.xlsx EXPORT.xlsx|EXPORT.csv [--sheet NAME] [--out OUT.xlsx] [--json]
 * [--map NAME=POINT …] [--today D] [--date D] [--plan FILE]`.
 *
 * @example
 * registerImport(program, io);
 */
export function registerImport(program: Command, io: CliIo): Command {
  const locale = localeFromLangOption(program.getOptionValue("lang") as string | undefined);
  const help = cliMessages(locale);
  const words = importMessages(locale);
  const { placeholders } = help.commandLine;
  return program
    .command("import")
    .description(words.description)
    .argument(`<${placeholders.book}>`, words.bookArgument)
    .argument(`<${words.placeholders.export}>`, words.exportArgument)
    .option(`--sheet <${words.placeholders.sheet}>`, words.sheetOption)
    .option(`--out <${placeholders.file}>`, words.outOption)
    .option("--json", words.jsonOption)
    .option(
      `--map <${words.placeholders.mapping}>`,
      words.mapOption,
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(`--today <${placeholders.date}>`, words.todayOption)
    .option(`--date <${placeholders.date}>`, words.dateOption)
    .option(`--plan <${placeholders.file}>`, help.planOption)
    .action(
      async (
        book: string,
        exportPath: string,
        options: {
          sheet?: string;
          out?: string;
          json?: boolean;
          map: string[];
          today?: string;
          date?: string;
          plan?: string;
        },
        command: Command,
      ) => {
        const { lang } = command.optsWithGlobals<{ lang?: string }>();
        await commandRunners.import().runImport(
          {
            book,
            export: exportPath,
            sheet: options.sheet,
            out: options.out,
            json: options.json === true,
            map: options.map,
            today: options.today,
            date: options.date,
            plan: options.plan,
            locale: localeFromLangOption(lang),
          },
          io,
        );
      },
    );
}
