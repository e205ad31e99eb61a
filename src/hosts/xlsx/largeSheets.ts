import { cellKey, PatchFootprint } from "./patchFootprint";
import { parseSheetXml, type RowCell, type SheetRow, walkSheetRows } from "./sheetRows";
import { AppendedRows, type AppendedStyles, type PlannedAppend, withRangesExtended } from "./tableAppend";
import { attributeIn } from "./xmlTagScanner";
import type { ZipEntry } from "./zipArchive";

/*
 * A large worksheet, patched without loading it into ExcelJS (see XlsxPatchingWorkbook):
 *
 * 1. reduceSheet streams the sheet and keeps only the cells ExcelJS must see: those the patch
 *    writes a value or note into, those with notes, formulas, links or in merged areas, and one
 *    cell for each way a style changes — the first cell of each style the patch leaves alone, the
 *    first cell of each (style, new fill) the patch makes, the first blank cell of each kind the
 *    patch fills. ExcelJS loads that small copy and writes it with the patch applied.
 * 2. mergeSheet streams the sheet again beside what ExcelJS wrote: each cell ExcelJS wrote is
 *    taken as written; every other cell is copied as it was, its style number replaced by the one
 *    ExcelJS gave the cell of the same kind, its shared-string number moved past ExcelJS's strings;
 *    blank cells the patch fills are made with the style ExcelJS gave their kind.
 *
 * ExcelJS numbers a style by its content, and a cell the patch leaves alone keeps its style object
 * (all cells of one style number share it), so every cell of a kind gets the number its
 * representative got: the result is the sheet ExcelJS would have written, cell for cell.
 */

/** What is known of a sheet besides its rows, for deciding which cells ExcelJS must see. */
export interface SheetContext {
  /** The patch for the sheet, or null when validation does not write to it. */
  readonly footprint: PatchFootprint | null;
  /** The solid fill of each style number of the package (see solidFillsOfStyles). */
  readonly solidFills: readonly (string | null)[];
  /** Cells (cellKey) with a note in the file, links, and cells of merged areas. */
  readonly notes: ReadonlySet<number>;
  readonly links: ReadonlySet<number>;
  readonly merged: ReadonlySet<number>;
  /** Rows appended to a table of the sheet (see tableAppend.ts), or null. */
  readonly append: PlannedAppend | null;
}

/** The reduced copy of a sheet, and where its representatives are. */
export interface ReducedSheet {
  readonly xml: string;
  /** Cells ExcelJS holds (existing or made by the patch), by row: ascending columns. */
  readonly kept: ReadonlyMap<number, readonly number[]>;
  /** Style number → the first cell of that style the patch leaves alone. */
  readonly styleReps: ReadonlyMap<string, number>;
  /** "style|ARGB" → the first cell of that style the patch fills with that colour. */
  readonly changeReps: ReadonlyMap<string, number>;
  /** Blank cells the patch makes, by kind (see blankKey) → the first of that kind. */
  readonly blankReps: ReadonlyMap<string, number>;
  /** The column styles of `<cols>` (zero-based column → style number). */
  readonly colStyles: ReadonlyMap<number, string>;
  /** The sheet's own `<dimension ref>`, or null. */
  readonly dimension: string | null;
}

/**
 * The copy of a large sheet that ExcelJS is given (see the comment at the top of this file).
 *
 * @example
 * const reduced = reduceSheet(entry, context);
 */
