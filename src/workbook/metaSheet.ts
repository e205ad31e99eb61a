import { serialToIsoDate } from "../core/excelDate";
import type { CellValue, SheetLayout, ValidationRule } from "./layout";
import type { RectValues, SheetSnapshot } from "./port";
import type { SheetKey } from "./sheetSpec";
import { appendAll } from "../core/arrays";
import type { PlanScope } from "../core/plan/planScope";

/**
 * The add-in's own very hidden sheet. It records which sheets the add-in made (so that a sheet
 * of the same name that a user made is never overwritten) and holds the lists that dropdowns
 * read from cells.
 */
export const metaSheetName = "_WaterPlan";

const header = ["key", "sheet", "plan", "formatVersion", "", "points", "", "setting", "value"] as const;
const formatVersion = 1;
const pointsColumn = 5;
const settingColumn = 7;
/** Point names of monitoring exports the user confirmed, and the plan's point each means (see pointAliases). */
const aliasHeader = ["alias", "point"] as const;
const aliasColumn = 10;

/** Settings every colleague who opens the workbook sees the same, by name as stored. */
export interface WorkbookSettings {
  /** The day the city published its work plan, "YYYY-MM-DD", or null while unset. */
  readonly publishedOn: string | null;
}

export const defaultSettings: WorkbookSettings = { publishedOn: null };

/**
 * Reads the settings stored in the meta sheet; a missing sheet or setting reads as unset, and a
 * stored value that is not a "YYYY-MM-DD" day as unset too (the user sets it again).
 *
 * @example
 * readSettings(metaSnapshot).publishedOn // "2023-03-15"
 */
export function readSettings(snapshot: SheetSnapshot | undefined): WorkbookSettings {
  if (snapshot === undefined || !isMetaSheet(snapshot)) return defaultSettings;
  let publishedOn: string | null = null;
  for (const row of snapshot.values.slice(1)) {
    if (row[settingColumn] !== "publishedOn") continue;
    // Excel types a written "2023-03-15" as a date: read the serial back as the day.
    const value = row[settingColumn + 1];
    if (typeof value === "number" && Number.isFinite(value) && value > 0)
      publishedOn = serialToIsoDate(value);
    else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) publishedOn = value;
  }
  return { publishedOn };
}

/**
 * The plan ids the meta sheet records for the sheets the add-in made (normally one: the plan's
 * id, "liuzhou-2023"); [] for a workbook without the add-in's meta sheet.
 *
 * @example
 * readPlanIds(metaSnapshot) // ["liuzhou-2023"]
 */
export function readPlanIds(snapshot: SheetSnapshot | undefined): string[] {
  if (snapshot === undefined || !isMetaSheet(snapshot)) return [];
  const ids = new Set<string>();
  for (const row of snapshot.values.slice(1)) {
    const id = row[2];
    if (typeof id === "string" && id.trim() !== "") ids.add(id.trim());
  }
  return [...ids];
}

/**
 * Whom a workbook was sent to (`water-plan split` writes it; generation keeps it): the unit and how
 * the plan was split, the reporting deadline, and the city's workbook it came from.
 */
export interface ScopeSettings {
  readonly scope: PlanScope;
  /** The day the unit must send it back, "YYYY-MM-DD", or null when the city set none. */
  readonly deadline: string | null;
  /** The file name of the city's workbook it was split from, or "". */
  readonly source: string;
}

const scopeKeys = {
  by: "scope.by",
  unit: "scope.unit",
  deadline: "scope.deadline",
  source: "scope.source",
} as const;

/**
 * The scope stored in the meta sheet, or null for the city's own workbook (no scope, or one that
 * is not whole: a workbook whose scope cannot be read is judged as the city's, never as a guess).
 *
 * @example
 * readScope(metaSnapshot) // { scope: { by: "county", unit: "柳江区" }, deadline: "2023-07-10", source: "柳州.xlsx" }
 */
export function readScope(snapshot: SheetSnapshot | undefined): ScopeSettings | null {
  if (snapshot === undefined || !isMetaSheet(snapshot)) return null;
  const stored = new Map<string, CellValue>();
  for (const row of snapshot.values.slice(1)) {
    const key = row[settingColumn];
    if (typeof key === "string" && key.startsWith("scope.")) stored.set(key, row[settingColumn + 1] ?? "");
  }
  const by = stored.get(scopeKeys.by);
  const unit = stored.get(scopeKeys.unit);
  if ((by !== "lead" && by !== "county") || typeof unit !== "string" || unit.trim() === "") return null;
  const source = stored.get(scopeKeys.source);
  return {
    scope: { by, unit: unit.trim() },
    deadline: isoDay(stored.get(scopeKeys.deadline)),
    source: typeof source === "string" ? source : "",
  };
}

