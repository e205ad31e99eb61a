import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  allParameters,
  evaluationParameters,
  getParameter,
  isParameterKey,
  table1Parameters,
  table2Parameters,
  table3Parameters,
  type ParameterDef,
} from "../../../src/core/water-quality/parameters";
import { listParameterNames } from "../../../src/core/water-quality/resolveParameterHeader";
import { parseMeasuredValue } from "../../../src/core/water-quality/parseMeasuredValue";

/** Rows of a reference TSV (copied from shared/reference), header row first. */
function readTsv(name: string): { header: string[]; rows: Record<string, string>[] } {
  const lines = readFileSync(join(__dirname, "fixtures", name), "utf8")
    .trimEnd()
    .split("\n");
  const header = (lines[0] ?? "").split("\t");
  const rows = lines.slice(1).map((line) => {
    const cells = line.split("\t");
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  });
  return { header, rows };
}

/** "无量纲 (dimensionless)" → "无量纲": the TSV adds an English gloss after the display unit. */
const displayUnit = (tsvUnit: string): string => tsvUnit.split(" (")[0] ?? "";

const classColumns = ["I", "II", "III", "IV", "V"] as const;
const lakeColumns = ["lake_I", "lake_II", "lake_III", "lake_IV", "lake_V"] as const;

describe("the parameter catalogue", () => {
  const table1 = readTsv("gb3838-table1.tsv");
  const table2 = readTsv("gb3838-table2.tsv");
  const table3 = readTsv("gb3838-table3.tsv");

  it("holds 24 + 5 + 80 = 109 parameters, as the standard's foreword counts", () => {
    expect(table1Parameters).toHaveLength(24);
    expect(table2Parameters).toHaveLength(5);
    expect(table3Parameters).toHaveLength(80);
    expect(allParameters).toHaveLength(109);
  });

  it.each(table1.rows.map((row, index) => [row["key"] ?? "", index, row] as const))(
    "equals Table 1 cell by cell for %s",
    (_key, index, row) => {
      const def = table1Parameters[index]!;
      expect(def.key).toBe(row["key"]);
      expect(def.nameZh).toBe(row["name_zh"]);
      expect(def.nameEn).toBe(row["name_en"]);
      expect(def.unit).toBe(displayUnit(row["unit"] ?? ""));
      expect(def.direction).toBe(row["direction"]);
      expect(def.table).toBe(1);
      const limits = def.limits;
      switch (row["direction"]) {
        case "none":
          expect(limits).toEqual({ kind: "none" });
          for (const column of [...classColumns, ...lakeColumns]) expect(row[column]).toBe("");
          break;
        case "range":
          expect(limits).toEqual({ kind: "range", min: 6, max: 9 });
          for (const column of [...classColumns, ...lakeColumns]) expect(row[column]).toBe("6-9");
          break;
        case "le":
        case "ge":
        case undefined:
          expect(limits.kind).toBe("classes");
          if (limits.kind !== "classes") return;
          expect(limits.river.map(String)).toEqual(classColumns.map((c) => String(Number(row[c]))));
          expect(limits.lake.map(String)).toEqual(lakeColumns.map((c) => String(Number(row[c]))));
      }
    },
  );

  it.each([
    ["Table 2", table2, table2Parameters, 2],
    ["Table 3", table3, table3Parameters, 3],
  ] as const)("equals %s cell by cell", (_name, tsv, defs, table) => {
    expect(defs.map((d) => d.key)).toEqual(tsv.rows.map((r) => r["key"]));
    tsv.rows.forEach((row, index) => {
      const def = defs[index]!;
      expect(Number(row["no"])).toBe(index + 1);
      expect(def.nameZh).toBe(row["name_zh"]);
      expect(def.nameEn).toBe(row["name_en"]);
      expect(def.unit).toBe(displayUnit(row["unit"] ?? ""));
      expect(def.direction).toBe(row["direction"]);
      expect(def.table).toBe(table);
      expect(def.limits).toEqual({ kind: "single", limit: Number(row["limit"]) });
    });
  });

  it("reads every Table 3 limit as printed (2.8×10⁻⁶ …) to the same number as the catalogue", () => {
    for (const row of table3.rows) {
      const parsed = parseMeasuredValue(row["limit_as_printed"] ?? "");
      const def = getParameter(row["key"] as Parameters<typeof getParameter>[0]);
      expect(parsed).toEqual({ kind: "value", value: def.limits.kind === "single" ? def.limits.limit : NaN });
    }
  });

  it("lists the 21 evaluation parameters in Table 1 order, without water temperature, total nitrogen and fecal coliforms", () => {
    expect(evaluationParameters.map((p) => p.key)).toEqual([
      "ph",
      "do",
      "codmn",
      "cod",
      "bod5",
      "nh3n",
      "tp",
      "cu",
      "zn",
      "fluoride",
      "se",
      "as",
      "hg",
      "cd",
      "cr6",
      "pb",
      "cn",
      "volatile_phenol",
      "petroleum",
      "las",
      "sulfide",
    ]);
  });

  it("gives each parameter the role the evaluation method gives it", () => {
    const role = (p: ParameterDef): string => p.role;
    expect(role(getParameter("water_temp"))).toBe("temperature");
    expect(role(getParameter("tn"))).toBe("reference");
    expect(role(getParameter("fecal_coliform"))).toBe("reference");
    expect(table2Parameters.every((p) => p.role === "supplementary")).toBe(true);
    expect(table3Parameters.every((p) => p.role === "specific")).toBe(true);
  });

  it("keeps direction and limits consistent", () => {
    for (const def of allParameters) {
      const expectedKind = {
        le: def.table === 1 ? "classes" : "single",
        ge: "classes",
        range: "range",
        none: "none",
      }[def.direction];
      expect(`${def.key}:${def.limits.kind}`).toBe(`${def.key}:${expectedKind}`);
    }
  });

  it("never lets two parameters answer to the same name", () => {
    const owner = new Map<string, string>();
    for (const def of allParameters) {
      for (const name of new Set(listParameterNames(def))) {
        expect(`${name} → ${owner.get(name) ?? def.key}`).toBe(`${name} → ${def.key}`);
        owner.set(name, def.key);
      }
    }
  });

  it("finds every parameter by its key", () => {
    for (const def of allParameters) {
      expect(isParameterKey(def.key)).toBe(true);
      expect(getParameter(def.key)).toBe(def);
    }
    expect(isParameterKey("turbidity")).toBe(false);
  });
});
