import type { Locale } from "../locale";

/**
 * The words an import writes into 备注, in the workbook's language. A row the station flagged
 * (站点情况 维护, 故障, …) starts with `notCounted`, so that a person — and, later, validation —
 * knows it is no normal sample.
 */
const words: Readonly<
  Record<Locale, { notCounted: string; status: string; colon: string; separator: string; marked: string }>
> = {
  "zh-CN": { notCounted: "【未计入】", status: "站点情况", colon: "：", separator: "；", marked: "标注*" },
  "en-US": {
    notCounted: "[Not counted] ",
    status: "Station status",
    colon: ": ",
    separator: "; ",
    marked: "Marked *",
  },
};

/**
 * Whether a 备注 is one the import wrote for a flagged row (in either language): its measured values
 * are kept there, not in the parameter columns, so the row is no sample to count.
 *
 * @example
 * isFlaggedRemark("【未计入】站点情况：维护；氨氮(mg/L) 0.12") // true
 */
export function isFlaggedRemark(text: string): boolean {
  return Object.values(words).some((w) => text.startsWith(w.notCounted));
}

/** One column's value in 备注: the export's header and the cell as the export wrote it. */
export interface RemarkPart {
  readonly header: string;
  readonly text: string;
}

/**
 * The 备注 of an imported row: the export's columns kept there ("电导率(μS/cm) 245.6；浊度(NTU) 12.3"),
 * the headers whose values carried a "*" mark, and for a row the station flagged, the mark that it
 * is not counted, the station's state and every measured value as the export wrote it.
 *
 * @example
 * buildImportRemark({ status: "维护", parts: [{ header: "氨氮(mg/L)", text: "0.12" }], marked: [] }, "zh-CN")
 * // "【未计入】站点情况：维护；氨氮(mg/L) 0.12"
 */
export function buildImportRemark(
  remark: {
    /** The station's state for a flagged row, or null for a normal one. */
    readonly status: string | null;
    readonly parts: readonly RemarkPart[];
    /** Headers whose values carried "*". */
    readonly marked: readonly string[];
  },
  locale: Locale,
): string {
  const w = words[locale];
  const pieces = remark.parts.map((part) => `${part.header} ${part.text}`);
  if (remark.marked.length > 0) pieces.push(`${w.marked}${w.colon}${remark.marked.join(", ")}`);
  if (remark.status === null) return pieces.join(w.separator);
  return [`${w.notCounted}${w.status}${w.colon}${remark.status}`, ...pieces].join(w.separator);
}
