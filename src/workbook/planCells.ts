import type { CellValue } from "./layout";
import { identityPart, type ReadRow, type ReadSheet } from "./readSheet";
import type { AnySheetSpec } from "./sheetSpec";

/** A grey plan cell that no longer holds the plan's text: a user typed over it. */
export interface ChangedPlanCell {
  readonly row: number;
  readonly col: number;
  /** The column's key ("leadUnits"). */
  readonly key: string;
  /** What the plan says (in the sheet's language as the add-in wrote it). */
  readonly expected: CellValue;
  /** What the cell holds now. */
  readonly actual: CellValue;
}

/** A plan cell still says what the plan says: numbers and texts compared as typed, spaces aside. */
function samePlanText(expected: CellValue, actual: CellValue): boolean {
  const norm = (v: CellValue): string => identityPart(v).replace(/\s+/gu, "");
  if (typeof expected === "number" && typeof actual === "string") return Number(actual.trim()) === expected;
  return norm(expected) === norm(actual);
}

/**
 * Matches the rows read back to the plan's rows by identity (in either language) and lists the plan
 * cells a user changed: a cell is unchanged when it holds the plan's value in either language, so a
 * sheet generated in English is compared with the English text. Sheets of entries only (monitoring
 * data) have no plan rows.
 *
 * @example
 * const { matched, changed } = matchPlanRows(spec, read);
 * changed[0] // { row: 7, col: 5, key: "leadUnits", expected: "市住房城乡建设局", actual: "市住建局（已改）" }
 */
export function matchPlanRows(
  spec: AnySheetSpec,
  read: ReadSheet,
): { matched: Map<ReadRow, unknown>; changed: ChangedPlanCell[] } {
  const matched = new Map<ReadRow, unknown>();
  const changed: ChangedPlanCell[] = [];
  if (spec.identity.length === 0) return { matched, changed };
  const byIdentity = new Map<string, unknown>();
  for (const row of spec.rows as readonly unknown[]) {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const id = spec.identity
        .map((key) => identityPart(spec.columns.find((c) => c.key === key)?.value?.(row, locale)))
        .join("|");
      byIdentity.set(id, row);
    }
  }
  const former = new Map<string, unknown>();
  for (const row of spec.rows as readonly unknown[]) {
    for (const id of spec.formerIdentities?.(row) ?? []) if (!byIdentity.has(id)) former.set(id, row);
  }
  for (const row of read.rows) {
    const formerly = row.identity === null ? undefined : former.get(row.identity);
    const planRow = row.identity === null ? undefined : (byIdentity.get(row.identity) ?? formerly);
    if (planRow === undefined) continue;
    matched.set(row, planRow);
    for (const column of spec.columns) {
      const col = read.columns.get(column.key);
      if (column.kind !== "plan" || col === undefined) continue;
      // A row under its former identity holds the words of its time: generating again renews them.
      if (formerly !== undefined && spec.identity.includes(column.key)) continue;
      if (column.setByValidation?.(planRow) === true) continue;
      const actual = row.values.get(column.key) ?? "";
      const zh = column.value?.(planRow, "zh-CN") ?? "";
      const en = column.value?.(planRow, "en-US") ?? "";
      const former = column.formerValue?.(planRow);
      if (
        !samePlanText(zh, actual) &&
        !samePlanText(en, actual) &&
        (former === undefined || !samePlanText(former, actual))
      ) {
        changed.push({ row: row.sheetRow, col, key: column.key, expected: zh, actual });
      }
    }
  }
  return { matched, changed };
}
