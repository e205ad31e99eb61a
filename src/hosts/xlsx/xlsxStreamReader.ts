import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CellRect, CellValue } from "../../workbook/layout";
import type { SheetSnapshot, WorkbookPort, WorkbookSnapshot, WriteBatch } from "../../workbook/port";
import { sequentialUpdate } from "../../workbook/port";
import { HostError } from "../hostError";
import { joinPart, partDir, relsPartOf } from "./partPath";
import { openXlsxPackage, refuse, type XlsxPackage } from "./prepareXlsxBytes";
import { assembleSnapshot, type CellWalk, extentOfRef, rectOfRef, type TableExtent } from "./snapshotSheet";
import type { MergedArea, PackageSurvey } from "./surveyPackage";
import { inflateEntry, inflateEntryChunks, type ZipEntry } from "./zipArchive";
import { xlsxFeatures } from "./xlsxWorkbook";
import { readXlsxFile } from "./readXlsxFile";
import type { ExportCell } from "../../core/import/readExportHeader";
import type { ExportSheetGrid } from "./readExportXlsx";

/**
 * A read-only xlsx host that reads only the sheets asked for, straight from their XML, without
 * building ExcelJS's model of the whole workbook: `validate` without `--out` writes nothing, and
 * for a workbook of 100,000 monitoring rows ExcelJS's model costs several times the time and
 * gigabytes of memory that reading the values does. It reads every cell as the ExcelJS host does
 * (see readCellValue; `test/hosts/xlsx/xlsxStreamReader.test.ts` compares the two on every fixture),
 * within the same bounds (assembleSnapshot). Formulas are not read (`formulas: true` is refused),
 * and `write` is refused: `update` works out its batch and drops it.
 *
 * @example
 * const book = await XlsxStreamReader.open("liuzhou-2023.xlsx");
 * const outcome = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
 */
export class XlsxStreamReader {
  readonly port: WorkbookPort;
  private readonly parts: ReadonlyMap<string, ZipEntry>;
  private readonly book: BookParts;
  private readonly survey: PackageSurvey;
  private strings: readonly SharedString[] | null = null;

  private constructor(parts: ReadonlyMap<string, ZipEntry>, book: BookParts, survey: PackageSurvey) {
    this.parts = parts;
    this.book = book;
    this.survey = survey;
    const read: WorkbookPort["read"] = (sheetNames, options) =>
      new Promise((resolve) => {
        if (options?.formulas === true) {
          throw new HostError("excel_rejected", "The streaming reader does not read formulas.");
        }
        resolve(this.read(sheetNames));
      });
    const write: WorkbookPort["write"] = (batch: WriteBatch) =>
      batch.sheets.length === 0 &&
      (batch.patches ?? []).length === 0 &&
      (batch.appends ?? []).length === 0 &&
      batch.activate === null
        ? Promise.resolve()
        : Promise.reject(new HostError("excel_rejected", "The streaming reader does not write."));
    const discard: WorkbookPort["write"] = () => Promise.resolve();
    this.port = { read, write, update: sequentialUpdate(read, discard), features: xlsxFeatures };
  }

  /**
   * Reads an `.xlsx` from bytes, refusing what XlsxWorkbook.fromBuffer refuses (HostError
   * "not_a_workbook" with an XlsxRefusal cause).
   *
   * @example
   * const book = XlsxStreamReader.fromBuffer(await readFile("book.xlsx"));
   */
  static fromBuffer(bytes: Uint8Array): XlsxStreamReader {
    return XlsxStreamReader.fromPackage(openXlsxPackage(bytes));
  }

  /**
   * Reads a package openXlsxPackage has checked (see XlsxPatchingWorkbook, which reads and writes it).
   *
   * @example
   * const reader = XlsxStreamReader.fromPackage(openXlsxPackage(bytes));
   */
  static fromPackage(opened: XlsxPackage): XlsxStreamReader {
    const { entries: parts, survey } = opened;
    try {
      const book = readBookParts(parts);
      if (book.sheets.length === 0) {
        throw refuse("not_a_spreadsheet", "The file is not an .xlsx workbook: it holds no worksheets.");
      }
      return new XlsxStreamReader(parts, book, survey);
    } catch (cause) {
      if (cause instanceof HostError) throw cause;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw refuse("damaged", `The workbook cannot be read: ${reason}`);
    }
  }

