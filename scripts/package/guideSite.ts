/**
 * The guides as the site serves them: help.html (使用说明, which SupportUrl and the pane's foot
 * link), deploy-guide.html (部署指南), help.css and the screenshots 使用说明 shows (docs/images/,
 * which test/taskpane/preview.browser.test.ts takes from the preview). One set of files for the
 * package (buildPackage.ts) and the dev server (webpack.config.js serves them on request, so the
 * pane's link works under `npm run start` and `npm run preview`).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { guideCss, guidePages, renderGuidePage } from "./renderGuide";

/** The screenshots' folder, in docs/ and in the site alike. */
export const guideImagesFolder = "images";

/** Each guide's name inside the zip, beside site/ (ASCII: see buildPackage.ts). */
export const guideZipNames: Readonly<Record<string, string>> = {
  "使用说明.md": "user-guide.md",
  "部署指南.md": "deploy-guide.md",
};

/**
 * The images a guide shows (`![…](images/NAME.png)`), in their order, as paths under docs/.
 *
 * @example
 * guideImages("![生成](images/1-generated.png)"); // ["images/1-generated.png"]
 */
export function guideImages(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? "");
}

/**
 * A guide as the zip holds it beside site/: links to the other guide by its name in the zip
 * (user-guide.md, deploy-guide.md), images from site/images/.
 *
 * @example
 * guideForZip("见 [使用说明](使用说明.md)。"); // "见 [使用说明](user-guide.md)。"
 */
export function guideForZip(markdown: string): string {
  return markdown.replace(
    /(!?)\[([^\]]*)\]\(([^)\s]+)\)/g,
    (whole, bang: string, label: string, href: string) => {
      if (bang === "!") {
        return href.startsWith(`${guideImagesFolder}/`) ? `![${label}](site/${href})` : whole;
      }
      const target = guideZipNames[href.replace(/^(\.\/)?(docs\/)?/, "")];
      return target === undefined ? whole : `[${label}](${target})`;
    },
  );
}

/**
 * Every guide file of the site, by its path under the site: the pages, their stylesheet and every
 * image a guide shows. Throws when a guide shows an image docs/images/ lacks.
 *
 * @example
 * guideSiteFiles(path.join(repoRoot, "docs"), "0.1.0").get("help.html");
 */
export function guideSiteFiles(docsDir: string, version: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  for (const [markdownName, page] of Object.entries(guidePages)) {
    const markdown = readFileSync(path.join(docsDir, markdownName), "utf8");
    files.set(page, encode(renderGuidePage(markdown, version)));
    for (const image of guideImages(markdown)) {
      const file = path.join(docsDir, ...image.split("/"));
      if (!image.startsWith(`${guideImagesFolder}/`) || !existsSync(file)) {
        throw new Error(`${markdownName} shows ${image}, which docs/${guideImagesFolder}/ does not hold`);
      }
      files.set(image, readFileSync(file));
    }
  }
  files.set("help.css", encode(guideCss));
  return files;
}