export function reduceSheet(entry: ZipEntry, context: SheetContext): ReducedSheet {
  const { footprint: fp } = context;
  const solid = solidOf(context.solidFills);
  const kept = new Map<number, number[]>();
  const styleReps = new Map<string, number>();
  const changeReps = new Map<string, number>();
  const blankReps = new Map<string, number>();
  let colStyles: ReadonlyMap<number, string> = new Map();
  const rows: string[] = [];
  const written = writtenCells(fp);
  const lastTouched = lastRowTouched(fp, written);

  /** Keeps the blank cells a row needs made: those written, and the first of each kind the fills make. */
  const blanks = (
    row: number,
    rowS: string | undefined,
    existing: ReadonlySet<number>,
    into: number[],
  ): void => {
    for (const col of written.get(row) ?? []) if (!existing.has(col)) into.push(col);
    if (fp === null) return;
    for (const col of fp.filledColumns(row)) {
      if (existing.has(col) || written.get(row)?.has(col) === true) continue;
      const colS = colStyles.get(col);
      const outcome = fp.fillAt(row, col, blankFill(rowS, colS, solid));
      if (outcome === null) continue;
      const key = blankKey(rowS, colS, outcome);
      if (!blankReps.has(key)) {
        blankReps.set(key, cellKey(row, col));
        into.push(col);
      }
    }
  };
  let previous = -1;
  /** Rows the file lacks but the patch writes into, before `until`. */
  const gapRows = (until: number): void => {
    for (let row = previous + 1; row < until && row <= lastTouched; row++) {
      if (!touches(fp, written, row)) continue;
      const cols: number[] = [];
      blanks(row, undefined, new Set(), cols);
      if (cols.length > 0)
        kept.set(
          row,
          cols.sort((a, b) => a - b),
        );
    }
  };

  const frame = walkSheetRows(
    entry,
    (sheetRow) => {
      gapRows(sheetRow.row);
      previous = sheetRow.row;
      const { row, s: rowS } = sheetRow;
      // A row with a style of its own is kept whole: ExcelJS gives its style to the cells it makes in
      // it. So is a table's last row below which rows are appended: its cells' styles are the new cells'.
      const whole = rowS !== undefined || row === context.append?.template;
      const cols: number[] = [];
      const cells: string[] = [];
      const existing = new Set<number>();
      for (const cell of sheetRow.cells) {
        existing.add(cell.col);
        const key = cellKey(row, cell.col);
        let keep =
          whole ||
          written.get(row)?.has(cell.col) === true ||
          context.notes.has(key) ||
          context.links.has(key) ||
          context.merged.has(key) ||
          cell.t === "d" ||
          /<(?:\w+:)?f\b/u.test(cell.inner);
        const outcome = fp?.fillAt(row, cell.col, solid(cell.s)) ?? null;
        if (outcome?.changed === true) {
          const change = `${cell.s ?? ""}|${outcome.colour}`;
          if (!changeReps.has(change)) {
            changeReps.set(change, key);
            keep = true;
          }
        } else if (cell.s !== undefined && !styleReps.has(cell.s)) {
          styleReps.set(cell.s, key);
          keep = true;
        }
        if (keep) {
          cols.push(cell.col);
          cells.push(cellXml(row, cell, cell.s, cell.inner));
        }
      }
      blanks(row, rowS, existing, cols);
      if (cols.length > 0 || whole) {
        kept.set(
          row,
          cols.sort((a, b) => a - b),
        );
        rows.push(`<row${withoutAttributes(sheetRow.attributes, ["spans"])}>${cells.join("")}</row>`);
      }
    },
    (head) => {
      colStyles = columnStyles(head);
    },
  );
  gapRows(lastTouched + 1);
  return {
    xml: `${frame.head}${rows.join("")}${frame.tail}`,
    kept,
    styleReps,
    changeReps,
    blankReps,
    colStyles,
    dimension: dimensionOf(frame.head),
  };
}

/** What mergeSheet needs besides the two sheets. */
export interface MergeInput {
  readonly context: SheetContext;
  readonly reduced: ReducedSheet;
  /** ExcelJS's XML of the reduced sheet, patched. */
  readonly written: string;
  /** How many shared strings ExcelJS wrote before the file's own (which follow them). */
  readonly stringOffset: number;
  /** For rows appended to a table (context.append): how their cells are styled and their text numbered. */
  readonly appended: AppendedStyles | null;
}

/**
 * The style ExcelJS wrote for each cell of the row `template` (the table's last row, kept whole in
 * the reduced copy), by zero-based column.
 *
 * @example
 * templateStyles(writtenXml, 3).get(1) // "11"
 */
export function templateStyles(written: string, template: number | null): Map<number, string | undefined> {
  const styles = new Map<number, string | undefined>();
  if (template === null) return styles;
  for (const cell of parseSheetXml(written).rows.get(template)?.cells ?? []) styles.set(cell.col, cell.s);
  return styles;
}

