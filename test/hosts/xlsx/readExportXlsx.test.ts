import { Workbook } from "exceljs";
import { mapMonitoringExport, type MonitoringImport } from "../../../src/core/import/mapMonitoringExport";
import type { ExportCell } from "../../../src/core/import/readExportHeader";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { HostError } from "../../../src/hosts/hostError";
import { refusalOf } from "../../../src/hosts/xlsx/prepareXlsxBytes";
import {
  readExportXlsx,
  readExportXlsxInBrowser,
  type ExportSheetGrid,
} from "../../../src/hosts/xlsx/readExportXlsx";
import { streamExportXlsx } from "../../../src/hosts/xlsx/streamExportXlsx";
import {
  exportFixtureGrid,
  monitoringSheetParameters,
  type ExportFixture,
} from "../../core/import/exportFixtures";
import { exportAsXlsx } from "./exportXlsx";

const readers = [
  ["the whole loader", readExportXlsx],
  ["the streaming reader", streamExportXlsx],
  ["the browser's reader", readExportXlsxInBrowser],
] as const;

function gridOf(read: ExportSheetGrid): ExportCell[][] {
  if (read.kind !== "grid") throw new Error(`no sheet; the file has ${read.sheetNames.join(", ")}`);
  return read.grid;
}

/** A grid without the blanks at the ends of its rows, which readers may or may not report. */
function trimmed(grid: readonly (readonly ExportCell[])[]): ExportCell[][] {
  return grid.map((row) => {
    const cells = [...row];
    while (cells.length > 0 && (cells[cells.length - 1] === "" || cells[cells.length - 1] === null))
      cells.pop();
    return cells;
  });
}

function preview(grid: readonly (readonly ExportCell[])[]): MonitoringImport["counts"] {
  const result = mapMonitoringExport({
    grid,
    plan,
    asOf: "2023-06-30",
    locale: "zh-CN",
    sheetParameters: monitoringSheetParameters,
    existing: [],
  });
  if (!result.ok) throw new Error(result.problem.code);
  return result.counts;
}

describe.each(readers)("reading an export .xlsx with %s", (_, read) => {
  it("reads the sheet named, below merged title rows, dates as serials and formulas as their results", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("说明").addRow(["x"]);
    const sheet = workbook.addWorksheet("数据");
    sheet.addRow(["柳州市水质周报"]);
    sheet.mergeCells("A1:D1");
    sheet.addRow(["断面名称", "监测时间", "氨氮(mg/L)", "备注"]);
    sheet.addRow([
      "露塘",
      new Date(Date.UTC(2023, 4, 1, 4, 0)),
      0.12,
      { richText: [{ text: "自" }, { text: "动站" }] },
    ]);
    sheet.addRow(["露塘", "05-01 08:00", { formula: "0.1+0.2", result: 0.3 }]);
    sheet.getCell("B3").numFmt = "yyyy-mm-dd hh:mm";
    const grid = gridOf(await read(new Uint8Array(await workbook.xlsx.writeBuffer()), "数据"));
    expect(grid[2]?.[1]).toBeCloseTo(45047 + 4 / 24, 9);
    expect(trimmed(grid)).toEqual([
      ["柳州市水质周报"],
      ["断面名称", "监测时间", "氨氮(mg/L)", "备注"],
      ["露塘", grid[2]?.[1], 0.12, "自动站"],
      ["露塘", "05-01 08:00", 0.3],
    ]);
  });

  it("reads the first sheet when none is named, and lists the sheets when the one named is missing", async () => {
    const bytes = await exportAsXlsx("monthly-bulletin.csv");
    const first = await read(bytes);
    expect(first).toMatchObject({ kind: "grid", sheet: "说明", sheetNames: ["说明", "Sheet1"] });
    expect(await read(bytes, "月报")).toEqual({ kind: "sheet_missing", sheetNames: ["说明", "Sheet1"] });
  });

  it.each<ExportFixture>(["national-realtime.csv", "monthly-bulletin.csv", "lab-report.csv"])(
    "imports %s from .xlsx as from its CSV",
    async (fixture) => {
      const grid = gridOf(await read(await exportAsXlsx(fixture, "导出"), "导出"));
      expect(preview(grid)).toEqual(preview(exportFixtureGrid(fixture)));
    },
  );

  it("refuses a file that is no workbook, as XlsxWorkbook refuses it", async () => {
    const error: unknown = await read(new TextEncoder().encode("断面名称,氨氮\n")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(refusalOf(error)?.reason).toBe("not_a_zip");
  });
});

describe("the browser's reader", () => {
  it("refuses an .xls (or an encrypted workbook) by its first bytes", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const error: unknown = await readExportXlsxInBrowser(ole).catch((e: unknown) => e);
    expect(refusalOf(error)?.reason).toBe("legacy_format");
  });
});

describe("the streaming reader", () => {
  it("reads a workbook counting dates from 1904, and one of several sheets with rich text, errors and far cells, as the whole loader does", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("说明").getCell("A1").value = "封面";
    const sheet = workbook.addWorksheet("数据");
    sheet.getCell("A1").value = "国家地表水水质自动监测实时数据";
    sheet.mergeCells("A1:D1");
    sheet.addRow([]);
    sheet.getCell("A3").value = { richText: [{ text: "断面" }, { text: "名称", font: { bold: true } }] };
    sheet.getCell("B3").value = "监测时间";
    sheet.getCell("A4").value = "露塘";
    sheet.getCell("B4").value = 45047.16666666666;
    sheet.getCell("B4").numFmt = "yyyy-mm-dd hh:mm";
    sheet.getCell("C4").value = { error: "#N/A" };
    sheet.getCell("D4").value = { formula: "1+1", result: 2 };
    sheet.getCell("AB40000").value = "远处";
    const plain = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(trimmed(gridOf(await streamExportXlsx(plain, "数据")))).toEqual(
      trimmed(gridOf(await readExportXlsx(plain, "数据"))),
    );
    workbook.properties.date1904 = true;
    const mac = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(trimmed(gridOf(await streamExportXlsx(mac, "数据")))).toEqual(
      trimmed(gridOf(await readExportXlsx(mac, "数据"))),
    );
  });

  it.each<ExportFixture>(["national-realtime.csv", "monthly-bulletin.csv", "lab-report.csv"])(
    "reads %s cell for cell as the whole loader does",
    async (fixture) => {
      const bytes = await exportAsXlsx(fixture, "导出");
      expect(trimmed(gridOf(await streamExportXlsx(bytes, "导出")))).toEqual(
        trimmed(gridOf(await readExportXlsx(bytes, "导出"))),
      );
    },
  );
});
