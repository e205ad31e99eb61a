/**
 * 使用说明's screenshots (docs/images/, taken from the preview by test/taskpane/preview.browser.test.ts)
 * and the guides as the zip holds them. Fast: no build, no browser.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { guideForZip, guideImages, guideSiteFiles } from "../../scripts/package/guideSite";
import { renderMarkdown } from "../../scripts/package/renderGuide";

const docsDir = path.resolve(__dirname, "..", "..", "docs");
const imagesDir = path.join(docsDir, "images");
const userGuide = readFileSync(path.join(docsDir, "使用说明.md"), "utf8");
const deployGuide = readFileSync(path.join(docsDir, "部署指南.md"), "utf8");

describe("使用说明's screenshots", () => {
  const shown = guideImages(userGuide);

  it("are shown by the guide, each one in docs/images/", () => {
    expect(shown.length).toBeGreaterThanOrEqual(5);
    for (const image of shown) {
      expect(image).toMatch(/^images\/[\w-]+\.png$/u);
      expect({ image, exists: existsSync(path.join(docsDir, image)) }).toEqual({ image, exists: true });
    }
  });

  it("hold no image the guide does not show, and stay small (under 1.5 MB together)", () => {
    const held = readdirSync(imagesDir).map((name) => `images/${name}`);
    expect(held.sort()).toEqual([...new Set(shown)].sort());
    const total = held.reduce((sum, image) => sum + statSync(path.join(docsDir, image)).size, 0);
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });

  it("are PNGs at most 1280 px wide", () => {
    for (const image of shown) {
      const bytes = readFileSync(path.join(docsDir, image));
      expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      // IHDR: width at byte 16, big-endian.
      expect({ image, wide: bytes.readUInt32BE(16) <= 1280 }).toEqual({ image, wide: true });
    }
  });

  it("go into the site beside help.html, which shows them from its own origin", () => {
    const files = guideSiteFiles(docsDir, "9.9.9");
    const help = new TextDecoder().decode(files.get("help.html"));
    for (const image of shown) {
      expect(files.has(image)).toBe(true);
      expect(help).toContain(`<img src="${image}"`);
    }
  });

  it("that a guide shows but docs/images/ lacks stop the package", () => {
    const docs = mkdtempSync(path.join(tmpdir(), "water-plan-docs-"));
    writeFileSync(path.join(docs, "部署指南.md"), "# 部署指南\n");
    writeFileSync(path.join(docs, "使用说明.md"), "# 使用说明\n\n![生成](images/1-generate.png)\n");
    expect(() => guideSiteFiles(docs, "9.9.9")).toThrow(/images\/1-generate\.png/u);
    mkdirSync(path.join(docs, "images"));
    writeFileSync(path.join(docs, "images", "1-generate.png"), "png");
    expect([...guideSiteFiles(docs, "9.9.9").keys()].sort()).toEqual(
      ["deploy-guide.html", "help.css", "help.html", "images/1-generate.png"].sort(),
    );
  });
});

describe("the guides as pages and in the zip", () => {
  it("renders an image as an img of the site, not as a link", () => {
    expect(renderMarkdown("![生成计划表格](images/1-generate.png)")).toBe(
      '<p><img src="images/1-generate.png" alt="生成计划表格" /></p>',
    );
  });

  it("link each other by their names in the zip and show the screenshots under site/", () => {
    expect(
      guideForZip("见 [使用说明](使用说明.md) 和 [部署指南](部署指南.md)，[外部](https://x/y.md)。"),
    ).toBe("见 [使用说明](user-guide.md) 和 [部署指南](deploy-guide.md)，[外部](https://x/y.md)。");
    expect(guideForZip("![生成](images/1-generate.png)")).toBe("![生成](site/images/1-generate.png)");
    const zipped = guideForZip(deployGuide);
    expect(deployGuide).toContain("(使用说明.md)");
    expect(zipped).not.toContain("(使用说明.md)");
    expect(zipped).toContain("(user-guide.md)");
    expect(guideForZip(userGuide)).not.toMatch(/\]\((部署指南|使用说明)\.md\)|\]\(images\//u);
  });
});
