/**
 * Fake worksheets: the workbook's collection of them, and a sheet's properties, ranges and the
 * collections it holds (tables, notes, comments, charts), its protection, panes and page layout.
 */
import { FakeChartCollection } from "./fakeCharts";
import { FakeCommentCollection } from "./fakeComments";
import { FakeFreezePanes } from "./fakeFreezePanes";
import { EXCEL_COLUMNS, EXCEL_ROWS, parseA1, splitSheet } from "./fakeGeometry";
import { FakeItemCollection } from "./fakeItemCollection";
import { FakeNoteCollection } from "./fakeNotes";
import { FakePageBreakCollection, FakePageLayoutProxy } from "./fakePageLayout";
import { FakeWorksheetProtection } from "./fakeProtection";
import { FakeClientObject, NULL, child, requiring, type FakeContextLike, type Target } from "./fakeProxy";
import { FakeRange, checkRect } from "./fakeRange";
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakeSheetState } from "./fakeSheetState";
import { FakeTableCollection } from "./fakeTables";
import type { FakeWorkbookState } from "./fakeWorkbookState";

export class FakeWorksheetCollection extends FakeItemCollection<
  FakeWorkbookState,
  FakeSheetState,
  FakeWorksheet
> {
  protected readonly itemScalars = FakeWorksheet.scalars;

  constructor(context: FakeContextLike) {
    super(context, "workbook.worksheets", () => context.excel.state);
  }

  protected elements(): FakeSheetState[] {
    return [...this.resolveExisting().sheets];
  }

  protected readItem(sheet: FakeSheetState, property: string): unknown {
    return readWorksheet(this.context.excel.state, sheet, property);
  }

  protected item(index: number, sheet: FakeSheetState): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets[${index}]`, () => sheet);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(name)})`, () => {
      const sheet = this.context.excel.state.sheetByName(name);
      if (sheet === undefined) throw new FakeRichApiError("ItemNotFound", `No sheet named “${name}”.`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      `worksheets.getItemOrNullObject(${JSON.stringify(name)})`,
      requiring(
        this.context,
        "1.4",
        "worksheets.getItemOrNullObject",
        () => this.context.excel.state.sheetByName(name) ?? NULL,
      ),
      true,
    );
  }

  add(name?: string): FakeWorksheet {
    let added: FakeSheetState | undefined;
    this.context.enqueue({
      path: this.path,
      action: "add",
      args: name ?? null,
      mutates: true,
      run: () => {
        added = this.context.excel.state.addSheet(name);
        return undefined;
      },
    });
    return new FakeWorksheet(this.context, `worksheets.add(${JSON.stringify(name ?? null)})`, () => {
      if (added === undefined) throw new FakeRichApiError("InvalidOperation", "The sheet was not added.");
      return added;
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => {
      const state = this.context.excel.state;
      const active = state.activeSheetId === null ? undefined : state.sheetById(state.activeSheetId);
      if (active === undefined) throw new FakeRichApiError("ItemNotFound", "No active sheet.");
      return active;
    });
  }
}

function readWorksheet(state: FakeWorkbookState, sheet: FakeSheetState, property: string): unknown {
  switch (property) {
    case "name":
      return sheet.name;
    case "id":
      return sheet.id;
    case "position":
      return state.sheets.indexOf(sheet);
    case "visibility":
      return sheet.visibility;
    case "tabColor":
      return sheet.tabColor;
    default:
      throw new FakeRichApiError("InvalidArgument", `Worksheet has no property '${property}' in this fake.`);
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheetState> {
  static readonly scalars = ["name", "id", "position", "visibility", "tabColor"] as const;
  protected readonly scalarProperties = FakeWorksheet.scalars;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayoutProxy;
  readonly horizontalPageBreaks: FakePageBreakCollection;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;
  readonly charts: FakeChartCollection;
  readonly protection: FakeWorksheetProtection;

  constructor(
    context: FakeContextLike,
    path: string,
    resolver: () => Target<FakeSheetState>,
    orNull = false,
  ) {
    super(context, path, resolver, orNull);
    this.tables = new FakeTableCollection(
      context,
      `${path}.tables`,
      child(this, (sheet) => ({ state: context.excel.state, sheet })),
    );
    this.freezePanes = new FakeFreezePanes(
      context,
      `${path}.freezePanes`,
      child(this, (sheet) => sheet),
    );
    this.pageLayout = new FakePageLayoutProxy(
      context,
      `${path}.pageLayout`,
      child(this, (sheet) => sheet),
    );
    this.horizontalPageBreaks = new FakePageBreakCollection(
      context,
      `${path}.horizontalPageBreaks`,
      child(this, (sheet) => sheet),
    );
    this.notes = new FakeNoteCollection(
      context,
      `${path}.notes`,
      child(this, (sheet) => sheet),
    );
    this.comments = new FakeCommentCollection(
      context,
      `${path}.comments`,
      child(this, (sheet) => sheet),
    );
    this.charts = new FakeChartCollection(
      context,
      `${path}.charts`,
      child(this, (sheet) => sheet),
    );
    this.protection = new FakeWorksheetProtection(
      context,
      `${path}.protection`,
      child(this, (sheet) => sheet),
    );
  }

  protected readProperty(target: FakeSheetState, property: string): unknown {
    return readWorksheet(this.context.excel.state, target, property);
  }

  /**
   * Sheet protection guards the sheet's content; naming, moving, hiding, colouring the tab,
   * deleting and showing the sheet are the workbook's structure, which only workbook protection
   * guards (not modelled).
   */
  protected override get allowedOnProtectedSheet(): readonly string[] {
    return ["set name", "set position", "set visibility", "set tabColor", "activate", "delete"];
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.act("set name", value, (sheet) => {
      this.context.excel.state.checkSheetName(value, sheet);
      sheet.name = value;
    });
  }
  get id(): string {
    return this.loaded("id");
  }
  get position(): number {
    return this.loaded("position");
  }
  set position(value: number) {
    this.act("set position", value, (sheet) => {
      const sheets = this.context.excel.state.sheets;
      if (value < 0 || value >= sheets.length)
        throw new FakeRichApiError("InvalidArgument", "Position out of range.");
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  set visibility(value: string) {
    this.act(
      "set visibility",
      value,
      (sheet) => {
        if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") {
          throw new FakeRichApiError("InvalidArgument", value);
        }
        this.context.excel.state.setVisibility(sheet, value);
      },
      "1.2",
    );
  }
  get tabColor(): string {
    return this.loaded("tabColor");
  }
  set tabColor(value: string) {
    this.act(
      "set tabColor",
      value,
      (sheet) => {
        if (value !== "" && !/^#[0-9A-Fa-f]{6}$/.test(value))
          throw new FakeRichApiError("InvalidArgument", `Colour “${value}”.`);
        sheet.tabColor = value.toUpperCase();
      },
      "1.7",
    );
  }

  activate(): void {
    this.act("activate", null, (sheet) => {
      this.context.excel.state.activate(sheet);
    });
  }

  delete(): void {
    this.act("delete", null, (sheet) => {
      this.context.excel.state.deleteSheet(sheet);
    });
  }

  /** No address: the whole sheet, as Office does. */
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getRange(${JSON.stringify(address ?? "")})`,
      child(this, (sheet) => {
        if (address === undefined || address === "")
          return { sheet, rect: { row: 0, col: 0, rowCount: EXCEL_ROWS, colCount: EXCEL_COLUMNS } };
        const { sheet: named, ref } = splitSheet(address);
        if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
          throw new FakeRichApiError("InvalidArgument", `“${address}” is on another sheet.`);
        }
        return { sheet, rect: parseA1(ref) };
      }),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const path = `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`;
    return new FakeRange(
      this.context,
      path,
      child(this, (sheet) => {
        this.context.excel.requireApi("1.7", "getRangeByIndexes");
        const rect = { row: startRow, col: startColumn, rowCount, colCount: columnCount };
        checkRect(rect);
        return { sheet, rect };
      }),
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRange(${valuesOnly})`,
      child(this, (sheet) => {
        // An empty sheet's used range is A1, as in Office.
        return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 } };
      }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      child(this, (sheet) => {
        this.context.excel.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
        const rect = sheet.usedRect(valuesOnly);
        return rect === null ? NULL : { sheet, rect };
      }),
      true,
    );
  }
}
