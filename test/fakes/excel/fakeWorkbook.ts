/**
 * The fake's workbook object: its worksheets and tables, the worksheet functions Excel evaluates
 * without writing a cell, and the settings an add-in keeps in the workbook.
 */
import { FakeClientObject, NULL, checkSameContext, child, type FakeContextLike } from "./fakeProxy";
import { FakeRange } from "./fakeRange";
import { FakeRichApiError } from "./fakeRichApiError";
import { countFilled } from "./fakeSheetState";
import { FakeTableCollection } from "./fakeTables";
import type { FakeWorkbookState } from "./fakeWorkbookState";
import { FakeWorksheetCollection } from "./fakeWorksheet";

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;
  readonly functions: FakeFunctions;
  constructor(readonly context: FakeContextLike) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, "workbook.tables", () => ({
      state: context.excel.state,
      sheet: null,
    }));
    this.settings = new FakeSettingCollection(context, "workbook.settings", () => context.excel.state);
    this.functions = new FakeFunctions(context);
  }

  /**
   * The range the user selected (the state's `selection`, else A1 of the active sheet).
   * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)
   */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, "workbook.getSelectedRange()", () => {
      const state = this.context.excel.state;
      const selection = state.selection;
      const sheet = selection === null ? state.activeSheet() : state.sheetById(selection.sheetId);
      if (sheet === undefined) throw new FakeRichApiError("ItemNotFound", "No sheet holds the selection.");
      return { sheet, rect: selection?.rect ?? { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }
}

/**
 * Worksheet functions evaluated by Excel without writing a cell (ExcelApi 1.2); the fake has COUNTA.
 * https://learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-counta-member(1)
 */
export class FakeFunctions {
  constructor(private readonly context: FakeContextLike) {}

  /** How many cells of the ranges are not empty. */
  countA(...values: FakeRange[]): FakeFunctionResult {
    for (const value of values) checkSameContext(this.context, value);
    return new FakeFunctionResult(this.context, "workbook.functions.countA()", () => {
      this.context.excel.requireApi("1.2", "functions.countA");
      let count = 0;
      for (const value of values) {
        const target = value.resolve();
        if (target === NULL) throw new FakeRichApiError("InvalidArgument", "COUNTA of a null object.");
        count += countFilled(target.sheet, target.rect);
      }
      return { value: count };
    });
  }
}

export class FakeFunctionResult extends FakeClientObject<{ value: number }> {
  protected readonly scalarProperties = ["value", "error"];
  protected override get api(): string {
    return "1.2";
  }
  protected readProperty(target: { value: number }, property: string): unknown {
    if (property === "value") return target.value;
    if (property === "error") return null;
    throw new FakeRichApiError(
      "InvalidArgument",
      `FunctionResult has no property '${property}' in this fake.`,
    );
  }
  get value(): number {
    return this.loaded("value");
  }
}

/**
 * Settings an add-in keeps in the workbook (ExcelApi 1.4): add (or replace) a key, find one.
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 */
export class FakeSettingCollection extends FakeClientObject<FakeWorkbookState> {
  protected readonly scalarProperties = [];
  protected override get api(): string {
    return "1.4";
  }
  protected readProperty(): unknown {
    return undefined;
  }

  add(key: string, value: unknown): FakeSettingProxy {
    this.act("add", [key, value], (state) => {
      if (key.length === 0) throw new FakeRichApiError("InvalidArgument", "A setting needs a key.");
      // Settings travel as JSON: a value that does not survive it is refused.
      state.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    });
    return this.getItemOrNullObject(key);
  }

  getItemOrNullObject(key: string): FakeSettingProxy {
    return new FakeSettingProxy(
      this.context,
      `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`,
      child(this, (state) => (state.settings.has(key) ? { state, key } : NULL)),
      true,
    );
  }
}

export class FakeSettingProxy extends FakeClientObject<{ state: FakeWorkbookState; key: string }> {
  protected readonly scalarProperties = ["key", "value"];
  protected override get api(): string {
    return "1.4";
  }
  protected readProperty(
    { state, key }: { state: FakeWorkbookState; key: string },
    property: string,
  ): unknown {
    if (property === "key") return key;
    if (property === "value") return state.settings.get(key);
    throw new FakeRichApiError("InvalidArgument", `Setting has no property '${property}' in this fake.`);
  }
  get value(): unknown {
    return this.loaded("value");
  }
  delete(): void {
    this.act("delete", null, ({ state, key }) => {
      state.settings.delete(key);
    });
  }
}
