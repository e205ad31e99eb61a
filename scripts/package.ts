/**
 * `npm run package -- --url https://HOST/PATH/ [--office-js cdn|bundled] [--out DIR]`: the add-in as
 * one zip for an office's IT (see scripts/package/buildPackage.ts for what it holds and
 * docs/部署指南.md for what to do with it). A URL Office could not load from is refused before
 * anything is built, with exit code 2.
 */
import path from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { assemblePackage, buildSite, type OfficeJsSource, repoRoot } from "./package/buildPackage";
import { parsePackageUrl } from "./package/packageUrl";

function baseUrl(text: string): string {
  const result = parsePackageUrl(text);
  if (!result.ok) throw new InvalidArgumentError(result.message);
  return result.base;
}

const program = new Command("npm run package --")
  .description("把加载项打包为 IT 可部署的 zip / build the add-in as a zip an office's IT can host")
  .requiredOption(
    "--url <url>",
    "站点的 HTTPS 网址（目录，以 / 结尾） / the HTTPS base URL (a folder, ending in /)",
    baseUrl,
  )
  .addOption(
    new Option(
      "--office-js <source>",
      "Office.js 的来源：cdn（微软 CDN）或 bundled（随包提供） / where Office.js comes from",
    )
      .choices(["cdn", "bundled"])
      .default("cdn"),
  )
  .option("--out <dir>", "zip 的输出目录 / folder for the zip", path.join(repoRoot, "out"))
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<{ url: string; officeJs: OfficeJsSource; out: string }>();
  console.log(`正在构建 / building the task pane for ${options.url} …`);
  const site = await buildSite();
  const result = assemblePackage({
    base: options.url,
    officeJs: options.officeJs,
    siteBuildDir: site,
    outDir: path.resolve(options.out),
  });
  console.log(
    `已写入 / written: ${path.relative(process.cwd(), result.file)} (${(result.bytes / 1024).toFixed(1)} KB, ${result.entries.length} files)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
