import { type Row, Workbook } from "exceljs";
import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import * as cellValues from "../../../src/hosts/xlsx/readCellValue";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { readBounds } from "../../../src/workbook/port";

// A generation and a few loads of the whole plan: more than Jest's default five seconds.
jest.setTimeout(30_000);

const tasks = "附件1 任务清单";

/** The generated plan, with `edit` applied the way a user's spreadsheet program would, saved and opened. */
async function generatedWith(edit: (workbook: Workbook) => void): Promise<Buffer> {
  const book = XlsxWorkbook.create();
  expect((await generateWorkbook(book.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
  const workbook = new Workbook();
  await workbook.xlsx.load((await book.toBuffer()) as never);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("reading a sheet within readBounds", () => {
  it("ignores and reports stray values in A300000 and XFD1048576 of a plan sheet, visiting only the cells there are", async () => {
    const bytes = await generatedWith((workbook) => {
      const sheet = workbook.getWorksheet(tasks)!;
      sheet.getCell("A300000").value = "误输入";
      sheet.getCell("XFD1048576").value = 1;
    });

    const book = await XlsxWorkbook.fromBuffer(bytes);
    // Counted, not timed (timings on a shared machine prove nothing): the rows whose cells the read
    // walks and the cells it reads. A read that walked the 300,000 rows, or the 16,384 columns of
    // the last row, to the stray values would pass both bounds a hundredfold.
    const rowPrototype = Object.getPrototypeOf(new Workbook().addWorksheet("x").getRow(1)) as Row;
    const rowsWalked = jest.spyOn(rowPrototype, "eachCell");
    const cellsRead = jest.spyOn(cellValues, "readCellValue");
    try {
      const snapshot = (await book.port.read([tasks], { formulas: true })).sheets.get(tasks);

      expect(snapshot?.ignored).toEqual({ count: 2, first: "A300000" });
      // The title, the legend, the header and 53 tasks; as wide as the table.
      expect(snapshot?.values).toHaveLength(56);
      expect(snapshot?.values[0]).toHaveLength(snapshot?.values[2]?.length ?? -1);
      const width = snapshot?.values[2]?.length ?? 0;
      // Every row with a value once (the sheet's 56 and the two strays'), and no more cells than they hold.
      expect(rowsWalked.mock.calls.length).toBe(56 + 2);
      expect(cellsRead.mock.calls.length).toBeGreaterThan(0);
      expect(cellsRead.mock.calls.length).toBeLessThanOrEqual(56 * width + 2);
    } finally {
      rowsWalked.mockRestore();
      cellsRead.mockRestore();
    }
  });

  it("reads rows appended below a table and columns added beside it, up to a gap of the bounds", async () => {
    const bytes = await generatedWith((workbook) => {
      const sheet = workbook.getWorksheet(tasks)!;
      // The table ends in row 56 and column P (16); the last column read is the table's last plus the bounds. Rows
      // run on below while no gap of rowsBelowTables blank rows comes first.
      sheet.getCell(56 + readBounds.rowsBelowTables, 1).value = "最后一行";
      sheet.getCell(56 + 2 * readBounds.rowsBelowTables + 1, 1).value = "超出一行";
      sheet.getCell(4, 16 + readBounds.columnsRightOfTables).value = "最后一列";
      sheet.getCell(4, 16 + readBounds.columnsRightOfTables + 1).value = "超出一列";
    });
    const book = await XlsxWorkbook.fromBuffer(bytes);
    const snapshot = (await book.port.read([tasks])).sheets.get(tasks)!;

    const lastRow = snapshot.values[56 + readBounds.rowsBelowTables - 1];
    expect(lastRow?.[0]).toBe("最后一行");
    expect(snapshot.values).toHaveLength(56 + readBounds.rowsBelowTables);
    expect(snapshot.values[3]?.[16 + readBounds.columnsRightOfTables - 1]).toBe("最后一列");
    expect(snapshot.ignored?.count).toBe(2);
    // Row-major order: the cell to the right in row 4 comes before the row below the bounds.
    expect(snapshot.ignored?.first).toBe("AU4");
  });

  it("reads a sheet without tables within withoutTables", async () => {
    const bytes = await generatedWith((workbook) => {
      const sheet = workbook.addWorksheet("用户表");
      sheet.getCell(readBounds.withoutTables.rows, readBounds.withoutTables.columns).value = "角";
      sheet.getCell(readBounds.withoutTables.rows + 1, 1).value = "远处";
    });
    const book = await XlsxWorkbook.fromBuffer(bytes);
    const snapshot = (await book.port.read(["用户表"])).sheets.get("用户表")!;
    expect(snapshot.startRow).toBe(readBounds.withoutTables.rows - 1);
    expect(snapshot.values).toEqual([["角"]]);
    expect(snapshot.ignored).toEqual({ count: 1, first: `A${readBounds.withoutTables.rows + 1}` });
  });

  it("reports nothing ignored when every value is within the bounds", async () => {
    const book = await XlsxWorkbook.fromBuffer(await generatedWith(() => undefined));
    expect((await book.port.read([tasks])).sheets.get(tasks)?.ignored).toBeUndefined();
  });
});
