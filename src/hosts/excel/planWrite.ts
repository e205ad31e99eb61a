/**
 * The write planner: a batch's steps in the order that keeps every failure recoverable (data,
 * patches, the witness token, finishing), packed into requests within the payload budget.
 */
import { cosmeticSteps } from "./cosmeticSteps";
import { dataSteps } from "./dataSteps";
import { ACTION_OVERHEAD_BYTES, packGreedily, utf8Bytes } from "./officeRequestPlanner";
import { patchSteps } from "./patchSteps";
import { protectSteps, unprotectSteps } from "./protectionSteps";
import { scratchSheetName } from "./scratchSheets";
import { cosmeticStep, type Step, type WriteKnowledge } from "./writeStep";
import type { WriteBatch } from "../../workbook/port";
import { appendAll } from "../../core/arrays";

/** One request of a planned write: its steps and their estimated size. */
export interface PlannedRequest {
  readonly steps: readonly Step[];
  readonly bytes: number;
}

/**
 * The workbook setting the data part of a write ends by storing a fresh token in. Excel applies a
 * failed request's actions up to the failing one: when a request that mixes the end of the data
 * with cosmetic steps fails, reading this setting back tells whether the data was all in (the
 * failure was cosmetic: reported, not fatal) or not (the write failed). Settings are an add-in's
 * own storage in the workbook, invisible to users.
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 */
export const WITNESS_SETTING = "WaterPlan.lastWrite";

/**
 * Orders the batch so that a failure at any step leaves a workbook the next run recognises and
 * repairs (Excel applies a failed request's actions up to the failing one and drops the rest):
 *
 * 1. data, sheet by sheet — a new sheet is made under a scratch name and takes its own name only
 *    once it holds its values and its table; a replaced sheet keeps its table, which changes size
 *    in place (Table.resize) after the new values are in, so a plan sheet never stands without its
 *    WP_* table; text formats precede values (or Excel retypes "2023-12-31"); what the old sheet
 *    held beyond the new values is cleared after them, and only where the read looked;
 * 2. the patches (values, fills, notes), then the token that marks the data as complete;
 * 3. cosmetic steps, sheet by sheet — widths, colours, dropdowns, frozen panes, print set-up,
 *    charts — then scratch sheets nobody took over are removed and the sheet to show is activated;
 *    sheet protection last (see protectionSteps.ts), whose lifting, for a batch that may lift the
 *    add-in's own, comes before the data.
 */
export function planWrite(batch: WriteBatch, known: WriteKnowledge, budget: number): PlannedRequest[] {
  const data: Step[] = [];
  const cosmetic: Step[] = [];
  const taken = new Set<string>();
  appendAll(data, unprotectSteps(batch, known));
  for (const write of batch.sheets) {
    const name = write.layout.name;
    if (write.mode === "create") taken.add(scratchSheetName(name).toLowerCase());
    appendAll(data, dataSteps(write, known, budget));
    appendAll(cosmetic, cosmeticSteps(write, known));
  }
  // Comments a patch adds go last of all (see noteSteps): one Excel refuses loses only those after it.
  const lastComments: Step[] = [];
  for (const patch of batch.patches ?? []) {
    const notes = known.markTexts === null ? null : (known.notes.get(patch.sheet.toLowerCase()) ?? []);
    for (const step of patchSteps(patch, notes, known, budget)) {
      (step.phase === "data" ? data : lastComments).push(step);
    }
  }
  for (const leftover of known.scratch) {
    if (taken.has(leftover)) continue;
    cosmetic.push(
      cosmeticStep(1, utf8Bytes(leftover), (scope) => {
        scope.sheet(leftover).delete();
      }),
    );
  }
  const activate = batch.activate;
  if (activate !== null) {
    cosmetic.push(
      cosmeticStep(1, 0, (scope) => {
        scope.sheet(activate).activate();
      }),
    );
  }
  appendAll(cosmetic, lastComments);
  // Protection last of all: a protected sheet refuses every format, dropdown, chart and comment.
  appendAll(cosmetic, protectSteps(batch, known));
  const steps = [...data];
  if (cosmetic.length > 0) {
    const token = known.witness;
    steps.push({
      bytes: ACTION_OVERHEAD_BYTES + utf8Bytes(WITNESS_SETTING + token),
      phase: "data",
      witness: true,
      queue: (scope) => {
        scope.context.workbook.settings.add(WITNESS_SETTING, token);
      },
    });
    appendAll(steps, cosmetic);
  }
  const requests = packGreedily(steps, budget, (s) => s.bytes);
  return requests.map((r) => ({ steps: r, bytes: r.reduce((sum, s) => sum + s.bytes, 0) }));
}