  /**
   * Opens an `.xlsx` file: HostError "file_unavailable" when it cannot be read, "not_a_workbook"
   * when it is not one (as XlsxWorkbook.open).
   *
   * @example
   * const book = await XlsxStreamReader.open("submitted/柳南区.xlsx");
   */
  static async open(path: string): Promise<XlsxStreamReader> {
    const bytes = await readXlsxFile(path);
    return XlsxStreamReader.fromBuffer(bytes);
  }

  /**
   * One sheet of an export as the import reads it (the sheet named, or the first one): every cell
   * in a grid, unbounded by the port's read bounds (an export has no tables to bound it; the survey
   * bounded the package when it was opened). Null for a workbook counting dates from 1904, whose
   * serials only ExcelJS's whole loader turns into the ones every other file has.
   *
   * @example
   * const read = XlsxStreamReader.fromBuffer(bytes).exportGrid("实时数据");
   */
  exportGrid(sheetName?: string): ExportSheetGrid | null {
    if (this.book.date1904) return null;
    const sheetNames = this.book.sheets.map((sheet) => sheet.name);
    const wanted = sheetName?.toLowerCase();
    const sheet =
      wanted === undefined
        ? this.book.sheets[0]
        : this.book.sheets.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (sheet === undefined) return { kind: "sheet_missing", sheetNames };
    const grid: ExportCell[][] = [];
    try {
      this.strings ??= readSharedStrings(this.parts, this.book.sharedStringsPart);
      const merges = this.survey.sheets.get(sheet.part)?.merges ?? [];
      walkCells(
        this.parts,
        sheet,
        this.strings,
        merges,
      )((row, col, value) => {
        while (grid.length <= row) grid.push([]);
        const cells = grid[row] ?? [];
        while (cells.length < col) cells.push("");
        cells[col] = value;
      });
    } catch (cause) {
      if (cause instanceof HostError) throw cause;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw refuse("damaged", `The sheet "${sheet.name}" cannot be read: ${reason}`);
    }
    return { kind: "grid", sheet: sheet.name, sheetNames, grid };
  }

  private read(sheetNames: readonly string[]): WorkbookSnapshot {
    const sheets = new Map<string, SheetSnapshot>();
    for (const name of sheetNames) {
      // Excel's sheet names ignore case, as Office.js's getItem does.
      const wanted = name.toLowerCase();
      const sheet = this.book.sheets.find((candidate) => candidate.name.toLowerCase() === wanted);
      if (sheet === undefined) continue;
      try {
        this.strings ??= readSharedStrings(this.parts, this.book.sharedStringsPart);
        const merges = this.survey.sheets.get(sheet.part)?.merges ?? [];
        sheets.set(name, readSheet(this.parts, sheet, this.strings, merges));
      } catch (cause) {
        if (cause instanceof HostError) throw cause;
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw refuse("damaged", `The sheet "${sheet.name}" cannot be read: ${reason}`);
      }
    }
    return {
      sheetNames: this.book.sheets.map((sheet) => sheet.name),
      sheets,
      tableNames: this.book.sheets.flatMap((sheet) => sheet.tables.map((table) => table.name)),
    };
  }
}

/** What the workbook part and its relationships say: the worksheets in tab order, and where the strings are. */
interface BookParts {
  readonly sheets: readonly SheetPart[];
  readonly sharedStringsPart: string | null;
  /** Dates counted from 1904 (`<workbookPr date1904="1">`, old Mac files). */
  readonly date1904: boolean;
}

interface SheetPart {
  readonly name: string;
  readonly part: string;
  readonly tables: readonly {
    readonly name: string;
    readonly extent: TableExtent | null;
    readonly rect: CellRect | null;
  }[];
}

