import { deflatedEntry, inflateEntry, type ZipEntry } from "./zipArchive";
import { joinPart, relativePart } from "./partPath";

/**
 * Rewrites the parts of an .xlsx that other programs write validly but ExcelJS 4.4 cannot follow,
 * so that their files load like the add-in's own:
 *
 * - relationship targets written as absolute part names (openpyxl: `/xl/tables/table1.xml`)
 *   become the relative targets ExcelJS looks parts up by (`../tables/table1.xml`);
 * - tables, notes (comments) and their VML drawings stored under other names (openpyxl:
 *   `xl/comments/comment1.xml`, `xl/drawings/commentsDrawing1.vml`) are renamed to the names
 *   ExcelJS finds them by (`xl/comments1.xml`, `xl/drawings/vmlDrawing1.vml`);
 * - a table without `headerRowCount` gets `headerRowCount="1"`: the schema's default, which ExcelJS
 *   reads as 0 and would then write, turning the header row into data (Excel omits the attribute);
 * - a note whose text is a plain `<t>` (openpyxl) rather than rich-text runs gets one run around
 *   it: ExcelJS reads only runs, and would read the note as empty;
 * - a sheet protection whose flags are written `true`/`false` (LibreOffice: `sheet="true"`), which
 *   the schema allows, gets them as `1`/`0`: ExcelJS reads only those, and would take a protected
 *   sheet for an unprotected one, then save it without its protection.
 *
 * Returns the entries unchanged (the same array) when nothing needs rewriting. `protectedSheets`
 * says which sheets have a `<sheetProtection>` (null: look in every sheet).
 *
 * @example
 * const entries = normalisePackage(readZip(bytes));
 */
