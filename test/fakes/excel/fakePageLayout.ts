/**
 * A sheet's page layout for printing (ExcelApi 1.9): orientation, paper, zoom or fit to pages,
 * gridlines and print titles, each checked as Excel checks it.
 */
import { EXCEL_COLUMNS, parseA1 } from "./fakeGeometry";
import { FakeClientObject } from "./fakeProxy";
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakePageLayout, FakeSheetState } from "./fakeSheetState";
import type { FakeWorkbookState } from "./fakeWorkbookState";

const PAPER_SIZES = ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"];

export class FakePageLayoutProxy extends FakeClientObject<FakeSheetState> {
  protected readonly scalarProperties = [
    "orientation",
    "paperSize",
    "zoom",
    "printGridlines",
    "leftMargin",
    "rightMargin",
    "topMargin",
    "bottomMargin",
    "headerMargin",
    "footerMargin",
  ];
  protected override get api(): string {
    return "1.9";
  }

  protected readProperty(sheet: FakeSheetState, property: string): unknown {
    switch (property) {
      case "orientation":
        return sheet.page.orientation;
      case "paperSize":
        return sheet.page.paperSize;
      case "zoom":
        return { ...sheet.page.zoom };
      case "printGridlines":
        return sheet.page.printGridlines;
      case "leftMargin":
      case "rightMargin":
      case "topMargin":
      case "bottomMargin":
      case "headerMargin":
      case "footerMargin":
        return sheet.page.margins[marginKey(property)];
      default:
        throw new FakeRichApiError(
          "InvalidArgument",
          `PageLayout has no property '${property}' in this fake.`,
        );
    }
  }

