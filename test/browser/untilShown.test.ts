import type { Browser, Page } from "playwright-core";
import { describeWithChromium, launchChromium } from "./chromium";
import { untilShown } from "./untilShown";

/*
 * The browser walk waits for the pane's results through untilShown: a section that shows its
 * failure or problem bar fails the walk at once, with the reason, instead of after a minute.
 */

jest.setTimeout(60_000);

describeWithChromium("waiting for a pane section's result", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser.close();
  });

  const section = (html: string, later = ""): Promise<void> =>
    page.setContent(
      `<section id="wp-merge">${html}</section><script>setTimeout(() => { document.getElementById("wp-merge").insertAdjacentHTML("beforeend", ${JSON.stringify(later)}); }, 300);</script>`,
    );
  const preview = () => page.locator("#wp-merge").getByRole("list", { name: "合并预览" });

  it("fails at once with the failure bar's words when the read fails", async () => {
    await section("", `<div role="alert"><b>读取失败</b> 文件已损坏</div>`);
    const started = Date.now();
    await expect(untilShown(page.locator("#wp-merge"), preview(), "无法合并")).rejects.toThrow(
      /读取失败 文件已损坏/u,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("fails at once when the section shows its problem bar", async () => {
    await section("", `<div><b>无法合并</b><span>本工作簿不是由本插件生成的</span></div>`);
    const started = Date.now();
    await expect(untilShown(page.locator("#wp-merge"), preview(), "无法合并")).rejects.toThrow(
      /本工作簿不是由本插件生成的/u,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("returns when the result appears", async () => {
    await section("", `<ul aria-label="合并预览"><li>读取报回的工作簿 1 个</li></ul>`);
    await untilShown(page.locator("#wp-merge"), preview(), "无法合并");
    await expect(preview().count()).resolves.toBe(1);
  });
});
