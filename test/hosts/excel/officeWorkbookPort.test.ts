import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { HostError } from "../../../src/hosts/hostError";
import { pointsFromCharacterWidth } from "../../../src/hosts/excel/cosmeticSteps";
import { createOfficeWorkbookPort } from "../../../src/hosts/excel/officeWorkbookPort";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { SheetLayout } from "../../../src/workbook/layout";
import { addInNoteMarker } from "../../../src/workbook/port";
import { DEFAULT_PAYLOAD_LIMIT_BYTES, FakeExcel } from "../../fakes/excel/fakeExcel";
import { key } from "../../fakes/excel/fakeGeometry";
import { FakeRichApiError } from "../../fakes/excel/fakeRichApiError";
import {
  asExcelRun,
  createOfficeHarness,
  enterAsUser,
  growTableTo,
  type OfficeHarness,
} from "./officeHarness";

const MONITORING = "监测数据";
const BUDGET = 4.5 * 1024 * 1024;

async function generate(harness: OfficeHarness): Promise<void> {
  const outcome = await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
  expect(outcome.ok).toBe(true);
}

/** 10,000 monitoring rows × 30 columns as staff would enter them below the header (row 4 on). */
function enterMonitoringRows(harness: OfficeHarness, rows: number): void {
  const sheet = harness.excel.state.sheetByName(MONITORING)!;
  for (let r = 0; r < rows; r += 1) {
    const row = 3 + r;
    sheet.values.set(key(row, 0), "露塘");
    sheet.values.set(key(row, 1), 44927 + (r % 365));
    for (let c = 2; c < 30; c += 1)
      sheet.values.set(key(row, c), Math.round(((r * 31 + c * 7) % 1000) * 1.37) / 100);
  }
  growTableTo(harness.excel.state, "WP_Monitoring", 2 + rows);
}

function makeLayout(name: string, values: SheetLayout["values"]): SheetLayout {
  return {
    name,
    values,
    columnWidths: [],
    rowHeights: [],
    formats: [],
    validations: [],
    tables: [],
    freeze: { rows: 0, columns: 0 },
    print: null,
    visibility: "visible",
    tabColor: null,
  };
}

describe("the Office host's round trips", () => {
  it("generates the plan's 9 sheets, and generates them again, in one Excel.run of at most 4 syncs", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    expect(harness.excel.state.sheets).toHaveLength(9);
    expect(harness.excel.runCount).toBe(1);
    // Into an empty workbook there are no values to load: the read takes a single sync; the write
    // takes one to check that nothing changed since the read and one to write.
    expect(harness.port.stats.lastRead?.syncs).toBe(1);
    expect(harness.port.stats.lastWrite?.syncs).toBe(2);
    expect(harness.excel.syncCount).toBe(3);

    const before = harness.excel.syncCount;
    await generate(harness);
    expect(harness.excel.runCount).toBe(2);
    expect(harness.port.stats.lastRead?.syncs).toBe(2);
    expect(harness.port.stats.lastWrite?.syncs).toBe(2);
    expect(harness.excel.syncCount - before).toBe(4);
  });

  it("generates again over 10,000 entered rows × 30 columns in 4 syncs, chunks aside", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    enterMonitoringRows(harness, 10_000);
    const before = harness.excel.syncCount;
    await generate(harness);

    const read = harness.port.stats.lastRead!;
    const write = harness.port.stats.lastWrite!;
    // The read estimates 12 bytes a cell: 10,003 rows × 32 columns ≈ 3.8 MB → one load under 4.5 MB.
    const usedRows = 10_003;
    const rowBytes = 32 * 12 + 3;
    const loads = Math.ceil(usedRows / Math.floor(BUDGET / rowBytes));
    expect(loads).toBe(1);
    expect(read.extraChunks).toBe(loads - 1);
    // A sheet past readBounds.withoutTables is read around its table, whose cells the first sync
    // asks for because the port expects the table it wrote.
    expect(read.syncs).toBe(1 + loads);
    expect(harness.excel.syncCount - before).toBe(4 + read.extraChunks + write.extraChunks);
    expect(harness.excel.maxRequestBytes).toBeLessThan(DEFAULT_PAYLOAD_LIMIT_BYTES);
    expect(harness.excel.maxResponseBytes).toBeLessThan(DEFAULT_PAYLOAD_LIMIT_BYTES);
    expect(harness.port.stats.largestRequestBytes).toBeLessThanOrEqual(BUDGET);

    const monitoring = (await harness.sheet(MONITORING))!.values();
    expect(monitoring.length).toBeGreaterThanOrEqual(10_003);
    expect(monitoring[3]?.[0]).toBe("露塘");
  }, 60_000);

  it("asks again in smaller cuts when long entered text makes Excel refuse the response", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    enterMonitoringRows(harness, 10_000);
    const remarks = harness.excel.state.sheetByName(MONITORING)!;
    // 10,000 remarks of 200 Chinese characters: about 6 MB of text, far past the 12-byte estimate.
    for (let r = 0; r < 10_000; r += 1)
      remarks.values.set(key(3 + r, 31), `第${r}次采样备注`.padEnd(200, "测"));
    const before = harness.excel.syncCount;
    await generate(harness);

    const read = harness.port.stats.lastRead!;
    expect(read.extraChunks).toBeGreaterThan(0);
    // The refused attempt is one round trip more than the chunks the retry used; the write's check
    // asks by the size the read measured, so it needs no retry.
    expect(harness.excel.syncCount - before).toBe(
      4 + 1 + read.extraChunks + harness.port.stats.lastWrite!.extraChunks,
    );
    const monitoring = (await harness.sheet(MONITORING))!.values();
    expect(monitoring[3 + 9_999]?.[31]).toBe("第9999次采样备注".padEnd(200, "测"));
  }, 60_000);

  it("cuts writes into requests under a smaller limit and keeps every value", async () => {
    const limit = 1024 * 1024;
    const harness = await createOfficeHarness({
      excel: { payloadLimitBytes: limit },
      port: { payloadLimitBytes: 0.9 * limit },
    });
    await generate(harness);
    enterMonitoringRows(harness, 10_000);
    const before = harness.excel.syncCount;
    await generate(harness);

    const read = harness.port.stats.lastRead!;
    const write = harness.port.stats.lastWrite!;
    expect(write.extraChunks).toBeGreaterThan(0);
    expect(harness.excel.syncCount - before).toBe(4 + read.extraChunks + write.extraChunks);
    expect(harness.excel.maxRequestBytes).toBeLessThan(limit);
    expect(harness.excel.maxResponseBytes).toBeLessThan(limit);
    const monitoring = (await harness.sheet(MONITORING))!.values();
    expect(monitoring.filter((row) => row[0] === "露塘")).toHaveLength(10_000);
  }, 60_000);
});

