/**
 * Fake ranges: values typed as Excel types them, formats, data validation and conditional formats.
 */
import {
  DEFAULT_COLUMN_WIDTH_POINTS,
  DEFAULT_ROW_HEIGHT_POINTS,
  EXCEL_COLUMNS,
  EXCEL_ROWS,
  FakeRichApiError,
  enterValue,
  typeIntoCell,
  key,
  qualifiedAddress,
  splitSheet,
  type FakeSheetState,
  type FakeValue,
  type FakeWorkbookState,
  type FormatProp,
  type Rect,
} from "./fakeWorkbookState";
import { FakeClientObject, NULL, child } from "./fakeProxy";

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

// ———————————————————————————————————————————— ranges ————————————————————————————————————————————

export interface RangeTarget {
  readonly sheet: FakeSheetState;
  readonly rect: Rect;
}

function cellsOf(rect: Rect, fill: (row: number, col: number) => unknown): unknown[][] {
  return Array.from({ length: rect.rowCount }, (_, r) =>
    Array.from({ length: rect.colCount }, (_, c) => fill(rect.row + r, rect.col + c)),
  );
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
      case "values":
        guardHugeRead(rect);
        return cellsOf(rect, (r, c) => sheet.valueAt(r, c));
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

class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = [
    "columnWidth",
    "rowHeight",
    "wrapText",
    "horizontalAlignment",
    "verticalAlignment",
  ];
  private fillProxy: FakeRangeFill | undefined;
  private fontProxy: FakeRangeFont | undefined;

  get fill(): FakeRangeFill {
    this.fillProxy ??= new FakeRangeFill(
      this.context,
      `${this.path}.fill`,
      child(this, (t) => t),
    );
    return this.fillProxy;
  }
  get font(): FakeRangeFont {
    this.fontProxy ??= new FakeRangeFont(
      this.context,
      `${this.path}.font`,
      child(this, (t) => t),
    );
    return this.fontProxy;
  }

  protected readProperty({ sheet, rect }: RangeTarget, property: string): unknown {
    switch (property) {
      case "columnWidth":
        return uniform(
          range(rect.col, rect.colCount).map((c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_POINTS),
        );
      case "rowHeight":
        return uniform(
          range(rect.row, Math.min(rect.rowCount, 10_000)).map(
            (r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT_POINTS,
          ),
        );
      case "wrapText":
      case "horizontalAlignment":
      case "verticalAlignment":
        return uniform(cellsOf(rect, (r, c) => sheet.formatAt(r, c, property)).flat());
      default:
        throw new FakeRichApiError(
          "InvalidArgument",
          `RangeFormat has no property '${property}' in this fake.`,
        );
    }
  }

  private setCellFormat(prop: FormatProp, value: unknown, allowed?: readonly string[]): void {
    this.act(`set ${prop}`, value, ({ sheet, rect }) => {
      if (allowed !== undefined && !allowed.includes(String(value))) {
        throw new FakeRichApiError("InvalidArgument", `${String(value)} is not a valid ${prop}.`);
      }
      sheet.setFormat(rect, prop, value);
    });
  }

  set wrapText(value: boolean) {
    this.setCellFormat("wrapText", value);
  }
  set horizontalAlignment(value: string) {
    this.setCellFormat("horizontalAlignment", value, [
      "General",
      "Left",
      "Center",
      "Right",
      "Fill",
      "Justify",
      "CenterAcrossSelection",
      "Distributed",
    ]);
  }
  set verticalAlignment(value: string) {
    this.setCellFormat("verticalAlignment", value, ["Top", "Center", "Bottom", "Justify", "Distributed"]);
  }
  /** null where the columns differ, as Office reports it (typed number, as Office's typings do). */
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  /** Points, as Office takes them; Excel allows up to 255 characters ≈ 1,790 pt. */
  set columnWidth(points: number) {
    this.act(
      "set columnWidth",
      points,
      ({ sheet, rect }) => {
        if (!(points >= 0 && points <= 1790))
          throw new FakeRichApiError("InvalidArgument", `Column width ${points} pt.`);
        for (const c of range(rect.col, rect.colCount)) sheet.columnWidths.set(c, points);
      },
      "1.2",
    );
  }
  get rowHeight(): number {
    return this.loaded("rowHeight");
  }
  /** Points; Excel allows 0–409. */
  set rowHeight(points: number) {
    this.act(
      "set rowHeight",
      points,
      ({ sheet, rect }) => {
        if (!(points >= 0 && points <= 409))
          throw new FakeRichApiError("InvalidArgument", `Row height ${points} pt.`);
        for (const r of range(rect.row, rect.rowCount)) sheet.rowHeights.set(r, points);
      },
      "1.2",
    );
  }
  set useStandardWidth(value: boolean) {
    this.act(
      "set useStandardWidth",
      value,
      ({ sheet, rect }) => {
        if (!value) return;
        for (const c of [...sheet.columnWidths.keys()])
          if (c >= rect.col && c < rect.col + rect.colCount) sheet.columnWidths.delete(c);
      },
      "1.7",
    );
  }
  set useStandardHeight(value: boolean) {
    this.act(
      "set useStandardHeight",
      value,
      ({ sheet, rect }) => {
        if (!value) return;
        for (const r of [...sheet.rowHeights.keys()])
          if (r >= rect.row && r < rect.row + rect.rowCount) sheet.rowHeights.delete(r);
      },
      "1.7",
    );
  }
}

/** A colour as the fake takes it: "#RRGGBB" (Excel also takes HTML colour names; the host never sends them). */
function checkColour(value: unknown): string {
  if (typeof value !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(value)) {
    throw new FakeRichApiError("InvalidArgument", `Colour “${String(value)}” (the fake takes #RRGGBB only).`);
  }
  return value.toUpperCase();
}

/** A format property of every cell of the range, or null where they differ (as Office reports it). */
function uniformFormat({ sheet, rect }: RangeTarget, prop: FormatProp): unknown {
  return uniform(cellsOf(rect, (r, c) => sheet.formatAt(r, c, prop)).flat());
}

class FakeRangeFill extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = ["color"];
  protected readProperty(target: RangeTarget, property: string): unknown {
    if (property !== "color")
      throw new FakeRichApiError("InvalidArgument", `No property '${property}' in this fake.`);
    return uniformFormat(target, "fill");
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.act("set fill", value, ({ sheet, rect }) => {
      sheet.setFormat(rect, "fill", checkColour(value));
    });
  }
}

class FakeRangeFont extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = ["color", "bold", "size"];
  protected readProperty(target: RangeTarget, property: string): unknown {
    const prop = ({ color: "fontColor", bold: "bold", size: "fontSize" } as const)[property as "color"];
    if ((prop as FormatProp | undefined) === undefined)
      throw new FakeRichApiError("InvalidArgument", `No property '${property}' in this fake.`);
    return uniformFormat(target, prop);
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.act("set fontColor", value, ({ sheet, rect }) => {
      sheet.setFormat(rect, "fontColor", checkColour(value));
    });
  }
  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(value: boolean) {
    this.act("set bold", value, ({ sheet, rect }) => {
      if (typeof value !== "boolean") throw new FakeRichApiError("InvalidArgument", `bold ${String(value)}.`);
      sheet.setFormat(rect, "bold", value);
    });
  }
  get size(): number {
    return this.loaded("size");
  }
  /**
   * Excel's font sizes run from 1 to 409 points.
   * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
   */
  set size(value: number) {
    this.act("set fontSize", value, ({ sheet, rect }) => {
      if (typeof value !== "number" || !(value >= 1 && value <= 409))
        throw new FakeRichApiError("InvalidArgument", `Font size ${String(value)} (1–409 points).`);
      sheet.setFormat(rect, "fontSize", value);
    });
  }
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i);
}

