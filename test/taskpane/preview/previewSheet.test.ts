import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import { toPreviewSheet } from "../../../src/taskpane/preview/previewSheet";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";

describe("the preview's sheet", () => {
  it("draws a merged area as one cell across its columns, as Excel shows the note under a title", async () => {
    const book = new MemoryWorkbook();
    await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    const memorySheet = book.sheet("附件1 任务清单");
    if (memorySheet === undefined) throw new Error("no sheet");
    const merges = memorySheet.layout?.merges ?? [];
    expect(merges.length).toBeGreaterThan(0);
    const sheet = toPreviewSheet(memorySheet);
    for (const merge of merges) {
      const anchor = sheet?.rows[merge.row]?.[merge.col];
      expect(anchor?.span).toEqual({ rows: merge.rowCount, cols: merge.colCount });
      expect(anchor?.covered).toBe(false);
      if (merge.colCount > 1) expect(sheet?.rows[merge.row]?.[merge.col + 1]?.covered).toBe(true);
    }
    // A cell outside every merge is drawn on its own.
    expect(sheet?.rows[3]?.[0]).toMatchObject({ span: null, covered: false });
  });
});
