import { cliMessages } from "../../src/cli/messages/cliMessages";
import { formatReportText } from "../../src/cli/reportText";
import type { Locale } from "../../src/core/locale";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { enUSMessages } from "../../src/core/validation/messages/en-US";
import { zhCNMessages } from "../../src/core/validation/messages/zh-CN";
import type { ProblemParams } from "../../src/core/validation/validationProblem";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { enUS as paneEn } from "../../src/taskpane/messages/en-US";
import { taskPaneMessages } from "../../src/taskpane/messages/taskPaneMessages";
import { zhCN as paneZh } from "../../src/taskpane/messages/zh-CN";
import { exampleEntries, exampleSheetName } from "../../src/workbook/exampleEntries";
import { runExampleWorkflow } from "../../src/workbook/exampleWorkbook";
import type { CellValue } from "../../src/workbook/layout";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";

jest.setTimeout(60_000);

/** What a sheet says: its name, every text cell the add-in wrote, its notes and its dropdowns' messages. */
function sheetTexts(book: MemoryWorkbook, typed: ReadonlySet<CellValue>): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const name of book.sheetNames()) {
    const sheet = book.sheet(name);
    if (!sheet || (sheet.layout?.visibility ?? "visible") !== "visible") continue;
    const found: string[] = [name];
    const used = sheet.usedRect();
    const values = used
      ? sheet.valuesOf({
          row: 0,
          col: 0,
          rowCount: used.row + used.rowCount,
          colCount: used.col + used.colCount,
        })
      : [];
    // What the example typed into entry cells is the user's, not the product's words.
    for (const row of values) for (const v of row) if (typeof v === "string" && !typed.has(v)) found.push(v);
    for (const note of sheet.allNotes()) found.push(note.text);
    for (const v of sheet.layout?.validations ?? [])
      for (const [key, text] of Object.entries(v))
        if (typeof text === "string" && /title|message|prompt/iu.test(key)) found.push(text);
    texts.set(name, found);
  }
  return texts;
}

async function demo(locale: Locale): Promise<{ book: MemoryWorkbook; report: ValidationReport }> {
  const book = new MemoryWorkbook();
  const outcome = await runExampleWorkflow(book.port, plan, locale);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return { book, report: outcome.report };
}

/** The CLI's whole output for the demo's report: the report, validate's closing line, the demo's end. */
function cliText(report: ValidationReport, locale: Locale): string {
  const m = cliMessages(locale);
  return [
    formatReportText(report, locale, {
      heading: { title: plan.title, asOfReason: "option", publishedReason: "option" },
    }),
    m.validated("./本.xlsx", report.counts.errors, report.counts.warnings, null),
    m.demoFinished("./示例/例.xlsx", report.counts.errors, report.counts.warnings, exampleSheetName[locale]),
  ].join("\n");
}

/**
 * Latin words a Chinese text may hold: the standard's codes and units (GB 3838-2002, mg/L, pH,
 * NH3-N, the formulas of its parameters), classes the plan writes in Roman letters, cell addresses,
 * the programs it names, and command lines the CLI tells its user to type.
 */
const allowedLatin = new Set([
  ...["GB", "mg/L", "pH", "BOD", "BOD5", "COD", "CODMn", "NH3-N", "P", "N", "F", "SO4", "Cl", "L", "m", "d"],
  ...["I", "II", "III", "IV", "V"],
  ...["Excel", "WPS", "LibreOffice", "Calc"],
  ...["npm", "run", "preview", "npx", "water-plan", "validate", "xlsx", "out", "today", "published"],
  ...["http", "localhost"],
]);

function latinWords(text: string): string[] {
  // What a message quotes (“abc”) is the user's, not the message's words.
  const own = text.replace(/“[^”]*”/gu, "");
  return (own.match(/[A-Za-z][A-Za-z0-9_\-/]*/gu) ?? []).filter(
    (w) => !allowedLatin.has(w) && !/^[A-Z]{1,3}\d+$/u.test(w),
  );
}

/**
 * One space between two Chinese characters (or a class numeral): "大洲 的", "水质 Ⅲ类". (Two or more
 * are the gap between the columns of a text table.)
 */
const straySpace = /[\p{Script=Han}\u2160-\u216B] (?! )[\p{Script=Han}\u2160-\u216B]/u;

