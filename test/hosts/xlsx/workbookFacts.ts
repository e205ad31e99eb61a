import { type Cell, Workbook, type Worksheet } from "exceljs";

/**
 * What a person sees of a written workbook, as ExcelJS reads it back: every sheet (name, order,
 * visibility), every cell that holds a value, a style or a note (its value, its whole style, its
 * note's text), and each sheet's tables, merged areas, data validations, frozen panes and column
 * widths. Two writers agree when their files give the same facts.
 *
 * @example
 * expect(await workbookFacts(patched)).toEqual(await workbookFacts(whole));
 */
export async function workbookFacts(bytes: Uint8Array): Promise<unknown> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    state: sheet.state,
    cells: cellFacts(sheet),
    tables: Object.values((sheet as unknown as { tables: Record<string, { table: unknown }> }).tables).map(
      (table) => sorted(table.table),
    ),
    merges: Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges).sort(),
    validations: sorted((sheet as unknown as { dataValidations: { model: unknown } }).dataValidations.model),
    views: sorted(sheet.views),
    columns: ((sheet.columns as typeof sheet.columns | null) ?? []).map((column) => ({
      width: column.width ?? null,
      hidden: column.hidden,
    })),
  }));
}

function cellFacts(sheet: Worksheet): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  sheet.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell: Cell) => {
      const note = noteText(cell);
      const style = sorted(cell.style);
      const value = cell.value instanceof Date ? cell.value.toISOString() : (cell.value ?? null);
      if (value === null && note === null && JSON.stringify(style) === "{}") return;
      facts[cell.address] = { value: sorted(value), style, note };
    });
  });
  return facts;
}

function noteText(cell: Cell): string | null {
  const note: unknown = cell.note;
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: readonly { text?: unknown }[] }).texts ?? [];
  return texts.map((run) => (typeof run.text === "string" ? run.text : "")).join("");
}

/** A value with its objects' keys sorted and undefined members dropped, for comparing. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, member]) => [key, sorted(member)]),
  );
}
