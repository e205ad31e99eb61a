import { FakeExcel, type FakeRequestContext } from "./fakeExcel";
import { key } from "./fakeGeometry";
import { FakeRichApiError } from "./fakeRichApiError";

/** Runs one batch and returns the error it threw (or fails the test if it threw nothing). */
async function failureOf(
  excel: FakeExcel,
  batch: (context: FakeRequestContext) => Promise<unknown>,
): Promise<FakeRichApiError> {
  try {
    await excel.run(batch);
  } catch (error) {
    if (error instanceof FakeRichApiError) return error;
    throw error;
  }
  throw new Error("expected the batch to fail");
}

describe("fake Excel: the proxy model", () => {
  it("throws PropertyNotLoaded when a property is read without load()", async () => {
    const excel = new FakeExcel();
    const error = await failureOf(excel, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await context.sync();
      return range.values;
    });
    expect(error.code).toBe("PropertyNotLoaded");
  });

  it("throws PropertyNotLoaded when a loaded property is read before sync()", async () => {
    const excel = new FakeExcel();
    const error = await failureOf(excel, (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      return Promise.resolve(range.values);
    });
    expect(error.code).toBe("PropertyNotLoaded");
  });

  it('hands back loaded values after sync(), empty cells as ""', async () => {
    const excel = new FakeExcel();
    const values = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.values = [
        ["a", 1],
        [true, null],
      ];
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([
      ["a", 1],
      [true, ""],
    ]);
  });

  it("queues writes until sync(): nothing changes before it", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      expect(excel.state.sheets[0]!.valueAt(0, 0)).toBe("");
      await context.sync();
      expect(excel.state.sheets[0]!.valueAt(0, 0)).toBe("x");
    });
  });

  it("counts syncs, including the one Excel.run makes for what is still queued", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.add("A");
      await context.sync();
      context.workbook.worksheets.add("B");
      await context.sync();
      context.workbook.worksheets.add("C");
    });
    expect(excel.syncCount).toBe(3);
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "A", "B", "C"]);
  });

  it("tells null objects apart after sync(), and only then", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const used = missing.getUsedRangeOrNullObject(true);
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      const empty = present.getUsedRangeOrNullObject(true);
      expect(() => missing.isNullObject).toThrow(FakeRichApiError);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(empty.isNullObject).toBe(true);
    });
  });
});

describe("fake Excel: shapes", () => {
  it("refuses a values array whose shape differs from the range", async () => {
    const excel = new FakeExcel();
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [["only one"]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });

  it("refuses a numberFormat array whose shape differs from the range", async () => {
    const excel = new FakeExcel();
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").numberFormat = [["0.00"], ["0.00"]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });

  it("applies a single number format to every cell of the range", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2:C4");
      (range as unknown as { numberFormat: string }).numberFormat = "0.000";
      range.load("numberFormat");
      await context.sync();
      expect(range.numberFormat.flat()).toEqual(Array(6).fill("0.000"));
    });
  });

  it("types text as Excel does: an ISO date becomes a serial unless the cell is text", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      (sheet.getRange("B1") as unknown as { numberFormat: string }).numberFormat = "@";
      sheet.getRange("A1:B1").values = [["2023-12-31", "2023-12-31"]];
      await context.sync();
    });
    const sheet = excel.state.sheets[0]!;
    expect(sheet.valueAt(0, 0)).toBe(45291);
    expect(sheet.valueAt(0, 1)).toBe("2023-12-31");
  });

  it("leaves a cell alone where the values array holds null", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [["keep", "x"]];
      await context.sync();
      range.values = [[null, "y"]];
    });
    expect(excel.state.sheets[0]!.valueAt(0, 0)).toBe("keep");
    expect(excel.state.sheets[0]!.valueAt(0, 1)).toBe("y");
  });
});

