import type { Locale } from "../core/locale";
import { cliMessages } from "./messages/cliMessages";

/** The values `--lang` accepts, on `classify` or on the program. */
export const langChoices: readonly string[] = ["zh", "en", "zh-CN", "en-US"];

/**
 * The one-line message for a `--lang` value that is not one of `langChoices`, or `undefined` when
 * the value is fine. `true` is `--lang` given without a value. The program's global `--lang`
 * (main.ts) and `classify` on its own share it, so every command refuses a language the same way,
 * in the user's language.
 *
 * @example
 * describeLangProblem("fr", "zh-CN") // "语言“fr”无效：请使用 zh 或 en"
 * describeLangProblem("en", "zh-CN") // undefined
 */
export function describeLangProblem(value: string | true, locale: Locale): string | undefined {
  const messages = cliMessages(locale);
  if (value === true) return messages.missingOptionValue("--lang");
  return langChoices.includes(value) ? undefined : messages.badLang(value);
}

/**
 * The value of `--lang` among the arguments ("--lang en" or "--lang=en"), if any: read before
 * commander parses, to choose the language of what commander prints itself.
 *
 * @example
 * langInArgv(["validate", "book.xlsx", "--lang", "en"]) // "en"
 */
export function langInArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") return undefined;
    if (arg === "--lang") return argv[i + 1];
    if (arg?.startsWith("--lang=") === true) return arg.slice("--lang=".length);
  }
  return undefined;
}
