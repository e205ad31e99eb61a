import { checkDataValidation } from "../../../src/taskpane/preview/checkDataValidation";
import type { CellValue, RectValidation, ValidationRule } from "../../../src/workbook/layout";

function validation(rule: ValidationRule, errorStyle: RectValidation["errorStyle"] = "stop"): RectValidation {
  return {
    rect: { row: 3, col: 11, rowCount: 53, colCount: 1 },
    rule,
    errorTitle: "输入无效",
    errorMessage: "请从下拉列表选择：未启动、推进中或已完成。",
    errorStyle,
  };
}

const statuses = ["未启动", "推进中", "已完成"];
const status = validation({ kind: "list", values: statuses });

describe("checkDataValidation (Excel's data validation on a typed value)", () => {
  it("stops a task status outside the list with the rule's own title and message", () => {
    expect(checkDataValidation(status, "搞定了", statuses)).toEqual({
      kind: "refused",
      style: "stop",
      title: "输入无效",
      message: "请从下拉列表选择：未启动、推进中或已完成。",
    });
  });

  it("lets a choice of the list in, ignoring case as Excel does, and an empty cell always", () => {
    expect(checkDataValidation(status, "推进中", statuses).kind).toBe("allowed");
    const yesNo = validation({ kind: "list", values: ["Yes", "No"] });
    expect(checkDataValidation(yesNo, "yes", ["Yes", "No"]).kind).toBe("allowed");
    expect(checkDataValidation(status, null, statuses).kind).toBe("allowed");
    expect(checkDataValidation(status, "", statuses).kind).toBe("allowed");
  });

  it("asks first where the rule only warns (the monitoring point list)", () => {
    const points = validation(
      { kind: "listRange", sheet: "_WaterPlan", rect: { row: 1, col: 0, rowCount: 21, colCount: 1 } },
      "warning",
    );
    expect(checkDataValidation(points, "露塘", ["露塘", "浮石"]).kind).toBe("allowed");
    expect(checkDataValidation(points, "不存在的断面", ["露塘", "浮石"])).toMatchObject({
      kind: "refused",
      style: "warning",
    });
  });

  it.each<{ what: string; rule: ValidationRule; typed: CellValue; verdict: "allowed" | "refused" }>([
    { what: "a whole number ≥ 0", rule: { kind: "wholeNumber", min: 0 }, typed: 3, verdict: "allowed" },
    { what: "a whole number ≥ 0", rule: { kind: "wholeNumber", min: 0 }, typed: 2.5, verdict: "refused" },
    { what: "a whole number ≥ 0", rule: { kind: "wholeNumber", min: 0 }, typed: -1, verdict: "refused" },
    { what: "a whole number ≥ 0", rule: { kind: "wholeNumber", min: 0 }, typed: "三", verdict: "refused" },
    { what: "a decimal", rule: { kind: "decimal" }, typed: 0.8, verdict: "allowed" },
    { what: "a decimal", rule: { kind: "decimal" }, typed: "约 5", verdict: "refused" },
    {
      what: "a date in 2022–2024",
      rule: { kind: "date", from: "2022-01-01", to: "2024-12-31" },
      typed: 45056,
      verdict: "allowed",
    },
    {
      what: "a date in 2022–2024",
      rule: { kind: "date", from: "2022-01-01", to: "2024-12-31" },
      typed: 44561,
      verdict: "refused",
    },
    {
      what: "a date in 2022–2024",
      rule: { kind: "date", from: "2022-01-01", to: "2024-12-31" },
      typed: "五月一日",
      verdict: "refused",
    },
    { what: "a list", rule: { kind: "list", values: ["1", "2"] }, typed: 2, verdict: "allowed" },
    { what: "a list", rule: { kind: "list", values: ["是", "否"] }, typed: true, verdict: "refused" },
  ])("$what, typed $typed: $verdict", ({ rule, typed, verdict }) => {
    expect(checkDataValidation(validation(rule), typed, rule.kind === "list" ? rule.values : []).kind).toBe(
      verdict,
    );
  });
});
