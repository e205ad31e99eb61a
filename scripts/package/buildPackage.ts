/**
 * `npm run package`: the add-in as one zip an office's IT can host. A production build of the task
 * pane (webpack.config.js, the pane's entry only), the manifest with every URL under the base the IT
 * gives, the guides as pages of the site, and — with `--office-js bundled` — Office.js from the
 * installed @microsoft/office-js, loaded by the pane from its own origin.
 *
 * The zip (`out/water-plan-addin-<version>.zip`, or `…-office-js.zip` with Office.js bundled):
 *
 * ```
 * water-plan-addin-<version>/
 *   manifest.xml          the add-in's manifest for this base (Id kept, Version from package.json)
 *   README.txt            where to start, in Chinese and English
 *   deploy-guide.md       部署指南 (docs/部署指南.md)
 *   user-guide.md         使用说明 (docs/使用说明.md)
 *   site/                 everything the HTTPS server serves at the base URL
 *     taskpane.html, *.js, assets/, help.html (使用说明; SupportUrl), deploy-guide.html, help.css,
 *     images/             the screenshots help.html shows (docs/images/)
 *     office-js/          (bundled only) office.js and the files it loads
 * ```
 *
 * File names in the zip are ASCII: Windows' own zip folder shows names that are not as garbage.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync, type Zippable } from "fflate";
import webpack from "webpack";
import { appendAll } from "../../src/core/arrays";
import { officeJsDistDir, officeJsFiles } from "./officeJsFiles";
import { officeVersionOf } from "./officeVersion";
import { packageManifest } from "./packageManifest";
import { withBundledOfficeJs } from "./pagePolicy";
import { guideForZip, guideSiteFiles, guideZipNames } from "./guideSite";

export const repoRoot = path.resolve(__dirname, "..", "..");

/** Where Office.js comes from: Microsoft's CDN (supported, always current) or the package itself. */
export type OfficeJsSource = "cdn" | "bundled";

/** The site's folder inside the package's folder, and where a bundled Office.js lies in the site. */
export const siteFolder = "site";
export const officeJsFolder = "office-js";

type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: "production" },
) => Promise<webpack.Configuration>;

/**
 * Builds the task pane for production with the project's webpack.config.js into a fresh temporary
 * folder (never dist/) and returns it. Only the pane's entry: the browser preview is not deployed.
 */
export async function buildSite(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "water-plan-site-"));
  // webpack.config.js is CommonJS outside the TypeScript program.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const factory = require(path.join(repoRoot, "webpack.config.js")) as ConfigFactory;
  const config = await factory({ WEBPACK_BUILD: true }, { mode: "production" });
  const entries = config.entry as Record<string, string>;
  const compiler = webpack({
    ...config,
    mode: "production",
    context: repoRoot,
    entry: { taskpane: entries.taskpane ?? "./src/taskpane/index.tsx" },
    output: { ...config.output, path: outDir },
    // No source maps in a package: an office hosts the pane, not its sources.
    devtool: false,
    infrastructureLogging: { level: "error" },
  });
  await new Promise<void>((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    });
  });
  return outDir;
}

function filesUnder(dir: string, prefix = ""): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) appendAll(files, filesUnder(full, `${prefix}${name}/`));
    else files.push(`${prefix}${name}`);
  }
  return files;
}

/** What the build leaves that a site does not serve: the preview's page and the build's manifests. */
function servedFromBuild(file: string): boolean {
  return file !== "preview.html" && !/^manifest.*\.xml$/.test(file) && !file.endsWith(".map");
}

export interface PackageRequest {
  /** The checked base URL (parsePackageUrl), ending in "/". */
  readonly base: string;
  readonly officeJs: OfficeJsSource;
  /** The folder buildSite() wrote. */
  readonly siteBuildDir: string;
  /** Where the zip goes (created if missing). */
  readonly outDir: string;
}