  get orientation(): string {
    return this.loaded("orientation");
  }
  set orientation(value: string) {
    this.act("set orientation", value, (sheet) => {
      if (value !== "Portrait" && value !== "Landscape") throw new FakeRichApiError("InvalidArgument", value);
      sheet.page.orientation = value;
    });
  }
  get paperSize(): string {
    return this.loaded("paperSize");
  }
  set paperSize(value: string) {
    this.act("set paperSize", value, (sheet) => {
      if (!PAPER_SIZES.includes(value)) throw new FakeRichApiError("InvalidArgument", `Paper ${value}.`);
      sheet.page.paperSize = value;
    });
  }
  get zoom(): FakeWorkbookState["sheets"][number]["page"]["zoom"] {
    return this.loaded("zoom");
  }
  /**
   * PageLayoutZoomOptions documents a scale of 10–400 and page counts to fit (or null); the fake
   * refuses anything else, 0 pages included (Office documents no meaning for it).
   * https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions
   */
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.act("set zoom", value, (sheet) => {
      // What arrives is whatever the caller's JavaScript sent, not what the typings promise.
      for (const [option, given] of Object.entries(value as Record<string, unknown>)) {
        if (given === null || given === undefined) continue;
        if (option === "scale") {
          if (typeof given !== "number" || given < 10 || given > 400)
            throw new FakeRichApiError("InvalidArgument", "Scale 10–400.");
        } else if (option === "horizontalFitToPages" || option === "verticalFitToPages") {
          if (typeof given !== "number" || !Number.isInteger(given) || given < 1 || given > 32767) {
            throw new FakeRichApiError(
              "InvalidArgument",
              `${option} ${JSON.stringify(given)}: a number of pages, 1 or more.`,
            );
          }
        } else {
          throw new FakeRichApiError("InvalidArgument", `Zoom has no option “${option}”.`);
        }
      }
      sheet.page.zoom = { ...value };
    });
  }

  get printGridlines(): boolean {
    return this.loaded("printGridlines");
  }
  set printGridlines(value: boolean) {
    this.act("set printGridlines", value, (sheet) => {
      if (typeof value !== "boolean") throw new FakeRichApiError("InvalidArgument", String(value));
      sheet.page.printGridlines = value;
    });
  }

  get leftMargin(): number {
    return this.loaded("leftMargin");
  }
  set leftMargin(value: number) {
    this.setMargin("left", value);
  }
  get rightMargin(): number {
    return this.loaded("rightMargin");
  }
  set rightMargin(value: number) {
    this.setMargin("right", value);
  }
  get topMargin(): number {
    return this.loaded("topMargin");
  }
  set topMargin(value: number) {
    this.setMargin("top", value);
  }
  get bottomMargin(): number {
    return this.loaded("bottomMargin");
  }
  set bottomMargin(value: number) {
    this.setMargin("bottom", value);
  }
  get headerMargin(): number {
    return this.loaded("headerMargin");
  }
  set headerMargin(value: number) {
    this.setMargin("header", value);
  }
  get footerMargin(): number {
    return this.loaded("footerMargin");
  }
  set footerMargin(value: number) {
    this.setMargin("footer", value);
  }

  /** Margins in points, none negative (Excel refuses them) and none past half the A4 page's short side. */
  private setMargin(which: keyof FakePageLayout["margins"], value: number): void {
    this.act(`set ${which}Margin`, value, (sheet) => {
      if (typeof value !== "number" || !(value >= 0 && value < 297))
        throw new FakeRichApiError("InvalidArgument", `Margin ${String(value)} pt.`);
      sheet.page.margins[which] = value;
    });
  }

  /** A range address on the sheet, e.g. "A:O" or "A1:G40" (one area; the add-in never sends more). */
  setPrintArea(area: string): void {
    this.act("setPrintArea", area, (sheet) => {
      const match = /^\$?([A-Z]{1,3})(\$?\d+)?:\$?([A-Z]{1,3})(\$?\d+)?$/.exec(area);
      if (!match) throw new FakeRichApiError("InvalidArgument", `Print area ${area}.`);
      sheet.page.printArea = area.includes("$") ? area : area.replace(/([A-Z]+)/g, "$$$1");
    });
  }

  /** Whole columns only, e.g. "$A:$B". */
  setPrintTitleColumns(columns: string): void {
    this.act("setPrintTitleColumns", columns, (sheet) => {
      const match = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(columns);
      if (!match)
        throw new FakeRichApiError("InvalidArgument", `Print titles need whole columns: ${columns}.`);
      sheet.page.printTitleColumns = `$${match[1] ?? ""}:$${match[2] ?? ""}`;
    });
  }

  /** Whole rows only, e.g. "$3:$3" or "3:4". */
  setPrintTitleRows(rows: string): void {
    this.act("setPrintTitleRows", rows, (sheet) => {
      const rect = parseA1(rows);
      if (rect.col !== 0 || rect.colCount !== EXCEL_COLUMNS)
        throw new FakeRichApiError("InvalidArgument", `Print titles need whole rows: ${rows}.`);
      sheet.page.printTitleRows = `$${rect.row + 1}:$${rect.row + rect.rowCount}`;
    });
  }
}

function marginKey(property: string): keyof FakePageLayout["margins"] {
  return property.replace("Margin", "") as keyof FakePageLayout["margins"];
}

/**
 * Worksheet.horizontalPageBreaks (ExcelApi 1.9): a break is added at a cell, whose row then starts a
 * page; removePageBreaks removes them all.
 */
export class FakePageBreakCollection extends FakeClientObject<FakeSheetState> {
  protected readonly scalarProperties = [];
  protected override get api(): string {
    return "1.9";
  }
  protected readProperty(): unknown {
    throw new FakeRichApiError("InvalidArgument", "PageBreakCollection has no properties in this fake.");
  }
  add(at: string): void {
    this.act("add", at, (sheet) => {
      const match = /^\$?[A-Z]{1,3}\$?(\d+)$/.exec(at);
      const row = Number(match?.[1] ?? 0) - 1;
      if (row < 1) throw new FakeRichApiError("InvalidArgument", `Page break at ${at}.`);
      if (!sheet.page.rowBreaks.includes(row)) sheet.page.rowBreaks.push(row);
      sheet.page.rowBreaks.sort((a, b) => a - b);
    });
  }
  removePageBreaks(): void {
    this.act("removePageBreaks", null, (sheet) => {
      sheet.page.rowBreaks = [];
    });
  }
}
