import { isIsoDay, localToday } from "../../src/taskpane/paneHost";

describe("the pane's days", () => {
  it("reads 'YYYY-MM-DD' as a day only when the day exists", () => {
    expect(isIsoDay("2023-03-15")).toBe(true);
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2023-02-29")).toBe(false);
    expect(isIsoDay("2023-13-01")).toBe(false);
    expect(isIsoDay("2023-3-15")).toBe(false);
    expect(isIsoDay("")).toBe(false);
  });

  it("writes today in the machine's time zone", () => {
    expect(localToday(new Date(2023, 5, 30, 23, 59))).toBe("2023-06-30");
    expect(localToday(new Date(2024, 0, 1, 0, 0))).toBe("2024-01-01");
  });
});
