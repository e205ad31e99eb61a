import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { XlsxPatchingWorkbook } from "../../../src/hosts/xlsx/xlsxPatchingWorkbook";
import { XlsxStreamReader } from "../../../src/hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { mergeReturns, returnSheetNames } from "../../../src/workbook/exchange/mergeReturns";
import {
  cityBook,
  edited,
  returned,
  typeSamples,
  typeTask,
  unitReturn,
} from "../../workbook/exchange/returnedBooks";
import { convertWithLibreOffice, itWithLibreOffice } from "./libreOffice";
import { workbookFacts } from "./workbookFacts";

// Generating the plan and merging returns through both hosts, and LibreOffice once.
jest.setTimeout(180_000);

/** Three units' returns: statuses and progress texts on the task sheet, new samples and a city sample's empty cell. */
async function returns(): Promise<Awaited<ReturnType<typeof returned>>[]> {
  const units = ["柳江区", "鱼峰区", "市住房城乡建设局"];
  return Promise.all(
    units.map(async (unit, index) =>
      returned(
        `${unit}.xlsx`,
        await unitReturn(unit, (book) => {
          typeTask(book, 3 + index, "完成状态", "推进中");
          typeTask(book, 20, "进展情况", `${unit}：已部署 & 已督办 <第${index + 1}次>`);
          typeTask(book, 7 + index, "完成日期", 45200 + index);
          typeSamples(
            book,
            Array.from({ length: 30 }, (_, i) => ({
              point: ["露塘", "大洲", "凤山糖厂"][i % 3] ?? "露塘",
              date: `2023-0${1 + (i % 9)}-1${index} 0${i % 6}:00`,
              values: { ph: 7 + i / 100, do: 6.5, nh3n: index === 0 ? 0.15 : null },
            })),
          );
        }),
      ),
    ),
  );
}

/** The city's book merged through a host, and the file it saves. */
async function mergedThrough(
  host: "ExcelJS" | "in place",
  city: Uint8Array,
): Promise<{ bytes: Uint8Array; outcome: unknown }> {
  const back = await returns();
  if (host === "ExcelJS") {
    const book = await XlsxWorkbook.fromBuffer(city);
    const outcome = await mergeReturns(book.port, plan, back);
    return { bytes: new Uint8Array(await book.toBuffer()), outcome };
  }
  const book = XlsxPatchingWorkbook.fromBuffer(city);
  const outcome = await mergeReturns(book.port, plan, back);
  return { bytes: await book.toBuffer(), outcome };
}

describe("a merge written in place into the city's workbook", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-in-place-"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is the workbook the ExcelJS host writes, value for value and style for style, without loading ExcelJS", async () => {
    // The city has a sample of its own whose empty cell a return fills (a value patch on 监测数据).
    const city = await edited(await cityBook(), (book) => {
      typeSamples(book, [
        { point: "露塘", date: "2023-01-10 00:00", values: { ph: 7.2, do: 7, nh3n: null } },
      ]);
    });
    const whole = await mergedThrough("ExcelJS", city);
    const loads = jest.spyOn(XlsxWorkbook, "fromBuffer");
    const inPlace = await mergedThrough("in place", city);
    expect(loads).not.toHaveBeenCalled();
    loads.mockRestore();
    expect(inPlace.outcome).toEqual(whole.outcome);
    expect(await workbookFacts(inPlace.bytes)).toEqual(await workbookFacts(whole.bytes));
    // What merge reads back is the same too, and the texts with markup came through.
    const names = returnSheetNames(plan);
    const a = await XlsxStreamReader.fromBuffer(inPlace.bytes).port.read(names);
    const b = await XlsxStreamReader.fromBuffer(whole.bytes).port.read(names);
    expect([...a.sheets].map(([name, sheet]) => [name, sheet.values])).toEqual(
      [...b.sheets].map(([name, sheet]) => [name, sheet.values]),
    );
    expect(JSON.stringify(a.sheets.get("附件1 任务清单")?.values)).toContain("已部署 & 已督办 <第1次>");
  });

  it("goes through ExcelJS when a sheet it writes to is protected (the host lifts the protection and puts it back)", async () => {
    const city = await edited(await cityBook(), (book) => {
      void book.getWorksheet("附件1 任务清单")?.protect("", { selectLockedCells: true });
    });
    const loads = jest.spyOn(XlsxWorkbook, "fromBuffer");
    const merged = await mergedThrough("in place", city);
    expect(loads).toHaveBeenCalled();
    loads.mockRestore();
    const facts = (await workbookFacts(merged.bytes)) as { name: string }[];
    expect(facts).toEqual(await workbookFacts((await mergedThrough("ExcelJS", city)).bytes));
  });

  itWithLibreOffice("opens in LibreOffice, which reads back every value", async () => {
    const inPlace = await mergedThrough("in place", await cityBook());
    const file = join(dir, "merged.xlsx");
    await writeFile(file, inPlace.bytes);
    await mkdir(join(dir, "resaved"));
    await convertWithLibreOffice(file, "xlsx", join(dir, "resaved"));
    const names = ["附件1 任务清单", "监测数据"];
    const before = await XlsxStreamReader.fromBuffer(inPlace.bytes).port.read(names);
    const after = await XlsxStreamReader.fromBuffer(
      await readFile(join(dir, "resaved", "merged.xlsx")),
    ).port.read(names);
    const rounded = (values: readonly (readonly unknown[])[] | undefined): unknown =>
      values?.map((row) =>
        row.map((value) => (typeof value === "number" ? Number(value.toPrecision(12)) : value)),
      );
    for (const name of names) {
      expect(rounded(after.sheets.get(name)?.values)).toEqual(rounded(before.sheets.get(name)?.values));
    }
  });
});
