/*
 * Issue 13: task 53's half-year report sent late counts as 逾期完成 in `validate --json` and in the
 * text report's task table, in both languages.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { runCli } from "../../src/cli/main";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";
import { makeIo } from "./recordingIo";

// Each case writes and reads whole workbooks: more than Jest's default five seconds on a busy machine.
jest.setTimeout(60_000);

async function run(...argv: string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

const cases = [
  { lang: "zh", sheet: "附件1 任务清单", done: "已完成", header: "逾期完成" },
  { lang: "en", sheet: "A1 Tasks", done: "Done", header: "Completed late" },
] as const;

describe.each(cases)(
  "validate --lang $lang: a half-year report sent late",
  ({ lang, sheet, done, header }) => {
    let dir: string;
    let book: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "water-plan-late-milestone-"));
      book = join(dir, "book.xlsx");
      expect((await run("generate", "--out", book, "--lang", lang)).exitCode()).toBe(0);
      const workbook = new Workbook();
      await workbook.xlsx.readFile(book);
      const tasks = workbook.getWorksheet(sheet);
      if (!tasks) throw new Error(`no sheet ${sheet}`);
      // Task 53 done on time (due 2023-12-20), its 半年工作总结 (due 2023-07-01) sent 10 days late.
      tasks.getCell("L56").value = done;
      tasks.getCell("M56").value = "2023-12-15";
      tasks.getCell("P56").value = "2023-07-11";
      await workbook.xlsx.writeFile(book);
    });

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("gives task 53 its 10 days late in the JSON, naming the milestone", async () => {
      const io = await run("validate", book, "--today", "2023-12-31", "--json", "--lang", lang);
      const report = JSON.parse(io.out()) as ValidationReport;
      const task = report.tasks.find((t) => t.number === 53);
      expect(task).toMatchObject({ overdue: false, daysLate: 10 });
      expect(task?.lateDeadlines).toMatchObject([{ date: "2023-07-01", doneOn: "2023-07-11", days: 10 }]);
      expect(task?.lateDeadlines[0]?.what).not.toBe("");
      expect(report.tasks.filter((t) => t.daysLate !== null).map((t) => t.number)).toEqual([53]);
    });

    it("counts it once under 逾期完成 in the text report's task table", async () => {
      const io = await run("validate", book, "--today", "2023-12-31", "--lang", lang);
      const lines = io.out().split("\n");
      const at = lines.findIndex(
        (l) => l.includes(header) && l.includes(lang === "zh" ? "未启动" : "Not started"),
      );
      expect(at).toBeGreaterThan(0);
      // Header, rule, then the counts: the last one is 逾期完成.
      expect(lines[at + 2]?.trim().split(/\s+/u).at(-1)).toBe("1");
    });
  },
);
