import { addDays, format, parseISO } from "date-fns";
import { addWorkingDays, chineseHolidayCalendar, isWorkingDay } from "../../../src/core/plan/workingDays";

const working = (iso: string): boolean => {
  const result = isWorkingDay(iso);
  if (!result.ok) throw new Error(`not covered: ${iso}`);
  return result.value;
};

describe("isWorkingDay", () => {
  it.each([
    ["2023-01-03", true, "an ordinary Tuesday"],
    ["2023-01-07", false, "an ordinary Saturday"],
    ["2023-01-02", false, "元旦 (Monday off)"],
    ["2023-01-23", false, "春节"],
    ["2023-01-28", true, "a Saturday worked for 春节"],
    ["2023-01-29", true, "a Sunday worked for 春节"],
    ["2023-04-05", false, "清明节 (Wednesday)"],
    ["2023-04-23", true, "a Sunday worked for 劳动节"],
    ["2023-05-02", false, "劳动节"],
    ["2023-05-06", true, "a Saturday worked for 劳动节"],
    ["2023-06-22", false, "端午节"],
    ["2023-06-25", true, "a Sunday worked for 端午节"],
    ["2023-09-29", false, "中秋节"],
    ["2023-10-06", false, "国庆节 (Friday off)"],
    ["2023-10-07", true, "a Saturday worked for 国庆节"],
    ["2023-10-08", true, "a Sunday worked for 国庆节"],
    ["2024-01-01", false, "元旦 2024"],
    ["2024-02-04", true, "a Sunday worked for 春节 2024"],
    ["2024-02-09", true, "除夕 2024 (a working day in the notice)"],
    ["2024-02-16", false, "春节 2024"],
    ["2024-02-18", true, "a Sunday worked for 春节 2024"],
    ["2024-04-07", true, "a Sunday worked for 清明节 2024"],
    ["2024-04-28", true, "a Sunday worked for 劳动节 2024"],
    ["2024-05-11", true, "a Saturday worked for 劳动节 2024"],
    ["2024-06-10", false, "端午节 2024"],
    ["2024-09-14", true, "a Saturday worked for 中秋节 2024"],
    ["2024-09-16", false, "中秋节 2024"],
    ["2024-09-29", true, "a Sunday worked for 国庆节 2024"],
    ["2024-10-07", false, "国庆节 2024"],
    ["2024-10-12", true, "a Saturday worked for 国庆节 2024"],
  ])("%s is %s (%s)", (iso, expected) => {
    expect(working(iso)).toBe(expected);
  });

  it("makes every make-up day a weekend day and every holiday period start and end in its year's notice", () => {
    for (const [year, periods] of Object.entries(chineseHolidayCalendar)) {
      for (const period of periods) {
        for (const day of period.makeUpWorkdays) expect([0, 6]).toContain(parseISO(day).getDay());
        expect(period.to.startsWith(year)).toBe(true);
      }
    }
  });

  it("counts 249 working days in 2023 and 251 in 2024, as the notices give", () => {
    for (const [year, expected] of [
      [2023, 249],
      [2024, 251],
    ] as const) {
      let count = 0;
      for (let d = parseISO(`${year}-01-01`); d.getFullYear() === year; d = addDays(d, 1)) {
        if (working(format(d, "yyyy-MM-dd"))) count += 1;
      }
      expect(count).toBe(expected);
    }
  });

  it("says when the calendar does not cover a year", () => {
    expect(isWorkingDay("2025-03-03")).toEqual({ ok: false, reason: "calendar_not_covered", year: 2025 });
    expect(isWorkingDay("2022-12-30")).toEqual({ ok: false, reason: "calendar_not_covered", year: 2022 });
  });
});

describe("addWorkingDays", () => {
  it("does not count the start day", () => {
    expect(addWorkingDays("2023-03-06", 1)).toEqual({ ok: true, value: "2023-03-07" });
    expect(addWorkingDays("2023-03-06", 0)).toEqual({ ok: true, value: "2023-03-06" });
  });

  it("skips weekends", () => {
    expect(addWorkingDays("2023-03-10", 1)).toEqual({ ok: true, value: "2023-03-13" });
    expect(addWorkingDays("2023-03-11", 1)).toEqual({ ok: true, value: "2023-03-13" });
  });

  it("skips the 国庆 week and counts the make-up Saturday and Sunday", () => {
    expect(addWorkingDays("2023-09-28", 1)).toEqual({ ok: true, value: "2023-10-07" });
    expect(addWorkingDays("2023-09-28", 2)).toEqual({ ok: true, value: "2023-10-08" });
    expect(addWorkingDays("2023-09-28", 3)).toEqual({ ok: true, value: "2023-10-09" });
  });

  it("counts 20 working days across 劳动节 2023", () => {
    // 4/11–14 (4), 4/17–21 (9), Sun 4/23 (10), 4/24–28 (15), 4/29–5/3 off, 5/4–5 (17), Sat 5/6 (18), 5/8 (19), 5/9 (20)
    expect(addWorkingDays("2023-04-10", 20)).toEqual({ ok: true, value: "2023-05-09" });
  });

  it("counts 20 working days across 春节 2023", () => {
    // 1/13 Fri (1), 1/16–20 (6), 1/21–27 off, Sat 1/28 (7), Sun 1/29 (8), 1/30–2/3 (13), 2/6–10 (18), 2/13 (19), 2/14 (20)
    expect(addWorkingDays("2023-01-12", 20)).toEqual({ ok: true, value: "2023-02-14" });
  });

  it("crosses from 2023 into 2024 with both notices", () => {
    // 12/29 Fri (1), 1/1 元旦 off, 1/2 Tue (2)
    expect(addWorkingDays("2023-12-28", 2)).toEqual({ ok: true, value: "2024-01-02" });
  });

  it("refuses to guess past the calendar's last year", () => {
    expect(addWorkingDays("2024-12-20", 20)).toEqual({
      ok: false,
      reason: "calendar_not_covered",
      year: 2025,
    });
    expect(addWorkingDays("2022-06-01", 1)).toEqual({
      ok: false,
      reason: "calendar_not_covered",
      year: 2022,
    });
  });

  it("throws on misuse: a malformed date or a negative count", () => {
    expect(() => addWorkingDays("2023-02-30", 1)).toThrow(RangeError);
    expect(() => addWorkingDays("2023/03/01", 1)).toThrow(RangeError);
    expect(() => addWorkingDays("2023-03-01", -1)).toThrow(RangeError);
  });
});
