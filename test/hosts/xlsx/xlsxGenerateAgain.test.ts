import { Workbook, type Worksheet } from "exceljs";
import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";

// Each test generates the whole plan twice and reads the file back: a few seconds.
jest.setTimeout(30_000);

const tasks = "附件1 任务清单";
const indicators = "指标填报";
const rivers = "附件6 排查河流";

/** A generated workbook, edited by `edit` as a user would in Excel, saved and opened again. */
async function generatedThenEdited(edit: (workbook: Workbook) => void): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.create();
  expect((await generateWorkbook(book.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
  const workbook = new Workbook();
  await workbook.xlsx.load((await book.toBuffer()) as never);
  edit(workbook);
  return XlsxWorkbook.fromBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function generateAgain(book: XlsxWorkbook): Promise<Workbook> {
  expect((await generateWorkbook(book.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
  const workbook = new Workbook();
  await workbook.xlsx.load((await book.toBuffer()) as never);
  return workbook;
}

function sheetOf(workbook: Workbook, name: string): Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe("generating again on the xlsx host", () => {
  it("keeps a formula typed into an entry column of a sheet with a table a formula", async () => {
    const book = await generatedThenEdited((workbook) => {
      // 进展情况 of task 1 and 实际值 of the first indicator: both inside their sheet's table.
      sheetOf(workbook, tasks).getCell("M4").value = { formula: "1+2" };
      sheetOf(workbook, indicators).getCell("G4").value = { formula: "50+7", result: 57 };
    });
    const again = await generateAgain(book);

    expect(sheetOf(again, tasks).getCell("M4").formula).toBe("1+2");
    expect(sheetOf(again, indicators).getCell("G4").formula).toBe("50+7");
    const read = await book.port.read([tasks], { formulas: true });
    expect(read.sheets.get(tasks)?.values[3]?.[12]).toBe("=1+2");
  });

  it("keeps text that starts with '=' text, not a formula", async () => {
    const book = await generatedThenEdited((workbook) => {
      // What Excel stores for '=见附表: a text cell whose text starts with "=".
      sheetOf(workbook, tasks).getCell("M5").value = "=见附表";
      sheetOf(workbook, tasks).getCell("M6").value = "'=引号开头";
      sheetOf(workbook, indicators).getCell("I4").value = "=";
    });
    const again = await generateAgain(book);

    expect(sheetOf(again, tasks).getCell("M5").value).toBe("=见附表");
    expect(sheetOf(again, tasks).getCell("M6").value).toBe("'=引号开头");
    expect(sheetOf(again, indicators).getCell("I4").value).toBe("=");
    // Read for checking entered values (without formulas), the text is as the user sees it.
    const read = await book.port.read([tasks]);
    expect(read.sheets.get(tasks)?.values[4]?.[12]).toBe("=见附表");
  });

  it("keeps a formula filled down (shared by several cells) a formula in every cell", async () => {
    const book = await generatedThenEdited((workbook) => {
      const sheet = sheetOf(workbook, rivers);
      // 已整治数 = 已溯源数, filled down from G4 to G6 as Excel stores it: one shared formula.
      sheet.getCell("G4").value = { formula: "F4", result: 0, shareType: "shared", ref: "G4:G6" } as never;
      sheet.getCell("G5").value = { sharedFormula: "G4", result: 0 };
      sheet.getCell("G6").value = { sharedFormula: "G4", result: 0 };
    });
    const again = sheetOf(await generateAgain(book), rivers);

    expect(["G4", "G5", "G6"].map((a1) => again.getCell(a1).formula)).toEqual(["F4", "F5", "F6"]);
  });
});
