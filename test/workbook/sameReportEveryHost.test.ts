import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { parseWaterClass } from "../../src/core/water-quality/waterClass";
import { writeExampleEntries } from "../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { WorkbookPort } from "../../src/workbook/port";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";
import type { PortHarness } from "../hosts/contract/portHarness";
import { createOfficeHarness } from "../hosts/excel/officeHarness";
import { makeMemoryHarness } from "../hosts/memory/memoryHarness";
import { makeXlsxHarness } from "../hosts/xlsx/xlsxHarness";

// Whole-workbook round trips through ExcelJS take a few seconds on a busy machine.
jest.setTimeout(60_000);

/** The example workbook (good, doubtful and wrong entries) validated through one host. */
async function validatedThrough(port: WorkbookPort): Promise<ValidationReport> {
  await generateWorkbook(port, plan, { locale: "zh-CN", publishedOn: "2023-03-20" });
  await writeExampleEntries(port, plan, "zh-CN");
  await generateWorkbook(port, plan, { locale: "zh-CN" });
  const outcome = await validateWorkbook(port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.report;
}

/**
 * What the summary sheet holds, A1 onwards, with water classes as their numbers: the chart's table
 * holds numbers where the host draws the chart and the classes themselves ("Ⅱ类") where it cannot
 * (the xlsx host), which say the same.
 */
async function summaryOf(harness: PortHarness): Promise<unknown[][] | undefined> {
  return (await harness.sheet("汇总"))?.values().map((row) =>
    row.map((cell) => {
      const read = typeof cell === "string" && /类$/.test(cell) ? parseWaterClass(cell) : null;
      return read?.kind === "class" ? read.waterClass : cell;
    }),
  );
}

describe("one workbook, every host", () => {
  let reference: ValidationReport;
  let referenceSummary: unknown[][] | undefined;

  beforeAll(async () => {
    const memory = await makeMemoryHarness();
    reference = await validatedThrough(memory.port);
    referenceSummary = await summaryOf(memory);
  });

  it("finds problems of every kind in the example", () => {
    expect(reference.counts.errors).toBeGreaterThan(5);
    expect(reference.counts.warnings).toBeGreaterThan(3);
  });

  it.each([
    ["xlsx (the command line's host)", makeXlsxHarness],
    ["Office.js (fake Excel)", () => createOfficeHarness()],
  ])("gives the same issues and the same summary through the %s host", async (_, make) => {
    const harness: PortHarness = await make();
    expect(await validatedThrough(harness.port)).toEqual(reference);
    expect(await summaryOf(harness)).toEqual(referenceSummary);
    const marked = await harness.sheet("附件1 任务清单");
    expect(marked?.fillAt("L4")).toBe("#FFC7CE");
    if (harness.port.features.notes) expect(marked?.noteAt("L4")).toContain("【校验】");
  });
});