/** Office reports a format property of a mixed range as null. */
function uniform(values: readonly unknown[]): unknown {
  const first = values[0];
  return values.every((v) => v === first) ? first : null;
}

class FakeDataValidation extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = ["rule", "errorAlert"];
  protected override get api(): string {
    return "1.8";
  }

  protected readProperty({ sheet, rect }: RangeTarget, property: string): unknown {
    const v = sheet.validationAt(rect.row, rect.col);
    if (property === "rule") return v?.rule ?? {};
    if (property === "errorAlert") return v?.errorAlert ?? null;
    throw new FakeRichApiError(
      "InvalidArgument",
      `DataValidation has no property '${property}' in this fake.`,
    );
  }

  set rule(rule: Record<string, unknown>) {
    this.act("set rule", rule, ({ sheet, rect }) => {
      checkValidationRule(rule, this.context.excel.state);
      sheet.addValidation({ rect, rule, errorAlert: null });
    });
  }

  set errorAlert(alert: { showAlert: boolean; style: string; title: string; message: string }) {
    this.act("set errorAlert", alert, ({ sheet, rect }) => {
      // Excel's limits: a title of 32 characters, a message of 225 (MS-XLSB 2.5.37 DValStrings).
      // https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/b8894965-c186-4bba-8a0b-8ec2a37a1cbe
      if (alert.title.length > 32)
        throw new FakeRichApiError(
          "InvalidArgument",
          `Error alert title longer than 32 characters: “${alert.title}”.`,
        );
      if (alert.message.length > 225)
        throw new FakeRichApiError("InvalidArgument", "Error alert message longer than 225 characters.");
      if (!["Stop", "Warning", "Information"].includes(alert.style))
        throw new FakeRichApiError("InvalidArgument", alert.style);
      const v = sheet.validationAt(rect.row, rect.col);
      if (v === null) throw new FakeRichApiError("InvalidOperation", "Set a rule before its error alert.");
      v.errorAlert = { ...alert };
    });
  }

  clear(): void {
    this.act("clear", null, ({ sheet, rect }) => {
      sheet.addValidation({ rect, rule: null, errorAlert: null });
    });
  }
}

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

