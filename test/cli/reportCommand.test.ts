import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { runCli } from "../../src/cli/main";
import { maxOf, minOf } from "../../src/core/arrays";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { writeExampleEntries } from "../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import { convertWithLibreOffice, findOnPath, itWithLibreOffice } from "../hosts/xlsx/libreOffice";
import { readDocx } from "../workbook/report/docxText";
import { makeIo } from "./recordingIo";

// Whole workbooks are written and read, and LibreOffice lays out a document: minutes on a busy machine.
jest.setTimeout(240_000);

const run = promisify(execFile);
/** The pictures README shows: the first page of the report, its class grid, and 汇总's grid. */
const pictures = join(__dirname, "..", "..", "out", "test", "report");

async function cli(...argv: string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

describe("water-plan report", () => {
  let dir: string;
  let book: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-report-"));
    book = join(dir, "demo.xlsx");
    // The demo workbook, as `npm run demo` makes it: 汇总 written through the xlsx host.
    const workbook = XlsxWorkbook.create();
    await generateWorkbook(workbook.port, plan, { locale: "zh-CN", publishedOn: "2023-03-20" });
    await writeExampleEntries(workbook.port, plan, "zh-CN");
    await generateWorkbook(workbook.port, plan, { locale: "zh-CN" });
    const outcome = await validateWorkbook(workbook.port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
    expect(outcome.ok).toBe(true);
    await workbook.saveAtomically(book);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the draft from the workbook and says what it holds", async () => {
    const out = join(dir, "报告.docx");
    const io = await cli("report", book, "--out", out, "--today", "2023-06-30");
    expect(io.err()).toBe("");
    expect(io.exitCode()).toBe(0);
    expect(io.out()).toBe(
      `进展报告初稿已写入 ${out}（校验发现错误 13 项、提示 9 项，已列入“存在的问题”；“下一步工作打算”待填写）。\n`,
    );
    const docx = readDocx(await readFile(out));
    expect(docx.paragraphs[0]).toBe("关于柳州市2023年度水污染防治工作计划执行情况的报告");
    expect(docx.paragraphs).toContain("七、下一步工作打算");
  });

  it("refuses a missing --out, an output that is not .docx and a bad date, in the user's language", async () => {
    const missing = await cli("report", book);
    expect([missing.exitCode(), missing.err()]).toEqual([
      2,
      "请用 --out 指定报告文件，如 --out 报告.docx。\n",
    ]);
    const text = await cli("report", book, "--out", join(dir, "r.txt"), "--lang", "en");
    expect([text.exitCode(), text.err()]).toEqual([
      2,
      `The report file ${join(dir, "r.txt")} should end in .docx.\n`,
    ]);
    const date = await cli("report", book, "--out", join(dir, "r.docx"), "--today", "2023-13-01");
    expect(date.exitCode()).toBe(2);
    expect(date.err()).toContain("2023-13-01");
  });

  itWithLibreOffice("opens in LibreOffice and prints on A4 with the standard's margins", async () => {
    const out = join(dir, "report.docx");
    expect((await cli("report", book, "--out", out, "--today", "2023-06-30")).exitCode()).toBe(0);
    await convertWithLibreOffice(out, "pdf", dir);
    const pdf = join(dir, "report.pdf");
    const info = (await run("pdfinfo", [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/u);
    // Where the words of page 1 lie: the text block starts 28 mm from the left (79.4 pt), its
    // lines are at most 156 mm wide (442.2 pt), and nothing is printed above the 37 mm margin (104.9 pt).
    const bbox = (await run("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf, "-"])).stdout;
    const words = [
      ...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</gu),
    ].map((m) => ({ left: Number(m[1]), top: Number(m[2]), right: Number(m[3]), text: m[4] ?? "" }));
    expect(words.length).toBeGreaterThan(50);
    const mm = (pt: number): number => (pt / 72) * 25.4;
    expect(
      mm(
        minOf(
          words.map((w) => w.left),
          0,
        ),
      ),
    ).toBeGreaterThan(27.5);
    expect(
      mm(
        minOf(
          words.map((w) => w.left),
          0,
        ),
      ),
    ).toBeLessThan(29);
    // A closing mark may hang one character into the margin, as Word and LibreOffice let it (标点溢出).
    const hangs = (w: { text: string }): boolean => /[。，、；：！？）”]$/u.test(w.text);
    const right = maxOf(
      words.filter((w) => !hangs(w)).map((w) => w.right),
      0,
    );
    expect(mm(right)).toBeLessThanOrEqual(28 + 156 + 0.5);
    expect(mm(right)).toBeGreaterThan(28 + 156 - 6);
    expect(
      mm(
        maxOf(
          words.map((w) => w.right),
          0,
        ),
      ),
    ).toBeLessThanOrEqual(28 + 156 + 6);
    const top = minOf(
      words.map((w) => w.top),
      0,
    );
    expect(mm(top)).toBeGreaterThanOrEqual(37);
    expect(mm(top)).toBeLessThan(45);
    // The pictures README shows, when poppler's pdftoppm is there.
    if (findOnPath("pdftoppm") !== null) {
      await mkdir(pictures, { recursive: true });
      await run("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", pdf, join(pictures, "report-page")]);
      const gridPage = (await run("pdftotext", ["-layout", pdf, "-"])).stdout
        .split("\f")
        .findIndex((page) => page.includes("水质类别月度变化（按月份）"));
      const page = String(gridPage + 1);
      await run("pdftoppm", ["-png", "-r", "50", "-f", page, "-l", page, pdf, join(pictures, "report-grid")]);
      await writeFile(join(pictures, "README.txt"), "Made by test/cli/reportCommand.test.ts.\n");
    }
  });

  itWithLibreOffice("prints 汇总's 预警 block and class grid one page wide", async () => {
    const copy = join(dir, "summary.xlsx");
    await writeFile(copy, await readFile(book));
    await convertWithLibreOffice(copy, "pdf", dir);
    const pages = (await run("pdftotext", ["-layout", join(dir, "summary.pdf"), "-"])).stdout.split("\f");
    const gridPage = pages.findIndex((page) => /[七八九]、水质类别月度变化/u.test(page));
    expect(gridPage).toBeGreaterThanOrEqual(0);
    // One page wide: every month's column and the legend are on the grid's page.
    const page = pages[gridPage] ?? "";
    expect(page).toContain("12月");
    expect(page).toMatch(/图例\s+Ⅰ类\s+Ⅱ类\s+Ⅲ类\s+Ⅳ类\s+Ⅴ类\s+劣Ⅴ类/u);
    expect(pages.some((p) => /[七八]、预警/u.test(p))).toBe(true);
    if (findOnPath("pdftoppm") !== null) {
      await mkdir(pictures, { recursive: true });
      const n = String(gridPage + 1);
      await run("pdftoppm", [
        "-png",
        "-r",
        "50",
        "-f",
        n,
        "-l",
        n,
        join(dir, "summary.pdf"),
        join(pictures, "summary-grid"),
      ]);
    }
  });
});
