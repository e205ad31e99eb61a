import { renameSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { HostError } from "../../../src/hosts/hostError";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { convertWithLibreOffice, itWithLibreOffice } from "./libreOffice";
import { makeEntryLayout, makeLayout } from "./sampleLayouts";
import { makeXlsxHarness } from "./xlsxHarness";

// Lets one test make the rename fail the way a full disk or a locked file would.
// The atomic save renames synchronously (saveFileAtomically.ts), so the mock is node:fs's renameSync.
jest.mock("node:fs", () => {
  const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
  return { ...actual, renameSync: jest.fn(actual.renameSync) };
});

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "water-plan-xlsx-"));
}

describe("XlsxWorkbook", () => {
  it("renders a layout that reads back from the file's bytes as written", async () => {
    const harness = await makeXlsxHarness();
    await harness.port.write({
      sheets: [{ layout: makeLayout(), mode: "create" }],
      activate: "附件2 国控断面",
    });

    expect(await harness.sheetNames()).toEqual(["附件2 国控断面"]);
    const probe = (await harness.sheet("附件2 国控断面"))!;
    expect(probe.values()).toEqual(makeLayout().values);
    expect(probe.tables()).toEqual([{ name: "WP_National", ref: "A3:D5" }]);
    expect(probe.freeze()).toEqual({ rows: 3, columns: 0 });
    expect(probe.validationAt("D4")).toEqual({
      kind: "list",
      values: ["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类"],
    });
    expect(probe.validationAt("D5")).not.toBeNull();
    expect(probe.validationAt("C4")).toBeNull();
    expect(probe.numberFormatAt("D4")).toBe("@");
    expect(probe.numberFormatAt("B4")).toBe("General");
    expect(probe.fillAt("D4")).toBe("#FFF2CC");
    expect(probe.fillAt("B4")).toBeNull();
    expect(probe.boldAt("A1")).toBe(true);
    expect(probe.boldAt("B3")).toBe(true);
    expect(probe.boldAt("B4")).toBe(false);
    expect(probe.columnWidth(1)).toBe(18);
    expect(probe.visibility()).toBe("visible");
    expect(probe.printTitleRows()).toBe("$3:$3");
    expect(probe.orientation()).toBe("landscape");
  });

  it("writes A4 at the layout's scale, margins and print area, the tab colour and the row height into the file", async () => {
    const harness = await makeXlsxHarness();
    await harness.port.write({ sheets: [{ layout: makeLayout(), mode: "create" }], activate: null });
    const sheet = (await harness.reloaded()).getWorksheet("附件2 国控断面")!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: false,
      scale: 85,
      margins: { left: 0.25, right: 0.25, top: 0.5, bottom: 0.5 },
    });
    expect(sheet.pageSetup.printArea).toBe("A1:D1048576");
    expect(sheet.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    expect(sheet.getRow(1).height).toBe(28);
    expect(sheet.getCell("B3").alignment).toMatchObject({ wrapText: true, horizontal: "center" });
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
  });

  it("reads dates, numbers and rules of entry cells back as the layout gave them", async () => {
    const harness = await makeXlsxHarness();
    await harness.port.write({ sheets: [{ layout: makeEntryLayout(), mode: "create" }], activate: null });
    const probe = (await harness.sheet("监测数据"))!;
    expect(probe.values()[1]).toEqual(["柳江 露塘", 45291, 7.5, 3]);
    expect(probe.validationAt("B2")).toEqual({ kind: "date", from: "2023-01-01", to: "2023-12-31" });
    expect(probe.validationAt("C2")).toEqual({ kind: "decimal", min: 0 });
    expect(probe.validationAt("D2")).toEqual({ kind: "wholeNumber", min: 0, max: 1000 });
    expect(probe.freeze()).toEqual({ rows: 1, columns: 1 });
    expect(probe.orientation()).not.toBe("landscape");
  });

  it("reports a date-formatted cell as its serial number, as Office.js does", async () => {
    const book = XlsxWorkbook.create();
    await book.port.write({ sheets: [{ layout: makeEntryLayout(), mode: "create" }], activate: null });
    const reopened = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    const snapshot = await reopened.port.read(["监测数据"]);
    expect(snapshot.sheets.get("监测数据")?.values[1]).toEqual(["柳江 露塘", 45291, 7.5, 3]);
  });

  it("reads the used range by values with its start, empties as '', formulas as their result", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("用户表");
    sheet.getCell("C3").value = "开始";
    sheet.getCell("E4").value = { formula: "1+1", result: 2 };
    sheet.getCell("D5").value = { richText: [{ text: "富" }, { text: "文本" }] };
    sheet.getCell("C5").value = { error: "#N/A" } as never;
    sheet.getCell("F8").numFmt = "0.00"; // formatted but empty: not part of the used range
    const book = await XlsxWorkbook.fromBuffer((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);

    const snapshot = await book.port.read(["用户表", "没有这张表"]);
    expect(snapshot.sheetNames).toEqual(["用户表"]);
    expect([...snapshot.sheets.keys()]).toEqual(["用户表"]);
    expect(snapshot.sheets.get("用户表")).toEqual({
      name: "用户表",
      startRow: 2,
      startCol: 2,
      values: [
        ["开始", "", ""],
        ["", "", 2],
        ["#N/A", "富文本", ""],
      ],
      tableRects: [],
      tables: [],
    });
  });

  it("reads a formula as its formula when asked, and writes it back as a formula", async () => {
    const harness = await makeXlsxHarness();
    await harness.port.write({ sheets: [{ layout: makeLayout(), mode: "create" }], activate: null });
    await harness.enter("附件2 国控断面", "E4", "=A4+1");
    await harness.sheetNames(); // applies the edit to the file
    const read = await harness.port.read(["附件2 国控断面"], { formulas: true });
    const values = read.sheets.get("附件2 国控断面")?.values;
    expect(values?.[3]?.[4]).toBe("=A4+1");
    const layout = makeLayout({
      values: (values ?? []).map((row) => [...row]),
      columnWidths: [6, 18, 10, 14, 8],
    });
    await harness.port.write({ sheets: [{ layout, mode: "replace" }], activate: null });
    const reloaded = await harness.reloaded();
    expect(reloaded.getWorksheet("附件2 国控断面")?.getCell("E4").formula).toBe("A4+1");
  });

  it("keeps a formula typed into a table's entry column a formula when the sheet is written again", async () => {
    const harness = await makeXlsxHarness();
    await harness.port.write({ sheets: [{ layout: makeLayout(), mode: "create" }], activate: null });
    // D4 lies inside the table (A3:D5), in its entry column.
    await harness.enter("附件2 国控断面", "D4", "=1+2");
    await harness.sheetNames(); // applies the edit to the file
    const read = await harness.port.read(["附件2 国控断面"], { formulas: true });
    const values = read.sheets.get("附件2 国控断面")?.values;
    expect(values?.[3]?.[3]).toBe("=1+2");
    const layout = makeLayout({ values: (values ?? []).map((row) => [...row]) });
    await harness.port.write({ sheets: [{ layout, mode: "replace" }], activate: null });

    const cell = (await harness.reloaded()).getWorksheet("附件2 国控断面")!.getCell("D4");
    expect(cell.formula).toBe("1+2");
    const again = await harness.port.read(["附件2 国控断面"], { formulas: true });
    expect(again.sheets.get("附件2 国控断面")?.values[3]?.[3]).toBe("=1+2");
  });

  it("replaces a sheet in place: same tab position, old contents and rules gone", async () => {
    const harness = await makeXlsxHarness();
    await harness.port.write({
      sheets: [
        { layout: makeLayout({ name: "甲" }), mode: "create" },
        { layout: makeEntryLayout(), mode: "create" },
        { layout: makeLayout({ name: "丙", tables: [], validations: [] }), mode: "create" },
      ],
      activate: null,
    });
    const shorter = makeLayout({
      values: [["新标题", null, null, null]],
      tables: [],
      validations: [],
      formats: [],
    });
    await harness.port.write({
      sheets: [{ layout: { ...shorter, name: "监测数据" }, mode: "replace" }],
      activate: "监测数据",
    });

    expect(await harness.sheetNames()).toEqual(["甲", "监测数据", "丙"]);
    const probe = (await harness.sheet("监测数据"))!;
    expect(probe.values()).toEqual([["新标题"]]);
    expect(probe.tables()).toEqual([]);
    expect(probe.validationAt("B2")).toBeNull();
    const workbook = await harness.reloaded();
    expect(workbook.views[0]?.activeTab).toBe(1);
  });

  it("rejects a batch that would create a sheet twice, before changing anything", async () => {
    const book = XlsxWorkbook.create();
    await book.port.write({ sheets: [{ layout: makeLayout(), mode: "create" }], activate: null });
    const again = book.port.write({
      sheets: [
        { layout: makeEntryLayout(), mode: "create" },
        { layout: makeLayout(), mode: "create" },
      ],
      activate: null,
    });
    await expect(again).rejects.toMatchObject({ name: "HostError", code: "excel_rejected" });
    expect((await book.port.read([])).sheetNames).toEqual(["附件2 国控断面"]);
  });

  it("rejects an inline dropdown list longer than Excel's 255 characters", async () => {
    const book = XlsxWorkbook.create();
    const long = makeLayout({
      validations: [
        {
          rect: { row: 3, col: 3, rowCount: 1, colCount: 1 },
          rule: { kind: "list", values: Array.from({ length: 40 }, (_, i) => `监测点位名称${i}`) },
          errorTitle: "点位",
          errorMessage: "请选择点位。",
          errorStyle: "stop",
        },
      ],
    });
    await expect(
      book.port.write({ sheets: [{ layout: long, mode: "create" }], activate: null }),
    ).rejects.toMatchObject({
      code: "excel_rejected",
    });
  });

  it("writes a list rule read from cells as an absolute reference", async () => {
    const harness = await makeXlsxHarness();
    const layout = makeLayout({
      validations: [
        {
          rect: { row: 3, col: 3, rowCount: 2, colCount: 1 },
          rule: {
            kind: "listRange",
            sheet: "附件2 国控断面",
            rect: { row: 3, col: 1, rowCount: 2, colCount: 1 },
          },
          errorTitle: "点位",
          errorMessage: "请选择点位。",
          errorStyle: "stop",
        },
      ],
    });
    await harness.port.write({ sheets: [{ layout, mode: "create" }], activate: null });
    const probe = (await harness.sheet("附件2 国控断面"))!;
    expect(probe.validationAt("D5")).toEqual({
      kind: "listRange",
      sheet: "附件2 国控断面",
      rect: { row: 3, col: 1, rowCount: 2, colCount: 1 },
    });
  });

  it("keeps a very hidden sheet very hidden and never leaves it as the active tab", async () => {
    const harness = await makeXlsxHarness();
    await harness.port.write({
      sheets: [
        { layout: makeLayout({ name: "WP_元数据", visibility: "veryHidden", tables: [] }), mode: "create" },
        { layout: makeLayout(), mode: "create" },
      ],
      activate: null,
    });
    expect((await harness.sheet("WP_元数据"))?.visibility()).toBe("veryHidden");
    const workbook = await harness.reloaded();
    expect(workbook.views[0]?.activeTab).toBe(1);
  });

  it("turns bytes that are not an xlsx into HostError not_a_workbook", async () => {
    const attempt = XlsxWorkbook.fromBuffer(Buffer.from("序号,断面名称\n1,柳江 露塘\n", "utf8"));
    await expect(attempt).rejects.toBeInstanceOf(HostError);
    await expect(attempt).rejects.toMatchObject({ code: "not_a_workbook" });
  });

  it("turns a missing file into HostError file_unavailable with the cause", async () => {
    const dir = await tempDir();
    const attempt = XlsxWorkbook.open(join(dir, "没有.xlsx"));
    await expect(attempt).rejects.toMatchObject({ code: "file_unavailable", cause: { code: "ENOENT" } });
    await rm(dir, { recursive: true });
  });

  describe("saveAtomically", () => {
    it("writes the file and leaves no temporary file beside it", async () => {
      const dir = await tempDir();
      const book = XlsxWorkbook.create();
      await book.port.write({ sheets: [{ layout: makeLayout(), mode: "create" }], activate: null });
      await book.saveAtomically(join(dir, "计划.xlsx"));

      expect(await readdir(dir)).toEqual(["计划.xlsx"]);
      const reopened = await XlsxWorkbook.open(join(dir, "计划.xlsx"));
      expect((await reopened.port.read([])).sheetNames).toEqual(["附件2 国控断面"]);
      await rm(dir, { recursive: true });
    });

    it("leaves an existing file whole and removes its temporary file when the rename fails", async () => {
      const dir = await tempDir();
      const target = join(dir, "计划.xlsx");
      await writeFile(target, "the previous workbook");
      const book = XlsxWorkbook.create();
      await book.port.write({ sheets: [{ layout: makeLayout(), mode: "create" }], activate: null });
      jest.mocked(renameSync).mockImplementationOnce(() => {
        throw Object.assign(new Error("i/o error"), { code: "EIO" });
      });

      await expect(book.saveAtomically(target)).rejects.toMatchObject({ code: "file_unavailable" });
      expect(await readFile(target, "utf8")).toBe("the previous workbook");
      expect(await readdir(dir)).toEqual(["计划.xlsx"]);
      await rm(dir, { recursive: true });
    });

    it("says file_unavailable for a directory that does not exist", async () => {
      const dir = await tempDir();
      const book = XlsxWorkbook.create();
      await book.port.write({ sheets: [{ layout: makeLayout(), mode: "create" }], activate: null });
      await expect(book.saveAtomically(join(dir, "没有这个目录", "计划.xlsx"))).rejects.toMatchObject({
        code: "file_unavailable",
        cause: { code: "ENOENT" },
      });
      await rm(dir, { recursive: true });
    });
  });
});

