import { strFromU8, unzipSync } from "fflate";

/** Decodes the five XML entities docx writes. */
function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, "&");
}

/** The text of a piece of WordprocessingML: its w:t runs joined. */
function textOf(xml: string): string {
  return unescapeXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1] ?? "").join(""));
}

/**
 * What a .docx says, read back from its bytes as a reader would: the body's paragraphs outside
 * tables, each table's rows as cell texts, and the page set-up of its one section.
 */
export function readDocx(bytes: Uint8Array): {
  paragraphs: string[];
  tables: string[][][];
  pageMargin: Record<string, number>;
  pageSize: Record<string, number>;
  fontTable: string;
} {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
  const tables: string[][][] = [];
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/gu, (table) => {
    tables.push(
      [...table.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/gu)].map((row) =>
        [...(row[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/gu)].map((cell) => textOf(cell[1] ?? "")),
      ),
    );
    return "";
  });
  const paragraphs = [...outside.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/gu)]
    .map((p) => textOf(p[1] ?? ""))
    .filter((p) => p !== "");
  const attrs = (tag: string): Record<string, number> => {
    const found = new RegExp(`<w:${tag}\\s([^>]*)/>`, "u").exec(xml)?.[1] ?? "";
    return Object.fromEntries(
      [...found.matchAll(/w:(\w+)="(-?\d+)"/gu)].map((m) => [m[1] ?? "", Number(m[2])]),
    );
  };
  return {
    paragraphs,
    tables,
    pageMargin: attrs("pgMar"),
    pageSize: attrs("pgSz"),
    fontTable: strFromU8(files["word/fontTable.xml"] ?? new Uint8Array()),
  };
}
