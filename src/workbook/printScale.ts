/**
 * How large a sheet prints: the scale at which its columns fit a number of A4 pages across, found
 * from the layout's column widths alone, so that every host (Excel, LibreOffice through the xlsx
 * host) prints the same pages. A fixed scale rather than Excel's "fit to N pages wide": LibreOffice
 * and Excel each fit in their own way (and LibreOffice ignores print title columns when it fits),
 * while a scale is one number both honour.
 */
import type { PrintMargins } from "./layout";

/** A4 in points: 297 mm × 210 mm. */
const a4 = { long: 841.89, short: 595.28 } as const;

/**
 * Excel's "Narrow" margins in inches (left and right 0.25, top and bottom 0.75), with top and
 * bottom trimmed to 0.5 since the add-in prints no page header or footer.
 */
export const narrowMargins: PrintMargins = {
  left: 0.25,
  right: 0.25,
  top: 0.5,
  bottom: 0.5,
  header: 0.2,
  footer: 0.2,
};

/**
 * Points a column of `characters` width takes on paper at 100 %, in whichever program draws it
 * wider: Excel gives 7 px per character of the default font's digit plus 5 px padding, at 0.75 pt
 * a pixel (8.43 → 48 pt); LibreOffice measures the unit with the font it substitutes for Calibri
 * or 等线 (DejaVu Sans where neither is installed, 7 pt a digit), a third wider. Planning for the
 * wider means no program spills a column onto an extra page; Excel then leaves room at the right.
 *
 * @example
 * columnPoints(10); // 70
 */
export function columnPoints(characters: number): number {
  return Math.max((characters * 7 + 5) * 0.75, characters * 7);
}

/**
 * The smallest scale, in percent, at which 11-pt text still prints at 7 pt: text below that is
 * hard to read on paper.
 */
export const minimumReadableScale = 64;

/**
 * Room kept on every page for what the estimate cannot know: the printing program's own rounding
 * of widths and heights.
 */
const slack = 0.98;

export interface PrintScaleInput {
  readonly columnWidths: readonly number[];
  /** Columns repeated at the left of every page (zero-based, inclusive), or null. */
  readonly titleColumns: { readonly first: number; readonly last: number } | null;
  /** At most this many pages across. */
  readonly pagesWide: number;
  readonly orientation: "landscape" | "portrait";
  readonly margins: PrintMargins;
}

/**
 * The largest scale (percent, at most 100) at which the columns fit `pagesWide` pages across,
 * each page after the first repeating the title columns; never below 10 (Excel's least).
 *
 * @example
 * printScale({ columnWidths: [40, 40], titleColumns: null, pagesWide: 1, orientation: "landscape", margins: narrowMargins }); // 100
 */
export function printScale(input: PrintScaleInput): number {
  const paperWidth = input.orientation === "landscape" ? a4.long : a4.short;
  const usable = (paperWidth - (input.margins.left + input.margins.right) * 72) * slack;
  const widths = input.columnWidths.map(columnPoints);
  for (let scale = 100; scale > 10; scale -= 1) {
    if (pagesAcross(widths, input.titleColumns, usable / (scale / 100)) <= input.pagesWide) return scale;
  }
  return 10;
}

/** Pages across the columns take when each page holds `room` points of unscaled columns. */
function pagesAcross(
  widths: readonly number[],
  titleColumns: PrintScaleInput["titleColumns"],
  room: number,
): number {
  const titles =
    titleColumns === null
      ? 0
      : widths.slice(titleColumns.first, titleColumns.last + 1).reduce((sum, w) => sum + w, 0);
  let pages = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > room && used > 0) {
      pages += 1;
      used = titles;
      if (used + width > room) return Infinity;
    }
    used += width;
  }
  return pages;
}

/**
 * A run of rows to keep on one page (a heading with its table). With `body`, the block may be cut
 * into consecutive parts when it is longer than a page: each part after the first repeats the rows
 * from `first` to `body - 1` (its heading and column header) after a blank row like the one above
 * `first`, and the rows from `body` on are shared out among the parts.
 */
