import type { XlsxCountLimit } from "./xlsxLimits";
import { xlsxLimits } from "./xlsxLimits";
import {
  attributeIn,
  attributeOf,
  nameHash,
  type ScannedTag,
  XmlScanProblem,
  XmlTagScanner,
} from "./xmlTagScanner";
import { inflateEntry, inflateEntryChunks, type ZipEntry, ZipProblem } from "./zipArchive";

/** A merged area, zero-based and inclusive. */
export interface MergedArea {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One worksheet as the survey counted it. */
export interface SheetSurvey {
  /** The sheet's name from the workbook part, or the part's name when the workbook does not list it. */
  readonly name: string;
  readonly rows: number;
  readonly cells: number;
  readonly merges: readonly MergedArea[];
  /** The cells or ranges of its links (`<hyperlink ref>`). */
  readonly links: readonly string[];
  /** Whether it has a `<sheetProtection>` (which normalisePackage may have to rewrite). */
  readonly protection: boolean;
  /**
   * Whether that protection has a password (a `hashValue`, or the legacy `password` hash): the host
   * lifts only a protection without one around its writes (see sheetProtections.ts). ExcelJS keeps
   * the legacy hash nowhere, so only the file's own element can tell.
   */
  readonly password: boolean;
  /**
   * The legacy password hash (`<sheetProtection password="CC3D">`, as Excel 2003 and other programs
   * write it), which ExcelJS drops on save: the host writes it back (see withLegacyPasswords).
   */
  readonly legacyPassword: string | null;
}

/** What the whole package holds, counted before anything is loaded. */
export interface PackageSurvey {
  /** By part name ("xl/worksheets/sheet3.xml"). */
  readonly sheets: ReadonlyMap<string, SheetSurvey>;
  readonly cells: number;
  readonly sharedStrings: number;
}

/** A limit of xlsxLimits passed: which, what was found, and where (the sheet and the cell or area). */
export interface LimitPassed {
  readonly limit: XlsxCountLimit;
  readonly limitValue: number;
  /** The count at which reading stopped (the first one over the limit). */
  readonly found: number;
  readonly sheet: string | null;
  /** A cell ("A300001"), a merged area ("A5:ALL10005") or null. */
  readonly at: string | null;
}

/** Why the survey refused the package: a limit passed, or XML no workbook holds. */
export class SurveyProblem extends Error {
  override readonly name = "SurveyProblem";

