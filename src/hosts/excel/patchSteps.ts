/**
 * Patch steps: a validation's changes to a sheet in place — values, fills, then the marks' notes
 * or comments (see markTexts.ts).
 */
import { noteSteps, type NoteFact } from "./markTexts";
import { chunkRows, utf8Bytes } from "./officeRequestPlanner";
import { toOfficeValue } from "./officeValues";
import { rectRange } from "./rectGeometry";
import { dataStep, type Step, type WriteKnowledge } from "./writeStep";
import type { SheetPatch } from "../../workbook/port";
import { appendAll } from "../../core/arrays";

/**
 * A patch in the contract's order: values in place, fills in list order, then the add-in's notes
 * (or comments) inside `clearNotes` removed and the new ones added. `notes` is what the sheet holds
 * now, or null where this Excel has neither (the patch's notes are skipped; the fills still mark
 * the cells). All of it is data, but for the comments added (see noteSteps); a validation write is
 * one request.
 */
export function patchSteps(
  patch: SheetPatch,
  notes: readonly NoteFact[] | null,
  known: WriteKnowledge,
  budget: number,
): Step[] {
  const name = patch.sheet;
  const steps: Step[] = [];
  for (const { rect, values } of patch.values) {
    const wire = values.map((row) => row.map((value) => toOfficeValue(value, known.formulaLikeTexts)));
    for (const chunk of chunkRows(wire, name, budget)) {
      const rows = wire.slice(chunk.first, chunk.first + chunk.count);
      steps.push(
        dataStep(2, chunk.bytes, (scope) => {
          scope
            .sheet(name)
            .getRangeByIndexes(rect.row + chunk.first, rect.col, chunk.count, rect.colCount).values = rows;
        }),
      );
    }
  }
  for (const { rect, fill } of patch.fills) {
    steps.push(
      dataStep(3, utf8Bytes(fill), (scope) => {
        rectRange(scope.sheet(name), rect).format.fill.color = fill;
      }),
    );
  }
  if (notes !== null && known.markTexts !== null) appendAll(steps, noteSteps(patch, notes, known.markTexts));
  return steps;
}
