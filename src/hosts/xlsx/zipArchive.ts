import {
  type DeflateOptions,
  Inflate,
  Zip,
  ZipDeflate,
  type ZipInputFile,
  ZipPassThrough,
  zipSync,
} from "fflate";
import * as zlib from "node:zlib";

/**
 * The zip container of an .xlsx. fflate inflates and deflates, as streams, in Node and in the
 * browser (the preview saves through this module); this module only finds the entries through the
 * central directory (fflate's streaming reader trusts local headers, which a damaged or hostile
 * file may contradict) and bounds every inflation as it streams: an entry never yields more than
 * its central directory declares, whatever its data holds. Entries that are not rewritten keep
 * their compressed bytes as they were.
 */

/** One file in the archive, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  readonly method: number;
  /** General-purpose flags; bit 0 means the entry is encrypted. */
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** MS-DOS time and date, kept so that a rewritten archive says when its parts were made. */
  readonly dosTime: number;
  readonly dosDate: number;
  /** The entry's bytes as stored (compressed for method 8). */
  readonly data: Uint8Array;
}

/** Why bytes are not a zip archive this module can read. */
export type ZipProblemCode = "not_a_zip" | "damaged" | "encrypted";

export class ZipProblem extends Error {
  override readonly name = "ZipProblem";
  readonly code: ZipProblemCode;

  constructor(code: ZipProblemCode, message: string) {
    super(message);
    this.code = code;
  }
}

const signatures = {
  localHeader: 0x04034b50,
  centralHeader: 0x02014b50,
  endOfCentralDirectory: 0x06054b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

/** Bit 0: encrypted; bit 11: UTF-8 names. */
const flagBits = { encrypted: 0x1, utf8: 0x800 } as const;

/** A 32- or 16-bit field at its maximum means "see the zip64 extra field". */
const zip64Marker = { u32: 0xffffffff, u16: 0xffff } as const;

/**
 * How much compressed input is handed to the inflater at once: at most ~1,032× this (66 MB) comes
 * out of one step before the bound is checked. fflate is fastest around this size (smaller steps
 * cost it three times as long; larger ones, copying).
 */
const inflateStep = 64 * 1024;

/**
 * Node's zlib where there is one (the command line, Node and Jest): it inflates three to five
 * times as fast as fflate. The browser's bundles have none (webpack.config.js maps `zlib` to an
 * empty module) and inflate with fflate.
 */
const nativeInflateRaw: typeof zlib.inflateRawSync | undefined =
  typeof zlib.inflateRawSync === "function" ? zlib.inflateRawSync : undefined;

/**
 * Entries declaring up to this many bytes are inflated by Node's zlib in one call, bounded by
 * `maxOutputLength`; larger ones are streamed through fflate a step at a time, so that a sheet of
 * hundreds of megabytes is never held whole.
 */
export const nativeInflateLimit = 32 * 1024 * 1024;

/** The pieces a natively inflated entry is handed on in. */
const nativePiece = 1024 * 1024;

/**
 * Whether the bytes start like a zip archive (a local file header, or the end record of an empty one).
 *
 * @example
 * looksLikeZip(await readFile("book.xlsx")) // true
 */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const first = viewOf(bytes).getUint32(0, true);
  return first === signatures.localHeader || first === signatures.endOfCentralDirectory;
}

/**
 * The archive's entries from its central directory (without inflating anything). Throws
 * ZipProblem "not_a_zip" when there is no end record and "damaged" when the records disagree.
 *
 * @example
 * const entries = readZip(bytes);
 * entries.find((entry) => entry.name === "xl/workbook.xml");
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = viewOf(bytes);
  const end = findEndOfCentralDirectory(view);
  if (end < 0) throw new ZipProblem("not_a_zip", "No zip end-of-central-directory record.");
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (count === zip64Marker.u16 || directorySize === zip64Marker.u32 || directoryOffset === zip64Marker.u32) {
    ({ count, directorySize, directoryOffset } = readZip64End(view, end));
  }
  if (directoryOffset + directorySize > end)
    throw new ZipProblem("damaged", "The central directory overruns.");

  const utf8 = new TextDecoder("utf-8");
  const latin1 = new TextDecoder("latin1");
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== signatures.centralHeader) {
      throw new ZipProblem("damaged", `Central directory entry ${i} is missing.`);
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = ((flags & flagBits.utf8) !== 0 ? utf8 : latin1).decode(nameBytes);
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const { compressedSize, uncompressedSize, localOffset } = applyZip64Extra(extra, {
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    entries.push({
      // Some writers put a leading slash on part names; ExcelJS drops it too.
      name: name.replace(/^\/+/, ""),
      method: view.getUint16(at + 10, true),
      flags,
      crc: view.getUint32(at + 16, true),
      compressedSize,
      uncompressedSize,
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      data: localData(bytes, view, localOffset, compressedSize, end),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Hands an entry's uncompressed bytes to `onChunk` as they are inflated, never more than the
 * entry declares (`uncompressedSize`): the inflater stops one step past it. Throws ZipProblem
 * "encrypted" for an encrypted entry and "damaged" when the data does not inflate to exactly its
 * declared size (a header that lies, in either direction) or is not a deflate stream.
 *
 * @example
 * inflateEntryChunks(entry, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
 */
