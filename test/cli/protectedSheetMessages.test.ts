import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describeHostError } from "../../src/cli/hostErrorMessage";
import { runCli } from "../../src/cli/main";
import { cliMessages } from "../../src/cli/messages/cliMessages";
import { HostError, ProtectedSheets } from "../../src/hosts/hostError";
import { makeIo } from "./recordingIo";

jest.setTimeout(30_000);

const fixtures = resolve(__dirname, "../fixtures");
const tasks = "附件1 任务清单";

describe("the command line's words for a host's refusal", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "wp-protected-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function generateInto(fixture: string, ...lang: string[]): Promise<{ err: string; code: number }> {
    const out = join(dir, "book.xlsx");
    await copyFile(join(fixtures, fixture), out);
    const before = await readFile(out);
    const io = makeIo();
    await runCli([...lang, "generate", "--out", out], io);
    expect((await readFile(out)).equals(before)).toBe(true);
    return { err: io.err(), code: io.exitCode() ?? 0 };
  }

  it.each(["error.protected-sheet.xlsx", "error.protected-sheet-libreoffice.xlsx"])(
    "names the protected sheet wholly in Chinese by default (%s)",
    async (fixture) => {
      const { err, code } = await generateInto(fixture);
      expect(code).toBe(2);
      expect(err.trimEnd()).toBe(
        `工作表“${tasks}”受保护（在 Excel 中：审阅 → 撤消工作表保护），没有写入任何内容。请撤消保护后重试。`,
      );
    },
  );

  it("names it wholly in English with --lang en", async () => {
    const { err, code } = await generateInto("error.protected-sheet.xlsx", "--lang", "en");
    expect(code).toBe(2);
    // The sheet's own name is the only Chinese in the line.
    expect(err.replace(tasks, "")).not.toMatch(/\p{Script=Han}/u);
    expect(err).toContain(`The sheet "${tasks}" is protected`);
  });

  it("reads the Office host's sheet_protected and the xlsx host's excel_rejected alike, and a change meanwhile", () => {
    const zh = cliMessages("zh-CN");
    const en = cliMessages("en-US");
    const office = new HostError("sheet_protected", "…", {
      cause: new ProtectedSheets([tasks, "监测数据"], "…"),
    });
    expect(describeHostError(office, en)).toBe(
      `The sheets "${tasks}", "监测数据" are protected (in Excel: Review → Unprotect Sheet); nothing was written. Unprotect them and try again.`,
    );
    expect(describeHostError(office, zh)).toContain(`工作表“${tasks}”、“监测数据”受保护`);
    expect(describeHostError(new HostError("workbook_changed", "changed"), zh)).toBe(zh.workbookChanged);
    expect(describeHostError(new HostError("excel_rejected", "Boom."), en)).toBe(
      "Cannot write the sheets: Boom.",
    );
  });
});
