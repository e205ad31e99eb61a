import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { displayWidth, textTable, wrapText } from "../../src/cli/textTable";
import type { Locale } from "../../src/core/locale";
import { runDemo } from "../../scripts/demo";
import { makeIo } from "./recordingIo";

// The demo and validate write and read whole workbooks: more than Jest's five seconds on a busy machine.
jest.setTimeout(120_000);

/** A snake_case code as the JSON report gives it ("unknown_task_status"). */
const snakeCase = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/u;

/** The first column of a text table (its width read from the rule under the header), lines joined. */
function firstColumn(table: string): string {
  const lines = table.split("\n");
  const rule = lines.findIndex((l) => /^-+( |$)/u.test(l));
  const width = (lines[rule] ?? "").split(" ")[0]?.length ?? 0;
  return lines
    .slice(rule + 1)
    .map((line) => {
      let kept = "";
      for (const ch of line) {
        if (displayWidth(kept + ch) > width) break;
        kept += ch;
      }
      return kept;
    })
    .join(" ");
}

describe("issue 13: the demo says what it used and what to do next, in the chosen language", () => {
  let dir: string;
  const printed = new Map<Locale, string>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-demo-"));
    for (const locale of ["zh-CN", "en-US"] as const) {
      const out: string[] = [];
      await runDemo({ locale, folder: dir, width: 100, write: (t) => out.push(t) });
      printed.set(locale, out.join(""));
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("starts with the plan, the as-of day and the publication date it used, and why", () => {
    expect(printed.get("zh-CN")?.split("\n").slice(0, 3)).toEqual([
      "计划：柳州市 2023 年度水污染防治工作计划",
      "统计截止日：2023-06-30（示例设定）",
      "计划公布日期：2023-03-20（示例设定）",
    ]);
    expect(printed.get("en-US")?.split("\n").slice(1, 3)).toEqual([
      "As of: 2023-06-30 (the example's)",
      "Plan published: 2023-03-20 (the example's)",
    ]);
  });

  it.each(["zh-CN", "en-US"] as const)(
    "cuts nothing, fits 100 columns and shows no snake_case code (%s)",
    (locale) => {
      const text = printed.get(locale) ?? "";
      const [report] = text.split(locale === "zh-CN" ? "\n示例工作簿" : "\nThe example workbook");
      expect(text).not.toContain("…");
      expect((report ?? "").split("\n").filter((l) => displayWidth(l) > 100)).toEqual([]);
      expect(text).not.toMatch(snakeCase);
      // The goals' whole wording is there, wrapped in its column.
      const [, afterHeading] = (report ?? "").split(
        locale === "zh-CN" ? "水质目标\n" : "Water-quality goals\n",
      );
      const [goals] = (afterHeading ?? "").split(locale === "zh-CN" ? "\n\n断面与水源地" : "\n\nSections");
      expect(firstColumn(goals ?? "").replace(/\s+/gu, "")).toContain(
        locale === "zh-CN"
          ? "巩固城市黑臭水体治理成效，建立防止返黑返臭的长效机制，持续推进县级城市黑臭水体治理"
          : "Consolidatetheremediationofurbanblackandodorouswaterbodies,buildalong-termmechanismthatkeepsthemfromturningblackandodorousagain,andkeepremediatingthoseofcountytowns",
      );
    },
  );

  it("ends with what to do next: open the file, npm run preview, the note sheet", () => {
    const zh = printed.get("zh-CN") ?? "";
    const en = printed.get("en-US") ?? "";
    expect(zh).toMatch(/错误 13 项，警告 9 项。\n下一步：/u);
    for (const words of ["Excel", "WPS", "LibreOffice", "npm run preview", "“示例数据说明”"])
      expect(zh.slice(zh.indexOf("下一步"))).toContain(words);
    expect(en).toMatch(/13 errors, 9 warnings\.\nNext:/u);
    for (const words of ["Excel", "WPS", "LibreOffice", "npm run preview", '"About the example"'])
      expect(en.slice(en.indexOf("Next:"))).toContain(words);
  });
});

describe("issue 13: water-plan validate's text report", () => {
  let dir: string;
  let book: string;

  async function run(width: number | undefined, ...argv: string[]): Promise<string> {
    const io = { ...makeIo(), helpWidth: () => width };
    await runCli(argv, io);
    return io.out();
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "water-plan-report-"));
    book = join(dir, "book.xlsx");
    await run(undefined, "generate", "--out", book);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("says why it used its days: a flag, the default or nothing set", async () => {
    const flagged = await run(
      undefined,
      "validate",
      book,
      "--today",
      "2023-06-30",
      "--published",
      "2023-03-20",
    );
    expect(flagged.split("\n").slice(0, 3)).toEqual([
      "计划：柳州市 2023 年度水污染防治工作计划",
      "统计截止日：2023-06-30（由 --today 指定）",
      "计划公布日期：2023-03-20（由 --published 指定）",
    ]);
    // Every machine that runs this is past 2023: the default is the plan year's end.
    const byDefault = await run(undefined, "validate", book, "--lang", "en");
    expect(byDefault.split("\n").slice(1, 3)).toEqual([
      "As of: 2023-12-31 (default: the plan year's last day, today being past it)",
      "Plan published: not set (deadlines counted from it cannot be dated; set it in the task pane's settings or with --published)",
    ]);
  });

  it("wraps its tables to the terminal's width", async () => {
    const text = await run(60, "validate", book, "--today", "2023-06-30");
    const tables = text.slice(text.indexOf("水质目标"), text.indexOf("\n已校验"));
    expect(tables.split("\n").filter((l) => displayWidth(l) > 60)).toEqual([]);
    expect(text).not.toContain("…");
  });
});

describe("textTable and wrapText", () => {
  it("breaks Chinese between characters, never before closing punctuation, English at spaces", () => {
    expect(wrapText("露塘水质Ⅲ类，未达到目标Ⅱ类。", 12)).toEqual(["露塘水", "质Ⅲ类，未达", "到目标Ⅱ类。"]);
    expect(wrapText("The class entered differs", 10)).toEqual(["The class", "entered", "differs"]);
    const cell = wrapText("附件2 国控断面!O10", 6);
    expect(cell.join("")).toBe("附件2国控断面!O10");
    expect(cell.every((l) => displayWidth(l) <= 6)).toBe(true);
  });

  it("prints every word of a long cell on further lines of its row", () => {
    const table = textTable(["名称", "说明"], [["露塘", "甲".repeat(30)]], 40);
    expect(table.replace(/[\s-]/gu, "")).toBe(`名称说明露塘${"甲".repeat(30)}`);
    expect(table.split("\n").every((l) => displayWidth(l) <= 40)).toBe(true);
  });
});
