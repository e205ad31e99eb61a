import fc from "fast-check";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { parseEntryDate } from "../../src/core/validation/parseEntryDate";
import { createPointResolver, monitoringPoints } from "../../src/core/validation/monitoringPoints";
import { inputText } from "../../src/core/validation/validationProblem";
import { plausibleRanges } from "../../src/core/validation/plausibility";
import { parseMeasuredValue } from "../../src/core/water-quality/parseMeasuredValue";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import type { CellValue } from "../../src/workbook/layout";
import { isBlank } from "../../src/workbook/readSheet";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import { monitoringParameters } from "../../src/workbook/sheets/monitoringSheet";
import { workbookSpec } from "../../src/workbook/workbookSpec";
import { cellValue, dateSerial } from "../core/validation/cellArbitraries";
import { CaseCounter, holds } from "../core/validation/fuzzSettings";
import { parseA1 } from "../hosts/memory/memoryHarness";

/**
 * Fuzzing 监测数据 (R1 §4) on the in-memory host: random rows, validated; every cell the parsers
 * refuse gets exactly its issue at its own address. The cheapest grid cases (validation alone,
 * without 汇总), so they are the most: one workbook is generated for 250 cases, each typing its
 * rows into it after clearing the last case's, so that a case costs one validation (which also
 * validates over the last case's marks, as a user validating again does).
 */

const cases = new CaseCounter("monitoring rows (memory host)");
afterAll(() => {
  cases.report();
});

const specs = workbookSpec(plan);
const asOf = "2023-06-30";

/**
 * One generated workbook for many cases: a new one every 250, since the memory host keeps every
 * patch's fills in a list (as Excel keeps formats), which would grow with each validation.
 */
let shared: { book: MemoryWorkbook; uses: number } | null = null;
async function generatedOnce(): Promise<MemoryWorkbook> {
  if (shared === null || shared.uses >= 250) {
    const book = new MemoryWorkbook();
    const outcome = await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    shared = { book, uses: 0 };
  }
  shared.uses += 1;
  return shared.book;
}

