import { type Argument, type Command, Help, type Option } from "commander";
import type { CommandLineMessages } from "./messages/cliMessages";

/**
 * Commander's help in the user's language, through the hooks its `Help` class offers for
 * subclasses (no copy of commander's layout): the usage line and headings ("用法：", "选项：") in
 * the user's words, `[options]` and `[command]` in usage lines and command terms, no English
 * "(default: …)" after a description (ours say their default in the user's language), the global
 * options (`--lang`, `--version`) shown in every command's help, and Chinese text measured and
 * wrapped as a terminal shows it (each CJK character two columns wide).
 *
 * @example
 * class LocalizedCommand extends Command {
 *   override createHelp(): Help { return Object.assign(new LocalizedHelp(words), this.configureHelp()); }
 * }
 */
export class LocalizedHelp extends Help {
  private readonly words: CommandLineMessages;

  constructor(words: CommandLineMessages) {
    super();
    this.words = words;
    // A sub-command's help lists --lang and --version too: a user reading `validate --help` learns
    // that messages can be English.
    this.showGlobalOptions = true;
  }

  /**
   * Commander's help with its first line, "Usage: …", in the user's words: the heading is written
   * without the space commander puts after it, which a full-width "：" does not want.
   */
  override formatHelp(cmd: Command, helper: Help): string {
    const [, ...rest] = super.formatHelp(cmd, helper).split("\n");
    return [this.words.usage(helper.styleUsage(helper.commandUsage(cmd))), ...rest].join("\n");
  }

  /** Commander passes each heading through here ("Options:", "Commands:", …). */
  override styleTitle(title: string): string {
    const { headings } = this.words;
    switch (title) {
      case "Arguments:":
        return headings.arguments;
      case "Options:":
        return headings.options;
      case "Global Options:":
        return headings.globalOptions;
      case "Commands:":
        return headings.commands;
      default:
        return title;
    }
  }

  override commandUsage(cmd: Command): string {
    return this.localizeTerms(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return this.localizeTerms(super.subcommandTerm(cmd));
  }

  override optionDescription(option: Option): string {
    return option.description;
  }

  override argumentDescription(argument: Argument): string {
    return argument.description;
  }

  override displayWidth(str: string): number {
    return super.displayWidth(str) + countWide(str);
  }

  /** Wraps at spaces as commander does, and also between two CJK characters (not before "，" or after "（"). */
  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap || countWide(str) === 0) return super.boxWrap(str, width);
    return str
      .split(/\r\n|\n/u)
      .map((line) => wrapLine(line, width, (text) => this.displayWidth(text)))
      .join("\n");
  }

  /** `[options]` and `[command]` as words of a usage line, the way commander's styleUsage splits it. */
  private localizeTerms(usage: string): string {
    return usage
      .split(" ")
      .map((word) =>
        word === "[options]" ? this.words.optionsTerm : word === "[command]" ? this.words.commandTerm : word,
      )
      .join(" ");
  }
}

/**
 * Characters a terminal shows two columns wide: CJK ideographs and punctuation, kana, hangul and
 * full-width forms (East Asian Width W and F in the Basic Multilingual Plane).
 */
export const wideRanges =
  "\\u1100-\\u115F\\u2E80-\\u303E\\u3041-\\u33FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uA000-\\uA4CF\\uAC00-\\uD7A3\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFF60\\uFFE0-\\uFFE6";
const wideCharacter = new RegExp(`[${wideRanges}]`, "gu");

/**
 * Where a word may break besides at spaces: between two wide characters, but never before
 * closing punctuation ("，", "）") nor after opening punctuation ("（"). Other text ("=0.02L",
 * ".xlsx") stays with the character before it.
 */
export const wideBreak = new RegExp(
  `(?<=[${wideRanges}])(?<![（《「『【〔])(?=[${wideRanges}])(?![，。、；：！？）》」』】〕])`,
  "u",
);

function countWide(text: string): number {
  return text.match(wideCharacter)?.length ?? 0;
}

function wrapLine(line: string, width: number, measure: (text: string) => number): string {
  // Commander's words (each with the spaces before it), cut again where CJK text may break.
  const chunks = (line.match(/\s*\S+/gu) ?? []).flatMap((word) => word.split(wideBreak));
  const [first, ...others] = chunks;
  if (first === undefined) return "";
  const lines: string[] = [];
  let current = first;
  for (const chunk of others) {
    if (measure(current) + measure(chunk) <= width) {
      current += chunk;
      continue;
    }
    lines.push(current);
    current = chunk.trimStart();
  }
  lines.push(current);
  return lines.join("\n");
}
