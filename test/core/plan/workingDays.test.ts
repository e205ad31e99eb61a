import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { addDays, eachDayOfInterval, format, parseISO } from "date-fns";
import { addWorkingDays, coveredYears, isWorkingDay } from "../../../src/core/plan/workingDays";

/** The last year the installed chinese-days knows, and the first it does not. */
const lastYear = coveredYears[coveredYears.length - 1]!;
const afterLastYear = lastYear + 1;

/** A holiday period of a notice: the days off, inclusive, and the weekend days worked in exchange. */
interface NoticePeriod {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly makeUpWorkdays: readonly string[];
}

/**
 * The notices as published, typed in by hand before the project used chinese-days, kept as the
 * oracle the package must agree with:
 * 2023: 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）;
 * 2024: 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）.
 * 2024-02-09 (除夕) is a working day in the notice (units are only "encouraged" to give it off).
 */
const notices: Readonly<Record<number, readonly NoticePeriod[]>> = {
  2023: [
    // The 元旦 period starts on 2022-12-31, a Saturday: a weekend day either way.
    { name: "元旦", from: "2023-01-01", to: "2023-01-02", makeUpWorkdays: [] },
    { name: "春节", from: "2023-01-21", to: "2023-01-27", makeUpWorkdays: ["2023-01-28", "2023-01-29"] },
    { name: "清明节", from: "2023-04-05", to: "2023-04-05", makeUpWorkdays: [] },
    { name: "劳动节", from: "2023-04-29", to: "2023-05-03", makeUpWorkdays: ["2023-04-23", "2023-05-06"] },
    { name: "端午节", from: "2023-06-22", to: "2023-06-24", makeUpWorkdays: ["2023-06-25"] },
    {
      name: "中秋节、国庆节",
      from: "2023-09-29",
      to: "2023-10-06",
      makeUpWorkdays: ["2023-10-07", "2023-10-08"],
    },
  ],
  2024: [
    { name: "元旦", from: "2024-01-01", to: "2024-01-01", makeUpWorkdays: [] },
    { name: "春节", from: "2024-02-10", to: "2024-02-17", makeUpWorkdays: ["2024-02-04", "2024-02-18"] },
    { name: "清明节", from: "2024-04-04", to: "2024-04-06", makeUpWorkdays: ["2024-04-07"] },
    { name: "劳动节", from: "2024-05-01", to: "2024-05-05", makeUpWorkdays: ["2024-04-28", "2024-05-11"] },
    { name: "端午节", from: "2024-06-10", to: "2024-06-10", makeUpWorkdays: [] },
    { name: "中秋节", from: "2024-09-15", to: "2024-09-17", makeUpWorkdays: ["2024-09-14"] },
    { name: "国庆节", from: "2024-10-01", to: "2024-10-07", makeUpWorkdays: ["2024-09-29", "2024-10-12"] },
  ],
};

function daysFrom(from: string, to: string): string[] {
  return eachDayOfInterval({ start: parseISO(from), end: parseISO(to) }).map((d) => format(d, "yyyy-MM-dd"));
}

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

  it("agrees day by day with the State Council's notices for 2023 and 2024", () => {
    for (const [year, periods] of Object.entries(notices)) {
      const daysOff = new Set(periods.flatMap((p) => daysFrom(p.from, p.to)));
      const worked = new Set(periods.flatMap((p) => p.makeUpWorkdays));
      for (const day of worked) expect([0, 6]).toContain(parseISO(day).getDay());
      for (const day of daysFrom(`${year}-01-01`, `${year}-12-31`)) {
        const weekend = [0, 6].includes(parseISO(day).getDay());
        const expected = worked.has(day) || (!weekend && !daysOff.has(day));
        expect([day, working(day)]).toEqual([day, expected]);
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

  it("covers every year from 2004 to 2026 without a gap (chinese-days 1.5.7; later versions add years)", () => {
    expect(coveredYears.slice(0, 23)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(coveredYears).toEqual(Array.from({ length: coveredYears.length }, (_, i) => 2004 + i));
  });

  it("says when the calendar does not cover a year", () => {
    expect(isWorkingDay(`${afterLastYear}-03-04`)).toEqual({
      ok: false,
      reason: "calendar_not_covered",
      year: afterLastYear,
    });
    expect(isWorkingDay("2003-12-30")).toEqual({ ok: false, reason: "calendar_not_covered", year: 2003 });
  });

  it("answers the same west of UTC (the package's own functions are a day off there)", async () => {
    // A fresh process: the time zone is read when Node starts, and Jest's sandbox cannot change it.
    const script = [
      `const w = require(${JSON.stringify(path.resolve(__dirname, "../../../src/core/plan/workingDays.ts"))});`,
      `console.log(JSON.stringify([new Date(2023, 2, 6).getTimezoneOffset(), w.isWorkingDay("2023-03-06"),`,
      `  w.isWorkingDay("2023-01-02"), w.isWorkingDay("2023-01-28"), w.addWorkingDays("2023-04-10", 20)]));`,
    ].join("\n");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "-e", script], {
      env: { ...process.env, TZ: "America/New_York" },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toEqual([
      300, // New York is 5 hours behind UTC on 6 March 2023
      { ok: true, value: true }, // a Monday
      { ok: true, value: false }, // 元旦
      { ok: true, value: true }, // a Saturday worked for 春节
      { ok: true, value: "2023-05-09" },
    ]);
  }, 70_000);
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
    expect(addWorkingDays(`${lastYear}-12-20`, 20)).toEqual({
      ok: false,
      reason: "calendar_not_covered",
      year: afterLastYear,
    });
    expect(addWorkingDays("2003-06-02", 1)).toEqual({
      ok: false,
      reason: "calendar_not_covered",
      year: 2003,
    });
  });

  it("throws on misuse: a malformed date or a negative count", () => {
    expect(() => addWorkingDays("2023-02-30", 1)).toThrow(RangeError);
    expect(() => addWorkingDays("2023/03/01", 1)).toThrow(RangeError);
    expect(() => addWorkingDays("2023-03-01", -1)).toThrow(RangeError);
  });
});
