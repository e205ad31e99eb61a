import { problem, type Problem } from "../../core/validation/validationProblem";
import type { CellValue } from "../layout";
import { matchPlanRows } from "../planCells";
import { identityPart, isBlank, type ReadRow } from "../readSheet";
import type { AnySheetSpec } from "../sheetSpec";
import { palette } from "../sheetSpec";
import type { SheetMarks } from "./sheetMarks";

/**
 * Matches read rows to the plan's rows by identity, and meanwhile: warns where a plan cell no longer
 * holds the plan's text, greys entry cells that take no entry on their row, and marks rows the plan
 * does not have. Such a row (its identity blank, as under a 序号 merged over two rows, or not the
 * plan's, or a second row of one identity) is filled and warned about at its first filled cell:
 * what is entered there is neither checked nor summarised, and must not go unnoticed.
 */
export function checkPlanRows(spec: AnySheetSpec, marks: SheetMarks): Map<ReadRow, unknown> {
  const { matched, changed } = matchPlanRows(spec, marks.read);
  if (spec.identity.length === 0) return matched;
  // The first row of an identity is the plan's row, as generating again keeps it.
  const claimed = new Map<unknown, ReadRow>();
  for (const row of marks.read.rows) {
    const planRow = matched.get(row);
    const first = planRow === undefined ? undefined : claimed.get(planRow);
    if (planRow === undefined || first !== undefined) {
      matched.delete(row);
      marks.fillRow(row.sheetRow, palette.orphanFill);
      const notInPlan = rowNotInPlan(spec, marks, row, first);
      if (notInPlan !== null) marks.addAt(row.sheetRow, notInPlan.key, notInPlan.problem);
      continue;
    }
    claimed.set(planRow, row);
    for (const column of spec.columns) {
      if (column.kind === "entry" && column.appliesTo && !column.appliesTo(planRow)) {
        marks.fillCell(row.sheetRow, column.key, palette.planCellFill);
      }
    }
  }
  const matchedRows = new Set([...matched.keys()].map((row) => row.sheetRow));
  for (const cell of changed) {
    if (!matchedRows.has(cell.row)) continue;
    marks.addAt(
      cell.row,
      cell.key,
      problem("plan_cell_changed", "warning", cell.key, {
        expected: shown(cell.expected),
        input: shown(cell.actual),
      }),
    );
  }
  return matched;
}

/**
 * The warning for a row the plan does not have, at its first filled plan or entry cell (computed
 * cells are the add-in's own); null for a row that holds nothing but the user's own columns.
 */
function rowNotInPlan(
  spec: AnySheetSpec,
  marks: SheetMarks,
  row: ReadRow,
  first: ReadRow | undefined,
): { key: string; problem: Problem } | null {
  let key: string | null = null;
  let leftmost = Infinity;
  for (const column of spec.columns) {
    const col = marks.column(column.key);
    if (column.kind === "computed" || col === undefined || col >= leftmost) continue;
    if (!isBlank(row.values.get(column.key))) {
      key = column.key;
      leftmost = col;
    }
  }
  if (key === null) return null;
  // Headers as one line: the source's "序\n号" is 序号, an English "River\nname" is "River name".
  const joiner = marks.sheetLocale === "zh-CN" ? "" : " ";
  const headers = spec.identity.map(
    (k) =>
      spec.columns
        .find((c) => c.key === k)
        ?.header[marks.sheetLocale].trim()
        .replace(/\s+/gu, joiner) ?? k,
  );
  const parts = spec.identity.map((k) => identityPart(row.values.get(k)));
  const typed = parts.every((p) => p !== "") ? parts.join(" ") : null;
  return {
    key,
    problem: problem("row_not_in_plan", "warning", key, {
      name: headers.join(" / "),
      ...(typed === null ? {} : { input: typed }),
      ...(first === undefined ? {} : { row: first.sheetRow + 1 }),
    }),
  };
}

function shown(value: CellValue): string {
  return value === null ? "" : String(value);
}
