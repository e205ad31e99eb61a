import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Protection, Workbook, type Worksheet } from "exceljs";
import { runCli } from "../../src/cli/main";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { planInScope, scopeUnits, type ScopeBy } from "../../src/core/plan/planScope";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { runExampleWorkflow } from "../../src/workbook/exampleWorkbook";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";
import { makeIo } from "./recordingIo";

// Splitting and validating the 13 counties' files takes about 5 s alone: Jest's default on a busy 2-core machine.
jest.setTimeout(120_000);

async function run(argv: readonly string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

/** ExcelJS keeps `<sheetProtection>` outside its typings. */
function protectionOf(sheet: Worksheet): { sheet?: boolean; hashValue?: string } | null {
  return (sheet as unknown as { sheetProtection: { sheet?: boolean; hashValue?: string } | null })
    .sheetProtection;
}

/** A cell's value as text (the entries compared are text, numbers or blank). */
function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** The status column's entries of the city's task sheet, by task number. */
function taskEntries(sheet: Worksheet): Map<number, string> {
  const header = sheet.getRow(3).values as unknown[];
  const status = header.indexOf("完成状态");
  const progress = header.indexOf("进展情况");
  const entries = new Map<number, string>();
  sheet.eachRow((row, n) => {
    const number = row.getCell(1).value;
    if (n <= 3 || typeof number !== "number") return;
    entries.set(number, `${text(row.getCell(status).value)}|${text(row.getCell(progress).value)}`);
  });
  return entries;
}

describe("water-plan split", () => {
  let dir: string;
  let city: string;
  let cityTasks: Map<number, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-split-"));
    city = join(dir, "柳州.xlsx");
    const book = XlsxWorkbook.create();
    await runExampleWorkflow(book.port, plan, "zh-CN");
    await book.saveAtomically(city);
    const read = new Workbook();
    await read.xlsx.readFile(city);
    const sheet = read.getWorksheet("附件1 任务清单");
    if (sheet === undefined) throw new Error("no task sheet");
    cityTasks = taskEntries(sheet);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each<ScopeBy>(["county", "lead"])(
    "writes one protected file per unit by %s, each validating on its own rows with the city's entries",
    async (by) => {
      const out = join(dir, by);
      const io = await run(["split", city, "--by", by, "--out", out, "--deadline", "2023-07-10", "--json"]);
      expect(io.err()).toBe("");
      expect(io.exitCode()).toBe(0);
      const report = JSON.parse(io.out()) as {
        files: number;
        units: { unit: string; file: string; tasks: number }[];
      };
      const units = scopeUnits(plan, by);
      expect(report.files).toBe(units.length);
      expect((await readdir(out)).sort()).toEqual(report.units.map((u) => u.file).sort());

      for (const unit of report.units) {
        const scoped = planInScope(plan, { by, unit: unit.unit });
        const file = join(out, unit.file);
        const book = new Workbook();
        await book.xlsx.readFile(file);
        expect(book.worksheets[0]?.name).toBe("填报说明");
        const tasks = book.getWorksheet("附件1 任务清单");
        if (tasks === undefined) throw new Error("no task sheet");
        expect(protectionOf(tasks)).toMatchObject({ sheet: true });
        expect(protectionOf(tasks)?.hashValue).toBeUndefined();
        // A cell without a protection of its own is locked, as in Excel: ExcelJS gives it none.
        const planCell = tasks.getCell("A4").protection as Partial<Protection> | undefined;
        expect(planCell?.locked).not.toBe(false);
        const header = tasks.getRow(3).values as unknown[];
        expect(tasks.getCell(4, header.indexOf("完成状态")).protection.locked).toBe(false);
        expect(protectionOf(book.getWorksheet("监测数据") as Worksheet)?.sheet).toBeUndefined();

        // Every entry the city had in the unit's task rows is there.
        const entries = taskEntries(tasks);
        expect([...entries.keys()]).toEqual(scoped.tasks.map((t) => t.number));
        for (const [number, value] of entries)
          expect([number, value]).toEqual([number, cityTasks.get(number)]);

        // Validation judges only the unit's rows: no row the plan lacks, no plan cell changed.
        const checked = await run(["validate", file, "--json", "--today", "2023-06-30"]);
        expect(checked.err()).toBe("");
        const validation = JSON.parse(checked.out()) as ValidationReport;
        expect(validation.tasks.map((t) => t.number)).toEqual(scoped.tasks.map((t) => t.number));
        const noise = validation.issues.filter((i) =>
          ["row_not_in_plan", "plan_cell_changed", "sheet_missing", "columns_missing"].includes(i.code),
        );
        expect(noise).toEqual([]);
      }
    },
  );

  it("prints counts in Chinese and in English", async () => {
    const zh = await run(["split", city, "--by", "county", "--out", join(dir, "zh"), "--unit", "融安县"]);
    expect(zh.out()).toContain("已按县区（责任单位）拆分");
    expect(zh.out()).toContain("1 个单位，写出 1 个文件");
    expect(zh.out()).toMatch(/融安县\s+46\s+2\s+0\s+14\s/);
    expect(zh.out()).toContain("另有 1 行不属于计划中的任何单位");
    const en = await run([
      "split",
      city,
      "--by",
      "lead",
      "--out",
      join(dir, "en"),
      "--unit",
      "市水利局",
      "--lang",
      "en",
    ]);
    expect(en.out()).toContain("1 unit, 1 file written");
    expect(en.out()).toContain("No reporting deadline set");
  });

  describe("refuses, in the user's language, writing nothing", () => {
    it("a workbook the add-in did not make", async () => {
      const other = join(dir, "other.xlsx");
      const book = new Workbook();
      book.addWorksheet("Sheet1").getCell("A1").value = "x";
      await book.xlsx.writeFile(other);
      const zh = await run(["split", other, "--by", "county", "--out", join(dir, "none")]);
      expect(zh.exitCode()).toBe(2);
      expect(zh.err()).toContain("不是由本工具生成的工作簿");
      const en = await run(["split", other, "--by", "county", "--out", join(dir, "none"), "--lang", "en"]);
      expect(en.err()).toContain("was not made by this tool");
      await expect(readdir(join(dir, "none"))).rejects.toThrow();
    });

    it("a file it would overwrite, unless --force", async () => {
      const out = join(dir, "taken");
      await mkdir(out);
      await writeFile(join(out, "liuzhou-2023-柳江区.xlsx"), "mine");
      const zh = await run([
        "split",
        city,
        "--by",
        "county",
        "--out",
        out,
        "--unit",
        "柳江区",
        "--unit",
        "鹿寨县",
      ]);
      expect(zh.exitCode()).toBe(2);
      expect(zh.err()).toContain("已有 1 个同名文件（liuzhou-2023-柳江区.xlsx）");
      expect(zh.err()).toContain("--force");
      expect(await readdir(out)).toEqual(["liuzhou-2023-柳江区.xlsx"]);
      const en = await run([
        "split",
        city,
        "--by",
        "county",
        "--out",
        out,
        "--unit",
        "柳江区",
        "--lang",
        "en",
      ]);
      expect(en.err()).toContain("already has 1 file of the same name");
      const forced = await run([
        "split",
        city,
        "--by",
        "county",
        "--out",
        out,
        "--unit",
        "柳江区",
        "--force",
      ]);
      expect(forced.exitCode()).toBe(0);
    });

    it("a unit the plan does not name, with suggestions", async () => {
      const zh = await run(["split", city, "--by", "lead", "--out", join(dir, "none"), "--unit", "住建局"]);
      expect(zh.err()).toBe("计划中没有牵头单位“住建局”；是否指：“市住房城乡建设局”？\n");
      const en = await run([
        "split",
        city,
        "--by",
        "county",
        "--out",
        join(dir, "none"),
        "--unit",
        "柳江",
        "--lang",
        "en",
      ]);
      expect(en.err()).toBe('The plan has no county or responsible unit "柳江"; did you mean "柳江区"?\n');
    });

    it("a missing or wrong --by", async () => {
      const zh = await run(["split", city, "--out", join(dir, "none")]);
      expect(zh.err()).toContain("--by lead");
      const en = await run(["split", city, "--by", "town", "--out", join(dir, "none"), "--lang", "en"]);
      expect(en.err()).toContain('"town" is not a valid --by');
      expect(en.exitCode()).toBe(2);
    });
  });
});
