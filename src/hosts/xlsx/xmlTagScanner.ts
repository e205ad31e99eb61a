/**
 * A streaming scanner of XML bytes that finds tags without decoding the text between them: fast
 * enough to walk every worksheet of a package (counting rows, cells and merged areas before
 * anything is loaded, see surveyPackage) and to copy a worksheet through with a few tags
 * rewritten (see mergeSheetXml). It checks only what it needs: tags nest (start and end names
 * match, by a hash of the name), no tag is longer than a bound, and no document type declaration
 * (a workbook's XML never has one; entities declared in it are how XML bombs work).
 */

/** What a scanned piece of markup is. */
export type TagKind = "open" | "close" | "empty" | "other";

/** One tag, as bytes `buffer[start, end)`; the local name (after any prefix) by hash and length. */
export interface ScannedTag {
  readonly kind: TagKind;
  readonly buffer: Uint8Array;
  readonly start: number;
  readonly end: number;
  /** FNV-1a of the local name's bytes (see nameHash); 0 for "other". */
  readonly localHash: number;
}

/** Why bytes are not XML a worksheet can be read from. */
export class XmlScanProblem extends Error {
  override readonly name = "XmlScanProblem";
  readonly code: "malformed" | "doctype" | "tag_too_long";

  constructor(code: XmlScanProblem["code"], message: string) {
    super(message);
    this.code = code;
  }
}

const lt = 0x3c;
const gt = 0x3e;
const slash = 0x2f;
const bang = 0x21;
const question = 0x3f;
const colon = 0x3a;
const doubleQuote = 0x22;
const singleQuote = 0x27;

/**
 * The hash the scanner gives a local name.
 *
 * @example
 * tag.localHash === nameHash("row")
 */
export function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

const encoder = new TextEncoder();
const markers = {
  comment: encoder.encode("<!--"),
  commentEnd: encoder.encode("-->"),
  cdata: encoder.encode("<![CDATA["),
  cdataEnd: encoder.encode("]]>"),
  doctype: encoder.encode("<!DOCTYPE"),
  piEnd: encoder.encode("?>"),
} as const;

/**
 * Scans XML pushed in chunks; calls `onTag` for every tag and `onText` for the bytes between
 * tags (both views into a buffer that is reused: copy what must outlive the call).
 *
 * @example
 * const scanner = new XmlTagScanner((tag) => { if (tag.localHash === rowHash) rows++; });
 * inflateEntryChunks(entry, (chunk) => scanner.push(chunk));
 * scanner.end();
 */
export class XmlTagScanner {
  private carry: Uint8Array | null = null;
  private readonly open: number[] = [];

  constructor(
    private readonly onTag: (tag: ScannedTag) => void,
    private readonly onText: ((buffer: Uint8Array, start: number, end: number) => void) | null = null,
    private readonly maxTagBytes = 1024 * 1024,
  ) {}

  push(chunk: Uint8Array): void {
    let buffer = chunk;
    if (this.carry !== null) {
      buffer = new Uint8Array(this.carry.length + chunk.length);
      buffer.set(this.carry);
      buffer.set(chunk, this.carry.length);
      this.carry = null;
    }
    const length = buffer.length;
    let at = 0;
    while (at < length) {
      const start = buffer.indexOf(lt, at);
      if (start < 0) {
        this.onText?.(buffer, at, length);
        return;
      }
      if (start > at) this.onText?.(buffer, at, start);
      const end = this.tagEnd(buffer, start);
      if (end < 0) {
        if (length - start > this.maxTagBytes) {
          throw new XmlScanProblem("tag_too_long", `A tag longer than ${this.maxTagBytes} bytes.`);
        }
        this.carry = buffer.slice(start);
        return;
      }
      this.emit(buffer, start, end);
      at = end;
    }
  }

  /** The input is complete: anything left open is malformed. */
  end(): void {
    if (this.carry !== null) throw new XmlScanProblem("malformed", "The XML ends inside a tag.");
    if (this.open.length > 0) throw new XmlScanProblem("malformed", "The XML ends inside an element.");
  }

