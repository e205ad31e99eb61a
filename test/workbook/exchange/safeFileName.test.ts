import { safeFileName } from "../../../src/workbook/exchange/safeFileName";
import { suggestUnits } from "../../../src/workbook/exchange/suggestUnits";

describe("safeFileName", () => {
  it.each([
    [
      "liuzhou-2023-北部生态新区（阳和工业新区）管委会",
      "liuzhou-2023-北部生态新区（阳和工业新区）管委会.xlsx",
    ],
    ['a/b: c?"<>|*\\', "a_b_ c_______.xlsx"],
    ["CON", "_CON.xlsx"],
    ["lpt1", "_lpt1.xlsx"],
    ["unit. . ", "unit.xlsx"],
    ["", "_.xlsx"],
  ])("makes %j a name Windows accepts", (stem, expected) => {
    expect(safeFileName(stem, ".xlsx")).toBe(expected);
  });

  it("cuts a long name to 120 characters, never inside a character", () => {
    expect(Array.from(safeFileName("𠀀".repeat(200), ""))).toHaveLength(120);
  });
});

describe("suggestUnits", () => {
  const units = ["柳江区", "柳城县", "市住房城乡建设局", "市生态环境局", "市生态环境局"];
  it.each([
    ["柳江", ["柳江区"]],
    ["住建局", ["市住房城乡建设局"]],
    ["生态环境局", ["市生态环境局"]],
    ["南宁市", []],
    ["", []],
  ])("suggests for %j", (typed, expected) => {
    expect(suggestUnits(typed, units)).toEqual(expected);
  });
});
