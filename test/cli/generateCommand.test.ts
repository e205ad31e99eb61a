import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { crc32 } from "node:zlib";
import { Workbook, type Worksheet } from "exceljs";
import { runCli } from "../../src/cli/main";
import { liuzhou2023Plan } from "../../src/core/plan/builtinPlans";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { readZip, writeZip } from "../../src/hosts/xlsx/zipArchive";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import { liuzhouSheetNames } from "../liuzhouSheetNames";
import { makeIo } from "./recordingIo";

// A generation writes and reads the whole workbook (a second or two, more on a busy CI machine):
// more than Jest's default five seconds per test.
jest.setTimeout(30_000);

const fixtures = resolve(__dirname, "../fixtures");

async function run(...argv: string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

/** One line of text and nothing that looks like a stack trace. */
function expectOneLine(text: string): void {
  expect(text.endsWith("\n")).toBe(true);
  expect(text.trimEnd()).not.toContain("\n");
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
}

async function loadXlsx(path: string): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The zero-based column whose header (row 3) is `header`. */
function columnOf(sheet: Worksheet, header: string): number {
  const row = sheet.getRow(3);
  for (let col = 1; col <= row.cellCount; col++) if (row.getCell(col).value === header) return col;
  throw new Error(`no column ${header}`);
}

describe("water-plan generate", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-cli-"));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes a workbook with the eight plan sheets and says so in Chinese", async () => {
    const out = join(dir, "liuzhou-2023.xlsx");
    const io = await run("generate", "--out", out);

    expect(io.err()).toBe("");
    expect(io.exitCode()).toBe(0);
    expect(io.out()).toContain("新建工作表 8 张");
    const visible = (await loadXlsx(out)).worksheets.filter((s) => s.state === "visible").map((s) => s.name);
    expect(visible).toEqual(liuzhouSheetNames);
    expect(await readdir(dir)).toEqual(["liuzhou-2023.xlsx"]);
  });

  it("speaks English with --lang en, before or after the command", async () => {
    const first = await run("--lang", "en", "generate", "--out", join(dir, "a.xlsx"));
    expect(first.out()).toMatch(/^Wrote .*a\.xlsx: 8 sheets created, 0 updated, 0 entered values kept\.\n$/);
    const second = await run("generate", "--out", join(dir, "b.xlsx"), "--lang", "en");
    expect(second.exitCode()).toBe(0);
    expect(second.out()).toContain("8 sheets created");
  });

  it.each([
    [["--lang", "fr", "generate", "--out", "a.xlsx"], "语言“fr”无效：请使用 zh 或 en"],
    [["generate", "--out", "a.xlsx", "--lang", "fr"], "语言“fr”无效：请使用 zh 或 en"],
    [["--lang=fr", "generate", "--out", "a.xlsx"], "语言“fr”无效：请使用 zh 或 en"],
    [["generate", "--out", "a.xlsx", "--lang"], "选项 --lang 缺少取值"],
  ])("refuses %j with one localized line and exit code 2, writing nothing", async (args, message) => {
    const io = await run(...args.map((arg) => (arg === "a.xlsx" ? join(dir, arg) : arg)));
    expect(io.exitCode()).toBe(2);
    expect(io.out()).toBe("");
    expectOneLine(io.err());
    expect(io.err()).toBe(`${message}\n`);
    expect(await readdir(dir)).toEqual([]);
  });

  it("keeps a value entered between two runs", async () => {
    const out = join(dir, "book.xlsx");
    expect((await run("generate", "--out", out)).exitCode()).toBe(0);

    // A user opens the file, sets task 5 to 推进中 and saves it.
    const edited = await loadXlsx(out);
    const tasks = edited.getWorksheet("附件1 任务清单")!;
    const status = columnOf(tasks, "完成状态");
    const taskFiveRow = 3 + 5; // title, note, header, then tasks 1…
    expect(tasks.getCell(taskFiveRow, 1).value).toBe(5);
    tasks.getCell(taskFiveRow, status).value = "推进中";
    await edited.xlsx.writeFile(out);

    const again = await run("generate", "--out", out);
    expect(again.err()).toBe("");
    expect(again.exitCode()).toBe(0);
    expect(again.out()).toContain("更新 8 张");
    expect(again.out()).toContain("保留已填写内容 1 项");
    const reread = (await loadXlsx(out)).getWorksheet("附件1 任务清单")!;
    expect(reread.getCell(taskFiveRow, 1).value).toBe(5);
    expect(reread.getCell(taskFiveRow, status).value).toBe("推进中");
  });

  it("says which plan cells a user had typed over, and what they held, when it restores them", async () => {
    const out = join(dir, "book.xlsx");
    expect((await run("generate", "--out", out)).exitCode()).toBe(0);
    const edited = await loadXlsx(out);
    const tasks = edited.getWorksheet("附件1 任务清单")!;
    tasks.getCell(3 + 5, columnOf(tasks, "牵头单位")).value = "市住建局（已改）";
    await edited.xlsx.writeFile(out);

    const again = await run("generate", "--out", out);
    expect(again.exitCode()).toBe(0);
    expect(again.out()).toContain(
      "已恢复被改动的计划原文 1 处：附件1 任务清单!F8（原为“市住建局（已改）”）。",
    );
  });

  it("stops with exit code 2 and one line when the output folder does not exist", async () => {
    const io = await run("generate", "--out", join(dir, "没有这个目录", "book.xlsx"));
    expect(io.exitCode()).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("没有这个目录");
    expect(io.out()).toBe("");
  });

  it("refuses an output file that is not an xlsx and leaves it untouched", async () => {
    const out = join(dir, "notes.xlsx");
    await writeFile(out, "这不是工作簿");
    const io = await run("generate", "--out", out);
    expect(io.exitCode()).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("不是可读取的 .xlsx 工作簿");
    expect(await readFile(out, "utf8")).toBe("这不是工作簿");
  });

  it("refuses an output name that does not end in .xlsx", async () => {
    const io = await run("--lang", "en", "generate", "--out", join(dir, "book.csv"));
    expect(io.exitCode()).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("should end in .xlsx");
  });

  it("stops with exit code 2 on a plan file that is not JSON", async () => {
    const plan = join(dir, "plan.json");
    await writeFile(plan, "{ tasks: [ }");
    const io = await run("generate", "--plan", plan, "--out", join(dir, "book.xlsx"));
    expect(io.exitCode()).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("不是有效的 JSON");
    expect(await readdir(dir)).toEqual(["plan.json"]);
  });

  it("names the JSON path of what is wrong in a plan file", async () => {
    const seed = JSON.parse(await readFile(resolve(__dirname, "../../seeds/liuzhou-2023.json"), "utf8")) as {
      tasks: { deadline: { date?: string } }[];
    };
    seed.tasks[0]!.deadline.date = "年底前";
    const plan = join(dir, "plan.json");
    await writeFile(plan, JSON.stringify(seed));

    const io = await run("generate", "--plan", plan, "--out", join(dir, "book.xlsx"));
    expect(io.exitCode()).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("tasks[0].deadline.date");
  });

  it("generates from a valid plan file", async () => {
    const plan = join(dir, "plan.json");
    await writeFile(plan, await readFile(resolve(__dirname, "../../seeds/liuzhou-2023.json")));
    const io = await run("generate", "--plan", plan, "--out", join(dir, "book.xlsx"));
    expect(io.err()).toBe("");
    expect(io.exitCode()).toBe(0);
  });

  it("says a missing plan file is missing", async () => {
    const io = await run("generate", "--plan", join(dir, "nope.json"), "--out", join(dir, "book.xlsx"));
    expect(io.exitCode()).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("找不到计划文件");
  });

  it("turns a usage error into exit code 2 and one line naming what is wrong", async () => {
    const io = await run("generate");
    expect(io.exitCode()).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("--out");
    const unknown = await run("gnerate");
    expect(unknown.exitCode()).toBe(2);
    expectOneLine(unknown.err());
    expect(unknown.err()).toContain("generate");
  });

  it("prints help with exit code 0", async () => {
    const io = await run("--help");
    expect(io.exitCode()).toBe(0);
    expect(io.out()).toContain("generate");
    expect(io.out()).toContain("--lang");
  });
});

