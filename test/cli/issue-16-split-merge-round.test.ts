import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { appendAll, maxOf } from "../../src/core/arrays";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { scopeUnits, type ScopeBy } from "../../src/core/plan/planScope";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import type { ClearedCell, MergeConflict } from "../../src/workbook/exchange/mergeReport";
import { exampleDates, runExampleWorkflow } from "../../src/workbook/exampleWorkbook";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";
import { makeIo } from "./recordingIo";
import {
  columnsOf,
  entryCells,
  fillReturn,
  load,
  monitoringSpec,
  norm,
  normEntry,
  planSheets,
  rowsOf,
  sampleKey,
  sampleCell,
  sampleRows,
  type Sample,
  type SampleEdit,
  type Typed,
  typedColumnsOf,
} from "./splitMergeRound";

/*
 * Issue 16, "Done when": a split → fill → merge round on the Liuzhou plan, by county and by lead,
 * through the command line, ends with every entered value in the city's workbook and every
 * conflict listed. The units fill their files as Excel users would (only unlocked cells); two
 * counties fill one shared task's status differently, and a unit changes a value the city had.
 */

// Whole workbooks are read and written many times: far above Jest's five seconds on 2 shared cores.
jest.setTimeout(600_000);

async function run(...argv: string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

interface MergeJson {
  counts: { returnsRead: number; refused: number; conflicts: number; cleared: number };
  conflicts: (MergeConflict & { message: string })[];
  cleared: (ClearedCell & { message: string })[];
  written: string | null;
}

const progress = "progress";
const asOf = exampleDates.asOf;

/** What the city should hold for one cell after the merge, from the returns' typed values alone. */
interface Expected {
  readonly sheet: string;
  readonly identity: string;
  readonly column: string;
  /** The value the cell ends with (a joined text for progress). */
  readonly value: string | number | null;
  readonly conflict: MergeConflict["kind"] | null;
  readonly offers: readonly Typed[];
}

/** The outcome merge must reach, worked out from the city's cells and the values typed, in return order. */
function expectedCells(city: Map<string, string | number>, typed: readonly Typed[]): Expected[] {
  const byCell = new Map<string, Typed[]>();
  for (const t of typed) {
    const key = `${t.sheet}|${t.identity}|${t.column}`;
    byCell.set(key, [...(byCell.get(key) ?? []), t]);
  }
  return [...byCell].map(([key, offers]) => {
    const [first] = offers;
    if (first === undefined) throw new Error("no offer");
    const held = city.get(key) ?? null;
    const base = { sheet: first.sheet, identity: first.identity, column: first.column, offers };
    if (first.column === progress) {
      const parts = offers.map((o) => `【${o.unit}】${String(o.value)}`);
      const text = [...(held === null ? [] : [String(held)]), ...parts].join("；");
      return { ...base, value: text, conflict: null };
    }
    const values = new Set(offers.map((o) => normEntry(o.column, o.value)));
    if (held !== null) {
      const differs = [...values].some((v) => v !== held);
      return { ...base, value: held, conflict: differs ? "differs_from_book" : null };
    }
    if (values.size > 1) return { ...base, value: null, conflict: "returns_disagree" };
    return { ...base, value: normEntry(first.column, first.value), conflict: null };
  });
}

/** The city's workbook with the expected values typed by hand (ExcelJS, as a user in Excel) and the samples below. */
async function typedByHand(
  from: string,
  to: string,
  expected: readonly Expected[],
  samples: readonly Sample[],
) {
  const book = await load(from);
  for (const cell of expected) {
    if (cell.value === null || cell.conflict !== null) continue;
    const spec = planSheets.find((s) => s.name["zh-CN"] === cell.sheet);
    const sheet = book.getWorksheet(cell.sheet);
    if (spec === undefined || sheet === undefined) throw new Error(`no sheet ${cell.sheet}`);
    const r = rowsOf(sheet, spec).get(cell.identity);
    const c = typedColumnsOf(sheet, spec).get(cell.column);
    if (r === undefined || c === undefined) throw new Error(`no cell for ${cell.identity} ${cell.column}`);
    const offer = cell.offers[0]?.value;
    sheet.getCell(r, c).value = offer instanceof Date ? offer : cell.value;
  }
  const monitoring = book.getWorksheet(monitoringSpec.name["zh-CN"]);
  if (monitoring === undefined) throw new Error("no monitoring sheet");
  const columns = columnsOf(monitoring, monitoringSpec);
  let r = monitoring.rowCount;
  while (r > 3 && norm(monitoring.getCell(r, columns.get("point") ?? 1).value) === null) r -= 1;
  for (const sample of samples) {
    r += 1;
    monitoring.getCell(r, columns.get("point") ?? 0).value = sample.point;
    monitoring.getCell(r, columns.get("sampledOn") ?? 0).value = sample.date;
    monitoring.getCell(r, columns.get("param:ph") ?? 0).value = sample.ph;
    monitoring.getCell(r, columns.get("param:nh3n") ?? 0).value = sample.nh3n;
  }
  await book.xlsx.writeFile(to);
}

/** A task's status in a workbook, as ExcelJS reads it. */
function sheetStatus(book: Awaited<ReturnType<typeof load>>, tasks: string, identity: string): unknown {
  const spec = planSheets.find((s) => s.key === "tasks");
  const sheet = book.getWorksheet(tasks);
  if (spec === undefined || sheet === undefined) throw new Error("no task sheet");
  return norm(
    sheet.getCell(rowsOf(sheet, spec).get(identity) ?? 0, columnsOf(sheet, spec).get("status") ?? 0).value,
  );
}

/** A validation report's verdicts and issues, without what depends on where a row stands. */
function verdicts(report: ValidationReport): unknown {
  return {
    goals: report.goals,
    tasks: report.tasks,
    points: report.points,
    indicators: report.indicators,
    monthlyClasses: report.monthlyClasses,
    counts: report.counts,
    issues: report.issues.map((i) => `${i.sheet}|${i.code}|${i.severity}`).sort(),
  };
}

async function validateJson(book: string): Promise<ValidationReport> {
  const io = await run("validate", book, "--json", "--today", asOf);
  expect(io.err()).toBe("");
  return JSON.parse(io.out()) as ValidationReport;
}

describe("issue 16: a split → fill → merge round on the Liuzhou plan", () => {
  let dir: string;
  let city: string;
  let cityCells: Map<string, string | number>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wp-issue-16-round-"));
    city = join(dir, "柳州市.xlsx");
    const book = XlsxWorkbook.create();
    await runExampleWorkflow(book.port, plan, "zh-CN");
    await book.saveAtomically(city);
    // The example fills every task's status: the city clears some, not yet reported, for units to fill.
    const excel = await load(city);
    const spec = planSheets.find((s) => s.key === "tasks");
    const sheet = spec && excel.getWorksheet(spec.name["zh-CN"]);
    if (spec === undefined || sheet === undefined) throw new Error("no task sheet");
    const columns = columnsOf(sheet, spec);
    for (const [identity, r] of rowsOf(sheet, spec)) {
      if (Number(identity) % 4 !== 0) continue;
      for (const key of ["status", "completedOn"]) sheet.getCell(r, columns.get(key) ?? 0).value = null;
    }
    // And keeps a column of its own on 附件1, which split sends to the units unlocked.
    const own = maxOf(columns.values(), 0) + 1;
    sheet.getCell(3, own).value = "市局备注";
    sheet.getCell(4, own).value = "市里的备注";
    await excel.xlsx.writeFile(city);
    cityCells = entryCells(await load(city));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Splits the city's workbook for `units` into a folder; the files by unit. */
  async function split(by: ScopeBy, units: readonly string[], folder: string): Promise<Map<string, string>> {
    const out = join(dir, folder);
    const io = await run(
      "split",
      city,
      "--by",
      by,
      "--out",
      out,
      ...units.flatMap((u) => ["--unit", u]),
      "--json",
    );
    expect(io.err()).toBe("");
    const report = JSON.parse(io.out()) as { units: { unit: string; file: string }[] };
    return new Map(report.units.map((u) => [u.unit, join(out, u.file)]));
  }

  /** A task both units' files hold with its status empty and unlocked: where they will disagree. */
  async function sharedEmptyTask(a: string, b: string): Promise<string> {
    const held = async (file: string): Promise<Set<string>> => {
      const book = await load(file);
      const spec = planSheets.find((s) => s.key === "tasks");
      const sheet = spec && book.getWorksheet(spec.name["zh-CN"]);
      if (spec === undefined || sheet === undefined) throw new Error("no task sheet");
      const col = columnsOf(sheet, spec).get("status") ?? 0;
      const ids = [...rowsOf(sheet, spec)].filter(([, r]) => norm(sheet.getCell(r, col).value) === null);
      return new Set(ids.map(([id]) => id));
    };
    const inB = await held(b);
    const shared = [...(await held(a))].find((id) => inB.has(id));
    if (shared === undefined) throw new Error("no shared empty task");
    return shared;
  }

  /** A task status the city's workbook holds in this unit's rows (not task `except`): the value the unit changes. */
  async function heldStatus(file: string, except?: string): Promise<{ identity: string; value: string }> {
    const book = await load(file);
    const spec = planSheets.find((s) => s.key === "tasks");
    const sheet = spec && book.getWorksheet(spec.name["zh-CN"]);
    if (spec === undefined || sheet === undefined) throw new Error("no task sheet");
    const col = columnsOf(sheet, spec).get("status") ?? 0;
    for (const [identity, r] of rowsOf(sheet, spec)) {
      const value = norm(sheet.getCell(r, col).value);
      if (typeof value === "string" && identity !== except) return { identity, value };
    }
    throw new Error("the city holds no status in this unit's rows");
  }

  it.each<[ScopeBy, readonly string[]]>([
    ["county", ["柳江区", "鱼峰区", "融安县", "市生态环境局"]],
    ["lead", ["市生态环境局", "市住房城乡建设局", "市水利局"]],
  ])(
    "by %s (%j): every value typed is merged or listed as a conflict, and nothing of the city's is lost",
    async (by, units) => {
      const files = await split(by, units, `round-${by}`);
      const [a, b] = units;
      const fileA = files.get(a ?? "");
      const fileB = files.get(b ?? "");
      if (a === undefined || b === undefined || fileA === undefined || fileB === undefined)
        throw new Error("no files");
      const tasks = planSheets.find((s) => s.key === "tasks")?.name["zh-CN"] ?? "";
      const shared = await sharedEmptyTask(fileA, fileB);
      const changed = await heldStatus(fileB);
      // Unit A empties a status the city holds: the city's value is kept, and the cell listed.
      const emptied = await heldStatus(fileA, changed.identity);
      const otherStatus = (value: string): string => (value === "已完成" ? "推进中" : "已完成");

      const cityProgress = cityCells.get(`${tasks}|${changed.identity}|progress`);
      if (cityProgress === undefined) throw new Error("the city holds no progress text there");

      const typed: Typed[] = [];
      const samples: Sample[] = [];
      const edits: SampleEdit[] = [];
      for (const unit of units) {
        const overrides = new Map<string, string>();
        if (unit === a) overrides.set(`${tasks}|${shared}|status`, "推进中");
        if (unit === b) {
          overrides.set(`${tasks}|${shared}|status`, "已完成");
          overrides.set(`${tasks}|${changed.identity}|status`, otherStatus(changed.value));
          // The unit goes on from the city's own words.
          overrides.set(`${tasks}|${changed.identity}|progress`, `${String(cityProgress)}，${unit}已复核`);
        }
        const filled = await fillReturn(files.get(unit) ?? "", unit, by, { overrides, editSample: true });
        if (unit === a) {
          const book = await load(fileA);
          const spec = planSheets.find((sheet) => sheet.key === "tasks");
          const sheet = spec && book.getWorksheet(spec.name["zh-CN"]);
          if (spec === undefined || sheet === undefined) throw new Error("no task sheet");
          const r = rowsOf(sheet, spec).get(emptied.identity) ?? 0;
          sheet.getCell(r, columnsOf(sheet, spec).get("status") ?? 0).value = null;
          await book.xlsx.writeFile(fileA);
        }
        appendAll(typed, filled.typed);
        appendAll(samples, filled.samples);
        if (filled.edit !== null) edits.push(filled.edit);
      }
      // Before sending, one unit checks its form (marks and 汇总 written into it) and another generates it again.
      const checked = await run("validate", fileA, "--out", fileA, "--today", asOf);
      expect(checked.err()).toBe("");
      const regenerated = await run("generate", "--out", fileB);
      expect(regenerated.err()).toBe("");
      expect(regenerated.exitCode()).toBe(0);
      // A unit holding points imports a monitoring export into its form, as well as typing rows.
      const [firstSample] = samples;
      if (firstSample === undefined) throw new Error("no unit holds points");
      const csv = join(dir, `export-${by}.csv`);
      await writeFile(csv, `断面名称,监测时间,pH,氨氮\n${firstSample.point},2023-06-29 10:00,7.66,0.345\n`);
      const imported = await run(
        "import",
        files.get(firstSample.unit) ?? "",
        csv,
        "--out",
        files.get(firstSample.unit) ?? "",
      );
      expect(imported.err()).toBe("");
      expect(imported.exitCode()).toBe(0);
      expect(typed.filter((t) => t.kind === "change")).toHaveLength(2);
      expect(samples.length).toBeGreaterThan(0);
      expect(edits.length).toBeGreaterThan(0);
      expect(typed.some((t) => t.column === "extra:市局备注")).toBe(true);

      const merged = join(dir, `merged-${by}.xlsx`);
      await copyFile(city, merged);
      const returns = units.map((u) => files.get(u) ?? "");
      const io = await run("merge", merged, ...returns, "--out", merged, "--json");
      expect(io.err()).toBe("");
      const report = JSON.parse(io.out()) as MergeJson;
      expect(report.counts).toMatchObject({ returnsRead: units.length, refused: 0 });
      expect(io.exitCode()).toBe(1); // the conflicts

      const after = await load(merged);
      const afterCells = entryCells(after);
      const expected = expectedCells(cityCells, typed);

      // Every value typed is in the city's workbook, or listed as a conflict with both values.
      for (const cell of expected) {
        const key = `${cell.sheet}|${cell.identity}|${cell.column}`;
        const sheet = after.getWorksheet(cell.sheet);
        const spec = planSheets.find((s) => s.name["zh-CN"] === cell.sheet);
        if (sheet === undefined || spec === undefined) throw new Error(`no sheet ${cell.sheet}`);
        const r = rowsOf(sheet, spec).get(cell.identity) ?? 0;
        const address = sheet.getCell(r, typedColumnsOf(sheet, spec).get(cell.column) ?? 0).address;
        expect({ key, value: normEntry(cell.column, afterCells.get(key) ?? null) }).toEqual({
          key,
          value: cell.value,
        });
        const listed = report.conflicts.filter((c) => c.sheet === cell.sheet && c.cell === address);
        if (cell.conflict === null) {
          expect({ key, listed }).toEqual({ key, listed: [] });
          continue;
        }
        expect({ key, kinds: listed.map((c) => c.kind) }).toEqual({ key, kinds: [cell.conflict] });
        const [conflict] = listed;
        const offered =
          conflict?.values.map((o) => `${o.from.label}=${normEntry(cell.column, o.value)}`) ?? [];
        for (const offer of cell.offers) {
          if (normEntry(cell.column, offer.value) === cell.value) continue;
          expect(offered).toContain(`${offer.unit}=${normEntry(cell.column, offer.value)}`);
        }
        if (cell.conflict === "differs_from_book") expect(conflict?.book).toBe(cityCells.get(key));
      }
      // The deliberate ones among them.
      const kinds = report.conflicts.map((c) => `${c.kind}|${c.row}`);
      expect(kinds).toContain(`returns_disagree|${shared}`);
      expect(kinds).toContain(`differs_from_book|${changed.identity}`);
      expect(report.counts.conflicts).toBe(expected.filter((c) => c.conflict !== null).length + edits.length);

      // The city's values are unchanged (a progress text only gains units' parts after it).
      for (const [key, value] of cityCells) {
        const now = afterCells.get(key);
        if (key.endsWith(`|${progress}`))
          expect({ key, starts: String(now).startsWith(String(value)) }).toEqual({ key, starts: true });
        else expect({ key, now }).toEqual({ key, now: value });
      }
      // Progress texts of several units joined under each unit's name, in the order the returns came.
      const joined = expected.filter((c) => c.column === progress && c.offers.length > 1);
      expect(joined.length).toBeGreaterThan(0);
      for (const cell of joined) expect(String(cell.value)).toMatch(/【[^】]+】.+；【[^】]+】/u);

      // A monitoring row the city sent: its pH kept and the unit's listed, its empty cell filled.
      for (const edit of edits) {
        const monitoring = monitoringSpec.name["zh-CN"];
        expect(sampleCell(after, edit.point, edit.date, "param:ph")).toBe(edit.ph.city);
        expect(sampleCell(after, edit.point, edit.date, edit.filled.column)).toBe(edit.filled.value);
        const listed = report.conflicts.filter(
          (c) =>
            c.sheet === monitoring &&
            c.row.includes(edit.point) &&
            c.values.some((o) => o.value === edit.ph.unit),
        );
        expect({ edit, listed: listed.map((c) => [c.kind, c.book]) }).toEqual({
          edit,
          listed: [["differs_from_book", edit.ph.city]],
        });
      }
      // The status unit A emptied: the city's kept, and listed with the unit and the city's value.
      expect(sheetStatus(after, tasks, emptied.identity)).toBe(emptied.value);
      const statusHeader = planSheets
        .find((sheet) => sheet.key === "tasks")
        ?.columns.find((c) => c.key === "status")?.header["zh-CN"];
      const listedEmpty = report.cleared.filter(
        (c) => c.row === emptied.identity && c.column === statusHeader,
      );
      expect(listedEmpty.map((c) => [c.sheet, c.book, c.from.label])).toEqual([[tasks, emptied.value, a]]);
      expect(report.counts.cleared).toBe(report.cleared.length);
      // The text report lists it too, in either language.
      const text = await run("merge", merged, ...returns);
      expect(text.out()).toContain("退回表中留空、而市级工作簿已有值的单元格");
      expect(text.out()).toMatch(
        new RegExp(
          `（${emptied.identity}，${statusHeader}）：${a}（[^）]+）留空，市级工作簿的“${emptied.value}”保留`,
          "u",
        ),
      );
      const english = await run("--lang", "en", "merge", merged, ...returns);
      expect(english.out()).toContain(
        `${a} (${fileA}) left it empty; the city's workbook keeps "${emptied.value}"`,
      );

      // Every sample added, once.
      const rows = sampleRows(after);
      for (const sample of samples) expect(rows.filter((row) => row === sampleKey(sample))).toHaveLength(1);
      expect(rows.filter((row) => row === `${firstSample.point}|2023-06-29|7.66|0.345`)).toHaveLength(1);

      // Merging the same returns again changes nothing.
      const bytes = await readFile(merged);
      const again = await run("merge", merged, ...returns, "--out", merged, "--json");
      expect(again.err()).toBe("");
      expect((JSON.parse(again.out()) as MergeJson).written).toBeNull();
      expect((await readFile(merged)).equals(bytes)).toBe(true);

      // The merged workbook validates as the same entries typed by hand into the city's workbook.
      const byHand = join(dir, `by-hand-${by}.xlsx`);
      const importedSample = {
        ...firstSample,
        date: new Date(Date.UTC(2023, 5, 29, 10)),
        ph: 7.66,
        nh3n: 0.345,
      };
      await typedByHand(city, byHand, expected, [...samples, importedSample]);
      expect(entryCells(await load(byHand))).toEqual(afterCells);
      expect(verdicts(await validateJson(merged))).toEqual(verdicts(await validateJson(byHand)));
    },
  );

  it("by county and by lead over every unit: one value typed in each return reaches the city's workbook", async () => {
    for (const by of ["county", "lead"] as const) {
      const units = scopeUnits(plan, by);
      const files = await split(by, [], `light-${by}`);
      expect([...files.keys()].sort()).toEqual([...units].sort());
      expect(await readdir(join(dir, `light-${by}`))).toHaveLength(units.length);
      const typed: Typed[] = [];
      for (const unit of units) {
        const filled = await fillReturn(files.get(unit) ?? "", unit, by, { light: true });
        expect({ unit, typed: filled.typed.length > 0 }).toEqual({ unit, typed: true });
        appendAll(typed, filled.typed);
      }
      const merged = join(dir, `light-merged-${by}.xlsx`);
      await copyFile(city, merged);
      const io = await run(
        "merge",
        merged,
        ...units.map((u) => files.get(u) ?? ""),
        "--out",
        merged,
        "--json",
      );
      expect(io.err()).toBe("");
      const report = JSON.parse(io.out()) as MergeJson;
      expect(report.counts).toMatchObject({ returnsRead: units.length, refused: 0 });
      const afterCells = entryCells(await load(merged));
      const expected = expectedCells(cityCells, typed);
      for (const cell of expected) {
        const key = `${cell.sheet}|${cell.identity}|${cell.column}`;
        if (cell.conflict !== null) {
          expect(report.conflicts.some((c) => c.sheet === cell.sheet && c.kind === cell.conflict)).toBe(true);
          continue;
        }
        expect({ key, value: normEntry(cell.column, afterCells.get(key) ?? null) }).toEqual({
          key,
          value: cell.value,
        });
      }
      for (const [key, value] of cityCells) {
        if (!key.endsWith(`|${progress}`))
          expect({ key, now: afterCells.get(key) }).toEqual({ key, now: value });
      }
    }
  });
});
