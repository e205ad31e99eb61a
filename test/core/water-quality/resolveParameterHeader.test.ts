import fc from "fast-check";
import { allParameters } from "../../../src/core/water-quality/parameters";
import {
  formatParameterHeader,
  resolveParameterHeader,
} from "../../../src/core/water-quality/resolveParameterHeader";

const resolved = (header: unknown): string => {
  const result = resolveParameterHeader(header);
  return result.kind === "parameter" ? `${result.parameter.key}×${result.factor}` : result.code;
};

describe("resolveParameterHeader", () => {
  it.each(allParameters.map((p) => [formatParameterHeader(p), p.key] as const))(
    "round-trips the generated header %s",
    (header, key) => {
      expect(resolved(header)).toBe(`${key}×1`);
    },
  );

  it("writes the generated header as nameZh（unit）", () => {
    const headers = ["do", "nh3n", "ph", "water_temp", "fecal_coliform"].map((key) =>
      formatParameterHeader(allParameters.find((p) => p.key === key)!),
    );
    expect(headers).toEqual([
      "溶解氧（mg/L）",
      "氨氮（NH3-N）（mg/L）",
      "pH值（无量纲）",
      "水温（℃）",
      "粪大肠菌群（个/L）",
    ]);
  });

  it.each([
    ["氨氮", "nh3n"],
    ["NH3-N", "nh3n"],
    ["氨氮（NH3-N）", "nh3n"],
    ["nh3-n", "nh3n"],
    ["高锰酸盐指数", "codmn"],
    ["CODMn", "codmn"],
    ["化学需氧量", "cod"],
    ["COD", "cod"],
    ["BOD5", "bod5"],
    ["BOD₅", "bod5"],
    ["五日生化需氧量", "bod5"],
    ["总磷", "tp"],
    ["TP", "tp"],
    ["总氮", "tn"],
    ["溶解氧", "do"],
    ["DO", "do"],
    ["六价铬", "cr6"],
    ["铬（六价）", "cr6"],
    ["铬(六价)", "cr6"],
    ["Cr6+", "cr6"],
    ["石油类", "petroleum"],
    ["粪大肠菌群", "fecal_coliform"],
    ["pH", "ph"],
    ["PH值", "ph"],
    ["水温", "water_temp"],
    [" 氨 氮 ", "nh3n"],
    ["硫酸盐", "sulfate"],
    ["铁", "iron"],
    ["苯并(a)芘", "benzo_a_pyrene"],
    ["Ammonia nitrogen (NH3-N)", "nh3n"],
    ["溶解氧(DO)", "do"],
    ["高锰酸盐指数(CODMn)", "codmn"],
    ["总磷（TP）", "tp"],
    ["阴离子表面活性剂(LAS)", "las"],
    ["COD(Cr)", "cod"],
    ["COD(Mn)", "codmn"],
    ["五日生化需氧量（BOD5）", "bod5"],
  ])("reads %s as %s in its display unit", (header, key) => {
    expect(resolved(header)).toBe(`${key}×1`);
  });

  it.each([
    ["氨氮（mg/L）", "nh3n×1"],
    ["氨氮(mg/l)", "nh3n×1"],
    ["氨氮 mg/L", "nh3n×1"],
    ["NH3-N [mg/L]", "nh3n×1"],
    ["汞（µg/L）", "hg×0.001"],
    ["汞（μg/L）", "hg×0.001"],
    ["Hg ug/L", "hg×0.001"],
    ["粪大肠菌群（个/L）", "fecal_coliform×1"],
    ["粪大肠菌群（MPN/L）", "fecal_coliform×1"],
    ["粪大肠菌群（MPN/100mL）", "fecal_coliform×10"],
    ["水温（°C）", "water_temp×1"],
    ["水温(℃)", "water_temp×1"],
    ["溶解氧(DO)(mg/L)", "do×1"],
    ["总磷（TP）（μg/L）", "tp×0.001"],
    ["溶解氧(DO) mg/L", "do×1"],
    ["粪大肠菌群(FC)(MPN/100mL)", "fecal_coliform×10"],
  ])("reads the unit in %s as factor %s", (header, expected) => {
    expect(resolved(header)).toBe(expected);
  });

  it.each([
    ["pH*", "ph×1"],
    ["ｐＨ＊", "ph×1"],
    ["pH*(无量纲)", "ph×1"],
    ["DO*", "do×1"],
  ])("reads the footnote-marked bulletin header %s as %s", (header, expected) => {
    expect(resolved(header)).toBe(expected);
  });

  it.each([
    ["水温(℃)", "water_temp×1"],
    ["pH(无量纲)", "ph×1"],
    ["溶解氧(mg/L)", "do×1"],
    ["电导率(μS/cm)", "unknown_parameter"],
    ["浊度(NTU)", "unknown_parameter"],
    ["高锰酸盐指数(mg/L)", "codmn×1"],
    ["氨氮(mg/L)", "nh3n×1"],
    ["总磷(mg/L)", "tp×1"],
    ["总氮(mg/L)", "tn×1"],
    ["叶绿素α(mg/L)", "unknown_parameter"],
    ["藻密度(cells/L)", "unknown_parameter"],
  ])("reads the national real-time table's header %s as %s", (header, expected) => {
    expect(resolved(header)).toBe(expected);
  });

  it.each([
    ["", "empty_header"],
    ["*", "unknown_parameter"],
    ["浊度", "unknown_parameter"],
    ["电导率（μS/cm）", "unknown_parameter"],
    ["铬", "unknown_parameter"],
    ["氨氮（ppm）", "unknown_unit"],
    ["氨氮（个/L）", "unit_not_applicable"],
    ["粪大肠菌群（mg/L）", "unit_not_applicable"],
    ["pH（mg/L）", "unit_not_applicable"],
    ["溶解氧(TP)", "unknown_unit"],
    ["溶解氧(DO)(ppm)", "unknown_unit"],
    ["溶解氧(DO)(个/L)", "unit_not_applicable"],
  ])("refuses %s with %s", (header, code) => {
    expect(resolved(header)).toBe(code);
  });

  it.each([
    [null, "empty_header"],
    [undefined, "empty_header"],
    [2023, "unknown_parameter"],
    [true, "unknown_parameter"],
    [{}, "unknown_parameter"],
  ])("returns a problem for the non-text header %p (%s) instead of throwing", (header, code) => {
    expect(resolved(header)).toBe(code);
  });

  it("never throws on any string or any value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string(), fc.anything()), (header) => {
        resolveParameterHeader(header);
      }),
      { numRuns: 5000 },
    );
  });
});
