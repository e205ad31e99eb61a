import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * LibreOffice, the independent reader and writer of .xlsx files on CI (`.ci/run` installs
 * libreoffice-calc). Tests that drive it are skipped on a machine without it, and fail on CI.
 */
export const soffice = findOnPath("soffice");

const ci = process.env["CI"] !== undefined && process.env["CI"] !== "" && process.env["CI"] !== "false";

/** `it`, or `it.skip` on a developer's machine without LibreOffice (never on CI). */
export const itWithLibreOffice: jest.It = soffice === null && !ci ? it.skip : it;

/**
 * Converts `file` with LibreOffice into `outDir` ("pdf", "xlsx", "csv:…" filter strings), in a
 * profile of its own so that a LibreOffice the user has open does not take the job. Resolves to
 * LibreOffice's output; rejects when it fails or prints an error.
 *
 * @example
 * await convertWithLibreOffice(join(dir, "book.xlsx"), "pdf", dir);
 */
export async function convertWithLibreOffice(file: string, format: string, outDir: string): Promise<string> {
  // On CI a missing LibreOffice is a failure, not a skip.
  if (soffice === null) throw new Error("soffice is not on PATH: CI must install libreoffice-calc");
  const { stdout, stderr } = await promisify(execFile)(
    soffice,
    [
      `-env:UserInstallation=file://${join(outDir, ".profile")}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      file,
    ],
    { timeout: 100_000 },
  );
  if (/error/i.test(stderr) || !/convert/i.test(stdout)) {
    throw new Error(`LibreOffice did not convert ${file}: ${stdout} ${stderr}`);
  }
  return stdout;
}

/** The command's full path, or null when it is on no PATH directory. */
export function findOnPath(command: string): string | null {
  for (const dir of (process.env["PATH"] ?? "").split(":")) {
    if (dir === "") continue;
    const candidate = join(dir, command);
    try {
      // Synchronous on purpose: whether to skip is decided while the tests are registered.
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}
