import { nativeDeflater } from "./nativeDeflater";
import { sharedStringXml } from "./tableAppend";
import { nameHash, XmlTagScanner } from "./xmlTagScanner";
import { gathered, inflateEntryChunks, type ZipEntry, type ZipWriter } from "./zipArchive";

/*
 * The shared-strings part as the patching xlsx host writes it (see XlsxPatchingWorkbook): the
 * strings of the package it starts from, then the file's own, then the texts the write added.
 */

/** Where the package's shared strings are written. */
export const stringsPart = "xl/sharedStrings.xml";

/** A shared-strings part with no strings, to write the file's and the added ones into. */
export const emptyStrings =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * How many strings a shared-strings part holds.
 *
 * @example
 * countStrings('<sst><si><t>a</t></si></sst>') // 1
 */
export function countStrings(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf("<si"); at >= 0; at = xml.indexOf("<si", at + 3)) {
    const next = xml[at + 3];
    if (next === ">" || next === " " || next === "/") count++;
  }
  return count;
}

const siHash = nameHash("sst");

/**
 * Writes the shared strings: ExcelJS's (from `excelXml`; emptyStrings when the write went in place),
 * then every one of the file's, streamed from its part, so that a large sheet's string number n
 * becomes ExcelJS's count + n; then the texts the write added (`added`), numbered after those.
 *
 * @example
 * writeStrings(writer, entry, emptyStrings, original, survey.sharedStrings, ["推进中"]);
 */
export function writeStrings(
  writer: ZipWriter,
  like: ZipEntry | null,
  excelXml: string,
  original: ZipEntry | null,
  originalCount: number,
  added: readonly string[],
): void {
  const close = excelXml.lastIndexOf("</sst>");
  const excelCount = countStrings(excelXml);
  const total = excelCount + originalCount + added.length;
  const head = excelXml
    .slice(0, close)
    .replace(/(<sst\b[^>]*?)\s(?:count|uniqueCount)="\d*"/gu, "$1")
    .replace(/(<sst\b[^>]*?)\s(?:count|uniqueCount)="\d*"/gu, "$1")
    .replace(/<sst\b/u, `<sst count="${total}" uniqueCount="${total}"`);
  // Pushed tag by tag: gathered into pieces for Node's zlib at the large sheets' level.
  const push = gathered(writer.open("xl/sharedStrings.xml", like ?? undefined, 3, nativeDeflater(3)));
  push(encoder.encode(head), false);
  let depth = 0;
  let prefix: RegExp | null = null;
  const scanner = new XmlTagScanner(
    (tag) => {
      const raw = tag.buffer.subarray(tag.start, tag.end);
      if (tag.kind === "open" && depth === 0 && tag.localHash === siHash) {
        const name = /^<([\w.-]+):sst\b/u.exec(decoder.decode(raw))?.[1];
        if (name !== undefined) prefix = new RegExp(`<(/?)${name}:`, "gu");
      }
      if (tag.kind === "close") depth--;
      if (depth >= 1) {
        push(
          prefix === null ? raw.slice() : encoder.encode(decoder.decode(raw).replace(prefix, "<$1")),
          false,
        );
      }
      if (tag.kind === "open") depth++;
    },
    (buffer, start, end) => {
      if (depth >= 1) push(buffer.slice(start, end), false);
    },
  );
  if (original !== null) inflateEntryChunksInto(original, scanner);
  let batch: string[] = [];
  for (const text of added) {
    batch.push(sharedStringXml(text));
    if (batch.length >= 4_096) {
      push(encoder.encode(batch.join("")), false);
      batch = [];
    }
  }
  push(encoder.encode(`${batch.join("")}</sst>`), true);
}

function inflateEntryChunksInto(entry: ZipEntry, scanner: XmlTagScanner): void {
  inflateEntryChunks(entry, (chunk) => {
    scanner.push(chunk);
  });
  scanner.end();
}

/**
 * The parts that list a package's parts: its content types and the workbook's relationships.
 *
 * @example
 * isPackagePartList(entry) // true for "[Content_Types].xml"
 */
export function isPackagePartList(entry: ZipEntry): boolean {
  return entry.name === "[Content_Types].xml" || entry.name === "xl/_rels/workbook.xml.rels";
}

/**
 * A content-types or relationships part that names the shared-strings part, for a package that lacked it.
 *
 * @example
 * withStringsPart(xml, "xl/_rels/workbook.xml.rels") // adds the sharedStrings relationship
 */
export function withStringsPart(xml: string, name: string): string {
  if (name === "[Content_Types].xml") {
    return xml.replace(
      "</Types>",
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    );
  }
  return xml.replace(
    "</Relationships>",
    '<Relationship Id="rIdWpStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
}
