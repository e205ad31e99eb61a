import type { CellRect, CellValue } from "./layout";
import type { SheetSnapshot } from "./port";
import type { AnySheetSpec } from "./sheetSpec";

/** One data row of a sheet as read back: values by column key, and the user's own columns by header. */
export interface ReadRow {
  /** The row's identity (see SheetSpec.identity), or null where a part of it is blank. */
  readonly identity: string | null;
  readonly values: ReadonlyMap<string, CellValue>;
  readonly extras: ReadonlyMap<string, CellValue>;
  /** The row's zero-based row on the sheet. */
  readonly sheetRow: number;
}

export interface ReadSheet {
  readonly rows: readonly ReadRow[];
  /**
   * What a user typed in the title and note rows (the two rows above the header) beside the
   * add-in's own title in A1 and note in A2, by zero-based row (0 or 1) and absolute column.
   */
  readonly aboveHeader: readonly { readonly row: number; readonly col: number; readonly value: CellValue }[];
  /** Headers of columns the user added, in sheet order. */
  readonly extraHeaders: readonly string[];
  /** The zero-based sheet column of every column the user added, by its name in extraHeaders. */
  readonly extraColumns: ReadonlyMap<string, number>;
  /** The header row's zero-based row on the sheet. */
  readonly headerRow: number;
  /** The zero-based sheet column of every spec column found, by key. */
  readonly columns: ReadonlyMap<string, number>;
  /**
   * What a user typed outside the table (beside it, below it after a gap, far away, above the
   * title), by zero-based sheet row and column: read only when the table's rect is given, so that
   * generation keeps these cells where they are instead of taking them into the table.
   */
  readonly outside: readonly { readonly row: number; readonly col: number; readonly value: CellValue }[];
}

/** Headers are compared without spaces and line breaks, since the source prints "2023 年 水质目标". */
export function normalizeHeader(text: CellValue): string {
  return typeof text === "string" ? text.replace(/[\s\u3000]+/g, "") : text === null ? "" : String(text);
}

/** An identity part: numbers and text compare by their trimmed text. */
export function identityPart(value: CellValue | undefined): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value.trim() : String(value);
}

