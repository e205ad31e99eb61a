import { readFile } from "node:fs/promises";
import { goldenReport, goldenReportFiles } from "./goldenReport";

describe("the golden body of the example workbook's 进展报告", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "is unchanged in %s (npm run write-golden rewrites it after a deliberate change)",
    async (locale) => {
      const expected = await readFile(goldenReportFiles[locale], "utf8");
      expect(await goldenReport(locale)).toBe(expected);
    },
  );
});