describe("the Office host reading a large sheet it has not seen", () => {
  it("spends one sync on the cells of tables it did not expect, and no more as rows grow", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    enterMonitoringRows(harness, 10_000);
    // A new port (a task pane opened afresh) expects no tables.
    const fresh = createOfficeWorkbookPort(asExcelRun(harness.excel), {
      isSetSupported: harness.excel.isSetSupported,
    });
    await fresh.read([MONITORING]);
    expect(fresh.stats.lastRead?.syncs).toBe(3);
    await fresh.read([MONITORING]);
    expect(fresh.stats.lastRead?.syncs).toBe(2);
  }, 60_000);
});

describe("the Office host keeping what users wrote", () => {
  it("keeps cells typed outside the tables through a port that has not seen the workbook, in as many syncs", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    const warm = harness.port.stats.totalSyncs;
    await generate(harness);
    const warmSyncs = harness.port.stats.totalSyncs - warm;
    await harness.enter("附件6 排查河流", "M4", "张工：柳江待复核");
    await harness.enter("附件6 排查河流", "B15", "=1+1");
    await harness.enter("附件1 任务清单", "T70", 7);
    // A new port (a task pane opened afresh) learns where the tables stand in its read's first sync.
    const fresh = createOfficeWorkbookPort(asExcelRun(harness.excel), {
      isSetSupported: harness.excel.isSetSupported,
    });
    const outcome = await generateWorkbook(fresh, liuzhou2023Plan, { locale: "en-US" });
    expect(outcome.ok).toBe(true);
    expect(fresh.stats.totalSyncs).toBe(warmSyncs);
    const rivers = harness.excel.state.sheetByName("附件6 排查河流")!;
    expect(rivers.valueAt(3, 12)).toBe("张工：柳江待复核");
    expect(rivers.formulas.get(key(14, 1))).toBe("=1+1");
    expect(harness.excel.state.sheetByName("附件1 任务清单")!.valueAt(69, 19)).toBe(7);
    expect(harness.excel.state.tables.find((t) => t.name === "WP_OutfallRivers")?.rect).toEqual({
      row: 2,
      col: 0,
      rowCount: 10,
      colCount: 8,
    });
  });

  it("keeps a formula a user put in an entry column as a formula", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    await harness.enter("附件6 排查河流", "E4", 12);
    await harness.enter("附件6 排查河流", "F4", "=E4-2");
    await generate(harness);
    const sheet = harness.excel.state.sheetByName("附件6 排查河流")!;
    expect(sheet.formulas.get(key(3, 5))).toBe("=E4-2");
    expect(sheet.valueAt(3, 4)).toBe(12);
  });
});