describe("fake Excel: payload limits", () => {
  it("refuses a request over the limit and applies none of it", async () => {
    const excel = new FakeExcel({ payloadLimitBytes: 10_000 });
    const rows = Array.from({ length: 2000 }, (_, i) => [`row ${i}`, i]);
    const error = await failureOf(excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("D1").values = [["first"]];
      sheet.getRange("A1:B2000").values = rows;
      await context.sync();
    });
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.state.sheets[0]!.values.size).toBe(0);
    expect(excel.syncs[0]!.requestBytes).toBeGreaterThan(10_000);
  });

  it("refuses a response over the limit", async () => {
    const excel = new FakeExcel({ payloadLimitBytes: 20_000 });
    excel.state.sheets[0]!.values.set(0, "x".repeat(15_000));
    excel.state.sheets[0]!.values.set(1, "y".repeat(15_000));
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("values");
      await context.sync();
    });
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("measures every request and response", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      range.values = [["水质"], ["断面"]];
      range.load("values");
      await context.sync();
    });
    expect(excel.maxRequestBytes).toBeGreaterThan(0);
    expect(excel.maxResponseBytes).toBeGreaterThan(0);
  });
});

describe("fake Excel: Excel's rules", () => {
  it.each(["a:b", "a/b", "a\\b", "a?b", "a*b", "a[b]", "x".repeat(32), "", "History", "'quoted'"])(
    "refuses the sheet name %j",
    async (name) => {
      const excel = new FakeExcel();
      const error = await failureOf(excel, async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
      expect(error.code).toBe("InvalidArgument");
    },
  );

  it("refuses a sheet name already taken, ignoring case", async () => {
    const excel = new FakeExcel();
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.add("SHEET1");
      await context.sync();
    });
    expect(error.code).toBe("ItemAlreadyExists");
  });

  it("stops a failing batch at the failing action, keeping the actions before it", async () => {
    const excel = new FakeExcel();
    await failureOf(excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["before"]];
      context.workbook.worksheets.add("Sheet1");
      sheet.getRange("A2").values = [["after"]];
      await context.sync();
    });
    expect(excel.state.sheets[0]!.valueAt(0, 0)).toBe("before");
    expect(excel.state.sheets[0]!.valueAt(1, 0)).toBe("");
  });

  it("refuses a table name in use, an invalid one, and overlapping tables", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["h1", "h2"]];
      sheet.tables.add("A1:B3", true).name = "WP_Points";
      await context.sync();
    });
    const duplicate = await failureOf(excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.tables.add("D1:E3", true).name = "wp_points";
      await context.sync();
    });
    expect(duplicate.code).toBe("InvalidArgument");
    for (const name of ["A1", "1st", "has space"]) {
      const invalid = await failureOf(excel, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").tables.getItem("WP_Points").name = name;
        await context.sync();
      });
      expect(invalid.code).toBe("InvalidArgument");
    }
    const overlap = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("B2:C4", true);
      await context.sync();
    });
    expect(overlap.code).toBe("InvalidArgument");
  });

  it("names blank and repeated table headers as Excel does", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C1").values = [["名称", "", "名称"]];
      sheet.tables.add("A1:C2", true);
      await context.sync();
    });
    const sheet = excel.state.sheets[0]!;
    expect([sheet.valueAt(0, 0), sheet.valueAt(0, 1), sheet.valueAt(0, 2)]).toEqual([
      "名称",
      "Column2",
      "名称2",
    ]);
  });

  it("refuses an inline list source over 255 characters and an unknown table style", async () => {
    const excel = new FakeExcel();
    const list = await failureOf(excel, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A2:A10");
      range.dataValidation.rule = {
        list: { inCellDropDown: true, source: Array(60).fill("断面名称").join(",") },
      };
      await context.sync();
    });
    expect(list.code).toBe("InvalidArgument");
    const style = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true).style = "TableStyleMedium99";
      await context.sync();
    });
    expect(style.code).toBe("InvalidArgument");
  });

  it("turns formulas that point at a deleted sheet into #REF!", async () => {
    const excel = new FakeExcel({ sheetNames: ["数据", "汇总"] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("汇总").getRange("A1").values = [["='数据'!B3*2"]];
      context.workbook.worksheets.getItem("数据").delete();
      await context.sync();
    });
    expect(excel.state.sheetByName("汇总")!.formulas.get(0)).toBe("=#REF!*2");
  });
});