/** A stored day as "YYYY-MM-DD": Excel types a written "2023-03-15" as a date, read back as a serial. */
function isoDay(value: CellValue | undefined): string | null {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return serialToIsoDate(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return null;
}

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

/**
 * The id of the plan the add-in generated the workbook from (the meta sheet's `plan` column), or
 * null where the meta sheet is missing or names none.
 *
 * @example
 * readPlanId(metaSnapshot) // "liuzhou-2023"
 */
export function readPlanId(snapshot: SheetSnapshot | undefined): string | null {
  return readPlanIds(snapshot)[0] ?? null;
}

/**
 * The point names of monitoring exports the user confirmed once (an export's name → the plan's
 * point), read from the meta sheet, so that the next import of such an export needs no question.
 * A missing sheet, or one without the alias columns, has none.
 *
 * @example
 * readPointAliases(metaSnapshot) // Map { "柳江大桥" => "露塘" }
 */
export function readPointAliases(snapshot: SheetSnapshot | undefined): Map<string, string> {
  const aliases = new Map<string, string>();
  if (
    snapshot === undefined ||
    !isMetaSheet(snapshot) ||
    snapshot.values[0]?.[aliasColumn] !== aliasHeader[0]
  ) {
    return aliases;
  }
  for (const row of snapshot.values.slice(1)) {
    const alias = row[aliasColumn];
    const point = row[aliasColumn + 1];
    if (typeof alias === "string" && alias !== "" && typeof point === "string" && point !== "") {
      aliases.set(alias, point);
    }
  }
  return aliases;
}

/**
 * The meta sheet's alias columns holding `aliases` (all of them: those stored and those confirmed
 * now), as values to write in place, with the header that says what they are.
 *
 * @example
 * port.write({ sheets: [], patches: [{ sheet: metaSheetName, values: [pointAliasValues(aliases)], fills: [], clearNotes: null, notes: [] }], activate: null });
 */
export function pointAliasValues(aliases: ReadonlyMap<string, string>): RectValues {
  const values: CellValue[][] = [[...aliasHeader], ...[...aliases].map(([alias, point]) => [alias, point])];
  return { rect: { row: 0, col: aliasColumn, rowCount: values.length, colCount: 2 }, values };
}

/** The dropdown rule that reads the monitoring points from the meta sheet. */
export function pointListRule(pointCount: number): ValidationRule {
  return {
    kind: "listRange",
    sheet: metaSheetName,
    rect: { row: 1, col: pointsColumn, rowCount: Math.max(1, pointCount), colCount: 1 },
  };
}

/**
 * The meta sheet's layout: one row per sheet the add-in made, the point list beside them, the
 * stored settings (and the scope of a workbook sent to a unit), and the point names of exports the user confirmed (see readPointAliases).
 */
export function buildMetaLayout(
  planId: string,
  sheets: readonly { key: SheetKey; name: string }[],
  points: readonly string[],
  settings: WorkbookSettings = defaultSettings,
  aliases: ReadonlyMap<string, string> = new Map(),
  scope: ScopeSettings | null = null,
): SheetLayout {
  const stored: [string, string][] =
    settings.publishedOn === null ? [] : [["publishedOn", settings.publishedOn]];
  if (scope !== null) {
    stored.push(
      [scopeKeys.by, scope.scope.by],
      [scopeKeys.unit, scope.scope.unit],
      [scopeKeys.deadline, scope.deadline ?? ""],
      [scopeKeys.source, scope.source],
    );
  }
  const rowCount = 1 + Math.max(sheets.length, points.length, stored.length, aliases.size);
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
      "",
      stored[i - 1]?.[0] ?? "",
      stored[i - 1]?.[1] ?? "",
    ]);
  }
  if (aliases.size > 0) {
    // The confirmed point names stay where an import put them, so generating again keeps them.
    const { rect, values: block } = pointAliasValues(aliases);
    block.forEach((cells, r) => {
      const row = values[rect.row + r];
      if (row === undefined) return;
      while (row.length < rect.col) row.push("");
      appendAll(row, cells);
    });
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
