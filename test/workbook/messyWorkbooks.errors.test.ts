import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { ExitCode } from "../../src/cli/cliIo";
import { runCli } from "../../src/cli/main";
import { liuzhou2023Plan } from "../../src/core/plan/builtinPlans";
import { protectedSheetsOf } from "../../src/hosts/hostError";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import { makeIo } from "../cli/recordingIo";

// Each command loads a whole workbook: seconds, not Jest's five.
jest.setTimeout(60_000);

/**
 * The error.* workbooks (test/fixtures/README.md says how each was made): generating into one and
 * validating one each end with a clear message, and the file is left exactly as it was. The ok.*
 * workbooks are in messyWorkbooks.test.ts.
 */
const fixtures = join(__dirname, "../fixtures");
const tasks = "附件1 任务清单";

interface Outcome {
  /** The exit code; 2 is a usage or file problem, 0 and 1 a report. */
  readonly exit: ExitCode;
  /** Words the one line on stderr must hold; [] when the command succeeds. */
  readonly says: readonly string[];
}

const refused = (...says: string[]): Outcome => ({ exit: 2, says });

const done: Outcome = { exit: 0, says: [] };

/**
 * `validate` only reads (it writes nothing without --out); `validateOut` writes the marked copy
 * with --out, which is where a sheet Excel would refuse to write into stops it.
 */
const errorFixtures: readonly { file: string; generate: Outcome; validate: Outcome; validateOut: Outcome }[] =
  [
    {
      file: "error.encrypted.xlsx",
      generate: refused("已用密码加密", "未作任何改动"),
      validate: refused("已用密码加密", "未作任何改动"),
      validateOut: refused("已用密码加密", "未作任何改动"),
    },
    {
      file: "error.legacy-xls.xlsx",
      generate: refused("Excel 97–2003（.xls）", "未作任何改动"),
      validate: refused("Excel 97–2003（.xls）", "未作任何改动"),
      validateOut: refused("Excel 97–2003（.xls）", "未作任何改动"),
    },
    {
      // Validation finds the plan's other sheets and says the renamed one was renamed; only
      // generating needs the sheet's own name back.
      file: "error.renamed-sheet.xlsx",
      generate: refused("WP_NationalSections", "请把它改回“附件2 国控断面”", "未作任何改动"),
      validate: done,
      validateOut: done,
    },
    {
      // Excel refuses to write into a protected sheet; the file host refuses too, before writing.
      // Reading it is no problem: validating without --out writes nothing.
      file: "error.protected-sheet.xlsx",
      generate: refused("附件1 任务清单"),
      validate: done,
      validateOut: refused("附件1 任务清单", "受保护", "没有写入任何内容"),
    },
    {
      // The same saved by LibreOffice, which marks the protection sheet="true" (ExcelJS reads only "1").
      file: "error.protected-sheet-libreoffice.xlsx",
      generate: refused("附件1 任务清单"),
      validate: done,
      validateOut: refused("附件1 任务清单", "受保护", "没有写入任何内容"),
    },
  ];

describe.each(errorFixtures)("the messy workbook $file", ({ file, generate, validate, validateOut }) => {
  let dir = "";
  let copy = "";
  let original: Buffer;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-messy-"));
    copy = join(dir, file);
    await copyFile(join(fixtures, file), copy);
    original = await readFile(copy);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`generating into it ends with exit ${generate.exit} and leaves the file as it was`, async () => {
    const io = makeIo();
    await runCli(["generate", "--out", copy], io);
    expectOutcome(io, generate);
    expect((await readFile(copy)).equals(original)).toBe(true);
  });

  it(`validating it ends with exit ${validate.exit} and leaves the file as it was`, async () => {
    const io = makeIo();
    await runCli(["validate", copy, "--today", "2023-06-30", "--json"], io);
    expectOutcome(io, validate);
    expect((await readFile(copy)).equals(original)).toBe(true);
  });

  it(`validating it into a marked copy ends with exit ${validateOut.exit} and leaves the file as it was`, async () => {
    const io = makeIo();
    const marked = join(dir, "marked.xlsx");
    await runCli(["validate", copy, "--today", "2023-06-30", "--out", marked], io);
    expectOutcome(io, validateOut);
    expect((await readFile(copy)).equals(original)).toBe(true);
    // A refused write leaves no marked copy behind; a done one writes it.
    const written = await readFile(marked).then(
      () => true,
      () => false,
    );
    expect(written).toBe(validateOut.exit !== 2);
  });
});

