import { Command, type ErrorOptions as CommanderErrorOptions, type Help } from "commander";
import { exitCodes } from "./cliIo";
import { LocalizedHelp } from "./localizedHelp";
import type { CliMessages } from "./messages/cliMessages";

/**
 * A commander `Command` that speaks the user's language where commander would print English:
 * its help comes from `LocalizedHelp`, and each usage error commander raises ("error: unknown
 * command 'x'", "error: missing required argument 'book'", …) becomes one line in the user's
 * language, with exit code 2. Sub-commands made with `.command()` are LocalizedCommands too.
 *
 * Commander builds its error texts before calling `error()`, which is the public hook that sees
 * them with their code; the name, option or count is read back from that text. The tests of each
 * error in both languages (test/cli/main.test.ts) say so if a new commander words them otherwise.
 *
 * @example
 * const program = new LocalizedCommand(cliMessages("zh-CN"), "water-plan");
 * program.command("validate").argument("<工作簿>");
 * program.parse(["validate"], { from: "user" }); // stderr: "缺少参数 <工作簿>。用法：water-plan validate [选项] <工作簿>"
 */
export class LocalizedCommand extends Command {
  private readonly messages: CliMessages;

  constructor(messages: CliMessages, name?: string) {
    super(name);
    this.messages = messages;
  }

  override createCommand(name?: string): LocalizedCommand {
    return new LocalizedCommand(this.messages, name);
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(this.messages.commandLine), this.configureHelp());
  }

  /** Commander's usage errors (codes `commander.*`) in the user's words; the program's own pass as they are. */
  override error(message: string, errorOptions?: CommanderErrorOptions): never {
    const code = errorOptions?.code ?? "commander.error";
    const line = code.startsWith("commander.") ? this.describeUsageError(code, message) : message;
    return super.error(line, { ...errorOptions, code, exitCode: exitCodes.usage });
  }

  private describeUsageError(code: string, message: string): string {
    const words = this.messages.commandLine;
    const [first = "", ...rest] = message.split("\n");
    // Commander quotes what it refuses: "error: unknown option '--bogus'".
    const subject = /'(.*)'/u.exec(first)?.[1];
    const suggestion = /\(Did you mean (?:one of )?(.*)\?\)/u.exec(rest.join(" "))?.[1];
    const command = commandPath(this);
    const help = this.createHelp();
    const counts = /Expected (\d+) arguments? but got (\d+)/u.exec(first);
    if (code === "commander.excessArguments" && counts !== null) {
      return words.tooManyArguments(command, Number(counts[1]), Number(counts[2]));
    }
    if (subject !== undefined) {
      switch (code) {
        case "commander.unknownCommand":
          return words.unknownCommand(
            subject,
            suggestion,
            help.visibleCommands(this).map((sub) => sub.name()),
          );
        case "commander.unknownOption":
          return words.unknownOption(subject, suggestion, command);
        case "commander.missingArgument":
          return words.missingArgument(`<${subject}>`, help.commandUsage(this));
        case "commander.missingMandatoryOptionValue":
          return words.missingOption(
            command,
            subject,
            this.options.find((option) => option.flags === subject)?.description ?? "",
          );
        case "commander.optionMissingArgument":
          return this.messages.missingOptionValue(subject);
      }
    }
    return words.otherUsageError(command, [first.replace(/^error: /u, ""), ...rest].join(" "));
  }
}

/** "water-plan validate": the command as a user types it. */
function commandPath(command: Command): string {
  return command.parent === null ? command.name() : `${commandPath(command.parent)} ${command.name()}`;
}
