import type { SheetPatch, TableAppend, WorkbookPort, WriteBatch } from "../../workbook/port";
import { sequentialUpdate } from "../../workbook/port";
import { HostError } from "../hostError";
import { assertPatchable } from "./applySheetPatch";
import { AddedStrings, sheetWithValues, valuesOnly } from "./inPlaceValues";
import {
  countStrings,
  emptyStrings,
  isPackagePartList,
  stringsPart,
  withStringsPart,
  writeStrings,
} from "./packageStrings";
import { solidFillsOfStyles } from "./cellFills";
import { mergeSheet, reduceSheet, type ReducedSheet, type SheetContext, templateStyles } from "./largeSheets";
import { cellKey, PatchFootprint } from "./patchFootprint";
import { openXlsxPackage, type XlsxPackage } from "./prepareXlsxBytes";
import { readXlsxFile } from "./readXlsxFile";
import { saveFileAtomically } from "./saveFileAtomically";
import {
  type AppendedStyles,
  appendedStrings,
  planAppend,
  tablePartGrown,
  tableRangeIn,
  withNumberFormatStyles,
} from "./tableAppend";
import { nativeDeflater } from "./nativeDeflater";
import { mergedArea, worksheetNames } from "./surveyPackage";
import { XlsxStreamReader } from "./xlsxStreamReader";
import { xlsxFeatures, XlsxWorkbook } from "./xlsxWorkbook";
import { attributeIn } from "./xmlTagScanner";
import { deflatedEntry, inflateEntry, readZip, writeZip, type ZipEntry, ZipWriter } from "./zipArchive";

/**
 * A sheet with more cells than this is patched in place (see largeSheets.ts) rather than loaded
 * into ExcelJS: about 1,500 monitoring rows. Below it ExcelJS costs little, and writes the sheet whole.
 */
export const largeSheetCells = 50_000;

/**
 * A batch written: through ExcelJS (`book`, which holds the small sheets and the large sheets'
 * reduced copies), or in place (`inPlace`: the file's parts, the patched sheets' replaced, see
 * inPlaceValues.ts).
 */
type Pending =
  | { readonly book: XlsxWorkbook; readonly large: readonly LargeSheet[]; readonly inPlace: null }
  | { readonly book: null; readonly large: readonly LargeSheet[]; readonly inPlace: InPlace };

/** A batch of values written into the file's own XML: the package's entries with the patched sheets', and the texts added. */
interface InPlace {
  readonly entries: readonly ZipEntry[];
  readonly strings: AddedStrings;
}

/** A large sheet being patched: where it is in the file, what is known of it, and its reduced copy. */
interface LargeSheet {
  readonly name: string;
  readonly entry: ZipEntry;
  readonly context: SheetContext;
  readonly reduced: ReducedSheet;
}

/**
 * The xlsx host for `validate --out`: reads an `.xlsx` as the streaming reader does, and writes
 * validation's batch into a copy of the file changing only what the batch changes. Small sheets
 * and the summary sheet go through ExcelJS as in XlsxWorkbook; a sheet larger than
 * `largeSheetCells` (a year of monitoring data, or 100,000 rows of it) is never loaded whole:
 * ExcelJS gets a copy holding the few cells it must write or that stand for a style, and the
 * sheet's other cells are streamed from the file into the result with the style and string
 * numbers ExcelJS gave their kind (see largeSheets.ts). The file written is the one XlsxWorkbook
 * would write, cell for cell (`test/hosts/xlsx/xlsxPatchingWorkbook.test.ts` compares the two),
 * in a fraction of its time and memory.
 *
 * @example
 * const book = await XlsxPatchingWorkbook.open("big.xlsx");
 * const outcome = await validateWorkbook(book.port, plan, { locale: "zh-CN", asOf: "2023-06-30" });
 * await book.saveAtomically("marked.xlsx");
 */
export class XlsxPatchingWorkbook {
  readonly port: WorkbookPort;
  private readonly opened: XlsxPackage;
  private readonly threshold: number;
  private pending: Pending | null = null;

  private constructor(opened: XlsxPackage, threshold: number) {
    this.opened = opened;
    this.threshold = threshold;
    const reader = XlsxStreamReader.fromPackage(opened);
    // Formulas only ExcelJS reads: a caller that writes a sheet again whole asks for them (an
    // import where the rows cannot be appended in place), and pays ExcelJS's load for it.
    const read: WorkbookPort["read"] = async (sheetNames, options) =>
      options?.formulas === true
        ? (await XlsxWorkbook.fromBuffer(opened.bytes)).port.read(sheetNames, options)
        : reader.port.read(sheetNames, options);
    const write: WorkbookPort["write"] = (batch) => this.write(batch);
    const features = { ...xlsxFeatures, tableAppend: true };
    this.port = { read, write, update: sequentialUpdate(read, write), features };
  }