export interface PackageResult {
  readonly file: string;
  readonly bytes: number;
  /** Every path in the zip, the top folder included. */
  readonly entries: readonly string[];
  readonly version: string;
}

const readme = (version: string, base: string, officeJs: OfficeJsSource): string =>
  [
    `水污染防治计划助手（Excel 加载项）安装包 版本 ${version}`,
    `Water Plan for Excel, add-in package, version ${version}`,
    "",
    `网址 / base URL: ${base}`,
    `Office.js: ${officeJs === "bundled" ? "随包提供（内网无法访问微软 CDN 时使用） / bundled" : "微软 CDN / Microsoft's CDN"}`,
    "",
    "先读 deploy-guide.md（部署指南，也在 site/deploy-guide.html）。",
    "1. 把 site/ 里的全部文件放到上述网址所在的 HTTPS 服务器目录下；",
    "2. 用浏览器打开上述网址下的 taskpane.html，应看到“请在 Excel 中打开”；",
    "3. 用 manifest.xml 部署加载项（集中部署、共享文件夹或上传）。",
    "",
    "Read deploy-guide.md first. Copy everything in site/ to the HTTPS folder at the base URL, open",
    "taskpane.html there in a browser (it should say to open it inside Excel), then deploy manifest.xml.",
    "",
  ].join("\r\n");

/**
 * Assembles the zip from a site build. Pure file work: the build is buildSite()'s.
 *
 * @example
 * const site = await buildSite();
 * assemblePackage({ base: "https://wp.example.gov.cn/water-plan/", officeJs: "cdn", siteBuildDir: site, outDir: "out" });
 */
export function assemblePackage(request: PackageRequest): PackageResult {
  const { base, officeJs, siteBuildDir, outDir } = request;
  const packageJson = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    version: string;
  };
  const version = packageJson.version;
  const officeVersion = officeVersionOf(version);
  const top = `water-plan-addin-${version}`;
  const files: Zippable = {};
  const text = (name: string, content: string): void => {
    files[`${top}/${name}`] = [new TextEncoder().encode(content), { level: 9 }];
  };
  const bytes = (name: string, content: Uint8Array): void => {
    // PNGs are compressed already.
    files[`${top}/${name}`] = [content, { level: name.endsWith(".png") ? 0 : 9 }];
  };

  text(
    "manifest.xml",
    packageManifest(readFileSync(path.join(repoRoot, "manifest.xml"), "utf8"), base, officeVersion),
  );
  text("README.txt", readme(version, base, officeJs));
  for (const [markdownName, zipName] of Object.entries(guideZipNames)) {
    // Beside site/, the guides link each other by their names in the zip and show site/images/.
    text(zipName, guideForZip(readFileSync(path.join(repoRoot, "docs", markdownName), "utf8")));
  }
  for (const [file, content] of guideSiteFiles(path.join(repoRoot, "docs"), version)) {
    bytes(`${siteFolder}/${file}`, content);
  }

  for (const file of filesUnder(siteBuildDir).filter(servedFromBuild)) {
    const content = readFileSync(path.join(siteBuildDir, file));
    if (file === "taskpane.html" && officeJs === "bundled") {
      text(
        `${siteFolder}/${file}`,
        withBundledOfficeJs(content.toString("utf8"), `${officeJsFolder}/office.js`),
      );
    } else {
      bytes(`${siteFolder}/${file}`, content);
    }
  }
  if (officeJs === "bundled") {
    const dist = officeJsDistDir();
    for (const file of officeJsFiles(dist)) {
      bytes(`${siteFolder}/${officeJsFolder}/${file}`, readFileSync(path.join(dist, ...file.split("/"))));
    }
  }

  const zip = zipSync(files, { mtime: new Date("2000-01-01T00:00:00Z") });
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${top}${officeJs === "bundled" ? "-office-js" : ""}.zip`);
  writeFileSync(file, zip);
  return { file, bytes: zip.byteLength, entries: Object.keys(files), version };
}
