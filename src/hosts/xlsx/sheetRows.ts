import { attributeIn, nameHash, type ScannedTag, XmlTagScanner } from "./xmlTagScanner";
import { inflateEntryChunks, type ZipEntry } from "./zipArchive";

/** One `<c>` of a row: its zero-based column, attributes and whole XML. */
export interface RowCell {
  readonly col: number;
  /** The attributes as written (`r="B5" s="11" t="s"`). */
  readonly attributes: string;
  /** The content between the tags ("<v>3</v>"), "" for an empty cell. */
  readonly inner: string;
  readonly s: string | undefined;
  readonly t: string | undefined;
}

/** One `<row>`: its zero-based number, its start tag's attributes and its cells. */
export interface SheetRow {
  readonly row: number;
  readonly attributes: string;
  readonly s: string | undefined;
  readonly cells: readonly RowCell[];
}

/** A worksheet's XML around its rows: everything up to `<sheetData>` and from `</sheetData>` on. */
export interface SheetFrame {
  readonly head: string;
  readonly tail: string;
}

const hashes = { sheetData: nameHash("sheetData"), row: nameHash("row") } as const;

/**
 * Walks a worksheet part as it inflates, one row at a time: `onRow` gets each row parsed (cells
 * without an address get the next column, as Excel reads them), so that a sheet of any size is
 * never one string. Returns the XML around the rows. Element names lose the prefix of the main
 * namespace (`x:row` → `row`), as the rows are written back under ExcelJS's default namespace.
 *
 * @example
 * const frame = walkSheetRows(entry, (row) => rows.push(row));
 */
export function walkSheetRows(
  entry: ZipEntry,
  onRow: (row: SheetRow) => void,
  onHead: (head: string) => void = () => undefined,
): SheetFrame {
  const head: Uint8Array[] = [];
  const tail: Uint8Array[] = [];
  let state: "head" | "rows" | "tail" = "head";
  let rowParts: Uint8Array[] | null = null;
  let previousRow = -1;
  const decoder = new TextDecoder();
  let prefix: RegExp | null = null;
  const text = (parts: Uint8Array[]): string => {
    const xml = decoder.decode(concat(parts));
    return prefix === null ? xml : xml.replace(prefix, "<$1");
  };
  const finishRow = (): void => {
    if (rowParts === null) return;
    let xml = decoder.decode(concat(rowParts));
    rowParts = null;
    if (prefix !== null) xml = xml.replace(prefix, "<$1");
    const row = parseRowXml(xml, previousRow);
    previousRow = row.row;
    onRow(row);
  };
  const copy = (buffer: Uint8Array, start: number, end: number): Uint8Array => buffer.slice(start, end);
  const onTag = (tag: ScannedTag): void => {
    const bytes = copy(tag.buffer, tag.start, tag.end);
    switch (state) {
      case "head":
        head.push(bytes);
        if (prefix === null && tag.kind === "open" && head.length <= 3) {
          const name = /^<([\w.-]+):worksheet\b/u.exec(decoder.decode(bytes))?.[1];
          if (name !== undefined) prefix = new RegExp(`<(/?)${name}:`, "gu");
        }
        if (tag.localHash === hashes.sheetData && tag.kind !== "close") {
          if (tag.kind === "empty") {
            // <sheetData/>: written open and closed, so that rows can go between.
            head[head.length - 1] = new TextEncoder().encode("<sheetData>");
            tail.push(new TextEncoder().encode("</sheetData>"));
            state = "tail";
          } else {
            state = "rows";
          }
          onHead(text(head));
        }
        return;
      case "rows":
        if (rowParts !== null) {
          rowParts.push(bytes);
          if (tag.kind === "close" && tag.localHash === hashes.row) finishRow();
          return;
        }
        if (tag.localHash === hashes.row && tag.kind !== "close") {
          rowParts = [bytes];
          if (tag.kind === "empty") finishRow();
          return;
        }
        if (tag.localHash === hashes.sheetData && tag.kind === "close") {
          state = "tail";
          tail.push(bytes);
        }
        return;
      case "tail":
        tail.push(bytes);
        return;
    }
  };
  const onText = (buffer: Uint8Array, start: number, end: number): void => {
    if (state === "head") head.push(copy(buffer, start, end));
    else if (state === "tail") tail.push(copy(buffer, start, end));
    else if (rowParts !== null) rowParts.push(copy(buffer, start, end));
  };
  const scanner = new XmlTagScanner(onTag, onText);
  inflateEntryChunks(entry, (chunk) => {
    scanner.push(chunk);
  });
  scanner.end();
  return { head: text(head), tail: text(tail) };
}

/**
 * The rows of a worksheet's XML held as a string (ExcelJS's output, which is small), with the XML
 * around them.
 *
 * @example
 * const { frame, rows } = parseSheetXml(xml);
 */
export function parseSheetXml(xml: string): { frame: SheetFrame; rows: Map<number, SheetRow> } {
  const open = /<sheetData\b[^>]*?(\/?)>/u.exec(xml);
  if (open === null) throw new Error("The worksheet has no <sheetData>.");
  const headEnd = open.index + open[0].length;
  if (open[1] === "/") {
    // An empty <sheetData/> is opened and closed, so that rows can be written between.
    const frame = {
      head: `${xml.slice(0, open.index)}<sheetData>`,
      tail: `</sheetData>${xml.slice(headEnd)}`,
    };
    return { frame, rows: new Map() };
  }
  const close = xml.indexOf("</sheetData>", headEnd);
  const rows = new Map<number, SheetRow>();
  let previous = -1;
  for (const [rowXml] of xml.slice(headEnd, close).matchAll(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/gu)) {
    const row = parseRowXml(rowXml, previous);
    previous = row.row;
    rows.set(row.row, row);
  }
  return { frame: { head: xml.slice(0, headEnd), tail: xml.slice(close) }, rows };
}

const rowPattern = /^<row\b([^>]*?)\/?>/u;
const cellPattern = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/gu;

/**
 * A row's XML (unprefixed) as a SheetRow; `previous` is the row before it, for a row without `r`.
 *
 * @example
 * parseRowXml('<row r="5"><c r="B5" s="3"><v>1</v></c></row>', 3).cells[0]?.col // 1
 */
export function parseRowXml(xml: string, previous: number): SheetRow {
  const attributes = rowPattern.exec(xml)?.[1] ?? "";
  const r = attributeIn(` ${attributes}`, "r");
  const row = r === undefined ? previous + 1 : Number(r) - 1;
  const cells: RowCell[] = [];
  let col = -1;
  for (const match of xml.matchAll(cellPattern)) {
    const cellAttributes = match[1] ?? "";
    const padded = ` ${cellAttributes}`;
    const ref = attributeIn(padded, "r");
    col = ref === undefined ? col + 1 : columnOfRef(ref);
    cells.push({
      col,
      attributes: cellAttributes,
      inner: match[2] ?? "",
      s: attributeIn(padded, "s"),
      t: attributeIn(padded, "t"),
    });
  }
  return { row, attributes, s: attributeIn(` ${attributes}`, "s"), cells };
}

/** "AB12" → 27 (zero-based); -1 for what is not a reference. */
function columnOfRef(ref: string): number {
  let col = 0;
  let i = ref.startsWith("$") ? 1 : 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  return col - 1;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  let length = 0;
  for (const part of parts) length += part.length;
  const whole = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}
