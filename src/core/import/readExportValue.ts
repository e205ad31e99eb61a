import { parseMeasuredValue } from "../water-quality/parseMeasuredValue";
import type { WaterQualityProblem } from "../water-quality/waterQualityIssue";

/**
 * A measured value of an export as 监测数据 takes it: the cell to write (a number in the sheet's
 * unit, or a below-detection text such as "0.01L" or "ND"), with whether the export marked it with
 * "*"; nothing measured; or a problem from the engine's value parser.
 */
export type ExportValue =
  | { readonly kind: "value"; readonly cell: number | string; readonly marked: boolean }
  | { readonly kind: "empty" }
  | WaterQualityProblem;

/**
 * A number times a unit factor, without the binary noise of the product (0.5 µg/L × 0.001 is
 * 0.0005 mg/L, not 0.0005000000000000001): twelve significant digits are more than any report has.
 */
function scaled(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}

/** A detection limit as 监测数据 writes it: the limit in the sheet's unit with "L" ("0.00005L"). */
function limitText(limit: number, factor: number): string {
  return `${String(scaled(limit, factor))}L`;
}

/**
 * Reads one measured value of an export with the engine's value parser (`parseMeasuredValue`:
 * numbers, "0.01L", "<0.01", "ND", "未检出", "--" for nothing measured) and turns it into the
 * column's unit by the header's `factor` (µg/L → mg/L: 0.001). Exports add one mark of their own: a
 * "*" after a value (bulletins mark values over the standard so), which is read as the value and
 * reported as `marked`; a "*" alone measured nothing. A below-detection value without a limit
 * ("ND", "未检出") is written as the export wrote it. Never throws; anything the parser refuses is
 * its problem.
 *
 * | cell | factor | result |
 * | --- | --- | --- |
 * | 0.123 | 1 | 0.123 |
 * | "0.5" | 0.001 | 0.0005 |
 * | "0.01L" / "<0.01" | 1 | "0.01L" |
 * | "0.05L" | 0.001 | "0.00005L" |
 * | "ND" / "未检出" | 1 | as written |
 * | "1.52*" | 1 | 1.52, marked |
 * | "--" / "*" / "" | 1 | empty |
 * | "异常" | 1 | problem unreadable_value |
 *
 * @example
 * readExportValue("0.05L", 0.001) // { kind: "value", cell: "0.00005L", marked: false }
 */
export function readExportValue(raw: unknown, factor: number): ExportValue {
  let input = raw;
  let marked = false;
  if (typeof raw === "string") {
    const text = raw.normalize("NFKC").trim();
    const unmarked = text.replace(/\*+$/u, "").trim();
    if (unmarked !== text) {
      if (unmarked === "") return { kind: "empty" };
      marked = true;
      input = unmarked;
    }
  }
  const measured = parseMeasuredValue(input);
  switch (measured.kind) {
    case "not_monitored":
      return { kind: "empty" };
    case "value":
      return { kind: "value", cell: scaled(measured.value, factor), marked };
    case "below_detection":
      return {
        kind: "value",
        cell:
          measured.limit !== null
            ? limitText(measured.limit, factor)
            : typeof input === "string"
              ? input.trim()
              : "ND",
        marked,
      };
    case "problem":
      // The problem quotes the cell as the export wrote it, mark and all.
      return typeof raw === "string" ? { ...measured, input: raw } : measured;
  }
}
