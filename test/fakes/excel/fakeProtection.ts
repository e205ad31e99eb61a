import { FakeClientObject } from "./fakeProxy";
import type { RangeTarget } from "./fakeRange";
import { FakeRichApiError } from "./fakeRichApiError";
import {
  DEFAULT_PROTECTION_OPTIONS,
  type FakeProtectionOptions,
  type FakeSheetState,
} from "./fakeSheetState";
import { cellsOf } from "./fakeGeometry";

/**
 * Worksheet.protection (ExcelApi 1.2): whether the sheet is protected and with which options, and
 * protect/unprotect. While protected, the fake refuses every change to the sheet's cells, formats,
 * tables, notes and charts (see refuseOnProtectedSheet in fakeProxy.ts) — stricter than Excel,
 * which lets values into unlocked cells and formats through with allowFormatCells: a host that
 * passes here does not lean on either.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection
 */
export class FakeWorksheetProtection extends FakeClientObject<FakeSheetState> {
  protected readonly scalarProperties = ["protected", "options"];
  protected override get api(): string {
    return "1.2";
  }
  protected readProperty(sheet: FakeSheetState, property: string): unknown {
    if (property === "protected") return sheet.protected;
    if (property === "options") return { ...sheet.protectionOptions };
    throw new FakeRichApiError(
      "InvalidArgument",
      `WorksheetProtection has no property '${property}' in this fake.`,
    );
  }
  protected override get allowedOnProtectedSheet(): "all" {
    return "all";
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  get options(): FakeProtectionOptions {
    return this.loaded("options");
  }
  /**
   * Fails on a sheet already protected, as Excel does ("InvalidOperation"), and on an option
   * Excel does not have (InvalidArgument). The fake takes no password: the add-in protects
   * without one (see SheetProtection), and a password it passed by mistake would lock users out.
   */
  protect(options?: Partial<FakeProtectionOptions>, password?: string): void {
    this.act("protect", options ?? null, (sheet) => {
      if (sheet.protected)
        throw new FakeRichApiError("InvalidOperation", `“${sheet.name}” is already protected.`);
      if (password !== undefined)
        throw new FakeRichApiError("InvalidArgument", "The fake takes no protection password.");
      for (const [name, value] of Object.entries(options ?? {})) {
        const known: unknown = (DEFAULT_PROTECTION_OPTIONS as unknown as Record<string, unknown>)[name];
        const fits =
          name === "selectionMode"
            ? ["Normal", "Unlocked", "None"].includes(String(value))
            : typeof known === "boolean" && typeof value === "boolean";
        if (known === undefined || !fits)
          throw new FakeRichApiError("InvalidArgument", `Protection option ${name}: ${String(value)}.`);
      }
      sheet.protected = true;
      sheet.protectionOptions = { ...DEFAULT_PROTECTION_OPTIONS, ...options };
    });
  }
  unprotect(password?: string): void {
    this.act("unprotect", null, (sheet) => {
      if (password !== undefined && sheet.protected)
        throw new FakeRichApiError("InvalidArgument", "The fake's sheets have no protection password.");
      sheet.protected = false;
      sheet.protectionOptions = { ...DEFAULT_PROTECTION_OPTIONS };
    });
  }
}

/**
 * Range.format.protection (ExcelApi 1.2): whether the range's cells are locked (null where they
 * differ, as Office reports it). Every cell is locked until unlocked; clearing formats locks it
 * again. Changing it is a format change, refused on a protected sheet.
 * https://learn.microsoft.com/javascript/api/excel/excel.formatprotection
 */
export class FakeFormatProtection extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = ["locked"];
  protected override get api(): string {
    return "1.2";
  }
  protected readProperty({ sheet, rect }: RangeTarget, property: string): unknown {
    if (property !== "locked")
      throw new FakeRichApiError(
        "InvalidArgument",
        `FormatProtection has no property '${property}' in this fake.`,
      );
    const cells = cellsOf(rect, (r, c) => sheet.formatAt(r, c, "locked")).flat();
    return cells.every((v) => v === cells[0]) ? cells[0] : null;
  }
  get locked(): boolean {
    return this.loaded("locked");
  }
  set locked(value: boolean) {
    this.act("set locked", value, ({ sheet, rect }) => {
      if (typeof value !== "boolean")
        throw new FakeRichApiError("InvalidArgument", `locked: ${String(value)}.`);
      sheet.setFormat(rect, "locked", value);
    });
  }
}