export function inflateEntryChunks(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  if ((entry.flags & flagBits.encrypted) !== 0)
    throw new ZipProblem("encrypted", `${entry.name} is encrypted.`);
  const lie = (): ZipProblem => lieOf(entry);
  if (entry.method === 0) {
    if (entry.data.length !== entry.uncompressedSize) throw lie();
    // Stored: the caller's errors pass through untouched.
    if (entry.data.length > 0) onChunk(entry.data);
    return;
  }
  if (entry.method !== 8) {
    throw new ZipProblem("damaged", `${entry.name} uses compression method ${entry.method}.`);
  }
  if (nativeInflateRaw !== undefined && entry.uncompressedSize <= nativeInflateLimit) {
    const whole = inflatedNatively(entry, nativeInflateRaw, lie);
    // Handed on in pieces of the size fflate's steps yield, as a reader streaming it expects.
    for (let at = 0; at < whole.length; at += nativePiece) onChunk(whole.subarray(at, at + nativePiece));
    return;
  }
  let produced = 0;
  // What the caller's onChunk threw passes through as it is; only fflate's own errors mean damage.
  let fromCaller: unknown = null;
  // fflate throws on the final push when the deflate stream is cut short.
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) throw lie();
    if (chunk.length === 0) return;
    try {
      onChunk(chunk);
    } catch (cause) {
      fromCaller = cause;
      throw cause;
    }
  });
  try {
    for (let at = 0; at < entry.data.length; at += inflateStep) {
      const last = at + inflateStep >= entry.data.length;
      inflater.push(entry.data.subarray(at, at + inflateStep), last);
    }
    if (entry.data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (cause) {
    if (cause instanceof ZipProblem || (fromCaller !== null && cause === fromCaller)) throw cause;
    // fflate's own errors: an invalid or truncated deflate stream.
    throw new ZipProblem("damaged", `${entry.name} does not unpack: ${messageOf(cause)}`);
  }
  if (produced !== entry.uncompressedSize) throw lie();
}

/**
 * An entry's uncompressed bytes, bounded as inflateEntryChunks bounds them (for the small parts:
 * relationships, the workbook, tables, notes).
 *
 * @example
 * const xml = new TextDecoder().decode(inflateEntry(entry));
 */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  if (
    nativeInflateRaw !== undefined &&
    entry.method === 8 &&
    (entry.flags & flagBits.encrypted) === 0 &&
    entry.uncompressedSize <= nativeInflateLimit
  ) {
    return inflatedNatively(entry, nativeInflateRaw, () => lieOf(entry));
  }
  const whole = new Uint8Array(entry.uncompressedSize);
  let at = 0;
  inflateEntryChunks(entry, (chunk) => {
    whole.set(chunk, at);
    at += chunk.length;
  });
  return whole;
}

function lieOf(entry: ZipEntry): ZipProblem {
  return new ZipProblem(
    "damaged",
    `${entry.name} does not unpack to the ${entry.uncompressedSize} bytes it declares.`,
  );
}

/**
 * A deflated entry inflated whole by Node's zlib, never to more than it declares: zlib stops at
 * `maxOutputLength` (a bomb or a lying header), and the size must then match exactly.
 */
