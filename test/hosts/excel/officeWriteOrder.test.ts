import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { HostError } from "../../../src/hosts/hostError";
import { generateWorkbook, type GenerateOutcome } from "../../../src/workbook/generateWorkbook";
import { liuzhouSheetNames } from "../../liuzhouSheetNames";
import { createOfficeHarness, enterAsUser, type OfficeHarness } from "./officeHarness";

const tasks = "附件1 任务清单";

function generate(harness: OfficeHarness): Promise<GenerateOutcome> {
  return generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
}

/** A fault for the operation right after the first one `pick` chooses. */
function failAfter(pick: (op: { path: string; action: string }) => boolean) {
  let seen = false;
  return {
    when: (op: { path: string; action: string }): boolean => {
      if (seen) return true;
      seen = pick(op);
      return false;
    },
  };
}

/** Every plan sheet holds exactly its WP_* table. */
function planTables(harness: OfficeHarness): string[] {
  const state = harness.excel.state;
  return liuzhouSheetNames.map((name) => {
    const sheet = state.sheetByName(name);
    return state.tables
      .filter((t) => t.sheetId === sheet?.id)
      .map((t) => t.name)
      .join(",");
  });
}

describe("the Office host when a write fails part-way (R1)", () => {
  it("keeps each plan sheet's table when generating again fails right after a table changed, so the next run repairs", async () => {
    const harness = await createOfficeHarness();
    expect((await generate(harness)).ok).toBe(true);
    const tablesBefore = planTables(harness);
    enterAsUser(harness.excel.state, tasks, "L9", "已完成");
    harness.excel.injectFault(
      failAfter((op) => op.path.includes(".tables.getItem(") && /convertToRange|resize/.test(op.action)),
    );
    await expect(generate(harness)).rejects.toBeInstanceOf(HostError);
    expect(harness.excel.faultsFired).toBe(1);
    expect(planTables(harness)).toEqual(tablesBefore);

    expect(await generate(harness)).toMatchObject({ ok: true, keptEntries: 1 });
    expect(harness.excel.state.sheetByName(tasks)!.valueAt(8, 11)).toBe("已完成");
  });

  it("leaves no plan-named sheet without its table when a first generation fails right after adding a sheet", async () => {
    const harness = await createOfficeHarness({ excel: { sheetNames: ["Sheet1"] } });
    harness.excel.injectFault(failAfter((op) => op.path === "workbook.worksheets" && op.action === "add"));
    await expect(generate(harness)).rejects.toBeInstanceOf(HostError);

    expect((await generate(harness)).ok).toBe(true);
    const names = harness.excel.state.sheets.map((s) => s.name);
    expect(names.filter((n) => liuzhouSheetNames.includes(n))).toEqual(liuzhouSheetNames);
    expect(planTables(harness).every((t) => t.startsWith("WP_"))).toBe(true);
  });

  it("reports a failing print set-up instead of failing, after the data and tables are in", async () => {
    const reported: HostError[] = [];
    const harness = await createOfficeHarness({
      port: {
        onCosmeticFailure: (failure) => {
          reported.push(failure);
        },
      },
    });
    expect((await generate(harness)).ok).toBe(true);
    enterAsUser(harness.excel.state, tasks, "L9", "已完成");
    harness.excel.injectFault({ when: (op) => op.action === "set zoom" });

    expect(await generate(harness)).toMatchObject({ ok: true, keptEntries: 1 });
    expect(reported).toHaveLength(1);
    expect(reported[0]).toBeInstanceOf(HostError);
    expect(harness.port.stats.lastWrite?.cosmeticFailures).toHaveLength(1);
    expect(planTables(harness).every((t) => t.startsWith("WP_"))).toBe(true);
    expect(harness.excel.state.sheetByName(tasks)!.valueAt(8, 11)).toBe("已完成");

    // Generating again draws what the failure skipped.
    expect((await generate(harness)).ok).toBe(true);
    expect(harness.port.stats.lastWrite?.cosmeticFailures).toEqual([]);
    // 附件1 prints at a fixed scale that fits one page across (printScale.ts), no longer fit-to-width.
    const zoom = harness.excel.state.sheetByName(tasks)!.page.zoom as { scale?: number };
    expect(Object.keys(zoom)).toEqual(["scale"]);
    expect(zoom.scale).toBeGreaterThanOrEqual(64);
  });
});
