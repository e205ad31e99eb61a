import type { CliIo } from "../../src/cli/cliIo";
import { makeIo } from "./recordingIo";

/**
 * The libraries behind the commands' work: loading them is most of the start-up of a command that
 * needs them (ExcelJS alone is some 150 modules), so `--version`, `--help` and a usage error must
 * not load any of them.
 */
const engineLibraries = [
  "exceljs",
  "zod",
  "docx",
  "date-fns",
  "fflate",
  "saxes",
  "papaparse",
  "chinese-days",
];

/**
 * Runs the command line from a fresh module registry and says which of `engineLibraries` were
 * loaded, the command's own work included (the runners load when the action runs).
 */
async function librariesLoadedBy(
  argv: readonly string[],
): Promise<{ loaded: string[]; io: ReturnType<typeof makeIo> }> {
  const loaded: string[] = [];
  const io = makeIo();
  await jest.isolateModulesAsync(async () => {
    for (const name of engineLibraries) {
      jest.doMock(name, () => {
        loaded.push(name);
        return jest.requireActual<object>(name);
      });
    }
    const { runCli } = jest.requireActual<{ runCli: (argv: readonly string[], io: CliIo) => Promise<void> }>(
      "../../src/cli/main",
    );
    await runCli(argv, io);
  });
  return { loaded: loaded.sort(), io };
}

describe("the command line loads a command's engine only when the command runs", () => {
  afterEach(() => {
    for (const name of engineLibraries) jest.dontMock(name);
  });

  it.each([
    [["--version"]],
    [["--help"]],
    [["--lang", "en", "--help"]],
    [["help", "validate"]],
    [["report", "--help", "--lang", "en"]],
    [["bogus"]],
    [["validate"]],
  ])("water-plan %j loads none of the engine's libraries", async (argv) => {
    const { loaded, io } = await librariesLoadedBy(argv);
    expect(io.out() + io.err()).not.toBe("");
    expect(loaded).toEqual([]);
  });

  it("validate loads ExcelJS, zod and date-fns when it runs, even to refuse a missing file", async () => {
    const { loaded, io } = await librariesLoadedBy(["validate", "no-such-book.xlsx"]);
    expect(io.exitCode()).toBe(2);
    expect(loaded).toEqual(expect.arrayContaining(["date-fns", "exceljs", "zod"]));
  });

  it("classify needs only the water-quality core", async () => {
    const { loaded, io } = await librariesLoadedBy(["classify", "氨氮=0.8", "--json"]);
    expect(io.exitCode()).toBe(0);
    expect(loaded).toEqual([]);
  });
});
