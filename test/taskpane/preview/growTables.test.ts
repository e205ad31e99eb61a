import { growTables } from "../../../src/taskpane/preview/growTables";
import type { CellRect, SheetLayout } from "../../../src/workbook/layout";
import { readBounds } from "../../../src/workbook/port";

const rect = (row: number, col: number, rowCount: number, colCount: number): CellRect => ({
  row,
  col,
  rowCount,
  colCount,
});

/** A sheet like 监测数据: title, note, header on row 3 and one data row (row 4), a table A3:C4. */
function monitoringLike(): SheetLayout {
  return {
    name: "监测数据",
    values: [
      ["title", "", ""],
      ["note", "", ""],
      ["点位名称", "采样日期", "pH"],
      ["", "", ""],
    ],
    columnWidths: [24, 12, 9],
    rowHeights: [],
    formats: [
      { rect: rect(2, 0, 1, 3), bold: true },
      { rect: rect(3, 0, 1, 1), fill: "#FFF2CC" },
      { rect: rect(3, 1, 1, 1), fill: "#FFF2CC", numberFormat: "yyyy-mm-dd" },
      { rect: rect(0, 0, 1, 1), fontSize: 14 },
    ],
    validations: [
      {
        rect: rect(3, 1, 1, 1),
        rule: { kind: "date", from: "2022-01-01", to: "2024-12-31" },
        errorTitle: "输入无效",
        errorMessage: "请输入日期",
        errorStyle: "stop",
      },
    ],
    tables: [{ name: "WP_Monitoring", rect: rect(2, 0, 2, 3), style: "TableStyleLight1" }],
    freeze: { rows: 3, columns: 2 },
    print: null,
    visibility: "visible",
    tabColor: null,
  };
}

/** Cells typed, as "row,col" zero-based. */
function typed(...cells: [number, number][]): (row: number, col: number) => boolean {
  const set = new Set(cells.map(([r, c]) => `${r},${c}`));
  return (row, col) => set.has(`${row},${col}`);
}

describe("growTables (Excel's AutoExpansion of a table over rows typed below it)", () => {
  it("grows the table over the rows typed below it, and its last row's formats and validation with it", () => {
    const grown = growTables(monitoringLike(), 5, typed([4, 0], [5, 1]));
    expect(grown.tables[0]?.rect).toEqual(rect(2, 0, 4, 3));
    // The date column's number format and fill reach rows 5 and 6 (zero-based 4 and 5).
    expect(grown.formats).toContainEqual({
      rect: rect(3, 1, 3, 1),
      fill: "#FFF2CC",
      numberFormat: "yyyy-mm-dd",
    });
    expect(grown.formats).toContainEqual({ rect: rect(3, 0, 3, 1), fill: "#FFF2CC" });
    expect(grown.validations[0]?.rect).toEqual(rect(3, 1, 3, 1));
  });

  it("leaves the header's and the title's formats where they were", () => {
    const grown = growTables(monitoringLike(), 5, typed([5, 0]));
    expect(grown.formats).toContainEqual({ rect: rect(2, 0, 1, 3), bold: true });
    expect(grown.formats).toContainEqual({ rect: rect(0, 0, 1, 1), fontSize: 14 });
  });

  it("returns the same layout when nothing was typed below a table, or only right of it", () => {
    const layout = monitoringLike();
    expect(growTables(layout, 3, typed([3, 0]))).toBe(layout);
    expect(growTables(layout, 4, typed([4, 3]))).toBe(layout);
  });

  it("takes a row typed after a few blank rows, but not one past the gap the xlsx host stops reading at", () => {
    const near = growTables(monitoringLike(), 10, typed([10, 0]));
    expect(near.tables[0]?.rect).toEqual(rect(2, 0, 9, 3));
    const far = 4 + readBounds.rowsBelowTables;
    expect(growTables(monitoringLike(), far, typed([far, 0])).tables[0]?.rect).toEqual(rect(2, 0, 2, 3));
  });

  it("grows again from where it grew (typing one row after another)", () => {
    const once = growTables(monitoringLike(), 4, typed([4, 0]));
    const twice = growTables(once, 5, typed([4, 0], [5, 0]));
    expect(twice.tables[0]?.rect).toEqual(rect(2, 0, 4, 3));
    expect(twice.validations[0]?.rect).toEqual(rect(3, 1, 3, 1));
  });
});
