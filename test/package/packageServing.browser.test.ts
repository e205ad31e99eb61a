/**
 * The package served as an office would serve it (issue 15): `npm run package`'s zip, unpacked and
 * served over HTTPS on https://localhost:PORT/water-plan/ with a certificate made for this test, and
 * the pane's page and the help page opened in Debian's Chromium — once with Office.js from
 * Microsoft's CDN, once bundled. No request may fail, none may leave the origin (bundled) or go
 * anywhere but the origin and Office's CDN (there is no internet here, so the test answers the CDN's
 * URLs with the installed @microsoft/office-js, as the CDN would, and records them), no
 * Content-Security-Policy violation, and the pane must say that it is to be opened inside Excel.
 * The packaged manifest must name only the base and be manifest.xml otherwise (which
 * test/manifest/manifest.test.ts checks offline), with the same Id.
 *
 * Needs /usr/bin/chromium and openssl; without Chromium the suite is skipped on a workstation and
 * fails on CI. Screenshots go to out/test/package/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { closeServer, describeWithChromium, launchChromium } from "../browser/chromium";
import {
  assemblePackage,
  buildSite,
  officeJsFolder,
  type OfficeJsSource,
  type PackageResult,
  siteFolder,
} from "../../scripts/package/buildPackage";
import { guideImages } from "../../scripts/package/guideSite";
import { officeJsDistDir, officeJsFiles } from "../../scripts/package/officeJsFiles";
import { devBase, helpPage, manifestUrls } from "../../scripts/package/packageManifest";
import { contentSecurityPolicyOf, inlineScriptsOf, officeCdnOrigin } from "../../scripts/package/pagePolicy";

jest.setTimeout(600_000);

const repoRoot = path.resolve(__dirname, "..", "..");
const outputDir = path.join(repoRoot, "out", "test", "package");
const basePath = "/water-plan/";
const sourceManifest = readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");
const packageVersion = (
  JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }
).version;

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** A certificate for localhost made for this run (Chromium is told to accept it). */
function makeCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Unpacks a zip into a fresh folder and returns the folder. */
function unzipTo(zipFile: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "water-plan-package-"));
  for (const [name, content] of Object.entries(unzipSync(readFileSync(zipFile)))) {
    if (name.endsWith("/")) continue;
    const file = path.join(dir, ...name.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

describeWithChromium("the package, served over HTTPS as an office serves it", () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let origin = "";
  let base = "";
  /** The site folder the server serves at basePath now. */
  let siteRoot = "";
  const packages = new Map<OfficeJsSource, { result: PackageResult; dir: string }>();

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true });
    const { key, cert } = makeCertificate(mkdtempSync(path.join(tmpdir(), "water-plan-cert-")));
    server = createServer({ key, cert }, (request, response) => {
      const pathname = decodeURIComponent(new URL(request.url ?? "/", "https://localhost").pathname);
      const relative = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : null;
      const file = relative === null ? "" : path.join(siteRoot, path.normalize(relative));
      if (relative === null || !file.startsWith(siteRoot) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, {
        "content-type": contentTypes[path.extname(file)] ?? "application/octet-stream",
      });
      response.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    origin = `https://localhost:${(server.address() as AddressInfo).port}`;
    base = `${origin}${basePath}`;
    // One production build of the pane, packaged both ways, as `npm run package` does.
    const site = await buildSite();
    const outDir = mkdtempSync(path.join(tmpdir(), "water-plan-out-"));
    for (const officeJs of ["cdn", "bundled"] as const) {
      const result = assemblePackage({ base, officeJs, siteBuildDir: site, outDir });
      packages.set(officeJs, {
        result,
        dir: path.join(unzipTo(result.file), `water-plan-addin-${result.version}`),
      });
    }
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  function unpacked(officeJs: OfficeJsSource): { result: PackageResult; dir: string } {
    const found = packages.get(officeJs);
    if (!found) throw new Error(`no ${officeJs} package`);
    return found;
  }

  /** What one page load did: every request, the failed ones, CSP violations, the page's text. */
  async function open(officeJs: OfficeJsSource, page: string, expectText: string) {
    if (!browser) throw new Error("no browser");
    siteRoot = path.join(unpacked(officeJs).dir, siteFolder);
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "zh-CN" });
    const requests: string[] = [];
    const failed: string[] = [];
    const pageErrors: string[] = [];
    context.on("request", (request) => requests.push(request.url()));
    context.on("requestfailed", (request) =>
      failed.push(`${request.url()} ${request.failure()?.errorText ?? ""}`),
    );
    context.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.url()} ${response.status()}`);
    });
    // No internet here: the CDN's files come from the installed @microsoft/office-js, the same
    // files the CDN serves; anything else off the origin is refused (and then counts as failed).
    const dist = officeJsDistDir();
    await context.route(`${officeCdnOrigin}/lib/1/hosted/**`, async (route) => {
      const relative = new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "");
      const file = path.join(dist, relative);
      if (existsSync(file)) await route.fulfill({ path: file, contentType: "text/javascript" });
      else await route.fulfill({ status: 404 });
    });
    // Playwright's init scripts are not subject to the page's policy: this one only listens.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const tab = await context.newPage();
    tab.on("pageerror", (error) => pageErrors.push(error.message));
    const response = await tab.goto(`${base}${page}`);
    await tab.getByText(expectText).first().waitFor({ timeout: 60_000 });
    await tab.waitForLoadState("networkidle");
    const violations = await tab.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    const text = await tab.locator("body").innerText();
    await tab.screenshot({
      path: path.join(outputDir, `${officeJs}-${page.replace(/\W/g, "-")}.png`),
      fullPage: true,
    });
    const headers = response?.headers() ?? {};
    await context.close();
    return { requests, failed, violations, text, pageErrors, headers };
  }

  describe.each(["cdn", "bundled"] as const)("with Office.js from %s", (officeJs) => {
    it("names only the base in its manifest, keeps the Id and takes the version from package.json", () => {
      const xml = readFileSync(path.join(unpacked(officeJs).dir, "manifest.xml"), "utf8");
      expect(XMLValidator.validate(xml)).toBe(true);
      const urls = manifestUrls(xml);
      expect(urls.length).toBeGreaterThan(5);
      expect(urls.filter((url) => !url.startsWith(base))).toEqual([]);
      expect(urls).toContain(`${base}taskpane.html`);
      expect(urls).toContain(`${base}${helpPage}`);
      expect(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]).toBe(/<Id>([^<]+)<\/Id>/.exec(sourceManifest)?.[1]);
      expect(/<Version>([^<]+)<\/Version>/.exec(xml)?.[1]).toBe(`${packageVersion}.0`);
      // Apart from its URLs and Version it is manifest.xml, which the offline manifest check passes.
      const undone = xml
        .replaceAll(`${base}${helpPage}`, "https://water-plan.example.invalid/support")
        .replaceAll(base, devBase)
        .replace(/<Version>[^<]+<\/Version>/, /<Version>[^<]+<\/Version>/.exec(sourceManifest)?.[0] ?? "");
      expect(undone).toBe(sourceManifest);
      // Every file the manifest names is in the site.
      for (const url of urls) {
        expect({
          url,
          inSite: existsSync(path.join(unpacked(officeJs).dir, siteFolder, url.slice(base.length))),
        }).toEqual({
          url,
          inSite: true,
        });
      }
    });

    it("holds the site, the manifest and both guides, and every script its pages reference", () => {
      const { result, dir } = unpacked(officeJs);
      const top = `water-plan-addin-${packageVersion}/`;
      for (const name of ["manifest.xml", "README.txt", "deploy-guide.md", "user-guide.md"]) {
        expect(result.entries).toContain(`${top}${name}`);
      }
      for (const name of ["taskpane.html", "taskpane.js", "help.html", "deploy-guide.html", "help.css"]) {
        expect(result.entries).toContain(`${top}${siteFolder}/${name}`);
      }
      // Inside the zip the guides link each other by their names there, and show site/images/.
      const deployGuide = readFileSync(path.join(dir, "deploy-guide.md"), "utf8");
      expect(deployGuide).toContain("](user-guide.md)");
      expect(deployGuide).not.toContain("](使用说明.md)");
      const userGuide = readFileSync(path.join(dir, "user-guide.md"), "utf8");
      for (const image of guideImages(userGuide)) {
        expect({ image, exists: existsSync(path.join(dir, image)) }).toEqual({ image, exists: true });
      }
      expect(result.entries.filter((entry) => /preview|\.map$/.test(entry))).toEqual([]);
      const html = readFileSync(path.join(dir, siteFolder, "taskpane.html"), "utf8");
      expect(inlineScriptsOf(html)).toEqual([]);
      const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1] ?? "");
      const local = scripts.filter((src) => !src.startsWith("https://"));
      for (const src of local)
        expect({ src, exists: existsSync(path.join(dir, siteFolder, src)) }).toEqual({ src, exists: true });
      const policy = contentSecurityPolicyOf(html);
      if (officeJs === "bundled") {
        expect(scripts).toEqual([`${officeJsFolder}/office.js`, "taskpane.js"]);
        expect(policy.get("script-src")).toEqual(["'self'"]);
        const bundled = officeJsFiles(officeJsDistDir());
        for (const file of [
          "office.js",
          "excel-win32-16.01.js",
          "excel-web-16.00.js",
          "excel-mac-16.00.js",
          "zh-cn/office_strings.js",
          "en-us/office_strings.js",
          "telemetry/oteljs_agave.js",
        ]) {
          expect(bundled).toContain(file);
        }
        for (const file of bundled)
          expect(result.entries).toContain(`${top}${siteFolder}/${officeJsFolder}/${file}`);
      } else {
        expect(scripts).toEqual([
          "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
          "taskpane.js",
        ]);
        expect(policy.get("script-src")).toEqual(["'self'", officeCdnOrigin]);
        expect(result.entries.filter((entry) => entry.includes(`/${officeJsFolder}/`))).toEqual([]);
      }
      expect(policy.get("connect-src")).toEqual(["'self'"]);
    });

    it("serves a pane that loads, stays on its origin (and Office's CDN) and says to open it inside Excel", async () => {
      const seen = await open(officeJs, "taskpane.html", "请在 Excel 中打开");
      expect(seen.failed).toEqual([]);
      // Outside Office, office.js frames Microsoft's telemetry service; the policy blocks it, as it
      // should (nothing leaves the origin). Inside Excel office.js takes another path. Any other
      // violation fails.
      const telemetryFrame = /^frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com/;
      expect(seen.violations.filter((violation) => !telemetryFrame.test(violation))).toEqual([]);
      expect(seen.pageErrors).toEqual([]);
      const allowed = officeJs === "bundled" ? [base] : [base, `${officeCdnOrigin}/lib/1/hosted/`];
      expect(seen.requests.filter((url) => !allowed.some((prefix) => url.startsWith(prefix)))).toEqual([]);
      expect(seen.requests).toContain(`${base}taskpane.js`);
      expect(seen.requests).toContain(
        officeJs === "bundled"
          ? `${base}${officeJsFolder}/office.js`
          : `${officeCdnOrigin}/lib/1/hosted/office.js`,
      );
      expect(seen.text).toContain("Open this inside Excel");
      expect(seen.text).toContain(`版本 ${packageVersion}`);
      // Office.js was there: the page says so, not that Office.js failed to load.
      expect(seen.text).not.toContain("Office.js 未能加载");
    });

    it("serves the help page (使用说明) from the origin alone, without a policy violation", async () => {
      const seen = await open(officeJs, helpPage, "使用说明");
      expect(seen.failed).toEqual([]);
      expect(seen.violations).toEqual([]);
      expect(seen.requests.filter((url) => !url.startsWith(base))).toEqual([]);
      expect(seen.requests).toContain(`${base}help.css`);
      // The screenshots 使用说明 shows, from the site's images/ (img-src 'self').
      const images = guideImages(readFileSync(path.join(repoRoot, "docs", "使用说明.md"), "utf8"));
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) expect(seen.requests).toContain(`${base}${image}`);
      expect(seen.text).toContain(`版本 ${packageVersion}`);
    });
  });

  it("records the packages' sizes", () => {
    const sizes = [...packages.entries()].map(([officeJs, { result }]) => ({
      officeJs,
      kilobytes: Math.round(result.bytes / 1024),
      files: result.entries.length,
    }));
    writeFileSync(path.join(outputDir, "sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
    expect(sizes.map((size) => size.officeJs)).toEqual(["cdn", "bundled"]);
  });
});
