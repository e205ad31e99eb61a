/**
 * Fake ranges: values typed as Excel types them, number formats, used ranges, rows, cells and
 * special cells. A range's formats are in fakeRangeFormat.ts, its data validation in
 * fakeDataValidation.ts.
 */
import { FakeDataValidation } from "./fakeDataValidation";
import {
  EXCEL_COLUMNS,
  EXCEL_ROWS,
  cellsOf,
  intersect,
  key,
  qualifiedAddress,
  type Rect,
} from "./fakeGeometry";
import { FakeClientObject, NULL, child } from "./fakeProxy";
import { FakeConditionalFormats, FakeRangeFormat } from "./fakeRangeFormat";
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakeSheetState, FakeValue } from "./fakeSheetState";
import { typeIntoCell } from "./fakeTyping";
import { FakeWorksheet } from "./fakeWorksheet";

export function checkRect(rect: Rect): void {
  if (
    rect.row < 0 ||
    rect.col < 0 ||
    rect.rowCount < 1 ||
    rect.colCount < 1 ||
    rect.row + rect.rowCount > EXCEL_ROWS ||
    rect.col + rect.colCount > EXCEL_COLUMNS
  ) {
    throw new FakeRichApiError("InvalidArgument", `Range ${JSON.stringify(rect)} lies outside the grid.`);
  }
}

export interface RangeTarget {
  readonly sheet: FakeSheetState;
  readonly rect: Rect;
}

