/**
 * Issue 13 §4, what every host must render of the printed pages and of 汇总: the layout's page
 * set-up (scale, margins, print area, titles, breaks), the sheet's font, and 汇总 shown once
 * validation wrote it. The pages themselves are measured in LibreOffice by
 * test/hosts/xlsx/issue-13-demo-pdf.test.ts.
 */
import { Workbook } from "exceljs";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { inflateEntry, readZip } from "../../src/hosts/xlsx/zipArchive";
import { writeExampleEntries } from "../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { SheetLayout } from "../../src/workbook/layout";
import { buildSheetLayout, mergeRows } from "../../src/workbook/buildSheetLayout";
import { columnPoints, minimumReadableScale, narrowMargins, printScale } from "../../src/workbook/printScale";
import type { WorkbookPort } from "../../src/workbook/port";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import { workbookSpec } from "../../src/workbook/workbookSpec";
import { createOfficeHarness } from "../hosts/excel/officeHarness";

const locales = ["zh-CN", "en-US"] as const;

async function demo(port: WorkbookPort, locale: (typeof locales)[number]): Promise<string | null> {
  expect((await generateWorkbook(port, plan, { locale, publishedOn: "2023-03-20" })).ok).toBe(true);
  await writeExampleEntries(port, plan, locale);
  expect((await generateWorkbook(port, plan, { locale })).ok).toBe(true);
  const outcome = await validateWorkbook(port, plan, { locale, asOf: "2023-06-30" });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.summarySheet;
}

function layouts(locale: (typeof locales)[number]): SheetLayout[] {
  return workbookSpec(plan).map((spec) =>
    buildSheetLayout(spec, spec.name[locale], mergeRows(spec, null, locale), locale),
  );
}

describe("printed pages (issue 13)", () => {
  it.each(locales)(
    "prints every plan sheet at a scale where 11-pt text stays 7 pt or more (%s)",
    (locale) => {
      for (const layout of layouts(locale)) {
        expect({ sheet: layout.name, scale: layout.print?.scale }).toEqual({
          sheet: layout.name,
          scale: expect.any(Number) as number,
        });
        expect(layout.print?.scale ?? 0).toBeGreaterThanOrEqual(minimumReadableScale);
        expect(((layout.print?.scale ?? 0) / 100) * 11).toBeGreaterThanOrEqual(7);
      }
    },
  );

  it("fits each plan sheet one page across but 监测数据, two across with its point and date on each", () => {
    const usable = (841.89 - (narrowMargins.left + narrowMargins.right) * 72) * 0.98;
    for (const layout of layouts("zh-CN")) {
      const print = layout.print;
      if (print === null) throw new Error(`no print set-up on ${layout.name}`);
      const room = usable / (print.scale / 100);
      const total = layout.columnWidths.reduce((sum, w) => sum + columnPoints(w), 0);
      if (layout.name === "监测数据") {
        expect(print.titleColumns).toEqual({ first: 0, last: 1 });
        const titles = columnPoints(layout.columnWidths[0] ?? 0) + columnPoints(layout.columnWidths[1] ?? 0);
        expect(total).toBeGreaterThan(room);
        expect(total - titles).toBeLessThanOrEqual(2 * (room - titles));
      } else {
        expect({ sheet: layout.name, fits: total <= room }).toEqual({ sheet: layout.name, fits: true });
        expect(print.titleColumns).toBeNull();
      }
      // Only the table's columns print: no empty column, no note running past the last one.
      expect(print.columns).toEqual({ first: 0, last: layout.columnWidths.length - 1 });
      expect(print.titleRows).toEqual({ first: 0, last: 2 });
    }
  });

  it("never prints larger than life, and a sheet too wide for a page at 10 % says 10", () => {
    const input = {
      titleColumns: null,
      pagesWide: 1,
      orientation: "landscape",
      margins: narrowMargins,
    } as const;
    expect(printScale({ ...input, columnWidths: [10, 10] })).toBe(100);
    expect(printScale({ ...input, columnWidths: new Array<number>(400).fill(40) })).toBe(10);
  });

  it.each(locales)("writes zh sheets in 等线 and en sheets in Calibri (%s)", (locale) => {
    for (const layout of layouts(locale)) {
      expect(layout.font).toEqual({ name: locale === "zh-CN" ? "等线" : "Calibri", size: 11 });
    }
  });

  it("merges and wraps the note under the title over the table, so it prints whole", () => {
    const [tasks] = layouts("en-US");
    expect(tasks?.merges).toEqual([{ row: 1, col: 0, rowCount: 1, colCount: tasks?.columnWidths.length }]);
    expect(tasks?.formats).toContainEqual(
      expect.objectContaining({ rect: { row: 1, col: 0, rowCount: 1, colCount: 1 }, wrapText: true }),
    );
  });
});

