import fc from "fast-check";
import { readExportValue } from "../../../src/core/import/readExportValue";

const shown = (raw: unknown, factor = 1): string => {
  const value = readExportValue(raw, factor);
  switch (value.kind) {
    case "value":
      return `${typeof value.cell === "number" ? "number" : "text"} ${String(value.cell)}${value.marked ? " marked" : ""}`;
    case "empty":
      return "empty";
    case "problem":
      return value.code;
  }
};

describe("readExportValue", () => {
  it.each([
    [0.123, 1, "number 0.123"],
    ["0.123", 1, "number 0.123"],
    ["0.5", 0.001, "number 0.0005"],
    [1300, 10, "number 13000"],
    ["0.01L", 1, "text 0.01L"],
    ["<0.01", 1, "text 0.01L"],
    ["＜0.01", 1, "text 0.01L"],
    ["0.05L", 0.001, "text 0.00005L"],
    ["ND", 1, "text ND"],
    ["未检出", 1, "text 未检出"],
    ["ND(0.01)", 1, "text 0.01L"],
    ["1.52*", 1, "number 1.52 marked"],
    ["0.01L*", 1, "text 0.01L marked"],
    ["--", 1, "empty"],
    ["*", 1, "empty"],
    ["", 1, "empty"],
    [null, 1, "empty"],
    ["异常", 1, "unreadable_value"],
    ["-0.2", 1, "negative_value"],
    [true, 1, "boolean_value"],
  ])("reads %p (factor %p) as %s", (raw, factor, expected) => {
    expect(shown(raw, factor)).toBe(expected);
  });

  it("quotes a refused cell as the export wrote it, mark and all", () => {
    expect(readExportValue("abc*", 1)).toMatchObject({
      kind: "problem",
      code: "unreadable_value",
      input: "abc*",
    });
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), fc.constantFrom(1, 0.001, 10), (raw, factor) => {
        readExportValue(raw, factor);
      }),
      { numRuns: 3000 },
    );
  });
});