describe("fake Excel: requirement sets and request contexts", () => {
  it("fails an API above the configured ExcelApi version with ApiNotFound, at sync", async () => {
    const excel = new FakeExcel({ excelApi: "1.6" });
    expect(excel.isSetSupported("ExcelApi", "1.6")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.7")).toBe(false);
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 1).values = [["x"]];
      await context.sync();
    });
    expect(error.code).toBe("ApiNotFound");
  });

  it("compares requirement set versions number by number (1.13 is above 1.9)", () => {
    const excel = new FakeExcel({ excelApi: "1.13" });
    expect(excel.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.14")).toBe(false);
    expect(excel.isSetSupported("WordApi", "1.1")).toBe(false);
  });

  it("refuses an object used after its Excel.run ended, or handed to another run", async () => {
    const excel = new FakeExcel();
    const stale = await excel.run((context) =>
      Promise.resolve(context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2")),
    );
    expect(() => {
      stale.values = [["x"], ["y"]];
    }).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }) as Error);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").tables.add(stale, true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidRequestContext" });
  });
});

describe("fake Excel: notes (ExcelApi 1.18)", () => {
  it("adds, counts, finds, locates and deletes notes, one per cell", async () => {
    const excel = new FakeExcel();
    const found = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.notes.add(sheet.getRange("C3"), "第二");
      sheet.notes.add("A1", "第一");
      const count = sheet.notes.getCount();
      const first = sheet.notes.getItemAt(0);
      first.load("content");
      const where = first.getLocation();
      where.load("address");
      await context.sync();
      return { count: count.value, content: first.content, address: where.address };
    });
    expect(found).toEqual({ count: 2, content: "第一", address: "Sheet1!A1" });

    const twice = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").notes.add("A1", "again");
      await context.sync();
    });
    expect(twice.code).toBe("InvalidOperation");
    const wide = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").notes.add("A1:B2", "wide");
      await context.sync();
    });
    expect(wide.code).toBe("InvalidArgument");

    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").notes.getItem("C3").delete();
      await context.sync();
    });
    expect([...excel.state.sheets[0]!.notes.values()].map((n) => n.content)).toEqual(["第一"]);
  });

  it("has no notes in an Excel before ExcelApi 1.18", async () => {
    const excel = new FakeExcel({ excelApi: "1.17" });
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").notes.add("A1", "x");
      await context.sync();
    });
    expect(error.code).toBe("ApiNotFound");
  });
});

describe("fake Excel: comments (ExcelApi 1.10)", () => {
  it("adds, counts, finds, locates and deletes comment threads, one per cell", async () => {
    const excel = new FakeExcel({ excelApi: "1.10" });
    const found = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.comments.add(sheet.getRange("C3"), "第二");
      sheet.comments.add("Sheet1!A1", "第一");
      const count = sheet.comments.getCount();
      // In the order they were made, not row by row: a comment's cell is asked for.
      const first = sheet.comments.getItemAt(0);
      first.load("content,id");
      const where = first.getLocation();
      where.load("address");
      const byCell = sheet.comments.getItemByCell("Sheet1!A1");
      byCell.load("content");
      await context.sync();
      return { count: count.value, content: first.content, address: where.address, byCell: byCell.content };
    });
    expect(found).toEqual({ count: 2, content: "第二", address: "Sheet1!C3", byCell: "第一" });

    const twice = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").comments.add("Sheet1!C3", "again");
      await context.sync();
    });
    expect(twice.code).toBe("InvalidOperation");
    const wide = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").comments.add("Sheet1!A1:B2", "wide");
      await context.sync();
    });
    expect(wide.code).toBe("InvalidArgument");
    const bare = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").comments.add("D4", "no sheet name");
      await context.sync();
    });
    expect(bare.code).toBe("InvalidArgument");
    const none = await failureOf(excel, async (context) => {
      const comment = context.workbook.worksheets.getItem("Sheet1").comments.getItemByCell("Sheet1!D4");
      comment.load("content");
      await context.sync();
    });
    expect(none.code).toBe("ItemNotFound");

    await excel.run(async (context) => {
      const comments = context.workbook.worksheets.getItem("Sheet1").comments;
      const id = excel.state.sheets[0]!.comments[0]!.id;
      comments.getItem(id).delete();
      comments.getItemByCell("Sheet1!A1").content = "改过";
      await context.sync();
    });
    expect(excel.state.sheets[0]!.comments.map((c) => c.content)).toEqual(["改过"]);
  });

  it("has no comments in an Excel before ExcelApi 1.10", async () => {
    const excel = new FakeExcel({ excelApi: "1.9" });
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").comments.getCount();
      await context.sync();
    });
    expect(error.code).toBe("ApiNotFound");
  });

  it("refuses a comment on a protected sheet", async () => {
    const excel = new FakeExcel({ excelApi: "1.17" });
    excel.state.sheets[0]!.protected = true;
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").comments.add("Sheet1!A1", "x");
      await context.sync();
    });
    expect(error.code).toBe("AccessDenied");
  });
});

