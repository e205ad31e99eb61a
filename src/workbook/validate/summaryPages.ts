import type { Locale } from "../../core/locale";
import type { SheetLayout } from "../layout";
import {
  keepBlocksOnPages,
  minimumReadableScale,
  narrowMargins,
  printableHeight,
  printScale,
  type PageBlock,
} from "../printScale";
import { continueTables } from "./continueTables";

/**
 * 汇总's printed pages, decided once every block is on the sheet (the goals, points and tasks of
 * buildSummaryLayout, then the 预警 and month-by-month blocks of summaryOutlook): each table with the
 * heading above it (and a chart anchored beside it) is a block kept whole on a page as far as it fits.
 * A table longer than a page is cut into consecutive tables, each under its heading with "（续）"
 * and its column header (continueTables), so that every printed page of a table starts with the
 * names of its columns: Excel repeats one set of title rows per sheet, and 汇总's are its title.
 * The scale: first, as few blocks longer than a page as can be (only a table with a chart beside it
 * is never cut); then as few pages; then as large as the columns allow. The print area is every
 * column a table uses.
 *
 * @example
 * paginateSummary(appendSummaryOutlook(buildSummaryLayout(…), report, "zh-CN"), "zh-CN")
 */
export function paginateSummary(layout: SheetLayout, locale: Locale): SheetLayout {
  const print = layout.print;
  if (print === null) return layout;
  const columns = layout.tables.reduce((right, t) => Math.max(right, t.rect.col + t.rect.colCount), 1);
  const widest = printScale({
    columnWidths: layout.columnWidths.slice(0, columns),
    titleColumns: null,
    pagesWide: 1,
    orientation: print.orientation,
    margins: narrowMargins,
  });
  const titleRows = print.titleRows.last + 1;
  const pagesAt = (sheet: SheetLayout, at: number) => {
    const { heightOf, blocks } = pageBlocks(sheet);
    return keepBlocksOnPages(
      heightOf,
      titleRows,
      blocks,
      printableHeight(print.orientation, narrowMargins, at),
    );
  };
  let scale = widest;
  let best = pagesAt(layout, scale);
  for (let at = widest - 1; at >= Math.min(widest, minimumReadableScale); at -= 1) {
    const found = pagesAt(layout, at);
    if (found.split < best.split || (found.split === best.split && found.pages < best.pages)) {
      scale = at;
      best = found;
    }
  }
  // The tables cut where the pages fall, then the breaks of the cut sheet: each part fits its page.
  const cut = continueTables(layout, best.cuts, locale);
  const pages = pagesAt(cut, scale);
  return {
    ...cut,
    print: {
      ...print,
      scale,
      margins: narrowMargins,
      columns: { first: 0, last: columns - 1 },
      rowBreaks: pages.rowBreaks,
    },
  };
}

/**
 * The sheet's blocks, top to bottom: each table from the heading above it to its last row or the
 * end of a chart anchored beside it; a table with no chart beside it may be cut after its header.
 */
function pageBlocks(layout: SheetLayout): {
  heightOf: (row: number) => number;
  blocks: PageBlock[];
} {
  const charts = layout.charts ?? [];
  const blocks = [...layout.tables]
    .sort((a, b) => a.rect.row - b.rect.row)
    .map((table): PageBlock => {
      const last = table.rect.row + table.rect.rowCount - 1;
      const chartEnd = charts
        .filter((c) => c.anchor.row >= table.rect.row && c.anchor.row <= last)
        .reduce((end, c) => Math.max(end, c.anchor.row + c.anchor.rowCount - 1), last);
      const first = table.rect.row - 1;
      return chartEnd === last ? { first, last, body: table.rect.row + 1 } : { first, last: chartEnd };
    });
  const heights = new Map(layout.rowHeights.map((h) => [h.row, h.height]));
  const headings = new Set(blocks.map((block) => block.first));
  return {
    // Rows without a height of their own: Excel's 15 pt, 18 for the 12-pt headings.
    heightOf: (row) => heights.get(row) ?? (headings.has(row) ? 18 : 15),
    blocks,
  };
}