/**
 * Streams the whole sheet as ExcelJS would have written it (see the comment at the top of this
 * file), handing its XML to `emit` in pieces of about a megabyte.
 *
 * @example
 * mergeSheet(entry, input, (xml) => push(encoder.encode(xml), false));
 */
export function mergeSheet(entry: ZipEntry, input: MergeInput, emit: (xml: string) => void): void {
  const { context, reduced, stringOffset } = input;
  const { footprint: fp } = context;
  const solid = solidOf(context.solidFills);
  const { frame, rows: excelRows } = parseSheetXml(input.written);
  const styleAt = (key: number): string | null | false => {
    const cell = excelRows.get(Math.floor(key / 16_384))?.cells.find((c) => c.col === key % 16_384);
    return cell === undefined ? false : (cell.s ?? null);
  };
  const mapOf = (reps: ReadonlyMap<string, number>): Map<string, string | null | false> =>
    new Map([...reps].map(([key, at]) => [key, styleAt(at)]));
  const styles = mapOf(reduced.styleReps);
  const changes = mapOf(reduced.changeReps);
  const blankStyles = mapOf(reduced.blankReps);
  const written = writtenCells(fp);
  const append = context.append;
  const appending = (row: number): boolean => append !== null && row >= append.first && row < append.end;
  const lastTouched = Math.max(lastRowTouched(fp, written), maxKey(excelRows), (append?.end ?? 0) - 1);
  const excelOrder = [...excelRows.keys()].sort((a, b) => a - b);

  let buffer: string[] = [];
  let size = 0;
  const out = (xml: string): void => {
    buffer.push(xml);
    size += xml.length;
    if (size > 1 << 20) {
      emit(buffer.join(""));
      buffer = [];
      size = 0;
    }
  };
  const lookup = (map: Map<string, string | null | false>, key: string): string | null | false => {
    const style = map.get(key);
    if (style === undefined) throw new Error(`No cell of ExcelJS's stands for the style ${key}.`);
    return style;
  };

  /** The merged row `row`: ExcelJS's cells, the file's others restyled, and blank cells the fills make. */
  const mergedRow = (row: number, original: SheetRow | null): string => {
    const excel = excelRows.get(row);
    const cells = new Map<number, string>();
    for (const cell of excel?.cells ?? []) cells.set(cell.col, cellXml(row, cell, cell.s, cell.inner));
    const existing = new Set<number>();
    for (const cell of original?.cells ?? []) {
      existing.add(cell.col);
      if (cells.has(cell.col)) continue;
      const outcome = fp?.fillAt(row, cell.col, solid(cell.s)) ?? null;
      let style: string | null | false;
      if (outcome?.changed === true) style = lookup(changes, `${cell.s ?? ""}|${outcome.colour}`);
      else style = cell.s === undefined ? null : lookup(styles, cell.s);
      // ExcelJS drops a cell without a value or a style: a kind it did not write at all.
      if ((style === false || style === null) && cell.inner === "") continue;
      const inner =
        cell.t === "s"
          ? cell.inner.replace(
              /(<v>)\s*(\d+)\s*(<\/v>)/u,
              (_, open: string, n: string, close: string) => `${open}${Number(n) + stringOffset}${close}`,
            )
          : cell.inner;
      cells.set(cell.col, cellXml(row, cell, typeof style === "string" ? style : undefined, inner));
    }
    if (fp !== null) {
      for (const col of fp.filledColumns(row)) {
        if (cells.has(col) || existing.has(col)) continue;
        const colS = reduced.colStyles.get(col);
        const outcome = fp.fillAt(row, col, blankFill(original?.s, colS, solid));
        if (outcome === null) continue;
        const style = lookup(blankStyles, blankKey(original?.s, colS, outcome));
        // A blank cell ExcelJS writes only with a style (it drops one without).
        if (typeof style === "string") cells.set(col, `<c r="${ref(row, col)}" s="${style}"/>`);
      }
    }
    if (appending(row)) appendedCells(row, cells);
    if (cells.size === 0 && excel === undefined && original === null) return "";
    const attributes =
      excel !== undefined
        ? withoutAttributes(excel.attributes, ["spans"])
        : original !== null
          ? restyleRow(original, styles)
          : ` r="${row + 1}"`;
    const body = [...cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, xml]) => xml)
      .join("");
    return `<row${attributes}>${body}</row>`;
  };

  const appended =
    append === null || input.appended === null ? null : new AppendedRows(append, input.appended);
  /** An appended row's cells over the table's columns, in place of what the row held there (blanks). */
  const appendedCells = (row: number, cells: Map<number, string>): void => {
    appended?.cellsInto(row, cells);
  };

  let next = 0;
  let previous = -1;
  /** Rows before `until` that the file lacks: ExcelJS's, and those the fills make. */
  const rowsBefore = (until: number): void => {
    for (let row = previous + 1; row < until && row <= lastTouched; row++) {
      if (!touches(fp, written, row) && !excelRows.has(row) && !appending(row)) {
        // Jump to the next row anything happens in.
        const upcoming = excelOrder.find((candidate) => candidate > row) ?? Infinity;
        const fillStart = fp !== null && fp.fillRows.first > row ? fp.fillRows.first : Infinity;
        const appendStart = append !== null && append.first > row ? append.first : Infinity;
        const jump = Math.min(upcoming, fillStart, appendStart, minKeyAbove(written, row), until) - 1;
        if (jump > row) row = jump;
        continue;
      }
      // A row only the append makes: its XML straight away (most of an import's rows).
      if (appended !== null && appending(row) && !excelRows.has(row) && !touches(fp, written, row)) {
        out(appended.rowXml(row));
      } else {
        out(mergedRow(row, null));
      }
    }
    while (next < excelOrder.length && (excelOrder[next] ?? Infinity) < until) next++;
  };

  const appendedRef =
    append === null
      ? null
      : `${ref(append.area.top, append.area.left)}:${ref(append.bottom, append.area.right)}`;
  out(withDimension(frame.head, unionRef(unionRef(dimensionOf(frame.head), reduced.dimension), appendedRef)));
  walkSheetRows(entry, (sheetRow) => {
    rowsBefore(sheetRow.row);
    previous = sheetRow.row;
    out(mergedRow(sheetRow.row, sheetRow));
  });
  rowsBefore(lastTouched + 1);
  out(append === null ? frame.tail : withRangesExtended(frame.tail, append));
  emit(buffer.join(""));
}

