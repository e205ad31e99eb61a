/**
 * @jest-environment jsdom
 */
/**
 * The pane's foot: the add-in's version and the link to 使用说明 (help.html), which Office opens in
 * the user's browser where it can (OpenBrowserWindowApi 1.1) and which is otherwise a link of its own.
 */
import { fireEvent, screen } from "@testing-library/react";
import { officeBrowserWindow } from "../../src/taskpane/officePaneHost";
import { makeHarness, renderPane } from "./paneHarness";

describe("the pane's foot", () => {
  it("shows the version and links to 使用说明 in a window of its own where the host cannot open a browser", async () => {
    const harness = makeHarness();
    renderPane(harness, { version: "1.2.3" });
    expect(await screen.findByText("版本 1.2.3")).toBeTruthy();
    const link = screen.getByRole("link", { name: "使用说明" });
    expect(link.getAttribute("href")).toBe("help.html");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener");
    // Not prevented: the browser follows the link into a new window.
    expect(fireEvent.click(link)).toBe(true);
  });

  it("speaks English too", async () => {
    renderPane(makeHarness(), { version: "1.2.3", locale: "en-US" });
    expect(await screen.findByText("Version 1.2.3")).toBeTruthy();
    expect(screen.getByRole("link", { name: "User guide (Chinese)" }).getAttribute("href")).toBe("help.html");
  });

  it("hands the host the link's absolute URL where it opens the user's browser, and stays in the pane", async () => {
    const opened: string[] = [];
    const harness = makeHarness();
    renderPane(
      { ...harness, host: { ...harness.host, openInBrowser: (url) => opened.push(url) } },
      { version: "1.2.3" },
    );
    const link = await screen.findByRole("link", { name: "使用说明" });
    expect(fireEvent.click(link)).toBe(false);
    expect(opened).toEqual([new URL("help.html", document.baseURI).href]);
    expect(opened[0]).toMatch(/^https?:\/\/.+\/help\.html$/u);
  });
});

describe("Office's browser window", () => {
  const office = globalThis as { Office?: unknown };
  afterEach(() => {
    delete office.Office;
  });

  function fakeOffice(supported: boolean, opened: string[]): void {
    office.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) =>
            supported && name === "OpenBrowserWindowApi" && version === "1.1",
        },
        ui: { openBrowserWindow: (url: string) => opened.push(url) },
      },
    };
  }

  it("opens the URL through openBrowserWindow where Office has OpenBrowserWindowApi 1.1", () => {
    const opened: string[] = [];
    fakeOffice(true, opened);
    officeBrowserWindow()?.("https://wp.example.gov.cn/water-plan/help.html");
    expect(opened).toEqual(["https://wp.example.gov.cn/water-plan/help.html"]);
  });

  it("is absent where Office lacks it, so the pane keeps its plain link", () => {
    const opened: string[] = [];
    fakeOffice(false, opened);
    expect(officeBrowserWindow()).toBeNull();
  });
});
