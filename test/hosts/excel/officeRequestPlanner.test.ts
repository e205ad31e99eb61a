import { HostError } from "../../../src/hosts/hostError";
import {
  ACTION_OVERHEAD_BYTES,
  chunkRows,
  packGreedily,
  planValueLoads,
  utf8Bytes,
} from "../../../src/hosts/excel/officeRequestPlanner";

describe("the Office host's request planner", () => {
  it("counts text in UTF-8, as the payload limit does", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("水质")).toBe(6);
  });

  it("cuts rows into chunks under the budget, in order, and refuses a row no request can hold", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ["露塘", i]);
    const budget = 4 * ACTION_OVERHEAD_BYTES + 200;
    const chunks = chunkRows(rows, "监测数据", budget);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(100);
    chunks.forEach((c, i) => {
      expect(c.first).toBe(i === 0 ? 0 : chunks[i - 1]!.first + chunks[i - 1]!.count);
      expect(c.bytes).toBeLessThanOrEqual(200);
    });
    expect(() => chunkRows([["x".repeat(500)]], "宽表", budget)).toThrow(HostError);
  });

  it("packs steps in order up to the budget, and refuses one bigger than the budget", () => {
    expect(packGreedily([3, 4, 2, 5, 1], 7, (n) => n)).toEqual([[3, 4], [2, 5], [1]]);
    expect(() => packGreedily([8], 7, (n) => n)).toThrow(HostError);
  });

  it("loads a big block in row cuts and lets small blocks ride along with the last cut", () => {
    const big = { name: "监测数据", startRow: 0, startCol: 0, rowCount: 1000, colCount: 10 };
    const small = { name: "附件2", startRow: 0, startCol: 0, rowCount: 5, colCount: 10 };
    // 10 cells × 12 bytes + 3 = 123 bytes a row; 50,000 bytes hold 406 rows.
    const groups = planValueLoads([big, small], 50_000, 12);
    expect(groups.map((g) => g.map((p) => [p.area.name, p.rowOffset, p.rowCount]))).toEqual([
      [["监测数据", 0, 406]],
      [["监测数据", 406, 406]],
      [
        ["监测数据", 812, 188],
        ["附件2", 0, 5],
      ],
    ]);
  });
});
