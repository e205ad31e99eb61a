import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { metaSheetName } from "../../src/workbook/metaSheet";
import { cityBook, edited, typeSamples, typeTask, unitReturn } from "../workbook/exchange/returnedBooks";
import { makeIo } from "./recordingIo";

// Each case reads and writes whole workbooks: more than Jest's default five seconds on a busy machine.
jest.setTimeout(120_000);

async function run(...argv: string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

describe("water-plan merge", () => {
  let dir: string;
  let book: string;
  let liujiang: string;
  let yufeng: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-merge-"));
    liujiang = join(dir, "柳江区.xlsx");
    yufeng = join(dir, "鱼峰区.xlsx");
    await writeFile(
      liujiang,
      await unitReturn("柳江区", (b) => {
        typeTask(b, 5, "完成状态", "推进中");
        typeTask(b, 5, "进展情况", "已排查管网 12 公里");
        typeSamples(b, [{ point: "露塘", date: "2023-05-01", values: { ph: 7.4 } }]);
      }),
    );
    await writeFile(
      yufeng,
      await unitReturn("鱼峰区", (b) => {
        typeTask(b, 5, "完成状态", "已完成");
        typeTask(b, 5, "进展情况", "已完成改造");
      }),
    );
  });

  beforeEach(async () => {
    book = join(dir, "柳州市.xlsx");
    await writeFile(book, await cityBook());
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("previews without --out: prints the counts and every conflict with both values, and writes nothing", async () => {
    const before = await readFile(book);
    const io = await run("merge", book, liujiang, yufeng);
    expect(io.err()).toBe("");
    expect(io.exitCode()).toBe(1);
    expect(io.out()).toContain(
      "读取退回的工作簿 2 个；填入空白单元格 0 个，合并进展情况 2 条，监测数据新增 1 行、重复 0 行；冲突 1 处。",
    );
    expect(io.out()).toMatch(
      /附件1 任务清单 [A-Z]+\d+（5，完成状态）：各单位填写不一致，未填入：柳江区（.*柳江区\.xlsx）“推进中”；鱼峰区（.*鱼峰区\.xlsx）“已完成”/u,
    );
    expect(io.out()).toContain("【柳江区】【鱼峰区】");
    expect(io.out()).toContain("未写入文件（预览）");
    expect(await readFile(book)).toEqual(before);
  });

  it("writes with --out naming the city's workbook, and merging the same returns again changes nothing", async () => {
    const first = await run("merge", book, liujiang, "--out", book);
    expect(first.err()).toBe("");
    expect(first.exitCode()).toBe(0);
    expect(first.out()).toContain(`已写入 ${book}。`);
    const written = await readFile(book);
    const second = await run("merge", book, liujiang, "--out", book);
    expect(second.out()).toContain("填入空白单元格 0 个，合并进展情况 0 条，监测数据新增 0 行、重复 1 行");
    expect(second.out()).toContain(`没有新的内容，未改动 ${book}。`);
    expect(await readFile(book)).toEqual(written);
    const validated = await run("validate", book, "--today", "2023-06-30", "--json");
    const report = JSON.parse(validated.out()) as { tasks: { number: number; status: string | null }[] };
    expect(report.tasks.find((t) => t.number === 5)?.status).toBe("in_progress");
  });

  it("patches cells in place when no monitoring row is added, and the result reads back", async () => {
    const out = join(dir, "merged.xlsx");
    const io = await run("merge", book, yufeng, "--out", out, "--json");
    expect(io.exitCode()).toBe(0);
    const report = JSON.parse(io.out()) as {
      counts: { cellsFilled: number; textsJoined: number };
      written: string;
    };
    expect(report.counts).toMatchObject({ cellsFilled: 1, textsJoined: 1 });
    expect(report.written).toBe(out);
    const again = await run("merge", out, yufeng, "--json");
    expect((JSON.parse(again.out()) as { counts: { cellsFilled: number } }).counts.cellsFilled).toBe(0);
  });

  it("reports with --out what the preview reports, and copies the book to another --out when nothing is new", async () => {
    type Report = { counts: Record<string, number>; conflicts: unknown[]; written: string | null };
    const preview = JSON.parse((await run("merge", book, liujiang, yufeng, "--json")).out()) as Report;
    const out = join(dir, "merged-both.xlsx");
    const written = JSON.parse(
      (await run("merge", book, liujiang, yufeng, "--out", out, "--json")).out(),
    ) as Report;
    expect(written.counts).toEqual(preview.counts);
    expect(written.conflicts).toEqual(preview.conflicts);
    expect(preview.written).toBeNull();
    expect(written.written).toBe(out);
    const copy = join(dir, "merged-copy.xlsx");
    const again = JSON.parse(
      (await run("merge", out, liujiang, yufeng, "--out", copy, "--json")).out(),
    ) as Report;
    expect(again.counts).toMatchObject({ cellsFilled: 0, textsJoined: 0, monitoringAdded: 0 });
    expect(again.written).toBe(copy);
    const reread = JSON.parse((await run("merge", copy, liujiang, yufeng, "--json")).out()) as Report;
    expect(reread.counts).toEqual(again.counts);
  });

  it("refuses the city's own file, a file of another plan, a damaged file and a missing one, with reasons, and merges the rest", async () => {
    const otherPlan = join(dir, "南宁.xlsx");
    await writeFile(
      otherPlan,
      await edited(await cityBook(), (b) => {
        b.getWorksheet(metaSheetName)
          ?.getColumn(3)
          .eachCell((cell, row) => {
            if (row > 1 && cell.value !== null && cell.value !== "") cell.value = "nanning-2023";
          });
      }),
    );
    const damaged = join(dir, "damaged.xlsx");
    await writeFile(damaged, (await readFile(liujiang)).subarray(0, 2000));
    const io = await run("merge", book, book, otherPlan, damaged, join(dir, "none.xlsx"), liujiang, "--json");
    expect(io.exitCode()).toBe(1);
    const report = JSON.parse(io.out()) as {
      counts: { returnsRead: number; refused: number };
      returns: { file: string; refusal: { code: string; message: string } | null }[];
    };
    expect(report.counts).toMatchObject({ returnsRead: 1, refused: 4 });
    const codes = Object.fromEntries(report.returns.map((r) => [r.file, r.refusal?.code ?? null]));
    expect(codes).toEqual({
      [book]: "own_book",
      [otherPlan]: "other_plan",
      [damaged]: "unreadable",
      [join(dir, "none.xlsx")]: "unreadable",
      [liujiang]: null,
    });
    const english = await run("--lang", "en", "merge", book, otherPlan);
    expect(english.out()).toContain("This workbook belongs to another plan (nanning-2023)");
  });

  it("refuses a city workbook the add-in did not make with one line and exit code 2", async () => {
    const plain = join(dir, "plain.xlsx");
    await writeFile(
      plain,
      await edited(await cityBook(), (b) => {
        b.removeWorksheet(b.getWorksheet(metaSheetName)?.id ?? 0);
      }),
    );
    const io = await run("merge", plain, liujiang);
    expect(io.exitCode()).toBe(2);
    expect(io.err()).toContain("不是本助手生成的工作簿");
  });

  it("has help in both languages", async () => {
    expect((await run("merge", "--help")).out()).toContain("把各单位退回的报送表合并进市级工作簿");
    expect((await run("--lang", "en", "merge", "--help")).out()).toContain(
      "merge the workbooks units returned",
    );
  });
});
