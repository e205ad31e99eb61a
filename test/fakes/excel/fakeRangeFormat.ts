/**
 * A range's formats: widths and heights, alignment and wrapping, fill and font, and its
 * conditional formats (which the fake only clears).
 */
import { cellsOf } from "./fakeGeometry";
import { FakeFormatProtection } from "./fakeProtection";
import { FakeClientObject, child } from "./fakeProxy";
import type { RangeTarget } from "./fakeRange";
import { FakeRichApiError } from "./fakeRichApiError";
import { DEFAULT_COLUMN_WIDTH_POINTS, DEFAULT_ROW_HEIGHT_POINTS, type FormatProp } from "./fakeSheetState";

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = [
    "columnWidth",
    "rowHeight",
    "wrapText",
    "horizontalAlignment",
    "verticalAlignment",
  ];
  private fillProxy: FakeRangeFill | undefined;
  private fontProxy: FakeRangeFont | undefined;
  private protectionProxy: FakeFormatProtection | undefined;

  get fill(): FakeRangeFill {
    this.fillProxy ??= new FakeRangeFill(
      this.context,
      `${this.path}.fill`,
      child(this, (t) => t),
    );
    return this.fillProxy;
  }
  get protection(): FakeFormatProtection {
    this.protectionProxy ??= new FakeFormatProtection(
      this.context,
      `${this.path}.protection`,
      child(this, (t) => t),
    );
    return this.protectionProxy;
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
  protected readonly scalarProperties = ["color", "bold", "size", "name"];
  protected readProperty(target: RangeTarget, property: string): unknown {
    const prop = ({ color: "fontColor", bold: "bold", size: "fontSize", name: "fontName" } as const)[
      property as "color"
    ];
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
  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.act("set fontName", value, ({ sheet, rect }) => {
      if (typeof value !== "string" || value === "")
        throw new FakeRichApiError("InvalidArgument", `Font name ${JSON.stringify(value)}.`);
      sheet.setFormat(rect, "fontName", value);
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

export class FakeConditionalFormats extends FakeClientObject<RangeTarget> {
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
