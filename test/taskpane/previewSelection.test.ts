import { liuzhou2023Plan } from "../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { currentRegion } from "../../src/taskpane/preview/currentRegion";
import { previewPaneHost } from "../../src/taskpane/preview/previewHost";

function bookWithBlock(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  const sheet = book.addSheet("粘贴");
  // A title, a blank row, then a block of 3 × 3 starting at B3, and a stray value far away.
  sheet.set(0, 0, "标题");
  [
    ["断面名称", "监测时间", "氨氮"],
    ["露塘", "05-01 04:00", 0.12],
    ["大洲", "", 0.2],
  ].forEach((cells, r) => {
    cells.forEach((value, c) => {
      sheet.set(2 + r, 1 + c, value);
    });
  });
  sheet.set(40, 20, "x");
  return book;
}

describe("the preview's selection", () => {
  it("is the block around the active cell, as Excel's current region", () => {
    const sheet = bookWithBlock().sheet("粘贴")!;
    expect(currentRegion(sheet, 3, 2)).toEqual({ row: 2, col: 1, rowCount: 3, colCount: 3 });
    expect(currentRegion(sheet, 4, 2)).toEqual({ row: 2, col: 1, rowCount: 3, colCount: 3 });
    expect(currentRegion(sheet, 20, 10)).toBeNull();
  });

  it("reaches the pane as values with the range's address", async () => {
    const book = bookWithBlock();
    const host = previewPaneHost(book, () => Promise.resolve(liuzhou2023Plan), {
      onWritten: () => undefined,
      onSelect: () => undefined,
      active: () => ({ sheet: "粘贴", row: 3, col: 1 }),
    });
    const selected = await host.readSelection?.();
    expect(selected).toEqual({
      sheet: "粘贴",
      address: "粘贴!B3:D5",
      values: [
        ["断面名称", "监测时间", "氨氮"],
        ["露塘", "05-01 04:00", 0.12],
        ["大洲", "", 0.2],
      ],
    });
  });
});
