import type { Locale } from "../../core/locale";
import type { CellRect, CellValue, RectFormat, SheetLayout, TableLayout } from "../layout";

/** What a continued table's heading says after the heading's own words. */
export const continued: Readonly<Record<Locale, string>> = { "zh-CN": "（续）", "en-US": " (continued)" };

/** Rows a continuation adds before the rows it continues: a blank row, the heading, the header. */
export const continuationRows = 3;

/**
 * The layout with tables cut before the given rows, so that a table longer than a printed page
 * prints as consecutive tables, each with its column header: before each cut row come a blank row,
 * the table's heading (the row above its header) followed by "（续）" / "(continued)", and its header
 * row again, formatted as the originals; the rows below move down. The first part keeps the table's
 * name, so that whatever looks the table up by name finds its first rows; the later parts are named
 * `<name>_2`, `<name>_3`, … (valid and unique Excel table names). Every row-indexed part of the
 * layout (values, heights, formats, tables, charts, merges, validations, unlocked cells) moves with
 * its rows. A cut row that is no table's body row is ignored.
 *
 * @example
 * continueTables(layout, [40], "zh-CN"); // a table over rows 20–60 becomes rows 20–39 and 43–63
 */
export function continueTables(layout: SheetLayout, cuts: readonly number[], locale: Locale): SheetLayout {
  const cutsOf = new Map<TableLayout, number[]>();
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    const table = layout.tables.find((t) => cut > t.rect.row + 1 && cut < t.rect.row + t.rect.rowCount);
    if (table === undefined) continue;
    cutsOf.set(table, [...(cutsOf.get(table) ?? []), cut]);
  }
  const sorted = [...cutsOf.values()].flat().sort((a, b) => a - b);
  if (sorted.length === 0) return layout;
  /** Where an original row lands: below every continuation inserted at or above it. */
  const moved = (row: number): number => {
    let before = 0;
    for (const cut of sorted) if (cut <= row) before += 1;
    return row + before * continuationRows;
  };
  const movedRect = (rect: CellRect): CellRect => {
    const first = moved(rect.row);
    return { ...rect, row: first, rowCount: moved(rect.row + rect.rowCount - 1) - first + 1 };
  };
  /** A rect cut at every cut row inside it (not its first), each part moved. */
  const cutRect = (rect: CellRect): CellRect[] => {
    const parts: CellRect[] = [];
    let first = rect.row;
    const end = rect.row + rect.rowCount;
    for (const cut of sorted) {
      if (cut <= first || cut >= end) continue;
      parts.push({ ...rect, row: moved(first), rowCount: cut - first });
      first = cut;
    }
    parts.push({ ...rect, row: moved(first), rowCount: end - first });
    return parts;
  };

  const values: CellValue[][] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const formats: RectFormat[] = layout.formats.flatMap((f) =>
    cutRect(f.rect).map((rect) => ({ ...f, rect })),
  );
  const tables: TableLayout[] = [];
  const heightOf = new Map(layout.rowHeights.map((h) => [h.row, h.height]));
  const width = layout.values[0]?.length ?? 0;
  const blank = (): CellValue[] => new Array<CellValue>(width).fill("");
  const continuationOf = new Map<number, TableLayout>();
  for (const [table, tableCuts] of cutsOf) for (const cut of tableCuts) continuationOf.set(cut, table);

  layout.values.forEach((row, r) => {
    const table = continuationOf.get(r);
    if (table !== undefined) {
      const header = table.rect.row;
      const heading = header - 1;
      const at = values.length;
      values.push(blank());
      const headingRow = [...(layout.values[heading] ?? blank())];
      headingRow[table.rect.col] = `${String(headingRow[table.rect.col] ?? "")}${continued[locale]}`;
      values.push(headingRow);
      values.push([...(layout.values[header] ?? blank())]);
      // The heading's and the header's heights and formats, on the inserted rows.
      for (const [source, target] of [
        [heading, at + 1],
        [header, at + 2],
      ] as const) {
        const height = heightOf.get(source);
        if (height !== undefined) rowHeights.push({ row: target, height });
        for (const f of layout.formats) {
          if (f.rect.row === source && f.rect.rowCount === 1) {
            formats.push({ ...f, rect: { ...f.rect, row: target } });
          }
        }
      }
    }
    values.push([...row]);
  });
  for (const h of layout.rowHeights) rowHeights.push({ row: moved(h.row), height: h.height });
  rowHeights.sort((a, b) => a.row - b.row);

  for (const table of layout.tables) {
    const tableCuts = cutsOf.get(table);
    if (tableCuts === undefined) {
      tables.push({ ...table, rect: movedRect(table.rect) });
      continue;
    }
    const end = table.rect.row + table.rect.rowCount;
    const bounds = [table.rect.row, ...tableCuts, end];
    for (let part = 0; part + 1 < bounds.length; part += 1) {
      const first = bounds[part] ?? table.rect.row;
      const next = bounds[part + 1] ?? end;
      // A continuation's table starts at its repeated header, just above its first row.
      const row = part === 0 ? moved(first) : moved(first) - 1;
      tables.push({
        ...table,
        name: part === 0 ? table.name : `${table.name}_${String(part + 1)}`,
        rect: { ...table.rect, row, rowCount: moved(next - 1) - row + 1 },
      });
    }
  }

  const charts = layout.charts?.map((c) => ({ ...c, data: movedRect(c.data), anchor: movedRect(c.anchor) }));
  return {
    ...layout,
    values,
    rowHeights,
    formats,
    tables,
    validations: layout.validations.flatMap((v) => cutRect(v.rect).map((rect) => ({ ...v, rect }))),
    ...(layout.merges ? { merges: layout.merges.map(movedRect) } : {}),
    ...(charts ? { charts } : {}),
    ...(layout.protection
      ? { protection: { ...layout.protection, unlocked: layout.protection.unlocked.flatMap(cutRect) } }
      : {}),
  };
}

/**
 * A table of a layout and its continuations, first to last: what continueTables made of the table
 * named `name` (just that table when it was not cut). Whatever reads a table of 汇总 back reads all
 * its parts.
 *
 * @example
 * tableParts(layout.tables, "WP_SummaryWarnings").map((t) => t.name); // ["WP_SummaryWarnings", "WP_SummaryWarnings_2"]
 */
export function tableParts<T extends { readonly name: string }>(tables: readonly T[], name: string): T[] {
  const partOf = (table: T): number | null => {
    if (table.name === name) return 1;
    const rest = table.name.startsWith(`${name}_`) ? table.name.slice(name.length + 1) : "";
    return /^\d+$/u.test(rest) ? Number(rest) : null;
  };
  return tables
    .map((table) => ({ table, part: partOf(table) }))
    .filter((t): t is { table: T; part: number } => t.part !== null)
    .sort((a, b) => a.part - b.part)
    .map((t) => t.table);
}
