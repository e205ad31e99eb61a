/**
 * The browser preview end to end, in Debian's Chromium: build it as shipped, serve it on a local
 * port and walk the monthly workflow as a user would — generate, type good and bad values into the
 * grid (and paste a block), validate, click an issue and see its cell selected, fix it, validate
 * again, summarise and see the goals' statuses — in Chinese and English, at a 320 px and a 1280 px
 * window; once by keyboard alone; a value outside a dropdown's list refused as Excel refuses it;
 * the language switched without losing the workbook; at 1280×800 the pane scrolling beside a
 * fixed grid; the settings' days year first on an English browser; and download the workbook as
 * .xlsx, which the command line (`water-plan validate --json`, built for this test) judges as the
 * pane did. The Chinese walk at 1280 px then drafts the progress report (a .docx naming the plan),
 * sends 融安县 its form by county (downloaded: its scope, cover first, plan sheets protected), types
 * into the form with ExcelJS as the county would and merges it back through 汇总报送 (one cell
 * filled, seen in the grid; the same file again changes nothing) — code that runs only in the
 * browser build; the English walk at 1280 px checks those sections' labels. Every page is checked for overlapping parts and sideways scrolling (bounding boxes), and
 * the preview must never reach outside the local server. Screenshots go to out/test/preview/
 * (ignored by git); the Chinese walk at 1280 px also writes 使用说明's screenshots to docs/images/
 * (committed, so the guide never shows a pane that no longer exists), and the pane's foot links to
 * the guide, served beside the preview as the package and the dev server serve it.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`; fonts-noto-cjk for readable screenshots).
 * Without it the suite is skipped on a workstation and fails on CI (where CI is set).
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { Workbook } from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import type { ValidationReport } from "../../src/workbook/validate/validationReport";
import { buildAddIn } from "./buildAddIn";
import { liuzhouSheetNames } from "../liuzhouSheetNames";
import { closeServer, describeWithChromium, launchChromium } from "../browser/chromium";
import { untilShown } from "../browser/untilShown";
import { guideSiteFiles } from "../../scripts/package/guideSite";
import { liuzhou2023Plan } from "../../src/core/plan/builtinPlans";

const repoRoot = path.resolve(__dirname, "..", "..");
/** The test output folder: under /out/, which git ignores. */
const outputDir = path.join(repoRoot, "out", "test", "preview");
/** The command line built for this suite (inside the repository, so that it finds node_modules). */
const cliDir = path.join(outputDir, "cli");
const cliBin = path.join(cliDir, "bin", "water-plan.js");
/** 使用说明's screenshots, committed: docs/使用说明.md shows them, the package ships them. */
const guideImagesDir = path.join(repoRoot, "docs", "images");
const packageVersion = (
  JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }
).version;

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml",
};

