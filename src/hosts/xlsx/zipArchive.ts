import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * The zip container of an .xlsx, read and written with Node's zlib alone: enough to look inside a
 * file before ExcelJS does (is it a zip, is an entry encrypted, how large does it unpack) and to
 * rewrite a few small parts (see normalisePackage). Entries that are not rewritten keep their
 * compressed bytes as they were.
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

/** Bit 0: encrypted; bit 3: sizes in a data descriptor after the data; bit 11: UTF-8 names. */
const flagBits = { encrypted: 0x1, dataDescriptor: 0x8, utf8: 0x800 } as const;

/** A 32- or 16-bit field at its maximum means "see the zip64 extra field". */
const zip64Marker = { u32: 0xffffffff, u16: 0xffff } as const;

/**
 * Whether the bytes start like a zip archive (a local file header, or the end record of an empty one).
 *
 * @example
 * looksLikeZip(await readFile("book.xlsx")) // true
 */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const view = viewOf(bytes);
  const first = view.getUint32(0, true);
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
    const name = Buffer.from(nameBytes).toString((flags & flagBits.utf8) !== 0 ? "utf8" : "latin1");
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    let localOffset = view.getUint32(at + 42, true);
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    ({ compressedSize, uncompressedSize, localOffset } = applyZip64Extra(extra, {
      compressedSize,
      uncompressedSize,
      localOffset,
    }));
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
 * An entry's uncompressed bytes. Throws ZipProblem "encrypted" for an encrypted entry and
 * "damaged" when it does not inflate to its declared size.
 *
 * @example
 * const xml = Buffer.from(inflateEntry(entry)).toString("utf8");
 */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  if ((entry.flags & flagBits.encrypted) !== 0)
    throw new ZipProblem("encrypted", `${entry.name} is encrypted.`);
  try {
    if (entry.method === 0) return entry.data;
    if (entry.method === 8) {
      // One byte over the declared size is enough to tell a lie from the truth without inflating a bomb.
      const inflated = inflateRawSync(entry.data, { maxOutputLength: entry.uncompressedSize + 1 });
      if (inflated.length === entry.uncompressedSize) return inflated;
    }
  } catch {
    // Reported below as damaged.
  }
  throw new ZipProblem("damaged", `${entry.name} does not unpack (method ${entry.method}).`);
}

/**
 * A new entry holding `content` deflated, dated like the entry it replaces.
 *
 * @example
 * deflatedEntry("xl/worksheets/_rels/sheet1.xml.rels", Buffer.from(xml), old)
 */
export function deflatedEntry(name: string, content: Uint8Array, like?: ZipEntry): ZipEntry {
  const data = deflateRawSync(content);
  return {
    name,
    method: 8,
    flags: 0,
    crc: crc32(content) >>> 0,
    compressedSize: data.length,
    uncompressedSize: content.length,
    dosTime: like?.dosTime ?? 0,
    dosDate: like?.dosDate ?? dosEpoch,
    data,
  };
}

/** 1980-01-01, the first day an MS-DOS date can say. */
const dosEpoch = (0 << 9) | (1 << 5) | 1;

/**
 * Writes entries into a zip archive (no zip64: the host refuses files anywhere near 4 GB).
 *
 * @example
 * const bytes = writeZip(entries.map((entry) => entry.name === "a.xml" ? deflatedEntry("a.xml", xml, entry) : entry));
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    // Sizes are known, so no data descriptor; names are UTF-8.
    const flags = (entry.flags & ~flagBits.dataDescriptor) | flagBits.utf8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(signatures.localHeader, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(entry.dosTime, 10);
    local.writeUInt16LE(entry.dosDate, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength));

    const central = Buffer.alloc(46);
    central.writeUInt32LE(signatures.centralHeader, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(entry.dosTime, 12);
    central.writeUInt16LE(entry.dosDate, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(signatures.endOfCentralDirectory, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
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
