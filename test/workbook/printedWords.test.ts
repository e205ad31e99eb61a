/**
 * What the printed pages say, word by word: English headers fit their columns (no word broken
 * mid-way; 监测数据's no taller than the Chinese header, so both languages print on as many pages), a
 * workbook made with the former English headers still reads back, a row is as tall as its words
 * wrap, and 汇总 numbers each heading once.
 */
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { resolveParameterHeader } from "../../src/core/water-quality/resolveParameterHeader";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { buildSheetLayout, mergeRows, wrappedRowHeights } from "../../src/workbook/buildSheetLayout";
import { writeExampleEntries } from "../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import { readSheet } from "../../src/workbook/readSheet";
import { headerRowIndex } from "../../src/workbook/sheetSpec";
import { monitoringSheet } from "../../src/workbook/sheets/monitoringSheet";
import { continued } from "../../src/workbook/validate/continueTables";
import { validateWorkbook } from "../../src/workbook/validate/validateWorkbook";
import { workbookSpec } from "../../src/workbook/workbookSpec";

const spec = monitoringSheet(plan, { kind: "list", values: [] });
const parameters = spec.columns.filter((c) => c.key.startsWith("param:"));

describe("English headers", () => {
  it("break only between words: no word of a header is wider than its column", () => {
    // A header word prints in 11-pt bold; LibreOffice draws it in DejaVu Sans Bold (advance widths
    // in em below, digits 0.696, punctuation about 0.45) in a column 7 pt a character
    // wide, less 3 pt of padding. "Attainment" (70 pt) broke in its 67 pt; "Dissolved" (60) fits 60.
    // prettier-ignore
    const em: Readonly<Record<string, number>> = {
      a: 0.675, b: 0.716, c: 0.593, d: 0.716, e: 0.678, f: 0.435, g: 0.716, h: 0.712, i: 0.343,
      j: 0.343, k: 0.665, l: 0.343, m: 1.042, n: 0.712, o: 0.687, p: 0.716, q: 0.716, r: 0.493,
      s: 0.595, t: 0.478, u: 0.712, v: 0.652, w: 0.924, x: 0.645, y: 0.652, z: 0.582,
      A: 0.774, B: 0.762, C: 0.734, D: 0.83, E: 0.683, F: 0.683, G: 0.821, H: 0.837, I: 0.372,
      J: 0.372, K: 0.775, L: 0.637, M: 0.995, N: 0.837, O: 0.85, P: 0.733, Q: 0.85, R: 0.77,
      S: 0.72, T: 0.682, U: 0.812, V: 0.774, W: 1.103, X: 0.771, Y: 0.724, Z: 0.725,
    };
    const points = (word: string): number => {
      let sum = 0;
      for (const ch of word) sum += 11 * (em[ch] ?? (/[0-9]/u.test(ch) ? 0.696 : 0.45));
      return sum;
    };
    const fits = (word: string, width: number): boolean => points(word) <= width * 7 - 3;
    for (const sheet of workbookSpec(plan)) {
      for (const column of sheet.columns) {
        const long = column.header["en-US"].split(/\s+/u).filter((word) => !fits(word, column.width));
        expect({ sheet: sheet.key, column: column.key, long }).toEqual({
          sheet: sheet.key,
          column: column.key,
          long: [],
        });
      }
    }
  });
});

describe("监测数据's English headers", () => {
  it("are no taller than the Chinese header, so that the sheet prints on as many pages", () => {
    const headerHeight = (locale: "zh-CN" | "en-US"): number =>
      buildSheetLayout(spec, spec.name[locale], mergeRows(spec, null, locale), locale).rowHeights.find(
        (h) => h.row === headerRowIndex,
      )?.height ?? 15;
    expect(headerHeight("en-US")).toBeLessThanOrEqual(headerHeight("zh-CN"));
  });

  it("each name its own parameter, as an import of a copy of the sheet reads them", () => {
    for (const column of parameters) {
      const resolved = resolveParameterHeader(column.header["en-US"]);
      expect({
        header: column.header["en-US"],
        key: resolved.kind === "parameter" ? resolved.parameter.key : resolved,
      }).toEqual({ header: column.header["en-US"], key: column.key.replace(/^param:/u, "") });
    }
  });

  it("read back a workbook written with the former long headers, entries under their parameters", () => {
    const former = spec.columns.map((c) => c.formerHeaders?.[0] ?? c.header["en-US"]);
    expect(former).toContain("Five-day biochemical oxygen demand (BOD5) (mg/L)");
    const row = spec.columns.map((c) => (c.key === "point" ? "贝江口" : c.key === "param:bod5" ? "1.2" : ""));
    const read = readSheet(
      spec,
      {
        name: "Monitoring data",
        startRow: 0,
        startCol: 0,
        values: [["title"], ["note"], former, row],
        tables: [],
      },
      String,
    );
    expect(read?.extraHeaders).toEqual([]);
    expect(read?.rows[0]?.values.get("param:bod5")).toBe("1.2");
  });
});

