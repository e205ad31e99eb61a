import type { CellValue } from "../../workbook/layout";
import type { RectValues, WriteBatch } from "../../workbook/port";
import { columnStyles, dimensionOf, unionRef, withDimension, withoutAttributes } from "./largeSheets";
import { parseRowXml, type SheetRow } from "./sheetRows";
import type { MergedArea } from "./surveyPackage";
import { cellRef } from "./tableAppend";
import { isFormulaText } from "./toExcelJsValue";

/*
 * A batch that only puts values into cells (a merge filling the city's empty cells, an import's
 * appended rows) is written into the file's own XML, without loading the workbook into ExcelJS:
 * for a command that reads fourteen returned forms, ExcelJS's load and save of the city's book
 * (cold, once per process) cost as much as reading them all. Each written cell keeps its style
 * number and its other attributes, and takes the value as ExcelJS writes one (text as a shared
 * string, numbers and booleans as themselves, an empty value as a styled blank); nothing else of
 * the package changes. Where ExcelJS would do more than that — a cell that does not exist yet in
 * a row or column with a style of its own (ExcelJS gives the new cell that style), a formula, a
 * merged area's covered cell, a protected sheet, a namespace prefix — the batch goes through
 * ExcelJS as before (XlsxPatchingWorkbook decides).
 */

/**
 * Whether the batch only writes values the in-place writer writes as ExcelJS would: no sheet
 * written whole, no fills, no notes, no sheet activated, no formula (or text ExcelJS would read
 * back differently: an apostrophe before "=", an `_xHHHH_` escape).
 *
 * @example
 * valuesOnly({ sheets: [], patches: [{ sheet: "附件1 任务清单", values, fills: [], clearNotes: null, notes: [] }], activate: null }) // true
 */
export function valuesOnly(batch: WriteBatch): boolean {
  if (batch.sheets.length > 0 || batch.activate !== null) return false;
  return (batch.patches ?? []).every(
    (patch) =>
      patch.fills.length === 0 &&
      patch.notes.length === 0 &&
      patch.clearNotes === null &&
      patch.values.every(({ values }) => values.every((row) => row.every(writableInPlace))),
  );
}

