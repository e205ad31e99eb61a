import { readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { XlsxPatchingWorkbook } from "../../../src/hosts/xlsx/xlsxPatchingWorkbook";
import { XlsxStreamReader } from "../../../src/hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { writeExampleEntries } from "../../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import { convertWithLibreOffice, itWithLibreOffice } from "./libreOffice";
import { workbookFacts } from "./workbookFacts";

jest.setTimeout(300_000);

const fixtures = join(__dirname, "..", "..", "fixtures");
const options = { locale: "zh-CN", asOf: "2023-06-30", publishedOn: "2023-03-20" } as const;

async function exampleWorkbook(rows: number): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  await generateWorkbook(book.port, plan, { locale: "zh-CN", publishedOn: "2023-03-20" });
  await writeExampleEntries(book.port, plan, "zh-CN", rows);
  return new Uint8Array(await book.toBuffer());
}

/** Validates with 汇总 through the ExcelJS host and through the patching one (every sheet patched in place). */
async function bothWritten(bytes: Uint8Array): Promise<{ whole: Uint8Array; patched: Uint8Array }> {
  const full = await XlsxWorkbook.fromBuffer(bytes);
  const wholeOutcome = await validateWorkbook(full.port, plan, options);
  const patching = XlsxPatchingWorkbook.fromBuffer(bytes, 0);
  const patchedOutcome = await validateWorkbook(patching.port, plan, options);
  expect(patchedOutcome).toEqual(wholeOutcome);
  return { whole: new Uint8Array(await full.toBuffer()), patched: await patching.toBuffer() };
}

/*
 * The differential test of issue 14 (R2): validate --out patches large sheets in place (see
 * largeSheets.ts), and must write what the ExcelJS host writes. Here every sheet is patched in
 * place (threshold 0), over the example workbook and every readable fixture; then the monitoring
 * sheet alone, at the real threshold; and LibreOffice must open the result.
 */
describe("the patching xlsx host writes what the ExcelJS host writes", () => {
  it("over the example workbook, validated once and again over its own marks", async () => {
    const first = await bothWritten(await exampleWorkbook(400));
    expect(await workbookFacts(first.patched)).toEqual(await workbookFacts(first.whole));
    const again = await bothWritten(first.whole);
    expect(await workbookFacts(again.patched)).toEqual(await workbookFacts(again.whole));
  });

  const readable = readdirSync(fixtures).filter((file) => file.startsWith("ok.") && file.endsWith(".xlsx"));
  it.each(readable)("over %s", async (file) => {
    const { whole, patched } = await bothWritten(await readFile(join(fixtures, file)));
    expect(await workbookFacts(patched)).toEqual(await workbookFacts(whole));
  });
});

describe("a workbook whose monitoring sheet is patched in place", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-patched-"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is the file the ExcelJS host writes, with 3,000 rows over the size patched in place", async () => {
    const bytes = await exampleWorkbook(3_000);
    const full = await XlsxWorkbook.fromBuffer(bytes);
    await validateWorkbook(full.port, plan, options);
    const patching = XlsxPatchingWorkbook.fromBuffer(bytes);
    await validateWorkbook(patching.port, plan, options);
    expect(await workbookFacts(await patching.toBuffer())).toEqual(
      await workbookFacts(new Uint8Array(await full.toBuffer())),
    );
  });

  itWithLibreOffice("opens in LibreOffice, which reads back every value", async () => {
    const bytes = await exampleWorkbook(3_000);
    const patching = XlsxPatchingWorkbook.fromBuffer(bytes);
    await validateWorkbook(patching.port, plan, options);
    const marked = join(dir, "marked.xlsx");
    await patching.saveAtomically(marked);
    const resaved = join(dir, "resaved");
    await mkdir(resaved);
    await convertWithLibreOffice(marked, "xlsx", resaved);
    const sheets = ["监测数据", "附件2 国控断面"];
    const before = await XlsxStreamReader.fromBuffer(await readFile(marked)).port.read(sheets);
    const after = await XlsxStreamReader.fromBuffer(await readFile(join(resaved, "marked.xlsx"))).port.read(
      sheets,
    );
    // LibreOffice saves 15 significant digits: a date with its time (44927.00069444445) comes back
    // a few units of the last place off.
    const rounded = (values: readonly (readonly unknown[])[] | undefined): unknown =>
      values?.map((row) =>
        row.map((value) => (typeof value === "number" ? Number(value.toPrecision(12)) : value)),
      );
    for (const sheet of sheets) {
      expect(rounded(after.sheets.get(sheet)?.values)).toEqual(rounded(before.sheets.get(sheet)?.values));
    }
  });
});
