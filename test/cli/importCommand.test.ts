import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { runCli } from "../../src/cli/main";
import { exportFixtureDir } from "../core/import/exportFixtures";
import { exportAsXlsx } from "../hosts/xlsx/exportXlsx";
import { makeIo } from "./recordingIo";

// Each case reads and writes whole workbooks: more than Jest's default five seconds on a busy machine.
jest.setTimeout(60_000);

async function run(...argv: string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

const fixture = (name: string): string => join(exportFixtureDir, name);

describe("water-plan import", () => {
  let dir: string;
  let generated: string;
  let book: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-import-"));
    generated = join(dir, "generated.xlsx");
    expect((await run("generate", "--out", generated)).exitCode()).toBe(0);
  });

  beforeEach(async () => {
    book = join(dir, "book.xlsx");
    await copyFile(generated, book);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("previews without --out: prints the counts, the reasons and the unmatched names, and writes nothing", async () => {
    const before = await readFile(book);
    const io = await run("import", book, fixture("national-realtime.csv"), "--today", "2023-06-30");
    expect(io.err()).toBe("");
    expect(io.exitCode()).toBe(1);
    const out = io.out();
    expect(out).toContain("表头在第 3 行");
    expect(out).toContain("读取 39 行：新增 34 行（其中 1 行站点非正常");
    expect(out).toContain("重复 0 行，未导入 3 行，点位未匹配 2 行。");
    expect(out).toContain("第 42 行：采样时间“12-31 20:00”未写年份");
    expect(out).toContain("“南宁老口”：2 行，自第 40 行；计划中没有相近的点位");
    expect(out).toContain("未写入文件（预览）");
    expect(await readFile(book)).toEqual(before);
  });

  it("appends with --out naming the workbook itself, and a second import adds nothing and leaves the file alone", async () => {
    const first = await run("import", book, fixture("lab-report.csv"), "--out", book);
    expect(first.exitCode()).toBe(1);
    expect(first.out()).toContain(`已写入 ${book}：“监测数据”追加 9 行。`);
    const written = await readFile(book);
    const second = await run("import", book, fixture("lab-report.csv"), "--out", book);
    expect(second.out()).toContain("重复 9 行");
    expect(second.out()).toContain(`没有新的样品，未改动 ${book}。`);
    expect(await readFile(book)).toEqual(written);
  });

  it("exits 0 when every row was imported, and the result validates", async () => {
    const out = join(dir, "bulletin.xlsx");
    await writeFile(
      join(dir, "bulletin.csv"),
      "断面名称,采样日期,pH*,DO,CODMn,NH3-N\n露塘断面,2023/5/11,7.4,7.5,2.1,0.35\n大洲,2023/5/8,7.5,8.1,1.9,0.12\n",
    );
    const io = await run("import", book, join(dir, "bulletin.csv"), "--out", out);
    expect(io.exitCode()).toBe(0);
    const validated = await run("validate", out, "--today", "2023-06-30", "--json");
    const report = JSON.parse(validated.out()) as { points: { name: string; samples: number }[] };
    expect(report.points.filter((p) => p.samples > 0).map((p) => [p.name, p.samples])).toEqual([
      ["大洲", 1],
      ["露塘", 1],
    ]);
  });

  it("reads a GBK CSV as its UTF-8 twin", async () => {
    const utf8 = await run("import", book, fixture("national-realtime.csv"), "--today", "2023-06-30");
    const gbk = await run("import", book, fixture("national-realtime.gbk.csv"), "--today", "2023-06-30");
    const body = (text: string) => text.split("\n").slice(1).join("\n");
    expect(gbk.out().split("\n")[0]).toContain("（GBK/GB18030 编码）");
    expect(body(gbk.out())).toBe(body(utf8.out()));
  });

  it("saves a --map in the workbook and uses it on the next import without asking again", async () => {
    const mapped = await run(
      "import",
      book,
      fixture("national-realtime.csv"),
      "--map",
      "南宁老口=浮石",
      "--out",
      book,
    );
    expect(mapped.out()).toContain("已在工作簿中保存点位对应关系：“南宁老口”→“浮石”。");
    expect(mapped.out()).toContain("点位未匹配 0 行");
    const again = await run("import", book, fixture("national-realtime.csv"), "--json");
    expect(JSON.parse(again.out())).toMatchObject({ counts: { new: 0, unmatched: 0 }, savedMappings: [] });
  });

  it("prints the report as one JSON document with --json", async () => {
    const io = await run("import", book, fixture("monthly-bulletin.csv"), "--json", "--lang", "en");
    const report = JSON.parse(io.out()) as Record<string, unknown>;
    expect(report).toMatchObject({
      export: fixture("monthly-bulletin.csv"),
      encoding: "utf-8",
      headerRow: 3,
      counts: { read: 11, new: 10, flagged: 0, duplicates: 0, refused: 1, unmatched: 0 },
      refused: [{ row: 14, code: "not_a_sample_row" }],
      written: false,
      out: null,
    });
    expect(report["columns"]).toContainEqual({ header: "pH*", use: "parameter", parameter: "ph", factor: 1 });
    expect((report["refused"] as { message: string }[])[0]?.message).toMatch(/^The row holds only text/u);
  });

  it("reads an .xlsx export's sheet named by --sheet, and lists the sheets when it is not there", async () => {
    const xlsx = join(dir, "export.xlsx");
    await writeFile(xlsx, await exportAsXlsx("lab-report.csv", "水源地"));
    const io = await run("import", book, xlsx, "--sheet", "水源地", "--json");
    expect(JSON.parse(io.out())).toMatchObject({ sheet: "水源地", counts: { new: 9 } });
    const missing = await run("import", book, xlsx, "--sheet", "月报");
    expect(missing.exitCode()).toBe(2);
    expect(missing.err()).toBe(`导出文件 ${xlsx} 中没有工作表“月报”。其中的工作表：“说明”、“水源地”。\n`);
  });

  it.each([
    [["x.xls"], "x.xls 不是 .xlsx 或 .csv 文件"],
    [["missing.csv"], "找不到导出文件 missing.csv。"],
    [["EXPORT", "--map", "南宁老口"], "--map 的值“南宁老口”应写作"],
    [["EXPORT", "--map", "南宁老口=老口"], "计划中没有点位“老口”"],
    [["EXPORT", "--today", "2023-13-01"], "--today 的值“2023-13-01”不是有效日期"],
  ])("refuses %p with one line and exit code 2", async (args, message) => {
    const argv = args.map((a) => (a === "EXPORT" ? fixture("national-realtime.csv") : a));
    const io = await run("import", book, ...argv);
    expect(io.exitCode()).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err().trim().split("\n")).toHaveLength(1);
  });

  it("refuses a workbook the add-in did not make, and an export without a header", async () => {
    const plain = join(dir, "plain.xlsx");
    const workbook = new Workbook();
    workbook.addWorksheet("Sheet1").addRow(["x"]);
    await workbook.xlsx.writeFile(plain);
    const noSheet = await run("import", plain, fixture("lab-report.csv"));
    expect(noSheet.exitCode()).toBe(2);
    expect(noSheet.err()).toContain("中没有本助手生成的“监测数据”表");
    const headless = join(dir, "headless.csv");
    await writeFile(headless, "露塘,0.3\n");
    const io = await run("import", book, headless, "--lang", "en");
    expect(io.exitCode()).toBe(2);
    expect(io.err()).toMatch(/headless\.csv: No header in the first 30 rows.* Nothing was changed\.\n$/u);
  });

  it("speaks English with --lang en", async () => {
    const io = await run(
      "import",
      book,
      fixture("national-realtime.csv"),
      "--today",
      "2023-06-30",
      "--lang",
      "en",
    );
    expect(io.out()).toContain("39 rows read: 34 new (1 from a station not in normal operation");
    expect(io.out()).toContain('"南宁老口": 2 rows from row 40; no plan point is close');
  });
});
