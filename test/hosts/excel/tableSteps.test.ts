import { tableSteps, type TableFact } from "../../../src/hosts/excel/tableSteps";
import { RequestScope } from "../../../src/hosts/excel/writeStep";
import type { CellRect, SheetLayout, TableLayout } from "../../../src/workbook/layout";
import { FakeExcel } from "../../fakes/excel/fakeExcel";
import { asExcelRun } from "./officeHarness";

/** Rows `first`..`last` (zero-based, inclusive) of columns A:C: a table's cells. */
function rows(first: number, last: number): CellRect {
  return { row: first, col: 0, rowCount: last - first + 1, colCount: 3 };
}

function layoutWith(tables: readonly TableLayout[]): SheetLayout {
  return {
    name: "汇总",
    values: [],
    columnWidths: [],
    rowHeights: [],
    formats: [],
    validations: [],
    tables,
    freeze: { rows: 0, columns: 0 },
    print: null,
    visibility: "visible",
    tabColor: null,
  };
}

/**
 * A fake Excel whose sheet 汇总 holds the old tables, the table steps of the new layout run on it in
 * one request, and where each table stands afterwards (the fake refuses overlapping tables as Excel does).
 */
async function runTableSteps(
  old: Readonly<Record<string, CellRect>>,
  wanted: Readonly<Record<string, CellRect>>,
  options: { readonly canResize: boolean; readonly rectsKnown: boolean },
): Promise<Record<string, CellRect>> {
  const excel = new FakeExcel({ sheetNames: ["汇总"] });
  const sheet = excel.state.sheetByName("汇总")!;
  for (const [name, rect] of Object.entries(old)) excel.state.addTable(sheet, rect, true).name = name;
  const facts: TableFact[] = Object.entries(old).map(([name, rect]) => ({
    name,
    rect: options.rectsKnown ? rect : null,
  }));
  const layout = layoutWith(
    Object.entries(wanted).map(([name, rect]) => ({ name, rect, style: "TableStyleMedium2" })),
  );
  const steps = tableSteps("汇总", layout, facts, options.canResize);
  await asExcelRun(excel)(async (context) => {
    const scope = new RequestScope(context);
    for (const step of steps) step.queue(scope);
    await context.sync();
  });
  return Object.fromEntries(excel.state.tables.map((t) => [t.name, t.rect]));
}

const everyWay = [
  { canResize: true, rectsKnown: true },
  { canResize: false, rectsKnown: true },
  { canResize: false, rectsKnown: false },
] as const;

describe.each(everyWay)(
  "table steps over tables that move (resize: $canResize, cells known: $rectsKnown)",
  (options) => {
    it("grows a table into the rows of the one below it, which moves down", async () => {
      const wanted = { WP_A: rows(2, 8), WP_B: rows(10, 14) };
      expect(await runTableSteps({ WP_A: rows(2, 4), WP_B: rows(6, 10) }, wanted, options)).toEqual(wanted);
    });

    it("moves every table down past the old place of the next", async () => {
      const wanted = { WP_A: rows(5, 9), WP_B: rows(12, 16), WP_C: rows(19, 22) };
      const old = { WP_A: rows(0, 4), WP_B: rows(6, 10), WP_C: rows(12, 15) };
      expect(await runTableSteps(old, wanted, options)).toEqual(wanted);
    });

    it("moves every table up past the old place of the one above", async () => {
      const wanted = { WP_A: rows(0, 4), WP_B: rows(6, 10), WP_C: rows(12, 15) };
      const old = { WP_A: rows(5, 9), WP_B: rows(12, 16), WP_C: rows(19, 22) };
      expect(await runTableSteps(old, wanted, options)).toEqual(wanted);
    });

    it("adds a new table where an old one stood, and that one moves down", async () => {
      const wanted = { WP_A: rows(0, 4), WP_New: rows(6, 9), WP_B: rows(11, 15) };
      expect(await runTableSteps({ WP_A: rows(0, 4), WP_B: rows(6, 10) }, wanted, options)).toEqual(wanted);
    });

    it("moves a table up into the place of one that vanishes, and the table below grows into its old place", async () => {
      const wanted = { WP_B: rows(0, 5), WP_C: rows(7, 20) };
      const old = { WP_A: rows(0, 4), WP_B: rows(6, 10), WP_C: rows(12, 15) };
      expect(await runTableSteps(old, wanted, options)).toEqual(wanted);
    });

    it("widens a table into the columns of the one beside it, which keeps its header row and narrows", async () => {
      const old = {
        WP_A: { row: 2, col: 0, rowCount: 5, colCount: 3 },
        WP_B: { row: 2, col: 4, rowCount: 5, colCount: 3 },
      };
      const wanted = {
        WP_A: { row: 2, col: 0, rowCount: 5, colCount: 6 },
        WP_B: { row: 2, col: 6, rowCount: 7, colCount: 2 },
      };
      expect(await runTableSteps(old, wanted, options)).toEqual(wanted);
    });

    it("swaps two tables' places", async () => {
      const wanted = { WP_A: rows(6, 10), WP_B: rows(0, 4) };
      expect(await runTableSteps({ WP_A: rows(0, 4), WP_B: rows(6, 10) }, wanted, options)).toEqual(wanted);
    });
  },
);

describe("table steps keep a table that can stay", () => {
  it("resizes in place (the same table, not one added again) when its neighbour moves out of its way", async () => {
    const excel = new FakeExcel({ sheetNames: ["汇总"] });
    const sheet = excel.state.sheetByName("汇总")!;
    excel.state.addTable(sheet, rows(2, 4), true).name = "WP_A";
    excel.state.addTable(sheet, rows(6, 10), true).name = "WP_B";
    const idOfA = excel.state.tables[0]!.id;
    const steps = tableSteps(
      "汇总",
      layoutWith([
        { name: "WP_A", rect: rows(2, 8), style: "TableStyleMedium2" },
        { name: "WP_B", rect: rows(10, 14), style: "TableStyleMedium2" },
      ]),
      [
        { name: "WP_A", rect: rows(2, 4) },
        { name: "WP_B", rect: rows(6, 10) },
      ],
      true,
    );
    await asExcelRun(excel)(async (context) => {
      const scope = new RequestScope(context);
      for (const step of steps) step.queue(scope);
      await context.sync();
    });
    expect(excel.state.tables.find((t) => t.name === "WP_A")?.id).toBe(idOfA);
  });
});
