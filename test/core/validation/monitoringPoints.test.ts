import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import {
  createPointResolver,
  isDrinkingWaterSource,
  monitoringPoints,
} from "../../../src/core/validation/monitoringPoints";

const points = monitoringPoints(plan);
const find = createPointResolver(points);

describe("monitoringPoints", () => {
  it("lists the plan's 21 points, sections first, then sources, in appendix order", () => {
    expect(points.map((p) => p.kind)).toEqual([
      ...Array<string>(10).fill("national_section"),
      ...Array<string>(2).fill("regional_section"),
      ...Array<string>(4).fill("municipal_source"),
      ...Array<string>(5).fill("county_source"),
    ]);
    expect(points[0]).toEqual({
      name: "贝江口",
      kind: "national_section",
      target: 2,
      waterbody: "river",
      coreItems: ["ph", "do", "codmn", "nh3n", "tp"],
    });
  });

  it("gives each kind of point the core items the plan names, else pH, 溶解氧, 高锰酸盐指数, 氨氮 and 总磷", () => {
    const strict = monitoringPoints({ ...plan, coreItems: { municipal_sources: ["ph", "do", "cod"] } });
    expect(strict.find((p) => p.kind === "municipal_source")?.coreItems).toEqual(["ph", "do", "cod"]);
    expect(strict.find((p) => p.kind === "county_source")?.coreItems).toEqual([
      "ph",
      "do",
      "codmn",
      "nh3n",
      "tp",
    ]);
  });

  it("tells drinking-water sources from sections", () => {
    expect(points.filter((p) => isDrinkingWaterSource(p.kind))).toHaveLength(9);
  });
});

describe("createPointResolver", () => {
  it.each([
    ["露塘", "露塘"],
    ["露塘断面", "露塘"],
    [" 露塘 ", "露塘"],
    ["\u3000露塘\u3000", "露塘"],
    ["露 塘", "露塘"],
    ["柳西水厂(原河西水厂)", "柳西水厂(原河西水厂)"],
    ["柳西水厂（原河西水厂）", "柳西水厂(原河西水厂)"],
    ["对亭站", "对亭站"],
  ])("finds %p as the point %p", (typed, name) => {
    expect(find(typed)?.name).toBe(name);
  });

  it.each(["露塘桥", "露", "断面", "", "柳西水厂", "Lutang", "露塘断面断面"])(
    "finds no point for %p, never guessing by similarity",
    (typed) => {
      expect(find(typed)).toBeUndefined();
    },
  );
});