/** The checks Excel makes on a rule: one kind, known operator, ordered bounds, a list source within 255 characters. */
function checkValidationRule(rule: Record<string, unknown>, state: FakeWorkbookState): void {
  const kinds = Object.keys(rule);
  if (kinds.length !== 1)
    throw new FakeRichApiError("InvalidArgument", "A validation rule has exactly one kind.");
  const kind = kinds[0]!;
  const body = rule[kind] as Record<string, unknown>;
  switch (kind) {
    case "list": {
      const source = body["source"];
      if (typeof source !== "string" || source.length === 0)
        throw new FakeRichApiError("InvalidArgument", "A list needs a source.");
      if (source.startsWith("=")) {
        const { sheet } = splitSheet(source.slice(1));
        if (sheet !== null && state.sheetByName(sheet) === undefined) {
          throw new FakeRichApiError("InvalidReference", `The list source “${source}” names no sheet.`);
        }
      } else if (source.length > 255) {
        throw new FakeRichApiError(
          "InvalidArgument",
          `A list source is at most 255 characters (got ${source.length}).`,
        );
      }
      return;
    }
    case "decimal":
    case "wholeNumber":
    case "date": {
      const operator = String(body["operator"]);
      if (!OPERATORS.includes(operator))
        throw new FakeRichApiError("InvalidArgument", `Operator ${operator}.`);
      const toNumber = (f: unknown): number =>
        typeof f === "number" ? f : kind === "date" ? (serialOf(String(f)) ?? NaN) : Number(f);
      const first = toNumber(body["formula1"]);
      if (Number.isNaN(first))
        throw new FakeRichApiError("InvalidArgument", `formula1 ${String(body["formula1"])}.`);
      if (operator === "Between" || operator === "NotBetween") {
        const second = toNumber(body["formula2"]);
        if (Number.isNaN(second)) throw new FakeRichApiError("InvalidArgument", "Between needs formula2.");
        if (second < first)
          throw new FakeRichApiError("InvalidArgument", "The maximum must be at least the minimum.");
      }
      return;
    }
    default:
      throw new FakeRichApiError("InvalidArgument", `Validation kind ${kind} is not in this fake.`);
  }
}

function serialOf(text: string): number | null {
  const stored = enterValue(text, "General");
  return typeof stored === "number" ? stored : null;
}

class FakeConditionalFormats extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = [];
  protected override get api(): string {
    return "1.6";
  }
  protected readProperty(): unknown {
    return undefined;
  }
  clearAll(): void {
    this.act("clearAll", null, ({ sheet, rect }) => {
      for (let i = sheet.conditionalFormats.length - 1; i >= 0; i -= 1) {
        const cf = sheet.conditionalFormats[i]!;
        if (
          cf.row >= rect.row &&
          cf.col >= rect.col &&
          cf.row + cf.rowCount <= rect.row + rect.rowCount &&
          cf.col + cf.colCount <= rect.col + rect.colCount
        ) {
          sheet.conditionalFormats.splice(i, 1);
        }
      }
    });
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
