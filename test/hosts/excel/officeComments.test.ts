import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { HostError } from "../../../src/hosts/hostError";
import { writeExampleEntries } from "../../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { addInNoteMarker, type WorkbookPort } from "../../../src/workbook/port";
import { validateWorkbook, type ValidateOutcome } from "../../../src/workbook/validate/validateWorkbook";
import { EXCEL_COLUMNS } from "../../fakes/excel/fakeGeometry";
import type { FakeSheetState } from "../../fakes/excel/fakeSheetState";
import {
  commentAt,
  createOfficeHarness,
  enterCommentAsUser,
  type OfficeHarness,
  typingDuring,
} from "./officeHarness";

const tasks = "附件1 任务清单";

// Whole-workbook validations over the fake take a few seconds on a busy machine.
jest.setTimeout(60_000);

/** The example workbook (good, doubtful and wrong entries) in an Excel of the given ExcelApi. */
async function exampleIn(excelApi: string): Promise<OfficeHarness> {
  const harness = await createOfficeHarness({ excel: { excelApi, sheetNames: ["Sheet1"] } });
  await generateWorkbook(harness.port, plan, { locale: "zh-CN", publishedOn: "2023-03-20" });
  await writeExampleEntries(harness.port, plan, "zh-CN");
  await generateWorkbook(harness.port, plan, { locale: "zh-CN" });
  return harness;
}