/** Office's rule for 2-D inputs: exactly the range's shape, or one value for every cell. */
function eachInput(
  rect: Rect,
  input: unknown,
  property: string,
  apply: (row: number, col: number, value: unknown) => void,
): void {
  if (!Array.isArray(input)) {
    for (let r = 0; r < rect.rowCount; r += 1)
      for (let c = 0; c < rect.colCount; c += 1) apply(rect.row + r, rect.col + c, input);
    return;
  }
  const rows = input as unknown[];
  const shapeOk =
    rows.length === rect.rowCount && rows.every((row) => Array.isArray(row) && row.length === rect.colCount);
  if (!shapeOk) {
    const got = `${rows.length}×${Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : "?"}`;
    throw new FakeRichApiError(
      "InvalidArgument",
      `The number of rows or columns in the input array for ${property} (${got}) doesn't match the size or dimensions of the range (${rect.rowCount}×${rect.colCount}).`,
    );
  }
  rows.forEach((row, r) => {
    (row as unknown[]).forEach((value, c) => {
      apply(rect.row + r, rect.col + c, value);
    });
  });
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "values",
    "numberFormat",
  ];
  // Made when first used: a write queues thousands of ranges, few of which touch all three.
  private formatProxy: FakeRangeFormat | undefined;
  private validationProxy: FakeDataValidation | undefined;
  private conditionalFormatsProxy: FakeConditionalFormats | undefined;

  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(
      this.context,
      `${this.path}.format`,
      child(this, (t) => t),
    );
    return this.formatProxy;
  }
  /** The range's worksheet (a navigation: nothing is loaded until asked). */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      `${this.path}.worksheet`,
      child(this, (t) => t.sheet),
    );
  }

  /** Selects the range on its sheet, which becomes the active one. */
  select(): void {
    this.act("select", null, ({ sheet, rect }) => {
      const state = this.context.excel.state;
      state.activate(sheet);
      state.selection = { sheetId: sheet.id, rect };
    });
  }

  get dataValidation(): FakeDataValidation {
    this.validationProxy ??= new FakeDataValidation(
      this.context,
      `${this.path}.dataValidation`,
      child(this, (t) => t),
    );
    return this.validationProxy;
  }
  get conditionalFormats(): FakeConditionalFormats {
    this.conditionalFormatsProxy ??= new FakeConditionalFormats(
      this.context,
      `${this.path}.conditionalFormats`,
      child(this, (t) => t),
    );
    return this.conditionalFormatsProxy;
  }

  protected readProperty({ sheet, rect }: RangeTarget, property: string): unknown {
    switch (property) {
      case "address":
        return qualifiedAddress(sheet.name, rect);
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rowCount;
      case "columnCount":
        return rect.colCount;
      case "values": {
        guardHugeRead(rect);
        // A formula cell hands over its result, which a test must have declared.
        const state = this.context.excel.state;
        return cellsOf(rect, (r, c) => state.displayedValue(sheet, r, c));
      }
      case "formulas":
        guardHugeRead(rect);
        return cellsOf(rect, (r, c) => sheet.formulas.get(key(r, c)) ?? sheet.valueAt(r, c));
      case "numberFormat":
        guardHugeRead(rect);
        return cellsOf(rect, (r, c) => sheet.formatAt(r, c, "numberFormat"));
      default:
        throw new FakeRichApiError("InvalidArgument", `Range has no property '${property}' in this fake.`);
    }
  }

  get address(): string {
    return this.loaded("address");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }

  get values(): FakeValue[][] {
    return this.loaded("values");
  }
  /** null in the array leaves that cell as it is, as Office does; text is typed as Excel types it. */
  set values(input: unknown) {
    this.act("set values", input, ({ sheet, rect }) => {
      eachInput(rect, input, "values", (r, c, value) => {
        if (value === null || value === undefined) return;
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
          throw new FakeRichApiError(
            "InvalidArgument",
            `Cell value ${JSON.stringify(value)} is not text, a number or a boolean.`,
          );
        }
        const k = key(r, c);
        if (value !== "" && sheet.mergedAwayAt(r, c) !== null) {
          // Only a merged area's top-left cell holds a value; Excel refuses "part of a merged cell".
          throw new FakeRichApiError(
            "InvalidOperation",
            `Cannot change part of a merged cell (${sheet.name}, row ${r + 1}, column ${c + 1}).`,
          );
        }
        const typed = typeIntoCell(value, sheet.formatAt(r, c, "numberFormat"));
        if (typed.formula !== undefined) {
          sheet.formulas.set(k, typed.formula);
          sheet.values.delete(k);
          return;
        }
        sheet.formulas.delete(k);
        if (typed.numberFormat !== undefined) {
          sheet.setFormat({ row: r, col: c, rowCount: 1, colCount: 1 }, "numberFormat", typed.numberFormat);
        }
        const stored = typed.value ?? "";
        if (stored === "") sheet.values.delete(k);
        else sheet.values.set(k, stored);
      });
    });
  }

  get formulas(): FakeValue[][] {
    return this.loaded("formulas");
  }
  set formulas(input: unknown) {
    this.values = input;
  }

  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.act("set numberFormat", input, ({ sheet, rect }) => {
      if (!Array.isArray(input)) {
        sheet.setFormat(rect, "numberFormat", checkNumberFormat(input));
        return;
      }
      eachInput(rect, input, "numberFormat", (r, c, value) => {
        if (value === null) return;
        sheet.setFormat(
          { row: r, col: c, rowCount: 1, colCount: 1 },
          "numberFormat",
          checkNumberFormat(value),
        );
      });
    });
  }

  /**
   * The smallest rectangle of the range holding its values (and, unless valuesOnly, its
   * formatting), or a null object where it holds none (ExcelApi 1.4).
   */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      child(this, ({ sheet, rect }) => {
        this.context.excel.requireApi("1.4", "Range.getUsedRangeOrNullObject");
        const used = sheet.usedRect(valuesOnly, rect);
        return used === null ? NULL : { sheet, rect: used };
      }),
      true,
    );
  }

  /** A row of the range, zero-based (ExcelApi 1.1). */
  getRow(row: number): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getRow(${row})`,
      child(this, ({ sheet, rect }) => {
        if (row < 0 || row >= rect.rowCount) throw new FakeRichApiError("InvalidArgument", `Row ${row}.`);
        return { sheet, rect: { ...rect, row: rect.row + row, rowCount: 1 } };
      }),
    );
  }

  /** A cell of the range, zero-based (ExcelApi 1.1); Excel allows cells beyond the range too. */
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getCell(${row},${column})`,
      child(this, ({ sheet, rect }) => {
        const cell = { row: rect.row + row, col: rect.col + column, rowCount: 1, colCount: 1 };
        checkRect(cell);
        return { sheet, rect: cell };
      }),
    );
  }

  /**
   * The cells of one kind in the range as a RangeAreas, or a null object where there are none
   * (ExcelApi 1.9); the fake knows "Formulas" and "Constants".
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getspecialcellsornullobject-member(1)
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      `${this.path}.getSpecialCellsOrNullObject(${JSON.stringify(cellType)})`,
      child(this, ({ sheet, rect }) => {
        this.context.excel.requireApi("1.9", "Range.getSpecialCellsOrNullObject");
        if (cellType !== "Formulas" && cellType !== "Constants")
          throw new FakeRichApiError("InvalidArgument", `Special cells “${cellType}” are not in this fake.`);
        const map = cellType === "Formulas" ? sheet.formulas : sheet.values;
        const cells = [...map.keys()]
          .map((k) => ({ row: Math.floor(k / EXCEL_COLUMNS), col: k % EXCEL_COLUMNS }))
          .filter(
            ({ row, col }) =>
              row >= rect.row &&
              row < rect.row + rect.rowCount &&
              col >= rect.col &&
              col < rect.col + rect.colCount,
          )
          .sort((a, b) => a.row - b.row || a.col - b.col);
        if (cells.length === 0) return NULL;
        // Runs of neighbouring cells in a row make one area each, as Excel groups them.
        const areas: Rect[] = [];
        for (const { row, col } of cells) {
          const last = areas[areas.length - 1];
          if (last !== undefined && last.row === row && last.col + last.colCount === col) {
            areas[areas.length - 1] = { ...last, colCount: last.colCount + 1 };
          } else areas.push({ row, col, rowCount: 1, colCount: 1 });
        }
        return { sheet, areas };
      }),
      true,
    );
  }

  /**
   * Merges the range into one area (ExcelApi 1.2; `across` not modelled, the host never asks for
   * it), as the sheet state checks it (not inside a table, not over part of a merged area).
   */
  merge(across = false): void {
    this.act(
      "merge",
      across,
      ({ sheet, rect }) => {
        if (across) throw new FakeRichApiError("InvalidArgument", "merge(across) is not modelled.");
        try {
          sheet.merge(rect, this.context.excel.state.tables);
        } catch (cause) {
          throw new FakeRichApiError(
            "InvalidOperation",
            cause instanceof Error ? cause.message : String(cause),
          );
        }
      },
      "1.2",
    );
  }

  /** Unmerges every merged area the range touches (ExcelApi 1.2). */
  unmerge(): void {
    this.act(
      "unmerge",
      null,
      ({ sheet, rect }) => {
        for (let i = sheet.merges.length - 1; i >= 0; i -= 1) {
          const area = sheet.merges[i];
          if (area !== undefined && intersect(area, rect) !== null) sheet.merges.splice(i, 1);
        }
      },
      "1.2",
    );
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.act("clear", applyTo, ({ sheet, rect }) => {
      if (applyTo === "All" || applyTo === "Contents") sheet.clearContents(rect);
      if (applyTo === "All" || applyTo === "Formats") sheet.clearFormats(rect);
    });
  }
}

