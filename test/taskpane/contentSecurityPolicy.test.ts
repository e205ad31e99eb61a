/**
 * Security basics of the pages and the dev server (issue 14, item 6): the task pane and the browser
 * preview carry a Content-Security-Policy that lets scripts come only from the add-in's origin (and,
 * for the pane, Office's CDN), runs no inline script and connects only to the own origin; the dev
 * server listens on localhost and sends no `Access-Control-Allow-Origin: *`. The packaged pages are
 * checked in a browser by test/package/packageServing.browser.test.ts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type webpack from "webpack";
import type WebpackDevServer from "webpack-dev-server";
import { contentSecurityPolicyOf, inlineScriptsOf } from "../../scripts/package/pagePolicy";

const repoRoot = path.resolve(__dirname, "..", "..");
const officeCdn = "https://appsforoffice.microsoft.com";

type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: "development" | "production" },
) => Promise<webpack.Configuration & { devServer: WebpackDevServer.Configuration }>;

function page(name: string): string {
  return readFileSync(path.join(repoRoot, "src", "taskpane", name), "utf8");
}

describe("the pages' Content-Security-Policy", () => {
  it.each([
    ["taskpane.html", ["'self'", officeCdn]],
    ["preview.html", ["'self'"]],
  ])("%s loads scripts only from %j, none inline, and connects only to its own origin", (name, scripts) => {
    const html = page(name);
    const policy = contentSecurityPolicyOf(html);
    expect(policy.get("script-src")).toEqual(scripts);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(inlineScriptsOf(html)).toEqual([]);
  });

  it("would catch an inline script, an unsafe source and a missing policy", () => {
    expect(inlineScriptsOf('<script src="a.js"></script><script>alert(1)</script>')).toEqual(["alert(1)"]);
    const loose = `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'" />`;
    expect(contentSecurityPolicyOf(loose).get("script-src")).toContain("'unsafe-inline'");
    expect(() => contentSecurityPolicyOf("<html></html>")).toThrow(/no Content-Security-Policy/);
  });

  it("loads the task pane's Office.js from the CDN that script-src allows", () => {
    const sources = [...page("taskpane.html").matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual([`${officeCdn}/lib/1/hosted/office.js`]);
  });
});

describe("the dev server", () => {
  it.each([
    ["npm run dev-server", {}],
    ["npm run preview", { preview: true }],
  ])("(%s) listens on localhost and sends no Access-Control-Allow-Origin", async (_, env) => {
    const factory = createRequire(__filename)(path.join(repoRoot, "webpack.config.js")) as ConfigFactory;
    const config = await factory(env, { mode: "development" });
    expect(config.devServer.host).toBe("localhost");
    const headers = JSON.stringify(config.devServer.headers ?? {});
    expect(headers).not.toMatch(/access-control-allow-origin/i);
  });
});
