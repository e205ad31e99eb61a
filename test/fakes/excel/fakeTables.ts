/**
 * Fake Excel Tables: a workbook's or a sheet's collection of them (add, find, null objects) and a
 * table's name, style, filter buttons, size and range.
 */
import { parseA1, splitSheet } from "./fakeGeometry";
import { FakeItemCollection } from "./fakeItemCollection";
import { FakeClientObject, NULL, checkSameContext, child } from "./fakeProxy";
import { FakeRange } from "./fakeRange";
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakeSheetState, FakeTable } from "./fakeSheetState";
import type { FakeWorkbookState } from "./fakeWorkbookState";

interface TableScope {
  readonly state: FakeWorkbookState;
  /** null: the workbook's collection. */
  readonly sheet: FakeSheetState | null;
}

export class FakeTableCollection extends FakeItemCollection<TableScope, FakeTable, FakeTableProxy> {
  protected readonly itemScalars = FakeTableProxy.scalars;

  /** A null sheet's tables stay unloaded (the host reads only existing sheets' tables). */
  protected override get nullItems(): "unloaded" {
    return "unloaded";
  }

  protected elements(): FakeTable[] | null {
    const scope = this.resolve();
    if (scope === NULL) return null;
    return scope.state.tables.filter((t) => scope.sheet === null || t.sheetId === scope.sheet.id);
  }

  protected readItem(table: FakeTable, property: string): unknown {
    return readTable(table, property);
  }

  protected item(index: number, table: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.context, `${this.path}[${index}]`, () => table);
  }

  /**
   * A Range, or an address. Office documents an address without a sheet name as meaning the
   * *active* sheet, so the fake refuses one unless the collection's sheet is the active one.
   */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTableProxy {
    let added: FakeTable | undefined;
    const label = typeof address === "string" ? address : "Range";
    checkSameContext(this.context, address);
    this.act("add", [label, hasHeaders], ({ state, sheet }) => {
      if (typeof address !== "string") {
        // A Range argument arrives in ExcelApi 1.3; before it, only an address.
        this.context.excel.requireApi("1.3", "tables.add(Range)");
        const { sheet: target, rect } = address.resolveExisting();
        if (sheet !== null && target !== sheet)
          throw new FakeRichApiError("InvalidArgument", "The range is on another sheet.");
        added = state.addTable(target, rect, hasHeaders);
        return;
      }
      const { sheet: named, ref } = splitSheet(address);
      const target = named === null ? state.activeSheet() : state.sheetByName(named);
      if (target === undefined) throw new FakeRichApiError("InvalidArgument", `No sheet for “${address}”.`);
      if (sheet !== null && target !== sheet)
        throw new FakeRichApiError(
          "InvalidArgument",
          `“${address}” is on another sheet (an address without a sheet name means the active sheet).`,
        );
      added = state.addTable(target, parseA1(ref), hasHeaders);
    });
    return new FakeTableProxy(this.context, `${this.path}.add(${JSON.stringify(label)})`, () => {
      if (added === undefined) throw new FakeRichApiError("InvalidOperation", "The table was not added.");
      return added;
    });
  }

  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(
      this.context,
      `${this.path}.getItem(${JSON.stringify(name)})`,
      child(this, (scope) => {
        const table = findTable(scope, name);
        if (table === undefined) throw new FakeRichApiError("ItemNotFound", `No table named “${name}”.`);
        return table;
      }),
    );
  }

  getItemOrNullObject(name: string): FakeTableProxy {
    return new FakeTableProxy(
      this.context,
      `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`,
      child(this, (scope) => {
        this.context.excel.requireApi("1.4", "TableCollection.getItemOrNullObject");
        return findTable(scope, name) ?? NULL;
      }),
      true,
    );
  }
}

function findTable(scope: TableScope, name: string): FakeTable | undefined {
  return scope.state.tables.find(
    (t) =>
      t.name.toLowerCase() === name.toLowerCase() && (scope.sheet === null || t.sheetId === scope.sheet.id),
  );
}

function readTable(table: FakeTable, property: string): unknown {
  switch (property) {
    case "name":
      return table.name;
    case "id":
      return table.id;
    case "style":
      return table.style;
    case "showFilterButton":
      return table.showFilterButton;
    case "showHeaders":
      return true;
    default:
      throw new FakeRichApiError("InvalidArgument", `Table has no property '${property}' in this fake.`);
  }
}

export class FakeTableProxy extends FakeClientObject<FakeTable> {
  static readonly scalars = ["name", "id", "style", "showFilterButton", "showHeaders"] as const;
  protected readonly scalarProperties = FakeTableProxy.scalars;

  protected readProperty(target: FakeTable, property: string): unknown {
    return readTable(target, property);
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.act("set name", value, (table) => {
      this.context.excel.state.checkTableName(value, table);
      table.name = value;
    });
  }
  get style(): string {
    return this.loaded("style");
  }
  set style(value: string) {
    this.act("set style", value, (table) => {
      this.context.excel.state.checkTableStyle(value);
      table.style = value;
    });
  }
  get showFilterButton(): boolean {
    return this.loaded("showFilterButton");
  }
  set showFilterButton(value: boolean) {
    this.act(
      "set showFilterButton",
      value,
      (table) => {
        table.showFilterButton = value;
      },
      "1.3",
    );
  }

  delete(): void {
    this.act("delete", null, (table) => {
      this.context.excel.state.removeTable(table, false);
    });
  }

  /** ExcelApi 1.13: the table takes the new range; see FakeWorkbookState.resizeTable for Excel's rules. */
  resize(newRange: string | FakeRange): void {
    checkSameContext(this.context, newRange);
    this.act(
      "resize",
      typeof newRange === "string" ? newRange : "Range",
      (table) => {
        const state = this.context.excel.state;
        const sheet = state.sheetById(table.sheetId);
        if (sheet === undefined) throw new FakeRichApiError("ItemNotFound", "The table's sheet is gone.");
        if (typeof newRange === "string") {
          const { sheet: named, ref } = splitSheet(newRange);
          const on = named === null ? sheet : state.sheetByName(named);
          if (on === undefined) throw new FakeRichApiError("InvalidArgument", `No sheet for “${newRange}”.`);
          state.resizeTable(table, on, parseA1(ref));
        } else {
          const { sheet: on, rect } = newRange.resolveExisting();
          state.resizeTable(table, on, rect);
        }
      },
      "1.13",
    );
  }

  convertToRange(): FakeRange {
    this.act(
      "convertToRange",
      null,
      (table) => {
        this.context.excel.state.removeTable(table, true);
      },
      "1.2",
    );
    return this.getRange();
  }

  getRange(): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getRange()`,
      child(this, (table) => {
        const sheet = this.context.excel.state.sheetById(table.sheetId);
        if (sheet === undefined) throw new FakeRichApiError("ItemNotFound", "The table's sheet is gone.");
        return { sheet, rect: table.rect };
      }),
    );
  }
}
