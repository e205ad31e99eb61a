import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { runCli } from "../../src/cli/main";
import { makeIo } from "./recordingIo";

// Each case writes and reads whole workbooks: more than Jest's default five seconds on a busy machine.
jest.setTimeout(60_000);

async function run(...argv: string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

/** Types values into a workbook file the way a user's save would, with ExcelJS. */
async function enter(path: string, cells: Record<string, Record<string, string | number>>): Promise<void> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  for (const [sheet, values] of Object.entries(cells)) {
    const target = workbook.getWorksheet(sheet);
    if (!target) throw new Error(`no sheet ${sheet}`);
    for (const [a1, value] of Object.entries(values)) target.getCell(a1).value = value;
  }
  await workbook.xlsx.writeFile(path);
}

describe("water-plan validate", () => {
  let dir: string;
  let book: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-validate-"));
    book = join(dir, "book.xlsx");
    expect((await run("generate", "--out", book)).exitCode()).toBe(0);
    await enter(book, {
      "附件1 任务清单": { L4: "搞定了" },
      监测数据: { A4: "露塘", B4: "2023-05-01", D4: "abc", I4: 1.2 },
    });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("lists every problem with its cell, exits 1 on errors and leaves the input untouched", async () => {
    const before = await readFile(book);
    const io = await run("validate", book, "--today", "2023-06-30");
    expect(io.exitCode()).toBe(1);
    expect(io.err()).toBe("");
    expect(io.out()).toContain("附件1 任务清单!L4");
    expect(io.out()).toContain("完成状态“搞定了”不在列表中");
    expect(io.out()).toContain("监测数据!D4");
    expect(io.out()).toContain("未写入文件");
    expect(await readFile(book)).toEqual(before);
  });

  it("judges up to today by default, but never past the plan year's last day", async () => {
    // Today is past 2023 on every machine that runs this test: the 2023 plan is judged to 31 December.
    const report = JSON.parse((await run("validate", book, "--json")).out()) as { asOf: string };
    expect(report.asOf).toBe("2023-12-31");
  });

  it("prints one JSON document with the report's documented fields", async () => {
    const io = await run("validate", book, "--today", "2023-06-30", "--json", "--lang", "en");
    const report = JSON.parse(io.out()) as {
      plan: { city: string; year: number };
      asOf: string;
      issues: { sheet: string; cell: string; severity: string; code: string; message: string }[];
      points: {
        name: string;
        kind: string;
        target: string;
        class: string | null;
        status: string;
        samples: number;
        exceedances: { parameter: string; multiple: number | null }[];
      }[];
      indicators: { task: number; name: string; target: string; actual: number | null; status: string }[];
      tasks: { number: number; deadlines: unknown[]; status: string | null; overdue: boolean }[];
      goals: { name: string; target: string; actual: string; status: string }[];
    };
    expect(report.plan).toMatchObject({ city: "柳州市", year: 2023 });
    expect(report.asOf).toBe("2023-06-30");
    expect(report.issues).toContainEqual({
      sheet: "附件1 任务清单",
      cell: "L4",
      severity: "error",
      code: "unknown_task_status",
      message: '"搞定了" is not a status: choose Not started, In progress or Done.',
    });
    expect(report.points.find((p) => p.name === "露塘")).toMatchObject({
      kind: "national_section",
      // Classes and parameters keep the standard's Chinese forms whatever the language of messages.
      target: "Ⅱ类",
      class: "Ⅳ类",
      status: "invalid",
      samples: 1,
    });
    expect(report.indicators).toHaveLength(20);
    expect(report.tasks.find((t) => t.number === 53)?.deadlines).toHaveLength(2);
    expect(report.goals.map((g) => g.status)).toEqual(["invalid", "no_data", "no_data", "pending"]);
  });

  it("writes the marked workbook with 汇总 only where --out says, through a temporary file", async () => {
    const out = join(dir, "marked.xlsx");
    const io = await run("validate", book, "--today", "2023-06-30", "--out", out);
    expect(io.exitCode()).toBe(1);
    expect(io.out()).toContain(`已写入 ${out}`);
    const marked = new Workbook();
    await marked.xlsx.readFile(out);
    expect(marked.getWorksheet("汇总")?.getCell("A1").value).toBe(
      "柳州市 2023 年度水污染防治工作计划 · 汇总",
    );
    const cell = marked.getWorksheet("附件1 任务清单")?.getCell("L4");
    expect(cell?.value).toBe("搞定了");
    expect(JSON.stringify(cell?.note)).toContain("【校验】");
    expect(JSON.stringify(cell?.fill)).toContain("FFC7CE");
  });

  it("exits 0 on a workbook without errors", async () => {
    const clean = join(dir, "clean.xlsx");
    expect((await run("generate", "--out", clean)).exitCode()).toBe(0);
    const io = await run("validate", clean, "--today", "2023-06-30", "--published", "2023-04-10");
    expect(io.exitCode()).toBe(0);
    expect(io.out()).toContain("错误 0 项");
  });

  it.each([
    [["validate", "missing.xlsx"], "找不到工作簿 missing.xlsx。"],
    [["validate", "book.txt"], "book.txt 的扩展名应为 .xlsx。"],
    [
      ["validate", "BOOK", "--today", "2023-02-30"],
      "--today 的值“2023-02-30”不是有效日期，请写作 YYYY-MM-DD，如 2023-06-30。",
    ],
  ])("refuses %j with one line and exit 2", async (argv, line) => {
    const io = await run(...argv.map((a) => (a === "BOOK" ? book : a)));
    expect(io.exitCode()).toBe(2);
    expect(io.err()).toBe(`${line}\n`);
    expect(io.out()).toBe("");
  });

  it("says a workbook without the plan's sheets holds none, and one that is not a workbook is not one", async () => {
    const plain = join(dir, "plain.xlsx");
    const workbook = new Workbook();
    workbook.addWorksheet("Sheet1").getCell("A1").value = "x";
    await workbook.xlsx.writeFile(plain);
    const io = await run("validate", plain);
    expect([io.exitCode(), io.err()]).toEqual([
      2,
      `${plain} 中没有本助手生成的计划表格，请先用 water-plan generate 生成。\n`,
    ]);

    const junk = join(dir, "junk.xlsx");
    await writeFile(junk, "not a zip");
    const junkIo = await run("validate", junk, "--lang", "en");
    expect([junkIo.exitCode(), junkIo.err()]).toEqual([
      2,
      `${junk} is not a readable .xlsx workbook; nothing was changed.\n`,
    ]);
  });
});
