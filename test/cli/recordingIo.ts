import type { CliIo, ExitCode } from "../../src/cli/cliIo";

/** A CliIo that records what a command printed and how it ended. */
export function makeIo(): CliIo & {
  out: () => string;
  err: () => string;
  exitCode: () => ExitCode | undefined;
} {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode: ExitCode | undefined;
  return {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    setExitCode: (code) => {
      exitCode = code;
    },
    out: () => out.join(""),
    err: () => err.join(""),
    exitCode: () => exitCode,
  };
}
