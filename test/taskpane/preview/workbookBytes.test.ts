import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { runCli } from "../../../src/cli/main";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import { workbookBytes } from "../../../src/taskpane/preview/downloadXlsx";
import { enterCells } from "../../../src/taskpane/preview/enterCells";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import type { ValidationReport } from "../../../src/workbook/validate/validationReport";
import { parseA1 } from "../../hosts/memory/memoryHarness";
import { makeIo } from "../../cli/recordingIo";

// Whole workbooks are generated, written and read: more than Jest's default five seconds on a busy machine.
jest.setTimeout(120_000);

const monitoring = "监测数据";
const tasks = "附件1 任务清单";

/** Types rows into the preview's workbook as the grid does, the top-left cell given in A1. */
function type(book: MemoryWorkbook, sheet: string, a1: string, rows: string[][]): void {
  const target = book.sheet(sheet);
  if (!target) throw new Error(`no sheet ${sheet}`);
  const [row, col] = parseA1(a1);
  enterCells(target, row, col, rows);
}

/** A month in the preview: generated, two samples typed one row at a time, a task status, a bad pH. */
async function monthInPreview(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await generateWorkbook(book.port, plan, { locale: "zh-CN" });
  type(book, monitoring, "A4", [["露塘", "2023-05-10", "25", "abc", "6.5"]]);
  type(book, monitoring, "A5", [["浮石", "2023-05-11", "24", "7.1", "6.8"]]);
  type(book, monitoring, "A6", [["露塘", "2023/6/2", "26", "7.3", "7.0"]]);
  type(book, tasks, "L4", [["推进中"]]);
  return book;
}

/** The issues as the pane lists them and the JSON names them: sheet, cell, severity, code. */
function issueKeys(report: Pick<ValidationReport, "issues">): string[] {
  return report.issues.map((i) => `${i.sheet}!${i.cell} ${i.severity} ${i.code}`).sort();
}

describe("the preview's download (workbookBytes)", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-preview-"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps typed dates as dates and grows WP_Monitoring over every typed row", async () => {
    const book = await monthInPreview();
    const workbook = new Workbook();
    // ExcelJS's types name an older Buffer than @types/node's (as in test/hosts/xlsx/xlsxHarness.ts).
    await workbook.xlsx.load((await workbookBytes(book)) as never);
    const sheet = workbook.getWorksheet(monitoring);
    for (const [a1, iso] of [
      ["B4", "2023-05-10"],
      ["B5", "2023-05-11"],
      ["B6", "2023-06-02"],
    ] as const) {
      // ExcelJS reads a number under a date format as a Date: Excel shows it as one.
      const value: unknown = sheet?.getCell(a1).value;
      expect({ a1, value: value instanceof Date ? value.toISOString().slice(0, 10) : value }).toEqual({
        a1,
        value: iso,
      });
      expect(sheet?.getCell(a1).numFmt).toBe("yyyy-mm-dd");
    }
    const table = sheet?.getTable("WP_Monitoring") as unknown as { table: { tableRef: string } } | undefined;
    expect(table?.table.tableRef).toMatch(/^A3:[A-Z]+6$/u);
  });

  it("validates, with the command line, to the pane's own report of the same workbook", async () => {
    const book = await monthInPreview();
    const asOf = "2023-06-30";
    // The pane's report: validation on the in-memory workbook, as the 校验 button runs it.
    const pane = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf });
    if (!pane.ok) throw new Error(JSON.stringify(pane.problems));
    const file = join(dir, "downloaded.xlsx");
    await writeFile(file, await workbookBytes(book));

    const io = makeIo();
    await runCli(["validate", file, "--json", "--today", asOf], io);
    expect(io.err()).toBe("");
    const cli = JSON.parse(io.out()) as ValidationReport;
    expect(cli.counts).toEqual(pane.report.counts);
    expect(issueKeys(cli)).toEqual(issueKeys(pane.report));
    expect(cli.issues.map((i) => i.message).sort()).toEqual(pane.report.issues.map((i) => i.message).sort());
    // The typed samples count in both: 露塘 has two, 浮石 one.
    expect(cli.points.find((p) => p.name === "露塘")?.samples).toBe(2);
    expect(cli.points.map((p) => [p.name, p.samples, p.status])).toEqual(
      pane.report.points.map((p) => [p.name, p.samples, p.status]),
    );
  });
});
