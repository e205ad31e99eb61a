/**
 * The production bundles, as `npm run build` makes them: per entry, the JavaScript the first paint
 * loads (the entry's initial chunks) and the chunks it loads later, raw and gzip. The task pane's
 * first-paint JavaScript has a budget of 133 KB gzip (1 KB = 1000 bytes; what the one-button pane
 * shipped before it learned to validate and summarise); Microsoft's React template's hello-world is
 * 166 KB. Office.js itself comes from Microsoft's CDN and is not counted.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";
import type { BenchCase } from "../benchCase";

const repoRoot = path.resolve(__dirname, "..", "..");
const firstPaintBudgetBytes = 133_000;

type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: "production" },
) => Promise<webpack.Configuration>;

interface EntryFiles {
  readonly initial: readonly string[];
  readonly later: readonly string[];
}

/** Builds every entry in production mode into a temporary folder; returns the folder and each entry's files. */
async function build(): Promise<{ outDir: string; entries: Map<string, EntryFiles> }> {
  const outDir = mkdtempSync(path.join(tmpdir(), "water-plan-bench-"));
  const factory = createRequire(__filename)(path.join(repoRoot, "webpack.config.js")) as ConfigFactory;
  const config = await factory({ WEBPACK_BUILD: true }, { mode: "production" });
  const compiler = webpack({
    ...config,
    mode: "production",
    context: repoRoot,
    output: { ...config.output, path: outDir },
    devtool: false,
    infrastructureLogging: { level: "error" },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (!result || result.hasErrors())
        reject(new Error(result?.toString({ all: false, errors: true })));
      else resolve(result);
    });
  });
  const entries = new Map<string, EntryFiles>();
  for (const [name, entrypoint] of stats.compilation.entrypoints) {
    const initial = [...entrypoint.getFiles()].filter((file) => file.endsWith(".js"));
    const later = new Set<string>();
    const seen = new Set<webpack.ChunkGroup>();
    const visit = (group: webpack.ChunkGroup) => {
      for (const child of group.getChildren()) {
        if (seen.has(child)) continue;
        seen.add(child);
        for (const file of child.getFiles())
          if (file.endsWith(".js") && !initial.includes(file)) later.add(file);
        visit(child);
      }
    };
    visit(entrypoint);
    entries.set(name, { initial, later: [...later].sort() });
  }
  return { outDir, entries };
}

function sizes(outDir: string, files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(outDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

export const benchCase: BenchCase = {
  name: "Production bundles (raw and gzip -9, per entry: first paint, then the chunks loaded later)",
  async run() {
    const { outDir, entries } = await build();
    const lines: string[] = ["| entry | part | files | raw | gzip |", "| --- | --- | --- | --- | --- |"];
    let paneFirstPaint = Number.NaN;
    for (const [name, files] of entries) {
      const initial = sizes(outDir, files.initial);
      if (name === "taskpane") paneFirstPaint = initial.gzip;
      lines.push(
        `| ${name} | first paint | ${files.initial.join(", ")} | ${kb(initial.raw)} | ${kb(initial.gzip)} |`,
      );
      for (const file of files.later) {
        const later = sizes(outDir, [file]);
        lines.push(`| ${name} | later | ${file} | ${kb(later.raw)} | ${kb(later.gzip)} |`);
      }
      const all = sizes(outDir, [...files.initial, ...files.later]);
      lines.push(`| ${name} | all | | ${kb(all.raw)} | ${kb(all.gzip)} |`);
    }
    lines.push(`Task pane first paint: ${kb(paneFirstPaint)} gzip (budget ${kb(firstPaintBudgetBytes)}).`);
    return {
      lines,
      ratios: [
        {
          label: "task pane first-paint JS (gzip) / 133 KB budget",
          ratio: paneFirstPaint / firstPaintBudgetBytes,
          goal: 1,
        },
      ],
    };
  },
};
