import fc from "fast-check";
import {
  formatWaterClass,
  parseTargetClass,
  parseWaterClass,
  waterClasses,
} from "../../../src/core/water-quality/waterClass";

const classOf = (raw: unknown): number | string => {
  const result = parseWaterClass(raw);
  return result.kind === "class" ? result.waterClass : result.code;
};
const targetOf = (raw: unknown): number | string => {
  const result = parseTargetClass(raw);
  return result.kind === "class" ? result.waterClass : result.code;
};

describe("parseWaterClass", () => {
  it("reads 'Ⅲ类' and 'III 类' as the same class", () => {
    expect(classOf("Ⅲ类")).toBe(3);
    expect(classOf("III 类")).toBe(3);
  });

  it.each([
    ["Ⅰ类", 1],
    ["Ⅱ类", 2],
    ["II 类", 2],
    ["II", 2],
    ["ⅱ", 2],
    ["2类", 2],
    ["二类", 2],
    ["Ⅲ类水", 3],
    ["三类水质", 3],
    ["iv", 4],
    ["Ⅳ", 4],
    ["Ⅴ类", 5],
    ["V类", 5],
    ["５类", 5],
    ["劣Ⅴ类", 6],
    ["劣V类", 6],
    ["劣五类", 6],
    ["劣5类", 6],
    ["劣Ⅴ", 6],
    ["劣V", 6],
    ["劣Ⅴ类水", 6],
    [" Ⅱ 类 ", 2],
    [3, 3],
  ] as const)("reads %s as class %d", (text, expected) => {
    expect(classOf(text)).toBe(expected);
  });

  it.each([["Ⅵ类"], ["VI"], ["6类"], ["三级"], ["劣Ⅳ类"], ["优"], ["0"], [6], [2.5], [true]])(
    "refuses %s rather than guessing",
    (text) => {
      expect(classOf(text)).toBe("unreadable_class");
    },
  );

  it("reports an empty cell as empty", () => {
    expect(classOf("")).toBe("empty_class");
    expect(classOf("  ")).toBe("empty_class");
    expect(classOf(null)).toBe("empty_class");
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseWaterClass(text);
        parseTargetClass(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back every class it formats, in both languages' Chinese form", () => {
    for (const c of waterClasses) expect(classOf(formatWaterClass(c, "zh-CN"))).toBe(c);
  });
});

describe("parseTargetClass", () => {
  it.each([
    ["达到或好于 III类", 3],
    ["达到或优于Ⅲ类", 3],
    ["Ⅰ~Ⅲ类", 3],
    ["Ⅰ-Ⅲ类", 3],
    ["Ⅰ～Ⅱ类", 2],
    ["Ⅱ~Ⅲ类", 3],
    ["Ⅲ类", 3],
    ["II 类", 2],
    ["III类", 3],
    ["符合Ⅱ类", 2],
    ["Ⅲ类及以上", 3],
    ["达到Ⅳ类", 4],
    ["水质目标：Ⅲ类", 3],
    [2, 2],
  ] as const)("reads %s as worst acceptable class %d", (text, expected) => {
    expect(targetOf(text)).toBe(expected);
  });

  it.each([["优于Ⅲ类"], ["Ⅲ~Ⅰ类"], ["好"], ["Ⅵ类"]])("refuses %s", (text) => {
    expect(targetOf(text)).toBe("unreadable_target");
  });
});

describe("formatWaterClass", () => {
  it("writes Chinese classes with Unicode Roman numerals and 劣Ⅴ类", () => {
    expect(waterClasses.map((c) => formatWaterClass(c, "zh-CN"))).toEqual([
      "Ⅰ类",
      "Ⅱ类",
      "Ⅲ类",
      "Ⅳ类",
      "Ⅴ类",
      "劣Ⅴ类",
    ]);
  });

  it("writes English classes as Class I … and Worse than V", () => {
    expect(waterClasses.map((c) => formatWaterClass(c, "en-US"))).toEqual([
      "Class I",
      "Class II",
      "Class III",
      "Class IV",
      "Class V",
      "Worse than V",
    ]);
  });
});
