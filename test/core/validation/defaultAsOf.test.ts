import { defaultAsOf } from "../../../src/core/validation/defaultAsOf";

describe("defaultAsOf", () => {
  it.each([
    ["2023-06-30", "2023-06-30"],
    ["2023-12-31", "2023-12-31"],
    ["2024-01-01", "2023-12-31"],
    ["2026-12-01", "2023-12-31"],
    // Before the plan year nothing is due yet; today says so.
    ["2022-12-15", "2022-12-15"],
  ])("takes today %s as %s for a 2023 plan", (today, expected) => {
    expect(defaultAsOf(today, 2023)).toBe(expected);
  });
});
