import { Workbook } from "exceljs";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";

/*
 * A number in a date-formatted cell reads as the file's number, as Office.js reports it, however
 * far it lies from a whole millisecond of a day or from JavaScript's dates: ExcelJS alone rounds it
 * through a Date (-1e-8 → 0; 3.9e84 → an Invalid Date), so generating again would change it.
 */
describe("numbers in date-formatted cells", () => {
  const numbers = [-1e-8, 45291.50000000001, 3.9e84, -3.9e84, 45291, 0.5];

  it("read back exactly, and survive a write", async () => {
    const source = new Workbook();
    const sheet = source.addWorksheet("S");
    numbers.forEach((value, i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = value;
      cell.numFmt = "yyyy-mm-dd";
    });
    const book = await XlsxWorkbook.fromBuffer(new Uint8Array(await source.xlsx.writeBuffer()));
    const read = await book.port.read(["S"]);
    expect(read.sheets.get("S")?.values).toEqual(numbers.map((n) => [n]));

    // Written again (as generating again writes what it read), then read once more.
    await book.port.write({
      sheets: [],
      patches: [
        {
          sheet: "S",
          values: [
            {
              rect: { row: 0, col: 0, rowCount: numbers.length, colCount: 1 },
              values: numbers.map((n) => [n]),
            },
          ],
          fills: [],
          clearNotes: null,
          notes: [],
        },
      ],
      activate: null,
    });
    const again = await XlsxWorkbook.fromBuffer(new Uint8Array(await book.toBuffer()));
    expect((await again.port.read(["S"])).sheets.get("S")?.values).toEqual(numbers.map((n) => [n]));
  });
});

describe("numbers in date-formatted cells the host does not touch", () => {
  it("are saved as the file held them", async () => {
    const numbers = [5e-324, -1e-8, 45291.50000000001, 3.9e84];
    const source = new Workbook();
    const sheet = source.addWorksheet("S");
    numbers.forEach((value, i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = value;
      cell.numFmt = "yyyy-mm-dd";
    });
    source.addWorksheet("T").getCell("A1").value = "x";
    const book = await XlsxWorkbook.fromBuffer(new Uint8Array(await source.xlsx.writeBuffer()));
    // Another sheet written; S saved as it was loaded.
    await book.port.write({
      sheets: [],
      patches: [
        {
          sheet: "T",
          values: [{ rect: { row: 0, col: 0, rowCount: 1, colCount: 1 }, values: [["y"]] }],
          fills: [],
          clearNotes: null,
          notes: [],
        },
      ],
      activate: null,
    });
    const again = await XlsxWorkbook.fromBuffer(new Uint8Array(await book.toBuffer()));
    expect((await again.port.read(["S"])).sheets.get("S")?.values).toEqual(numbers.map((n) => [n]));
  });
});
