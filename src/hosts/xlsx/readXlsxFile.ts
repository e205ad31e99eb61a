import { readFile, stat } from "node:fs/promises";
import { HostError } from "../hostError";
import { refuse, xlsxLimits } from "./prepareXlsxBytes";

/**
 * An `.xlsx` file's bytes, for either xlsx reader. Throws HostError "file_unavailable" when the file
 * cannot be read, and "not_a_workbook" (too large) for a file over xlsxLimits before reading it.
 *
 * @example
 * const bytes = await readXlsxFile("submitted/柳南区.xlsx");
 */
export async function readXlsxFile(path: string): Promise<Buffer> {
  try {
    const { size } = await stat(path);
    if (size > xlsxLimits.fileBytes) {
      throw refuse("too_large", `${path} has ${size} bytes, over ${xlsxLimits.fileBytes}.`, {
        bytes: size,
        limit: xlsxLimits.fileBytes,
      });
    }
    return await readFile(path);
  } catch (cause) {
    if (cause instanceof HostError) throw cause;
    throw new HostError("file_unavailable", `Cannot read ${path}.`, { cause });
  }
}
