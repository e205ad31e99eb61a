import { classifyParameter, type Waterbody } from "../../../src/core/water-quality/classifyParameter";
import { table1Parameters, type ParameterKey } from "../../../src/core/water-quality/parameters";

describe("classifyParameter, generated from Table 1", () => {
  const cases: [string, ParameterKey, Waterbody, number, number][] = [];
  for (const def of table1Parameters) {
    if (def.limits.kind !== "classes") continue;
    for (const waterbody of ["river", "lake"] as const) {
      const row = waterbody === "lake" ? def.limits.lake : def.limits.river;
      row.forEach((limit, i) =>
        cases.push([
          `${def.key} ${waterbody} class ${i + 1} limit ${limit}`,
          def.key,
          waterbody,
          i + 1,
          limit,
        ]),
      );
    }
  }

  it.each(cases)("%s: at the bound meets it, just beyond misses it", (_name, key, waterbody, c, limit) => {
    const def = table1Parameters.find((p) => p.key === key)!;
    const row: readonly number[] =
      def.limits.kind === "classes" ? (waterbody === "lake" ? def.limits.lake : def.limits.river) : [];
    const bestSharing = row.indexOf(limit) + 1;
    const step = limit * 1e-6;
    const better = def.direction === "ge" ? limit + step : limit - step;
    const worse = def.direction === "ge" ? limit - step : limit + step;
    // Inclusive bound; a limit shared by several classes goes to the best of them.
    expect(classifyParameter(key, limit, waterbody)).toBe(bestSharing);
    expect(classifyParameter(key, better, waterbody)).toBeLessThanOrEqual(bestSharing);
    const worseClass = classifyParameter(key, worse, waterbody)!;
    expect(worseClass).toBeGreaterThan(c);
    expect(worseClass).toBe(row.filter((l) => (def.direction === "ge" ? l > worse : l < worse)).length + 1);
  });
});

describe("classifyParameter, against a hand-written table (not the code's mirror)", () => {
  // Expected classes written from the GB 3838-2002 scan, river limits unless said.
  const table: [ParameterKey, number, number, Waterbody?][] = [
    ["do", 8, 1],
    ["do", 7.5, 1],
    ["do", 7.49, 2],
    ["do", 6, 2],
    ["do", 5.99, 3],
    ["do", 5, 3],
    ["do", 4.99, 4],
    ["do", 3, 4],
    ["do", 2.99, 5],
    ["do", 2, 5],
    ["do", 1.99, 6],
    ["do", 0, 6],
    ["codmn", 2, 1],
    ["codmn", 2.01, 2],
    ["codmn", 4, 2],
    ["codmn", 4.1, 3],
    ["codmn", 6, 3],
    ["codmn", 6.1, 4],
    ["codmn", 10, 4],
    ["codmn", 10.1, 5],
    ["codmn", 15, 5],
    ["codmn", 15.1, 6],
    ["cod", 12, 1],
    ["cod", 15, 1],
    ["cod", 15.1, 3],
    ["cod", 20, 3],
    ["cod", 20.1, 4],
    ["cod", 30, 4],
    ["cod", 40, 5],
    ["cod", 40.1, 6],
    ["bod5", 3, 1],
    ["bod5", 3.1, 3],
    ["bod5", 4, 3],
    ["bod5", 4.1, 4],
    ["bod5", 6, 4],
    ["bod5", 10, 5],
    ["bod5", 10.1, 6],
    ["nh3n", 0.15, 1],
    ["nh3n", 0.16, 2],
    ["nh3n", 0.5, 2],
    ["nh3n", 0.51, 3],
    ["nh3n", 0.8, 3],
    ["nh3n", 1.0, 3],
    ["nh3n", 1.01, 4],
    ["nh3n", 1.5, 4],
    ["nh3n", 1.51, 5],
    ["nh3n", 2.0, 5],
    ["nh3n", 2.01, 6],
    ["tp", 0.02, 1],
    ["tp", 0.021, 2],
    ["tp", 0.1, 2],
    ["tp", 0.2, 3],
    ["tp", 0.3, 4],
    ["tp", 0.4, 5],
    ["tp", 0.41, 6],
    ["tp", 0.01, 1, "lake"],
    ["tp", 0.02, 2, "lake"],
    ["tp", 0.025, 2, "lake"],
    ["tp", 0.05, 3, "lake"],
    ["tp", 0.1, 4, "lake"],
    ["tp", 0.2, 5, "lake"],
    ["tp", 0.21, 6, "lake"],
    ["tn", 0.2, 1, "lake"],
    ["tn", 1.0, 3, "lake"],
    ["tn", 2.1, 6, "lake"],
    ["cu", 0.01, 1],
    ["cu", 0.02, 2],
    ["cu", 1.0, 2],
    ["cu", 1.1, 6],
    ["hg", 0.00005, 1],
    ["hg", 0.00006, 3],
    ["hg", 0.0001, 3],
    ["hg", 0.001, 4],
    ["hg", 0.0011, 6],
    ["cd", 0.001, 1],
    ["cd", 0.005, 2],
    ["cd", 0.006, 5],
    ["cd", 0.011, 6],
    ["pb", 0.01, 1],
    ["pb", 0.02, 3],
    ["pb", 0.05, 3],
    ["pb", 0.1, 5],
    ["pb", 0.11, 6],
    ["cr6", 0.01, 1],
    ["cr6", 0.05, 2],
    ["cr6", 0.06, 5],
    ["volatile_phenol", 0.002, 1],
    ["volatile_phenol", 0.005, 3],
    ["volatile_phenol", 0.1, 5],
    ["petroleum", 0.05, 1],
    ["petroleum", 0.06, 4],
    ["petroleum", 1.0, 5],
    ["fecal_coliform", 200, 1],
    ["fecal_coliform", 10000, 3],
    ["fecal_coliform", 40001, 6],
    ["ph", 6, 1],
    ["ph", 9, 1],
    ["ph", 7.2, 1],
    ["ph", 5.99, 6],
    ["ph", 9.01, 6],
  ];
  it.each(table)("%s = %p is class %p (%s)", (key, value, expected, waterbody = "river") => {
    expect(classifyParameter(key, value, waterbody)).toBe(expected);
  });

  it("gives water temperature and Table 2/3 items no class", () => {
    expect(classifyParameter("water_temp", 25)).toBeNull();
    expect(classifyParameter("iron", 0.1)).toBeNull();
    expect(classifyParameter("benzene", 0.001)).toBeNull();
  });

  it("uses the lake limits for total phosphorus only on lakes", () => {
    expect(classifyParameter("tp", 0.05, "river")).toBe(2);
    expect(classifyParameter("tp", 0.05, "lake")).toBe(3);
  });
});
