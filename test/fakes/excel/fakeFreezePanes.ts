/** A sheet's frozen panes (ExcelApi 1.7): rows, columns or a block frozen, and where the split is. */
import { EXCEL_COLUMNS, EXCEL_ROWS, parseA1, splitSheet } from "./fakeGeometry";
import { FakeClientObject, NULL, checkSameContext, child } from "./fakeProxy";
import { FakeRange } from "./fakeRange";
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakeSheetState } from "./fakeSheetState";

export class FakeFreezePanes extends FakeClientObject<FakeSheetState> {
  protected readonly scalarProperties = [];
  protected override get api(): string {
    return "1.7";
  }
  /** Freezing panes belongs to the window (View → Freeze Panes), which sheet protection leaves alone. */
  protected override get allowedOnProtectedSheet(): "all" {
    return "all";
  }
  protected readProperty(): unknown {
    return undefined;
  }

  freezeRows(count = 1): void {
    this.act("freezeRows", count, (sheet) => {
      if (count < 0 || count >= EXCEL_ROWS)
        throw new FakeRichApiError("InvalidArgument", `freezeRows(${count}).`);
      sheet.freeze = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.act("freezeColumns", count, (sheet) => {
      if (count < 0 || count >= EXCEL_COLUMNS)
        throw new FakeRichApiError("InvalidArgument", `freezeColumns(${count}).`);
      sheet.freeze = { rows: 0, columns: count };
    });
  }

  /** The range is the frozen top-left block: its bottom-right cell decides the split. */
  freezeAt(frozenRange: string | FakeRange): void {
    const address = typeof frozenRange === "string" ? frozenRange : null;
    checkSameContext(this.context, frozenRange);
    this.act("freezeAt", address ?? "(range)", (sheet) => {
      const rect =
        address !== null
          ? parseA1(splitSheet(address).ref)
          : frozenRange instanceof FakeRange
            ? frozenRange.resolveExisting().rect
            : null;
      if (rect === null) throw new FakeRichApiError("InvalidArgument", "freezeAt needs a range.");
      sheet.freeze = { rows: rect.row + rect.rowCount, columns: rect.col + rect.colCount };
    });
  }

  unfreeze(): void {
    this.act("unfreeze", null, (sheet) => {
      sheet.freeze = { rows: 0, columns: 0 };
    });
  }

  getLocationOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getLocationOrNullObject()`,
      child(this, (sheet) => {
        const { rows, columns } = sheet.freeze;
        if (rows === 0 && columns === 0) return NULL;
        return {
          sheet,
          rect: {
            row: 0,
            col: 0,
            rowCount: rows === 0 ? EXCEL_ROWS : rows,
            colCount: columns === 0 ? EXCEL_COLUMNS : columns,
          },
        };
      }),
      true,
    );
  }
}