describe("fake Excel: a cell holds a note or a comment, not both", () => {
  // Excel's UI offers no new comment on a cell that has a note, nor a new note on one that has a
  // comment (observed behaviour; the Office.js reference does not say what `add` does there).
  it("refuses a note on a cell that has a comment, and a comment on one that has a note", async () => {
    const excel = new FakeExcel({ excelApi: "1.18" });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.comments.add("Sheet1!A1", "评论");
      sheet.notes.add("A2", "注释");
      await context.sync();
    });
    const note = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").notes.add("A1", "x");
      await context.sync();
    });
    expect(note.code).toBe("InvalidOperation");
    const comment = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").comments.add("Sheet1!A2", "x");
      await context.sync();
    });
    expect(comment.code).toBe("InvalidOperation");
    // Once the comment is gone, the cell takes a note.
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.comments.getItemByCell("Sheet1!A1").delete();
      sheet.notes.add("A1", "注释");
      await context.sync();
    });
    expect(excel.state.sheets[0]!.notes.size).toBe(2);
    expect(excel.state.sheets[0]!.comments).toEqual([]);
  });
});

describe("fake Excel: charts", () => {
  it("adds a chart over a range, names, titles and places it, and refuses an unknown type", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C4"), "Columns");
      chart.name = "WP_Chart1";
      chart.title.text = "达标情况";
      chart.setPosition("E2", "L20");
      chart.axes.valueAxis.minimum = 1;
      chart.axes.valueAxis.maximum = 6;
      chart.axes.valueAxis.title.text = "水质类别";
      await context.sync();
    });
    expect(excel.state.sheets[0]!.charts).toEqual([
      expect.objectContaining({
        name: "WP_Chart1",
        type: "ColumnClustered",
        seriesBy: "Columns",
        title: "达标情况",
        source: { row: 0, col: 0, rowCount: 4, colCount: 3 },
        position: { row: 1, col: 4, rowCount: 19, colCount: 8 },
        valueAxis: { minimum: 1, maximum: 6, title: "水质类别" },
      }),
    ]);
    const unknown = await failureOf(excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("Column3DFancy", sheet.getRange("A1:C4"));
      await context.sync();
    });
    expect(unknown.code).toBe("InvalidArgument");
  });
});

