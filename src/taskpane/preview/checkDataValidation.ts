import { isoDateToSerial } from "../../core/excelDate";
import type { CellValue, RectValidation, ValidationRule } from "../../workbook/layout";

/**
 * What Excel does with a typed value under a cell's data validation: lets it in, or stops it
 * ("stop": 重试 or 取消) or asks first ("warning": 是否继续?) with the rule's own title and message.
 */
export type DataValidationVerdict =
  | { readonly kind: "allowed" }
  | {
      readonly kind: "refused";
      readonly style: RectValidation["errorStyle"];
      readonly title: string;
      readonly message: string;
    };

const allowed: DataValidationVerdict = { kind: "allowed" };

/**
 * Judges a value typed into a cell the way Excel's data validation judges it, so that the preview
 * refuses what Excel would refuse. An empty cell always passes (the add-in's rules allow blanks);
 * a list compares text without regard to case, as Excel does (`listValues`: the choices of a list
 * rule or of the cells a range rule names); number rules refuse text; a date rule compares serials,
 * so a day outside the range and text that is no date are refused. Pasting is not judged (Excel
 * does not judge a paste either).
 *
 * | rule | typed | verdict |
 * | --- | --- | --- |
 * | list 未启动, 推进中, 已完成 (stop) | 推进中 | allowed |
 * | list 未启动, 推进中, 已完成 (stop) | 搞定了 | refused, stop |
 * | list Yes, No (stop) | yes | allowed |
 * | whole number ≥ 0 (stop) | 2.5, -1, "三" | refused, stop |
 * | date 2022-01-01…2024-12-31 (stop) | 45056 (2023-05-10) | allowed |
 * | decimal (warning) | "约 5" | refused, warning |
 * | any | (empty) | allowed |
 *
 * @example
 * checkDataValidation(statusRule, "搞定了", ["未启动", "推进中", "已完成"]).kind // "refused"
 */
export function checkDataValidation(
  validation: RectValidation,
  value: CellValue,
  listValues: readonly string[],
): DataValidationVerdict {
  if (value === null || value === "" || passes(validation.rule, value, listValues)) return allowed;
  return {
    kind: "refused",
    style: validation.errorStyle,
    title: validation.errorTitle,
    message: validation.errorMessage,
  };
}

function passes(
  rule: ValidationRule,
  value: Exclude<CellValue, null>,
  listValues: readonly string[],
): boolean {
  switch (rule.kind) {
    case "list":
    case "listRange": {
      const text = cellText(value).toLowerCase();
      return listValues.some((choice) => choice.toLowerCase() === text);
    }
    case "decimal":
      return typeof value === "number" && within(value, rule.min, rule.max);
    case "wholeNumber":
      return typeof value === "number" && Number.isInteger(value) && within(value, rule.min, rule.max);
    case "date":
      return typeof value === "number" && within(value, isoDateToSerial(rule.from), isoDateToSerial(rule.to));
  }
}

/** The text Excel compares with a list's choices. */
function cellText(value: Exclude<CellValue, null>): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function within(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}
