import { HostError } from "../hostError";
import { normalisePackage } from "./normalisePackage";
import { looksLikeZip, readZip, writeZip, ZipProblem } from "./zipArchive";

/**
 * How large a workbook the xlsx host opens. ExcelJS holds every cell as objects: a 20 MB file of
 * numbers (100,000 rows × 33 columns) takes about 30 s and 1.7 GB to load on a CI machine, so
 * anything larger is refused up front with a message rather than left to exhaust memory.
 */
export const xlsxLimits = {
  /** The file on disk. */
  fileBytes: 20 * 1024 * 1024,
  /** All parts unpacked: a zip of a few MB can unpack to gigabytes. */
  unpackedBytes: 256 * 1024 * 1024,
} as const;

/** Why the xlsx host will not open a file, so that a caller can say it in the user's language. */
export type XlsxRefusalReason =
  /** A file of zero bytes. */
  | "empty"
  /** Not a zip at all (text, CSV, HTML, random bytes). */
  | "not_a_zip"
  /** A zip whose records or parts are broken (a truncated download, a damaged disk). */
  | "damaged"
  /** Encrypted with a password (Excel's "Encrypt with Password" or a zip password). */
  | "encrypted"
  /** An Excel 97–2003 .xls or another pre-2007 Office document. */
  | "legacy_format"
  /** Beyond xlsxLimits. */
  | "too_large"
  /** A zip, but not a workbook (a .docx, say). */
  | "not_a_spreadsheet";

/** The cause of a HostError "not_a_workbook" thrown by the xlsx host. */
export class XlsxRefusal extends Error {
  override readonly name = "XlsxRefusal";
  readonly reason: XlsxRefusalReason;
  /** For "too_large": the size found and the limit, in bytes. */
  readonly size: { readonly bytes: number; readonly limit: number } | null;

  constructor(reason: XlsxRefusalReason, message: string, size: XlsxRefusal["size"] = null) {
    super(message);
    this.reason = reason;
    this.size = size;
  }
}

/**
 * The refusal behind an error the xlsx host threw, or null.
 *
 * @example
 * refusalOf(error)?.reason === "encrypted"
 */
export function refusalOf(error: unknown): XlsxRefusal | null {
  if (error instanceof XlsxRefusal) return error;
  return error instanceof HostError && error.cause instanceof XlsxRefusal ? error.cause : null;
}

/**
 * A HostError "not_a_workbook" carrying the refusal as its cause.
 *
 * @example
 * throw refuse("too_large", "The file is 50 MB.", { bytes, limit });
 */
export function refuse(
  reason: XlsxRefusalReason,
  message: string,
  size: XlsxRefusal["size"] = null,
): HostError {
  return new HostError("not_a_workbook", message, { cause: new XlsxRefusal(reason, message, size) });
}

/** The first bytes of an OLE compound file: encrypted OOXML, .xls, .doc. */
const compoundFileMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted OOXML file keeps its package in, named in UTF-16 in the compound file's directory. */
const encryptedPackageName = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Checks bytes before ExcelJS sees them and returns what it can load: the same bytes, or the
 * package rewritten where other programs' files differ from what ExcelJS follows (see
 * normalisePackage). Throws HostError "not_a_workbook" with an XlsxRefusal cause.
 *
 * @example
 * await workbook.xlsx.load(prepareXlsxBytes(bytes));
 */
export function prepareXlsxBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw refuse("empty", "The file is empty.");
  if (bytes.length > xlsxLimits.fileBytes) {
    throw refuse("too_large", `The file has ${bytes.length} bytes, over ${xlsxLimits.fileBytes}.`, {
      bytes: bytes.length,
      limit: xlsxLimits.fileBytes,
    });
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8));
  if (head.equals(compoundFileMagic)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(encryptedPackageName)) {
      throw refuse("encrypted", "The workbook is encrypted with a password.");
    }
    throw refuse("legacy_format", "The file is an Excel 97–2003 (.xls) or other pre-2007 Office file.");
  }
  if (!looksLikeZip(bytes)) throw refuse("not_a_zip", "The file is not a zip package.");

  let entries;
  try {
    entries = readZip(bytes);
  } catch (cause) {
    throw refusalFromZip(cause);
  }
  if (entries.some((entry) => (entry.flags & 0x1) !== 0)) {
    throw refuse("encrypted", "The zip package is encrypted with a password.");
  }
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (unpacked > xlsxLimits.unpackedBytes) {
    throw refuse("too_large", `The package unpacks to ${unpacked} bytes, over ${xlsxLimits.unpackedBytes}.`, {
      bytes: unpacked,
      limit: xlsxLimits.unpackedBytes,
    });
  }
  // ExcelJS reads the workbook from this one name (and ignores a package without it).
  if (!entries.some((entry) => entry.name === "xl/workbook.xml")) {
    throw refuse("not_a_spreadsheet", "The zip package holds no xl/workbook.xml.");
  }
  try {
    const normalised = normalisePackage(entries);
    return normalised === entries ? bytes : writeZip(normalised);
  } catch (cause) {
    throw refusalFromZip(cause);
  }
}

function refusalFromZip(cause: unknown): HostError {
  if (cause instanceof ZipProblem) {
    switch (cause.code) {
      case "not_a_zip":
        // It started like a zip (see looksLikeZip) but its end is missing: a truncated file.
        return refuse("damaged", "The zip package has no end record: it was cut short.");
      case "encrypted":
        return refuse("encrypted", "The zip package is encrypted with a password.");
      case "damaged":
        return refuse("damaged", `The zip package is damaged: ${cause.message}`);
    }
  }
  throw cause;
}
