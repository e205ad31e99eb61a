import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { streamExportXlsx } from "../../../src/hosts/xlsx/streamExportXlsx";
import { XlsxStreamReader } from "../../../src/hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { importMonitoring } from "../../../src/workbook/import/importMonitoring";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import type { ExportFixture } from "../../core/import/exportFixtures";
import { exportAsXlsx } from "./exportXlsx";

const asOf = "2023-06-30";

async function exportGrid(fixture: ExportFixture) {
  const read = await streamExportXlsx(await exportAsXlsx(fixture, "导出"), "导出");
  if (read.kind !== "grid") throw new Error("no sheet");
  return read.grid;
}

/** Imports into the workbook's bytes and returns the saved bytes, as the command line does with --out. */
async function importInto(bytes: Uint8Array, fixture: ExportFixture) {
  const book = await XlsxWorkbook.fromBuffer(bytes);
  const outcome = await importMonitoring(book.port, plan, await exportGrid(fixture), { asOf });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return { outcome, bytes: new Uint8Array(await book.toBuffer()) };
}

describe("importing .xlsx exports through the xlsx host", () => {
  it("writes a file whose 监测数据 holds every sample once, and validates with the expected counts", async () => {
    const fresh = XlsxWorkbook.create();
    await generateWorkbook(fresh.port, plan, { locale: "zh-CN" });
    let bytes = new Uint8Array(await fresh.toBuffer());
    for (const fixture of ["national-realtime.csv", "monthly-bulletin.csv", "lab-report.csv"] as const) {
      ({ bytes } = await importInto(bytes, fixture));
    }
    const again = await importInto(bytes, "national-realtime.csv");
    expect(again.outcome).toMatchObject({ written: false, import: { counts: { new: 0, duplicates: 34 } } });

    const outcome = await validateWorkbook(XlsxStreamReader.fromBuffer(bytes).port, plan, {
      locale: "zh-CN",
      asOf,
    });
    if (!outcome.ok) throw new Error("validation refused");
    const samples = Object.fromEntries(outcome.report.points.map((p) => [p.name, p.samples]));
    expect(samples).toMatchObject({
      露塘: 13,
      大洲: 11,
      贝江口: 12,
      木洞: 1,
      "柳西水厂(原河西水厂)": 1,
      寻江饮用水水源地: 1,
    });
    expect(outcome.report.issues.filter((i) => i.sheet === "监测数据").map((i) => i.code)).toEqual([
      "flagged_sample_not_counted",
    ]);
  }, 60_000);
});
