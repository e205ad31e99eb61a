import { readDay } from "../../../src/taskpane/settings/readDay";

describe("readDay (a day typed into the pane's settings)", () => {
  it.each([
    ["2023-06-30", "2023-06-30"],
    ["2023-6-30", "2023-06-30"],
    ["2023/6/30", "2023-06-30"],
    ["2023.6.30", "2023-06-30"],
    ["2023年6月30日", "2023-06-30"],
    ["２０２３－０６－３０", "2023-06-30"],
    [" 2023-06-30 ", "2023-06-30"],
  ])("reads %p as %p", (typed, day) => {
    expect(readDay(typed)).toBe(day);
  });

  it.each(["06/30/2023", "2023-02-30", "2023-06-30 10:00", "", "昨天"])("refuses %p", (typed) => {
    expect(readDay(typed)).toBeNull();
  });
});