function writableInPlace(value: CellValue): boolean {
  return (
    typeof value !== "string" ||
    (!isFormulaText(value) && !/^'+=/u.test(value) && !/_x[0-9A-Fa-f]{4}_/u.test(value))
  );
}

/**
 * Texts the in-place writer adds to the shared strings, numbered from `first` (the file's own
 * strings come before them).
 *
 * @example
 * const strings = new AddedStrings(120);
 * strings.index("推进中") // 120
 */
export class AddedStrings {
  private readonly numbers = new Map<string, number>();

  constructor(readonly first: number) {}

  index(text: string): number {
    let number = this.numbers.get(text);
    if (number === undefined) {
      number = this.first + this.numbers.size;
      this.numbers.set(text, number);
    }
    return number;
  }

  /** The texts added, in the order of their numbers. */
  get texts(): readonly string[] {
    return [...this.numbers.keys()];
  }
}

const mainNamespace = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/**
 * A worksheet's XML with `values` written into its cells in place, or null where ExcelJS would
 * do more than write the values (see the comment at the top of this file). `merges`: the sheet's
 * merged areas (the survey's), whose covered cells ExcelJS writes through to the top-left one.
 *
 * @example
 * sheetWithValues(xml, [{ rect: { row: 4, col: 13, rowCount: 1, colCount: 1 }, values: [["推进中"]] }], [], strings)
 */
export function sheetWithValues(
  xml: string,
  values: readonly RectValues[],
  merges: readonly MergedArea[],
  strings: AddedStrings,
): string | null {
  const root = /<([\w.:-]+)\b[^>]*>/u.exec(xml.replace(/^<\?xml[^>]*\?>\s*/u, ""));
  if (root?.[1] !== "worksheet" || !root[0].includes(mainNamespace)) return null;
  const writes = new Map<number, Map<number, CellValue>>();
  for (const { rect, values: rows } of values) {
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const at = { row: rect.row + r, col: rect.col + c };
        const cols = writes.get(at.row) ?? new Map<number, CellValue>();
        cols.set(at.col, value);
        writes.set(at.row, cols);
      });
    });
  }
  for (const [row, cols] of writes) {
    for (const col of cols.keys()) {
      const covered = merges.some(
        (area) =>
          row >= area.top &&
          row <= area.bottom &&
          col >= area.left &&
          col <= area.right &&
          (row !== area.top || col !== area.left),
      );
      if (covered) return null;
    }
  }
  const open = /<sheetData\b[^>]*?(\/?)>/u.exec(xml);
  if (open === null) return null;
  const bodyStart = open.index + open[0].length;
  const bodyEnd = open[1] === "/" ? bodyStart : xml.indexOf("</sheetData>", bodyStart);
  if (bodyEnd < 0) return null;
  const head = xml.slice(0, open.index);
  const colStyles = columnStyles(head);
  const body = xml.slice(bodyStart, bodyEnd);
  const pending = [...writes.keys()].sort((a, b) => a - b);
  let created: string | null = null;
  const out: string[] = [];
  /** Rows the file lacks that values go into, before `until`. */
  const newRowsBefore = (until: number): boolean => {
    while (pending.length > 0 && (pending[0] ?? Infinity) < until) {
      const row = pending.shift() ?? 0;
      const xmlOfRow = writtenRow(
        { row, attributes: ` r="${row + 1}"`, s: undefined, cells: [] },
        writes.get(row),
      );
      if (xmlOfRow === null) return false;
      // Only blanks written where there are no cells: no row either.
      if (xmlOfRow.extent === null) continue;
      out.push(xmlOfRow.xml);
      created = unionRef(created, xmlOfRow.extent);
    }
    return true;
  };
  const writtenRow = (
    row: SheetRow,
    cols: ReadonlyMap<number, CellValue> | undefined,
  ): { xml: string; extent: string | null } | null => {
    const cells = new Map<number, string>();
    for (const cell of row.cells) {
      const attributes = withoutAttributes(cell.attributes, ["r"]);
      cells.set(cell.col, cellElement(row.row, cell.col, attributes, cell.inner));
    }
    let extent: string | null = null;
    for (const [col, value] of cols ?? []) {
      const existing = row.cells.find((cell) => cell.col === col);
      if (existing === undefined) {
        // ExcelJS gives a new cell its row's or column's style; then it writes the sheet itself.
        if (row.s !== undefined || colStyles.has(col)) return null;
        const element = valueElement(row.row, col, "", value, strings);
        if (element === "") continue;
        cells.set(col, element);
        extent = unionRef(extent, cellRef(row.row, col));
      } else {
        if (/<(?:\w+:)?f\b/u.test(existing.inner)) return null;
        const attributes = withoutAttributes(existing.attributes, ["r", "t"]);
        const element = valueElement(row.row, col, attributes, value, strings);
        if (element === "") cells.delete(col);
        else cells.set(col, element);
      }
    }
    const attributes = withoutAttributes(row.attributes, ["spans", "r"]);
    const ordered = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, element]) => element);
    return { xml: `<row r="${row.row + 1}"${attributes}>${ordered.join("")}</row>`, extent };
  };

  let previous = -1;
  let copiedFrom = 0;
  for (const match of body.matchAll(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/gu)) {
    // A row without a number follows the one before it, so no new row ever goes before one.
    const row = parseRowXml(match[0], previous);
    previous = row.row;
    const cols = writes.get(row.row);
    const needsNewRows = pending.length > 0 && (pending[0] ?? Infinity) < row.row;
    if (cols === undefined && !needsNewRows) continue;
    out.push(body.slice(copiedFrom, match.index));
    if (!newRowsBefore(row.row)) return null;
    if (cols === undefined) {
      out.push(match[0]);
    } else {
      pending.splice(pending.indexOf(row.row), 1);
      const rewritten = writtenRow(row, cols);
      if (rewritten === null) return null;
      out.push(rewritten.xml);
      created = unionRef(created, rewritten.extent);
    }
    copiedFrom = match.index + match[0].length;
  }
  out.push(body.slice(copiedFrom));
  if (!newRowsBefore(Infinity)) return null;
  const grownHead = created === null ? head : withDimension(head, unionRef(dimensionOf(head), created));
  const tail = open[1] === "/" ? `</sheetData>${xml.slice(bodyStart)}` : xml.slice(bodyEnd);
  return `${grownHead}${open[1] === "/" ? "<sheetData>" : open[0]}${out.join("")}${tail}`;
}

/** A cell's element with the value written as ExcelJS writes it; "" for an empty cell without a style. */
function valueElement(
  row: number,
  col: number,
  attributes: string,
  value: CellValue,
  strings: AddedStrings,
): string {
  const empty = value === null || value === "" || (typeof value === "number" && !Number.isFinite(value));
  if (empty) return /\ss\s*=/u.test(attributes) ? cellElement(row, col, attributes, "") : "";
  if (typeof value === "number") return cellElement(row, col, attributes, `<v>${value}</v>`);
  if (typeof value === "boolean")
    return cellElement(row, col, `${attributes} t="b"`, `<v>${value ? 1 : 0}</v>`);
  return cellElement(row, col, `${attributes} t="s"`, `<v>${strings.index(value)}</v>`);
}

function cellElement(row: number, col: number, attributes: string, inner: string): string {
  const at = `<c r="${cellRef(row, col)}"${attributes}`;
  return inner === "" ? `${at}/>` : `${at}>${inner}</c>`;
}
