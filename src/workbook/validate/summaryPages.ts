import type { SheetLayout } from "../layout";
import {
  keepBlocksOnPages,
  minimumReadableScale,
  narrowMargins,
  printableHeight,
  printScale,
} from "../printScale";

/**
 * 汇总's printed pages, decided once every block is on the sheet (the goals, points and tasks of
 * buildSummaryLayout, then the 预警 and month-by-month blocks of summaryOutlook): each table with the
 * heading above it (and a chart anchored beside it) is a block kept whole on a page as far as it fits.
 * The scale: first, as few blocks longer than a page as can be; then as few pages; then as large as
 * the columns allow. The print area is every column a table uses.
 *
 * @example
 * paginateSummary(appendSummaryOutlook(buildSummaryLayout(…), report, "zh-CN"))
 */
export function paginateSummary(layout: SheetLayout): SheetLayout {
  const print = layout.print;
  if (print === null) return layout;
  const charts = layout.charts ?? [];
  const blocks = [...layout.tables]
    .sort((a, b) => a.rect.row - b.rect.row)
    .map((table) => {
      const last = table.rect.row + table.rect.rowCount - 1;
      const chartEnd = charts
        .filter((c) => c.anchor.row >= table.rect.row && c.anchor.row <= last)
        .reduce((end, c) => Math.max(end, c.anchor.row + c.anchor.rowCount - 1), last);
      return { first: table.rect.row - 1, last: chartEnd };
    });
  const columns = layout.tables.reduce((right, t) => Math.max(right, t.rect.col + t.rect.colCount), 1);
  const widest = printScale({
    columnWidths: layout.columnWidths.slice(0, columns),
    titleColumns: null,
    pagesWide: 1,
    orientation: print.orientation,
    margins: narrowMargins,
  });
  const heights = new Map(layout.rowHeights.map((h) => [h.row, h.height]));
  const headings = new Set(blocks.map((block) => block.first));
  const titleRows = print.titleRows.last + 1;
  const pagesAt = (at: number): { rowBreaks: number[]; pages: number; split: number } =>
    keepBlocksOnPages(
      // Rows without a height of their own: Excel's 15 pt, 18 for the 12-pt headings.
      (row) => heights.get(row) ?? (headings.has(row) ? 18 : 15),
      titleRows,
      blocks,
      printableHeight(print.orientation, narrowMargins, at),
    );
  let scale = widest;
  let best = pagesAt(scale);
  for (let at = widest - 1; at >= Math.min(widest, minimumReadableScale); at -= 1) {
    const found = pagesAt(at);
    if (found.split < best.split || (found.split === best.split && found.pages < best.pages)) {
      scale = at;
      best = found;
    }
  }
  return {
    ...layout,
    print: {
      ...print,
      scale,
      margins: narrowMargins,
      columns: { first: 0, last: columns - 1 },
      rowBreaks: best.rowBreaks,
    },
  };
}
