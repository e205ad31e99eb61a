import type { Command } from "commander";
import { type CliIo, localeFromLangOption } from "./cliIo";
import { commandRunners } from "./commandRunners";
import { cliMessages } from "./messages/cliMessages";
import { reportCommandMessages } from "./messages/report/reportMessages";

/**
 * Adds `water-plan report BOOK.xlsx --out REPORT.docx [--today D] [--published D] [--plan F]`.
 *
 * @example
 * registerReport(program, io);
 */
export function registerReport(program: Command, io: CliIo): Command {
  const locale = localeFromLangOption(program.getOptionValue("lang") as string | undefined);
  const help = cliMessages(locale);
  const own = reportCommandMessages(locale);
  const { placeholders } = help.commandLine;
  return program
    .command("report")
    .description(own.description)
    .argument(`<${placeholders.book}>`, help.bookArgument)
    .option(`--out <${placeholders.file}>`, own.outOption)
    .option(`--today <${placeholders.date}>`, help.todayOption)
    .option(`--published <${placeholders.date}>`, help.publishedOption)
    .option(`--plan <${placeholders.file}>`, help.planOption)
    .action(
      async (
        book: string,
        options: { out?: string; today?: string; published?: string; plan?: string },
        command: Command,
      ) => {
        const { lang } = command.optsWithGlobals<{ lang?: string }>();
        await commandRunners.report().runReport(
          {
            book,
            out: options.out,
            plan: options.plan,
            today: options.today,
            published: options.published,
            locale: localeFromLangOption(lang),
          },
          io,
        );
      },
    );
}
