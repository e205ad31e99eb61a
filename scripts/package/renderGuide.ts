/**
 * The guides of docs/ as pages of the package's site (help.html is 使用说明, which SupportUrl names;
 * deploy-guide.html is 部署指南). A small Markdown reader for what the guides use — headings,
 * paragraphs, flat lists, fenced code, tables, block quotes, `code`, **bold**, links and images — so the
 * package needs no Markdown library; anything else shows as text. The pages carry their own
 * Content-Security-Policy: no script at all, styles only from help.css beside them.
 */

/** What a link to a guide becomes in the site, so the pages link each other. */
export const guidePages: Readonly<Record<string, string>> = {
  "使用说明.md": "help.html",
  "部署指南.md": "deploy-guide.html",
};

export const guidePolicy =
  "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function renderInline(text: string): string {
  const parts = text.split(/(`[^`]+`)/);
  return parts
    .map((part) => {
      if (part.startsWith("`") && part.endsWith("`") && part.length > 1) {
        return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      }
      return (
        escapeHtml(part)
          .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
          // Images before links: `![alt](src)` holds a link's shape. Served from the site itself, as
          // the pages' img-src 'self' requires.
          .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, '<img src="$2" alt="$1" />')
          .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => {
            const target = guidePages[href.replace(/^(\.\/)?(docs\/)?/, "")] ?? href;
            return `<a href="${target}">${label}</a>`;
          })
      );
    })
    .join("");
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
}

/**
 * The Markdown's body as HTML.
 *
 * @example
 * renderMarkdown("# 标题\n\n一段 **文字**。"); // "<h1>标题</h1>\n<p>一段 <strong>文字</strong>。</p>"
 */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  const html: string[] = [];
  let i = 0;
  const at = (n: number): string => lines[n] ?? "";
  while (i < lines.length) {
    const line = at(i);
    if (line.trim() === "") {
      i += 1;
      continue;
    }
    const fence = /^```/.exec(line);
    if (fence) {
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !at(i).startsWith("```")) code.push(at(i++));
      i += 1;
      html.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      html.push(`<h${level}>${renderInline(heading[2] ?? "")}</h${level}>`);
      i += 1;
      continue;
    }
    if (line.trimStart().startsWith("|") && /^\s*\|?\s*:?-{3,}/.test(at(i + 1))) {
      const header = tableCells(line);
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && at(i).trimStart().startsWith("|")) rows.push(tableCells(at(i++)));
      const body = rows.map(
        (row) => `<tr>${row.map((cell) => `<td>${renderInline(cell)}</td>`).join("")}</tr>`,
      );
      html.push(
        `<table>\n<thead><tr>${header.map((cell) => `<th>${renderInline(cell)}</th>`).join("")}</tr></thead>\n` +
          `<tbody>\n${body.join("\n")}\n</tbody>\n</table>`,
      );
      continue;
    }
    const listItem = /^(\s*)([-*]|\d+\.)\s+(.*)$/;
    const first = listItem.exec(line);
    if (first) {
      const ordered = /\d/.test(first[2] ?? "");
      const items: string[] = [];
      while (i < lines.length) {
        const item = listItem.exec(at(i));
        if (item) {
          items.push(item[3] ?? "");
        } else if (/^\s{2,}\S/.test(at(i)) && items.length > 0) {
          items[items.length - 1] = `${items[items.length - 1] ?? ""} ${at(i).trim()}`;
        } else {
          break;
        }
        i += 1;
      }
      const tag = ordered ? "ol" : "ul";
      html.push(`<${tag}>${items.map((item) => `<li>${renderInline(item)}</li>`).join("")}</${tag}>`);
      continue;
    }
    if (line.startsWith(">")) {
      const quote: string[] = [];
      while (i < lines.length && at(i).startsWith(">")) quote.push(at(i++).replace(/^>\s?/, ""));
      html.push(`<blockquote>${renderMarkdown(quote.join("\n"))}</blockquote>`);
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      at(i).trim() !== "" &&
      !/^(#{1,4}\s|```|>|\s*([-*]|\d+\.)\s|\s*\|)/.test(at(i))
    ) {
      paragraph.push(at(i++).trim());
    }
    html.push(`<p>${renderInline(paragraph.join(" "))}</p>`);
  }
  return html.join("\n");
}

/** A whole page of the site for one guide; `title` is the first heading. */
export function renderGuidePage(markdown: string, version: string): string {
  const title = /^#\s+(.*)$/m.exec(markdown)?.[1] ?? "水污染防治计划助手";
  return [
    "<!doctype html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="UTF-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<meta http-equiv="Content-Security-Policy" content="${guidePolicy}" />`,
    `<title>${escapeHtml(title)} · 水污染防治计划助手 ${escapeHtml(version)}</title>`,
    '<link rel="stylesheet" href="help.css" />',
    "</head>",
    "<body>",
    "<main>",
    renderMarkdown(markdown),
    `<p class="version">水污染防治计划助手 版本 ${escapeHtml(version)}</p>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** The guides' one stylesheet. */
export const guideCss = `body { margin: 0; font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif; line-height: 1.7; color: #201f1e; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #0f6cbd; padding-bottom: 0.3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
code { font-family: Consolas, "Courier New", monospace; background: #f3f2f1; padding: 0 0.2rem; }
pre { background: #f3f2f1; padding: 0.8rem; overflow-x: auto; }
pre code { padding: 0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #c8c6c4; padding: 0.3rem 0.6rem; vertical-align: top; text-align: left; }
th { background: #f3f2f1; }
blockquote { border-left: 4px solid #0f6cbd; margin: 1rem 0; padding: 0.2rem 1rem; background: #f5f9fd; }
main img { display: block; max-width: 100%; height: auto; margin: 0.6rem 0; border: 1px solid #c8c6c4; }
.version { color: #605e5c; margin-top: 3rem; font-size: 0.9rem; }
@media print { main { max-width: none; } }
`;