describe("汇总 after validation (issue 13)", () => {
  it("shows 汇总 when validation wrote it (memory host)", async () => {
    const book = new MemoryWorkbook();
    const summary = await demo(book.port, "zh-CN");
    expect(summary).toBe("汇总");
    expect(book.activeSheet).toBe("汇总");
  });

  it("saves the workbook with 汇总 as its active tab, its classes as classes and its page breaks (xlsx host)", async () => {
    const book = XlsxWorkbook.create();
    await demo(book.port, "zh-CN");
    const bytes = await book.toBuffer();
    const snapshot = await (await XlsxWorkbook.fromBuffer(bytes)).port.read(["汇总"]);
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(snapshot.sheetNames[workbook.views[0]?.activeTab ?? -1]).toBe("汇总");
    const summary = workbook.getWorksheet("汇总");
    // ExcelJS draws no chart: the class table says the classes.
    const values = snapshot.sheets.get("汇总")?.values ?? [];
    const chartHeader = values.findIndex((row) => row[0] === "断面" && row[1] === "水质目标");
    expect(values[chartHeader + 1]?.slice(0, 3)).toEqual([
      "贝江口",
      "Ⅱ类",
      expect.stringMatching(/类$/) as string,
    ]);
    expect(summary?.pageSetup).toMatchObject({ fitToPage: false, orientation: "landscape" });
    expect(summary?.pageSetup.scale).toBeGreaterThanOrEqual(minimumReadableScale);
    // ExcelJS writes page breaks but reads none back: look in the sheet parts (only 汇总 has breaks).
    const breaks = readZip(bytes)
      .filter((entry) => entry.name.startsWith("xl/worksheets/sheet"))
      .map((entry) => new TextDecoder().decode(inflateEntry(entry)))
      .filter((xml) => xml.includes("<rowBreaks"));
    expect(breaks).toHaveLength(1);
    expect(summary?.getCell("A1").font).toMatchObject({ name: "等线" });
  }, 60_000);

  it("activates 汇总 and renders the page set-up through the WorkbookPort (Office host, fake Excel)", async () => {
    const harness = await createOfficeHarness({ excel: { sheetNames: ["Sheet1"] } });
    const summary = await demo(harness.port, "zh-CN");
    const state = harness.excel.state;
    expect(state.activeSheet()?.name).toBe(summary);
    const sheet = state.sheetByName("监测数据");
    expect(sheet?.page).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$3",
      printTitleColumns: "$A:$B",
      printArea: "$A:$AF",
      margins: { left: 18, right: 18, top: 36, bottom: 36 },
    });
    expect(sheet?.page.zoom.scale).toBeGreaterThanOrEqual(minimumReadableScale);
    const tasks = state.sheetByName("附件1 任务清单");
    expect(tasks?.merges).toEqual([{ row: 1, col: 0, rowCount: 1, colCount: 16 }]);
    expect(state.sheetByName("汇总")?.page.rowBreaks.length).toBeGreaterThan(0);
  }, 60_000);
});
