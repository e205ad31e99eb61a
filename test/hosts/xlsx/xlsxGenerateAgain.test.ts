import { Workbook, type Worksheet } from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { columnLetters } from "../../../src/workbook/a1";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { columnOf, entryCell, type RowKey } from "./entryCell";

// Each test generates the whole plan twice and reads the file back: a few seconds.
jest.setTimeout(30_000);

const tasks = "附件1 任务清单";
const indicators = "指标填报";
const rivers = "附件6 排查河流";
const task = (n: number): RowKey => ({ keyHeader: "序号", key: n });
const firstIndicator: RowKey = { keyHeader: "指标", key: "生活污水集中收集率" };

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
      entryCell(sheetOf(workbook, tasks), "进展情况", task(1)).value = { formula: "1+2" };
      entryCell(sheetOf(workbook, indicators), "实际值", firstIndicator).value = {
        formula: "50+7",
        result: 57,
      };
    });
    const again = await generateAgain(book);

    expect(entryCell(sheetOf(again, tasks), "进展情况", task(1)).formula).toBe("1+2");
    expect(entryCell(sheetOf(again, indicators), "实际值", firstIndicator).formula).toBe("50+7");
    const read = await book.port.read([tasks], { formulas: true });
    const column = columnOf(sheetOf(again, tasks), "进展情况") - 1;
    expect(read.sheets.get(tasks)?.values[3]?.[column]).toBe("=1+2");
  });

  it("keeps text that starts with '=' text, not a formula", async () => {
    const book = await generatedThenEdited((workbook) => {
      // What Excel stores for '=见附表: a text cell whose text starts with "=".
      entryCell(sheetOf(workbook, tasks), "进展情况", task(2)).value = "=见附表";
      entryCell(sheetOf(workbook, tasks), "进展情况", task(3)).value = "'=引号开头";
      entryCell(sheetOf(workbook, indicators), "数据来源及说明", firstIndicator).value = "=";
    });
    const again = await generateAgain(book);

    expect(entryCell(sheetOf(again, tasks), "进展情况", task(2)).value).toBe("=见附表");
    expect(entryCell(sheetOf(again, tasks), "进展情况", task(3)).value).toBe("'=引号开头");
    expect(entryCell(sheetOf(again, indicators), "数据来源及说明", firstIndicator).value).toBe("=");
    // Read for checking entered values (without formulas), the text is as the user sees it.
    const read = await book.port.read([tasks]);
    const column = columnOf(sheetOf(again, tasks), "进展情况") - 1;
    expect(read.sheets.get(tasks)?.values[4]?.[column]).toBe("=见附表");
  });

  it("keeps a formula filled down (shared by several cells) a formula in every cell", async () => {
    let done = "";
    let traced = "";
    const book = await generatedThenEdited((workbook) => {
      const sheet = sheetOf(workbook, rivers);
      done = columnLetters(columnOf(sheet, "已整治数") - 1);
      traced = columnLetters(columnOf(sheet, "已溯源数") - 1);
      // 已整治数 = 已溯源数, filled down over rows 4 to 6 as Excel stores it: one shared formula.
      const master = `${done}4`;
      sheet.getCell(master).value = {
        formula: `${traced}4`,
        result: 0,
        shareType: "shared",
        ref: `${master}:${done}6`,
      } as never;
      sheet.getCell(`${done}5`).value = { sharedFormula: master, result: 0 };
      sheet.getCell(`${done}6`).value = { sharedFormula: master, result: 0 };
    });
    const again = sheetOf(await generateAgain(book), rivers);

    expect([4, 5, 6].map((row) => again.getCell(`${done}${row}`).formula)).toEqual(
      [4, 5, 6].map((row) => `${traced}${row}`),
    );
  });
  it("keeps every number typed in a date column as the file held it, past a millisecond and Excel's dates", async () => {
    // Sub-millisecond parts, Excel's last day + 1 (2,958,466), beyond JavaScript's dates, below zero.
    const numbers = [-1e-8, 45291.123456789, 2958466, 3e6, 1e20, 3.9e84, -3.9e84, -5, 5e-324];
    const cells: string[] = [];
    const book = await generatedThenEdited((workbook) => {
      numbers.forEach((n, i) => {
        const cell = entryCell(sheetOf(workbook, tasks), "完成日期", task(i + 1));
        cell.value = n;
        cells.push(cell.address);
      });
    });
    expect((await generateWorkbook(book.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
    const bytes = await book.toBuffer();
    // The file's own XML, not ExcelJS's reading of it (which would make Dates of these numbers).
    const files = unzipSync(new Uint8Array(bytes));
    const workbookXml = strFromU8(files["xl/workbook.xml"]!);
    const relationships = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
    const id = new RegExp(`<sheet [^>]*name="${tasks}"[^>]*r:id="([^"]+)"`, "u").exec(workbookXml)?.[1];
    const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`, "u").exec(
      relationships,
    )?.[1];
    const sheetXml = strFromU8(files[`xl/${target?.replace(/^\/?xl\//u, "")}`]!);
    const stored = cells.map((address) => {
      const v = new RegExp(`<c r="${address}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`, "u").exec(sheetXml)?.[1];
      return v === undefined ? null : Number(v);
    });
    expect(stored).toEqual(numbers);
    // And the host reads them back as those numbers.
    const read = await (await XlsxWorkbook.fromBuffer(bytes)).port.read([tasks]);
    const column = columnOf(sheetOf(await generateAgain(book), tasks), "完成日期") - 1;
    const values = read.sheets.get(tasks)?.values ?? [];
    expect(numbers.map((_, i) => values.find((row) => row[0] === i + 1)?.[column])).toEqual(numbers);
  });
});
