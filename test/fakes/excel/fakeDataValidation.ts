/**
 * A range's data validation (ExcelApi 1.8): rules and error alerts checked as Excel checks them.
 */
import { splitSheet } from "./fakeGeometry";
import { FakeClientObject } from "./fakeProxy";
import type { RangeTarget } from "./fakeRange";
import { FakeRichApiError } from "./fakeRichApiError";
import { enterValue } from "./fakeTyping";
import type { FakeWorkbookState } from "./fakeWorkbookState";

export class FakeDataValidation extends FakeClientObject<RangeTarget> {
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
