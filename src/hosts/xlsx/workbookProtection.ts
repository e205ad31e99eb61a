import { deflatedEntry, inflateEntry, readZip, writeZip } from "./zipArchive";

/** The part that holds the workbook's protection, and where the schema puts it (before these). */
const workbookPart = "xl/workbook.xml";
const followers = ["<bookViews", "<sheets"] as const;

/**
 * The `<workbookProtection …/>` element of a package (Review → Protect Workbook: the structure
 * locked, with its password hash), or null. ExcelJS 4.4 neither reads nor writes it, so a workbook
 * it saves would lose the protection; the host keeps the element and puts it back (see
 * withWorkbookProtection).
 *
 * @example
 * readWorkbookProtection(bytes) // '<workbookProtection lockStructure="1" …/>'
 */
export function readWorkbookProtection(bytes: Uint8Array): string | null {
  const entry = readZip(bytes).find((candidate) => candidate.name === workbookPart);
  if (entry === undefined) return null;
  const xml = new TextDecoder().decode(inflateEntry(entry));
  return /<workbookProtection\b[^>]*?(?:\/>|>[\s\S]*?<\/workbookProtection>)/.exec(xml)?.[0] ?? null;
}

/**
 * The package with `element` written into its workbook part where the schema wants it (before
 * `<bookViews>`), unless the part has a protection already.
 *
 * @example
 * const saved = withWorkbookProtection(await workbook.xlsx.writeBuffer(), element);
 */
export function withWorkbookProtection(bytes: Uint8Array, element: string): Uint8Array {
  const entries = readZip(bytes);
  const index = entries.findIndex((entry) => entry.name === workbookPart);
  const entry = entries[index];
  if (entry === undefined) return bytes;
  const xml = new TextDecoder().decode(inflateEntry(entry));
  if (xml.includes("<workbookProtection")) return bytes;
  const at = followers.map((tag) => xml.indexOf(tag)).find((position) => position >= 0);
  if (at === undefined) return bytes;
  const protectedXml = xml.slice(0, at) + element + xml.slice(at);
  entries[index] = deflatedEntry(entry.name, new TextEncoder().encode(protectedXml), entry);
  return writeZip(entries);
}