describe("fake Excel: tables that change size, settings, print zoom and injected faults", () => {
  it("resizes a table in place when its header row stays and the ranges overlap (ExcelApi 1.13)", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["名称", "数值"]];
      sheet.tables.add("A1:B3", true).name = "WP_T";
      await context.sync();
      sheet.tables.getItem("WP_T").resize(sheet.getRange("A1:C5"));
      await context.sync();
    });
    expect(excel.state.tables[0]!.rect).toEqual({ row: 0, col: 0, rowCount: 5, colCount: 3 });
    expect(excel.state.sheets[0]!.valueAt(0, 2)).toBe("Column3");
    const moved = await failureOf(excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.tables.getItem("WP_T").resize(sheet.getRange("A2:C5"));
      await context.sync();
    });
    expect(moved.code).toBe("InvalidArgument");
    const old = new FakeExcel({ excelApi: "1.12" });
    const missing = await failureOf(old, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.tables.add("A1:B3", true).resize(sheet.getRange("A1:B4"));
      await context.sync();
    });
    expect(missing.code).toBe("ApiNotFound");
  });

  it("keeps an add-in's settings in the workbook", async () => {
    const excel = new FakeExcel();
    const value = await excel.run(async (context) => {
      context.workbook.settings.add("WaterPlan.lastWrite", "abc");
      const setting = context.workbook.settings.getItemOrNullObject("WaterPlan.lastWrite");
      setting.load("value");
      await context.sync();
      return setting.value;
    });
    expect(value).toBe("abc");
  });

  it.each([{ verticalFitToPages: 0 }, { horizontalFitToPages: 1.5 }, { scale: 5 }, { fitToPage: true }])(
    "refuses the print zoom %j, which Office does not document",
    async (zoom) => {
      const excel = new FakeExcel();
      const error = await failureOf(excel, async (context) => {
        (context.workbook.worksheets.getItem("Sheet1").pageLayout as unknown as { zoom: unknown }).zoom =
          zoom;
        await context.sync();
      });
      expect(error.code).toBe("InvalidArgument");
    },
  );

  it("fails the N-th sync before applying it, and the N-th operation with the ones before it applied", async () => {
    const excel = new FakeExcel();
    excel.injectFault({ sync: 2 });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["one"]];
      await context.sync();
    });
    const refused = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["two"]];
      await context.sync();
    });
    expect(refused.code).toBe("GeneralException");
    expect(excel.state.sheets[0]!.valueAt(1, 0)).toBe("");

    excel.injectFault({ operation: 2 });
    await failureOf(excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").values = [["first"]];
      sheet.getRange("B2").values = [["second"]];
      await context.sync();
    });
    expect([excel.state.sheets[0]!.valueAt(0, 1), excel.state.sheets[0]!.valueAt(1, 1)]).toEqual([
      "first",
      "",
    ]);
    expect(excel.faultsFired).toBe(2);
  });
});

describe("fake Excel: special cells", () => {
  it("lists a range's formula cells as RangeAreas, and is a null object where there are none", async () => {
    const excel = new FakeExcel({ sheetNames: ["数据"] });
    const found = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      sheet.getRange("A1:C2").values = [
        ["=1+1", "=2+2", "x"],
        ["'=见附表", 3, "=A1"],
      ];
      const formulas = sheet.getRange("A1:C2").getSpecialCellsOrNullObject("Formulas");
      formulas.load("address");
      const none = sheet.getRange("D1:D2").getSpecialCellsOrNullObject("Formulas");
      none.load("address");
      await context.sync();
      return { address: formulas.address, none: none.isNullObject };
    });
    expect(found).toEqual({ address: "数据!A1:B1, 数据!C2", none: true });
  });
});

describe("fake Excel: counting without reading", () => {
  it("counts a huge range's filled cells with COUNTA and finds its first one through used ranges", async () => {
    const excel = new FakeExcel();
    const sheet = excel.state.sheets[0]!;
    sheet.values.set(key(299_999, 0), "x");
    sheet.values.set(key(1_048_575, 16_383), "far");
    const found = await excel.run(async (context) => {
      const below = context.workbook.worksheets.getItem("Sheet1").getRange("A100:XFD1048576");
      const count = context.workbook.functions.countA(below);
      count.load("value");
      const first = below
        .getUsedRangeOrNullObject(true)
        .getRow(0)
        .getUsedRangeOrNullObject(true)
        .getCell(0, 0);
      first.load("address");
      await context.sync();
      return { count: count.value, first: first.address };
    });
    expect(found).toEqual({ count: 2, first: "Sheet1!A300000" });
  });
});