/**
 * Files that are not a workbook the CLI can open, made at run time (the 70 MB one is never
 * committed): each gets one localized line and exit code 2, never a stack trace, and is left as
 * it was, byte for byte, with no temporary file beside it.
 */
describe("water-plan generate over a file it cannot open", () => {
  let dir: string;
  let generated: Buffer;

  beforeAll(async () => {
    const book = XlsxWorkbook.create();
    await generateWorkbook(book.port, liuzhou2023Plan, { locale: "zh-CN" });
    generated = await book.toBuffer();
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-cli-bad-"));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A real workbook padded with a stored picture to `megabytes` (stored: made in a blink, no deflating). */
  function paddedTo(megabytes: number): Buffer {
    const picture = randomBytes(megabytes * 1024 * 1024);
    const entries = [
      ...readZip(generated),
      {
        name: "xl/media/image1.png",
        method: 0,
        flags: 0,
        crc: crc32(picture) >>> 0,
        compressedSize: picture.length,
        uncompressedSize: picture.length,
        dosTime: 0,
        dosDate: 33,
        data: picture,
      },
    ];
    return Buffer.from(writeZip(entries));
  }

  const cases: readonly [string, () => Buffer | Promise<Buffer>][] = [
    ["a CSV file named .xlsx", () => Buffer.from("序号,断面名称\n1,柳江 露塘\n", "utf8")],
    ["random bytes", () => randomBytes(64 * 1024)],
    ["an empty file", () => Buffer.alloc(0)],
    ["a workbook cut short (a broken download)", () => generated.subarray(0, generated.length >> 1)],
    [
      "a workbook with a damaged part",
      () => {
        const broken = Buffer.from(generated);
        // Overwrite the middle of the file: the zip records stay, a compressed part breaks.
        broken.fill(0x55, broken.length >> 2, (broken.length >> 2) + 2048);
        return broken;
      },
    ],
    ["a 70 MB workbook", () => paddedTo(70)],
    ["a password-protected (encrypted) workbook", () => readFile(join(fixtures, "error.encrypted.xlsx"))],
    ["an Excel 97–2003 .xls named .xlsx", () => readFile(join(fixtures, "error.legacy-xls.xlsx"))],
  ];

  it.each(cases)("refuses %s with one line and exit code 2, leaving it untouched", async (_, make) => {
    const out = join(dir, "提交.xlsx");
    const bytes = await make();
    await writeFile(out, bytes);

    const started = performance.now();
    const io = await run("generate", "--out", out);
    expect(performance.now() - started).toBeLessThan(10_000);

    expect(io.exitCode()).toBe(2);
    expect(io.out()).toBe("");
    expectOneLine(io.err());
    expect(io.err()).toContain("提交.xlsx");
    expect(io.err()).not.toMatch(/内部错误|Error:|TypeError/);
    expect((await readFile(out)).equals(bytes)).toBe(true);
    expect(await readdir(dir)).toEqual(["提交.xlsx"]);
  });

  it("says an --out that is a directory is a directory, in English with --lang en", async () => {
    const out = join(dir, "book.xlsx");
    await mkdir(out);
    const io = await run("--lang", "en", "generate", "--out", out);
    expect(io.exitCode()).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("is a folder");
  });

  it("creates a workbook that does not exist yet, through a temporary file renamed into place", async () => {
    const out = join(dir, "新.xlsx");
    const plan = join(dir, "plan.json");
    const planText = await readFile(resolve(__dirname, "../../seeds/liuzhou-2023.json"), "utf8");
    await writeFile(plan, planText);
    const io = await run("generate", "--plan", plan, "--out", out);
    expect(io.err()).toBe("");
    expect(io.exitCode()).toBe(0);
    // Only the output: no temporary file left, and the plan file read, never written.
    expect((await readdir(dir)).sort()).toEqual(["plan.json", "新.xlsx"]);
    expect(await readFile(plan, "utf8")).toBe(planText);
  });

  it("opens a workbook saved by openpyxl and one saved by LibreOffice, and keeps their entries", async () => {
    for (const fixture of ["ok.openpyxl.xlsx", "ok.libreoffice.xlsx"]) {
      const out = join(dir, fixture);
      await writeFile(out, await readFile(join(fixtures, fixture)));
      const io = await run("generate", "--out", out);
      expect([fixture, io.err(), io.exitCode()]).toEqual([fixture, "", 0]);
      expect(io.out()).toContain("更新 8 张");
      const status = (await loadXlsx(out)).getWorksheet("附件1 任务清单")!;
      expect(status.getCell(3 + 5, columnOf(status, "完成状态")).value).toBe("推进中");
    }
  });
});

/** The installed command, as `npx water-plan` runs it: bin/water-plan.js over the compiled lib/. */
describe("the water-plan bin", () => {
  const root = resolve(__dirname, "../..");
  const exec = promisify(execFile);

  beforeAll(async () => {
    await exec("npm", ["run", "build:cli"], { cwd: root, timeout: 170_000 });
  }, 180_000);

  it("generates a workbook from a real process", async () => {
    const dir = await mkdtemp(join(tmpdir(), "water-plan-bin-"));
    const out = join(dir, "x.xlsx");
    const { stdout } = await exec(
      process.execPath,
      [join(root, "bin/water-plan.js"), "generate", "--out", out],
      {
        cwd: dir,
        timeout: 60_000,
      },
    );
    expect(stdout).toContain("新建工作表 8 张");
    expect((await loadXlsx(out)).worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(liuzhouSheetNames),
    );
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it("prints its version, read from package.json, from the compiled lib/", async () => {
    const { stdout } = await exec(process.execPath, [join(root, "bin/water-plan.js"), "--version"], {
      timeout: 60_000,
    });
    const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string };
    expect(stdout).toBe(`水污染防治计划助手 water-plan ${version}\n`);
  }, 60_000);

  it("exits 2 with one line on stderr for a missing folder", async () => {
    const attempt = exec(
      process.execPath,
      [join(root, "bin/water-plan.js"), "generate", "--out", "/nonexistent-dir/x.xlsx"],
      {
        timeout: 60_000,
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 2, stdout: "" });
    const failure = (await attempt.catch((error: unknown) => error)) as { stderr: string };
    expectOneLine(failure.stderr);
  }, 60_000);
});