/** Every text of the plan: its own words, spaces and all, are kept verbatim ("2023 年 水质目标"). */
function planTexts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(planTexts);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(planTexts);
  return [];
}
const verbatim = new Set(planTexts(plan));

describe("issue 13: Chinese sheets and reports never show English, nor stray spaces", () => {
  let zh: { book: MemoryWorkbook; report: ValidationReport };
  beforeAll(async () => {
    zh = await demo("zh-CN");
  });

  it("holds no Latin word outside the standard's codes and units in any zh sheet", () => {
    const typed = new Set(
      [...exampleEntries(plan, "zh-CN").values()].flatMap((e) => [
        ...[...e.byIdentity.values()].flatMap((r) => Object.values(r)),
        ...e.appended.flatMap((r) => Object.values(r)),
      ]),
    );
    const found = [...sheetTexts(zh.book, typed)].flatMap(([sheet, texts]) =>
      texts.flatMap((t) => latinWords(t).map((w) => `${sheet}: ${w} in ${t.slice(0, 60)}`)),
    );
    expect(found).toEqual([]);
  });

  it("holds no Latin word nor snake_case code in the zh CLI report", () => {
    expect(latinWords(cliText(zh.report, "zh-CN"))).toEqual([]);
  });

  it("puts no space between Chinese words in messages, notes, 汇总 and the report", () => {
    const lines = [
      ...zh.report.issues.map((i) => i.message),
      ...[...sheetTexts(zh.book, verbatim)].flatMap(([, texts]) => texts),
      ...cliText(zh.report, "zh-CN").split("\n"),
    ];
    expect(lines.filter((l) => straySpace.test(l))).toEqual([]);
  });

  it("says which monitoring rows make a point's data wrong", () => {
    const invalid = zh.report.issues.filter((i) => i.code === "point_data_invalid").map((i) => i.message);
    expect(invalid).toEqual([
      "贝江口的监测数据有误（监测数据第 132 行），更正后才能判定是否达标。",
      "浮石的监测数据有误（监测数据第 131 行），更正后才能判定是否达标。",
    ]);
  });
});

/** Parameters rich enough for every message to say all it can. */
const params: ProblemParams = {
  name: "大洲",
  input: "搞定了",
  expected: "≥ 19公里",
  actual: "1",
  value: 2,
  limit: 1,
  min: 0,
  max: 14,
  date: "2023-05-01",
  count: 2,
  year: 2020,
  row: 3,
  rows: [4, 9],
  cell: "K8",
  sheet: "监测数据",
  parameters: ["nh3n", "do"],
  waterClass: 3,
  otherClass: 2,
};

describe("issue 13: every validation message, in both languages", () => {
  // plan_sheet_renamed names the Excel table (WP_Tasks) a user finds in Table Design: a code.
  const zhMessages = Object.entries(zhCNMessages).filter(([code]) => code !== "plan_sheet_renamed");
  it.each(zhMessages)("zh %s: no stray space, no English", (_, message) => {
    const text = message(params);
    expect(straySpace.test(text)).toBe(false);
    expect(latinWords(text)).toEqual([]);
  });

  it.each(["indicator_target_missed", "soft_target_missed"] as const)(
    "en %s: the target in English units",
    (code) => {
      expect(enUSMessages[code]({ value: 1, expected: "≥ 19公里" })).toContain("(≥ 19 km)");
      expect(enUSMessages[code]({ value: 1, expected: "≤ 22.6亿立方米" })).toContain(
        "(≤ 22.6 100 million m³)",
      );
      expect(enUSMessages[code]({ value: 1, expected: "≥ 133个" })).toContain("(≥ 133 pieces)");
    },
  );
});

/** Every text a messages object can give: strings, and functions called with a few kinds of arguments. */
function allTexts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") {
    const tries: unknown[][] = [[2, 3, 4], ["甲", "乙", "丙"], [["甲"]], ["loading"], ["validate"]];
    return tries.flatMap((args) => {
      try {
        return allTexts((value as (...a: unknown[]) => unknown)(...args));
      } catch {
        return [];
      }
    });
  }
  if (Array.isArray(value)) return value.flatMap(allTexts);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(allTexts);
  return [];
}