describe("fake Excel: typing as Excel types", () => {
  async function typed(values: unknown[][], format?: string) {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("Sheet1")
        .getRangeByIndexes(0, 0, 1, values[0]!.length);
      if (format !== undefined) (range as unknown as { numberFormat: string }).numberFormat = format;
      range.values = values;
      await context.sync();
    });
    const sheet = excel.state.sheets[0]!;
    return values[0]!.map((_, c) => ({
      value: sheet.valueAt(0, c),
      formula: sheet.formulas.get(key(0, c)) ?? null,
      format: sheet.formatAt(0, c, "numberFormat"),
    }));
  }

  it("retypes 1,234 as a number, 1/2 as a date, 12:30 as a time, and gives General cells their formats", async () => {
    expect(await typed([["1,234", "1/2", "12:30", "1/2/2023", "50%"]])).toEqual([
      { value: 1234, formula: null, format: "#,##0" },
      { value: 44928, formula: null, format: "d-mmm" },
      { value: 0.5208333333333334, formula: null, format: "h:mm" },
      { value: 44928, formula: null, format: "m/d/yyyy" },
      { value: 0.5, formula: null, format: "0%" },
    ]);
  });

  it("keeps text in a text-formatted cell and after an apostrophe", async () => {
    expect((await typed([["1,234", "'1/2", "'=见附表"]], "@")).map((c) => c.value)).toEqual([
      "1,234",
      "1/2",
      "=见附表",
    ]);
  });

  it("takes text starting with + or - as a formula, as the Range.values docs say, unless it is a number", async () => {
    expect(await typed([["+A1", "-张三", "-5", "+7"]])).toEqual([
      { value: "", formula: "=+A1", format: "General" },
      { value: "", formula: "=-张三", format: "General" },
      { value: -5, formula: null, format: "General" },
      { value: 7, formula: null, format: "General" },
    ]);
  });

  it.each(["=", "=SUM(1,2", '="open', "=A1+", "=)("])("refuses the formula %j", async (formula) => {
    const excel = new FakeExcel();
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[formula]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("fake Excel: formats and messages Excel refuses", () => {
  it.each(['0.00"', "[Red", "0;0;0;0;0", "x".repeat(256)])("refuses the number format %j", async (format) => {
    const excel = new FakeExcel();
    const error = await failureOf(excel, async (context) => {
      (
        context.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as { numberFormat: string }
      ).numberFormat = format;
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });

  it.each([0, 410, Number.NaN])("refuses the font size %p", async (size) => {
    const excel = new FakeExcel();
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.font.size = size;
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });

  it("refuses a data-validation message over 225 characters and takes one of 225", async () => {
    const excel = new FakeExcel();
    const set = (message: string) => (context: FakeRequestContext) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A2:A3");
      range.dataValidation.rule = { wholeNumber: { operator: "GreaterThan", formula1: 0 } };
      range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "数量", message };
      return context.sync();
    };
    await excel.run(set("数".repeat(225)));
    const error = await failureOf(excel, set("数".repeat(226)));
    expect(error.code).toBe("InvalidArgument");
  });

  it("measures a request as Office builds it: each action and each object path once", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["x"]];
      await context.sync();
      sheet.getRange("A1").values = [["x"]];
      sheet.getRange("A2").values = [["x"]];
      await context.sync();
    });
    const [one, two] = excel.syncs.map((s) => s.requestBytes);
    // The second request adds an action and a range's path, not the worksheet's path again.
    expect(two! - one!).toBeGreaterThan(100);
    expect(two! - one!).toBeLessThan(one!);
  });
});

