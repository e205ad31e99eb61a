import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";

const repoRoot = path.resolve(__dirname, "..", "..");

type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: "production" | "development" },
) => Promise<webpack.Configuration>;

/** What a test asks of the add-in's real webpack.config.js. */
export interface BuildRequest {
  readonly mode: "production" | "development";
  /**
   * The entries to bundle (taskpane, preview); the others are left out to save time. None: only
   * the copied files (the manifest, the icons).
   */
  readonly entries: readonly ("taskpane" | "preview")[];
}

/**
 * Builds the add-in with the project's own webpack.config.js into a fresh temporary directory and
 * returns that directory. Tests never build into dist/, so they cannot race each other (Jest runs
 * files in parallel) or clobber a developer's build.
 *
 * @example
 * const out = await buildAddIn({ mode: "production", entries: ["commands"] });
 * readFileSync(path.join(out, "manifest.xml"), "utf8");
 */
export async function buildAddIn(request: BuildRequest): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "water-plan-build-"));
  // webpack.config.js is plain CommonJS outside the TypeScript program; require it as Node would.
  const factory = createRequire(__filename)(path.join(repoRoot, "webpack.config.js")) as ConfigFactory;
  const config = await factory({ WEBPACK_BUILD: true }, { mode: request.mode });
  const allEntries = config.entry as Record<string, string>;
  const entry: Record<string, string> = {};
  for (const name of request.entries) {
    const file = allEntries[name];
    if (file === undefined) throw new Error(`webpack.config.js has no entry "${name}"`);
    entry[name] = file;
  }
  const compiler = webpack({
    ...config,
    mode: request.mode,
    context: repoRoot,
    entry,
    output: { ...config.output, path: outDir },
    // No source maps: the tests read the pages, not the stack traces, and maps double the time.
    devtool: false,
    infrastructureLogging: { level: "error" },
  });
  await new Promise<void>((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) {
        reject(error);
      } else if (stats?.hasErrors()) {
        reject(new Error(stats.toString({ all: false, errors: true })));
      } else {
        resolve();
      }
    });
  });
  return outDir;
}
