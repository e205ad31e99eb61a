import { readFile } from "node:fs/promises";
import { goldenFiles, goldenSummary } from "./goldenSummary";

describe("the golden summary of the example workbook", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "is unchanged in %s (npm run write-golden rewrites it after a deliberate change)",
    async (locale) => {
      const expected = await readFile(goldenFiles[locale], "utf8");
      expect(await goldenSummary(locale)).toBe(expected);
    },
  );
});