export function isBlank(value: CellValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** How many of the first rows are searched for the header row (a user may insert rows above it). */
const headerSearchRows = 20;

/**
 * Reads a sheet the add-in made before: finds its header row by the columns' headers in either
 * language, maps every column to its key, keeps unknown columns as the user's own, and returns
 * the non-empty data rows with their identities. Returns null when no header row is found.
 *
 * @example
 * const read = readSheet(tasksSpec, snapshot);
 * read?.rows[0]?.values.get("status"); // "推进中"
 */
export function readSheet(
  spec: AnySheetSpec,
  snapshot: SheetSnapshot,
  unnamedHeader: (columnIndex: number) => string,
  tableRect?: CellRect,
): ReadSheet | null {
  const byHeader = new Map<string, string>();
  for (const column of spec.columns) {
    byHeader.set(normalizeHeader(column.header["zh-CN"]), column.key);
    byHeader.set(normalizeHeader(column.header["en-US"]), column.key);
    for (const former of column.formerHeaders ?? []) byHeader.set(normalizeHeader(former), column.key);
  }
  const required = spec.identity.length > 0 ? spec.identity : [spec.columns[0]?.key ?? ""];

  let headerIndex = -1;
  let bestScore = 0;
  snapshot.values.slice(0, headerSearchRows).forEach((row, index) => {
    const keys = new Set(row.map((cell) => byHeader.get(normalizeHeader(cell))));
    const score = keys.size;
    if (required.every((key) => keys.has(key)) && score > bestScore) {
      bestScore = score;
      headerIndex = index;
    }
  });
  const header = snapshot.values[headerIndex];
  if (!header) return null;
  const outside: { row: number; col: number; value: CellValue }[] = [];

  const area = tableArea(snapshot, headerIndex, tableRect);
  const extraHeaders: string[] = [];
  const columnKeys: ({ kind: "spec" | "extra"; key: string } | null | undefined)[] = header.map((cell, c) => {
    if (!area.hasColumn(c)) {
      if (!isBlank(cell))
        outside.push({ row: snapshot.startRow + headerIndex, col: snapshot.startCol + c, value: cell });
      return null;
    }
    const key = byHeader.get(normalizeHeader(cell));
    if (key !== undefined) return { kind: "spec" as const, key };
    const text = identityPart(cell);
    if (text === "") return null;
    const name = uniqueName(text, extraHeaders);
    extraHeaders.push(name);
    return { kind: "extra" as const, key: name };
  });

  const columns = new Map<string, number>();
  const extraColumns = new Map<string, number>();
  columnKeys.forEach((column, index) => {
    if (column?.kind === "spec" && !columns.has(column.key))
      columns.set(column.key, snapshot.startCol + index);
    if (column?.kind === "extra") extraColumns.set(column.key, snapshot.startCol + index);
  });
  const rows: ReadRow[] = [];
  for (const [offset, row] of snapshot.values.slice(headerIndex + 1).entries()) {
    if (row.every(isBlank)) continue;
    const sheetRow = snapshot.startRow + headerIndex + 1 + offset;
    const inTable = offset < area.dataRows;
    const values = new Map<string, CellValue>();
    const extras = new Map<string, CellValue>();
    row.forEach((cell, index) => {
      if (isBlank(cell)) return;
      if (!inTable || !area.hasColumn(index)) {
        outside.push({ row: sheetRow, col: snapshot.startCol + index, value: cell });
        return;
      }
      let column = columnKeys[index];
      if (!column) {
        // A value under no header is still the user's: keep it in a column named after its place.
        column = { kind: "extra", key: uniqueName(unnamedHeader(snapshot.startCol + index), extraHeaders) };
        columnKeys[index] = column;
        extraHeaders.push(column.key);
        extraColumns.set(column.key, snapshot.startCol + index);
      }
      if (column.kind === "spec") values.set(column.key, cell);
      else extras.set(column.key, cell);
    });
    if (values.size === 0 && extras.size === 0) continue;
    const parts = spec.identity.map((key) => identityPart(values.get(key)));
    const identity = parts.length > 0 && parts.every((p) => p !== "") ? parts.join("|") : null;
    rows.push({ identity, values, extras, sheetRow });
  }
  // Rows above the title and note rows (a user inserted rows over the table) are outside too.
  if (area.known) {
    snapshot.values.slice(0, Math.max(0, headerIndex - 2)).forEach((row, r) => {
      row.forEach((value, c) => {
        if (!isBlank(value)) outside.push({ row: snapshot.startRow + r, col: snapshot.startCol + c, value });
      });
    });
  }
  const aboveHeader: { row: number; col: number; value: CellValue }[] = [];
  [headerIndex - 2, headerIndex - 1].forEach((index, row) => {
    snapshot.values[index]?.forEach((value, c) => {
      const col = snapshot.startCol + c;
      if (!isBlank(value) && col > 0) aboveHeader.push({ row, col, value });
    });
  });
  return {
    rows,
    extraHeaders,
    extraColumns,
    aboveHeader,
    headerRow: snapshot.startRow + headerIndex,
    columns,
    outside,
  };
}

/**
 * Which of the snapshot's cells below and beside the header belong to the table, from the table's
 * rect as the host reports it, grown as Excel grows a table: over a column typed right beside it
 * under a header, and over rows typed right below it (hosts that do not grow tables, and files
 * saved by programs that do not, hold such rows outside the rect). Without a rect, every cell below
 * the header is the table's, as generation read sheets before hosts reported rects.
 */
function tableArea(
  snapshot: SheetSnapshot,
  headerIndex: number,
  rect: CellRect | undefined,
): { known: boolean; dataRows: number; hasColumn: (index: number) => boolean } {
  if (rect === undefined || rect.row !== snapshot.startRow + headerIndex) {
    return { known: false, dataRows: Infinity, hasColumn: () => true };
  }
  const header = snapshot.values[headerIndex] ?? [];
  const first = rect.col - snapshot.startCol;
  let end = first + rect.colCount;
  while (end < header.length && !isBlank(header[end])) end += 1;
  const hasColumn = (index: number): boolean => index >= first && index < end;
  let dataRows = rect.rowCount - 1;
  for (;;) {
    const next = snapshot.values[headerIndex + 1 + dataRows];
    if (next === undefined || !next.some((cell, index) => hasColumn(index) && !isBlank(cell))) break;
    dataRows += 1;
  }
  return { known: true, dataRows, hasColumn };
}

/** Excel Table headers must be unique: a second "备注" becomes "备注 (2)". */
function uniqueName(name: string, taken: readonly string[]): string {
  let candidate = name;
  for (let n = 2; taken.includes(candidate); n += 1) candidate = `${name} (${n})`;
  return candidate;
}
