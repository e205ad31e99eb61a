import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { HostError } from "../../../src/hosts/hostError";
import { WorkbookChangedError } from "../../../src/hosts/excel/checkUnchanged";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { addInNoteMarker, type SheetPatch } from "../../../src/workbook/port";
import { key } from "../../fakes/excel/fakeGeometry";
import {
  createOfficeHarness,
  enterAsUser,
  enterNoteAsUser,
  growTableTo,
  type OfficeHarness,
  generatedOffice,
  typingDuring,
} from "./officeHarness";

const tasks = "附件1 任务清单";
const monitoring = "监测数据";

const generated = generatedOffice;

/** What update threw, checked to be the HostError a change between read and write makes. */
async function changeOf(promise: Promise<unknown>): Promise<WorkbookChangedError> {
  const failure = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(HostError);
  // Its own code, so that the task pane and the CLI can say "changed meanwhile; run again".
  expect((failure as HostError).code).toBe("workbook_changed");
  const cause = (failure as HostError).cause;
  expect(cause).toBeInstanceOf(WorkbookChangedError);
  return cause as WorkbookChangedError;
}

describe("the Office host's update", () => {
  it("reads, plans and writes in one Excel.run", async () => {
    const harness = await generated();
    const runs = harness.excel.runCount;
    await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
    expect(harness.excel.runCount - runs).toBe(1);
  });

  it("writes nothing when a user typed between the read and the write, and the next run keeps it", async () => {
    const harness = await generated();
    const state = harness.excel.state;
    const sheet = state.sheetByName(tasks)!;
    const before = harness.excel.syncCount;
    const change = await changeOf(
      generateWorkbook(
        typingDuring(harness.port, () => {
          enterAsUser(state, tasks, "L9", "已完成");
        }),
        liuzhou2023Plan,
        { locale: "zh-CN" },
      ),
    );
    expect(change).toMatchObject({ sheet: tasks, cell: "L9" });
    // The read (2 syncs) and the check (1): nothing was sent that writes.
    expect(harness.excel.syncCount - before).toBe(3);
    expect(sheet.valueAt(8, 11)).toBe("已完成");

    expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
    expect(sheet.valueAt(8, 11)).toBe("已完成");
  });

  it("keeps a value typed below what was read: a replace clears only what its read saw", async () => {
    const harness = await generated();
    const state = harness.excel.state;
    const outcome = await generateWorkbook(
      typingDuring(harness.port, () => {
        enterAsUser(state, monitoring, "A40", "露塘");
      }),
      liuzhou2023Plan,
      { locale: "zh-CN" },
    );
    expect(outcome.ok).toBe(true);
    expect(state.sheetByName(monitoring)!.valueAt(39, 0)).toBe("露塘");
  });

  it("writes nothing when a sheet it would create was made meanwhile", async () => {
    const harness = await createOfficeHarness();
    const change = await changeOf(
      generateWorkbook(
        typingDuring(harness.port, () => {
          harness.excel.state.addSheet(tasks);
        }),
        liuzhou2023Plan,
        { locale: "zh-CN" },
      ),
    );
    expect(change.sheet).toBe(tasks);
    expect(harness.excel.state.sheets.map((s) => s.name)).toEqual([tasks]);
  });

  it("writes no marks when a note was added between the read and a validation write", async () => {
    const harness = await generated();
    const port = typingDuring(harness.port, () => {
      enterNoteAsUser(harness.excel.state, tasks, "M9", "张三：待核实");
    });
    await changeOf(
      port.update([tasks], {}, () => ({
        batch: { sheets: [], activate: null, patches: [marks(tasks, [7], 11)] },
        result: null,
      })),
    );
    expect(harness.excel.state.sheetByName(tasks)!.notes.size).toBe(1);
  });
});

/** Validation's marks on the given zero-based rows of a sheet's first entry column: fills and notes. */
function marks(sheet: string, rows: readonly number[], column = 10): SheetPatch {
  return {
    sheet,
    values: [],
    fills: [
      { rect: { row: 3, col: column, rowCount: 53, colCount: 1 }, fill: "#FFF8DC" },
      ...rows.map((row) => ({ rect: { row, col: column, rowCount: 1, colCount: 1 }, fill: "#FFC7CE" })),
    ],
    clearNotes: { row: 3, col: 0, rowCount: rows.reduce((a, b) => Math.max(a, b), 53), colCount: 40 },
    notes: rows.map((row) => ({ row, col: column, text: `${addInNoteMarker}第${row + 1}行有误` })),
  };
}

describe("the Office host's validation write", () => {
  /** `rows` monitoring rows entered, every tenth marked by a validation run made twice. */
  async function validateTwice(rows: number): Promise<OfficeHarness> {
    const harness = await generated();
    const sheet = harness.excel.state.sheetByName(monitoring)!;
    for (let r = 0; r < rows; r += 1) {
      sheet.values.set(key(3 + r, 0), "露塘");
      sheet.values.set(key(3 + r, 1), 44927 + (r % 365));
      for (let c = 2; c < 31; c += 1) sheet.values.set(key(3 + r, c), ((r * 7 + c) % 100) / 10);
    }
    growTableTo(harness.excel.state, "WP_Monitoring", 2 + rows);
    const marked = Array.from({ length: Math.ceil(rows / 10) }, (_, i) => 3 + i * 10);
    for (const run of [0, 1]) {
      const patch = {
        ...marks(monitoring, marked, 2 + run),
        clearNotes: { row: 3, col: 0, rowCount: rows, colCount: 32 },
      };
      await harness.port.update([monitoring], {}, () => ({
        batch: { sheets: [], activate: null, patches: [patch] },
        result: null,
      }));
    }
    // The second run removed the first run's notes and wrote its own.
    expect(sheet.notes.size).toBe(marked.length);
    expect([...sheet.notes.values()].every((n) => n.content.startsWith(addInNoteMarker))).toBe(true);
    return harness;
  }

  it.each([100, 1_000, 10_000])(
    "takes 2 syncs after its read with %i monitoring rows, chunks aside",
    async (rows) => {
      const harness = await validateTwice(rows);
      const write = harness.port.stats.lastWrite!;
      expect(write.syncs - write.extraChunks).toBe(2);
      expect(harness.excel.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    },
    60_000,
  );
});
