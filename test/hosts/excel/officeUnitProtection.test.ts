import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { addInProtectionOptions } from "../../../src/hosts/excel/protectionSteps";
import { sendWrite } from "../../../src/hosts/excel/sendWrite";
import type { WriteKnowledge } from "../../../src/hosts/excel/writeStep";
import type { UnitWorkbook } from "../../../src/workbook/exchange/splitWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { CellRect } from "../../../src/workbook/layout";
import type { WriteBatch } from "../../../src/workbook/port";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import { key } from "../../fakes/excel/fakeGeometry";
import { liujiangUnit } from "./liujiangUnit";
import { createOfficeHarness, type OfficeHarness } from "./officeHarness";

const tasks = "附件1 任务清单";

let unit: UnitWorkbook;
beforeAll(async () => {
  unit = await liujiangUnit();
});

/** A fake Excel holding the unit's workbook as the Office host writes it. */
async function unitInExcel(): Promise<OfficeHarness> {
  const harness = await createOfficeHarness();
  await harness.port.write(unit.batch);
  return harness;
}

/** The sheets the unit's layouts protect, with their unlocked cells. */
function protectedLayouts(): { name: string; unlocked: readonly CellRect[] }[] {
  return unit.batch.sheets.flatMap(({ layout }) =>
    layout.protection === undefined ? [] : [{ name: layout.name, unlocked: layout.protection.unlocked }],
  );
}

/** Each protected layout's sheet is protected in the fake, its entry cells unlocked, A1 locked. */
function expectProtectedAsLaid(harness: OfficeHarness): void {
  const layouts = protectedLayouts();
  expect(layouts.map((l) => l.name)).toContain(tasks);
  for (const { name, unlocked } of layouts) {
    const sheet = harness.excel.state.sheetByName(name)!;
    expect(sheet.protected).toBe(true);
    expect(sheet.protectionOptions).toMatchObject(addInProtectionOptions);
    expect(sheet.formatAt(0, 0, "locked")).toBe(true);
    for (const rect of unlocked) {
      expect(sheet.formatAt(rect.row, rect.col, "locked")).toBe(false);
      expect(sheet.formatAt(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1, "locked")).toBe(
        false,
      );
    }
  }
}

/** The first entry cell of 附件1 (zero-based). */
function firstEntryCell(): { row: number; col: number } {
  const rect = protectedLayouts().find((l) => l.name === tasks)!.unlocked[0]!;
  return { row: rect.row, col: rect.col };
}

