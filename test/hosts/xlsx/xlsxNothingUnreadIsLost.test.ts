import { Workbook } from "exceljs";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";

// Whole-workbook loads and saves: more than Jest's default five seconds on a busy machine.
jest.setTimeout(60_000);

/** The generated plan with `edit` applied as another spreadsheet program would, then opened. */
async function generatedWith(edit: (workbook: Workbook) => void): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.create();
  expect((await generateWorkbook(book.port, plan, { locale: "zh-CN" })).ok).toBe(true);
  const workbook = new Workbook();
  await workbook.xlsx.load((await book.toBuffer()) as never);
  edit(workbook);
  return XlsxWorkbook.fromBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));
}

describe("generating again over cells the host did not read", () => {
  it("refuses, naming the first cell, and keeps a stray value far below a plan sheet's table", async () => {
    const book = await generatedWith((workbook) => {
      workbook.getWorksheet("附件1 任务清单")!.getCell("A300000").value = "误输入";
    });
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toEqual({
      ok: false,
      problems: [{ code: "cells_outside_tables", sheet: "附件1 任务清单", first: "A300000", count: 1 }],
    });
    const after = new Workbook();
    await after.xlsx.load((await book.toBuffer()) as never);
    expect(after.getWorksheet("附件1 任务清单")!.getCell("A300000").value).toBe("误输入");
  });

  it("reads 1,000 monitoring rows pasted below the table (as LibreOffice pastes, not growing it) and takes them in", async () => {
    const book = await generatedWith((workbook) => {
      const sheet = workbook.getWorksheet("监测数据")!;
      for (let i = 0; i < 1_000; i += 1) {
        sheet.getCell(`A${4 + i}`).value = "露塘";
        sheet.getCell(`B${4 + i}`).value =
          `2023-05-${String(1 + (i % 28)).padStart(2, "0")} ${String(i % 24).padStart(2, "0")}:00`;
      }
    });
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: true, keptEntries: 2_000 });
    const snapshot = (await book.port.read(["监测数据"])).sheets.get("监测数据");
    expect(snapshot?.values).toHaveLength(3 + 1_000);
    expect(snapshot?.ignored).toBeUndefined();
  });
});
