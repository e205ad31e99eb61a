import type { CellValue, SheetLayout, ValidationRule } from "./layout";
import type { SheetSnapshot } from "./port";
import type { SheetKey } from "./sheetSpec";

/**
 * The add-in's own very hidden sheet. It records which sheets the add-in made (so that a sheet
 * of the same name that a user made is never overwritten) and holds the lists that dropdowns
 * read from cells.
 */
export const metaSheetName = "_WaterPlan";

const header = ["key", "sheet", "plan", "formatVersion", "", "points"] as const;
const formatVersion = 1;
const pointsColumn = 5;

/**
 * Whether a sheet named like the meta sheet is the add-in's (it starts with the meta header), so
 * that a user's sheet of that name is never overwritten. The sheets the add-in made are known by
 * the tables they hold; the rows of the meta sheet are a record for people, not read back.
 */
export function isMetaSheet(snapshot: SheetSnapshot): boolean {
  const first = snapshot.values[0];
  return (
    snapshot.startRow === 0 && snapshot.startCol === 0 && first?.[0] === header[0] && first[1] === header[1]
  );
}

/** The dropdown rule that reads the monitoring points from the meta sheet. */
export function pointListRule(pointCount: number): ValidationRule {
  return {
    kind: "listRange",
    sheet: metaSheetName,
    rect: { row: 1, col: pointsColumn, rowCount: Math.max(1, pointCount), colCount: 1 },
  };
}

/** The meta sheet's layout: one row per sheet the add-in made, and the point list beside them. */
export function buildMetaLayout(
  planId: string,
  sheets: readonly { key: SheetKey; name: string }[],
  points: readonly string[],
): SheetLayout {
  const rowCount = 1 + Math.max(sheets.length, points.length);
  const values: CellValue[][] = [[...header]];
  for (let i = 1; i < rowCount; i += 1) {
    const sheet = sheets[i - 1];
    values.push([
      sheet?.key ?? "",
      sheet?.name ?? "",
      sheet ? planId : "",
      sheet ? formatVersion : "",
      "",
      points[i - 1] ?? "",
    ]);
  }
  return {
    name: metaSheetName,
    values,
    columnWidths: [],
    rowHeights: [],
    formats: [],
    validations: [],
    tables: [],
    freeze: { rows: 0, columns: 0 },
    print: null,
    visibility: "veryHidden",
    tabColor: null,
  };
}
