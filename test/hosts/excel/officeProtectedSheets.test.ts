import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { HostError, protectedSheetsOf } from "../../../src/hosts/hostError";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { WorkbookPort } from "../../../src/workbook/port";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import { workbookFingerprint } from "./faultInjection";
import { enterAsUser, generatedOffice, type OfficeHarness } from "./officeHarness";

const tasks = "附件1 任务清单";
const monitoring = "监测数据";

const generated = generatedOffice;

/** Review → Protect Sheet, as a user does it in Excel. */
function protect(harness: OfficeHarness, sheet: string): void {
  harness.excel.state.sheetByName(sheet)!.protected = true;
}

/** What the action threw, checked to be the HostError a protected sheet makes. */
async function refusalOf(promise: Promise<unknown>): Promise<HostError> {
  const failure = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(HostError);
  expect((failure as HostError).code).toBe("sheet_protected");
  return failure as HostError;
}

function validate(port: WorkbookPort): Promise<unknown> {
  return validateWorkbook(port, liuzhou2023Plan, { locale: "zh-CN", asOf: "2023-06-30" });
}

describe("the Office host and protected sheets", () => {
  it("refuses to generate again into a protected plan sheet, naming it, before writing anything", async () => {
    const harness = await generated();
    enterAsUser(harness.excel.state, tasks, "L9", "已完成");
    protect(harness, tasks);
    const before = workbookFingerprint(harness.excel.state);
    const mutations = harness.excel.mutationCount;

    const refusal = await refusalOf(generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" }));

    expect(protectedSheetsOf(refusal)).toEqual([tasks]);
    expect(refusal.message).toContain(`“${tasks}”`);
    expect(harness.excel.mutationCount).toBe(mutations);
    expect(workbookFingerprint(harness.excel.state)).toEqual(before);
  });

  it("learns protection in the read it already makes: no sync of its own", async () => {
    const harness = await generated();
    protect(harness, monitoring);
    const before = harness.excel.syncCount;
    await refusalOf(validate(harness.port));
    // The read's two syncs; the refusal comes before the check and the write.
    expect(harness.excel.syncCount - before).toBe(2);
  });

  it("refuses validation's marks on a protected sheet and writes none of them elsewhere", async () => {
    const harness = await generated();
    enterAsUser(harness.excel.state, monitoring, "A4", "露塘");
    enterAsUser(harness.excel.state, monitoring, "E4", "abc");
    protect(harness, monitoring);
    const mutations = harness.excel.mutationCount;

    const refusal = await refusalOf(validate(harness.port));

    expect(protectedSheetsOf(refusal)).toEqual([monitoring]);
    expect(harness.excel.mutationCount).toBe(mutations);
    expect(harness.excel.state.sheetByName("汇总")).toBeUndefined();
  });

  it("names every protected sheet the batch would change", async () => {
    const harness = await generated();
    protect(harness, tasks);
    protect(harness, monitoring);
    const refusal = await refusalOf(generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" }));
    expect([...(protectedSheetsOf(refusal) ?? [])].sort()).toEqual([tasks, monitoring].sort());
  });

  it("refuses a sheet protected between the read and the write, in the check before writing", async () => {
    const harness = await generated();
    const mutations = harness.excel.mutationCount;
    const port: WorkbookPort = {
      ...harness.port,
      update: (names, options, plan) =>
        harness.port.update(names, options, (snapshot) => {
          protect(harness, tasks);
          return plan(snapshot);
        }),
    };
    const refusal = await refusalOf(generateWorkbook(port, liuzhou2023Plan, { locale: "zh-CN" }));
    expect(protectedSheetsOf(refusal)).toEqual([tasks]);
    expect(harness.excel.mutationCount).toBe(mutations);
  });

  it("leaves a protected sheet the batch does not touch alone, and runs", async () => {
    const harness = await generated();
    await harness.addSheet("我的表");
    protect(harness, "我的表");
    expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
  });

  it("runs again once the user unprotects the sheet, keeping what was entered", async () => {
    const harness = await generated();
    enterAsUser(harness.excel.state, tasks, "L9", "已完成");
    protect(harness, tasks);
    await refusalOf(generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" }));
    harness.excel.state.sheetByName(tasks)!.protected = false;
    expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
    expect(harness.excel.state.sheetByName(tasks)!.valueAt(8, 11)).toBe("已完成");
  });

  it("refuses a plain write into a protected sheet too, before sending it", async () => {
    const harness = await generated();
    protect(harness, tasks);
    const mutations = harness.excel.mutationCount;
    const refusal = await refusalOf(
      harness.port.write({
        sheets: [],
        patches: [
          {
            sheet: tasks,
            values: [{ rect: { row: 8, col: 11, rowCount: 1, colCount: 1 }, values: [["已完成"]] }],
            fills: [],
            notes: [],
            clearNotes: null,
          },
        ],
        activate: null,
      }),
    );
    expect(protectedSheetsOf(refusal)).toEqual([tasks]);
    expect(harness.excel.mutationCount).toBe(mutations);
  });
});