  /**
   * Reads an `.xlsx` from bytes, refusing what the other xlsx hosts refuse. `threshold`: the cells
   * above which a sheet is patched in place (tests set 0 to patch every sheet so).
   *
   * @example
   * const book = XlsxPatchingWorkbook.fromBuffer(await readFile("book.xlsx"));
   */
  static fromBuffer(bytes: Uint8Array, threshold = largeSheetCells): XlsxPatchingWorkbook {
    return new XlsxPatchingWorkbook(openXlsxPackage(bytes), threshold);
  }

  /**
   * Opens an `.xlsx` file (HostError "file_unavailable" or "not_a_workbook" as XlsxWorkbook.open).
   *
   * @example
   * const book = await XlsxPatchingWorkbook.open("submitted/柳南区.xlsx");
   */
  static async open(path: string, threshold = largeSheetCells): Promise<XlsxPatchingWorkbook> {
    return XlsxPatchingWorkbook.fromBuffer(await readXlsxFile(path), threshold);
  }

  /**
   * Writes the workbook as patched to `path` (through a temporary file and a rename, as
   * XlsxWorkbook.saveAtomically), streaming the large sheets. Before any write it is the file as read.
   *
   * @example
   * await book.saveAtomically("marked.xlsx");
   */
  async saveAtomically(path: string): Promise<void> {
    const { entries, large, added } = await this.written();
    await saveFileAtomically(path, (sink) => {
      this.assemble(entries, large, sink, added);
    });
  }