/** The cells the patch writes values or notes into, by row. */
function writtenCells(fp: PatchFootprint | null): Map<number, Set<number>> {
  const written = new Map<number, Set<number>>();
  if (fp === null) return written;
  const add = (row: number, col: number): void => {
    let cols = written.get(row);
    if (cols === undefined) {
      cols = new Set();
      written.set(row, cols);
    }
    cols.add(col);
  };
  for (const { row, col } of fp.valueCells()) add(row, col);
  for (const { row, col } of fp.patch.notes) add(row, col);
  return written;
}

function lastRowTouched(fp: PatchFootprint | null, written: ReadonlyMap<number, unknown>): number {
  return Math.max(fp?.fillRows.last ?? -1, maxKey(written));
}

function touches(fp: PatchFootprint | null, written: ReadonlyMap<number, unknown>, row: number): boolean {
  return written.has(row) || (fp !== null && row >= fp.fillRows.first && row <= fp.fillRows.last);
}

function maxKey(map: ReadonlyMap<number, unknown>): number {
  let max = -1;
  for (const key of map.keys()) max = Math.max(max, key);
  return max;
}

function minKeyAbove(map: ReadonlyMap<number, unknown>, above: number): number {
  let min = Infinity;
  for (const key of map.keys()) if (key > above) min = Math.min(min, key);
  return min;
}

function solidOf(fills: readonly (string | null)[]): (s: string | undefined) => string | null {
  return (s) => (s === undefined ? null : (fills[Number(s)] ?? null));
}

/** The fill a cell ExcelJS makes starts with: its row's style's, else its column's (Cell._mergeStyle). */
function blankFill(
  rowS: string | undefined,
  colS: string | undefined,
  solid: (s: string | undefined) => string | null,
): string | null {
  return rowS !== undefined ? solid(rowS) : solid(colS);
}