describe("fuzzing 监测数据: every cell the parsers refuse gets exactly one issue at its own address", () => {
  const points = monitoringPoints(plan);
  const findPoint = createPointResolver(points);
  const pointNames = points.map((p) => p.name);
  const monitoringSpec = specs.find((s) => s.key === "monitoring");

  /** A row as staff type it: mostly a point of the plan and a readable date, sometimes anything. */
  const row = fc.record({
    point: fc.oneof(
      { arbitrary: fc.constantFrom(...pointNames), weight: 4 },
      { arbitrary: fc.constantFrom(...pointNames).map((n) => ` ${n}断面`), weight: 1 },
      { arbitrary: cellValue, weight: 2 },
    ),
    sampledOn: fc.oneof(
      { arbitrary: dateSerial, weight: 3 },
      { arbitrary: fc.constantFrom("2023-05-01", "2023.5.1", "2023/5/1 10:00", "2023年7月1日"), weight: 2 },
      { arbitrary: cellValue, weight: 2 },
    ),
    values: fc.array(
      fc.tuple(
        fc.nat(monitoringParameters.length - 1),
        fc.oneof(
          { arbitrary: fc.double({ min: 0, max: 25, noNaN: true }), weight: 3 },
          { arbitrary: cellValue, weight: 2 },
        ),
      ),
      { maxLength: 8 },
    ),
    remark: fc.option(cellValue),
    /** Blank rows left between samples. */
    gap: fc.nat(1),
  });

  /** What one cell must get, by what the parsers make of it: the codes expected, or a set of codes allowed. */
  /**
   * What one cell must get, by what the parsers make of it: exactly these codes, or some of these
   * (each at most once). A blank point or date is missing only in a row that holds something.
   */
  function expectedAt(
    col: number,
    value: CellValue,
    rowBlank: boolean,
  ): { exactly: string[] } | { someOf: string[] } {
    if (col === 0) {
      if (isBlank(value)) return { exactly: rowBlank ? [] : ["missing_point"] };
      // A known point's row may hold no value at all: the row's warning lands on its point.
      return findPoint(inputText(value).trim())
        ? { someOf: ["sample_without_values"] }
        : { exactly: ["unknown_point"] };
    }
    if (col === 1) {
      if (isBlank(value)) return { exactly: rowBlank ? [] : ["missing_sampling_date"] };
      const date = parseEntryDate(value);
      if (date.kind === "unreadable") return { exactly: ["unreadable_sampling_date"] };
      if (date.kind === "date" && !date.iso.startsWith(`${plan.year}-`))
        return { exactly: ["sampling_date_outside_plan_year"] };
      // A readable date in the year may lie after the as-of day and repeat another sample: two true
      // statements about one cell, both kept (a duplicate is wrong whatever the period).
      return { someOf: ["sampling_date_after_as_of", "duplicate_sample"] };
    }
    const def = monitoringParameters[col - 2];
    if (!def) return { exactly: [] }; // 备注
    const measured = parseMeasuredValue(value);
    switch (measured.kind) {
      case "problem":
        return { exactly: [measured.code] };
      case "value": {
        const range = plausibleRanges[def.key];
        const plausible = !range || (measured.value >= range.min && measured.value <= range.max);
        return { exactly: plausible ? [] : ["implausible_value"] };
      }
      case "below_detection":
        return { someOf: ["detection_limit_above_limit"] };
      case "not_monitored":
        return { exactly: [] };
    }
  }

  it(
    "gives each refused point, date and value cell one issue at its own address, and accepted ones none of their own",
    async () => {
      if (!monitoringSpec) throw new Error("no monitoring sheet");
      const sheetName = monitoringSpec.name["zh-CN"];
      await fc.assert(
        fc.asyncProperty(fc.array(row, { maxLength: 14 }), async (rows) => {
          const book = await generatedOnce();
          const sheet = book.sheet(sheetName);
          if (!sheet) throw new Error("no monitoring sheet");
          // The last case's rows (and the columns validation computed for them) go.
          const used = sheet.usedRect();
          for (let r = 3; used !== null && r < used.row + used.rowCount; r += 1) {
            for (let c = 0; c < used.col + used.colCount; c += 1) sheet.set(r, c, null);
          }
          const typed = new Map<string, { row: number; col: number; value: CellValue }>();
          let sheetRow = 3;
          for (const r of rows) {
            sheetRow += r.gap;
            const put = (col: number, value: CellValue): void => {
              sheet.set(sheetRow, col, value);
              typed.set(`${sheetRow},${col}`, { row: sheetRow, col, value: sheet.get(sheetRow, col) });
            };
            put(0, r.point);
            put(1, r.sampledOn);
            for (const [parameter, value] of r.values) put(2 + parameter, value);
            if (r.remark !== null) put(2 + monitoringParameters.length, r.remark);
            sheetRow += 1;
          }

          const outcome = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf, summary: false });
          holds(outcome.ok, "validation runs", outcome);
          const codesByCell = new Map<string, string[]>();
          for (const issue of outcome.report.issues) {
            if (issue.sheet !== sheetName) continue;
            const [r, col] = parseA1(issue.cell);
            const key = `${r},${col}`;
            codesByCell.set(key, [...(codesByCell.get(key) ?? []), issue.code]);
            // No issue lands on a cell nobody typed into (blank point and date cells are typed as null).
            holds(typed.has(key), "every issue is at a cell of a typed row's point, date or values", issue);
          }
          const blankRows = new Set([...typed.values()].map((t) => t.row));
          for (const t of typed.values()) if (!isBlank(t.value)) blankRows.delete(t.row);
          for (const [key, { row: r, col, value }] of typed) {
            const codes = codesByCell.get(key) ?? [];
            const expected = expectedAt(col, value, blankRows.has(r));
            if ("exactly" in expected) {
              holds(codes.join() === expected.exactly.join(), `the issues at ${key}`, {
                value,
                codes,
                expected,
              });
            } else {
              const allowed =
                codes.every((c) => expected.someOf.includes(c)) && new Set(codes).size === codes.length;
              holds(allowed, `the issues at ${key}`, { value, codes, expected });
            }
          }
        }),
        cases.params(9_000),
      );
    },
    cases.timeout(600_000),
  );
});