function expectOutcome(io: ReturnType<typeof makeIo>, outcome: Outcome): void {
  expect({ exit: io.exitCode(), err: io.err() }).toEqual({
    exit: outcome.exit,
    err: outcome.says.length === 0 ? "" : (expect.stringMatching(/^[^\n]+\n$/) as unknown),
  });
  for (const words of outcome.says) expect(io.err()).toContain(words);
}

describe("a renamed plan sheet", () => {
  // Validation reads the plan's sheets by name (the hosts read only the sheets asked for), so it
  // cannot check the entries on a renamed one; but table names are the workbook's, so it knows the
  // sheet is there under another name and says which name to give back, instead of "generate first".
  it("is reported renamed by validation, naming its table and the name to give back", async () => {
    const io = makeIo();
    await runCli(
      ["validate", join(fixtures, "error.renamed-sheet.xlsx"), "--today", "2023-06-30", "--json"],
      io,
    );
    const report = JSON.parse(io.out()) as {
      issues: { sheet: string; cell: string; severity: string; code: string; message: string }[];
    };
    expect(report.issues.filter((i) => i.sheet === "附件2 国控断面")).toEqual([
      {
        sheet: "附件2 国控断面",
        cell: "",
        severity: "warning",
        code: "plan_sheet_renamed",
        message:
          "未找到工作表“附件2 国控断面”，但它的表格 WP_NationalSections 仍在本工作簿的另一个工作表上：请把那个工作表改名回“附件2 国控断面”，其中所填内容才会被校验。",
      },
    ]);
    expect(report.issues.map((i) => i.code)).not.toContain("sheet_missing");
  });

  it("and a deleted one is still reported missing", async () => {
    const io = makeIo();
    await runCli(
      [
        "validate",
        join(fixtures, "ok.deleted-sheet.xlsx"),
        "--today",
        "2023-06-30",
        "--json",
        "--lang",
        "en",
      ],
      io,
    );
    const report = JSON.parse(io.out()) as { issues: { sheet: string; code: string; message: string }[] };
    expect(
      report.issues.filter((i) => i.code === "sheet_missing" || i.code === "plan_sheet_renamed"),
    ).toEqual([
      {
        sheet: "A3 Regional sections",
        cell: "",
        severity: "warning",
        code: "sheet_missing",
        message: 'The sheet "A3 Regional sections" is missing: generate the plan\'s sheets first.',
      },
    ]);
  });
});

describe("a protected sheet", () => {
  it("makes the xlsx host refuse the whole write before changing anything, naming the sheet", async () => {
    const book = await XlsxWorkbook.open(join(fixtures, "error.protected-sheet.xlsx"));
    const error: unknown = await generateWorkbook(book.port, liuzhou2023Plan, { locale: "zh-CN" }).catch(
      (caught: unknown) => caught,
    );
    // The code the Office host gives a protected sheet too.
    expect(error).toMatchObject({ name: "HostError", code: "sheet_protected" });
    expect(protectedSheetsOf(error)).toEqual([tasks]);

    // Nothing was written: the sheet is still protected and the other sheets keep their tables.
    const after = new Workbook();
    await after.xlsx.load((await book.toBuffer()) as never);
    expect(protectionOf(after, tasks)).toMatchObject({ sheet: true });
    const snapshot = await book.port.read([tasks]);
    expect(snapshot.tableNames).toHaveLength(8);
  });

  it("of the user's own does not stop generating, and stays protected", async () => {
    const made = XlsxWorkbook.create();
    expect((await generateWorkbook(made.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
    const workbook = new Workbook();
    await workbook.xlsx.load((await made.toBuffer()) as never);
    await workbook.addWorksheet("我的备注").protect("机密123", {});
    const book = await XlsxWorkbook.fromBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));

    expect((await generateWorkbook(book.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
    const after = new Workbook();
    await after.xlsx.load((await book.toBuffer()) as never);
    expect(protectionOf(after, "我的备注")).toMatchObject({ sheet: true });
  });
});

/** A sheet's protection as ExcelJS loaded it (`<sheetProtection sheet="1">`), outside its typings. */
function protectionOf(workbook: Workbook, name: string): unknown {
  return (workbook.getWorksheet(name) as unknown as { sheetProtection?: unknown } | undefined)
    ?.sheetProtection;
}
