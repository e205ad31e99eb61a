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

/** Which sheet holds which spec, as the meta sheet records it; null when the sheet is not the add-in's. */
export function readMetaSheet(snapshot: SheetSnapshot | undefined): ReadonlyMap<SheetKey, string> | null {
  const sheets = new Map<SheetKey, string>();
  if (!snapshot) return sheets;
  const [first, ...rows] = snapshot.values;
  if (
    snapshot.startRow !== 0 ||
    snapshot.startCol !== 0 ||
    first?.[0] !== header[0] ||
    first[1] !== header[1]
  ) {
    return null;
  }
  for (const row of rows) {
    const [key, sheet] = row;
    if (typeof key === "string" && key !== "" && typeof sheet === "string" && sheet !== "") {
      sheets.set(key as SheetKey, sheet);
    }
  }
  return sheets;
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