/** A shared string: its text, with `_xHHHH_` escapes decoded as ExcelJS decodes them. */
type SharedString = string;

const relTypes = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  table: "/table",
} as const;

function readBookParts(parts: ReadonlyMap<string, ZipEntry>): BookParts {
  const rootRels = readRelationships(parts, "", "_rels/.rels");
  const workbookPart =
    rootRels.find((rel) => rel.type.endsWith(relTypes.officeDocument))?.target ?? "xl/workbook.xml";
  const workbookRels = readRelationships(parts, partDir(workbookPart), relsPathOf(workbookPart));
  const targets = new Map(workbookRels.map((rel) => [rel.id, rel]));

  const sheets: SheetPart[] = [];
  let date1904 = false;
  parseXml(textOf(parts, workbookPart), (tag) => {
    if (localName(tag.name) === "workbookPr") {
      const flag = tag.attributes.date1904 ?? "";
      date1904 = flag === "1" || flag.toLowerCase() === "true";
    }
    if (localName(tag.name) !== "sheet") return;
    const rel = targets.get(attribute(tag, "id") ?? "");
    // Chart sheets and dialog sheets are not worksheets: ExcelJS lists only worksheets too.
    if (rel === undefined || !rel.type.endsWith(relTypes.worksheet) || !parts.has(rel.target)) return;
    sheets.push({ name: tag.attributes.name ?? "", part: rel.target, tables: readTables(parts, rel.target) });
  });
  const sharedStrings = workbookRels.find((rel) => rel.type.endsWith(relTypes.sharedStrings));
  return { sheets, sharedStringsPart: sharedStrings?.target ?? null, date1904 };
}

function readTables(parts: ReadonlyMap<string, ZipEntry>, sheetPart: string): SheetPart["tables"] {
  return readRelationships(parts, partDir(sheetPart), relsPathOf(sheetPart))
    .filter((rel) => rel.type.endsWith(relTypes.table) && parts.has(rel.target))
    .flatMap((rel) => {
      const tables: SheetPart["tables"][number][] = [];
      parseXml(textOf(parts, rel.target), (tag) => {
        if (localName(tag.name) !== "table") return;
        const ref = tag.attributes.ref ?? "";
        tables.push({ name: tag.attributes.name ?? "", extent: extentOfRef(ref), rect: rectOfRef(ref) });
      });
      // A table part holds one table: its root element.
      return tables.slice(0, 1);
    });
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part the relationship points at, as a name in the zip ("xl/worksheets/sheet1.xml"). */
  readonly target: string;
}

/** The relationships of a part: targets resolved against the part's folder, or absolute ("/xl/…", openpyxl). */
function readRelationships(
  parts: ReadonlyMap<string, ZipEntry>,
  sourceDir: string,
  relsPath: string,
): Relationship[] {
  if (!parts.has(relsPath)) return [];
  const rels: Relationship[] = [];
  parseXml(textOf(parts, relsPath), (tag) => {
    if (localName(tag.name) !== "Relationship" || tag.attributes.TargetMode === "External") return;
    const target = tag.attributes.Target ?? "";
    const resolved = target.startsWith("/") ? target.slice(1) : joinPart(sourceDir, target);
    rels.push({ id: tag.attributes.Id ?? "", type: tag.attributes.Type ?? "", target: resolved });
  });
  return rels;
}

function relsPathOf(part: string): string {
  return relsPartOf(part);
}

/** The shared strings' texts: runs joined, phonetic guides (`<rPh>`) left out, as ExcelJS reads them. */
function readSharedStrings(parts: ReadonlyMap<string, ZipEntry>, part: string | null): SharedString[] {
  if (part === null || !parts.has(part)) return [];
  const strings: SharedString[] = [];
  let current: string[] | null = null;
  let inPhonetic = 0;
  let inText = false;
  const parser = newParser();
  parser.on("opentag", (tag) => {
    switch (localName(tag.name)) {
      case "si":
        current = [];
        break;
      case "rPh":
        inPhonetic++;
        break;
      case "t":
        inText = current !== null && inPhonetic === 0;
        break;
    }
  });
  parser.on("text", (text) => {
    if (inText && current !== null) current.push(text);
  });
  parser.on("closetag", (tag) => {
    switch (localName(tag.name)) {
      case "si":
        strings.push(decodeEscapes((current ?? []).join("")));
        current = null;
        break;
      case "rPh":
        inPhonetic--;
        break;
      case "t":
        inText = false;
        break;
    }
  });
  feedEntry(parser, entryOf(parts, part));
  return strings;
}