/** A blank cell's kind: the row and column styles it starts from, and what the fills do to it. */
function blankKey(
  rowS: string | undefined,
  colS: string | undefined,
  outcome: { changed: boolean; colour: string },
): string {
  return `${rowS ?? ""}/${colS ?? ""}/${outcome.changed ? outcome.colour : "="}`;
}

/** Zero-based column → style number, from the `<col min max style>` elements of a sheet's head. */
export function columnStyles(head: string): Map<number, string> {
  const styles = new Map<number, string>();
  for (const [col] of head.matchAll(/<(?:\w+:)?col\b[^>]*>/gu)) {
    const style = attributeIn(col, "style");
    if (style === undefined) continue;
    const min = Number(attributeIn(col, "min") ?? "0");
    const max = Math.min(Number(attributeIn(col, "max") ?? "0"), 16_384);
    for (let c = min; c <= max; c++) styles.set(c - 1, style);
  }
  return styles;
}

/** A sheet head's `<dimension ref>`, or null. */
export function dimensionOf(head: string): string | null {
  const element = /<(?:\w+:)?dimension\b[^>]*>/u.exec(head)?.[0];
  return element === undefined ? null : (attributeIn(element, "ref") ?? null);
}

/** The head with its `<dimension ref>` set to `ref` (left as it is when ref is null). */
export function withDimension(head: string, ref: string | null): string {
  if (ref === null) return head;
  return head.replace(/(<dimension\b[^>]*\bref=")[^"]*(")/u, `$1${ref}$2`);
}

/** The smallest range holding both (either may be null). */
export function unionRef(a: string | null, b: string | null): string | null {
  const bounds = [a, b].flatMap((r) => (r === null ? [] : [rangeOf(r)])).filter((r) => r !== null);
  if (bounds.length === 0) return a ?? b;
  const top = bounds.reduce((min, r) => Math.min(min, r.top), Infinity);
  const left = bounds.reduce((min, r) => Math.min(min, r.left), Infinity);
  const bottom = bounds.reduce((max, r) => Math.max(max, r.bottom), -1);
  const right = bounds.reduce((max, r) => Math.max(max, r.right), -1);
  return `${ref(top, left)}:${ref(bottom, right)}`;
}

function rangeOf(text: string): { top: number; left: number; bottom: number; right: number } | null {
  const [from = "", to = from] = text.split(":");
  const a = decode(from);
  const b = decode(to);
  if (a === null || b === null) return null;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

function decode(text: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/u.exec(text);
  if (match === null) return null;
  let col = 0;
  for (const letter of match[1] ?? "") col = col * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** "B5" for zero-based row 4, column 1. */
function ref(row: number, col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** A cell's XML with its address written out and its style number set (none when undefined). */
function cellXml(row: number, cell: RowCell, s: string | undefined, inner: string): string {
  const attributes = withoutAttributes(cell.attributes, ["r", "s"]);
  const style = s === undefined ? "" : ` s="${s}"`;
  return inner === ""
    ? `<c r="${ref(row, cell.col)}"${style}${attributes}/>`
    : `<c r="${ref(row, cell.col)}"${style}${attributes}>${inner}</c>`;
}

/** A row's attributes with its own style number replaced by ExcelJS's for it. */
function restyleRow(row: SheetRow, styles: ReadonlyMap<string, string | null | false>): string {
  if (row.s === undefined) return withoutAttributes(row.attributes, ["spans"]);
  const style = styles.get(row.s);
  const rest = withoutAttributes(row.attributes, ["spans", "s", "customFormat"]);
  return style === undefined || style === null || style === false
    ? rest
    : `${rest} s="${style}" customFormat="1"`;
}

/** Attributes (` a="1" b="2"`) without the named ones; what is left keeps its leading space. */
export function withoutAttributes(attributes: string, names: readonly string[]): string {
  let rest = attributes;
  for (const name of names) rest = rest.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`, "gu"), "");
  const trimmed = rest.trim();
  return trimmed === "" ? "" : ` ${trimmed}`;
}
