import type { Locale } from "../core/locale";

/** Exit codes of the `water-plan` command (DESIGN.md §6). */
export const exitCodes = {
  /** Read and validated with no error-severity issue; or the command did its job. */
  ok: 0,
  /** Error-severity issues in entered values. */
  issuesFound: 1,
  /** Usage or file problems: missing file, not an .xlsx, bad plan file, no plan sheets. */
  usage: 2,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/**
 * Where a command writes and how it ends. `main.ts` binds it to the process; tests bind it to
 * arrays, so commands are tested without spawning a process.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  setExitCode(code: ExitCode): void;
  /**
   * The width the help is wrapped to: the terminal's columns, or undefined where the output is
   * not a terminal (then 80). Asked of the io rather than of the process, so that help written
   * to a test's arrays is the same in a terminal and on CI.
   */
  helpWidth?(): number | undefined;
}

/** Reads `--lang zh|en` (default zh). */
export function localeFromLangOption(lang: string | undefined): Locale {
  return lang === "en" || lang === "en-US" ? "en-US" : "zh-CN";
}