/**
 * One worksheet's filled cells, through assembleSnapshot. Cells are read as readCellValue reads
 * ExcelJS's: a formula as its cached result ("" without one), a shared string or inline string as
 * its text, `t="b"` as a boolean, `t="e"` as its error code, a number as the number the file holds
 * (a date is its serial, as Office.js reports it), and the covered cells of a merged area as "".
 */
function readSheet(
  parts: ReadonlyMap<string, ZipEntry>,
  sheet: SheetPart,
  strings: readonly SharedString[],
  merges: readonly MergedArea[],
): SheetSnapshot {
  const extents = sheet.tables.map((table) => table.extent).filter((extent) => extent !== null);
  const snapshot = assembleSnapshot(
    sheet.name,
    sheet.tables.map((table) => table.name),
    extents,
    walkCells(parts, sheet, strings, merges),
  );
  const tableRects = sheet.tables.flatMap(({ name, rect }) => (rect === null ? [] : [{ name, rect }]));
  return { ...snapshot, tableRects };
}

/** Every filled cell of a worksheet in row-major order, read as readSheet describes. */
function walkCells(
  parts: ReadonlyMap<string, ZipEntry>,
  sheet: SheetPart,
  strings: readonly SharedString[],
  merges: readonly MergedArea[],
): CellWalk {
  const covered = coveredCells(merges);
  return (visit) => {
    let row = -1;
    let col = -1;
    let type = "";
    let hasFormula = false;
    let value: string[] | null = null;
    let inline: string[] | null = null;
    let inPhonetic = 0;
    let capture: string[] | null = null;
    const parser = newParser();
    parser.on("opentag", (tag) => {
      switch (localName(tag.name)) {
        case "row": {
          const r = tag.attributes.r;
          row = r === undefined ? row + 1 : Number(r) - 1;
          col = -1;
          break;
        }
        case "c": {
          const ref = tag.attributes.r;
          const at = ref === undefined ? null : decodeRef(ref);
          if (at === null) col++;
          else [row, col] = [at.row, at.col];
          type = tag.attributes.t ?? "n";
          hasFormula = false;
          value = null;
          inline = null;
          break;
        }
        case "f":
          hasFormula = true;
          break;
        case "v":
          value = [];
          capture = value;
          break;
        case "is":
          inline = [];
          break;
        case "rPh":
          inPhonetic++;
          break;
        case "t":
          if (inline !== null && inPhonetic === 0) capture = inline;
          break;
      }
    });
    parser.on("text", (text) => {
      if (capture !== null) capture.push(text);
    });
    parser.on("closetag", (tag) => {
      switch (localName(tag.name)) {
        case "v":
        case "t":
          capture = null;
          break;
        case "rPh":
          inPhonetic--;
          break;
        case "c": {
          if (covered.has(row * maxColumns + col)) break;
          const read = cellValue(type, hasFormula, value, inline, strings);
          if (read !== "") visit(row, col, read);
          break;
        }
      }
    });
    feedEntry(parser, entryOf(parts, sheet.part));
  };
}

