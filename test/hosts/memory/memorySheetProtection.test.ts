import { protectedSheetsOf } from "../../../src/hosts/hostError";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import type { SheetPatch } from "../../../src/workbook/port";
import { makeLayout } from "../xlsx/sampleLayouts";

const name = "附件2 国控断面";
const d4 = { row: 3, col: 3, rowCount: 1, colCount: 1 };
const patch: SheetPatch = {
  sheet: name,
  values: [{ rect: d4, values: [["Ⅲ类"]] }],
  fills: [],
  notes: [],
  clearNotes: null,
};

async function bookWith(layout = makeLayout()): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await book.port.write({ sheets: [{ layout, mode: "create" }], activate: null });
  return book;
}

describe("the memory host and protected sheets", () => {
  it("writes anew a sheet the layout protected, keeping its protection when the new layout brings none", async () => {
    const book = await bookWith(makeLayout({ protection: { unlocked: [d4] } }));
    await book.port.write({
      sheets: [{ layout: makeLayout(), mode: "replace" }],
      patches: [],
      activate: null,
    });
    await book.port.write({ sheets: [], patches: [patch], activate: null });
    const sheet = book.sheet(name);
    expect(sheet?.get(3, 3)).toBe("Ⅲ类");
    expect(sheet?.lockedAt(3, 3)).toBe(false);
    expect(sheet?.lockedAt(3, 2)).toBe(true);
  });

  it("keeps a user's protection without a password over a write", async () => {
    const book = await bookWith();
    book.sheet(name)?.protect({ unlocked: [d4] }, { password: false });
    await book.port.write({ sheets: [{ layout: makeLayout(), mode: "replace" }], activate: null });
    await book.port.write({ sheets: [], patches: [patch], activate: null });
    expect(book.sheet(name)?.get(3, 3)).toBe("Ⅲ类");
    expect(book.sheet(name)?.lockedAt(3, 3)).toBe(false);
    expect(book.sheet(name)?.lockedAt(4, 3)).toBe(true);
  });

  it("refuses a sheet protected with a password, writing nothing", async () => {
    const book = await bookWith();
    book.sheet(name)?.protect({ unlocked: [d4] }, { password: true });
    for (const batch of [
      { sheets: [], patches: [patch], activate: null },
      { sheets: [{ layout: makeLayout(), mode: "replace" as const }], activate: null },
    ]) {
      const error: unknown = await book.port.write(batch).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "HostError", code: "sheet_protected" });
      expect(protectedSheetsOf(error)).toEqual([name]);
    }
    expect(book.sheet(name)?.get(3, 3)).toBeNull();
    expect(book.sheet(name)?.lockedAt(3, 3)).toBe(false);
  });
});
