/**
 * The browser preview end to end: build it, serve dist over a local port, open preview.html in
 * Debian's Chromium, click Generate and read the sheets it draws. Also proves the preview never
 * needs the network: every request outside the local server fails the test.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`; fonts-noto-cjk for a readable screenshot).
 * Without it the suite is skipped on a workstation and fails on CI (where CI is set).
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { buildAddIn } from "./buildAddIn";
import { liuzhouSheetNames } from "../liuzhouSheetNames";
import { chromiumArgs, chromiumPath } from "../../scripts/chromium";

const haveChromium = existsSync(chromiumPath);
/** Outside the repository, so it is never committed. */
const screenshotPath = path.join(tmpdir(), "water-plan-preview.png");

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
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

const describeWithChromium = haveChromium || process.env.CI ? describe : describe.skip;

describeWithChromium("the browser preview (preview.html in Chromium)", () => {
  let server: Server | undefined;
  let origin = "";
  let browser: Browser | undefined;
  const offSiteRequests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) {
      throw new Error(`CI must install Debian's Chromium at ${chromiumPath}: apt-get install -y chromium`);
    }
    // Production, as shipped: minified and tree-shaken code is where bundling mistakes show.
    const outDir = await buildAddIn({ mode: "production", entries: ["preview"] });
    ({ server, origin } = await serve(outDir));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...chromiumArgs],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => {
      if (server) {
        server.close(() => {
          resolve();
        });
      } else {
        resolve();
      }
    });
  });

  async function openPreview(query = ""): Promise<Page> {
    if (!browser) throw new Error("no browser");
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // The preview must work offline: anything not from the local server is recorded and refused.
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith("data:")) {
        void route.continue();
      } else {
        offSiteRequests.push(url);
        void route.abort();
      }
    });
    await page.goto(`${origin}/preview.html${query}`);
    return page;
  }

  it("generates the plan's sheets and draws them with their Chinese headers", async () => {
    const page = await openPreview();
    await page.getByRole("button", { name: "生成计划表格" }).click();
    await page.getByText("已生成").waitFor({ timeout: 30_000 });

    const tabs = await page.getByRole("tab").allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining([...liuzhouSheetNames]));

    await page.getByRole("tab", { name: "附件1 任务清单" }).click();
    const tasks = page.locator('table[data-sheet="附件1 任务清单"]');
    await expect(tasks.locator("td", { hasText: /^序号$/ }).count()).resolves.toBe(1);
    await expect(tasks.getByText("完成状态", { exact: true }).count()).resolves.toBe(1);
    // 53 tasks below the title and header rows.
    await expect(tasks.locator("tbody tr").count()).resolves.toBeGreaterThanOrEqual(55);

    await page.screenshot({ path: screenshotPath, fullPage: false });

    await page.getByRole("tab", { name: "监测数据" }).click();
    const monitoring = page.locator('table[data-sheet="监测数据"]');
    await expect(monitoring.getByText(/^溶解氧/).count()).resolves.toBeGreaterThan(0);
    await expect(monitoring.getByText(/^氨氮/).count()).resolves.toBeGreaterThan(0);

    // Generating again keeps the workbook and reports the sheets as updated.
    await page.getByRole("button", { name: "生成计划表格" }).click();
    await page.getByText(/更新 \d+ 张工作表/).waitFor({ timeout: 30_000 });
    await page.close();
  }, 120_000);

  it("speaks English with ?lang=en-US", async () => {
    const page = await openPreview("?lang=en-US");
    await page.getByRole("button", { name: "Generate plan sheets" }).click();
    await page.getByText(/^Created \d+ sheets/).waitFor({ timeout: 30_000 });
    await page.close();
  }, 120_000);

  it("never reaches outside the local server and throws no page errors", () => {
    expect(offSiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
