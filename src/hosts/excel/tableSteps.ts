/**
 * Table steps: the layout's Excel Tables over the values a write has just put in, kept existing
 * while they change size wherever Excel allows it, so that a plan sheet never stands without its
 * WP_* table.
 */
import { utf8Bytes } from "./officeRequestPlanner";
import { rectRange, rectsOverlap } from "./rectGeometry";
import { dataStep, type Step } from "./writeStep";
import type { CellRect, SheetLayout, TableLayout } from "../../workbook/layout";

/** An Excel Table as the workbook holds it: its name and, where learned, its cells. */
export interface TableFact {
  readonly name: string;
  readonly rect: CellRect | null;
}

/** One layout table still to be put in place, with the old table of its name still standing, if any. */
interface Pending {
  readonly table: TableLayout;
  old: TableFact | undefined;
  readonly resizable: boolean;
}

/**
 * The layout's tables over the values just written. A table the sheet already holds keeps
 * existing while it changes size (Table.resize, when its header row stays and the ranges
 * overlap); only where that cannot be (an Excel without ExcelApi 1.13, a table the user moved) is
 * it turned into a range and added again, in adjacent actions. Other old tables become ranges
 * first, so that none stands in the way.
 *
 * Excel refuses a table over another, so each table is put in place only once no old table still
 * stands where it goes: a table growing or moving down waits for the tables below it to move on
 * (an old table whose cells are unknown may stand anywhere, so everything waits for it). Where
 * tables wait for each other in a ring (two that swap places, or several whose cells are
 * unknown), the first in the layout that still stands becomes a range on its own first and is
 * added again when its turn comes.
 */
export function tableSteps(
  sheetName: string,
  layout: SheetLayout,
  oldTables: readonly TableFact[],
  canResize: boolean,
): Step[] {
  const steps: Step[] = [];
  const wanted = new Set(layout.tables.map((t) => t.name.toLowerCase()));
  for (const old of oldTables) {
    if (wanted.has(old.name.toLowerCase())) continue;
    steps.push(convertStep(sheetName, old.name));
  }
  const pending: Pending[] = layout.tables.map((table) => {
    const old = oldTables.find((t) => t.name.toLowerCase() === table.name.toLowerCase());
    const resizable =
      old?.rect != null && canResize && old.rect.row === table.rect.row && rectsOverlap(old.rect, table.rect);
    return { table, old, resizable };
  });
  while (pending.length > 0) {
    const free = pending.findIndex(
      (p) => !pending.some((other) => other !== p && standsIn(other, p.table.rect)),
    );
    if (free >= 0) {
      const [next] = pending.splice(free, 1);
      if (next !== undefined) steps.push(placeStep(sheetName, next));
      continue;
    }
    // A ring: every pending table waits for another's old one. Clear the way with the first
    // standing one that would be added again anyway, else the first standing one.
    const breaker =
      pending.find((p) => p.old !== undefined && !p.resizable) ?? pending.find((p) => p.old !== undefined);
    if (breaker?.old === undefined) {
      // Cannot happen (only a standing old table blocks); were it to, the tables go in layout order.
      for (const rest of pending.splice(0)) steps.push(placeStep(sheetName, rest));
      break;
    }
    steps.push(convertStep(sheetName, breaker.old.name));
    breaker.old = undefined;
  }
  return steps;
}

/** Whether the old table of a pending entry may still stand in `rect` (anywhere, if its cells are unknown). */
function standsIn(entry: Pending, rect: CellRect): boolean {
  const old = entry.old;
  if (old === undefined) return false;
  return old.rect === null || rectsOverlap(old.rect, rect);
}

function convertStep(sheetName: string, name: string): Step {
  return dataStep(3, utf8Bytes(name), (scope) => {
    scope.sheet(sheetName).tables.getItem(name).convertToRange();
  });
}

/** Resizes a table in place, or turns the old one into a range and adds the table (adjacent actions). */
function placeStep(sheetName: string, { table, old, resizable }: Pending): Step {
  if (old !== undefined && resizable) {
    return dataStep(3, utf8Bytes(table.name), (scope) => {
      const sheet = scope.sheet(sheetName);
      sheet.tables.getItem(old.name).resize(rectRange(sheet, table.rect));
    });
  }
  return dataStep(old === undefined ? 4 : 6, utf8Bytes(table.name), (scope) => {
    const sheet = scope.sheet(sheetName);
    if (old !== undefined) sheet.tables.getItem(old.name).convertToRange();
    // A Range, not an address: Office reads an address without a sheet name as the *active* sheet's.
    sheet.tables.add(rectRange(sheet, table.rect), true).name = table.name;
  });
}