/**
 * LibreOffice is the independent reader on CI (it installs libreoffice-calc): if it opens the file
 * and its CSV export shows the Chinese text, the package, the tables and the styles are well-formed.
 */
describe("a workbook written by the xlsx host, opened by LibreOffice", () => {
  itWithLibreOffice(
    "converts to CSV with the sheet's Chinese text",
    async () => {
      const dir = await tempDir();
      const book = XlsxWorkbook.create();
      await book.port.write({
        sheets: [
          { layout: makeLayout(), mode: "create" },
          { layout: makeEntryLayout(), mode: "create" },
        ],
        activate: "附件2 国控断面",
      });
      // Reopen and save again too: the second generation goes through ExcelJS's reader and writer.
      const reopened = await XlsxWorkbook.fromBuffer(await book.toBuffer());
      await reopened.saveAtomically(join(dir, "book.xlsx"));

      await convertWithLibreOffice(join(dir, "book.xlsx"), "csv:Text - txt - csv (StarCalc):44,34,76,1", dir);
      // LibreOffice quotes text cells; compare the cells, not the quoting.
      const csv = (await readFile(join(dir, "book.csv"), "utf8")).replace(/"/g, "");
      expect(csv).toContain("附件2 国控断面");
      expect(csv).toContain("序号,断面名称,水质目标,实测水质类别");
      expect(csv).toContain("2,融江 大洲,Ⅲ类,Ⅱ类");
      await rm(dir, { recursive: true });
    },
    120_000,
  );
});
