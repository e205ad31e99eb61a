import { AddedStrings, sheetWithValues, valuesOnly } from "../../../src/hosts/xlsx/inPlaceValues";
import { mergedArea } from "../../../src/hosts/xlsx/surveyPackage";
import type { CellValue } from "../../../src/workbook/layout";
import type { RectValues, SheetPatch } from "../../../src/workbook/port";

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function sheet(rows: string, head = "", tail = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${ns}><dimension ref="A1:C3"/>${head}<sheetData>${rows}</sheetData>${tail}</worksheet>`;
}

function at(row: number, col: number, value: CellValue): RectValues {
  return { rect: { row, col, rowCount: 1, colCount: 1 }, values: [[value]] };
}

const rows =
  '<row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="3"/><c r="C1"><v>5</v></c></row>' +
  '<row r="3"><c r="A3" s="4"><v>1</v></c></row>';

describe("sheetWithValues", () => {
  it("writes into existing cells keeping their style: text as a new shared string, numbers, booleans, blanks", () => {
    const strings = new AddedStrings(10);
    const xml = sheetWithValues(
      sheet(rows),
      [at(0, 1, "推进中 & <完成>"), at(0, 2, true), at(2, 0, 45291.5), at(0, 0, null)],
      [],
      strings,
    );
    expect(xml).toContain(
      '<row r="1"><c r="A1" s="2"/><c r="B1" s="3" t="s"><v>10</v></c><c r="C1" t="b"><v>1</v></c></row>',
    );
    expect(xml).toContain('<row r="3"><c r="A3" s="4"><v>45291.5</v></c></row>');
    expect(strings.texts).toEqual(["推进中 & <完成>"]);
  });

  it("leaves every other byte of the sheet as it was", () => {
    const original = sheet(
      rows,
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
      '<mergeCells count="0"/>',
    );
    expect(sheetWithValues(original, [], [], new AddedStrings(0))).toBe(original);
    const changed = sheetWithValues(original, [at(2, 0, 2)], [], new AddedStrings(0)) ?? "";
    expect(changed.replace('<c r="A3" s="4"><v>2</v></c>', '<c r="A3" s="4"><v>1</v></c>')).toBe(original);
  });

  it("makes cells and rows the sheet lacks, in order, and grows the dimension over them", () => {
    const strings = new AddedStrings(0);
    const xml = sheetWithValues(sheet(rows), [at(1, 1, "新"), at(4, 3, 7), at(0, 4, 1)], [], strings) ?? "";
    expect(xml).toContain('<row r="2"><c r="B2" t="s"><v>0</v></c></row><row r="3">');
    expect(xml).toContain('<c r="C1"><v>5</v></c><c r="E1"><v>1</v></c></row>');
    expect(xml).toMatch(/<row r="5"><c r="D5"><v>7<\/v><\/c><\/row><\/sheetData>/u);
    expect(xml).toContain('<dimension ref="A1:E5"/>');
    // A blank written where there is no cell makes none (ExcelJS writes no unstyled empty cell).
    expect(sheetWithValues(sheet(rows), [at(1, 1, "")], [], strings)).toBe(sheet(rows));
  });

  it("numbers a row without a number when it writes into it, as Excel reads it (the row after the one before)", () => {
    const unnumbered = sheet('<row r="2"><c><v>1</v></c></row><row><c><v>2</v></c></row>');
    expect(sheetWithValues(unnumbered, [at(2, 1, 9)], [], new AddedStrings(0))).toContain(
      '<row r="2"><c><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c><c r="B3"><v>9</v></c></row>',
    );
  });

  it("writes into an empty <sheetData/>", () => {
    const empty = `<worksheet ${ns}><sheetData/></worksheet>`;
    expect(sheetWithValues(empty, [at(0, 0, 3)], [], new AddedStrings(0))).toBe(
      `<worksheet ${ns}><sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData></worksheet>`,
    );
  });

  it.each([
    ["a formula's cell", sheet('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>'), at(0, 0, 3), []],
    ["a merged area's covered cell", sheet(rows), at(0, 1, 3), ["A1:B1"]],
    ["a new cell in a row with a style", sheet('<row r="1" s="5" customFormat="1"></row>'), at(0, 2, 3), []],
    [
      "a new cell in a column with a style",
      sheet(rows, '<cols><col min="2" max="2" style="6"/></cols>'),
      at(1, 1, 3),
      [],
    ],
    [
      "a sheet whose elements carry a prefix",
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>`,
      at(0, 0, 1),
      [],
    ],
  ])("leaves %s to ExcelJS (null)", (_, xml, value, merges) => {
    const areas = merges.flatMap((ref) => mergedArea(ref) ?? []);
    expect(sheetWithValues(xml, [value], areas, new AddedStrings(0))).toBeNull();
  });
});

describe("valuesOnly", () => {
  const patch = (values: readonly RectValues[], more: Partial<SheetPatch> = {}): SheetPatch => ({
    sheet: "附件1 任务清单",
    values,
    fills: [],
    clearNotes: null,
    notes: [],
    ...more,
  });

  it("takes values and appends, and leaves fills, notes, formulas and escapes to ExcelJS", () => {
    expect(
      valuesOnly({ sheets: [], patches: [patch([at(4, 12, "推进中"), at(4, 13, 1)])], activate: null }),
    ).toBe(true);
    expect(valuesOnly({ sheets: [], patches: [patch([at(4, 12, "=SUM(A1:A2)")])], activate: null })).toBe(
      false,
    );
    expect(valuesOnly({ sheets: [], patches: [patch([at(4, 12, "'=见附表")])], activate: null })).toBe(false);
    expect(valuesOnly({ sheets: [], patches: [patch([at(4, 12, "_x000D_")])], activate: null })).toBe(false);
    const fill = { rect: { row: 4, col: 12, rowCount: 1, colCount: 1 }, fill: "#FFFF00" };
    expect(valuesOnly({ sheets: [], patches: [patch([], { fills: [fill] })], activate: null })).toBe(false);
    expect(valuesOnly({ sheets: [], patches: [patch([])], activate: "汇总" })).toBe(false);
  });
});
