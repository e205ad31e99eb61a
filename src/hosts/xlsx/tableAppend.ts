import type { CellValue } from "../../workbook/layout";
import type { TableAppend } from "../../workbook/port";
import { HostError } from "../hostError";
import { mergedArea, type MergedArea } from "./surveyPackage";
import { isFormulaText } from "./toExcelJsValue";
import { attributeIn } from "./xmlTagScanner";

/*
 * Rows appended to an Excel Table in place (WriteBatch.appends), for the patching xlsx host: the
 * new rows' XML is made here, streamed into the sheet after ExcelJS wrote the rest (largeSheets.ts),
 * never loaded into ExcelJS. What Excel does when rows are typed below a table is done to the
 * parts ExcelJS wrote: the table's range grows (tablePartGrown), data validation and conditional
 * formats down a table column to its last row reach the new last row (withRangesExtended), each
 * new cell takes the style ExcelJS gave the cell of its column in the table's last row, and a cell
 * with a number format of its own gets that style with the format (withNumberFormatStyles).
 */

/** An append checked against the table it goes into. */
export interface PlannedAppend {
  readonly append: TableAppend;
  /** The table's range in the file, zero-based and inclusive (header row on top). */
  readonly area: MergedArea;
  /** The first row written, and the row after the last. */
  readonly first: number;
  readonly end: number;
  /** The table's last row once grown. */
  readonly bottom: number;
  /** The table's last row in the file, whose styles new cells take; null when it has only its header. */
  readonly template: number | null;
}

/**
 * The append checked: rows from below the header to just below the table, each as wide as it.
 *
 * @example
 * planAppend(append, mergedArea("A3:AF4")) // { first: 3, end: 3 + rows, bottom: …, template: 3 }
 */
export function planAppend(append: TableAppend, area: MergedArea | null): PlannedAppend {
  if (area === null) {
    throw new HostError("excel_rejected", `There is no table "${append.table}" on "${append.sheet}".`);
  }
  const width = area.right - area.left + 1;
  const first = append.row;
  if (first <= area.top || first > area.bottom + 1 || append.values.some((row) => row.length !== width)) {
    throw new HostError("excel_rejected", `The rows do not fit below the table "${append.table}".`);
  }
  const end = first + append.values.length;
  return {
    append,
    area,
    first,
    end,
    bottom: Math.max(area.bottom, end - 1),
    template: area.bottom > area.top ? area.bottom : null,
  };
}

/** The range (`ref`) of the table named `name` in a table part's XML, or null when the part is another table's. */
export function tableRangeIn(xml: string, name: string): MergedArea | null {
  const element = /<(?:\w+:)?table\b[^>]*>/u.exec(xml)?.[0];
  if (element === undefined) return null;
  const names = [attributeIn(element, "name"), attributeIn(element, "displayName")];
  if (!names.some((n) => n?.toLowerCase() === name.toLowerCase())) return null;
  return mergedArea(attributeIn(element, "ref") ?? "");
}

/**
 * A table part grown over the appended rows: its `ref` and its filter's, down to the new bottom.
 *
 * @example
 * tablePartGrown(xml, planned) // ref="A3:AF4" → ref="A3:AF45993"
 */
