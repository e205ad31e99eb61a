/**
 * Data steps, what a write must get in whole: a sheet made under its scratch name or cleared of
 * its old formats, its number formats, its values in row chunks within the payload budget, what
 * the old sheet held beyond them cleared, its tables, and its own name last.
 */
import { mergeFormats } from "./mergeRects";
import { chunkRows, utf8Bytes } from "./officeRequestPlanner";
import { setNumberFormatForAllCells, toOfficeValue } from "./officeValues";
import { WHOLE_SHEET, boundingRect, outside, rectRange } from "./rectGeometry";
import { scratchSheetName } from "./scratchSheets";
import { tableSteps } from "./tableSteps";
import { dataStep, type Step, type WriteKnowledge } from "./writeStep";
import type { SheetWrite } from "../../workbook/port";
import { appendAll } from "../../core/arrays";

/** The data steps of one sheet: see planWrite. */
export function dataSteps(write: SheetWrite, known: WriteKnowledge, budget: number): Step[] {
  const { layout, mode } = write;
  const final = layout.name;
  const scratch = scratchSheetName(final);
  // A new sheet is built under its scratch name, a leftover scratch sheet taken over as it stands.
  const target = mode === "create" ? scratch : final;
  const reused = mode === "create" && known.scratch.has(scratch.toLowerCase());
  const key = target.toLowerCase();
  const steps: Step[] = [];
  if (mode === "create" && !reused) {
    steps.push(
      dataStep(1, utf8Bytes(target), (scope) => {
        scope.addSheet(target);
      }),
    );
  } else {
    steps.push(
      dataStep(4, 0, (scope) => {
        // Old validation, conditional formats and formats go; the layout's come back (number
        // formats now, the rest with the cosmetic steps). Values and tables stay.
        const all = scope.sheet(target).getRange();
        all.dataValidation.clear();
        all.conditionalFormats.clearAll();
        all.clear("Formats");
      }),
    );
  }
  const numberFormats = layout.formats.flatMap((f) =>
    f.numberFormat === undefined ? [] : [{ rect: f.rect, numberFormat: f.numberFormat }],
  );
  for (const format of mergeFormats(numberFormats)) {
    const numberFormat = format.numberFormat;
    if (numberFormat === undefined) continue;
    steps.push(
      dataStep(2, utf8Bytes(numberFormat), (scope) => {
        setNumberFormatForAllCells(rectRange(scope.sheet(target), format.rect), numberFormat);
      }),
    );
  }
  const rowCount = layout.values.length;
  const colCount = layout.values[0]?.length ?? 0;
  if (rowCount > 0 && colCount > 0) {
    const wire = layout.values.map((row) => row.map((value) => toOfficeValue(value, known.formulaLikeTexts)));
    for (const chunk of chunkRows(wire, final, budget)) {
      const rows = wire.slice(chunk.first, chunk.first + chunk.count);
      steps.push(
        dataStep(2, chunk.bytes, (scope) => {
          scope.sheet(target).getRangeByIndexes(chunk.first, 0, chunk.count, colCount).values = rows;
        }),
      );
    }
  }
  if (mode === "replace" || reused) {
    // What the old sheet held beyond the new values goes now, after the new values are in.
    const window = reused ? undefined : known.windows.get(key);
    const newRect = rowCount > 0 && colCount > 0 ? { row: 0, col: 0, rowCount, colCount } : null;
    const cleared = window === undefined ? WHOLE_SHEET : boundingRect(window, newRect);
    const rects = cleared === null ? [] : outside(cleared, newRect);
    if (rects.length > 0) {
      steps.push(
        dataStep(2 * rects.length, 0, (scope) => {
          const sheet = scope.sheet(target);
          for (const rect of rects) rectRange(sheet, rect).clear("Contents");
        }),
      );
    }
  }
  appendAll(steps, tableSteps(target, layout, known.tables.get(key) ?? [], known.canResizeTables));
  if (mode === "create") {
    steps.push(
      dataStep(2, utf8Bytes(final), (scope) => {
        scope.sheet(target).name = final;
      }),
    );
  }
  return steps;
}
