import ExcelJS from "exceljs";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import { batchXlsxBytes } from "../../../src/hosts/xlsx/batchXlsxBytes";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { runExampleWorkflow } from "../../../src/workbook/exampleWorkbook";
import { splitWorkbook } from "../../../src/workbook/exchange/splitWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";

const tasks = "附件1 任务清单";

async function unitFile(): Promise<Uint8Array> {
  const city = new MemoryWorkbook();
  await runExampleWorkflow(city.port, plan, "zh-CN");
  const outcome = await splitWorkbook(city.port, plan, {
    by: "county",
    units: ["柳江区"],
    deadline: null,
    source: "",
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return batchXlsxBytes(outcome.units[0]!.batch);
}

/** Whether the file's sheet is protected, as Excel reads `<sheetProtection sheet="1">`. */
async function isProtected(bytes: Uint8Array, sheet: string): Promise<boolean> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const found = book.getWorksheet(sheet) as unknown as { sheetProtection?: { sheet?: boolean } | null };
  return found.sheetProtection?.sheet === true;
}

describe("the xlsx host and a unit's workbook (the add-in's own protection)", () => {
  it("validates (writing 汇总 and any marks) and generates again into a unit's file, which stays protected", async () => {
    const bytes = await unitFile();
    expect(await isProtected(bytes, tasks)).toBe(true);

    const book = await XlsxWorkbook.fromBuffer(bytes);
    const validated = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
    expect(validated.ok).toBe(true);
    const afterValidation = new Uint8Array(await book.toBuffer());
    expect(await isProtected(afterValidation, tasks)).toBe(true);

    const again = await XlsxWorkbook.fromBuffer(afterValidation);
    expect((await generateWorkbook(again.port, plan, { locale: "zh-CN" })).ok).toBe(true);
    expect(await isProtected(new Uint8Array(await again.toBuffer()), tasks)).toBe(true);
  });

  it("writes through a protection without a password in the city's workbook too, keeping it, and refuses one with a password", async () => {
    const book = XlsxWorkbook.create();
    expect((await generateWorkbook(book.port, plan, { locale: "zh-CN" })).ok).toBe(true);
    const protectWith = async (password: string): Promise<XlsxWorkbook> => {
      const edited = new ExcelJS.Workbook();
      await edited.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
      await edited.getWorksheet(tasks)!.protect(password, {});
      return XlsxWorkbook.fromBuffer(new Uint8Array(await edited.xlsx.writeBuffer()));
    };
    // A file host can see whether a password is set (the Office host cannot: see README).
    const withoutPassword = await protectWith("");
    expect((await generateWorkbook(withoutPassword.port, plan, { locale: "zh-CN" })).ok).toBe(true);
    expect(await isProtected(new Uint8Array(await withoutPassword.toBuffer()), tasks)).toBe(true);
    const withPassword = await protectWith("secret");
    await expect(generateWorkbook(withPassword.port, plan, { locale: "zh-CN" })).rejects.toMatchObject({
      code: "sheet_protected",
    });
  });
});
