import { Command } from "commander";

/**
 * The `water-plan` command line: the composition root that picks the xlsx host.
 * Sub-commands live one per file beside this one and are registered here.
 */
export function buildProgram(): Command {
  const program = new Command("water-plan");
  program.description("水污染防治计划助手 / Water Plan for Excel");
  return program;
}

/** Runs the CLI with the process's arguments and sets its exit code. */
export function runFromProcess(): void {
  void buildProgram().parseAsync(process.argv);
}
