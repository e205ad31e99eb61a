import { isValid, parseISO } from "date-fns";
import { isoDateToSerial } from "../../../src/core/excelDate";
import { parseEntryDate, type EntryDate } from "../../../src/core/validation/parseEntryDate";

/** "2023-05-01", "2023-05-01 10:00", "empty" or "unreadable", for tables a reviewer can read. */
const show = (result: EntryDate): string => {
  switch (result.kind) {
    case "date": {
      if (result.minutes === null) return result.iso;
      const hh = String(Math.floor(result.minutes / 60)).padStart(2, "0");
      const mm = String(result.minutes % 60).padStart(2, "0");
      return `${result.iso} ${hh}:${mm}`;
    }
    case "empty":
      return "empty";
    case "unreadable":
      return "unreadable";
  }
};

const may1 = isoDateToSerial("2023-05-01"); // 45047

describe("parseEntryDate", () => {
  it.each([
    ["2023-05-01", "2023-05-01"],
    ["2023-5-1", "2023-05-01"],
    ["2023.5.1", "2023-05-01"],
    ["2023/5/1", "2023-05-01"],
    ["2023/05/01", "2023-05-01"],
    ["2023年5月1日", "2023-05-01"],
    ["2023年5月1", "2023-05-01"],
    ["2023 年 5 月 1 日", "2023-05-01"],
    ["２０２３年５月１日", "2023-05-01"],
    ["２０２３－０５－０１", "2023-05-01"],
    [" 2023-05-01 ", "2023-05-01"],
    ["2024-02-29", "2024-02-29"],
  ] as const)("reads the text %p as the day %s", (typed, expected) => {
    expect(show(parseEntryDate(typed))).toBe(expected);
  });

  it.each([
    ["2023-05-01 10:00", "2023-05-01 10:00"],
    ["2023/5/1 8:30", "2023-05-01 08:30"],
    ["2023-05-01T10:00", "2023-05-01 10:00"],
    ["2023-05-01 10:00:30", "2023-05-01 10:00"],
    ["2023年5月1日 10：00", "2023-05-01 10:00"],
    ["2023-05-01 23:59", "2023-05-01 23:59"],
    ["2023-05-01 00:00", "2023-05-01 00:00"],
  ] as const)("reads the time of day in %p (%s)", (typed, expected) => {
    expect(show(parseEntryDate(typed))).toBe(expected);
  });

  it.each([
    [may1, "2023-05-01"],
    [may1 + 0.5, "2023-05-01 12:00"],
    [may1 + 10 / 24, "2023-05-01 10:00"],
    [may1 + 0.25, "2023-05-01 06:00"],
    [isoDateToSerial("2023-12-31"), "2023-12-31"],
    [isoDateToSerial("2024-02-29"), "2024-02-29"],
  ] as const)("reads the Excel serial %p as %s (a fraction is the time of day)", (serial, expected) => {
    expect(show(parseEntryDate(serial))).toBe(expected);
  });

  it.each([
    {
      serial: may1 + (10 * 3600 + 45) / 86_400,
      shown: "2023-05-01 10:00",
      why: "10:00:45, as the text reads it",
    },
    { serial: may1 + 0.999_99, shown: "2023-05-01 23:59", why: "23:59:59.1, not 00:00 of the same day" },
    { serial: may1 + 0.999_999_9, shown: "2023-05-02 00:00", why: "23:59:59.99, midnight of the next day" },
    {
      serial: isoDateToSerial("2023-12-31") + 0.999_999_9,
      shown: "2024-01-01 00:00",
      why: "over a year's end",
    },
  ])("reads the serial $serial as $shown, the minute Excel shows ($why)", ({ serial, shown }) => {
    expect(show(parseEntryDate(serial))).toBe(shown);
  });

  it.each([
    [1, "1900-01-01"],
    [1.5, "1900-01-01 12:00"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [62, "1900-03-02"],
  ] as const)(
    "reads the serial %p as %s, on either side of Excel's fictitious 1900-02-29",
    (serial, expected) => {
      expect(show(parseEntryDate(serial))).toBe(expected);
    },
  );

  it("refuses serial 60, Excel's 1900-02-29, a day that never was", () => {
    expect(parseEntryDate(60)).toEqual({ kind: "unreadable", input: "60" });
    expect(parseEntryDate(60.5)).toEqual({ kind: "unreadable", input: "60.5" });
  });

  it("refuses a serial whose time rounds past 9999-12-31", () => {
    expect(parseEntryDate(2_958_465.999_999_9).kind).toBe("unreadable");
  });

  it.each([
    { typed: "2023-02-30", why: "a day February does not have" },
    { typed: "2023-02-29", why: "29 February of a common year" },
    { typed: "2023-13-01", why: "a thirteenth month" },
    { typed: "2023-04-31", why: "31 April" },
    { typed: "2023-05-00", why: "day zero" },
    { typed: "5/1/2023", why: "the American order" },
    { typed: "1/5/2023", why: "the British order" },
    { typed: "23-5-1", why: "a two-digit year" },
    { typed: "2023-05", why: "a month without a day" },
    { typed: "10:00", why: "a time without a day" },
    { typed: "2023-05-01 24:00", why: "hour 24" },
    { typed: "2023-05-01 10:60", why: "minute 60" },
    { typed: "2023-05-01 10:00:60", why: "second 60" },
    { typed: "2023-05-01 10:00:99", why: "second 99" },
    { typed: "五月一日", why: "a day in words" },
    { typed: "昨天", why: "yesterday" },
    { typed: "2023-05-01 上午", why: "half a day in words" },
  ])("refuses $typed ($why), never guessing a day", ({ typed }) => {
    expect(parseEntryDate(typed)).toEqual({ kind: "unreadable", input: typed });
  });

  it.each([
    { typed: 0, why: "serial 0" },
    { typed: -1, why: "a negative serial" },
    { typed: 0.5, why: "a time without a day" },
    { typed: 2_958_466, why: "a serial after 9999-12-31" },
    { typed: Number.NaN, why: "NaN" },
    { typed: Infinity, why: "Infinity" },
  ])("refuses the number $typed ($why)", ({ typed }) => {
    expect(parseEntryDate(typed).kind).toBe("unreadable");
  });

  it("reads blank cells as empty, not as a problem", () => {
    expect(parseEntryDate(null)).toEqual({ kind: "empty" });
    expect(parseEntryDate(undefined)).toEqual({ kind: "empty" });
    expect(parseEntryDate("")).toEqual({ kind: "empty" });
    expect(parseEntryDate(" \u3000 ")).toEqual({ kind: "empty" });
  });

  it("quotes what was typed when it refuses it, as the message shows it", () => {
    expect(parseEntryDate(true)).toEqual({ kind: "unreadable", input: "true" });
    expect(parseEntryDate("２０２３－０２－３０")).toEqual({
      kind: "unreadable",
      input: "２０２３－０２－３０",
    });
  });
});

describe("parseEntryDate's calendar check", () => {
  it("accepts exactly the days parseISO accepts, over every month-day of leap and common years", () => {
    for (const year of ["0000", "0004", "0099", "0100", "1900", "2000", "2023", "2024", "2100", "9999"]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const read = parseEntryDate(iso);
          expect([iso, read.kind]).toEqual([iso, isValid(parseISO(iso)) ? "date" : "unreadable"]);
        }
      }
    }
  });
});