describe("issue 13: one word per idea across the pane, the CLI and the sheets", () => {
  let reports: Map<Locale, { book: MemoryWorkbook; report: ValidationReport }>;
  beforeAll(async () => {
    reports = new Map([
      ["zh-CN", await demo("zh-CN")],
      ["en-US", await demo("en-US")],
    ]);
  });

  it.each(["zh-CN", "en-US"] as const)(
    "calls a warning the same in the pane, the CLI and 汇总 (%s)",
    (locale) => {
      const pane = taskPaneMessages(locale).results.severity.warning.toLowerCase();
      expect(cliMessages(locale).report.severity.warning.toLowerCase()).toBe(pane);
      const { book, report } = reports.get(locale) ?? { book: new MemoryWorkbook(), report: null };
      const summary = book.sheet(locale === "zh-CN" ? "汇总" : "Summary");
      const facts = String(summary?.get(1, 0) ?? "");
      expect(facts.toLowerCase()).toContain(pane);
      expect(cliText(report as ValidationReport, locale).toLowerCase()).toContain(pane);
      if (locale === "zh-CN") {
        expect(facts).not.toContain("提示");
        expect(cliText(report as ValidationReport, locale)).not.toMatch(/提示 \d/u);
      }
    },
  );

  it("calls the as-of day the same in the pane, the CLI and 汇总", () => {
    const facts = String(reports.get("zh-CN")?.book.sheet("汇总")?.get(1, 0) ?? "");
    expect(facts.startsWith("统计截止日：2023-06-30\u3000")).toBe(true);
    expect(paneZh.asOfLine("2023-06-30")).toBe("统计截止日：2023-06-30");
    expect(paneZh.settings.asOf).toBe("统计截止日");
    expect(paneEn.asOfLine("2023-06-30")).toBe("As of: 2023-06-30");
  });

  it("writes English punctuation and plurals in the English 汇总 and CLI", () => {
    const facts = String(reports.get("en-US")?.book.sheet("Summary")?.get(1, 0) ?? "");
    expect(facts).toBe("As of: 2023-06-30   Plan published: 2023-03-20   Problems: 13 errors, 9 warnings");
    expect(facts).not.toMatch(/[：，（）\u3000]/u);
    const notes = (reports.get("en-US")?.book.sheetNames() ?? []).flatMap(
      (name) => reports.get("en-US")?.book.sheet(name)?.allNotes() ?? [],
    );
    expect(notes.length).toBeGreaterThan(10);
    expect(notes.filter((n) => !n.text.startsWith("[Validate] "))).toEqual([]);
    expect(cliMessages("en-US").validated("b.xlsx", 1, 1, null)).toContain("1 error, 1 warning.");
    expect(cliMessages("en-US").demoFinished("d.xlsx", 1, 0, "About the example")).toContain(
      "1 error, 0 warnings.",
    );
  });

  it("never mentions a command-line flag in the pane nor in a message the pane shows", () => {
    const texts = [
      ...allTexts(paneZh),
      ...allTexts(paneEn),
      ...Object.values(zhCNMessages).map((m) => m(params)),
      ...Object.values(enUSMessages).map((m) => m(params)),
    ];
    expect(texts.filter((t) => /(^|[\s(（“"])--[a-z]/u.test(t))).toEqual([]);
  });

  it("gives English units on the English sheets and in the English report", () => {
    const { book, report } = reports.get("en-US") ?? { book: new MemoryWorkbook(), report: null };
    const targets = (report as ValidationReport).indicators.map((i) => i.target);
    expect(targets.filter((t) => /\p{Script=Han}/u.test(t))).toEqual([]);
    expect(targets).toEqual(expect.arrayContaining(["≥ 19 km", "≥ 133 pieces", "≤ 22.6 100 million m³"]));
    const sheet = book.sheet("Indicators");
    const used = sheet?.usedRect();
    const cells =
      used && sheet
        ? sheet.valuesOf({ row: 0, col: 0, rowCount: used.row + used.rowCount, colCount: 8 })
        : [];
    const units = cells.map((row) => row[5]).filter((u) => typeof u === "string" && u !== "");
    expect(units.filter((u) => /\p{Script=Han}/u.test(String(u)))).toEqual([]);
    expect(units).toEqual(expect.arrayContaining(["km", "pieces", "100 million m³"]));
  });
});
