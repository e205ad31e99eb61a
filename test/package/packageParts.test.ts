/**
 * The parts of `npm run package` that need no build: the base URL it accepts, the manifest's version
 * and URLs, and the guides as pages. The whole package, served, is packageServing.browser.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { officeVersionOf } from "../../scripts/package/officeVersion";
import { devBase, manifestUrls, packageManifest } from "../../scripts/package/packageManifest";
import { parsePackageUrl } from "../../scripts/package/packageUrl";
import {
  contentSecurityPolicyOf,
  inlineScriptsOf,
  withBundledOfficeJs,
} from "../../scripts/package/pagePolicy";
import { renderGuidePage, renderMarkdown } from "../../scripts/package/renderGuide";

const repoRoot = path.resolve(__dirname, "..", "..");
const sourceManifest = readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");

describe("the base URL of a package", () => {
  it.each([
    ["https://wp.example.gov.cn/water-plan/", "https://wp.example.gov.cn/water-plan/"],
    ["https://WP.Example.gov.cn/water-plan/", "https://wp.example.gov.cn/water-plan/"],
    ["https://wp.example.gov.cn:8443/a/b/", "https://wp.example.gov.cn:8443/a/b/"],
    ["http://localhost:8080/wp/", "http://localhost:8080/wp/"],
    ["http://127.0.0.1/wp/", "http://127.0.0.1/wp/"],
  ])("accepts %s", (text, base) => {
    expect(parsePackageUrl(text)).toEqual({ ok: true, base });
  });

  it.each([
    ["http://wp.example.gov.cn/water-plan/", "not_https"],
    ["ftp://wp.example.gov.cn/water-plan/", "malformed"],
    ["wp.example.gov.cn/water-plan/", "malformed"],
    ["https://", "malformed"],
    ["", "malformed"],
    ["https://wp.example.gov.cn", "no_path"],
    ["https://wp.example.gov.cn/", "no_path"],
    ["https://wp.example.gov.cn/water-plan", "no_trailing_slash"],
    ["https://wp.example.gov.cn/water-plan/?v=1", "query_or_fragment"],
    ["https://wp.example.gov.cn/water-plan/#top", "query_or_fragment"],
    ["https://user:secret@wp.example.gov.cn/water-plan/", "credentials"],
  ])("refuses %s (%s) with a message in Chinese and English naming it", (text, code) => {
    const result = parsePackageUrl(text);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) {
      expect(result.message).toMatch(/\p{Script=Han}/u);
      expect(result.message).toMatch(/[a-z]{3} /);
    }
  });
});

describe("the manifest's Version", () => {
  it("is package.json's version with a fourth part", () => {
    expect(officeVersionOf("0.1.0")).toBe("0.1.0.0");
    expect(officeVersionOf("12.3.65535")).toBe("12.3.65535.0");
  });

  it("in the development manifest equals the package's, so a package is never older than a sideloaded build", () => {
    const root = path.join(__dirname, "..", "..");
    const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
    const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      version: string;
    };
    expect(/<Version>([^<]+)<\/Version>/u.exec(manifest)?.[1]).toBe(officeVersionOf(version));
  });

  it("refuses what Office could not order as an update", () => {
    expect(() => officeVersionOf("1.0.0-beta.1")).toThrow(/x\.y\.z/);
    expect(() => officeVersionOf("1.0")).toThrow(/x\.y\.z/);
    expect(() => officeVersionOf("1.70000.0")).toThrow(/65535/);
  });
});

describe("the packaged manifest", () => {
  const base = "https://wp.example.gov.cn/water-plan/";
  const xml = packageManifest(sourceManifest, base, "0.2.0.0");

  it("names only URLs under the base, the help page among them", () => {
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith(base))).toEqual([]);
    expect(urls.filter((url) => url === `${base}help.html`)).toHaveLength(2);
    expect(xml).not.toContain(devBase);
    expect(xml).not.toContain("example.invalid");
  });

  it("keeps the Id across versions and carries the version given", () => {
    const id = /<Id>([^<]+)<\/Id>/.exec(sourceManifest)?.[1];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const next = packageManifest(sourceManifest, base, "0.3.0.0");
    expect(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]).toBe(id);
    expect(/<Id>([^<]+)<\/Id>/.exec(next)?.[1]).toBe(id);
    expect(/<Version>([^<]+)<\/Version>/.exec(xml)?.[1]).toBe("0.2.0.0");
    expect(/<Version>([^<]+)<\/Version>/.exec(next)?.[1]).toBe("0.3.0.0");
  });

  it("finds URLs in attributes and text but not in namespace names", () => {
    expect(manifestUrls('<a xmlns="http://x/y" b="https://h/p/"><c>https://h/q</c></a>')).toEqual([
      "https://h/p/",
      "https://h/q",
    ]);
  });
});

describe("the task pane with Office.js bundled", () => {
  const source = readFileSync(path.join(repoRoot, "src", "taskpane", "taskpane.html"), "utf8");

  it("loads Office.js from its own origin and allows scripts from there alone", () => {
    const bundled = withBundledOfficeJs(source, "office-js/office.js");
    expect(contentSecurityPolicyOf(bundled).get("script-src")).toEqual(["'self'"]);
    expect(bundled).toContain('src="office-js/office.js"');
    expect(bundled).not.toContain("appsforoffice");
    expect(inlineScriptsOf(bundled)).toEqual([]);
  });

  it("reads the minified page too, and refuses a page it does not recognise", () => {
    const minified =
      "<meta http-equiv=Content-Security-Policy content=\"script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self'\">" +
      "<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>";
    expect(withBundledOfficeJs(minified, "office-js/office.js")).toBe(
      "<meta http-equiv=Content-Security-Policy content=\"script-src 'self'; connect-src 'self'\">" +
        '<script src="office-js/office.js"></script>',
    );
    expect(() => withBundledOfficeJs(minified.replace(/<script.*/, ""), "office-js/office.js")).toThrow(
      /exactly one Office\.js/,
    );
  });
});

describe("the guides as pages", () => {
  it("renders headings, lists, tables, code and links between the guides", () => {
    const html = renderMarkdown(
      "# 标题\n\n一段 **重点** 和 `code`，见 [部署指南](部署指南.md)。\n\n- 一\n- 二\n  续\n\n1. 甲\n\n| a | b |\n| --- | --- |\n| 1 | <2> |\n\n```sh\nnpm run package\n```",
    );
    expect(html).toBe(
      [
        "<h1>标题</h1>",
        '<p>一段 <strong>重点</strong> 和 <code>code</code>，见 <a href="deploy-guide.html">部署指南</a>。</p>',
        "<ul><li>一</li><li>二 续</li></ul>",
        "<ol><li>甲</li></ol>",
        "<table>\n<thead><tr><th>a</th><th>b</th></tr></thead>\n<tbody>\n<tr><td>1</td><td>&lt;2&gt;</td></tr>\n</tbody>\n</table>",
        "<pre><code>npm run package</code></pre>",
      ].join("\n"),
    );
  });

  it("makes pages without any script, under a policy that allows none", () => {
    for (const name of ["使用说明.md", "部署指南.md"]) {
      const page = renderGuidePage(readFileSync(path.join(repoRoot, "docs", name), "utf8"), "9.9.9");
      expect(page).not.toMatch(/<script/i);
      expect(contentSecurityPolicyOf(page).get("default-src")).toEqual(["'none'"]);
      expect(page).toContain("版本 9.9.9");
      expect(page).toContain(`<h1>${name.replace(".md", "")}</h1>`);
    }
  });
});