export interface PageBlock {
  readonly first: number;
  readonly last: number;
  readonly body?: number;
}

/** Body rows a block's first part takes at least: fewer, and the block starts on a new page. */
const leastFirstPart = 3;

/**
 * Where pages break so that no block is split from its heading: `blocks` are row ranges that should
 * stand whole on a page (a heading with its table); a block that does not fit on what is left of a
 * page starts a new one. A block longer than a page that may be cut (`body`) fills what is left of
 * the page (when at least its heading, header and three rows fit there) and is cut before each row
 * that would run past a page: `cuts` are those rows, before which the continuation's blank row,
 * heading and header are to be inserted, each continuation filling at most one page. A block longer
 * than a page that may not be cut starts a new page and runs on (`split` counts those, their header
 * printed once). Heights are in points; the rows above `titleRows` print on every page. Returns the
 * zero-based rows that start a page (a cut row standing for its continuation's heading), the number
 * of pages, the split blocks and the cuts.
 *
 * @example
 * keepBlocksOnPages(() => 15, 2, [{ first: 3, last: 9 }], 480); // { rowBreaks: [], pages: 1, split: 0, cuts: [] }
 */
export function keepBlocksOnPages(
  heightOf: (row: number) => number,
  titleRows: number,
  blocks: readonly PageBlock[],
  pageHeight: number,
): { rowBreaks: number[]; pages: number; split: number; cuts: number[] } {
  let titles = 0;
  for (let r = 0; r < titleRows; r += 1) titles += heightOf(r);
  const room = pageHeight - titles;
  const rowBreaks: number[] = [];
  const cuts: number[] = [];
  let pages = 1;
  let split = 0;
  let used = 0;
  let row = titleRows;
  const heightOfRows = (first: number, last: number): number => {
    let height = 0;
    for (let r = first; r <= last; r += 1) height += heightOf(r);
    return height;
  };
  for (const block of blocks) {
    // Rows between blocks (blank spacers) go on the current page.
    for (; row < block.first; row += 1) used += heightOf(row);
    const height = heightOfRows(block.first, block.last);
    const body = block.body;
    if (height > room && body !== undefined && body > block.first && body <= block.last) {
      // Cut into parts, each under its own heading and header.
      const head = heightOfRows(block.first, body - 1);
      const spacer = heightOf(block.first - 1);
      const opening = heightOfRows(block.first, Math.min(block.last, body + leastFirstPart - 1));
      if (used > 0 && used + opening + spacer > room) {
        rowBreaks.push(block.first);
        pages += 1;
        used = 0;
      }
      used += head;
      let rowsInPart = 0;
      for (let r = body; r <= block.last; r += 1) {
        const h = heightOf(r);
        // The continuation's blank row ends this page: keep room for it.
        if (rowsInPart > 0 && used + h + spacer > room) {
          cuts.push(r);
          rowBreaks.push(r);
          pages += 1;
          used = head;
          rowsInPart = 0;
        }
        if (head + h > room) split += 1;
        used += h;
        rowsInPart += 1;
        // A row taller than a page runs on.
        while (used > room) {
          used -= room;
          pages += 1;
        }
      }
      row = block.last + 1;
      continue;
    }
    if (height > room) split += 1;
    if (used + height > room && used > 0) {
      rowBreaks.push(block.first);
      pages += 1;
      used = 0;
    }
    used += height;
    // A block longer than a page runs on: count the pages it fills.
    while (used > room) {
      used -= room;
      pages += 1;
    }
    row = block.last + 1;
  }
  return { rowBreaks, pages, split, cuts };
}

/**
 * The height, in points of the sheet, that one printed page holds at `scale` percent.
 *
 * @example
 * printableHeight("landscape", narrowMargins, 100); // ≈ 523
 */
export function printableHeight(
  orientation: "landscape" | "portrait",
  margins: PrintMargins,
  scale: number,
): number {
  const paperHeight = orientation === "landscape" ? a4.short : a4.long;
  return ((paperHeight - (margins.top + margins.bottom) * 72) * slack) / (scale / 100);
}
