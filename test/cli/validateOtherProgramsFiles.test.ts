import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { ExitCode } from "../../src/cli/cliIo";
import { runCli } from "../../src/cli/main";
import { makeIo } from "./recordingIo";

// Whole-workbook loads and saves: more than Jest's default five seconds on a busy machine.
jest.setTimeout(60_000);

interface Report {
  readonly counts: { readonly errors: number; readonly warnings: number };
  readonly issues: readonly { readonly sheet: string; readonly cell: string; readonly code: string }[];
}

async function validateJson(
  file: string,
  ...more: string[]
): Promise<{ exit: ExitCode | undefined; report: Report }> {
  const io = makeIo();
  await runCli(["validate", file, "--today", "2023-06-30", "--json", ...more], io);
  return { exit: io.exitCode(), report: JSON.parse(io.out() || "{}") as Report };
}

describe("validating workbooks other programs saved after the add-in made them", () => {
  it("reads the workbook openpyxl saved and the one LibreOffice saved alike, finding the same issues", async () => {
    const openpyxl = await validateJson("test/fixtures/ok.openpyxl.xlsx");
    const libreoffice = await validateJson("test/fixtures/ok.libreoffice.xlsx");
    expect(openpyxl.exit).toBe(0);
    const found = (r: Report): string[] => r.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`);
    expect(found(openpyxl.report)).toEqual([
      "附件1 任务清单!L8 completion_date_without_done",
      "附件1 任务清单!J47 publication_date_not_set",
      "附件2 国控断面!K4 measured_class_differs",
      // 贝江口's sample lacks core items: 无法判定, no longer 达标 (issue 13).
      "附件2 国控断面!O4 point_items_missing",
    ]);
    expect(found(libreoffice.report)).toEqual(found(openpyxl.report));
  });

  it("writes the marks and 汇总 into a copy of a LibreOffice workbook", async () => {
    const dir = await mkdtemp(join(tmpdir(), "water-plan-fixture-"));
    try {
      const out = join(dir, "marked.xlsx");
      expect((await validateJson("test/fixtures/ok.libreoffice.xlsx", "--out", out)).exit).toBe(0);
      const marked = new Workbook();
      await marked.xlsx.readFile(out);
      expect(marked.getWorksheet("汇总")?.getCell("A6").value).toBe(
        "全市 10 个国家考核断面水质优良比例达 100%",
      );
      expect(JSON.stringify(marked.getWorksheet("附件2 国控断面")?.getCell("K4").note)).toContain("【校验】");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says an encrypted workbook is encrypted, with exit 2", async () => {
    const io = makeIo();
    await runCli(["validate", "test/fixtures/error.encrypted.xlsx", "--lang", "en"], io);
    expect(io.exitCode()).toBe(2);
    expect(io.err()).toContain("is encrypted with a password");
  });
});