function cellValue(
  type: string,
  hasFormula: boolean,
  value: readonly string[] | null,
  inline: readonly string[] | null,
  strings: readonly SharedString[],
): Exclude<CellValue, null> {
  if (type === "inlineStr" && !hasFormula) return decodeEscapes((inline ?? []).join(""));
  if (value === null) return "";
  const text = value.join("");
  switch (type) {
    case "s": {
      if (hasFormula) return text;
      const string = strings[Number(text)];
      // Not "": ExcelJS refuses such a file as damaged, and an entry must not read as blank.
      if (string === undefined)
        throw new Error(`A cell refers to shared string ${text}, which is not there.`);
      return string;
    }
    case "str":
      return text;
    case "b":
      return Number.parseInt(text, 10) !== 0;
    case "e":
      return text;
    case "d":
      return isoToSerial(text);
    default: {
      // A number; what cannot be one is reported as the file says it, for the rules to flag.
      const number = Number.parseFloat(text);
      return Number.isNaN(number) ? text : number;
    }
  }
}

/** Excel's grid is 16,384 columns wide: a cell's key in the covered set is row × this + column. */
const maxColumns = 16_384;

/**
 * The cells the merged areas cover, besides their top-left ones (the survey found the areas and
 * bounded their total size, xlsxLimits.mergedCells).
 */
function coveredCells(merges: readonly MergedArea[]): ReadonlySet<number> {
  const covered = new Set<number>();
  for (const area of merges) {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r !== area.top || c !== area.left) covered.add(r * maxColumns + c);
      }
    }
  }
  return covered;
}

/** "AB12" → zero-based row 11, column 27; null for anything else. */
function decodeRef(ref: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/u.exec(ref);
  if (match === null) return null;
  let col = 0;
  for (const letter of match[1] ?? "") col = col * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** Days from Excel's 1900 epoch (serial 0 = 1899-12-30 counting the 1900 leap-year bug) to 1970-01-01. */
const unixEpochSerial = 25569;

/** An ISO 8601 date cell (`t="d"`, written by some tools) as the serial number Excel would store. */
function isoToSerial(text: string): Exclude<CellValue, null> {
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/u.test(text) ? text : `${text}Z`);
  return Number.isNaN(time) ? text : unixEpochSerial + time / 86_400_000;
}

/** OOXML's `_xHHHH_` escapes for characters XML cannot hold, decoded as ExcelJS decodes them. */
function decodeEscapes(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

/** A prefixed name's local part: "x:row" → "row" (some tools write the main namespace with a prefix). */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function attribute(tag: SaxesTagPlain, local: string): string | undefined {
  const key = Object.keys(tag.attributes).find((name) => localName(name) === local && name.includes(":"));
  return key === undefined ? undefined : tag.attributes[key];
}

function entryOf(parts: ReadonlyMap<string, ZipEntry>, name: string): ZipEntry {
  const entry = parts.get(name);
  if (entry === undefined) throw new Error(`The package has no part ${name}.`);
  return entry;
}

function textOf(parts: ReadonlyMap<string, ZipEntry>, name: string): Uint8Array {
  return inflateEntry(entryOf(parts, name));
}

/** Calls `onTag` for every start tag of a small part. */
function parseXml(xml: Uint8Array, onTag: (tag: SaxesTagPlain) => void): void {
  const parser = newParser();
  parser.on("opentag", onTag);
  feed(parser, xml);
}

/** A parser without position tracking or namespaces: faster, and tags carry plain attributes. */
function newParser(): PlainParser {
  return new SaxesParser({ position: false, xmlns: false });
}

type PlainParser = SaxesParser<{ position: false; xmlns: false }>;

/** Feeds an entry to the parser as it inflates, so that no one string or buffer holds a whole sheet. */
function feedEntry(parser: PlainParser, entry: ZipEntry): void {
  const decoder = new TextDecoder("utf-8");
  inflateEntryChunks(entry, (chunk) => {
    parser.write(decoder.decode(chunk, { stream: true }));
  });
  parser.write(decoder.decode());
  parser.close();
}

/** Feeds UTF-8 bytes to the parser a megabyte at a time, so that no one string holds a whole sheet. */
function feed(parser: PlainParser, xml: Uint8Array): void {
  const decoder = new TextDecoder("utf-8");
  const chunk = 1 << 20;
  for (let at = 0; at < xml.length; at += chunk) {
    parser.write(decoder.decode(xml.subarray(at, at + chunk), { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
}
