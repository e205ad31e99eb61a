import { FakeClientObject } from "./fakeProxy";
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakeSheetState } from "./fakeSheetState";

/**
 * Worksheet.protection (ExcelApi 1.2): whether the sheet is protected, and protect/unprotect
 * without a password. While protected, Excel refuses changes to the sheet (see
 * refuseOnProtectedSheet in fakeProxy.ts).
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection
 */
export class FakeWorksheetProtection extends FakeClientObject<FakeSheetState> {
  protected readonly scalarProperties = ["protected"];
  protected override get api(): string {
    return "1.2";
  }
  protected readProperty(sheet: FakeSheetState, property: string): unknown {
    if (property === "protected") return sheet.protected;
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
  /** Fails on a sheet already protected, as Excel does. */
  protect(): void {
    this.act("protect", null, (sheet) => {
      if (sheet.protected)
        throw new FakeRichApiError("InvalidOperation", `“${sheet.name}” is already protected.`);
      sheet.protected = true;
    });
  }
  unprotect(): void {
    this.act("unprotect", null, (sheet) => {
      sheet.protected = false;
    });
  }
}