describe("the Office host keeping text that looks like a formula (R1)", () => {
  it("writes back a user's '=见附表 as the text it is, and a formula as a formula", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    // 进展情况 (N) of tasks 6 and 7: text typed with Excel's apostrophe, and a formula.
    await harness.enter("附件1 任务清单", "N9", "'=见附表");
    await harness.enter("附件1 任务清单", "N10", "=1+1");
    await generate(harness);
    const sheet = harness.excel.state.sheetByName("附件1 任务清单")!;
    expect(sheet.formulas.get(key(8, 13))).toBeUndefined();
    expect(sheet.valueAt(8, 13)).toBe("=见附表");
    expect(sheet.formulas.get(key(9, 13))).toBe("=1+1");
  });
});

describe("the Office host when Excel refuses", () => {
  it("does not write when the user gave the plan table's name to a table of their own", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    await harness.enter("附件1 任务清单", "K8", "推进中");
    await harness.addSheet("我的台账");
    await harness.enter("我的台账", "A1", "自己的表");
    // The user renamed the plan's table and gave its name to a table of their own.
    const state = harness.excel.state;
    state.tables.find((t) => t.name === "WP_Tasks")!.name = "MyTasks";
    state.addTable(state.sheetByName("我的台账")!, { row: 0, col: 0, rowCount: 2, colCount: 1 }, true).name =
      "WP_Tasks";
    const before = harness.excel.syncCount;

    const outcome = await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
    expect(outcome).toEqual({ ok: false, problems: [{ code: "sheet_name_taken", sheet: "附件1 任务清单" }] });
    // The read alone: nothing was sent that could change the workbook.
    expect(harness.excel.syncCount - before).toBe(harness.port.stats.lastRead?.syncs);
    expect((await harness.sheet("附件1 任务清单"))!.values()[7]?.[10]).toBe("推进中");
    expect((await harness.sheet("我的台账"))!.values()).toEqual([["自己的表"]]);
  });

  it("throws HostError excel_rejected, with the cause, and leaves the sheets it had not reached alone", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    await harness.enter("附件2 国控断面", "K10", "Ⅲ类");
    await harness.addSheet("我的台账");
    const state = harness.excel.state;
    state.addTable(state.sheetByName("我的台账")!, { row: 0, col: 0, rowCount: 2, colCount: 1 }, true).name =
      "Mine";
    // A write whose table name Excel refuses: it is in use elsewhere in the workbook.
    const layout: SheetLayout = {
      ...makeLayout("新表", [["h"], [1]]),
      tables: [
        { name: "Mine", rect: { row: 0, col: 0, rowCount: 2, colCount: 1 }, style: "TableStyleLight1" },
      ],
    };
    const failure = await harness.port
      .write({ sheets: [{ layout, mode: "create" }], activate: null })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).code).toBe("excel_rejected");
    expect((failure as HostError).cause).toBeInstanceOf(FakeRichApiError);
    expect((await harness.sheet("附件2 国控断面"))!.values()[9]?.[10]).toBe("Ⅲ类");
  });

  it("refuses a row too big for any request before sending anything", async () => {
    const excel = new FakeExcel();
    const port = createOfficeWorkbookPort(asExcelRun(excel), { payloadLimitBytes: 2_000 });
    const layout = makeLayout("宽表", [["x".repeat(3_000)]]);
    await expect(port.write({ sheets: [{ layout, mode: "create" }], activate: null })).rejects.toMatchObject({
      code: "payload_too_large",
    });
    expect(excel.syncCount).toBe(0);
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("the Office host's replace", () => {
  it("keeps the sheet itself, so formulas elsewhere that point at it stay valid", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    await harness.addSheet("我的台账");
    const state = harness.excel.state;
    state.sheetByName("我的台账")!.formulas.set(key(0, 0), "='附件2 国控断面'!F10");
    const before = state.sheets.map((s) => ({ id: s.id, name: s.name }));

    await generate(harness);

    expect(state.sheets.map((s) => ({ id: s.id, name: s.name }))).toEqual(before);
    expect(state.sheetByName("我的台账")!.formulas.get(key(0, 0))).toBe("='附件2 国控断面'!F10");
  });

  it("clears what the old sheet held beyond the new values, its validation and its old tables", async () => {
    const harness = await createOfficeHarness();
    const port = harness.port;
    const first = makeLayout("表", [
      ["a", "b"],
      ["c", "d"],
    ]);
    await port.write({
      sheets: [
        {
          layout: {
            ...first,
            tables: [
              {
                name: "WP_Old",
                rect: { row: 0, col: 0, rowCount: 2, colCount: 2 },
                style: "TableStyleLight9",
              },
            ],
            validations: [
              {
                rect: { row: 1, col: 1, rowCount: 1, colCount: 1 },
                rule: { kind: "wholeNumber", min: 0 },
                errorTitle: "数量",
                errorMessage: "请填写非负整数",
                errorStyle: "stop",
              },
            ],
          },
          mode: "create",
        },
      ],
      activate: null,
    });
    enterAsUser(harness.excel.state, "表", "D9", "旧的备注");

    await port.write({ sheets: [{ layout: makeLayout("表", [["x"]]), mode: "replace" }], activate: "表" });

    const probe = (await harness.sheet("表"))!;
    expect(probe.values()).toEqual([["x"]]);
    expect(probe.tables()).toEqual([]);
    expect(probe.validationAt("B2")).toBeNull();
    // One to learn whether the sheet is protected (a plain write has read nothing), one to write.
    expect(harness.port.stats.lastWrite?.syncs).toBe(2);
  });

  it("keeps text that Excel would retype as text (ISO dates, leading zeros, long IDs), and formulas as formulas", async () => {
    const harness = await createOfficeHarness();
    const layout: SheetLayout = {
      ...makeLayout("日期", [["2023-12-31", "2023-12-31"]]),
      formats: [{ rect: { row: 0, col: 0, rowCount: 1, colCount: 1 }, numberFormat: "@" }],
      columnWidths: [20, 8.43],
    };
    await harness.port.write({ sheets: [{ layout, mode: "create" }], activate: null });
    const sheet = harness.excel.state.sheetByName("日期")!;
    expect(sheet.valueAt(0, 0)).toBe("2023-12-31");
    // Excel would type this one as a date serial (45291), as for a user; the quote prefix keeps it text.
    expect(sheet.valueAt(0, 1)).toBe("2023-12-31");
    const texts = ["00123", "450203199001011234", "2023年5月1日", "TRUE", "-5", "0.01L", "50%"];
    await harness.port.write({
      sheets: [
        { layout: makeLayout("文本", [texts, [1, 2.5, true, "=A2+B2", "露塘", "Ⅲ类", 0]]), mode: "create" },
      ],
      activate: null,
    });
    const text = harness.excel.state.sheetByName("文本")!;
    expect(texts.map((_, c) => text.valueAt(0, c))).toEqual(texts);
    expect([0, 1, 2, 4, 5, 6].map((c) => text.valueAt(1, c))).toEqual([1, 2.5, true, "露塘", "Ⅲ类", 0]);
    // Text starting with "=" is a formula kept from the sheet, and is written as one.
    expect(text.formulas.get(key(1, 3))).toBe("=A2+B2");
    expect(sheet.columnWidths.get(0)).toBeCloseTo(pointsFromCharacterWidth(20));
    expect(pointsFromCharacterWidth(8.43)).toBeCloseTo(48, 0);
  });
});

describe("the Office host's read", () => {
  it("reports the sheet list, skips missing sheets, and reads an empty sheet as no values, in 2 syncs", async () => {
    const excel = new FakeExcel({ sheetNames: ["Sheet1", "数据"] });
    enterAsUser(excel.state, "数据", "B2", 3.5);
    enterAsUser(excel.state, "数据", "C3", "ND");
    const port = createOfficeWorkbookPort(asExcelRun(excel));
    const snapshot = await port.read(["Sheet1", "数据", "不存在"]);
    expect(snapshot.sheetNames).toEqual(["Sheet1", "数据"]);
    expect(snapshot.sheets.has("不存在")).toBe(false);
    expect(snapshot.sheets.get("Sheet1")?.values).toEqual([]);
    expect(snapshot.sheets.get("数据")).toMatchObject({
      startRow: 1,
      startCol: 1,
      values: [
        [3.5, ""],
        ["", "ND"],
      ],
    });
    expect(excel.syncCount).toBe(2);
  });
});

describe("the Office host's notes and charts", () => {
  const tasks = "附件1 任务清单";

  it("writes notes where Excel has ExcelApi 1.18, comments where it has 1.10, and with neither skips a patch's notes but draws its fills", async () => {
    const latest = await createOfficeHarness();
    expect(latest.port.features).toEqual({ notes: true, charts: true });
    expect(latest.port.markTexts).toBe("notes");
    const older = await createOfficeHarness({ excel: { excelApi: "1.17" } });
    expect(older.port.features).toEqual({ notes: true, charts: true });
    expect(older.port.markTexts).toBe("comments");
    const harness = await createOfficeHarness({ excel: { excelApi: "1.9" } });
    expect(harness.port.features).toEqual({ notes: false, charts: true });
    expect(harness.port.markTexts).toBeNull();
    await generate(harness);
    await harness.port.write({
      sheets: [],
      activate: null,
      patches: [
        {
          sheet: tasks,
          values: [],
          fills: [{ rect: { row: 7, col: 10, rowCount: 1, colCount: 1 }, fill: "#FFC7CE" }],
          clearNotes: { row: 3, col: 0, rowCount: 53, colCount: 13 },
          notes: [{ row: 7, col: 10, text: `${addInNoteMarker}状态不在下拉列表中` }],
        },
      ],
    });
    const probe = (await harness.sheet(tasks))!;
    expect(probe.fillAt("K8")).toBe("#FFC7CE");
    expect(probe.noteAt("K8")).toBeNull();
  });

  it("keeps a user's note where the add-in would write one, and replaces its own note's text", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    await harness.enterNote(tasks, "K8", "张三：待核实");
    await harness.enterNote(tasks, "L9", `${addInNoteMarker}旧的说明`);
    await harness.port.write({
      sheets: [],
      activate: null,
      patches: [
        {
          sheet: tasks,
          values: [],
          fills: [],
          clearNotes: null,
          notes: [
            { row: 7, col: 10, text: `${addInNoteMarker}状态不在下拉列表中` },
            { row: 8, col: 11, text: `${addInNoteMarker}新的说明` },
          ],
        },
      ],
    });
    const probe = (await harness.sheet(tasks))!;
    expect(probe.noteAt("K8")).toBe("张三：待核实");
    expect(probe.noteAt("L9")).toBe(`${addInNoteMarker}新的说明`);
  });

  it("draws a layout's charts with their title, place and value axis, and redraws them on replace", async () => {
    const harness = await createOfficeHarness();
    const chart = {
      kind: "columnClustered" as const,
      title: "断面水质类别与目标",
      data: { row: 0, col: 0, rowCount: 3, colCount: 3 },
      anchor: { row: 4, col: 0, rowCount: 15, colCount: 8 },
      axis: { min: 1, max: 6, title: "水质类别" },
    };
    const layout: SheetLayout = {
      ...makeLayout("汇总", [
        ["断面", "实测", "目标"],
        ["露塘", 3, 2],
        ["凤山", 2, 2],
      ]),
      charts: [chart],
    };
    await harness.port.write({ sheets: [{ layout, mode: "create" }], activate: null });
    const sheet = harness.excel.state.sheetByName("汇总")!;
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        name: "WP_Chart1",
        type: "ColumnClustered",
        seriesBy: "Columns",
        title: "断面水质类别与目标",
        source: chart.data,
        position: chart.anchor,
        valueAxis: { minimum: 1, maximum: 6, title: "水质类别" },
      }),
    ]);
    // What a write that failed between adding a chart and naming it leaves: Excel's default name.
    sheet.charts.push({ ...sheet.charts[0]!, id: "{LEFT}", name: "Chart 2" });

    await harness.port.write({
      sheets: [{ layout: { ...layout, charts: [{ ...chart, title: "新标题" }] }, mode: "replace" }],
      activate: null,
    });
    expect(sheet.charts.map((c) => [c.name, c.title])).toEqual([["WP_Chart1", "新标题"]]);
  });

  it("leaves a chart a user drew on a plan sheet when generating again", async () => {
    const harness = await createOfficeHarness();
    await generate(harness);
    const tasks = harness.excel.state.sheetByName("附件1 任务清单")!;
    tasks.charts.push({
      id: "{USER}",
      name: "我的图表",
      type: "Pie",
      source: { row: 3, col: 0, rowCount: 5, colCount: 2 },
      seriesBy: "Auto",
      title: "",
      position: null,
      valueAxis: { minimum: null, maximum: null, title: "" },
    });
    await generate(harness);
    expect(tasks.charts.map((c) => c.name)).toEqual(["我的图表"]);
  });
});
