/**
 * Table steps: the layout's Excel Tables over the values a write has just put in, kept existing
 * while they change size wherever Excel allows it, so that a plan sheet never stands without its
 * WP_* table.
 */
import { utf8Bytes } from "./officeRequestPlanner";
import { rectRange, rectsOverlap } from "./rectGeometry";
import { dataStep, type Step } from "./writeStep";
import type { CellRect, SheetLayout } from "../../workbook/layout";

/** An Excel Table as the workbook holds it: its name and, where learned, its cells. */
export interface TableFact {
  readonly name: string;
  readonly rect: CellRect | null;
}

/**
 * The layout's tables over the values just written. A table the sheet already holds keeps
 * existing while it changes size (Table.resize, when its header row stays and the ranges
 * overlap); only where that cannot be (an Excel without ExcelApi 1.13, a table the user moved) is
 * it turned into a range and added again, in adjacent actions. Other old tables become ranges
 * first, so that none stands in the way.
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
    steps.push(
      dataStep(3, utf8Bytes(old.name), (scope) => {
        scope.sheet(sheetName).tables.getItem(old.name).convertToRange();
      }),
    );
  }
  for (const table of layout.tables) {
    const old = oldTables.find((t) => t.name.toLowerCase() === table.name.toLowerCase());
    const resizable =
      old?.rect != null && canResize && old.rect.row === table.rect.row && rectsOverlap(old.rect, table.rect);
    if (old !== undefined && resizable) {
      steps.push(
        dataStep(3, utf8Bytes(table.name), (scope) => {
          const sheet = scope.sheet(sheetName);
          sheet.tables.getItem(old.name).resize(rectRange(sheet, table.rect));
        }),
      );
      continue;
    }
    steps.push(
      dataStep(old === undefined ? 4 : 6, utf8Bytes(table.name), (scope) => {
        const sheet = scope.sheet(sheetName);
        if (old !== undefined) sheet.tables.getItem(old.name).convertToRange();
        // A Range, not an address: Office reads an address without a sheet name as the *active* sheet's.
        sheet.tables.add(rectRange(sheet, table.rect), true).name = table.name;
      }),
    );
  }
  return steps;
}
