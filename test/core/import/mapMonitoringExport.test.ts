import fc from "fast-check";
import { formatImportIssue } from "../../../src/core/import/formatImportIssue";
import { isFlaggedRemark } from "../../../src/core/import/importRemark";
import {
  mapMonitoringExport,
  type MonitoringImport,
  type MonitoringImportInput,
} from "../../../src/core/import/mapMonitoringExport";
import { readCsvGrid } from "../../../src/core/import/readCsvGrid";
import type { ExportCell } from "../../../src/core/import/readExportHeader";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { exportFixtureBytes, exportFixtureGrid, monitoringSheetParameters } from "./exportFixtures";

const base: Omit<MonitoringImportInput, "grid"> = {
  plan,
  asOf: "2023-06-30",
  locale: "zh-CN",
  sheetParameters: monitoringSheetParameters,
  existing: [],
};

function mapped(
  grid: readonly (readonly ExportCell[])[],
  input: Partial<MonitoringImportInput> = {},
): MonitoringImport {
  const result = mapMonitoringExport({ ...base, grid, ...input });
  if (!result.ok) throw new Error(`refused: ${formatImportIssue(result.problem, "en-US")}`);
  return result;
}

describe("mapMonitoringExport over the national real-time table", () => {
  const preview = mapped(exportFixtureGrid("national-realtime.csv"));

  it("counts what it reads, appends and leaves out", () => {
    expect(preview.headerRow).toBe(3);
    expect(preview.counts).toEqual({
      read: 39,
      new: 34,
      flagged: 1,
      duplicates: 0,
      refused: 3,
      unmatched: 2,
    });
  });

  it("keeps 4-hourly rows of one day as distinct samples, the year taken from the plan", () => {
    const times = preview.samples
      .filter((s) => s.point === "露塘" && s.iso === "2023-05-01")
      .map((s) => s.minutes);
    // 00:00 is the day's serial itself, which validation reads as the day: keyed so, it is found again.
    expect(times).toEqual([null, 240, 480, 720, 960, 1200]);
    expect(preview.samples[1]?.sampledOn).toBeCloseTo(45047 + 4 / 24, 9);
  });

  it("writes the values in 监测数据's columns and the columns the plan does not use in 备注", () => {
    const first = preview.samples[0];
    expect(first?.point).toBe("露塘");
    expect(Object.fromEntries(first?.values ?? [])).toEqual({
      water_temp: 24.6,
      ph: 7.38,
      do: 7.98,
      codmn: 1.8,
      nh3n: 0.064,
      tp: 0.05,
      tn: 1.02,
    });
    expect(first?.remark).toBe("水质类别 Ⅱ；电导率(μS/cm) 205.8；浊度(NTU) 13.4");
    expect(preview.columns.filter((c) => c.use === "skipped").map((c) => c.header)).toEqual(["省份", "流域"]);
  });

  it("imports a row under maintenance flagged: its values in 备注 and none in the parameter columns", () => {
    const flagged = preview.samples.filter((s) => s.flagged);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.values.size).toBe(0);
    expect(flagged[0]?.remark).toMatch(/^【未计入】站点情况：维护；水温\(℃\) [\d.]+；pH\(无量纲\) [\d.]+/u);
    expect(isFlaggedRemark(flagged[0]?.remark ?? "")).toBe(true);
  });

  it("refuses rows with nothing measured and a day after the as-of day that belongs to last year", () => {
    expect(preview.refused.map((i) => [i.row, i.code])).toEqual([
      [25, "sample_without_values"],
      [28, "sample_without_values"],
      [42, "sampling_date_outside_plan_year"],
    ]);
    expect(formatImportIssue(preview.refused[2]!, "en-US")).toContain("last year's, 2022-12-31");
  });

  it("lists a station the plan does not have, never importing it under a guess", () => {
    expect(preview.unmatched).toEqual([{ name: "南宁老口", rows: 2, firstRow: 40, suggestion: null }]);
  });

  it("imports the GB18030 (GBK) twin exactly as the UTF-8 file", () => {
    const gbk = readCsvGrid(exportFixtureBytes("national-realtime.gbk.csv"));
    expect(gbk.encoding).toBe("gb18030");
    expect(mapped(gbk.rows)).toEqual(preview);
  });

  it("adds nothing when imported again over what it appended", () => {
    const again = mapped(exportFixtureGrid("national-realtime.csv"), {
      existing: preview.samples.map((s) => ({ point: s.point, iso: s.iso, minutes: s.minutes })),
    });
    expect(again.counts).toMatchObject({ new: 0, duplicates: 34 });
    expect(again.duplicates.every((d) => d.of === "sheet")).toBe(true);
  });
});

