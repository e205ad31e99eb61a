import type { Plan } from "../../core/plan/planSchema";
import { columnLetters } from "../a1";
import type { CellValue } from "../layout";
import { metaSheetName, readScope } from "../metaSheet";
import type { SheetSnapshot, WorkbookSnapshot } from "../port";
import { readSheet, type ReadSheet } from "../readSheet";
import { workbookSpec } from "../workbookSpec";

/** The city's workbook as the merge sees it: its file name where the host knows it, and its sheets. */
export interface CityBook {
  /** The file name ("柳州市.xlsx"; a path is cut to its name), or null where the host cannot tell it. */
  readonly file: string | null;
  readonly snapshot: WorkbookSnapshot;
}

/** A file's name without its folder, compared as Windows and macOS compare it (case aside). */
function baseName(file: string): string {
  return (file.split(/[\\/]/u).pop() ?? file).trim().toLowerCase();
}

function isFormula(value: CellValue | undefined): boolean {
  return typeof value === "string" && value.startsWith("=");
}

/** Whether two cells hold the same value; a formula on either side is no difference (see below). */
function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (isFormula(a) || isFormula(b)) return true;
  const empty = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";
  return empty(a) ? empty(b) : a === b;
}

function sameMaps(a: ReadonlyMap<string, CellValue>, b: ReadonlyMap<string, CellValue>): boolean {
  for (const [key, value] of a) if (!sameValue(value, b.get(key))) return false;
  for (const [key, value] of b) if (!a.has(key) && !sameValue(undefined, value)) return false;
  return true;
}

/**
 * Whether two reads of a sheet hold the same rows, as the merge reads them (identity, plan and
 * entry values, the user's added columns). A cell holding a formula on either side is left out:
 * the city may be read with its formulas and a returned file with their cached values.
 */
function sameRows(a: ReadSheet, b: ReadSheet): boolean {
  if (a.rows.length !== b.rows.length) return false;
  return a.rows.every((row, i) => {
    const other = b.rows[i];
    return (
      other !== undefined &&
      row.identity === other.identity &&
      sameMaps(row.values, other.values) &&
      sameMaps(row.extras, other.extras)
    );
  });
}

/** The meta sheet's cells (no formulas there: the add-in writes values only). */
function sameMeta(a: SheetSnapshot | undefined, b: SheetSnapshot | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const cells = (sheet: SheetSnapshot): Map<string, CellValue> => {
    const found = new Map<string, CellValue>();
    sheet.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null && value !== "") found.set(`${sheet.startRow + r},${sheet.startCol + c}`, value);
      });
    });
    return found;
  };
  return sameMaps(cells(a), cells(b));
}

function sheetsByName(snapshot: WorkbookSnapshot): Map<string, SheetSnapshot> {
  return new Map([...snapshot.sheets.values()].map((s) => [s.name.toLowerCase(), s]));
}

/**
 * Whether a returned workbook is the city's own workbook rather than a unit's return: the file
 * itself picked again, or a copy of it. A unit's workbook (split from the city's, so it records
 * its unit) never is; another workbook is when it bears the city's file name, or when every sheet
 * the merge reads (the meta sheet, the plan sheets' rows) holds the same values as the city's. Merging
 * it would report the city's own values back as a unit's. The command line and the task pane both
 * ask this (through mergeReturns), so both refuse it with the same reason.
 *
 * @example
 * isOwnBook(plan, { file: "柳州市.xlsx", snapshot: city }, { file: "D:/收到/柳州市.xlsx", snapshot: copy }) // true
 */
export function isOwnBook(
  plan: Plan,
  city: CityBook,
  returned: { readonly file: string; readonly snapshot: WorkbookSnapshot },
): boolean {
  const returnedSheets = sheetsByName(returned.snapshot);
  if (readScope(returnedSheets.get(metaSheetName.toLowerCase())) !== null) return false;
  if (city.file !== null && city.file.trim() !== "" && baseName(city.file) === baseName(returned.file)) {
    return true;
  }
  const citySheets = sheetsByName(city.snapshot);
  const meta = metaSheetName.toLowerCase();
  if (!citySheets.has(meta) || !sameMeta(citySheets.get(meta), returnedSheets.get(meta))) return false;
  const column = (index: number): string => columnLetters(index);
  return workbookSpec(plan).every((spec) => {
    const names = [spec.name["zh-CN"], spec.name["en-US"]].map((n) => n.toLowerCase());
    const mine = names.map((n) => citySheets.get(n)).find((s) => s !== undefined);
    const theirs = names.map((n) => returnedSheets.get(n)).find((s) => s !== undefined);
    if (mine === undefined || theirs === undefined) return mine === theirs;
    const a = readSheet(spec, mine, column);
    const b = readSheet(spec, theirs, column);
    return a !== null && b !== null ? sameRows(a, b) : a === b;
  });
}