/** A static file server for one directory, on a free port of 127.0.0.1. */
async function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(root, path.normalize(pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": contentTypes[path.extname(file)] ?? "application/octet-stream",
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** What the walk clicks and reads, in each language. */
const words = {
  "zh-CN": {
    generate: "生成计划表格",
    validate: "校验",
    summarise: "生成汇总",
    generated: "已生成",
    validated: /^校验完成/u,
    monitoring: "监测数据",
    summary: "汇总",
    issues: "问题列表",
    openSummary: "打开“汇总”工作表",
    download: "下载 .xlsx",
    tasks: "附件1 任务清单",
    inProgress: "推进中",
    invalidEntry: "输入无效",
    statusMessage: "请从下拉列表选择：未启动、推进中或已完成。",
    retry: "重试",
    cancel: "取消",
    otherLanguage: "English",
    settings: "设置",
    asOf: "统计截止日",
    publishedOn: "计划公布日期",
    dayPlaceholder: "年-月-日",
  },
  "en-US": {
    generate: "Generate plan sheets",
    validate: "Validate",
    summarise: "Summarise",
    generated: "Done",
    validated: /^Validated/u,
    monitoring: "Monitoring data",
    summary: "Summary",
    issues: "Problems",
    openSummary: "Open the sheet “Summary”",
    download: "Download .xlsx",
    tasks: "A1 Tasks",
    inProgress: "In progress",
    invalidEntry: "Invalid entry",
    statusMessage: "Choose Not started, In progress or Done.",
    retry: "Retry",
    cancel: "Cancel",
    otherLanguage: "中文",
    settings: "Settings",
    asOf: "As-of date",
    publishedOn: "Plan publication date",
    dayPlaceholder: "yyyy-mm-dd",
  },
} as const;

type Locale = keyof typeof words;

/**
 * Everything on the page that overlaps what it must not, and sideways scrolling: the page's regions
 * (banner, tabs, formula bar, grid, pane), the sheet tabs among themselves, and the pane's blocks
 * among themselves and inside the pane. Returns one line per problem; [] is a clean layout.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    }
    const visible = (element: Element): DOMRect | null => {
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 ? rect : null;
    };
    const name = (element: Element): string =>
      `${element.tagName.toLowerCase()}${element.getAttribute("role") ? `[${element.getAttribute("role")}]` : ""} “${element.textContent.trim().slice(0, 24)}”`;
    const overlap = (a: DOMRect, b: DOMRect): boolean =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const pairwise = (elements: Element[], what: string) => {
      const boxes = elements.flatMap((e) => {
        const rect = visible(e);
        return rect ? [{ e, rect }] : [];
      });
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          if (overlap(boxes[i]!.rect, boxes[j]!.rect)) {
            problems.push(`${what}: ${name(boxes[i]!.e)} overlaps ${name(boxes[j]!.e)}`);
          }
        }
      }
    };
    const one = (selector: string): Element[] => {
      const found = document.querySelector(selector);
      return found ? [found] : [];
    };
    pairwise(
      [
        ...one("header"),
        ...one('[role="tablist"]'),
        ...one("[data-testid='formula-value']"),
        ...one("[data-grid]"),
        ...one("aside"),
      ],
      "regions",
    );
    pairwise([...document.querySelectorAll('[role="tab"]')], "sheet tabs");
    const pane = document.querySelector("aside");
    const main = pane?.querySelector("main");
    if (pane && main) {
      pairwise([...main.children], "pane");
      pairwise([...main.querySelectorAll('[role="group"] button')], "pane buttons");
      const bounds = pane.getBoundingClientRect();
      for (const element of main.querySelectorAll(
        "button, h1, h2, [role='listbox'], [data-goal], select, input",
      )) {
        const rect = visible(element);
        if (rect && (rect.left < bounds.left - 1 || rect.right > bounds.right + 1)) {
          problems.push(
            `pane: ${name(element)} sticks out of the pane (${rect.left}–${rect.right} vs ${bounds.left}–${bounds.right})`,
          );
        }
      }
      if (main.scrollWidth > main.clientWidth + 1) problems.push("pane: scrolls sideways");
    }
    return problems;
  });
}

describeWithChromium("the browser preview (preview.html in Chromium)", () => {
  let server: Server | undefined;
  let origin = "";
  let browser: Browser | undefined;
  /** The built preview the server serves. */
  let siteDir = "";
  const offSiteRequests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true });
    // The command line as `npm install` installs it (bin/water-plan.js over the compiled lib/),
    // compiled for this test under out/ so that no other test's build of lib/ can race it.
    await promisify(execFile)(
      process.execPath,
      [
        require.resolve("typescript/bin/tsc"),
        "-p",
        "tsconfig.cli.json",
        "--outDir",
        path.join(cliDir, "lib"),
      ],
      { cwd: repoRoot, timeout: 300_000 },
    );
    mkdirSync(path.dirname(cliBin), { recursive: true });
    copyFileSync(path.join(repoRoot, "bin", "water-plan.js"), cliBin);
    // Production, as shipped: minified and tree-shaken code is where bundling mistakes show.
    const outDir = await buildAddIn({ mode: "production", entries: ["preview"] });
    siteDir = outDir;
    ({ server, origin } = await serve(outDir));
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  async function openPreview(locale: Locale, width: number, height = 900): Promise<Page> {
    if (!browser) throw new Error("no browser");
    const page = await browser.newPage({
      viewport: { width, height },
      acceptDownloads: true,
      // An English browser, in both languages: the Chinese pane must not borrow the browser's formats.
      locale: "en-US",
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // The preview must work offline: anything not from the local server is recorded and refused.
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) {
        void route.continue();
      } else {
        offSiteRequests.push(url);
        void route.abort();
      }
    });
    await page.goto(`${origin}/preview.html?lang=${locale}`);
    return page;
  }

  /** A screenshot of the whole page, or of the window only (what a user sees without scrolling). */
  async function shot(page: Page, name: string, fullPage = true): Promise<void> {
    await page.screenshot({ path: path.join(outputDir, `${name}.png`), fullPage });
  }

  /**
   * One of 使用说明's screenshots (docs/images/NAME.png): the window (grid and pane) or the pane alone.
   * Written on every Chinese 1280 px walk, so the guide shows the pane as it is.
   */
  async function guideShot(
    page: Page,
    name: string,
    region: "window" | "pane",
    inView?: { readonly selector: string; readonly block: "start" | "center" | "end" },
  ): Promise<void> {
    mkdirSync(guideImagesDir, { recursive: true });
    // The pane scrolls on its own beside the grid: bring what the picture is about into its view.
    if (inView) {
      await page
        .locator(inView.selector)
        .first()
        .evaluate((element, block) => {
          element.scrollIntoView({ block });
        }, inView.block);
    }
    const file = path.join(guideImagesDir, `${name}.png`);
    if (region === "pane") await page.locator("aside").screenshot({ path: file });
    else await page.screenshot({ path: file });
  }

  /** Pastes tab-separated text into the grid, as Ctrl+V of a block copied from a spreadsheet would. */
  async function paste(page: Page, text: string): Promise<void> {
    await page.locator("input[data-editor]").evaluate((editor, data) => {
      const transfer = new DataTransfer();
      transfer.setData("text/plain", data);
      editor.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  const cell = (page: Page, address: string) => page.locator(`table[role="grid"] td[data-cell="${address}"]`);
  const issue = (page: Page, sheet: string, address: string) =>
    page.locator(`[role="option"][data-sheet="${sheet}"][data-cell="${address}"]`);

  async function expectLayoutClean(page: Page, when: string): Promise<void> {
    expect({ when, problems: await layoutProblems(page) }).toEqual({ when, problems: [] });
  }

  async function generate(page: Page, w: (typeof words)[Locale]): Promise<void> {
    await page.getByRole("button", { name: w.generate }).click();
    await page.getByText(w.generated, { exact: true }).waitFor({ timeout: 60_000 });
  }

  /** The settings (open) show their days as typed in the sheets, never the browser's month/day/year. */
  async function expectDaysYearFirst(page: Page, w: (typeof words)[Locale]): Promise<void> {
    const form = page.getByRole("form", { name: w.settings });
    const asOf = form.getByLabel(w.asOf);
    const publishedOn = form.getByLabel(w.publishedOn);
    await asOf.waitFor();
    await expect(asOf.getAttribute("type")).resolves.toBe("text");
    await expect(asOf.inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    await expect(publishedOn.getAttribute("placeholder")).resolves.toBe(w.dayPlaceholder);
  }

  /** The issues the pane lists, as the JSON names them, and the counts it shows. */
  async function paneReport(
    page: Page,
    locale: Locale,
  ): Promise<{ counts: ValidationReport["counts"]; issues: string[]; asOf: string }> {
    const errorWord = locale === "zh-CN" ? "错误" : "Error";
    const issues = await page
      .locator('[role="listbox"] [role="option"]')
      .evaluateAll(
        (options, word) =>
          options.map(
            (o) =>
              `${o.getAttribute("data-sheet")}!${o.getAttribute("data-cell")} ${o.getAttribute("aria-label")?.startsWith(word) === true ? "error" : "warning"} ${o.getAttribute("data-code")}`,
          ),
        errorWord,
      );
    const section =
      (await page.locator("section", { has: page.locator("#wp-results-heading") }).textContent()) ?? "";
    const count = (pattern: RegExp): number => Number(pattern.exec(section)?.[1] ?? NaN);
    const asOfLine = page.getByText(
      locale === "zh-CN" ? /^统计截止日：\d{4}-\d{2}-\d{2}$/u : /^As of: \d{4}-\d{2}-\d{2}$/u,
    );
    const asOf = /(\d{4}-\d{2}-\d{2})/u.exec((await asOfLine.textContent()) ?? "")?.[1] ?? "";
    return {
      counts:
        locale === "zh-CN"
          ? { errors: count(/错误 (\d+)/u), warnings: count(/警告 (\d+)/u) }
          : { errors: count(/(\d+) errors?/u), warnings: count(/(\d+) warnings?/u) },
      issues: issues.sort(),
      asOf,
    };
  }

  /** Clicks `button` and saves the download it starts under out/test/preview/; returns the file. */
  async function downloadFrom(
    page: Page,
    button: ReturnType<Page["locator"]>,
    name: string,
  ): Promise<string> {
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      button.click(),
    ]);
    const file = path.join(outputDir, name);
    await download.saveAs(file);
    return file;
  }

  /**
   * 生成进展报告 (after 生成汇总): the download is a .docx, a zip whose word/document.xml names the plan.
   */
  async function expectReportDrafted(page: Page): Promise<void> {
    const button = page.getByRole("button", { name: "生成进展报告" });
    const file = await downloadFrom(page, button, "preview-report.docx");
    const entries = unzipSync(new Uint8Array(readFileSync(file)));
    const documentXml = entries["word/document.xml"];
    expect(documentXml).toBeDefined();
    // The text without its markup: a title may be split into runs.
    const text = strFromU8(documentXml ?? new Uint8Array()).replace(/<[^>]+>/gu, "");
    // An official document writes 柳州市2023年度…, without the plan data's spaces around the year.
    expect(text).toContain(`关于${liuzhou2023Plan.title.replace(/\s+/gu, "")}执行情况的报告`);
    await page.getByText(/^已下载 进展报告-\d{4}-\d{2}-\d{2}\.docx/u).waitFor();
  }

  /**
   * 下发填报表 by county: 融安县's form downloads with its scope, its cover first and the plan sheets
   * protected, and carries the city's monitoring row of its point (浮石), not another county's (露塘).
   * Returns the file.
   */
  async function sendFormToUnit(page: Page): Promise<string> {
    await page.getByRole("button", { name: "下发填报表" }).click();
    const split = page.locator("#wp-split");
    await split.getByRole("radio", { name: "按县（区）" }).check();
    await split.getByRole("button", { name: "列出单位" }).click();
    const one = split.getByRole("button", { name: "下载融安县的填报表" });
    await untilShown(split, one, "无法下发");
    await expectLayoutClean(page, "units listed");
    const fileName = "liuzhou-2023-融安县.xlsx";
    const file = await downloadFrom(page, one, fileName);
    await split.getByText(`已下载“${fileName}”。`).waitFor({ timeout: 60_000 });

    const form = new Workbook();
    await form.xlsx.readFile(file);
    expect(form.worksheets[0]?.name).toBe("填报说明");
    const settings: Record<string, unknown> = {};
    form.getWorksheet("_WaterPlan")?.eachRow((row) => {
      row.eachCell((cell, col) => {
        if (typeof cell.value === "string" && cell.value.startsWith("scope.")) {
          settings[cell.value] = row.getCell(col + 1).value;
        }
      });
    });
    expect(settings).toMatchObject({ "scope.by": "county", "scope.unit": "融安县" });
    // ExcelJS keeps `<sheetProtection>` outside its typings. 监测数据 stays open for added rows.
    const protection = (name: string) =>
      (form.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } } | undefined)
        ?.sheetProtection?.sheet ?? false;
    expect(["附件1 任务清单", "附件3 区控断面", "监测数据"].map(protection)).toEqual([true, true, false]);
    const monitoring: unknown[] = [];
    form.getWorksheet("监测数据")?.eachRow((row, at) => {
      if (at > 3) monitoring.push(row.getCell(1).value);
    });
    expect(monitoring).toEqual(["浮石"]);
    return file;
  }

  /** The grid's cell in `header`'s column of the row whose `keyHeader` reads `key` (header row 3). */
  async function gridCellOf(page: Page, keyHeader: string, key: string, header: string): Promise<string> {
    return page.evaluate(
      ([keyHeader, key, header]) => {
        const cells = [...document.querySelectorAll<HTMLElement>('table[role="grid"] td[data-cell]')];
        const column = (text: string, row: number) =>
          cells
            .find((c) => c.textContent === text && c.dataset.cell?.replace(/^[A-Z]+/u, "") === String(row))
            ?.dataset.cell?.replace(/\d+$/u, "");
        const keyColumn = column(keyHeader, 3);
        const valueColumn = column(header, 3);
        const row = cells
          .find((c) => c.textContent === key && c.dataset.cell?.replace(/\d+$/u, "") === keyColumn)
          ?.dataset.cell?.replace(/^[A-Z]+/u, "");
        if (keyColumn === undefined || valueColumn === undefined || row === undefined) {
          throw new Error(`no ${header} of ${key} in the grid`);
        }
        return `${valueColumn}${row}`;
      },
      [keyHeader, key, header] as const,
    );
  }

  /**
   * 汇总报送: 融安县 types 浮石's class (an unlocked cell of its form) and sends the form back; the
   * preview counts one cell to fill, the merge writes it into the city's 附件3, and merging the same
   * file again has nothing new.
   */
  async function mergeReturnedForm(page: Page, file: string): Promise<void> {
    const form = new Workbook();
    await form.xlsx.readFile(file);
    const sections = form.getWorksheet("附件3 区控断面");
    expect([sections?.getCell("G3").value, sections?.getCell("L3").value]).toEqual([
      "断面名称",
      "实测水质类别",
    ]);
    expect(sections?.getCell("G4").value).toBe("浮石");
    const entry = sections?.getCell("L4");
    expect({ value: entry?.value, locked: entry?.protection.locked }).toEqual({ value: null, locked: false });
    if (entry) entry.value = "Ⅱ类";
    const returned = path.join(outputDir, "returned", path.basename(file));
    mkdirSync(path.dirname(returned), { recursive: true });
    await form.xlsx.writeFile(returned);

    await page.getByRole("button", { name: "汇总报送" }).click();
    const merge = page.locator("#wp-merge");
    const preview = merge.getByRole("list", { name: "合并预览" });
    const lines = (list: ReturnType<Page["locator"]>) => list.getByRole("listitem").allTextContents();
    // A read or merge that fails shows its bar at once: the walk fails then, with the pane's words.
    const problem = "无法合并";
    await merge.getByTestId("merge-files").setInputFiles(returned);
    await untilShown(merge, preview, problem);
    expect(await lines(preview)).toEqual([
      "读取报回的工作簿 1 个",
      "将填入空白单元格 1 个",
      "将合并进展情况 0 条",
      "监测数据将新增 0 行（重复 1 行不再导入）",
      "冲突 0 处（保留本工作簿的值）",
    ]);
    await expectLayoutClean(page, "merge previewed");
    await merge.getByRole("button", { name: "合并到本工作簿" }).click();
    const done = merge.getByRole("list", { name: "已合并" });
    await untilShown(merge, done, problem);
    expect(await lines(done)).toContain("已填入空白单元格 1 个");

    await page.getByRole("tab", { name: "附件3 区控断面" }).click();
    const at = await gridCellOf(page, "断面名称", "浮石", "实测水质类别");
    await expect(cell(page, at).textContent()).resolves.toBe("Ⅱ类");

    // The same file again: nothing new, nothing to click.
    await merge.getByTestId("merge-files").setInputFiles(returned);
    await untilShown(merge, preview, problem);
    expect(await lines(preview)).toContain("将填入空白单元格 0 个");
    await merge.getByText("没有新的内容可以合并。").waitFor();
    await expect(merge.getByRole("button", { name: "合并到本工作簿" }).count()).resolves.toBe(0);
    await expect(cell(page, at).textContent()).resolves.toBe("Ⅱ类");
    await shot(page, "zh-CN-1280-7-merged");
  }

  for (const locale of ["zh-CN", "en-US"] as const) {
    for (const width of [320, 1280]) {
      it(`walks generate → enter → validate → fix → validate → summarise (${locale}, ${width} px)`, async () => {
        const w = words[locale];
        const tag = `${locale}-${width}`;
        const page = await openPreview(locale, width);
        // For 使用说明: the Chinese pane beside the grid.
        const guide = locale === "zh-CN" && width === 1280;
        await expectLayoutClean(page, "empty");
        await page.getByRole("button", { name: w.generate }).click();
        await page.getByText(w.generated, { exact: true }).waitFor({ timeout: 60_000 });
        await shot(page, `${tag}-1-generated`);
        if (guide) await guideShot(page, "1-generate", "window");
        await expectLayoutClean(page, "generated");

        // Type one row, with "abc" as pH (D4), then paste a second, good row below it.
        await page.getByRole("tab", { name: w.monitoring }).click();
        await cell(page, "A4").click();
        for (const [typed, key] of [
          ["露塘", "Tab"],
          ["2023-05-10", "Tab"],
          ["25", "Tab"],
          ["abc", "Tab"],
          ["6.5", "Enter"],
        ] as const) {
          await page.keyboard.type(typed);
          await page.keyboard.press(key);
        }
        await cell(page, "A5").click();
        await paste(page, "浮石\t2023-05-11\t24\t7.1\t6.8\n");
        await expect(cell(page, "B4").textContent()).resolves.toBe("2023-05-10");
        await expect(cell(page, "E5").textContent()).resolves.toBe("6.8");
        await shot(page, `${tag}-2-entered`);
        if (guide) await guideShot(page, "2-enter", "window");

        await page.getByRole("button", { name: w.validate, exact: true }).click();
        await page.getByText(w.validated).waitFor({ timeout: 60_000 });
        await page.getByRole("listbox", { name: w.issues }).waitFor();
        await expect(issue(page, w.monitoring, "D4").count()).resolves.toBe(1);
        await issue(page, w.monitoring, "D4").click();
        await expect(cell(page, "D4").getAttribute("aria-selected")).resolves.toBe("true");
        await expect(cell(page, "D4").getAttribute("data-note")).resolves.toBe("true");
        await expect(page.getByTestId("cell-note").textContent()).resolves.toContain("abc");
        // The keyboard is in the grid at that cell, as after a click on it.
        await page.waitForFunction(() => document.activeElement?.matches("input[data-editor]") === true);
        await shot(page, `${tag}-3-issue-selected`);
        if (guide) await guideShot(page, "3-validate-issue", "window");
        await expectLayoutClean(page, "validated");

        // Fix it in the grid: the cell is selected and has the keyboard, so typing replaces it.
        await page.keyboard.type("7.2");
        await page.keyboard.press("Enter");
        await expect(cell(page, "D4").textContent()).resolves.toBe("7.2");
        await page.getByRole("button", { name: w.validate, exact: true }).click();
        await page.waitForFunction(
          (sheet) => !document.querySelector(`[role="option"][data-sheet="${sheet}"][data-cell="D4"]`),
          w.monitoring,
          { timeout: 60_000 },
        );

        await page.getByRole("button", { name: w.summarise }).click();
        await page.locator("[data-goal]").first().waitFor({ timeout: 60_000 });
        const statuses = await page
          .locator("[data-goal]")
          .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-status")));
        expect(statuses).toHaveLength(4);
        for (const status of statuses) {
          expect(["met", "not_met", "no_data", "invalid", "cannot_judge", "pending"]).toContain(status);
        }
        await shot(page, `${tag}-4-summarised`);
        if (guide) await guideShot(page, "4-summarise", "pane", { selector: "[data-goal]", block: "center" });
        await expectLayoutClean(page, "summarised");
        await page.getByRole("button", { name: w.openSummary }).click();
        await expect(
          page.getByRole("tab", { name: w.summary, exact: true }).getAttribute("aria-selected"),
        ).resolves.toBe("true");
        await shot(page, `${tag}-5-summary-sheet`);
        if (guide) await guideShot(page, "5-summary-sheet", "window");

        // The settings' days read year first, in this language, on an English browser.
        await page.getByRole("button", { name: w.settings, exact: true }).click();
        await expectDaysYearFirst(page, w);
        await shot(page, `${tag}-6-settings`);
        if (guide) await guideShot(page, "6-settings", "pane", { selector: "#wp-settings", block: "end" });
        await expectLayoutClean(page, "settings");

        if (guide) {
          // After the guide's pictures, so that they show the pane without these sections open.
          await expectReportDrafted(page);
          await mergeReturnedForm(page, await sendFormToUnit(page));
        } else if (locale === "en-US" && width === 1280) {
          // The English labels of what the Chinese walk clicks.
          await page.getByRole("button", { name: "Draft the progress report" }).waitFor();
          await page.getByRole("button", { name: "Send forms to units" }).click();
          await page.locator("#wp-split").getByRole("radio", { name: "County or district" }).waitFor();
          await page.locator("#wp-split").getByRole("button", { name: "List the units" }).waitFor();
          await page.getByRole("button", { name: "Merge returned forms" }).click();
          await page.locator("#wp-merge").getByRole("button", { name: "Choose returned files…" }).waitFor();
          await expectLayoutClean(page, "sections open");
        }
        await page.close();
      }, 240_000);
    }
  }

  for (const locale of ["zh-CN", "en-US"] as const) {
    it(`shows the version at the pane's foot and opens 使用说明 with its screenshots from the link (${locale})`, async () => {
      // The guides beside the preview, as `npm run preview` and the package serve them; made here,
      // after the Chinese walk has taken this run's screenshots.
      for (const [file, content] of guideSiteFiles(path.join(repoRoot, "docs"), packageVersion)) {
        mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
        writeFileSync(path.join(siteDir, file), content);
      }
      const page = await openPreview(locale, 1280);
      const foot = page.locator("aside footer");
      await expect(foot.textContent()).resolves.toContain(
        locale === "zh-CN" ? `版本 ${packageVersion}` : `Version ${packageVersion}`,
      );
      const link = foot.getByRole("link", { name: locale === "zh-CN" ? "使用说明" : "User guide (Chinese)" });
      await expect(link.getAttribute("target")).resolves.toBe("_blank");
      const [help] = await Promise.all([page.waitForEvent("popup"), link.click()]);
      await help.waitForLoadState("load");
      expect(new URL(help.url()).pathname).toBe("/help.html");
      await expect(help.locator("h1").first().textContent()).resolves.toBe("使用说明");
      // Every screenshot the guide shows arrived (a missing one has no natural width).
      const images = await help
        .locator("main img")
        .evaluateAll((all) =>
          all.map((img) => [img.getAttribute("src"), (img as HTMLImageElement).naturalWidth]),
        );
      expect(images.length).toBeGreaterThan(0);
      for (const [src, naturalWidth] of images)
        expect({ src, loaded: Number(naturalWidth) > 0 }).toEqual({ src, loaded: true });
      await help.close();
      await page.close();
    }, 120_000);
  }

  it("does the whole workflow by keyboard alone", async () => {
    const page = await openPreview("zh-CN", 1280);
    const focused = (locator: ReturnType<Page["locator"]>) =>
      locator.evaluate((element) => element === document.activeElement);
    async function tabTo(locator: ReturnType<Page["locator"]>, key = "Tab"): Promise<void> {
      for (let i = 0; i < 80; i += 1) {
        if (await focused(locator).catch(() => false)) return;
        await page.keyboard.press(key);
      }
      throw new Error(`${key} never reached ${String(locator)}`);
    }
    const editor = page.locator("input[data-editor]");

    await tabTo(page.getByRole("button", { name: "生成计划表格" }));
    await page.keyboard.press("Enter");
    await page.getByText("已生成", { exact: true }).waitFor({ timeout: 60_000 });

    // F6 cycles tabs → grid → pane; the tab list's arrows pick 监测数据 and Enter shows it.
    await page.keyboard.press("F6");
    await expect(focused(page.locator('[role="tab"][aria-selected="true"]'))).resolves.toBe(true);
    await tabTo(page.getByRole("tab", { name: "监测数据" }), "ArrowRight");
    await page.keyboard.press("Enter");
    await page.keyboard.press("F6");
    await expect(focused(editor)).resolves.toBe(true);
    for (const key of ["ArrowDown", "ArrowDown", "ArrowDown"]) await page.keyboard.press(key);
    await page.keyboard.type("露塘");
    await page.keyboard.press("Tab");
    await page.keyboard.type("2023-05-10");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.type("abc");
    await page.keyboard.press("Enter");

    await page.keyboard.press("F6");
    await tabTo(page.getByRole("button", { name: "校验", exact: true }));
    await page.keyboard.press("Enter");
    await page.getByText(/^校验完成/u).waitFor({ timeout: 60_000 });
    // The results arrive as a chunk of their own: Tab once they are there.
    const list = page.getByRole("listbox", { name: "问题列表" });
    await list.waitFor();
    await tabTo(list.getByRole("option").first());
    const target = issue(page, "监测数据", "D4");
    await tabTo(target, "ArrowDown");
    await page.keyboard.press("Enter");
    await expect(cell(page, "D4").getAttribute("aria-selected")).resolves.toBe("true");

    // Back to the grid (F6 from the pane goes round to the tabs, then the grid), fix, validate again.
    await tabTo(editor, "F6");
    await page.keyboard.type("7.2");
    await page.keyboard.press("Enter");
    await page.keyboard.press("F6");
    await tabTo(page.getByRole("button", { name: "校验", exact: true }));
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => !document.querySelector('[role="option"][data-sheet="监测数据"][data-cell="D4"]'),
      undefined,
      { timeout: 60_000 },
    );
    await tabTo(page.getByRole("button", { name: "生成汇总" }));
    await page.keyboard.press("Enter");
    await page.locator("[data-goal]").first().waitFor({ timeout: 60_000 });
    await shot(page, "keyboard-summarised");
    await page.close();
  }, 240_000);

  for (const [locale, width] of [
    ["zh-CN", 1280],
    ["en-US", 1280],
    ["zh-CN", 320],
  ] as const) {
    it(`refuses a task status outside the list as Excel's stop alert does (${locale}, ${width} px)`, async () => {
      const w = words[locale];
      const page = await openPreview(locale, width, 800);
      await generate(page, w);
      await page.getByRole("tab", { name: w.tasks }).click();
      await cell(page, "L4").click();
      await page.keyboard.type("搞定了");
      await page.keyboard.press("Enter");
      const alert = page.getByRole("alertdialog");
      await alert.waitFor();
      // The rule's own title and message (the workbook's language), Excel's buttons in the user's.
      await expect(alert.textContent()).resolves.toContain(w.invalidEntry);
      await expect(alert.textContent()).resolves.toContain(w.statusMessage);
      await shot(page, `${locale}-${width}-refused`);
      await expect(cell(page, "L4").textContent()).resolves.toBe("");

      // 重试: back in the cell with the text selected; typing replaces it.
      await alert.getByRole("button", { name: w.retry }).click();
      await alert.waitFor({ state: "detached" });
      const editor = page.locator("input[data-editor]");
      await expect(editor.getAttribute("data-editor")).resolves.toBe("edit");
      await expect(editor.inputValue()).resolves.toBe("搞定了");
      await page.waitForFunction(() => {
        const input = document.activeElement;
        return input instanceof HTMLInputElement && input.selectionStart === 0 && input.selectionEnd === 3;
      });
      await page.keyboard.type(w.inProgress);
      await page.keyboard.press("Enter");
      await expect(cell(page, "L4").textContent()).resolves.toBe(w.inProgress);
      await expect(cell(page, "L5").getAttribute("aria-selected")).resolves.toBe("true");

      // 取消: the entry is dropped and the cell stays selected.
      await page.keyboard.type("搞定了");
      await page.keyboard.press("Tab");
      await alert.getByRole("button", { name: w.cancel }).click();
      await alert.waitFor({ state: "detached" });
      await expect(cell(page, "L5").textContent()).resolves.toBe("");
      await expect(cell(page, "L5").getAttribute("aria-selected")).resolves.toBe("true");
      await page.close();
    }, 240_000);
  }

  it("keeps the workbook when the language switches, and back", async () => {
    const page = await openPreview("zh-CN", 1280, 800);
    await generate(page, words["zh-CN"]);
    await page.getByRole("tab", { name: "监测数据" }).click();
    await cell(page, "A4").click();
    await paste(page, "露塘\t2023-05-10\t25\tabc\t6.5\n");

    await page.getByRole("link", { name: "English" }).click();
    await page.getByRole("button", { name: "Validate", exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe("?lang=en-US");
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en-US");
    await expect(cell(page, "A4").textContent()).resolves.toBe("露塘");
    await expect(cell(page, "D4").textContent()).resolves.toBe("abc");
    // The English pane works on the Chinese workbook it was handed.
    await page.getByRole("button", { name: "Validate", exact: true }).click();
    await page.getByText(/^Validated/u).waitFor({ timeout: 60_000 });
    // The list may render a moment after the heading on a loaded machine: wait for the entry, then count.
    await issue(page, "监测数据", "D4").first().waitFor({ timeout: 60_000 });
    await expect(issue(page, "监测数据", "D4").count()).resolves.toBe(1);
    await shot(page, "language-switched-en-US");

    await page.getByRole("link", { name: "中文" }).click();
    await page.getByRole("button", { name: "校验", exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe("?lang=zh-CN");
    await expect(cell(page, "A4").textContent()).resolves.toBe("露塘");
    await expect(cell(page, "D4").getAttribute("data-note")).resolves.toBe("true");
    await page.close();
  }, 240_000);

  for (const locale of ["zh-CN", "en-US"] as const) {
    it(`at 1280×800 scrolls the pane on its own beside a fixed grid (${locale})`, async () => {
      const w = words[locale];
      const page = await openPreview(locale, 1280, 800);
      await generate(page, w);
      await page.getByRole("tab", { name: w.monitoring }).click();
      await cell(page, "A4").click();
      await paste(page, "露塘\t2023-05-10\t25\tabc\t6.5\n");
      await page.getByRole("button", { name: w.validate, exact: true }).click();
      await page.getByRole("listbox", { name: w.issues }).waitFor({ timeout: 60_000 });
      await shot(page, `${locale}-1280x800-validated`, false);
      await expectLayoutClean(page, "validated at 1280×800");

      const grid = page.locator("[data-grid]");
      const before = await grid.boundingBox();
      const scrolling = await page.evaluate(() => {
        const pane = document.querySelector("aside");
        const root = document.documentElement;
        if (!pane) throw new Error("no pane");
        return {
          page: root.scrollHeight - root.clientHeight,
          pane: pane.scrollHeight - pane.clientHeight,
          overflow: getComputedStyle(pane).overflowY,
          paneBottom: Math.round(pane.getBoundingClientRect().bottom),
        };
      });
      expect(scrolling).toEqual({
        page: 0,
        pane: expect.any(Number) as number,
        overflow: "auto",
        paneBottom: 800,
      });
      expect(scrolling.pane).toBeGreaterThan(0);
      // The grid fills the window under the banner and stays put while the pane scrolls.
      expect((before?.y ?? 0) + (before?.height ?? 0)).toBeLessThanOrEqual(800);
      await page.getByRole("button", { name: w.settings, exact: true }).click();
      await expectDaysYearFirst(page, w);
      await page.getByRole("form", { name: w.settings }).scrollIntoViewIfNeeded();
      await expect(page.evaluate(() => document.querySelector("aside")?.scrollTop)).resolves.toBeGreaterThan(
        0,
      );
      await expect(grid.boundingBox()).resolves.toEqual(before);
      await expect(page.evaluate(() => document.documentElement.scrollTop)).resolves.toBe(0);
      await shot(page, `${locale}-1280x800-settings`, false);
      await page.close();
    }, 240_000);
  }

  it("downloads the workbook as .xlsx: typed dates stay dates, WP_Monitoring covers every typed row, and the command line judges it as the pane did", async () => {
    const page = await openPreview("zh-CN", 1280);
    await generate(page, words["zh-CN"]);
    await page.getByRole("tab", { name: "监测数据" }).click();
    // Two rows typed one cell at a time (the second below the generated table), a third pasted.
    await cell(page, "A4").click();
    for (const row of [
      ["露塘", "2023-05-10", "25", "abc", "6.5"],
      ["浮石", "2023-05-11", "24", "7.1", "6.8"],
    ]) {
      for (const [i, typed] of row.entries()) {
        await page.keyboard.type(typed);
        await page.keyboard.press(i === row.length - 1 ? "Enter" : "Tab");
      }
      await page.keyboard.press("Home");
    }
    await cell(page, "A6").click();
    await paste(page, "露塘\t2023/6/2\t26\t7.3\t7.0\n");
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await page.getByRole("listbox", { name: "问题列表" }).waitFor({ timeout: 60_000 });
    const pane = await paneReport(page, "zh-CN");
    expect(pane.issues).toContain("监测数据!D4 error unreadable_value");

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByRole("button", { name: "下载 .xlsx" }).click(),
    ]);
    const file = path.join(outputDir, "preview-download.xlsx");
    await download.saveAs(file);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining([...liuzhouSheetNames]));
    const monitoring = workbook.getWorksheet("监测数据");
    expect(monitoring?.getCell("A4").value).toBe("露塘");
    expect(monitoring?.getCell("D4").value).toBe("abc");
    const note = monitoring?.getCell("D4").note;
    expect(typeof note === "string" ? note : JSON.stringify(note)).toContain("abc");
    for (const [a1, day] of [
      ["B4", "2023-05-10"],
      ["B5", "2023-05-11"],
      ["B6", "2023-06-02"],
    ] as const) {
      // ExcelJS reads a number under a date format as a Date, as Excel shows it.
      const value: unknown = monitoring?.getCell(a1).value;
      expect({ a1, day: value instanceof Date ? value.toISOString().slice(0, 10) : value }).toEqual({
        a1,
        day,
      });
    }
    const table = monitoring?.getTable("WP_Monitoring") as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toMatch(/^A3:[A-Z]+6$/u);

    // The command line, as installed, judges the downloaded file as the pane judged the workbook.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cliBin, "validate", file, "--json", "--today", pane.asOf],
      { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: unknown) => {
      // Exit code 1: errors among the entries, as here (the pH "abc").
      const { code, stdout: printed } = error as { code?: number; stdout?: string };
      if (code === 1 && typeof printed === "string") return { stdout: printed };
      throw error;
    });
    const cli = JSON.parse(stdout) as ValidationReport;
    expect(cli.asOf).toBe(pane.asOf);
    expect(cli.counts).toEqual(pane.counts);
    expect(cli.issues.map((i) => `${i.sheet}!${i.cell} ${i.severity} ${i.code}`).sort()).toEqual(pane.issues);
    await page.close();
  }, 240_000);

  it("never reaches outside the local server and throws no page errors", () => {
    expect(offSiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
