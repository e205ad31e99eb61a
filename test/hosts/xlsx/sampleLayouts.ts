import { narrowMargins } from "../../../src/workbook/printScale";
import type { CellValue, SheetLayout } from "../../../src/workbook/layout";

/** A small appendix-like sheet: a title row, a blank row, a table with a plan column and an entry column. */
export function makeLayout(overrides: Partial<SheetLayout> = {}): SheetLayout {
  const values: CellValue[][] = [
    ["附件2 国控断面", null, null, null],
    [null, null, null, null],
    ["序号", "断面名称", "水质目标", "实测水质类别"],
    [1, "柳江 露塘", "Ⅱ类", null],
    [2, "融江 大洲", "Ⅲ类", "Ⅱ类"],
  ];
  return {
    name: "附件2 国控断面",
    values,
    columnWidths: [6, 18, 10, 14],
    rowHeights: [{ row: 0, height: 28 }],
    formats: [
      { rect: { row: 0, col: 0, rowCount: 1, colCount: 4 }, bold: true, fontSize: 14 },
      {
        rect: { row: 2, col: 0, rowCount: 1, colCount: 4 },
        bold: true,
        wrapText: true,
        horizontalAlignment: "center",
      },
      { rect: { row: 3, col: 3, rowCount: 2, colCount: 1 }, fill: "#fff2cc", numberFormat: "@" },
      { rect: { row: 3, col: 0, rowCount: 2, colCount: 1 }, numberFormat: "0" },
    ],
    validations: [
      {
        rect: { row: 3, col: 3, rowCount: 2, colCount: 1 },
        rule: { kind: "list", values: ["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类"] },
        errorTitle: "水质类别",
        errorMessage: "请从下拉列表中选择水质类别。",
        errorStyle: "stop",
      },
    ],
    tables: [
      { name: "WP_National", rect: { row: 2, col: 0, rowCount: 3, colCount: 4 }, style: "TableStyleLight9" },
    ],
    freeze: { rows: 3, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      titleRows: { first: 2, last: 2 },
      scale: 85,
      margins: narrowMargins,
      columns: { first: 0, last: 3 },
      rowBreaks: [],
      gridlines: true,
      titleColumns: null,
    },
    visibility: "visible",
    tabColor: "#1F4E79",
    ...overrides,
  };
}

/** A sheet for dates and numbers in entry cells: serials with a date format, decimals, whole numbers. */
export function makeEntryLayout(): SheetLayout {
  return {
    ...makeLayout(),
    name: "监测数据",
    values: [
      ["点位", "采样日期", "溶解氧（mg/L）", "个数"],
      ["柳江 露塘", 45291, 7.5, 3],
    ],
    columnWidths: [12, 12, 12, 8],
    rowHeights: [],
    formats: [{ rect: { row: 1, col: 1, rowCount: 1, colCount: 1 }, numberFormat: "yyyy-mm-dd" }],
    validations: [
      {
        rect: { row: 1, col: 1, rowCount: 1, colCount: 1 },
        rule: { kind: "date", from: "2023-01-01", to: "2023-12-31" },
        errorTitle: "日期",
        errorMessage: "请输入 2023 年内的日期。",
        errorStyle: "stop",
      },
      {
        rect: { row: 1, col: 2, rowCount: 1, colCount: 1 },
        rule: { kind: "decimal", min: 0 },
        errorTitle: "数值",
        errorMessage: "请输入数值。",
        errorStyle: "warning",
      },
      {
        rect: { row: 1, col: 3, rowCount: 1, colCount: 1 },
        rule: { kind: "wholeNumber", min: 0, max: 1000 },
        errorTitle: "数值",
        errorMessage: "请输入整数。",
        errorStyle: "stop",
      },
    ],
    tables: [
      {
        name: "WP_Monitoring",
        rect: { row: 0, col: 0, rowCount: 2, colCount: 4 },
        style: "TableStyleLight9",
      },
    ],
    freeze: { rows: 1, columns: 1 },
    print: null,
    tabColor: null,
  };
}