function inflatedNatively(
  entry: ZipEntry,
  inflateRaw: typeof zlib.inflateRawSync,
  lie: () => ZipProblem,
): Uint8Array {
  let whole: Buffer;
  try {
    whole = inflateRaw(entry.data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (cause) {
    if (cause instanceof RangeError) throw lie();
    // zlib's own errors: an invalid or truncated deflate stream.
    throw new ZipProblem("damaged", `${entry.name} does not unpack: ${messageOf(cause)}`);
  }
  if (whole.length !== entry.uncompressedSize) throw lie();
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.length);
}

/**
 * A new entry holding `content` deflated (by fflate), dated like the entry it replaces.
 *
 * @example
 * deflatedEntry("xl/worksheets/_rels/sheet1.xml.rels", new TextEncoder().encode(xml), old)
 */
export function deflatedEntry(name: string, content: Uint8Array, like?: ZipEntry): ZipEntry {
  const mtime = dateOfDos(like?.dosDate ?? dosEpoch, like?.dosTime ?? 0);
  const [entry] = readZip(zipSync({ [name]: [content, { mtime }] }));
  if (entry === undefined) throw new Error(`fflate wrote no entry for ${name}.`);
  return entry;
}

/** 1980-01-01, the first day an MS-DOS date can say. */
const dosEpoch = (0 << 9) | (1 << 5) | 1;

/**
 * Writes a zip archive a piece at a time: entries copied as they are stored, or new ones deflated
 * from their content as it comes, each chunk of the archive handed to `sink` as soon as fflate
 * makes it, so that a large archive is never held whole. Sizes and checksums go in data
 * descriptors (fflate's streaming format); no zip64 (the host refuses anything near 4 GB).
 *
 * @example
 * const writer = new ZipWriter((chunk) => chunks.push(chunk));
 * for (const entry of entries) writer.copy(entry);
 * writer.end();
 */
export class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(sink: (chunk: Uint8Array) => void) {
    this.zip = new Zip((error, chunk) => {
      if (error !== null) {
        this.failure = error;
        return;
      }
      sink(chunk);
    });
  }

  /** Copies an entry read from another archive without inflating it. */
  copy(entry: ZipEntry, name = entry.name): void {
    const file: ZipInputFile = {
      filename: name,
      size: entry.uncompressedSize,
      crc: entry.crc,
      compression: entry.method,
      mtime: dateOfDos(entry.dosDate, entry.dosTime),
    };
    this.zip.add(file);
    this.check();
    // fflate sets `ondata` on the file when it is added; pushing the stored bytes is all a copy does.
    (file.ondata as (error: null, data: Uint8Array, final: boolean) => void)(null, entry.data, true);
    this.check();
  }

  /**
   * Starts a new deflated entry and returns the function to push its content with (the last
   * push with `final` true).
   */
  open(
    name: string,
    like?: ZipEntry,
    level: DeflateOptions["level"] = 6,
    deflate?: ChunkDeflater,
  ): (chunk: Uint8Array, final: boolean) => void {
    const file = deflate === undefined ? new ZipDeflate(name, { level }) : new DeflatedBy(name, deflate);
    file.mtime = dateOfDos(like?.dosDate ?? dosEpoch, like?.dosTime ?? 0);
    this.zip.add(file);
    this.check();
    return (chunk, final) => {
      file.push(chunk, final);
      this.check();
    };
  }

  /** Adds a new entry whose whole content is at hand. */
  add(name: string, content: Uint8Array, like?: ZipEntry): void {
    this.open(name, like)(content, true);
  }

  /** Writes the central directory: the archive is complete. */
  end(): void {
    this.zip.end();
    this.check();
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }
}

/**
 * Raw deflate of an entry's content, chunk by chunk as it is pushed: each chunk's output continues
 * the stream, the last one (`final`) ends it. The CLI passes Node's zlib (nativeDeflater), three
 * times as fast as fflate's JavaScript at the same level; the browser has only fflate.
 */
export type ChunkDeflater = (chunk: Uint8Array, final: boolean) => Uint8Array<ArrayBuffer>;

/**
 * Gathers many small pushes (an XML part copied tag by tag) into pieces of about `size` bytes
 * before they reach `push`, so that a ChunkDeflater, which flushes after every piece, sees few.
 *
 * @example
 * const push = gathered(writer.open("xl/sharedStrings.xml", like, 3, nativeDeflater(3)));
 */
export function gathered(
  push: (chunk: Uint8Array, final: boolean) => void,
  size = 1 << 20,
): (chunk: Uint8Array, final: boolean) => void {
  const piece = new Uint8Array(size);
  let used = 0;
  return (chunk, final) => {
    if (used + chunk.length > size && used > 0) {
      push(piece.slice(0, used), false);
      used = 0;
    }
    if (chunk.length >= size) {
      push(chunk, final);
      return;
    }
    piece.set(chunk, used);
    used += chunk.length;
    if (final) {
      push(piece.slice(0, used), true);
      used = 0;
    }
  };
}