export function normalisePackage(
  entries: readonly ZipEntry[],
  protectedSheets: ((name: string) => boolean) | null = null,
): readonly ZipEntry[] {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const renames = new Map<string, string>();
  const rewritten = new Map<string, string>();
  const numbers = new PartNumbers(entries.map((entry) => entry.name));

  for (const sheetRels of entries.filter((entry) => sheetRelsPattern.test(entry.name))) {
    const sheetDir = "xl/worksheets";
    const xml = text(sheetRels);
    const fixed = rewriteTargets(xml, (type, target) => {
      const kind = partKinds.find((candidate) => type.endsWith(candidate.relType));
      const part = resolveTarget(sheetDir, target);
      if (kind === undefined) return target.startsWith("/") ? relativePart(sheetDir, part) : target;
      let name = renames.get(part) ?? part;
      if (!kind.pattern.test(name) && byName.has(part)) {
        name = kind.nameFor(numbers.next(kind.counter));
        renames.set(part, name);
      }
      return relativePart(sheetDir, name);
    });
    if (fixed !== xml) rewritten.set(sheetRels.name, fixed);
  }

  for (const table of entries) {
    const name = renames.get(table.name) ?? table.name;
    if (!tablePattern.test(name)) continue;
    const xml = rewritten.get(table.name) ?? text(table);
    const fixed = xml.replace(/<table\b[^>]*>/, (tag) =>
      /\sheaderRowCount\s*=/.test(tag) ? tag : tag.replace(/^<table\b/, '<table headerRowCount="1"'),
    );
    if (fixed !== xml) rewritten.set(table.name, fixed);
  }

  for (const comments of entries) {
    const name = renames.get(comments.name) ?? comments.name;
    if (!commentsPattern.test(name)) continue;
    const xml = text(comments);
    const fixed = xml.replace(
      /(<text\b[^>]*>)\s*(<t\b[^>]*>[\s\S]*?<\/t>|<t\b[^>]*\/>)/g,
      (_, open: string, plain: string) => `${open}<r>${plain}</r>`,
    );
    if (fixed !== xml) rewritten.set(comments.name, fixed);
  }

  // Only sheets with a protection element, where the caller knows them (surveyPackage does).
  for (const sheet of entries.filter(
    (entry) => sheetPattern.test(entry.name) && (protectedSheets?.(entry.name) ?? true),
  )) {
    // Sheets can be large: look for the element in the bytes, and decode a sheet only to fix it.
    const bytes = Buffer.from(inflateEntry(sheet));
    const start = bytes.indexOf("<sheetProtection");
    if (start < 0) continue;
    const end = bytes.indexOf(">", start) + 1;
    const element = bytes.subarray(start, end).toString("utf8");
    const fixed = element.replace(
      /(\s\w+\s*=\s*)(["'])(true|false)\2/g,
      (_, name: string, quote: string, flag: string) =>
        `${name}${quote}${flag === "true" ? "1" : "0"}${quote}`,
    );
    if (fixed === element) continue;
    rewritten.set(
      sheet.name,
      bytes.subarray(0, start).toString("utf8") + fixed + bytes.subarray(end).toString("utf8"),
    );
  }

  if (renames.size === 0 && rewritten.size === 0) return entries;
  return entries.map((entry) => {
    const name = renames.get(entry.name) ?? entry.name;
    const xml = rewritten.get(entry.name);
    if (xml !== undefined) return deflatedEntry(name, Buffer.from(xml, "utf8"), entry);
    return name === entry.name ? entry : { ...entry, name };
  });
}

const sheetRelsPattern = /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/;
const sheetPattern = /^xl\/worksheets\/[^/]+\.xml$/;
const tablePattern = /^xl\/tables\/table\d+\.xml$/;
const commentsPattern = /^xl\/comments\d+\.xml$/;

/** The parts ExcelJS finds by name (see its xlsx.js), keyed by the end of their relationship type. */
const partKinds: readonly {
  readonly relType: string;
  readonly pattern: RegExp;
  readonly counter: string;
  readonly nameFor: (n: number) => string;
}[] = [
  { relType: "/table", pattern: tablePattern, counter: "table", nameFor: (n) => `xl/tables/table${n}.xml` },
  {
    relType: "/comments",
    pattern: commentsPattern,
    counter: "comments",
    nameFor: (n) => `xl/comments${n}.xml`,
  },
  {
    relType: "/vmlDrawing",
    pattern: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
    counter: "vmlDrawing",
    nameFor: (n) => `xl/drawings/vmlDrawing${n}.vml`,
  },
];

/** Hands out numbers above every one already used by a part of that kind, so renames never collide. */
class PartNumbers {
  private readonly highest = new Map<string, number>();

  constructor(names: readonly string[]) {
    for (const name of names) {
      const match = /(table|comments|vmlDrawing)(\d+)\.(xml|vml)$/.exec(name);
      if (match !== null) {
        const [, counter = "", digits = "0"] = match;
        this.highest.set(counter, Math.max(this.highest.get(counter) ?? 0, Number(digits)));
      }
    }
  }

  next(counter: string): number {
    const n = (this.highest.get(counter) ?? 0) + 1;
    this.highest.set(counter, n);
    return n;
  }
}

/** Calls `fix(type, target)` for every internal relationship and writes back the target it returns. */
function rewriteTargets(xml: string, fix: (type: string, target: string) => string): string {
  return xml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (element) => {
    if (/\sTargetMode\s*=\s*["']External["']/.test(element)) return element;
    const type = /\sType\s*=\s*["']([^"']*)["']/.exec(element)?.[1] ?? "";
    const target = /\sTarget\s*=\s*["']([^"']*)["']/.exec(element)?.[1];
    if (target === undefined) return element;
    const fixed = escapeXml(fix(type, unescapeXml(target)));
    return fixed === target ? element : element.replace(/(\sTarget\s*=\s*["'])[^"']*/, `$1${fixed}`);
  });
}

/** A target as a part name: absolute ones from the package root, others from the source's folder. */
function resolveTarget(sourceDir: string, target: string): string {
  return target.startsWith("/") ? joinPart("", target) : joinPart(sourceDir, target);
}

function text(entry: ZipEntry): string {
  return Buffer.from(inflateEntry(entry)).toString("utf8");
}

function unescapeXml(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
