/**
 * Which files of the installed `@microsoft/office-js` a package with `--office-js bundled` carries:
 * office.js and every file it loads at run time in Excel (read from office.debug.js and the Excel
 * host files of version 1.1.110):
 *
 * - the host file `<host>-<platform>-<version>.js` for the Excel it runs in (`excel-win32-16.01.js`,
 *   `excel-web-16.00.js`, `excel-mac-16.00.js`, …; the `-core` variants serve custom-functions runtimes);
 * - `<locale>/office_strings.js` for Office's display language, and `en-us/` as the fallback;
 * - `telemetry/oteljs_agave.js` (office.js's telemetry sink), `ariatelemetry/aria-web-telemetry.js`
 *   (the host files' telemetry) and `webauth/webauth.browserauth.js` (Excel on the web's sign-in
 *   helper for single sign-on);
 * - `o15apptofilemappingtable.js`, which office.js loads where it finds no host information: Office
 *   2013, and a browser outside Office (the page's "open this inside Excel" notice waits for it);
 * - the `excel-15*` files serve only Office 2013, which the manifest's ExcelApi 1.9 keeps out, so they
 *   are left out, as are the debug builds, the other Office applications' files (Word, Outlook,
 *   PowerPoint, OneNote, Project, Access, Visio) and Outlook's strings.
 *
 * test/package/packageServing.browser.test.ts checks that the package holds each of these.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The folder of office.js inside the installed package. */
export function officeJsDistDir(): string {
  const dir = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
  if (!existsSync(path.join(dir, "office.js"))) {
    throw new Error(`@microsoft/office-js has no dist/office.js (${dir}): run npm install`);
  }
  return dir;
}

const hostFile = /^excel-(win32|web|mac|ios|android|winrt)-16\.\d\d(-core)?\.js$/;
const helperFiles = [
  "telemetry/oteljs_agave.js",
  "ariatelemetry/aria-web-telemetry.js",
  "webauth/webauth.browserauth.js",
  "o15apptofilemappingtable.js",
];

/**
 * The files to bundle, as paths relative to `distDir` with "/" separators, sorted.
 *
 * @example
 * officeJsFiles(officeJsDistDir()); // ["ar-sa/office_strings.js", …, "office.js", …]
 */
export function officeJsFiles(distDir: string): string[] {
  const files = ["office.js", ...helperFiles];
  for (const name of readdirSync(distDir)) {
    if (hostFile.test(name)) files.push(name);
    const strings = path.join(distDir, name, "office_strings.js");
    if (statSync(path.join(distDir, name)).isDirectory() && existsSync(strings))
      files.push(`${name}/office_strings.js`);
  }
  for (const file of files) {
    if (!existsSync(path.join(distDir, file))) throw new Error(`@microsoft/office-js has no dist/${file}`);
  }
  return files.sort();
}