  /** The index just past the tag starting at `start`, or -1 when it continues beyond the buffer. */
  private tagEnd(buffer: Uint8Array, start: number): number {
    const next = buffer[start + 1];
    if (next === undefined) return -1;
    if (next === bang) {
      if (startsWith(buffer, start, markers.comment)) return endAfter(buffer, start + 4, markers.commentEnd);
      if (startsWith(buffer, start, markers.cdata)) return endAfter(buffer, start + 9, markers.cdataEnd);
      if (buffer.length - start < markers.doctype.length) return -1;
      if (startsWith(buffer, start, markers.doctype)) {
        throw new XmlScanProblem("doctype", "The XML declares a document type (and with it, entities).");
      }
      throw new XmlScanProblem("malformed", "Markup starting with <! that is neither a comment nor CDATA.");
    }
    if (next === question) return endAfter(buffer, start + 2, markers.piEnd);
    let quote = 0;
    for (let i = start + 1; i < buffer.length; i++) {
      const byte = buffer[i];
      if (quote !== 0) {
        if (byte === quote) quote = 0;
      } else if (byte === doubleQuote || byte === singleQuote) {
        quote = byte;
      } else if (byte === gt) {
        return i + 1;
      } else if (byte === lt) {
        throw new XmlScanProblem("malformed", "A tag holds an unquoted <.");
      }
    }
    return -1;
  }

  private emit(buffer: Uint8Array, start: number, end: number): void {
    const second = buffer[start + 1];
    if (second === bang || second === question) {
      this.onTag({ kind: "other", buffer, start, end, localHash: 0 });
      return;
    }
    const closing = second === slash;
    let hash = 0x811c9dc5;
    let localHash = hash;
    let i = start + (closing ? 2 : 1);
    for (; i < end; i++) {
      const byte = buffer[i] ?? 0;
      // A name ends at whitespace, "/" or ">" (all below "0" but for ">" itself).
      if (byte <= 0x20 || byte === slash || byte === gt) break;
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
      localHash = byte === colon ? 0x811c9dc5 : Math.imul(localHash ^ byte, 0x01000193) >>> 0;
    }
    if (closing) {
      if (this.open.pop() !== hash)
        throw new XmlScanProblem("malformed", "An end tag does not match its start tag.");
      this.onTag({ kind: "close", buffer, start, end, localHash });
      return;
    }
    const empty = buffer[end - 2] === slash;
    if (!empty) this.open.push(hash);
    this.onTag({ kind: empty ? "empty" : "open", buffer, start, end, localHash });
  }
}

function startsWith(buffer: Uint8Array, at: number, marker: Uint8Array): boolean {
  for (let i = 0; i < marker.length; i++) if (buffer[at + i] !== marker[i]) return false;
  return true;
}

/** The index just past `marker`, searching from `from`; -1 when it is not in the buffer yet. */
function endAfter(buffer: Uint8Array, from: number, marker: Uint8Array): number {
  const first = marker[0] ?? 0;
  for (let at = buffer.indexOf(first, from); at >= 0; at = buffer.indexOf(first, at + 1)) {
    if (at + marker.length > buffer.length) return -1;
    if (startsWith(buffer, at, marker)) return at + marker.length;
  }
  return -1;
}

/**
 * An attribute's value in a tag's bytes (decoded as UTF-8, entities left as written), or undefined.
 * For the few tags whose attributes are needed: a cell's `r` and `s`, a merged area's `ref`.
 *
 * @example
 * attributeOf(tag, "r") // "AB12"
 */
export function attributeOf(tag: ScannedTag, name: string): string | undefined {
  return attributeIn(tagText(tag), name);
}

/** A tag's bytes as text. */
export function tagText(tag: ScannedTag): string {
  const { buffer, start, end } = tag;
  // Most tags are ASCII ("<c r=\"A1\" s=\"3\">"): built directly, which is several times faster
  // than a decoder call per tag.
  let text = "";
  for (let i = start; i < end; i++) {
    const byte = buffer[i] ?? 0;
    if (byte >= 0x80) return decoder.decode(buffer.subarray(start, end));
    text += String.fromCharCode(byte);
  }
  return text;
}

const decoder = new TextDecoder("utf-8");
const attributePatterns = new Map<string, RegExp>();

/** An attribute's value in a tag's text, or undefined (`name` matches with or without a prefix). */
export function attributeIn(text: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "u");
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(text);
  return match === null ? undefined : (match[1] ?? match[2]);
}
