import { type Protection, Workbook, type Worksheet } from "exceljs";
import { protectedSheetsOf } from "../../../src/hosts/hostError";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { deflatedEntry, inflateEntry, readZip, writeZip } from "../../../src/hosts/xlsx/zipArchive";
import type { SheetPatch } from "../../../src/workbook/port";
import { makeLayout } from "./sampleLayouts";

const name = "附件2 国控断面";

/** ExcelJS keeps `<sheetProtection>` outside its typings. */
function protectionOf(sheet: Worksheet | undefined): Record<string, unknown> | null {
  return (sheet as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection ?? null;
}

function unlockedOf(sheet: Worksheet | undefined): string[] {
  const cells: string[] = [];
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      if ((cell.protection as Partial<Protection> | undefined)?.locked === false) cells.push(cell.address);
    });
  });
  return cells;
}

/** The sample sheet as a user left it: protected (Review → Protect Sheet) with D4:D5 unlocked. */
async function protectedBook(password: string): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  await book.port.write({ sheets: [{ layout: makeLayout(), mode: "create" }], activate: null });
  const excel = new Workbook();
  await excel.xlsx.load((await book.toBuffer()) as never);
  const sheet = excel.getWorksheet(name);
  if (sheet === undefined) throw new Error("no sheet");
  sheet.getCell("D4").protection = { locked: false };
  sheet.getCell("D5").protection = { locked: false };
  await sheet.protect(password, { formatRows: true, insertRows: true, selectLockedCells: false });
  return new Uint8Array(await excel.xlsx.writeBuffer());
}

/** The same package with its sheet protection's hash written as Excel 2003 and LibreOffice did (`password="CC3D"`). */
function withLegacyPassword(bytes: Uint8Array): Uint8Array {
  const entries = readZip(bytes).map((entry) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name)) return entry;
    const xml = new TextDecoder().decode(inflateEntry(entry));
    const legacy = xml.replace(/<sheetProtection\b/, '<sheetProtection password="CC3D"');
    return deflatedEntry(entry.name, new TextEncoder().encode(legacy), entry);
  });
  return writeZip(entries);
}

const patch: SheetPatch = {
  sheet: name,
  values: [{ rect: { row: 3, col: 3, rowCount: 1, colCount: 1 }, values: [["Ⅲ类"]] }],
  fills: [{ rect: { row: 3, col: 3, rowCount: 1, colCount: 1 }, fill: "#ffc7ce" }],
  notes: [],
  clearNotes: null,
};

async function reread(book: XlsxWorkbook): Promise<Worksheet | undefined> {
  const excel = new Workbook();
  await excel.xlsx.load((await book.toBuffer()) as never);
  return excel.getWorksheet(name);
}

describe("the xlsx host and a sheet protected without a password", () => {
  it("patches it and keeps its protection and unlocked cells", async () => {
    const book = await XlsxWorkbook.fromBuffer(await protectedBook(""));
    await book.port.write({ sheets: [], patches: [patch], activate: null });
    const sheet = await reread(book);
    expect(sheet?.getCell("D4").value).toBe("Ⅲ类");
    expect(protectionOf(sheet)).toMatchObject({
      sheet: true,
      formatRows: true,
      insertRows: true,
      selectLockedCells: false,
    });
    expect(unlockedOf(sheet)).toEqual(["D4", "D5"]);
  });

  it("writes it anew from a layout without protection and puts the same protection back", async () => {
    const book = await XlsxWorkbook.fromBuffer(await protectedBook(""));
    const before = protectionOf(await reread(book));
    await book.port.write({ sheets: [{ layout: makeLayout(), mode: "replace" }], activate: null });
    const sheet = await reread(book);
    expect(protectionOf(sheet)).toEqual(before);
    expect(unlockedOf(sheet)).toEqual(["D4", "D5"]);
  });

  it("writes it anew from a layout that unlocks its own cells, with the sheet's options", async () => {
    const book = await XlsxWorkbook.fromBuffer(await protectedBook(""));
    const layout = makeLayout({ protection: { unlocked: [{ row: 3, col: 3, rowCount: 1, colCount: 1 }] } });
    await book.port.write({ sheets: [{ layout, mode: "replace" }], activate: null });
    const sheet = await reread(book);
    expect(protectionOf(sheet)).toMatchObject({ sheet: true, formatRows: true, selectLockedCells: false });
    expect(unlockedOf(sheet)).toEqual(["D4"]);
  });
});

describe("the xlsx host and a sheet protected with a password", () => {
  it.each([
    ["a SHA-512 hash", async () => protectedBook("机密123")],
    [
      "the legacy password hash ExcelJS does not keep",
      async () => withLegacyPassword(await protectedBook("")),
    ],
  ])("refuses to patch or rewrite it (%s), writing nothing", async (_, bytes) => {
    const book = await XlsxWorkbook.fromBuffer(await bytes());
    const before = await book.toBuffer();
    for (const batch of [
      { sheets: [], patches: [patch], activate: null },
      { sheets: [{ layout: makeLayout(), mode: "replace" as const }], activate: null },
    ]) {
      const error: unknown = await book.port.write(batch).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "HostError", code: "sheet_protected" });
      expect(protectedSheetsOf(error)).toEqual([name]);
    }
    // Every part as it was (the zip's timestamps and core.xml's "modified" are the save's own).
    expect(partsOf(await book.toBuffer())).toEqual(partsOf(before));
  });
});

/** The package's parts by name, inflated, without docProps/core.xml (it records when it was saved). */
function partsOf(bytes: Uint8Array): Map<string, string> {
  return new Map(
    readZip(bytes)
      .filter((entry) => entry.name !== "docProps/core.xml")
      .map((entry) => [entry.name, Buffer.from(inflateEntry(entry)).toString("base64")]),
  );
}

describe("the xlsx host saving a sheet protected with a legacy password", () => {
  it("writes the password back, which ExcelJS drops, while it writes other sheets", async () => {
    const book = await XlsxWorkbook.fromBuffer(withLegacyPassword(await protectedBook("")));
    await book.port.write({
      sheets: [{ layout: { ...makeLayout(), name: "汇总" }, mode: "create" }],
      activate: null,
    });
    const saved = await book.toBuffer();
    const elements = readZip(saved)
      .filter((entry) => /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name))
      .map((entry) => /<sheetProtection\b[^>]*>/.exec(new TextDecoder().decode(inflateEntry(entry)))?.[0])
      .filter((element) => element !== undefined);
    expect(elements).toHaveLength(1);
    expect(elements[0]).toContain('password="CC3D"');
    expect(elements[0]).toContain('sheet="1"');
    // And read again, it is still refused.
    const again = await XlsxWorkbook.fromBuffer(saved);
    const error: unknown = await again.port
      .write({ sheets: [], patches: [patch], activate: null })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "sheet_protected" });
  });
});