  constructor(
    readonly code: "over_limit" | "xml_entities" | "damaged",
    message: string,
    readonly passed: LimitPassed | null = null,
  ) {
    super(message);
  }
}

const hashes = {
  row: nameHash("row"),
  c: nameHash("c"),
  mergeCell: nameHash("mergeCell"),
  hyperlink: nameHash("hyperlink"),
  sheetProtection: nameHash("sheetProtection"),
  si: nameHash("si"),
} as const;

/** Parts that are XML and are scanned (others are only inflated, to hold them to their declared size). */
const xmlPart = /\.(xml|rels|vml)$/iu;
const worksheetPart = /(^|\/)worksheets\/[^/]+\.xml$/u;
const sharedStringsPart = /(^|\/)sharedStrings[^/]*\.xml$/u;

/**
 * Inflates every part of a package once, as a stream, and counts what a reader would have to
 * hold: rows, cells and merged areas (number and area) of every worksheet, and shared strings,
 * refusing (SurveyProblem "over_limit", naming the limit, the sheet and the cell) the moment one
 * passes xlsxLimits. Every part is held to the size its zip header declares (ZipProblem
 * "damaged" for one that lies), and every XML part must nest and declare no document type
 * (SurveyProblem "xml_entities"). Both xlsx readers survey a file before reading it, so both give
 * the same verdict on it.
 *
 * @example
 * const survey = surveyPackage(readZip(bytes));
 * survey.sheets.get("xl/worksheets/sheet1.xml")?.merges
 */
export function surveyPackage(entries: readonly ZipEntry[]): PackageSurvey {
  if (entries.length > xlsxLimits.entries) {
    throw overLimit("entries", entries.length, null, null);
  }
  const names = worksheetNames(entries);
  const sheets = new Map<string, SheetSurvey>();
  let cells = 0;
  let mergedAreas = 0;
  let mergedCells = 0;
  let sharedStrings = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    if (!xmlPart.test(entry.name)) {
      // Not scanned, but held to its declared size all the same.
      inflateEntryChunks(entry, () => undefined);
      continue;
    }
    const isSheet = worksheetPart.test(entry.name);
    const isStrings = sharedStringsPart.test(entry.name);
    const sheet = names.get(entry.name) ?? entry.name;
    let rows = 0;
    let sheetCells = 0;
    let rowNumber = 0;
    const merges: MergedArea[] = [];
    const links: string[] = [];
    let protection = false;
    let password = false;
    let legacyPassword: string | null = null;
    const onTag = (tag: ScannedTag): void => {
      if (tag.kind === "close" || tag.kind === "other") return;
      if (isSheet) {
        if (tag.localHash === hashes.row) {
          rows++;
          const r = attributeOf(tag, "r");
          rowNumber = r === undefined ? rowNumber + 1 : Number(r);
          if (rows > xlsxLimits.rowsPerSheet) throw overLimit("rowsPerSheet", rows, sheet, `${rowNumber}`);
        } else if (tag.localHash === hashes.c) {
          sheetCells++;
          cells++;
          if (sheetCells > xlsxLimits.cellsPerSheet) {
            throw overLimit("cellsPerSheet", sheetCells, sheet, attributeOf(tag, "r") ?? `${rowNumber}`);
          }
          if (cells > xlsxLimits.cellsPerWorkbook) {
            throw overLimit("cellsPerWorkbook", cells, sheet, attributeOf(tag, "r") ?? `${rowNumber}`);
          }
        } else if (tag.localHash === hashes.mergeCell) {
          const area = mergedArea(attributeOf(tag, "ref") ?? "");
          if (area === null) return;
          mergedAreas++;
          if (mergedAreas > xlsxLimits.mergedAreas)
            throw overLimit("mergedAreas", mergedAreas, sheet, area.ref);
          mergedCells += (area.bottom - area.top + 1) * (area.right - area.left + 1);
          if (mergedCells > xlsxLimits.mergedCells)
            throw overLimit("mergedCells", mergedCells, sheet, area.ref);
          merges.push(area);
        } else if (tag.localHash === hashes.sheetProtection) {
          protection = true;
          legacyPassword = attributeOf(tag, "password") ?? null;
          password = attributeOf(tag, "hashValue") !== undefined || legacyPassword !== null;
        } else if (tag.localHash === hashes.hyperlink) {
          const ref = attributeOf(tag, "ref");
          if (ref !== undefined) links.push(ref);
        }
      } else if (isStrings && tag.localHash === hashes.si) {
        sharedStrings++;
        if (sharedStrings > xlsxLimits.sharedStrings) {
          throw overLimit("sharedStrings", sharedStrings, null, null);
        }
      }
    };
    const scanner = new XmlTagScanner(onTag, null, xlsxLimits.tagBytes);
    try {
      inflateEntryChunks(entry, (chunk) => {
        scanner.push(chunk);
      });
      scanner.end();
    } catch (cause) {
      if (cause instanceof XmlScanProblem) {
        if (cause.code === "doctype") {
          throw new SurveyProblem("xml_entities", `${entry.name} declares a document type: ${cause.message}`);
        }
        if (cause.code === "tag_too_long") throw overLimit("tagBytes", xlsxLimits.tagBytes + 1, sheet, null);
        const part = isSheet ? `The sheet "${sheet}" (${entry.name})` : entry.name;
        throw new SurveyProblem("damaged", `${part} is not well-formed XML: ${cause.message}`);
      }
      throw cause;
    }
    if (isSheet)
      sheets.set(entry.name, {
        name: sheet,
        rows,
        cells: sheetCells,
        merges,
        links,
        protection,
        password,
        legacyPassword,
      });
  }
  return { sheets, cells, sharedStrings };
}