/** A zip entry deflated by a ChunkDeflater (fflate's documented way: a ZipPassThrough whose process compresses). */
class DeflatedBy extends ZipPassThrough {
  constructor(
    name: string,
    private readonly deflate: ChunkDeflater,
  ) {
    super(name);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.deflate(chunk, final), final);
  }
}

const nativeDeflateRaw: typeof zlib.deflateRawSync | undefined =
  typeof zlib.deflateRawSync === "function" ? zlib.deflateRawSync : undefined;

/**
 * The archive with every stored (uncompressed) entry deflated, by Node's zlib where there is one
 * (the command line), else by fflate (the browser): ExcelJS asked to store its parts and this
 * deflating them takes a fraction of the time ExcelJS's own JavaScript deflater does, for the
 * same file size at the same level.
 *
 * @example
 * const bytes = deflateStoredEntries(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
 */
export function deflateStoredEntries(bytes: Uint8Array): Uint8Array {
  // ExcelJS's own level, so files are the size they were.
  const level = 6;
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => chunks.push(chunk));
  for (const entry of readZip(bytes)) {
    if (entry.method !== 0 || entry.data.length === 0) {
      writer.copy(entry);
    } else if (nativeDeflateRaw === undefined) {
      writer.open(entry.name, entry, level)(entry.data, true);
    } else {
      const deflate = nativeDeflateRaw;
      writer.open(
        entry.name,
        entry,
        level,
        (chunk) => new Uint8Array(deflate(chunk, { level })),
      )(entry.data, true);
    }
  }
  writer.end();
  return concatenate(chunks);
}

/**
 * Writes entries into a zip archive held in memory (small packages: the parts normalisePackage
 * rewrites, the workbook protection put back).
 *
 * @example
 * const bytes = writeZip(entries.map((entry) => entry.name === "a.xml" ? deflatedEntry("a.xml", xml, entry) : entry));
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => chunks.push(chunk));
  for (const entry of entries) writer.copy(entry);
  writer.end();
  return concatenate(chunks);
}

/** One array holding the chunks in order. */
export function concatenate(chunks: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** A DOS date and time as the local Date fflate writes back into the same fields. */
function dateOfDos(date: number, time: number): Date {
  return new Date(
    1980 + (date >> 9),
    ((date >> 5) & 0xf) - 1,
    date & 0x1f || 1,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
  );
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The end record is the last thing in the file, followed only by a comment of up to 65,535 bytes. */
function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === signatures.endOfCentralDirectory) return at;
  }
  return -1;
}

function readZip64End(
  view: DataView,
  end: number,
): { count: number; directorySize: number; directoryOffset: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== signatures.zip64Locator) {
    throw new ZipProblem("damaged", "A zip64 archive without its locator.");
  }
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > locator || view.getUint32(record, true) !== signatures.zip64End) {
    throw new ZipProblem("damaged", "The zip64 end record is missing.");
  }
  return {
    count: Number(view.getBigUint64(record + 32, true)),
    directorySize: Number(view.getBigUint64(record + 40, true)),
    directoryOffset: Number(view.getBigUint64(record + 48, true)),
  };
}

/** Sizes and offset that overflowed 32 bits come, in this order, from the zip64 extra field (id 1). */
function applyZip64Extra(
  extra: Uint8Array,
  fields: { compressedSize: number; uncompressedSize: number; localOffset: number },
): { compressedSize: number; uncompressedSize: number; localOffset: number } {
  const view = viewOf(extra);
  for (let at = 0; at + 4 <= extra.length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size) throw new ZipProblem("damaged", "A zip64 extra field is too short.");
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      const uncompressedSize = fields.uncompressedSize === zip64Marker.u32 ? next() : fields.uncompressedSize;
      const compressedSize = fields.compressedSize === zip64Marker.u32 ? next() : fields.compressedSize;
      const localOffset = fields.localOffset === zip64Marker.u32 ? next() : fields.localOffset;
      return { compressedSize, uncompressedSize, localOffset };
    }
    at += 4 + size;
  }
  return fields;
}

/** The stored bytes of an entry, found through its local header (whose name and extra lengths may differ). */
function localData(
  bytes: Uint8Array,
  view: DataView,
  offset: number,
  compressedSize: number,
  end: number,
): Uint8Array {
  if (offset + 30 > end || view.getUint32(offset, true) !== signatures.localHeader) {
    throw new ZipProblem("damaged", `No local header at ${offset}.`);
  }
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (start + compressedSize > end) throw new ZipProblem("damaged", `Entry data at ${offset} overruns.`);
  return bytes.subarray(start, start + compressedSize);
}
