import fc from "fast-check";
import { readSamplingTime } from "../../../src/core/import/readSamplingTime";

const context = { year: 2023, asOf: "2023-06-30" };
const shown = (raw: unknown, clock?: unknown): string => {
  const time = readSamplingTime(raw, clock, context);
  switch (time.kind) {
    case "time": {
      const clockText =
        time.minutes === null
          ? ""
          : ` ${String(Math.floor(time.minutes / 60)).padStart(2, "0")}:${String(time.minutes % 60).padStart(2, "0")}`;
      return `${time.iso}${clockText}${time.yearInferred ? " (year inferred)" : ""}`;
    }
    case "empty":
      return "empty";
    case "unreadable":
      return `unreadable ${time.input}`;
  }
};

describe("readSamplingTime", () => {
  it.each([
    ["2023-05-01 04:00", "2023-05-01 04:00"],
    ["2023/5/1", "2023-05-01"],
    ["2023年5月1日", "2023-05-01"],
    ["2023-05-01T16:00:00", "2023-05-01 16:00"],
    [45047, "2023-05-01"],
    [45047 + 4 / 24, "2023-05-01 04:00"],
    ["05-01 04:00", "2023-05-01 04:00 (year inferred)"],
    ["5/1 4:00", "2023-05-01 04:00 (year inferred)"],
    ["5月1日 4时", "2023-05-01 04:00 (year inferred)"],
    ["05-01", "2023-05-01 (year inferred)"],
    ["06-30 20:00", "2023-06-30 20:00 (year inferred)"],
    ["07-01 00:00", "2022-07-01 00:00 (year inferred)"],
    ["12-31 20:00", "2022-12-31 20:00 (year inferred)"],
    ["", "empty"],
    [null, "empty"],
    ["02-30 04:00", "unreadable 02-30 04:00"],
    ["05-01 24:00", "unreadable 05-01 24:00"],
    ["昨天", "unreadable 昨天"],
  ])("reads %p as %s (plan year 2023, as of 2023-06-30)", (raw, expected) => {
    expect(shown(raw)).toBe(expected);
  });

  it.each([
    ["2023-05-01", "04:00", "2023-05-01 04:00"],
    [45047, 1 / 6, "2023-05-01 04:00"],
    ["2023/5/1", "16时", "2023-05-01 16:00"],
    ["2023-05-01 08:00", "04:00", "2023-05-01 08:00"],
    ["2023-05-01", "", "2023-05-01"],
    ["2023-05-01", "noon", "unreadable noon"],
  ])("joins the day %p and the time of day %p as %s", (day, clock, expected) => {
    expect(shown(day, clock)).toBe(expected);
  });

  it("reads 02-29 in a leap plan year, and refuses it in another", () => {
    expect(readSamplingTime("02-29", undefined, { year: 2024, asOf: "2024-06-30" }).kind).toBe("time");
    expect(readSamplingTime("02-29", undefined, context).kind).toBe("unreadable");
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (raw, clock) => {
        readSamplingTime(raw, clock, context);
      }),
      { numRuns: 2000 },
    );
  });
});