export function tablePartGrown(xml: string, planned: PlannedAppend): string {
  const { area, bottom } = planned;
  const grown = `${cellRef(area.top, area.left)}:${cellRef(bottom, area.right)}`;
  return xml
    .replace(/(<(?:\w+:)?table\b[^>]*?\sref=")[^"]*(")/u, `$1${grown}$2`)
    .replace(/(<(?:\w+:)?autoFilter\b[^>]*?\sref=")[^"]*(")/u, `$1${grown}$2`);
}

/**
 * A sheet's XML after its rows with the `sqref` of every data validation and conditional format
 * extended as Excel extends them when a table grows: a range inside the table's columns, starting
 * below its header and ending at its last row, ends at the new last row.
 *
 * @example
 * withRangesExtended('<dataValidation sqref="B4 C4:C9">', planned) // sqref="B4:B45993 C4:C45993" (table A3:AF9 → 45993)
 */
export function withRangesExtended(tail: string, planned: PlannedAppend): string {
  const { area, bottom } = planned;
  if (bottom === area.bottom) return tail;
  const extend = (sqref: string): string =>
    sqref
      .split(/\s+/u)
      .map((part) => {
        const range = mergedArea(part.replace(/\$/gu, ""));
        if (range === null) return part;
        const inside = range.left >= area.left && range.right <= area.right && range.top > area.top;
        return inside && range.bottom === area.bottom
          ? `${cellRef(range.top, range.left)}:${cellRef(bottom, range.right)}`
          : part;
      })
      .join(" ");
  return tail.replace(
    /(<(?:\w+:)?(?:dataValidation|conditionalFormatting)\b[^>]*?\ssqref=")([^"]*)(")/gu,
    (_, open: string, sqref: string, close: string) => `${open}${extend(sqref)}${close}`,
  );
}

/**
 * The styles part with a cell format added for each (style, number format) pair asked: a copy of
 * the style with the number format (an existing custom format of that code, or a new one).
 * Returns the part and the style number of each pair, by `formatStyleKey`.
 *
 * @example
 * withNumberFormatStyles(xml, [{ base: "11", format: "yyyy-mm-dd hh:mm" }]).styles.get("11|yyyy-mm-dd hh:mm") // "27"
 */
export function withNumberFormatStyles(
  xml: string,
  pairs: readonly { readonly base: string | undefined; readonly format: string }[],
): { xml: string; styles: Map<string, string> } {
  const styles = new Map<string, string>();
  const xfsMatch = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/u.exec(xml);
  if (pairs.length === 0 || xfsMatch === null) return { xml, styles };
  const xfs = [...(xfsMatch[1] ?? "").matchAll(/<(?:\w+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?xf>)/gu)].map(
    (m) => m[0],
  );
  const formats = new Map<string, number>();
  let nextId = 164;
  for (const [element] of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/gu)) {
    const id = Number(attributeIn(element, "numFmtId") ?? "NaN");
    const code = unescapeXml(attributeIn(element, "formatCode") ?? "");
    if (Number.isFinite(id)) {
      if (!formats.has(code)) formats.set(code, id);
      nextId = Math.max(nextId, id + 1);
    }
  }
  const newFormats: string[] = [];
  const newXfs: string[] = [];
  for (const { base, format } of pairs) {
    const key = formatStyleKey(base, format);
    if (styles.has(key)) continue;
    let id = formats.get(format);
    if (id === undefined) {
      id = nextId++;
      formats.set(format, id);
      newFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`);
    }
    const model =
      xfs[Number(base ?? "0")] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const start = /^<[^>]*?\/?>/u.exec(model)?.[0] ?? model;
    const open = setAttribute(setAttribute(start, "numFmtId", String(id)), "applyNumberFormat", "1");
    newXfs.push(open + model.slice(start.length));
    styles.set(key, String(xfs.length + newXfs.length - 1));
  }
  const count = xfs.length + newXfs.length;
  let result = xml.replace(
    /(<(?:\w+:)?cellXfs\b[^>]*>)([\s\S]*?)(<\/(?:\w+:)?cellXfs>)/u,
    (_, open: string, body: string, close: string) =>
      `${setAttribute(open, "count", String(count))}${body}${newXfs.join("")}${close}`,
  );
  if (newFormats.length > 0) {
    const numFmts = /(<(?:\w+:)?numFmts\b[^>]*>)([\s\S]*?)(<\/(?:\w+:)?numFmts>)/u;
    const total = [...result.matchAll(/<(?:\w+:)?numFmt\b/gu)].length + newFormats.length;
    result = numFmts.test(result)
      ? result.replace(
          numFmts,
          (_, open: string, body: string, close: string) =>
            `${setAttribute(open, "count", String(total))}${body}${newFormats.join("")}${close}`,
        )
      : result.replace(
          /(<(?:\w+:)?styleSheet\b[^>]*>)/u,
          `$1<numFmts count="${newFormats.length}">${newFormats.join("")}</numFmts>`,
        );
  }
  return { xml: result, styles };
}

/** The key of a (style, number format) pair in withNumberFormatStyles's map. */
export function formatStyleKey(base: string | undefined, format: string): string {
  return `${base ?? ""}|${format}`;
}

/**
 * One appended cell's XML: text as a shared string (its number from `stringIndex`), "=…" as a
 * formula and "'=…" as the text after the apostrophe (as toExcelJsValue reads layout text),
 * numbers and booleans as themselves; an empty cell only with a style (else "").
 *
 * @example
 * appendedCellXml(3, 0, "露塘", "12", () => 300) // '<c r="A4" s="12" t="s"><v>300</v></c>'
 */
export function appendedCellXml(
  row: number,
  col: number,
  value: CellValue,
  style: string | undefined,
  stringIndex: (text: string) => number,
): string {
  const at = `<c r="${cellRef(row, col)}"${style === undefined ? "" : ` s="${style}"`}`;
  return cellXmlAt(at, value, style !== undefined, stringIndex);
}

/** A cell's XML from its start tag's beginning (`<c r="A4" s="12"`), as appendedCellXml. */
function cellXmlAt(
  at: string,
  value: CellValue,
  styled: boolean,
  stringIndex: (text: string) => number,
): string {
  if (value === null || value === "") return styled ? `${at}/>` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `${at}><v>${value}</v></c>` : `${at}/>`;
  if (typeof value === "boolean") return `${at} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (isFormulaText(value)) return `${at}><f>${escapeXml(value.slice(1))}</f></c>`;
  const text = /^'+=/u.test(value) ? value.slice(1) : value;
  return `${at} t="s"><v>${stringIndex(text)}</v></c>`;
}

/** What the appended rows' cells take from what ExcelJS wrote (see largeSheets.ts's mergeSheet). */
export interface AppendedStyles {
  /** The style ExcelJS wrote for each column's cell in the table's last row. */
  readonly templateStyles: ReadonlyMap<number, string | undefined>;
  /** Styles with a number format added, by formatStyleKey (see withNumberFormatStyles). */
  readonly formatStyles: ReadonlyMap<string, string>;
  /** The shared-string number of an appended text. */
  readonly stringIndex: (text: string) => number;
}

/**
 * The XML of appended rows, with what each column's cells share worked out once (their address
 * letters, and their style with and without each number format): 46,000 rows of 32 cells.
 *
 * @example
 * new AppendedRows(planned, styles).rowXml(3) // '<row r="4"><c r="A4" s="12" t="s"><v>300</v></c>…</row>'
 */
export class AppendedRows {
  private readonly letters: string[] = [];
  private readonly formats = new Map<number, Map<number, string>>();

  constructor(
    private readonly planned: PlannedAppend,
    private readonly styles: AppendedStyles,
  ) {
    const { area } = planned;
    for (let col = area.left; col <= area.right; col++) this.letters.push(cellRef(0, col).slice(0, -1));
    // Each cell's own number format, by row then column (rects expanded once: looked up cell by
    // cell, they would cost rows × columns × rects).
    for (const { rect, numberFormat } of planned.append.numberFormats) {
      for (let row = rect.row; row < rect.row + rect.rowCount; row++) {
        const cols = this.formats.get(row) ?? new Map<number, string>();
        for (let col = rect.col; col < rect.col + rect.colCount; col++) cols.set(col, numberFormat);
        this.formats.set(row, cols);
      }
    }
  }

  /** The row's cells over the table's columns into `cells` (by column), replacing what was there. */
  cellsInto(row: number, cells: Map<number, string>): void {
    const { left, right } = this.planned.area;
    for (let col = left; col <= right; col++) {
      const xml = this.cellXml(row, col);
      if (xml === "") cells.delete(col);
      else cells.set(col, xml);
    }
  }

  /** A row the file does not have, whole. */
  rowXml(row: number): string {
    const { left, right } = this.planned.area;
    let xml = `<row r="${row + 1}">`;
    for (let col = left; col <= right; col++) xml += this.cellXml(row, col);
    return `${xml}</row>`;
  }

  private cellXml(row: number, col: number): string {
    const { planned, styles } = this;
    const value = planned.append.values[row - planned.first]?.[col - planned.area.left] ?? null;
    const base = styles.templateStyles.get(col);
    const format = this.formats.get(row)?.get(col);
    const style = format === undefined ? base : styles.formatStyles.get(formatStyleKey(base, format));
    const at = `<c r="${this.letters[col - planned.area.left] ?? ""}${row + 1}"${style === undefined ? "" : ` s="${style}"`}`;
    return cellXmlAt(at, value, style !== undefined, styles.stringIndex);
  }
}

/** The texts of appended cells that become shared strings, each once, in the order first met. */
export function appendedStrings(appends: readonly PlannedAppend[]): Map<string, number> {
  const strings = new Map<string, number>();
  for (const { append } of appends) {
    for (const row of append.values) {
      for (const value of row) {
        if (typeof value !== "string" || value === "" || isFormulaText(value)) continue;
        const text = /^'+=/u.test(value) ? value.slice(1) : value;
        if (!strings.has(text)) strings.set(text, strings.size);
      }
    }
  }
  return strings;
}

/** A shared string item's XML (`<si><t xml:space="preserve">…</t></si>`). */
export function sharedStringXml(text: string): string {
  return `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`;
}

/** "B5" for zero-based row 4, column 1. */
export function cellRef(row: number, col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}

/** A start tag with an attribute set (replaced, or added before the tag's end). */
function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`, "u");
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/u, ` ${name}="${value}"$1>`);
}

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/gu, "&amp;")
      .replace(/</gu, "&lt;")
      .replace(/>/gu, "&gt;")
      .replace(/"/gu, "&quot;")
      // Characters XML 1.0 does not allow (control characters other than tab and line breaks), which
      // ExcelJS's writer drops too.
      // eslint-disable-next-line no-control-regex -- the pattern has to name the characters it removes
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, "")
  );
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&amp;/gu, "&");
}
