import { Workbook } from "exceljs";
import { exportFixtureGrid, type ExportFixture } from "../../core/import/exportFixtures";

/**
 * A CSV fixture as the .xlsx a download page or a colleague would send: numbers as numbers, dates
 * written "2023/5/15" as Excel dates, everything else as text, on a sheet after a notes sheet.
 *
 * @example
 * const bytes = await exportAsXlsx("lab-report.csv", "数据");
 */
export async function exportAsXlsx(fixture: ExportFixture, sheetName = "Sheet1"): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.addWorksheet("说明").addRow(["本文件由监测系统导出"]);
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of exportFixtureGrid(fixture)) {
    sheet.addRow(
      row.map((text) => {
        if (/^-?\d+(?:\.\d+)?$/u.test(text)) return Number(text);
        const day = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/u.exec(text);
        if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
        return text === "" ? null : text;
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
