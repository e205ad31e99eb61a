import { readFileSync } from "node:fs";
import path from "node:path";

/** The plan's source text exactly as committed (seeds/liuzhou-2023-water-plan.txt). */
export const rawSourceText: string = readFileSync(
  path.resolve(__dirname, "..", "..", "..", "seeds", "liuzhou-2023-water-plan.txt"),
  "utf8",
);

/** A Chinese character or full-width punctuation mark: no space is written between two of these. */
const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;

/**
 * The source text with its line-break artefacts undone, for "appears verbatim" checks.
 *
 * The text was extracted from a paginated document, and a page break sometimes falls inside a
 * sentence: "…优良比例达 100%，2\n\n个自治区考核断面…", "…细化责\n\n任分工…". The rule: a run of line
 * breaks between two Chinese characters (or full-width marks) is removed — Chinese has no spaces
 * between characters — and any other run of line breaks becomes one space, the space this document
 * writes between a number and a Chinese word ("全市 10 个国家考核断面"). So the seed stores
 * "2 个自治区考核断面", like "10 个国家考核断面" beside it.
 *
 * Only line breaks are touched, never tabs or spaces, so table cells keep their exact spacing. Real
 * paragraph breaks are joined too; that only lets a string match across two paragraphs, which no
 * seed string needs (the table cells are also checked row by row against the tab-separated rows).
 *
 * @example
 * normaliseSourceText("达 100%，2\n\n个自治区") // "达 100%，2 个自治区"
 */
export function normaliseSourceText(text: string): string {
  return text.replace(/\n+/gu, (breaks: string, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + breaks.length] ?? "";
    return cjk.test(before) && cjk.test(after) ? "" : " ";
  });
}

/** The source's lines between a line equal to `from` and the next line equal to `to` (or the end). */
export function linesBetween(from: string, to: string | null): string[] {
  const lines = rawSourceText.split("\n");
  const start = lines.indexOf(from);
  const end = to === null ? lines.length : lines.indexOf(to, start + 1);
  if (start < 0 || end < 0) throw new Error(`source has no block from "${from}" to "${String(to)}"`);
  return lines.slice(start + 1, end);
}

/** The tab-separated table rows of a block, header rows included, each split into cells. */
export function tableRows(from: string, to: string | null): string[][] {
  return linesBetween(from, to)
    .filter((line) => line.includes("\t"))
    .map((line) => line.split("\t"));
}
