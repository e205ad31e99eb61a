import { CommanderError, Option } from "commander";
import { LocalizedCommand } from "../../src/cli/localizedCommand";
import { cliMessages } from "../../src/cli/messages/cliMessages";

/** A program in `locale` whose output is recorded; parses `argv` and returns what it printed. */
function parse(
  locale: "zh-CN" | "en-US",
  build: (program: LocalizedCommand) => void,
  argv: readonly string[],
): { err: string; code: string; exitCode: number } {
  const err: string[] = [];
  const program = new LocalizedCommand(cliMessages(locale), "water-plan");
  program.exitOverride().configureOutput({
    writeOut: () => undefined,
    writeErr: (text) => {
      err.push(text);
    },
  });
  build(program);
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { err: err.join(""), code: error.code, exitCode: error.exitCode };
  }
  throw new Error("parse did not fail");
}

describe("LocalizedCommand", () => {
  it("words a usage error it has no sentence for as one line, with commander's detail, exit code 2", () => {
    const build = (program: LocalizedCommand): void => {
      program
        .command("validate")
        .addOption(new Option("--waterbody <type>").choices(["river", "lake"]))
        .action(() => undefined);
    };
    expect(parse("zh-CN", build, ["validate", "--waterbody", "sea"])).toEqual({
      err: "water-plan validate 的用法有误：option '--waterbody <type>' argument 'sea' is invalid. Allowed choices are river, lake.\n",
      code: "commander.invalidArgument",
      exitCode: 2,
    });
    expect(parse("en-US", build, ["validate", "--waterbody", "sea"]).err).toBe(
      "Wrong use of water-plan validate: option '--waterbody <type>' argument 'sea' is invalid. Allowed choices are river, lake.\n",
    );
  });

  it("passes the program's own errors through as they are", () => {
    const build = (program: LocalizedCommand): void => {
      program.command("validate").action((_: unknown, command: LocalizedCommand) => {
        command.error("语言“fr”无效：请使用 zh 或 en", { code: "water-plan.invalidLang" });
      });
    };
    expect(parse("zh-CN", build, ["validate"])).toEqual({
      err: "语言“fr”无效：请使用 zh 或 en\n",
      code: "water-plan.invalidLang",
      exitCode: 2,
    });
  });

  it("makes its sub-commands LocalizedCommands, so their errors speak the user's language too", () => {
    const program = new LocalizedCommand(cliMessages("zh-CN"), "water-plan");
    expect(program.command("validate")).toBeInstanceOf(LocalizedCommand);
  });
});