/**
 * A number format code as Excel takes it: text of at most 255 characters, at most four sections
 * separated by ";" (positive; negative; zero; text), with its quotes and brackets closed. Excel
 * refuses a code it cannot parse.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member
 * https://support.microsoft.com/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5
 */
function checkNumberFormat(code: unknown): string {
  if (typeof code !== "string") throw new FakeRichApiError("InvalidArgument", "A number format is text.");
  const refuse = (why: string): never => {
    throw new FakeRichApiError("InvalidArgument", `Number format “${code}”: ${why}.`);
  };
  if (code.length > 255) refuse("longer than 255 characters");
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i]!;
    if (ch === "\\" && !quoted) {
      current += code.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (!quoted && ch === "[") {
      if (bracket) refuse("a bracket inside a bracket");
      bracket = true;
    } else if (!quoted && ch === "]") {
      if (!bracket) refuse("a bracket closed that was not opened");
      bracket = false;
    } else if (!quoted && !bracket && ch === ";") {
      sections.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  sections.push(current);
  if (quoted || bracket) refuse("a quote or a bracket left open");
  if (sections.length > 4) refuse("more than four sections");
  return code;
}

/**
 * "A range is limited to 5,000,000 cells for read operations": the fake refuses a bigger one early.
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 */
function guardHugeRead(rect: Rect): void {
  if (rect.rowCount * rect.colCount > 5_000_000) {
    throw new FakeRichApiError(
      "ResponsePayloadSizeLimitExceeded",
      `Reading ${rect.rowCount}×${rect.colCount} cells passes the response limit.`,
    );
  }
}

/** Several rectangles of one sheet, as getSpecialCells returns them (ExcelApi 1.9). */
export class FakeRangeAreas extends FakeClientObject<{
  readonly sheet: FakeSheetState;
  readonly areas: readonly Rect[];
}> {
  protected readonly scalarProperties = ["address", "areaCount", "cellCount"];
  protected override get api(): string {
    return "1.9";
  }

  protected readProperty(
    { sheet, areas }: { readonly sheet: FakeSheetState; readonly areas: readonly Rect[] },
    property: string,
  ): unknown {
    switch (property) {
      // "Sheet1!A1:B4, Sheet1!D1:D4", as the RangeAreas docs show it.
      case "address":
        return areas.map((area) => qualifiedAddress(sheet.name, area)).join(", ");
      case "areaCount":
        return areas.length;
      case "cellCount":
        return areas.reduce((sum, a) => sum + a.rowCount * a.colCount, 0);
      default:
        throw new FakeRichApiError(
          "InvalidArgument",
          `RangeAreas has no property '${property}' in this fake.`,
        );
    }
  }

  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
}
