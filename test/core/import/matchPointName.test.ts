import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import {
  createPointMatcher,
  pointAliasKey,
  pointNamePrefixes,
} from "../../../src/core/import/matchPointName";
import { monitoringPoints } from "../../../src/core/validation/monitoringPoints";

const points = monitoringPoints(plan).map((p) => p.name);
const matcher = (confirmed: ReadonlyMap<string, string> = new Map()) =>
  createPointMatcher(points, pointNamePrefixes(plan), confirmed);

describe("createPointMatcher", () => {
  const match = matcher();

  it.each([
    ["露塘", "露塘"],
    ["露塘断面", "露塘"],
    [" 露塘　", "露塘"],
    ["柳州露塘", "露塘"],
    ["柳州市露塘断面", "露塘"],
    ["对亭", "对亭站"],
    ["河西水厂", "柳西水厂(原河西水厂)"],
    ["柳西水厂水源地", "柳西水厂(原河西水厂)"],
    ["柳西水厂（原河西水厂）", "柳西水厂(原河西水厂)"],
    ["柳东水厂水源地", "柳东水厂"],
    ["柳城县县城水源地", "柳城县县城饮用水水源地"],
    ["三江寻江饮用水水源地", "寻江饮用水水源地"],
    ["来宾象州运江老街", "象州运江老街"],
    ["融安浮石", "浮石"],
  ])("reads the export's %s as the plan's %s", (name, point) => {
    expect(match(name)).toEqual({ kind: "matched", point, via: "name" });
  });

  it.each([
    ["运江老街", "象州运江老街"],
    ["露糖", "露塘"],
    ["大州", "大洲"],
    ["融水县城水源地", "融水县县城饮用水水源地"],
    ["鹿寨窑上石鼓", "鹿寨县城洛清江窑上石鼓饮用水水源地"],
  ])("never imports %s under a guess, but suggests %s", (name, suggestion) => {
    expect(match(name)).toEqual({ kind: "unmatched", suggestion });
  });

  it("does not match a name several points share, and suggests one of them", () => {
    const result = match("县城饮用水水源地");
    expect(result.kind).toBe("unmatched");
    expect(result.kind === "unmatched" && result.suggestion?.endsWith("县城饮用水水源地")).toBe(true);
  });

  it.each(["南宁老口", "注：数据来源于自动站", ""])("suggests nothing for %p", (name) => {
    expect(match(name)).toEqual({ kind: "unmatched", suggestion: null });
  });

  it("takes a mapping the user confirmed first, with spaces and full-width forms folded", () => {
    const confirmed = matcher(new Map([["柳江 大桥", "露塘"]]));
    expect(confirmed("柳江大桥")).toEqual({ kind: "matched", point: "露塘", via: "confirmed" });
    expect(confirmed("柳江大桥　")).toEqual({ kind: "matched", point: "露塘", via: "confirmed" });
  });

  it("ignores a confirmed mapping to a point the plan does not have", () => {
    expect(matcher(new Map([["柳江大桥", "柳江大桥"]]))("柳江大桥").kind).toBe("unmatched");
  });
});

describe("pointNamePrefixes", () => {
  it("lists the plan's cities and counties with their short forms, longest first", () => {
    const prefixes = pointNamePrefixes(plan);
    expect(prefixes).toEqual(
      expect.arrayContaining(["柳州市", "柳州", "来宾", "融水苗族自治县", "融水", "融水县", "三江"]),
    );
    expect(prefixes.every((p, i) => i === 0 || (prefixes[i - 1]?.length ?? 0) >= p.length)).toBe(true);
  });
});

describe("pointAliasKey", () => {
  it("folds spaces and full-width forms", () => {
    expect(pointAliasKey(" 柳江　大桥 ")).toBe(pointAliasKey("柳江大桥"));
  });
});
