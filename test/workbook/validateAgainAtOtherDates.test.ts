import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { parseWaterClass } from "../../src/core/water-quality/waterClass";
import { XlsxPatchingWorkbook } from "../../src/hosts/xlsx/xlsxPatchingWorkbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsxWorkbook";
import { runExampleWorkflow } from "../../src/workbook/exampleWorkbook";
import type { WorkbookPort } from "../../src/workbook/port";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import type { PortHarness } from "../hosts/contract/portHarness";
import { createOfficeHarness, type OfficeHarness } from "../hosts/excel/officeHarness";
import { makeMemoryHarness } from "../hosts/memory/memoryHarness";
import { makeXlsxHarness } from "../hosts/xlsx/xlsxHarness";

// Four whole-workbook validations through ExcelJS take several seconds on a busy machine.
jest.setTimeout(120_000);

/**
 * As of these days the summary sheet's tables grow, shrink and move: 30 June → 31 December grows
 * the overdue tasks' table and moves every table below it down; 31 March shrinks it again, moves
 * the tables below up, grows the warnings' table into the monthly table's old rows and moves that
 * one down (A92:G141 over A139:N160, moved to A144:N165, when found; since then a table longer than
 * a printed page is cut into parts, continueTables.ts, and the warnings' table has a second part).
 */
const asOfDays = ["2023-06-30", "2023-12-31", "2023-03-31"] as const;

/** Validates as of one day and fails the test on a refused write or unreadable workbook. */
async function validateAsOf(port: WorkbookPort, asOf: string): Promise<void> {
  const outcome = await validateWorkbook(port, plan, { locale: "zh-CN", asOf });
  if (!outcome.ok) throw new Error(`${asOf}: ${JSON.stringify(outcome.problems)}`);
}

/**
 * The summary sheet's tables (by name: a table added again comes last in Excel's collection, which
 * no user sees) and cells, water classes as their numbers (see sameReportEveryHost).
 */
async function summaryOf(harness: PortHarness): Promise<{ tables: unknown; values: unknown }> {
  const sheet = await harness.sheet("汇总");
  if (sheet === null) throw new Error("no 汇总");
  const values = sheet.values().map((row) =>
    row.map((cell) => {
      const read = typeof cell === "string" && /类$/.test(cell) ? parseWaterClass(cell) : null;
      return read?.kind === "class" ? read.waterClass : cell;
    }),
  );
  const tables = sheet.tables().sort((a, b) => a.name.localeCompare(b.name));
  return { tables, values };
}

describe("validating the same workbook again as of other days", () => {
  let once: { tables: unknown; values: unknown };

  beforeAll(async () => {
    const memory = await makeMemoryHarness();
    await runExampleWorkflow(memory.port, plan, "zh-CN");
    await validateAsOf(memory.port, "2023-03-31");
    once = await summaryOf(memory);
  });

  it.each([
    ["memory", makeMemoryHarness],
    ["Office.js (fake Excel)", () => createOfficeHarness()],
    // Without Table.resize every table is added again, and the port does not learn their cells.
    ["Office.js (fake Excel, ExcelApi 1.12)", () => createOfficeHarness({ excel: { excelApi: "1.12" } })],
  ])("moves the summary's tables past each other through the %s host", async (_, make) => {
    const harness: PortHarness = await make();
    await runExampleWorkflow(harness.port, plan, "zh-CN");
    for (const asOf of asOfDays) await validateAsOf(harness.port, asOf);
    expect(await summaryOf(harness)).toEqual(once);
  });

  it("keeps the summary's table styles and filter buttons in Excel as one validation makes them", async () => {
    const stylesOf = (harness: OfficeHarness): string[] => {
      const summary = harness.excel.state.sheetByName("汇总");
      return harness.excel.state.tables
        .filter((t) => t.sheetId === summary?.id)
        .map((t) => `${t.name} ${t.style} ${String(t.showFilterButton)}`)
        .sort();
    };
    const again = await createOfficeHarness();
    await runExampleWorkflow(again.port, plan, "zh-CN");
    for (const asOf of asOfDays) await validateAsOf(again.port, asOf);
    const fresh = await createOfficeHarness();
    await runExampleWorkflow(fresh.port, plan, "zh-CN");
    await validateAsOf(fresh.port, "2023-03-31");
    expect(stylesOf(again)).toEqual(stylesOf(fresh));
    // The nine tables, and the parts of those cut to fit printed pages (WP_SummaryWarnings_2).
    expect(stylesOf(fresh).length).toBeGreaterThanOrEqual(9);
  });

  it("moves them through the xlsx host, in one session and with the file saved and opened again between runs", async () => {
    const session = XlsxWorkbook.create();
    await runExampleWorkflow(session.port, plan, "zh-CN");
    const generated = await session.toBuffer();
    for (const asOf of asOfDays) await validateAsOf(session.port, asOf);
    expect(await summaryOf(await makeXlsxHarness(session))).toEqual(once);

    let book = await XlsxWorkbook.fromBuffer(generated);
    for (const asOf of asOfDays) {
      book = await XlsxWorkbook.fromBuffer(await book.toBuffer());
      await validateAsOf(book.port, asOf);
    }
    expect(await summaryOf(await makeXlsxHarness(book))).toEqual(once);
  });

  it.each([
    ["the summary through ExcelJS", undefined],
    ["every sheet patched in place, as a year of monitoring data would be", 0],
  ])(
    "moves them through validate --out's writer (XlsxPatchingWorkbook: %s), each run on the last one's file",
    async (_, threshold) => {
      const session = XlsxWorkbook.create();
      await runExampleWorkflow(session.port, plan, "zh-CN");
      let bytes: Uint8Array = await session.toBuffer();
      for (const asOf of asOfDays) {
        const patching = XlsxPatchingWorkbook.fromBuffer(bytes, threshold);
        await validateAsOf(patching.port, asOf);
        bytes = await patching.toBuffer();
      }
      expect(await summaryOf(await makeXlsxHarness(await XlsxWorkbook.fromBuffer(bytes)))).toEqual(once);
    },
  );
});