  /**
   * The workbook as `.xlsx` bytes, held whole (for tests; saveAtomically streams).
   *
   * @example
   * const bytes = await book.toBuffer();
   */
  async toBuffer(): Promise<Uint8Array> {
    const { entries, large, added } = await this.written();
    const chunks: Uint8Array[] = [];
    this.assemble(entries, large, (chunk) => chunks.push(chunk), added);
    const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.length;
    }
    return whole;
  }

  private async write(batch: WriteBatch): Promise<void> {
    if (this.pending !== null) {
      throw new HostError("excel_rejected", "The patching workbook writes one batch (validation's).");
    }
    const appends = batch.appends ?? [];
    const replaced = new Set(batch.sheets.map(({ layout }) => layout.name.toLowerCase()));
    const large = this.largeSheets(batch.patches ?? [], appends, replaced);
    for (const append of appends) {
      if (!large.some((sheet) => sheet.name.toLowerCase() === append.sheet.toLowerCase())) {
        throw new HostError("excel_rejected", `There is no sheet named "${append.sheet}" to append to.`);
      }
    }
    if (valuesOnly(batch)) {
      const inPlace = this.inPlace(batch.patches ?? [], large);
      if (inPlace !== null) {
        this.pending = { book: null, large, inPlace };
        return;
      }
    }
    const book = await this.excelJsCopy(large);
    const patches = (batch.patches ?? []).map((patch) => {
      const sheet = large.find((candidate) => candidate.name.toLowerCase() === patch.sheet.toLowerCase());
      return sheet?.context.footprint?.reducedTo(sheet.reduced.kept) ?? patch;
    });
    // The appended rows never reach ExcelJS: they are streamed into the sheet as it is saved.
    await book.port.write({ sheets: batch.sheets, patches, activate: batch.activate });
    this.pending = { book, large, inPlace: null };
  }

  /**
   * The batch's values written into the file's own sheets (the large ones' reduced copies, which
   * mergeSheet then merges as it merges ExcelJS's), or null where ExcelJS must write them (see
   * inPlaceValues.ts): a sheet protected (ExcelJS's host lifts or refuses), a sheet the batch
   * names that is not there (ExcelJS's host refuses), shared strings in a part of another name.
   */
  private inPlace(patches: readonly SheetPatch[], large: readonly LargeSheet[]): InPlace | null {
    const { entries, survey } = this.opened;
    for (const patch of patches) assertPatchable(patch);
    const strings = sharedStringsEntry(entries);
    if (strings !== null && strings.name !== stringsPart) return null;
    const added = new AddedStrings(strings === null ? 0 : survey.sharedStrings);
    const sheetParts = new Map([...survey.sheets].map(([part, sheet]) => [sheet.name.toLowerCase(), part]));
    const replaced = new Map<string, string>();
    const patchOf = (name: string): SheetPatch | undefined =>
      patches.find((patch) => patch.sheet.toLowerCase() === name.toLowerCase());
    for (const sheet of large) {
      if (survey.sheets.get(sheet.entry.name)?.protection !== false) return null;
      const merges = survey.sheets.get(sheet.entry.name)?.merges ?? [];
      const xml = sheetWithValues(sheet.reduced.xml, patchOf(sheet.name)?.values ?? [], merges, added);
      if (xml === null) return null;
      replaced.set(sheet.entry.name, xml);
    }
    for (const patch of patches) {
      const part = sheetParts.get(patch.sheet.toLowerCase());
      if (part === undefined) return null;
      if (replaced.has(part)) continue;
      const sheet = survey.sheets.get(part);
      if (sheet === undefined || sheet.protection) return null;
      const xml = sheetWithValues(text(entries, part), patch.values, sheet.merges, added);
      if (xml === null) return null;
      replaced.set(part, xml);
    }
    return {
      entries: [...entries.values()].map((entry) => {
        const xml = replaced.get(entry.name);
        return xml === undefined ? entry : deflatedEntry(entry.name, encoder.encode(xml), entry);
      }),
      strings: added,
    };
  }

  /** The package the batch made, before the large sheets are merged in: ExcelJS's, or the file's patched in place. */
  private async written(): Promise<{
    entries: readonly ZipEntry[];
    large: readonly LargeSheet[];
    added: AddedStrings | null;
  }> {
    const pending = this.pending;
    if (pending?.inPlace != null) {
      return { entries: pending.inPlace.entries, large: pending.large, added: pending.inPlace.strings };
    }
    const book = pending?.book ?? (await this.excelJsCopy([]));
    return {
      entries: readZip(new Uint8Array(await book.toBuffer())),
      large: pending?.large ?? [],
      added: null,
    };
  }

  /**
   * The sheets patched in place, each with its reduced copy: those over the threshold and those
   * rows are appended to, but not a sheet the batch writes again whole (ExcelJS loads it whole).
   */
  private largeSheets(
    patches: readonly SheetPatch[],
    appends: readonly TableAppend[],
    replaced: ReadonlySet<string>,
  ): LargeSheet[] {
    const { entries, survey } = this.opened;
    const appendOf = (name: string): TableAppend | undefined =>
      appends.find((append) => append.sheet.toLowerCase() === name.toLowerCase());
    const candidates = [...survey.sheets].filter(
      ([, sheet]) =>
        (sheet.cells > this.threshold || appendOf(sheet.name) !== undefined) &&
        !replaced.has(sheet.name.toLowerCase()),
    );
    if (candidates.length === 0) return [];
    const solidFills = solidFillsOfStyles(text(entries, stylesPart(entries)));
    return candidates.flatMap(([part, sheet]) => {
      const entry = entries.get(part);
      if (entry === undefined) return [];
      const patch = patches.find((candidate) => candidate.sheet.toLowerCase() === sheet.name.toLowerCase());
      const merged = new Set<number>();
      for (const area of sheet.merges) {
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++) merged.add(cellKey(r, c));
        }
      }
      const append = appendOf(sheet.name);
      const context: SheetContext = {
        footprint: patch === undefined ? null : new PatchFootprint(patch),
        solidFills,
        notes: noteCells(entries, part),
        links: cellsOf(sheet.links),
        merged,
        append: append === undefined ? null : planAppend(append, tableRange(entries, part, append.table)),
      };
      return [{ name: sheet.name, entry, context, reduced: reduceSheet(entry, context) }];
    });
  }

  /** ExcelJS's model of the file, the large sheets replaced by their reduced copies. */
  private async excelJsCopy(large: readonly LargeSheet[]): Promise<XlsxWorkbook> {
    if (large.length === 0) return XlsxWorkbook.fromBuffer(this.opened.bytes);
    const replaced = new Map(large.map((sheet) => [sheet.entry.name, sheet]));
    const entries = readZip(this.opened.bytes).map((entry) => {
      const sheet = replaced.get(entry.name);
      return sheet === undefined
        ? entry
        : deflatedEntry(entry.name, encoder.encode(sheet.reduced.xml), entry);
    });
    return XlsxWorkbook.fromBuffer(writeZip(entries));
  }

  /**
   * The package to save: ExcelJS's, its parts copied as they are, but for each large sheet (merged
   * with the file's, see mergeSheet) and the shared strings (ExcelJS's, then the file's, which the
   * large sheets' cells refer to past ExcelJS's).
   */
  private assemble(
    entries: readonly ZipEntry[],
    large: readonly LargeSheet[],
    sink: (chunk: Uint8Array) => void,
    added: AddedStrings | null,
  ): void {
    const writer = new ZipWriter(sink);
    // In place, the package is the file's, whose shared strings are its own (ExcelJS's are none).
    const inPlace = added !== null;
    const leading = added?.texts ?? [];
    if (large.length === 0 && leading.length === 0) {
      for (const entry of entries) writer.copy(entry);
      writer.end();
      return;
    }
    const byName = new Map([...worksheetNames(entries)].map(([part, name]) => [name.toLowerCase(), part]));
    const mergedParts = new Map<string, LargeSheet>();
    for (const sheet of large) {
      const part = byName.get(sheet.name.toLowerCase());
      if (part === undefined) throw new Error(`ExcelJS wrote no sheet "${sheet.name}".`);
      mergedParts.set(part, sheet);
    }
    const originalStrings = sharedStringsEntry(this.opened.entries);
    const excelStrings = inPlace ? undefined : entries.find((entry) => entry.name === stringsPart);
    const excelStringsXml = excelStrings === undefined ? null : decoder.decode(inflateEntry(excelStrings));
    const stringOffset = excelStringsXml === null ? 0 : countStrings(excelStringsXml);
    const originalCount = originalStrings === null ? 0 : this.opened.survey.sharedStrings;
    const appended = appendedParts(entries, [...mergedParts], stringOffset + originalCount + leading.length);
    const newStrings = [...leading, ...appended.strings.keys()];
    const writesStrings = originalStrings !== null || newStrings.length > 0;
    // The part written in place of the package's own strings part, if it has one.
    const stringsEntry = inPlace ? (originalStrings ?? undefined) : excelStrings;
    const addStringsPart = stringsEntry === undefined && writesStrings;
    for (const entry of entries) {
      const sheet = mergedParts.get(entry.name);
      const replacedPart = appended.parts.get(entry.name);
      if (replacedPart !== undefined) {
        writer.add(entry.name, encoder.encode(replacedPart), entry);
      } else if (sheet !== undefined) {
        // Level 3: twice as fast as 6 over a sheet of 100 MB, for a file a fifth larger; by Node's
        // zlib, three times as fast as fflate's (an import's 46,000 appended rows are 41 MB of XML).
        const push = writer.open(entry.name, entry, 3, nativeDeflater(3));
        const input = {
          context: sheet.context,
          reduced: sheet.reduced,
          written: decoder.decode(inflateEntry(entry)),
          stringOffset,
          appended: appended.cells.get(entry.name) ?? null,
        };
        mergeSheet(sheet.entry, input, (xml) => {
          push(encoder.encode(xml), false);
        });
        push(new Uint8Array(0), true);
      } else if (entry === stringsEntry && writesStrings) {
        writeStrings(
          writer,
          entry,
          excelStringsXml ?? emptyStrings,
          originalStrings,
          originalCount,
          newStrings,
        );
      } else if (addStringsPart && isPackagePartList(entry)) {
        writer.add(
          entry.name,
          encoder.encode(withStringsPart(decoder.decode(inflateEntry(entry)), entry.name)),
          entry,
        );
      } else {
        writer.copy(entry);
      }
    }
    if (addStringsPart) writeStrings(writer, null, emptyStrings, originalStrings, originalCount, newStrings);
    writer.end();
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function text(entries: ReadonlyMap<string, ZipEntry>, name: string | null): string {
  const entry = name === null ? undefined : entries.get(name);
  return entry === undefined ? "" : decoder.decode(inflateEntry(entry));
}

function stylesPart(entries: ReadonlyMap<string, ZipEntry>): string | null {
  if (entries.has("xl/styles.xml")) return "xl/styles.xml";
  return [...entries.keys()].find((name) => /(^|\/)styles\.xml$/u.test(name)) ?? null;
}

function sharedStringsEntry(entries: ReadonlyMap<string, ZipEntry>): ZipEntry | null {
  const name = [...entries.keys()].find((candidate) => /(^|\/)sharedStrings[^/]*\.xml$/u.test(candidate));
  return name === undefined ? null : (entries.get(name) ?? null);
}

/** The cells a sheet's notes are on, from the comments part its relationships name. */
function noteCells(entries: ReadonlyMap<string, ZipEntry>, sheetPart: string): Set<number> {
  const dir = sheetPart.slice(0, sheetPart.lastIndexOf("/"));
  const rels = text(entries, `${dir}/_rels/${sheetPart.slice(dir.length + 1)}.rels`);
  const cells = new Set<number>();
  for (const [element] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
    if (!/\/comments$/u.test(attributeIn(element, "Type") ?? "")) continue;
    const target = attributeIn(element, "Target") ?? "";
    const part = target.startsWith("/") ? target.slice(1) : joinPath(dir, target);
    for (const [comment] of text(entries, part).matchAll(/<(?:\w+:)?comment\b[^>]*>/gu)) {
      for (const key of cellsOf([attributeIn(comment, "ref") ?? ""])) cells.add(key);
    }
  }
  return cells;
}

/** The cells of references ("B5", "A1:C3"); a range larger than a screenful stands for its first cells. */
function cellsOf(refs: readonly string[]): Set<number> {
  const cells = new Set<number>();
  for (const ref of refs) {
    const area = mergedArea(ref);
    if (area === null) continue;
    for (let r = area.top; r <= Math.min(area.bottom, area.top + 1_000); r++) {
      for (let c = area.left; c <= Math.min(area.right, area.left + 100); c++) cells.add(cellKey(r, c));
    }
  }
  return cells;
}

function joinPath(dir: string, target: string): string {
  const parts = dir === "" ? [] : dir.split("/");
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** The range of the table `name` among the parts a sheet's relationships name, or null. */
function tableRange(
  entries: ReadonlyMap<string, ZipEntry>,
  sheetPart: string,
  name: string,
): ReturnType<typeof tableRangeIn> {
  const dir = sheetPart.slice(0, sheetPart.lastIndexOf("/"));
  const rels = text(entries, `${dir}/_rels/${sheetPart.slice(dir.length + 1)}.rels`);
  for (const [element] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
    if (!/\/table$/u.test(attributeIn(element, "Type") ?? "")) continue;
    const target = attributeIn(element, "Target") ?? "";
    const part = target.startsWith("/") ? target.slice(1) : joinPath(dir, target);
    const range = tableRangeIn(text(entries, part), name);
    if (range !== null) return range;
  }
  return null;
}

/**
 * What appending rows changes in the package ExcelJS wrote besides the sheets: each grown table's
 * part, the styles part with the appended cells' number formats, the appended texts (numbered from
 * `firstString`), and what each appended sheet's merge needs.
 */
function appendedParts(
  entries: readonly ZipEntry[],
  sheets: readonly (readonly [string, LargeSheet])[],
  firstString: number,
): {
  parts: Map<string, string>;
  strings: Map<string, number>;
  cells: Map<string, AppendedStyles>;
} {
  const planned = sheets.flatMap(([part, sheet]) =>
    sheet.context.append === null ? [] : [{ part, sheet, append: sheet.context.append }],
  );
  const parts = new Map<string, string>();
  const cells = new Map<string, AppendedStyles>();
  const strings = appendedStrings(planned.map(({ append }) => append));
  if (planned.length === 0) return { parts, strings, cells };
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const templates = new Map<string, Map<number, string | undefined>>();
  const pairs: { base: string | undefined; format: string }[] = [];
  for (const { part, append } of planned) {
    const written = byName.get(part);
    const styles = templateStyles(
      written === undefined ? "" : decoder.decode(inflateEntry(written)),
      append.template,
    );
    templates.set(part, styles);
    for (const { rect, numberFormat } of append.append.numberFormats) {
      for (let col = rect.col; col < rect.col + rect.colCount; col++) {
        pairs.push({ base: styles.get(col), format: numberFormat });
      }
    }
    for (const entry of entries) {
      if (!/^xl\/tables\/[^/]+\.xml$/u.test(entry.name)) continue;
      const xml = parts.get(entry.name) ?? decoder.decode(inflateEntry(entry));
      if (tableRangeIn(xml, append.append.table) !== null) parts.set(entry.name, tablePartGrown(xml, append));
    }
  }
  const stylesEntry = byName.get("xl/styles.xml");
  let formatStyles = new Map<string, string>();
  if (stylesEntry !== undefined && pairs.length > 0) {
    const styled = withNumberFormatStyles(decoder.decode(inflateEntry(stylesEntry)), pairs);
    parts.set(stylesEntry.name, styled.xml);
    formatStyles = styled.styles;
  }
  const stringIndex = (value: string): number => firstString + (strings.get(value) ?? 0);
  for (const { part } of planned) {
    cells.set(part, { templateStyles: templates.get(part) ?? new Map(), formatStyles, stringIndex });
  }
  return { parts, strings, cells };
}
