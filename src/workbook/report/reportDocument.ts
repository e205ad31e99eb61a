/** The 进展报告 as a host-neutral document: what the .docx renderer lays out and the golden text prints. */

/** A table of the report; `fills` colours single cells (the class grid), by row and column. */
export interface ReportTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly fills?: readonly (readonly (string | null)[])[];
  /** Relative column widths. */
  readonly widths: readonly number[];
}

export type ReportBlock =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "subtitle"; readonly text: string }
  | { readonly kind: "heading1"; readonly text: string }
  | { readonly kind: "heading2"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "table"; readonly caption: string; readonly table: ReportTable }
  | { readonly kind: "legend"; readonly items: readonly { readonly text: string; readonly fill: string }[] };

export interface ReportDocument {
  readonly language: "zh-CN" | "en-US";
  readonly blocks: readonly ReportBlock[];
}

/**
 * The document as plain text, one block a paragraph and tables as Markdown: the golden text of the
 * report's body that a reviewer reads in a diff.
 *
 * @example
 * reportPlainText(doc).startsWith("# ")
 */
export function reportPlainText(doc: ReportDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case "title":
        lines.push(`# ${block.text.replace(/\n/gu, "")}`, "");
        break;
      case "subtitle":
        lines.push(block.text, "");
        break;
      case "heading1":
        lines.push(`## ${block.text}`, "");
        break;
      case "heading2":
        lines.push(`### ${block.text}`, "");
        break;
      case "paragraph":
        lines.push(block.text, "");
        break;
      case "table": {
        const cell = (s: string): string => s.replace(/\|/gu, "\\|");
        lines.push(`**${block.caption}**`, "");
        lines.push(`| ${block.table.header.map(cell).join(" | ")} |`);
        lines.push(`| ${block.table.header.map(() => "---").join(" | ")} |`);
        for (const row of block.table.rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
        lines.push("");
        break;
      }
      case "legend":
        lines.push(block.items.map((i) => i.text).join(" · "), "");
        break;
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
