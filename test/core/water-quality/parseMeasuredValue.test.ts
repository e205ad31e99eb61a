import fc from "fast-check";
import { parseMeasuredValue, type MeasuredValue } from "../../../src/core/water-quality/parseMeasuredValue";

const show = (result: MeasuredValue): string => {
  switch (result.kind) {
    case "value":
      return `value ${result.value}`;
    case "below_detection":
      return `below ${String(result.limit)}`;
    case "not_monitored":
      return "not monitored";
    case "problem":
      return result.code;
  }
};

describe("parseMeasuredValue", () => {
  it.each([
    [0.8, "value 0.8"],
    [0, "value 0"],
    ["0.8", "value 0.8"],
    [" 0.8 ", "value 0.8"],
    ["０.８", "value 0.8"],
    ["１２３", "value 123"],
    ["1,234.5", "value 1234.5"],
    ["１，２３４", "value 1234"],
    ["10,005", "value 10005"],
    ["1,000,000", "value 1000000"],
    ["12 000", "value 12000"],
    [".5", "value 0.5"],
    ["+7.2", "value 7.2"],
    ["2.8E-6", "value 0.0000028"],
    ["2.8e-6", "value 0.0000028"],
    ["1.2E+3", "value 1200"],
    ["2.8×10⁻⁶", "value 0.0000028"],
    ["2.8×10^-6", "value 0.0000028"],
    ["2.8x10^-6", "value 0.0000028"],
    ["2.8×10-6", "value 0.0000028"],
    ["1.0×10⁻⁶", "value 0.000001"],
    ["2.0×10⁻⁵", "value 0.00002"],
    ["3×10⁴", "value 30000"],
  ] as const)("reads %p as a %s", (raw, expected) => {
    expect(show(parseMeasuredValue(raw))).toBe(expected);
  });

  it.each([
    ["0.01L", "below 0.01"],
    ["0.01 L", "below 0.01"],
    ["0.00004L", "below 0.00004"],
    ["<0.01", "below 0.01"],
    ["＜0.01", "below 0.01"],
    ["< 0.01", "below 0.01"],
    ["<0.01L", "below 0.01"],
    ["ND", "below null"],
    ["nd", "below null"],
    ["ND(0.01)", "below 0.01"],
    ["ND（0.01）", "below 0.01"],
    ["未检出", "below null"],
    ["未检出(0.004)", "below 0.004"],
  ] as const)("reads %p as below the detection limit (%s)", (raw, expected) => {
    expect(show(parseMeasuredValue(raw))).toBe(expected);
  });

  it.each([[null], [undefined], [""], ["   "], ["—"], ["-"], ["/"], ["－"], ["——"], ["未监测"]])(
    "reads %p as not monitored",
    (raw) => {
      expect(show(parseMeasuredValue(raw))).toBe("not monitored");
    },
  );

  it.each([
    ["abc", "unreadable_value"],
    ["约0.5", "unreadable_value"],
    ["0.5mg/L", "unreadable_value"],
    [">100", "unreadable_value"],
    ["0,5", "unreadable_value"],
    ["1,23", "unreadable_value"],
    ["0,005", "unreadable_value"],
    ["0,500", "unreadable_value"],
    ["０，５００", "unreadable_value"],
    ["0,005L", "unreadable_value"],
    ["<0,005", "unreadable_value"],
    ["0,005.5", "unreadable_value"],
    ["2.8×106", "unreadable_value"],
    ["1.2.3", "unreadable_value"],
    ["L", "unreadable_value"],
    ["-0.5", "negative_value"],
    [-1, "negative_value"],
    ["0L", "invalid_detection_limit"],
    ["<0", "invalid_detection_limit"],
    [Number.NaN, "non_finite_value"],
    [Number.POSITIVE_INFINITY, "non_finite_value"],
    [true, "boolean_value"],
    ["#N/A", "excel_error_value"],
    ["#DIV/0!", "excel_error_value"],
    [{}, "unsupported_value_type"],
  ] as const)("refuses %p with %s rather than guessing", (raw, code) => {
    expect(show(parseMeasuredValue(raw))).toBe(code);
  });

  it("never throws on any string or any value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string(), fc.anything()), (raw) => {
        parseMeasuredValue(raw);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads back every finite non-negative number written in plain and scientific notation", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (x) => {
        expect(parseMeasuredValue(String(x))).toEqual({ kind: "value", value: x });
        expect(parseMeasuredValue(x.toExponential())).toEqual({ kind: "value", value: x });
      }),
    );
  });
});