describe("mapMonitoringExport over a monthly bulletin", () => {
  const preview = mapped(exportFixtureGrid("monthly-bulletin.csv"));

  it("imports one row per section, the footnote refused as no sample", () => {
    expect(preview.counts).toEqual({
      read: 11,
      new: 10,
      flagged: 0,
      duplicates: 0,
      refused: 1,
      unmatched: 0,
    });
    expect(preview.refused[0]?.code).toBe("not_a_sample_row");
    expect(preview.samples.map((s) => s.point)).toEqual(plan.nationalSections.map((s) => s.name));
  });

  it("reads pH*, DO, CODMn and NH3-N, keeps the classes and exceedances as written, and notes the * marks", () => {
    const jiaoBanZhou = preview.samples.find((s) => s.point === "脚板洲");
    expect(Object.fromEntries(jiaoBanZhou?.values ?? [])).toEqual({
      ph: 7.1,
      do: 5.6,
      codmn: 4.2,
      nh3n: 1.32,
      tp: 0.12,
    });
    expect(jiaoBanZhou?.remark).toBe("水质类别 Ⅳ类；主要污染指标(超标倍数) 氨氮(Ⅳ)；标注*：NH3-N");
    expect(preview.samples.find((s) => s.point === "露塘")?.remark).toBe(
      "水质类别 Ⅲ类；主要污染指标(超标倍数) 氨氮/1.3；标注*：NH3-N",
    );
    expect(preview.samples.find((s) => s.point === "贝江口")?.remark).toBe("水质类别 II");
  });

  it("dates each sample by its day, without a time", () => {
    expect(preview.samples[0]).toMatchObject({ iso: "2023-05-08", minutes: null, sampledOn: 45054 });
  });
});

describe("mapMonitoringExport over a lab report", () => {
  const preview = mapped(exportFixtureGrid("lab-report.csv"));

  it("imports every drinking-water source, names matched with and without 水源地 and county prefixes", () => {
    expect(preview.counts).toEqual({ read: 10, new: 9, flagged: 0, duplicates: 0, refused: 1, unmatched: 0 });
    expect(preview.samples.map((s) => s.point)).toEqual([
      ...plan.municipalSources.map((s) => s.name),
      ...plan.countySources.map((s) => s.name),
    ]);
  });

  it("reads detection limits (0.01L, <0.01, ND, 未检出) and converts µg/L and the units row", () => {
    const values = Object.fromEntries(preview.samples[0]?.values ?? []);
    expect(values).toMatchObject({ cu: "0.001L", hg: "0.00004L", se: "0.0004L", cd: "0.0001L", pb: "ND" });
    expect(Object.keys(values)).toHaveLength(29);
    expect(preview.samples[7]?.values.get("sulfide")).toBe("未检出");
    expect(preview.samples[0]?.values.get("fecal_coliform")).toBe(1100);
  });
});

describe("mapMonitoringExport", () => {
  const header = ["断面名称", "监测时间", "氨氮(mg/L)"];

  it("refuses a row with a value it cannot read, whole, naming the column", () => {
    const preview = mapped([header, ["露塘", "2023-05-01", "异常"], ["露塘", "2023-05-02", "0.3"]]);
    expect(preview.counts).toMatchObject({ new: 1, refused: 1 });
    expect(formatImportIssue(preview.refused[0]!, "zh-CN")).toBe(
      "列“氨氮(mg/L)”：无法识别的监测值“异常”：请填写数值，低于检出限写作“0.01L”或“<0.01”，未监测留空。整行未导入。",
    );
  });

  it("counts a second row of the same point and time as a duplicate of the first", () => {
    const preview = mapped([header, ["露塘", "05-01 04:00", "0.3"], ["露塘断面", "2023-05-01 04:00", "0.4"]]);
    expect(preview.counts).toMatchObject({ new: 1, duplicates: 1 });
    expect(preview.duplicates[0]).toMatchObject({ row: 3, of: "export" });
  });

  it("uses a mapping the user confirmed for a name the plan does not have", () => {
    const preview = mapped([header, ["柳江大桥", "2023-05-01", "0.3"]], {
      confirmed: new Map([["柳江大桥", "露塘"]]),
    });
    expect(preview.samples[0]?.point).toBe("露塘");
  });

  it("dates an export without a time column by the day given, and refuses it without one", () => {
    const grid = [
      ["断面名称", "氨氮"],
      ["露塘", "0.3"],
    ];
    expect(mapped(grid, { sampledOn: "2023-05-10" }).samples[0]?.iso).toBe("2023-05-10");
    expect(mapMonitoringExport({ ...base, grid })).toEqual({
      ok: false,
      problem: { code: "no_time_column", row: 1 },
    });
  });

  it("refuses an export without a header row, saying how far it looked", () => {
    const result = mapMonitoringExport({ ...base, grid: [["露塘", "0.3"]] });
    expect(result.ok ? "" : formatImportIssue(result.problem, "en-US")).toMatch(
      /^No header in the first 30 rows/u,
    );
  });

  it("writes 备注 in the workbook's language", () => {
    const preview = mapped(
      [
        [...header, "站点情况"],
        ["露塘", "2023-05-01", "0.3", "故障"],
      ],
      { locale: "en-US" },
    );
    expect(preview.samples[0]?.remark).toBe("[Not counted] Station status: 故障; 氨氮(mg/L) 0.3");
  });

  it("never throws, whatever the grid holds", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("露塘", "05-01 04:00", "0.01L", "--", "维护"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
        mapMonitoringExport({ ...base, grid: [[...header, "站点情况", "水温"], ...rows] });
        mapMonitoringExport({ ...base, grid: rows });
      }),
      { numRuns: 500 },
    );
  });
});
