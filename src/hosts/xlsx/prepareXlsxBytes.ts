import { HostError } from "../hostError";
import { normalisePackage } from "./normalisePackage";
import { type LimitPassed, type PackageSurvey, SurveyProblem, surveyPackage } from "./surveyPackage";
import { xlsxLimits } from "./xlsxLimits";
import { looksLikeZip, readZip, writeZip, type ZipEntry, ZipProblem } from "./zipArchive";

export { xlsxLimits } from "./xlsxLimits";

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
  /** Beyond xlsxLimits' bytes (`size` says how large). */
  | "too_large"
  /** Beyond one of xlsxLimits' counts (`passed` says which, and where). */
  | "over_limit"
  /** XML that declares a document type (entities): no workbook holds one; it is how XML bombs work. */
  | "xml_entities"
  /** A zip, but not a workbook (a .docx, say). */
  | "not_a_spreadsheet";

/** The cause of a HostError "not_a_workbook" thrown by the xlsx host. */
export class XlsxRefusal extends Error {
  override readonly name = "XlsxRefusal";
  readonly reason: XlsxRefusalReason;
  /** For "too_large": the size found and the limit, in bytes. */
  readonly size: { readonly bytes: number; readonly limit: number } | null;
  /** For "over_limit": the limit passed and where. */
  readonly passed: LimitPassed | null;

  constructor(
    reason: XlsxRefusalReason,
    message: string,
    size: XlsxRefusal["size"] = null,
    passed: LimitPassed | null = null,
  ) {
    super(message);
    this.reason = reason;
    this.size = size;
    this.passed = passed;
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
  passed: LimitPassed | null = null,
): HostError {
  return new HostError("not_a_workbook", message, { cause: new XlsxRefusal(reason, message, size, passed) });
}

/** The first bytes of an OLE compound file: encrypted OOXML, .xls, .doc. */
const compoundFileMagic = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted OOXML file keeps its package in, named in UTF-16 in the compound file's directory. */
const encryptedPackageName = new Uint8Array(
  Array.from({ length: 32 }, (_, i) => (i % 2 === 0 ? "EncryptedPackage".charCodeAt(i / 2) : 0)),
);

/** A package both readers can trust: its bytes (rewritten where normalisePackage had to), parts and counts. */
export interface XlsxPackage {
  readonly bytes: Uint8Array;
  readonly entries: ReadonlyMap<string, ZipEntry>;
  readonly survey: PackageSurvey;
}

/**
 * Checks bytes before either reader sees them: not empty, not an old .xls or an encrypted file, a
 * zip whose every part inflates to exactly its declared size, within every limit of xlsxLimits
 * (counted as the parts stream, see surveyPackage), and a workbook. Returns the package, rewritten
 * where other programs' files differ from what ExcelJS follows (see normalisePackage). Throws
 * HostError "not_a_workbook" with an XlsxRefusal cause that says why.
 *
 * @example
 * const { bytes, survey } = openXlsxPackage(await readFile("book.xlsx"));
 */
export function openXlsxPackage(bytes: Uint8Array): XlsxPackage {
  if (bytes.length === 0) throw refuse("empty", "The file is empty.");
  if (bytes.length > xlsxLimits.fileBytes) {
    throw refuse("too_large", `The file has ${bytes.length} bytes, over ${xlsxLimits.fileBytes}.`, {
      bytes: bytes.length,
      limit: xlsxLimits.fileBytes,
    });
  }
  if (startsWith(bytes, compoundFileMagic)) {
    if (includes(bytes, encryptedPackageName)) {
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
  let survey: PackageSurvey;
  try {
    survey = surveyPackage(entries);
  } catch (cause) {
    if (cause instanceof SurveyProblem) {
      switch (cause.code) {
        case "over_limit":
          throw refuse("over_limit", cause.message, null, cause.passed);
        case "xml_entities":
          throw refuse("xml_entities", cause.message);
        case "damaged":
          throw refuse("damaged", `The workbook is damaged: ${cause.message}`);
      }
    }
    throw refusalFromZip(cause);
  }
  try {
    const normalised = normalisePackage(entries, (name) => survey.sheets.get(name)?.protection === true);
    const written = normalised === entries ? bytes : writeZip(normalised);
    const parts = normalised === entries ? entries : readZip(written);
    return { bytes: written, entries: new Map(parts.map((entry) => [entry.name, entry])), survey };
  } catch (cause) {
    throw refusalFromZip(cause);
  }
}

/**
 * The bytes of openXlsxPackage, for ExcelJS to load: refused as there, and also when the whole
 * workbook would pass what ExcelJS's model can hold (xlsxLimits.excelJsCells).
 *
 * @example
 * await workbook.xlsx.load(prepareXlsxBytes(bytes));
 */
export function prepareXlsxBytes(bytes: Uint8Array): Uint8Array {
  const opened = openXlsxPackage(bytes);
  assertExcelJsCanHold(opened.survey);
  return opened.bytes;
}

/**
 * Refuses (HostError "not_a_workbook", limit excelJsCells) a workbook whose cells, covered cells
 * of merged areas included, are more than ExcelJS's model may hold.
 *
 * @example
 * assertExcelJsCanHold(openXlsxPackage(bytes).survey);
 */
export function assertExcelJsCanHold(survey: PackageSurvey): void {
  let merged = 0;
  let largest: { name: string; cells: number } | null = null;
  for (const sheet of survey.sheets.values()) {
    for (const area of sheet.merges) merged += (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (largest === null || sheet.cells > largest.cells) largest = { name: sheet.name, cells: sheet.cells };
  }
  const cells = survey.cells + merged;
  if (cells > xlsxLimits.excelJsCells) {
    const passed: LimitPassed = {
      limit: "excelJsCells",
      limitValue: xlsxLimits.excelJsCells,
      found: cells,
      sheet: largest?.name ?? null,
      at: null,
    };
    throw refuse(
      "over_limit",
      `The workbook has ${cells} cells, over ${xlsxLimits.excelJsCells}.`,
      null,
      passed,
    );
  }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}

function includes(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0] ?? 0;
  for (
    let at = bytes.indexOf(first);
    at >= 0 && at + needle.length <= bytes.length;
    at = bytes.indexOf(first, at + 1)
  ) {
    if (needle.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
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
