import { Workbook, type Worksheet } from "exceljs";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { XlsxStreamReader } from "../../../src/hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { returnSheetNames, type ReturnedWorkbook } from "../../../src/workbook/exchange/mergeReturns";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { CellValue } from "../../../src/workbook/layout";
import { metaSheetName } from "../../../src/workbook/metaSheet";
import { workbookSpec } from "../../../src/workbook/workbookSpec";
import { columnOf, entryCell } from "../../hosts/xlsx/entryCell";

/*
 * Returned workbooks for merge's tests: the Liuzhou workbook generated into the xlsx host, then
 * entries typed into copies of it as a unit would type them in Excel.
 */

let generated: Promise<Uint8Array> | null = null;

/** The Liuzhou workbook as generated (zh-CN), as bytes; made once per test file. */
export function cityBook(locale: "zh-CN" | "en-US" = "zh-CN"): Promise<Uint8Array> {
  const make = async (): Promise<Uint8Array> => {
    const book = XlsxWorkbook.create();
    const outcome = await generateWorkbook(book.port, plan, { locale });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    return new Uint8Array(await book.toBuffer());
  };
  if (locale !== "zh-CN") return make();
  generated ??= make();
  return generated;
}

/** A copy of `bytes` with `edit` applied by ExcelJS (as a user saving the file in Excel). */
export async function edited(bytes: Uint8Array, edit: (book: Workbook) => void): Promise<Uint8Array> {
  const book = new Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  edit(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function sheet(book: Workbook, name: string): Worksheet {
  const found = book.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

/** Types a task's entry ("完成状态", "进展情况", …) on 附件1. */
export function typeTask(book: Workbook, task: number, header: string, value: CellValue): void {
  entryCell(sheet(book, "附件1 任务清单"), header, { keyHeader: "序号", key: task }).value = value;
}

/** Types an entry of a section's or source's row (by its name in `nameHeader`). */
export function typeRow(
  book: Workbook,
  name: string,
  keyHeader: string,
  key: string | number,
  header: string,
  value: CellValue,
): void {
  entryCell(sheet(book, name), header, { keyHeader, key }).value = value;
}

/** Appends monitoring rows to 监测数据 below what it holds: point, sampling date, then parameters by key. */
export function typeSamples(
  book: Workbook,
  rows: readonly { point: string; date: string; values: Record<string, CellValue> }[],
): void {
  const target = sheet(book, "监测数据");
  const spec = workbookSpec(plan).find((s) => s.key === "monitoring");
  if (spec === undefined) throw new Error("no monitoring spec");
  let at = 4;
  while (target.getCell(at, 1).value !== null) at += 1;
  for (const row of rows) {
    target.getCell(at, columnOf(target, "点位名称")).value = row.point;
    target.getCell(at, columnOf(target, "采样日期")).value = row.date;
    for (const [key, value] of Object.entries(row.values)) {
      const col = spec.columns.findIndex((c) => c.key === `param:${key}`);
      if (col < 0) throw new Error(`no parameter ${key}`);
      target.getCell(at, col + 1).value = value;
    }
    at += 1;
  }
}

/** Records in the meta sheet whom the workbook was split for, as split does (scope.* settings rows). */
export function setScope(book: Workbook, unit: string, by: "lead" | "county" = "county"): void {
  const meta = sheet(book, metaSheetName);
  const rows: [string, string][] = [
    ["scope.by", by],
    ["scope.unit", unit],
    ["scope.deadline", "2023-07-05"],
    ["scope.source", "柳州市.xlsx"],
  ];
  let at = 2;
  rows.forEach(([key, value]) => {
    while (meta.getCell(at, 8).value !== null && meta.getCell(at, 8).value !== "") at += 1;
    meta.getCell(at, 8).value = key;
    meta.getCell(at, 9).value = value;
  });
}

/** A returned file as merge reads it: streamed, every plan sheet and the meta sheet. */
export async function returned(file: string, bytes: Uint8Array): Promise<ReturnedWorkbook> {
  const snapshot = await XlsxStreamReader.fromBuffer(bytes).port.read(returnSheetNames(plan));
  return { file, snapshot };
}

/** A unit's return: the generated workbook with the unit's scope and its entries typed. */
export async function unitReturn(
  unit: string,
  type: (book: Workbook) => void,
  base?: Uint8Array,
): Promise<Uint8Array> {
  return edited(base ?? (await cityBook()), (book) => {
    setScope(book, unit);
    type(book);
  });
}
