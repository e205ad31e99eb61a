import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Protection, Workbook, type Worksheet } from "exceljs";
import { runCli } from "../../src/cli/main";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { planInScope } from "../../src/core/plan/planScope";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { runExampleWorkflow } from "../../src/workbook/exampleWorkbook";
import { makeIo } from "./recordingIo";

jest.setTimeout(120_000);

async function run(argv: readonly string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

/** A sheet's protection as Excel would apply it: its options and the cells left unlocked. */
interface SheetLock {
  readonly options: Record<string, unknown> | null;
  readonly unlocked: readonly string[];
}

/** Every sheet's protection in a file, by sheet name. */
async function locksOf(file: string): Promise<Map<string, SheetLock>> {
  const book = new Workbook();
  await book.xlsx.readFile(file);
  const locks = new Map<string, SheetLock>();
  for (const sheet of book.worksheets) {
    const unlocked: string[] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        if ((cell.protection as Partial<Protection> | undefined)?.locked === false)
          unlocked.push(cell.address);
      });
    });
    locks.set(sheet.name, { options: protectionOf(sheet), unlocked });
  }
  return locks;
}

/** ExcelJS keeps `<sheetProtection>` outside its typings. */
function protectionOf(sheet: Worksheet): Record<string, unknown> | null {
  return (sheet as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection ?? null;
}

const tasks = "附件1 任务清单";
const unit = "融安县";

describe("a unit's split workbook, its plan sheets protected without a password", () => {
  let dir: string;
  let unitFile: string;
  let before: Map<string, SheetLock>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wp-unit-protection-"));
    const city = join(dir, "柳州.xlsx");
    const book = XlsxWorkbook.create();
    await runExampleWorkflow(book.port, plan, "zh-CN");
    await book.saveAtomically(city);
    const io = await run(["split", city, "--by", "county", "--unit", unit, "--out", join(dir, "下发")]);
    expect(io.exitCode()).toBe(0);
    unitFile = join(dir, "下发", `liuzhou-2023-${unit}.xlsx`);
    before = await locksOf(unitFile);
    // The split really protects: every plan sheet, with entry cells unlocked (else the test proves nothing).
    const taskLock = before.get(tasks);
    expect(taskLock?.options).toMatchObject({ sheet: true });
    expect(taskLock?.unlocked.length).toBeGreaterThan(46);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A fresh copy of the unit's file, as the unit received it. */
  async function received(name: string): Promise<string> {
    const file = join(dir, name);
    await copyFile(unitFile, file);
    return file;
  }

  it("validates with --out, the marked workbook protected as before, the same cells unlocked", async () => {
    const book = await received("validate.xlsx");
    const out = join(dir, "validate-marked.xlsx");
    const io = await run(["validate", book, "--out", out, "--today", "2023-06-30"]);
    expect(io.err()).toBe("");
    expect(io.exitCode()).not.toBe(2);
    const after = await locksOf(out);
    for (const [name, lock] of before) expect({ name, lock: after.get(name) }).toEqual({ name, lock });
  });

  it("generates again in place, protected as before", async () => {
    const book = await received("generate.xlsx");
    const io = await run(["generate", "--out", book]);
    expect(io.err()).toBe("");
    expect(io.exitCode()).toBe(0);
    const after = await locksOf(book);
    for (const [name, lock] of before) expect({ name, lock: after.get(name) }).toEqual({ name, lock });
  });

  it("imports monitoring data with --out, the rows added and the plan sheets protected as before", async () => {
    const book = await received("import.xlsx");
    const [point] = planInScope(plan, { by: "county", unit }).regionalSections;
    if (point === undefined) throw new Error(`${unit} has no section`);
    const csv = join(dir, "export.csv");
    await writeFile(
      csv,
      [
        "断面名称,监测时间,pH,溶解氧,高锰酸盐指数,氨氮,总磷",
        `${point.name},2023-06-20 08:00,7.4,7.9,1.8,0.12,0.05`,
      ].join("\n"),
    );
    const io = await run(["import", book, csv, "--out", book, "--json"]);
    expect(io.err()).toBe("");
    expect(io.exitCode()).not.toBe(2);
    expect(JSON.parse(io.out())).toMatchObject({ counts: { new: 1 }, written: true });
    const after = await locksOf(book);
    for (const [name, lock] of before) {
      if (name === "监测数据") continue; // not protected, and a row longer
      expect({ name, lock: after.get(name) }).toEqual({ name, lock });
    }
  });

  it("still refuses a sheet a user protected with a password, writing nothing", async () => {
    const book = await received("password.xlsx");
    const excel = new Workbook();
    await excel.xlsx.readFile(book);
    const sheet = excel.getWorksheet(tasks);
    if (sheet === undefined) throw new Error("no task sheet");
    await sheet.protect("机密123", { selectLockedCells: true, selectUnlockedCells: true });
    await excel.xlsx.writeFile(book);
    const bytes = await readFile(book);
    const out = join(dir, "password-marked.xlsx");

    const validated = await run(["validate", book, "--out", out]);
    expect(validated.exitCode()).toBe(2);
    expect(validated.err()).toContain(`工作表“${tasks}”受保护`);
    await expect(stat(out)).rejects.toThrow();

    const generated = await run(["generate", "--out", book]);
    expect(generated.exitCode()).toBe(2);
    expect(generated.err()).toContain(`工作表“${tasks}”受保护`);
    expect((await readFile(book)).equals(bytes)).toBe(true);
  });
});
