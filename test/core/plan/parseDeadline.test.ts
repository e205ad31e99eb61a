import { parseDeadline } from "../../../src/core/plan/parseDeadline";

describe("parseDeadline", () => {
  it.each([
    ["全年", "2023-12-31"],
    ["年底前", "2023-12-31"],
    ["11月底前", "2023-11-30"],
    ["2月底前", "2023-02-28"],
    ["2023年12月20日前", "2023-12-20"],
    ["7月1日前", "2023-07-01"], // the stated day is the last day, as for 2023年12月20日前
    ["12月31日前", "2023-12-31"],
  ])("reads %s as %s", (text, date) => {
    expect(parseDeadline(text, 2023)).toEqual({ kind: "date", text, date });
  });

  it("reads a month end in a leap year", () => {
    expect(parseDeadline("2月底前", 2024)).toMatchObject({ date: "2024-02-29" });
  });

  it("reads a deadline relative to the plan's publication", () => {
    expect(parseDeadline("市级公布工作计划后20个工作日内", 2023)).toEqual({
      kind: "working_days_after_publication",
      text: "市级公布工作计划后20个工作日内",
      workingDays: 20,
    });
  });

  it("returns null for wording it does not know instead of guessing", () => {
    expect(parseDeadline("尽快", 2023)).toBeNull();
    expect(parseDeadline("13月底前", 2023)).toBeNull();
  });

  it("returns null for a day the calendar does not have", () => {
    expect(parseDeadline("2月30日前", 2023)).toBeNull();
    expect(parseDeadline("2023年2月29日前", 2023)).toBeNull();
    expect(parseDeadline("13月1日前", 2023)).toBeNull();
    expect(parseDeadline("2月29日前", 2024)).toMatchObject({ date: "2024-02-29" });
  });
});
