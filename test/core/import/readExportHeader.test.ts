import { readExportHeader, type ExportCell } from "../../../src/core/import/readExportHeader";
import { monitoringSheetParameters } from "./exportFixtures";

const sheet = new Set(monitoringSheetParameters);
const uses = (grid: (readonly ExportCell[])[]): string => {
  const header = readExportHeader(grid, sheet);
  if ("code" in header) return header.code;
  const described = header.columns.map((c) => {
    switch (c.use.kind) {
      case "parameter":
        return `${c.use.parameter}×${c.use.factor}`;
      case "time":
        return `time:${c.use.part}`;
      case "refused":
        return `refused:${c.use.issue.code}`;
      case "point":
      case "status":
      case "remark":
      case "skipped":
        return c.use.kind;
    }
  });
  return `rows ${header.firstRow}–${header.lastRow}: ${described.join(", ")}`;
};

describe("readExportHeader", () => {
  it("finds the header below title rows", () => {
    expect(uses([["柳州市水质月报"], [], ["断面名称", "监测时间", "氨氮(mg/L)", "DO"]])).toBe(
      "rows 2–2: point, time:datetime, nh3n×1, do×1",
    );
  });

  it("reads the national real-time table's 17 columns, keeping what the plan does not use in 备注", () => {
    const header =
      "省份,流域,断面名称,监测时间,水质类别,水温(℃),pH(无量纲),溶解氧(mg/L),电导率(μS/cm),浊度(NTU),高锰酸盐指数(mg/L),氨氮(mg/L),总磷(mg/L),总氮(mg/L),叶绿素α(mg/L),藻密度(cells/L),站点情况";
    expect(uses([header.split(",")])).toBe(
      "rows 0–0: skipped, skipped, point, time:datetime, remark, water_temp×1, ph×1, do×1, remark, remark, codmn×1, nh3n×1, tp×1, tn×1, remark, remark, status",
    );
  });

  it("reads a row of units under the names into them, µg/L converted", () => {
    expect(
      uses([
        ["采样点位", "采样日期", "汞", "pH值"],
        ["", "", "μg/L", "无量纲"],
      ]),
    ).toBe("rows 0–1: point, time:datetime, hg×0.001, ph×1");
  });

  it("takes a header cell's text from the row above when it is merged over two rows", () => {
    expect(
      uses([
        ["断面名称", "监测项目", ""],
        ["", "NH3-N", "TP"],
      ]),
    ).toBe("rows 1–1: point, nh3n×1, tp×1");
  });

  it("reads a day column and a time-of-day column as one sampling time", () => {
    expect(uses([["点位名称", "采样日期", "采样时间", "氨氮"]])).toBe(
      "rows 0–0: point, time:date, time:clock, nh3n×1",
    );
  });

  it("refuses a parameter column whose unit it cannot read, and a second column of one parameter", () => {
    expect(uses([["断面名称", "日期", "氨氮(ppm)", "总磷", "TP"]])).toBe(
      "rows 0–0: point, time:datetime, refused:column_unit_unreadable, tp×1, refused:parameter_column_repeated",
    );
  });

  it("keeps a parameter 监测数据 has no column for (GB 3838 Table 3) in 备注", () => {
    expect(uses([["断面名称", "日期", "氨氮", "苯"]])).toBe("rows 0–0: point, time:datetime, nh3n×1, remark");
  });

  it("says no_header_row when no row names a point and a parameter", () => {
    expect(uses([["标题"], ["名称", "备注"], ["露塘", "0.12"]])).toBe("no_header_row");
  });
});
