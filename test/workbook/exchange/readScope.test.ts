import { buildMetaLayout, readPlanId, readScope, type ScopeSettings } from "../../../src/workbook/metaSheet";
import type { CellValue } from "../../../src/workbook/layout";
import type { SheetSnapshot } from "../../../src/workbook/port";

const scope: ScopeSettings = {
  scope: { by: "county", unit: "柳江区" },
  deadline: "2023-07-10",
  source: "柳州.xlsx",
};

function snapshotOf(values: readonly (readonly CellValue[])[]): SheetSnapshot {
  return { name: "_WaterPlan", startRow: 0, startCol: 0, values, tables: [] };
}

function metaValues(settings: ScopeSettings | null): CellValue[][] {
  const layout = buildMetaLayout(
    "liuzhou-2023",
    [{ key: "tasks", name: "附件1 任务清单" }],
    ["露塘"],
    undefined,
    undefined,
    settings,
  );
  return layout.values.map((row) => [...row]);
}

describe("readScope", () => {
  it("reads back the scope the meta sheet was written with, and the plan id", () => {
    const snapshot = snapshotOf(metaValues(scope));
    expect(readScope(snapshot)).toEqual(scope);
    expect(readPlanId(snapshot)).toBe("liuzhou-2023");
  });

  it("is null for the city's own workbook and for a missing sheet", () => {
    expect(readScope(snapshotOf(metaValues(null)))).toBeNull();
    expect(readScope(undefined)).toBeNull();
  });

  it("reads a deadline Excel typed as a date serial", () => {
    const values = metaValues(scope);
    const row = values.find((r) => r[7] === "scope.deadline");
    if (row) row[8] = 45117;
    expect(readScope(snapshotOf(values))?.deadline).toBe("2023-07-10");
  });

  it("is null for a scope that is not whole (no unit, or a way of splitting it does not know)", () => {
    const noUnit = metaValues(scope);
    const unitRow = noUnit.find((r) => r[7] === "scope.unit");
    if (unitRow) unitRow[8] = " ";
    expect(readScope(snapshotOf(noUnit))).toBeNull();
    const badBy = metaValues(scope);
    const byRow = badBy.find((r) => r[7] === "scope.by");
    if (byRow) byRow[8] = "town";
    expect(readScope(snapshotOf(badBy))).toBeNull();
  });
});
