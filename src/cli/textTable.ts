import { wideBreak, wideRanges } from "./localizedHelp";

/** The width a report is laid out to where the output is not a terminal (a file, a pipe, a test). */
export const defaultReportWidth = 100;

const wideCharacter = new RegExp(`[${wideRanges}]`, "u");

/**
 * Columns a text takes in a terminal: CJK and full-width forms take two.
 *
 * @example
 * displayWidth("露塘 Ⅱ类") // 8
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += wideCharacter.test(ch) ? 2 : 1;
  return width;
}

/** A piece longer than the line, cut by characters (a path, a long number): the last resort. */
function cutByCharacters(piece: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const ch of piece) {
    if (current !== "" && displayWidth(current + ch) > width) {
      lines.push(current);
      current = "";
    }
    current += ch;
  }
  return current === "" ? lines : [...lines, current];
}

/**
 * A text as lines of at most `width` columns: broken at spaces, and between CJK characters (never
 * before closing punctuation nor after opening), whole words kept whole where they fit. Nothing is
 * left out: wrapping replaces cutting with "…".
 *
 * @example
 * wrapText("露塘水质Ⅲ类，未达到目标Ⅱ类。", 12) // ["露塘水质Ⅲ类，", "未达到目标Ⅱ", "类。"]
 */
export function wrapText(text: string, width: number): string[] {
  const pieces = (text.match(/\s*\S+/gu) ?? []).flatMap((word) => word.split(wideBreak));
  const lines: string[] = [];
  let current = "";
  for (const piece of pieces) {
    if (displayWidth(current + piece) <= width) {
      current += piece;
      continue;
    }
    if (current !== "") lines.push(current);
    const bare = piece.trimStart();
    const cut = displayWidth(bare) > width ? cutByCharacters(bare, width) : [bare];
    current = cut.pop() ?? "";
    for (const line of cut) lines.push(line);
  }
  if (current !== "" || lines.length === 0) lines.push(current);
  return lines;
}

/** A column is never narrower than its heading, nor than this (unless all its cells are). */
const narrowest = 8;

/**
 * Column widths that fit `width` in all: each column as wide as its widest cell; while the table
 * is too wide the widest column gives way, down to its heading or `narrowest` columns. A table
 * that cannot fit (too many columns for a narrow terminal) is printed wider than the terminal.
 */
function fitColumns(natural: readonly number[], floors: readonly number[], width: number): number[] {
  const widths = [...natural];
  const gaps = 2 * Math.max(0, widths.length - 1);
  let total = widths.reduce((sum, w) => sum + w, gaps);
  while (total > width) {
    let widest = -1;
    widths.forEach((w, c) => {
      if (w > (floors[c] ?? 0) && (widest < 0 || w > (widths[widest] ?? 0))) widest = c;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total -= 1;
  }
  return widths;
}

/**
 * Lays rows out as an aligned text table with a rule under the header, at most `width` columns
 * wide: a cell too long for its column wraps onto further lines of its row, so every word is
 * printed (and then a blank line separates the rows).
 *
 * @example
 * textTable(["名称", "状态"], [["露塘", "达标"]]) // "名称  状态\n----  ----\n露塘  达标"
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width: number = defaultReportWidth,
): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => cell.replace(/\s*\n\s*/gu, " ")));
  // Loops, not Math.max(...): a report of 100,000 issues would overflow the call stack.
  const natural = header.map((_, c) =>
    cells.reduce((max, row) => Math.max(max, displayWidth(row[c] ?? "")), 0),
  );
  const floors = header.map((h, c) => Math.min(natural[c] ?? 0, Math.max(displayWidth(h), narrowest)));
  const widths = fitColumns(natural, floors, width);
  const lines = (row: readonly string[]): string[] => {
    const wrapped = widths.map((w, c) => wrapText(row[c] ?? "", Math.max(1, w)));
    const height = wrapped.reduce((max, l) => Math.max(max, l.length), 1);
    return Array.from({ length: height }, (_, i) =>
      wrapped
        .map((l, c) => {
          const text = l[i] ?? "";
          return `${text}${" ".repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(text)))}`;
        })
        .join("  ")
        .trimEnd(),
    );
  };
  const [head, ...body] = cells;
  const bodyLines = body.map(lines);
  // Where a row takes several lines, a blank line between rows shows where each ends.
  const spaced = bodyLines.some((l) => l.length > 1);
  return [
    ...lines(head ?? []),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...bodyLines.flatMap((l, i) => (spaced && i > 0 ? ["", ...l] : l)),
  ].join("\n");
}