describe("plan cells", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "are not cut: a column that does not wrap holds its text on one line (%s)",
    (locale) => {
      // Widths in the column's unit: a Chinese character 2.1, a digit 1, other Latin characters 0.85.
      const width = (text: string): number => {
        let sum = 0;
        for (const ch of text) sum += /[\u2e80-\uffff]/u.test(ch) ? 2.1 : /[0-9]/u.test(ch) ? 1 : 0.85;
        return sum;
      };
      for (const sheet of workbookSpec(plan)) {
        const layout = buildSheetLayout(sheet, sheet.name[locale], mergeRows(sheet, null, locale), locale);
        sheet.columns.forEach((column, c) => {
          if (column.wrap === true) return;
          // Text wider than its column runs on over an empty right neighbour; beside a value, or at
          // the print area's edge, it is cut.
          const last = sheet.columns.length - 1;
          const cut = layout.values
            .slice(headerRowIndex + 1)
            .filter(
              (row) => c === last || !(row[c + 1] === "" || row[c + 1] === null || row[c + 1] === undefined),
            )
            .map((row) => row[c])
            .filter((v): v is string => typeof v === "string" && width(v) > column.width - 1);
          expect({ sheet: sheet.key, column: column.key, cut }).toEqual({
            sheet: sheet.key,
            column: column.key,
            cut: [],
          });
        });
      }
    },
  );
});

describe("row heights follow the words", () => {
  it("gives a short English text whose number cannot share a line the lines it wraps to", () => {
    // "m³ per" / "10,000" / "yuan" in a 10-character column: three lines, not the two its length says.
    expect(wrappedRowHeights([["m³ per 10,000 yuan"]], 5, [10], () => true)).toEqual([
      { row: 5, height: 48 },
    ]);
  });

  it("counts Chinese text by its characters, as before", () => {
    // 20 characters of 2.1 units in 21 usable units: two lines.
    expect(wrappedRowHeights([["柳州市主要江河水库水功能区水质达标率达"]], 0, [22], () => true)).toEqual([
      { row: 0, height: 33 },
    ]);
  });
});

describe("汇总's headings", () => {
  it.each(["zh-CN", "en-US"] as const)("are numbered one after another, none twice (%s)", async (locale) => {
    const book = new MemoryWorkbook();
    expect((await generateWorkbook(book.port, plan, { locale, publishedOn: "2023-03-20" })).ok).toBe(true);
    await writeExampleEntries(book.port, plan, locale);
    const outcome = await validateWorkbook(book.port, plan, { locale, asOf: "2023-06-30" });
    if (!outcome.ok || outcome.summarySheet === null) throw new Error(JSON.stringify(outcome));
    const values =
      (await book.port.read([outcome.summarySheet])).sheets.get(outcome.summarySheet)?.values ?? [];
    const numerals = "一二三四五六七八九十";
    const cells = values.map((row) => String(row[0] ?? ""));
    // A table cut for printing goes on under its own heading with （续）: numbered once.
    const continuations = cells.filter((cell) => cell.endsWith(continued[locale]));
    for (const cell of continuations) expect(cells).toContain(cell.slice(0, -continued[locale].length));
    const numbers = cells
      .filter((cell) => !cell.endsWith(continued[locale]))
      .map((cell) => (locale === "zh-CN" ? /^([一二三四五六七八九十])、/u : /^(\d+)\. /u).exec(cell)?.[1])
      .filter((n): n is string => n !== undefined)
      .map((n) => (locale === "zh-CN" ? numerals.indexOf(n) + 1 : Number(n)));
    // The demo's plan has requirements for a person to judge: 七 is theirs, 预警 八, the grid 九.
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
