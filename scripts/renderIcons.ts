/**
 * Renders assets/icon.svg to the PNG icons the manifest names (16, 32, 64 and 80 px), with
 * Debian's Chromium driven by playwright-core, so the icons are drawn once as vector art and never
 * edited as pixels. Run after changing the SVG and commit the PNGs:
 *
 *   npx tsx scripts/renderIcons.ts
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "./chromium";

/** The sizes Office asks for: 16/32/80 for ribbon buttons, 32/64 for IconUrl/HighResolutionIconUrl. */
const iconSizes = [16, 32, 64, 80] as const;

/** Below this size the SVG's `.detail` elements are hidden: thin lines only blur at 16 px. */
const smallIconMax = 16;

const assetsDir = path.resolve(__dirname, "..", "assets");

/** The page that shows the SVG at one size on a transparent background. */
function pageFor(svg: string, size: number): string {
  const hideDetail = size <= smallIconMax ? ".detail { display: none; }" : "";
  return `<!doctype html><html><head><style>
    html, body { margin: 0; padding: 0; background: transparent; }
    svg { display: block; width: ${size}px; height: ${size}px; }
    ${hideDetail}
  </style></head><body>${svg}</body></html>`;
}

async function renderIcons(): Promise<void> {
  const svg = await readFile(path.join(assetsDir, "icon.svg"), "utf8");
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  try {
    for (const size of iconSizes) {
      // One page per size: the viewport is the icon, so the screenshot is exactly size × size.
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(pageFor(svg, size));
      const png = await page.screenshot({ omitBackground: true, type: "png" });
      const file = path.join(assetsDir, `icon-${size}.png`);
      await writeFile(file, png);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

renderIcons().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
