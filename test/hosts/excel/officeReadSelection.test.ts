import { ESTIMATED_RESPONSE_BYTES_PER_CELL } from "../../../src/hosts/excel/officeRequestPlanner";
import { readSelection } from "../../../src/hosts/excel/readSelection";
import type { CellValue } from "../../../src/workbook/layout";
import { FakeExcel } from "../../fakes/excel/fakeExcel";
import { key } from "../../fakes/excel/fakeGeometry";

/*
 * 导入监测数据 from a selection: an export pasted into a sheet and selected. Excel on the web answers
 * at most 5 MB per sync; the fake refuses a larger response as Excel does, so a read that is not
 * cut by rows fails here as it would there.
 */

const header = [
  "省份",
  "流域",
  "断面名称",
  "监测时间",
  "水质类别",
  "水温(℃)",
  "pH(无量纲)",
  "溶解氧(mg/L)",
  "电导率(μS/cm)",
  "浊度(NTU)",
  "高锰酸盐指数(mg/L)",
  "氨氮(mg/L)",
  "总磷(mg/L)",
  "总氮(mg/L)",
  "叶绿素α(mg/L)",
  "藻密度(cells/L)",
  "站点情况",
];

/** Row i of a pasted automatic-station export (17 columns, as the national real-time page writes it). */
function exportRow(i: number): CellValue[] {
  return [
    "广西",
    "珠江流域",
    "柳州露塘",
    `${String(1 + (i % 12)).padStart(2, "0")}-01 ${String((i % 6) * 4).padStart(2, "0")}:00`,
    "Ⅱ",
    20 + (i % 80) / 10,
    7 + (i % 90) / 100,
    7.13,
    245.6,
    12.3,
    1.5 + (i % 100) / 100,
    0.05 + (i % 300) / 1000,
    0.021,
    1.02,
    "--",
    "--",
    i % 997 === 0 ? "维护" : "正常",
  ];
}

/** A fake Excel whose "粘贴" sheet holds the header at `top` and `rows` rows below it, and that selection. */
function pasted(rows: number, options: { top?: number; select?: string; payloadLimitBytes?: number } = {}) {
  const excel = new FakeExcel({
    sheetNames: ["Sheet1", "粘贴"],
    ...(options.payloadLimitBytes === undefined ? {} : { payloadLimitBytes: options.payloadLimitBytes }),
  });
  const sheet = excel.state.sheetByName("粘贴")!;
  const top = options.top ?? 0;
  const grid = [header, ...Array.from({ length: rows }, (_, i) => exportRow(i))];
  grid.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== "") sheet.values.set(key(top + r, c), value as string | number);
    });
  });
  excel.state.activeSheetId = sheet.id;
  excel.state.selection = {
    sheetId: sheet.id,
    rect:
      options.select === "columns"
        ? { row: 0, col: 0, rowCount: 1_048_576, colCount: header.length }
        : { row: top, col: 0, rowCount: grid.length, colCount: header.length },
  };
  return { excel, grid };
}

async function readIn(excel: FakeExcel, budget?: number) {
  const before = excel.syncCount;
  const read = await excel.run((context) =>
    readSelection(context as unknown as Excel.RequestContext, budget),
  );
  return { read, syncs: excel.syncs.slice(before) };
}

describe("reading the selected range for an import (Office host, fake Excel)", () => {
  it("reads a pasted year of 4-hourly rows (50,000 × 17), too big for one response, in row chunks under the limit", async () => {
    const { excel, grid } = pasted(50_000);
    // One request for all of it is what Excel on the web refuses.
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });

    const { read, syncs } = await readIn(excel);
    expect(read.sheet).toBe("粘贴");
    expect(read.address).toBe("粘贴!A1:Q50001");
    expect(read.values).toEqual(grid);
    // About 10 MB of JSON: three chunks under the 4.5 MB budget, after the sync that finds the selection.
    expect(read.extraChunks).toBe(2);
    expect(syncs).toHaveLength(4);
    for (const sync of syncs) expect(sync.responseBytes).toBeLessThanOrEqual(excel.payloadLimitBytes);
  });

  it("keeps its syncs constant as the rows grow, apart from the chunks of values", async () => {
    const counted: { rows: number; syncs: number; chunks: number }[] = [];
    for (const rows of [60, 600, 6_000, 60_000]) {
      const { excel } = pasted(rows);
      const { read, syncs } = await readIn(excel);
      expect(read.values).toHaveLength(rows + 1);
      counted.push({ rows, syncs: syncs.length, chunks: read.extraChunks });
    }
    // Where the selection lies, then its values: two syncs, and one per chunk beyond the first.
    expect(counted.map((c) => c.syncs - c.chunks)).toEqual([2, 2, 2, 2]);
    expect(counted.map((c) => c.chunks)).toEqual([0, 0, 0, expect.any(Number)]);
    expect(counted[3]?.chunks).toBeGreaterThan(0);
  });

  it("reads whole selected columns only as far as the sheet holds values", async () => {
    const { excel, grid } = pasted(300, { top: 2, select: "columns" });
    const { read, syncs } = await readIn(excel);
    expect(read.address).toBe("粘贴!A1:Q1048576");
    // The two blank rows above the header are outside the used range, so not read.
    expect(read.values).toEqual(grid);
    expect(syncs).toHaveLength(2);
  });

  it("reads nothing from a selection of empty cells", async () => {
    const excel = new FakeExcel({ sheetNames: ["Sheet1"] });
    const { read, syncs } = await readIn(excel);
    expect(read).toMatchObject({ sheet: "Sheet1", address: "Sheet1!A1", values: [] });
    expect(syncs).toHaveLength(1);
  });

  it("asks again in smaller cuts when the values are longer than estimated and Excel refuses the response", async () => {
    const excel = new FakeExcel({ sheetNames: ["备注"], payloadLimitBytes: 200_000 });
    const sheet = excel.state.sheetByName("备注")!;
    // Remarks of 60 characters: five times the estimate of a cell.
    const long = "【未计入】站点情况：维护；水温(℃) 24.1；pH(无量纲) 7.12；溶解氧(mg/L) 7.5；电导率 245";
    expect(new TextEncoder().encode(JSON.stringify(long)).length).toBeGreaterThan(
      4 * ESTIMATED_RESPONSE_BYTES_PER_CELL,
    );
    for (let r = 0; r < 2_000; r += 1) sheet.values.set(key(r, 0), `${r}${long}`);
    excel.state.selection = { sheetId: sheet.id, rect: { row: 0, col: 0, rowCount: 2_000, colCount: 1 } };
    const { read, syncs } = await readIn(excel, 180_000);
    expect(read.values.map((row) => row[0])).toEqual(Array.from({ length: 2_000 }, (_, r) => `${r}${long}`));
    // The refused sync is among them: the read was asked again, not given up.
    expect(syncs.some((s) => s.responseBytes > excel.payloadLimitBytes)).toBe(true);
    expect(syncs.filter((s) => s.responseBytes > excel.payloadLimitBytes).length).toBeLessThan(syncs.length);
  });
});