describe("fake Excel: protected sheets (ExcelApi 1.2)", () => {
  it("reports protection, and refuses a change to a protected sheet's cells, tables, notes and charts", async () => {
    const excel = new FakeExcel({ sheetNames: ["Sheet1", "Other"] });
    const protectedNow = await excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem("Sheet1").protection;
      protection.protect();
      protection.load("protected");
      await context.sync();
      return protection.protected;
    });
    expect(protectedNow).toBe(true);
    const sheet = (context: FakeRequestContext) => context.workbook.worksheets.getItem("Sheet1");
    const changes: ((context: FakeRequestContext) => void)[] = [
      (c) => (sheet(c).getRange("A1").values = [["x"]]),
      (c) => (sheet(c).getRange("A1").format.fill.color = "#FF0000"),
      (c) => {
        sheet(c).getRange("A1:B2").clear();
      },
      (c) => sheet(c).tables.add("A1:B2", true),
      (c) => c.workbook.tables.add("Sheet1!A1:B2", true),
      (c) => sheet(c).notes.add("A1", "x"),
      (c) => (sheet(c).pageLayout.orientation = "Landscape"),
    ];
    for (const change of changes) {
      const error = await failureOf(excel, async (context) => {
        change(context);
        await context.sync();
      });
      expect(error.code).toBe("AccessDenied");
      expect(error.message).toContain("Sheet1");
    }
    expect(excel.state.sheetByName("Sheet1")!.values.size).toBe(0);
    expect(excel.state.tables).toEqual([]);
  });

  it("stops a batch at the protected sheet, keeping what came before, as a failing batch does", async () => {
    const excel = new FakeExcel({ sheetNames: ["Sheet1", "Other"] });
    excel.state.sheetByName("Other")!.protected = true;
    const error = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["before"]];
      context.workbook.worksheets.getItem("Other").getRange("A1").values = [["refused"]];
      await context.sync();
    });
    expect(error.code).toBe("AccessDenied");
    expect(excel.state.sheetByName("Sheet1")!.valueAt(0, 0)).toBe("before");
    expect(excel.state.sheetByName("Other")!.valueAt(0, 0)).toBe("");
  });

  it("lets the workbook's structure change: renaming, a tab colour, freezing panes, deleting; and unprotecting", async () => {
    const excel = new FakeExcel({ sheetNames: ["Sheet1", "Other"] });
    excel.state.sheetByName("Sheet1")!.protected = true;
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.name = "Renamed";
      sheet.tabColor = "#FF0000";
      sheet.freezePanes.freezeRows(1);
      sheet.protection.unprotect();
      sheet.getRange("A1").values = [["now writable"]];
      await context.sync();
    });
    expect(excel.state.sheetByName("Renamed")!.valueAt(0, 0)).toBe("now writable");
    excel.state.sheetByName("Other")!.protected = true;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Other").delete();
      await context.sync();
    });
    expect(excel.state.sheetByName("Other")).toBeUndefined();
  });

  it("protects with options, reports them, and refuses an option Excel lacks or a second protect", async () => {
    const excel = new FakeExcel({ sheetNames: ["Sheet1"] });
    const options = await excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem("Sheet1").protection;
      protection.protect({ allowAutoFilter: true, allowFormatColumns: true });
      protection.load("options");
      await context.sync();
      return protection.options;
    });
    expect(options).toMatchObject({
      allowAutoFilter: true,
      allowFormatColumns: true,
      allowFormatCells: false,
    });
    const again = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.protect();
      await context.sync();
    });
    expect(again.code).toBe("InvalidOperation");
    excel.state.sheetByName("Sheet1")!.protected = false;
    const unknown = await failureOf(excel, async (context) => {
      context.workbook.worksheets
        .getItem("Sheet1")
        .protection.protect({ allowEverything: true } as unknown as { allowSort: boolean });
      await context.sync();
    });
    expect(unknown.code).toBe("InvalidArgument");
  });

  it("keeps cells locked until unlocked, locks them again when formats are cleared, and refuses unlocking on a protected sheet", async () => {
    const excel = new FakeExcel({ sheetNames: ["Sheet1"] });
    const lockedOf = async (address: string): Promise<boolean | null> =>
      excel.run(async (context) => {
        const protection = context.workbook.worksheets.getItem("Sheet1").getRange(address).format.protection;
        protection.load("locked");
        await context.sync();
        return protection.locked;
      });
    expect(await lockedOf("A1")).toBe(true);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2:B3").format.protection.locked = false;
      await context.sync();
    });
    expect(await lockedOf("B2:B3")).toBe(false);
    expect(await lockedOf("A2:B2")).toBeNull();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B3").clear("Formats");
      await context.sync();
    });
    expect(await lockedOf("B3")).toBe(true);
    excel.state.sheetByName("Sheet1")!.protected = true;
    const unlocking = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.protection.locked = false;
      await context.sync();
    });
    expect(unlocking.code).toBe("AccessDenied");
    // Stricter than Excel, which takes a value in an unlocked cell of a protected sheet.
    const intoUnlocked = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [["x"]];
      await context.sync();
    });
    expect(intoUnlocked.code).toBe("AccessDenied");
    expect(excel.state.sheetByName("Sheet1")!.valueAt(1, 1)).toBe("");
  });

  it("keeps protection in a cloned workbook", () => {
    const excel = new FakeExcel();
    excel.state.sheetByName("Sheet1")!.protected = true;
    excel.state.sheetByName("Sheet1")!.protectionOptions.allowSort = true;
    excel.state
      .sheetByName("Sheet1")!
      .setFormat({ row: 0, col: 0, rowCount: 1, colCount: 1 }, "locked", false);
    const copy = excel.state.clone().sheetByName("Sheet1")!;
    expect(copy.protected).toBe(true);
    expect(copy.protectionOptions.allowSort).toBe(true);
    expect(copy.formatAt(0, 0, "locked")).toBe(false);
  });
});