describe("the Office host and a workbook split for a unit (protected plan columns)", () => {
  it("writes the layout's protection: plan columns locked, entry cells unlocked, no password", async () => {
    expectProtectedAsLaid(await unitInExcel());
  });

  it("validates and summarises it, marking inside protected sheets, and leaves them protected", async () => {
    const harness = await unitInExcel();
    const { row, col } = firstEntryCell();
    harness.excel.state.sheetByName(tasks)!.values.set(key(row, col), "不是一个状态");
    const outcome = await validateWorkbook(harness.port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
    expect(outcome.ok).toBe(true);
    expect(harness.excel.state.sheetByName("汇总")).toBeDefined();
    // The mark went into the protected sheet: the bad entry's cell is filled.
    expect(harness.excel.state.sheetByName(tasks)!.formatAt(row, col, "fill")).not.toBeNull();
    expect(harness.port.stats.lastWrite?.cosmeticFailures).toEqual([]);
    expectProtectedAsLaid(harness);
  });

  it("lifts and restores protection inside the write's own requests: no extra sync", async () => {
    const asSent = await unitInExcel();
    const unprotected = await unitInExcel();
    for (const sheet of unprotected.excel.state.sheets) sheet.protected = false;
    const options = { locale: "zh-CN", asOf: "2023-06-30" } as const;
    await validateWorkbook(asSent.port, plan, options);
    await validateWorkbook(unprotected.port, plan, options);
    expect(asSent.port.stats.lastWrite?.syncs).toBe(unprotected.port.stats.lastWrite?.syncs);
    expect(asSent.excel.state.sheetByName(tasks)!.protected).toBe(true);
  });

  it("generates again into it, keeping what the unit entered, and protects it again", async () => {
    const harness = await unitInExcel();
    const { row, col } = firstEntryCell();
    harness.excel.state.sheetByName(tasks)!.values.set(key(row, col), "已完成");
    const outcome = await generateWorkbook(harness.port, plan, { locale: "zh-CN" });
    expect(outcome.ok).toBe(true);
    expect(harness.excel.state.sheetByName(tasks)!.valueAt(row, col)).toBe("已完成");
    expect(harness.port.stats.lastWrite?.cosmeticFailures).toEqual([]);
    expectProtectedAsLaid(harness);
  });

  it("is refused by the fake Excel when the write does not unprotect first (the fake catches a missing step)", async () => {
    const harness = await unitInExcel();
    const { row, col } = firstEntryCell();
    const batch: WriteBatch = {
      sheets: [],
      patches: [
        {
          sheet: tasks,
          values: [],
          fills: [{ rect: { row, col, rowCount: 1, colCount: 1 }, fill: "#FFC7CE" }],
          notes: [],
          clearNotes: null,
        },
      ],
      activate: null,
      reprotect: true,
    };
    const known = (protectedSheets: WriteKnowledge["protectedSheets"]): WriteKnowledge => ({
      tables: new Map(),
      charts: new Map(),
      notes: new Map(),
      scratch: new Set(),
      windows: new Map(),
      formulaLikeTexts: new Set(),
      markTexts: null,
      canResizeTables: true,
      protectedSheets,
      witness: "test",
    });
    const send = (protectedSheets: WriteKnowledge["protectedSheets"]): Promise<unknown> =>
      harness.excel.run((context) =>
        sendWrite(
          context as unknown as Excel.RequestContext,
          batch,
          known(protectedSheets),
          (c) => c.sync(),
          {
            budget: 4_000_000,
          },
        ),
      );
    // Not told the sheet is protected, the write skips the unprotect step: Excel refuses the fill.
    await expect(send(new Map())).rejects.toMatchObject({ code: "AccessDenied" });
    expect(harness.excel.state.sheetByName(tasks)!.formatAt(row, col, "fill")).not.toBe("#FFC7CE");
    await send(new Map([[tasks.toLowerCase(), addInProtectionOptions]]));
    expect(harness.excel.state.sheetByName(tasks)!.formatAt(row, col, "fill")).toBe("#FFC7CE");
    expect(harness.excel.state.sheetByName(tasks)!.protected).toBe(true);
  });

  it("reports a refused protect as finishing and puts the protection back after it", async () => {
    const clean = await unitInExcel();
    expect((await generateWorkbook(clean.port, plan, { locale: "zh-CN" })).ok).toBe(true);
    const harness = await unitInExcel();
    harness.excel.injectFault({ when: (op) => op.action === "protect" && op.path.includes(tasks) });
    const first = await generateWorkbook(harness.port, plan, { locale: "zh-CN" });
    expect(first.ok).toBe(true);
    expect(harness.excel.faultsFired).toBe(1);
    expect(harness.port.stats.lastWrite?.cosmeticFailures).toHaveLength(1);
    // The failed request held the data too: one sync reads the witness back (the data stood),
    // then the recovery's two (which sheets are open, then protect those).
    expect(harness.port.stats.lastWrite?.syncs).toBe(clean.port.stats.lastWrite!.syncs + 1 + 2);
    expectProtectedAsLaid(harness);
    expect((await generateWorkbook(harness.port, plan, { locale: "zh-CN" })).ok).toBe(true);
    expectProtectedAsLaid(harness);
  });

  it("keeps the unit's entries when the write fails after lifting protection, and a rerun restores it", async () => {
    const harness = await unitInExcel();
    const { row, col } = firstEntryCell();
    harness.excel.state.sheetByName(tasks)!.values.set(key(row, col), "已完成");
    // The first values written to 附件1 after its protection was lifted fail, as a lost connection would.
    harness.excel.injectFault({ when: (op) => op.path.includes(tasks) && op.action === "set values" });
    await expect(generateWorkbook(harness.port, plan, { locale: "zh-CN" })).rejects.toBeDefined();
    expect(harness.excel.faultsFired).toBe(1);
    expect((await generateWorkbook(harness.port, plan, { locale: "zh-CN" })).ok).toBe(true);
    expect(harness.excel.state.sheetByName(tasks)!.valueAt(row, col)).toBe("已完成");
    expectProtectedAsLaid(harness);
  });

  it("still refuses a protected sheet of a workbook that is not a unit's (the user's protection)", async () => {
    const harness = await unitInExcel();
    await expect(
      harness.port.write({
        sheets: [],
        patches: [
          {
            sheet: tasks,
            values: [{ rect: { ...firstEntryCell(), rowCount: 1, colCount: 1 }, values: [["已完成"]] }],
            fills: [],
            notes: [],
            clearNotes: null,
          },
        ],
        activate: null,
      }),
    ).rejects.toMatchObject({ code: "sheet_protected" });
  });
});