function validate(port: WorkbookPort): Promise<ValidateOutcome> {
  return validateWorkbook(port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
}

/** Every sheet's comments, as "sheet!cell text" lines in cell order, ids aside. */
function commentsOf(harness: OfficeHarness): string[] {
  return harness.excel.state.sheets.flatMap((sheet) =>
    [...sheet.comments].sort((a, b) => a.key - b.key).map((c) => `${sheet.name}!${c.key} ${c.content}`),
  );
}

/** Every sheet's notes, as "sheet!cell text" lines in cell order. */
function notesOf(harness: OfficeHarness): string[] {
  return harness.excel.state.sheets.flatMap((sheet) =>
    [...sheet.notes].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${sheet.name}!${k} ${n.content}`),
  );
}

function addInComments(sheet: FakeSheetState): number {
  return sheet.comments.filter((c) => c.content.startsWith(addInNoteMarker)).length;
}

describe("validation's marks in an Excel without notes (ExcelApi 1.18) but with comments (1.10)", () => {
  it("writes each mark's text as a comment starting with 【校验】, and no note", async () => {
    const harness = await exampleIn("1.17");
    expect(harness.port.markTexts).toBe("comments");
    const outcome = await validate(harness.port);
    expect(outcome.ok).toBe(true);
    const probe = (await harness.sheet(tasks))!;
    expect(probe.fillAt("L4")).toBe("#FFC7CE");
    expect(commentAt(harness.excel.state, tasks, "L4")).toContain(addInNoteMarker);
    expect(harness.excel.state.sheets.every((s) => s.notes.size === 0)).toBe(true);
    const all = harness.excel.state.sheets.flatMap((s) => s.comments);
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((c) => c.content.startsWith(addInNoteMarker))).toBe(true);
    // The same round trips as with notes: the write's check (which surveys the comments) and the write.
    const write = harness.port.stats.lastWrite!;
    expect(write.syncs - write.extraChunks).toBe(2);
  });

  it("clears and rewrites only its own comments when validating again, keeping a user's", async () => {
    const harness = await exampleIn("1.17");
    const state = harness.excel.state;
    // A user's comment on a cell validation marks (L4), and one on a cell it does not.
    enterCommentAsUser(state, tasks, "L4", "张三：状态待确认");
    enterCommentAsUser(state, tasks, "B5", "李四：名称已核");
    expect((await validate(harness.port)).ok).toBe(true);
    const first = commentsOf(harness);
    const firstIds = state.sheets.flatMap((s) => s.comments.map((c) => c.id));
    expect((await validate(harness.port)).ok).toBe(true);

    expect(commentsOf(harness)).toEqual(first);
    // Every one of the add-in's comments is new; the users' comments are the same threads.
    const kept = state.sheets.flatMap((s) => s.comments).filter((c) => firstIds.includes(c.id));
    expect(kept.map((c) => c.content).sort()).toEqual(["张三：状态待确认", "李四：名称已核"].sort());
    // The user's comment on a marked cell stays as it was, with no reply and no second thread;
    // the fill and the task pane's list carry that mark.
    expect(commentAt(state, tasks, "L4")).toBe("张三：状态待确认");
    expect((await harness.sheet(tasks))!.fillAt("L4")).toBe("#FFC7CE");
    expect(addInComments(state.sheetByName(tasks)!)).toBeGreaterThan(0);
  });

  it("writes the same report as in an Excel with notes", async () => {
    const withNotes = await exampleIn("1.18");
    const withComments = await exampleIn("1.17");
    const a = await validate(withNotes.port);
    const b = await validate(withComments.port);
    expect(b).toEqual(a);
    const noteTexts = withNotes.excel.state.sheets.flatMap((s) =>
      [...s.notes].sort((x, y) => x[0] - y[0]).map(([k, n]) => `${s.name}!${k} ${n.content}`),
    );
    expect(commentsOf(withComments)).toEqual(noteTexts);
  });

  it("keeps the validation when Excel refuses a comment, reports it, and the next run writes it", async () => {
    const harness = await exampleIn("1.17");
    harness.excel.injectFault({ when: (op) => op.path.endsWith(".comments") && op.action === "add" });
    const outcome = await validate(harness.port);
    expect(outcome.ok).toBe(true);
    expect(harness.excel.faultsFired).toBe(1);
    const failures = harness.port.stats.lastWrite!.cosmeticFailures;
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(HostError);
    // The marks' fills and the report stand; comments after the refused one wait for the next run.
    expect((await harness.sheet(tasks))!.fillAt("L4")).toBe("#FFC7CE");
    const clean = await exampleIn("1.17");
    await validate(clean.port);
    expect(commentsOf(harness).length).toBeLessThan(commentsOf(clean).length);
    expect(await validate(harness.port)).toEqual(outcome);
    expect(commentsOf(harness)).toEqual(commentsOf(clean));
  });

  it("writes nothing when a user added a comment between the read and the write", async () => {
    const harness = await exampleIn("1.17");
    const port = typingDuring(harness.port, () => {
      enterCommentAsUser(harness.excel.state, tasks, "M9", "张三：待核实");
    });
    await expect(validate(port)).rejects.toMatchObject({ code: "workbook_changed" });
    expect(commentsOf(harness)).toEqual([`${tasks}!${8 * EXCEL_COLUMNS + 12} 张三：待核实`]);
  });
});

describe("validation's notes (ExcelApi 1.18) beside a user's comments", () => {
  const l4 = `${tasks}!${3 * EXCEL_COLUMNS + 11}`;

  it("keeps a user's comment on a marked cell, writes no note there, and validating again is stable", async () => {
    const clean = await exampleIn("1.18");
    const expected = await validate(clean.port);
    expect(notesOf(clean).some((line) => line.startsWith(`${l4} `))).toBe(true);

    const harness = await exampleIn("1.18");
    const state = harness.excel.state;
    // A user's comment on a cell validation marks (L4), and one on a cell it does not.
    enterCommentAsUser(state, tasks, "L4", "张三：状态待确认");
    enterCommentAsUser(state, tasks, "B5", "李四：名称已核");
    const comments = commentsOf(harness);
    const outcome = await validate(harness.port);
    // The same report (the pane's list) as without the comments, and no failure.
    expect(outcome).toEqual(expected);
    expect(outcome.ok).toBe(true);
    expect(harness.port.stats.lastWrite!.cosmeticFailures).toEqual([]);
    // The user's comments stay as they were; L4 holds no note but keeps its fill; every other
    // cell's note is the one a workbook without comments gets.
    expect(commentsOf(harness)).toEqual(comments);
    expect(commentAt(state, tasks, "L4")).toBe("张三：状态待确认");
    expect((await harness.sheet(tasks))!.fillAt("L4")).toBe("#FFC7CE");
    expect(notesOf(harness)).toEqual(notesOf(clean).filter((line) => !line.startsWith(`${l4} `)));
    // The comments are surveyed in the syncs the notes' survey spends: read 2, check 1, write 1.
    const read = harness.port.stats.lastRead!;
    const write = harness.port.stats.lastWrite!;
    expect(read.syncs - read.extraChunks + write.syncs - write.extraChunks).toBe(4);
    expect(read.syncs + write.syncs).toBe(
      clean.port.stats.lastRead!.syncs + clean.port.stats.lastWrite!.syncs,
    );

    const notes = notesOf(harness);
    expect(await validate(harness.port)).toEqual(outcome);
    expect(notesOf(harness)).toEqual(notes);
    expect(commentsOf(harness)).toEqual(comments);
  });

  it("writes nothing when a user added a comment between the read and the write", async () => {
    const harness = await exampleIn("1.18");
    const port = typingDuring(harness.port, () => {
      enterCommentAsUser(harness.excel.state, tasks, "M9", "张三：待核实");
    });
    const notes = notesOf(harness);
    await expect(validate(port)).rejects.toMatchObject({ code: "workbook_changed" });
    expect(notesOf(harness)).toEqual(notes);
  });

  it("replaces with notes the comments it wrote in an Excel without notes", async () => {
    const older = await exampleIn("1.17");
    await validate(older.port);
    expect(addInComments(older.excel.state.sheetByName(tasks)!)).toBeGreaterThan(0);
    enterCommentAsUser(older.excel.state, tasks, "B5", "李四：名称已核");
    // The same workbook opened in an Excel with notes.
    const newer = await createOfficeHarness({ excel: { excelApi: "1.18", state: older.excel.state } });
    const outcome = await validate(newer.port);
    expect(outcome.ok).toBe(true);
    expect(commentsOf(newer)).toEqual([`${tasks}!${4 * EXCEL_COLUMNS + 1} 李四：名称已核`]);
    const clean = await exampleIn("1.18");
    expect(outcome).toEqual(await validate(clean.port));
    expect(notesOf(newer)).toEqual(notesOf(clean));
  });
});

describe("validation's marks in an Excel with neither notes nor comments (ExcelApi 1.9)", () => {
  it("marks with fills only, and fails nowhere", async () => {
    const harness = await exampleIn("1.9");
    expect(harness.port.markTexts).toBeNull();
    expect(harness.port.features.notes).toBe(false);
    enterCommentAsUser(harness.excel.state, tasks, "B5", "李四：名称已核");
    expect((await validate(harness.port)).ok).toBe(true);
    expect((await validate(harness.port)).ok).toBe(true);
    expect((await harness.sheet(tasks))!.fillAt("L4")).toBe("#FFC7CE");
    expect(commentsOf(harness)).toEqual([`${tasks}!${4 * EXCEL_COLUMNS + 1} 李四：名称已核`]);
    expect(harness.excel.state.sheets.every((s) => s.notes.size === 0)).toBe(true);
    expect(harness.excel.apiUses.has("1.10")).toBe(false);
    expect(harness.excel.apiUses.has("1.18")).toBe(false);
  });
});