function overLimit(
  limit: XlsxCountLimit,
  found: number,
  sheet: string | null,
  at: string | null,
): SurveyProblem {
  const where = sheet === null ? "" : ` in "${sheet}"${at === null ? "" : ` at ${at}`}`;
  return new SurveyProblem("over_limit", `Over the limit ${limit} (${xlsxLimits[limit]})${where}.`, {
    limit,
    limitValue: xlsxLimits[limit],
    found,
    sheet,
    at,
  });
}

/** "A5:ALL10005" (or one cell, "B2") as a zero-based inclusive area; null for anything else. */
export function mergedArea(ref: string): MergedArea | null {
  const [from, to = from] = ref.split(":");
  const a = decodeCellRef(from ?? "");
  const b = decodeCellRef(to ?? "");
  if (a === null || b === null) return null;
  return {
    ref,
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** "AB12" → zero-based row 11, column 27; null for anything else (or beyond Excel's grid). */
export function decodeCellRef(ref: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/u.exec(ref);
  if (match === null) return null;
  let col = 0;
  for (const letter of match[1] ?? "") col = col * 26 + letter.charCodeAt(0) - 64;
  const row = Number(match[2]);
  if (row < 1 || row > 1_048_576 || col > 16_384) return null;
  return { row: row - 1, col: col - 1 };
}

const officeDocument = /\/officeDocument$/u;
const worksheetRel = /\/worksheet$/u;

/**
 * Worksheet part names → the sheets' names, from the workbook part and its relationships (small:
 * read whole).
 *
 * @example
 * worksheetNames(readZip(bytes)).get("xl/worksheets/sheet8.xml") // "监测数据"
 */
export function worksheetNames(entries: readonly ZipEntry[]): Map<string, string> {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const text = (name: string): string | null => {
    const entry = byName.get(name);
    if (entry === undefined) return null;
    try {
      return new TextDecoder().decode(inflateEntry(entry));
    } catch (cause) {
      // Reported by the survey of the part itself.
      if (cause instanceof ZipProblem) return null;
      throw cause;
    }
  };
  const rels = (xml: string | null, dir: string): Map<string, { type: string; target: string }> => {
    const found = new Map<string, { type: string; target: string }>();
    for (const [element] of (xml ?? "").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
      const target = attributeIn(element, "Target") ?? "";
      found.set(attributeIn(element, "Id") ?? "", {
        type: attributeIn(element, "Type") ?? "",
        target: target.startsWith("/") ? target.slice(1) : joinPath(dir, target),
      });
    }
    return found;
  };
  const root = [...rels(text("_rels/.rels"), "").values()].find((rel) => officeDocument.test(rel.type));
  const workbook = root?.target ?? "xl/workbook.xml";
  const dir = workbook.includes("/") ? workbook.slice(0, workbook.lastIndexOf("/")) : "";
  const workbookRels = rels(
    text(`${dir === "" ? "" : `${dir}/`}_rels/${workbook.slice(dir.length + (dir === "" ? 0 : 1))}.rels`),
    dir,
  );
  const names = new Map<string, string>();
  for (const [element] of (text(workbook) ?? "").matchAll(/<(?:\w+:)?sheet\b[^>]*>/gu)) {
    const rel = workbookRels.get(attributeIn(element, "id") ?? "");
    if (rel !== undefined && worksheetRel.test(rel.type)) {
      names.set(rel.target, unescapeXml(attributeIn(element, "name") ?? ""));
    }
  }
  return names;
}

/** `dir` joined with a relative target, ".." and "." resolved. */
function joinPath(dir: string, target: string): string {
  const parts: string[] = dir === "" ? [] : dir.split("/");
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

function unescapeXml(value: string): string {
  return value
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/giu, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/gu, "&");
}
