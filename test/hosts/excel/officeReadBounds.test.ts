import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { readBounds } from "../../../src/workbook/port";
import { key } from "../../fakes/excel/fakeGeometry";
import { createOfficeHarness, enterAsUser, generatedOffice } from "./officeHarness";

const tasks = "附件1 任务清单";

const generated = generatedOffice;

describe("the Office host's read, bounded around the add-in's tables (readBounds)", () => {
  it("leaves a stray value in A300000 unread, counts it, and costs no more round trips for it", async () => {
    const harness = await generated();
    await harness.port.read([tasks]);
    const plain = harness.port.stats.lastRead!.syncs;
    enterAsUser(harness.excel.state, tasks, "A300000", "x");

    const snapshot = await harness.port.read([tasks]);
    const sheet = snapshot.sheets.get(tasks)!;
    expect(sheet.ignored).toEqual({ count: 1, first: "A300000" });
    // The table ends on row 56; the read stops within readBounds.rowsBelowTables of it.
    expect(sheet.startRow + sheet.values.length).toBeLessThanOrEqual(56 + readBounds.rowsBelowTables);
    expect(harness.port.stats.lastRead!.syncs).toBeLessThanOrEqual(plain + 1);
    expect(harness.port.stats.lastRead!.extraChunks).toBe(0);
  });

  it("reads a value in XFD1048576 as one ignored cell instead of hanging", async () => {
    const harness = await generated();
    enterAsUser(harness.excel.state, tasks, "XFD1048576", "far");
    enterAsUser(harness.excel.state, tasks, "AZ70", "near");
    const snapshot = await harness.port.read([tasks]);
    const sheet = snapshot.sheets.get(tasks)!;
    expect(sheet.ignored).toEqual({ count: 2, first: "AZ70" });
    const table = harness.excel.state.tables.find((t) => t.name === "WP_Tasks")!;
    expect(sheet.startCol + sheet.values[0]!.length).toBeLessThanOrEqual(
      table.rect.col + table.rect.colCount + readBounds.columnsRightOfTables,
    );
  }, 20_000);

  it("reads rows appended below a table and a column added beside it, and reports nothing ignored", async () => {
    const harness = await generated();
    enterAsUser(harness.excel.state, tasks, "A80", "补充任务");
    enterAsUser(harness.excel.state, tasks, "P4", "我的列");
    const sheet = (await harness.port.read([tasks])).sheets.get(tasks)!;
    expect(sheet.ignored).toBeUndefined();
    expect(sheet.values[79 - sheet.startRow]?.[0]).toBe("补充任务");
    expect(sheet.values[3 - sheet.startRow]?.[15 - sheet.startCol]).toBe("我的列");
  });

  it("reads a sheet without tables within readBounds.withoutTables", async () => {
    const harness = await createOfficeHarness({ excel: { sheetNames: ["我的台账"] } });
    enterAsUser(harness.excel.state, "我的台账", "B2", "自己的数据");
    enterAsUser(harness.excel.state, "我的台账", "A5000", "远处");
    const sheet = (await harness.port.read(["我的台账"])).sheets.get("我的台账")!;
    // The used range starts in column A (for A5000); the block read stops at row 2000.
    expect(sheet).toMatchObject({ startRow: 1, startCol: 0, values: [["", "自己的数据"]] });
    expect(sheet.ignored).toEqual({ count: 1, first: "A5000" });
  });

  it("lets generation see the stray value it did not read, so that it refuses and writes nothing", async () => {
    const harness = await generated();
    enterAsUser(harness.excel.state, tasks, "A300000", "x");
    enterAsUser(harness.excel.state, tasks, "L9", "已完成");
    const before = harness.excel.syncCount;
    expect(await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).toEqual({
      ok: false,
      problems: [{ code: "cells_outside_tables", sheet: tasks, first: "A300000", count: 1 }],
    });
    expect(harness.excel.syncCount - before).toBe(harness.port.stats.lastRead!.syncs);
    const sheet = harness.excel.state.sheetByName(tasks)!;
    expect(sheet.values.get(key(299_999, 0))).toBe("x");
    expect(sheet.valueAt(8, 11)).toBe("已完成");
  });
});
