/**
 * Sending a write: the planned requests one sync each, a failure in the data thrown and one in
 * the finishing reported, told apart by the witness token the data part ends by storing.
 */
import { HostError } from "../hostError";
import { WITNESS_SETTING, planWrite, type PlannedRequest } from "./planWrite";
import { restoreProtection, type ProtectionRestored } from "./protectionSteps";
import { errorMessage, toHostError } from "./toHostError";
import { RequestScope, type WriteKnowledge } from "./writeStep";
import type { WriteBatch } from "../../workbook/port";

/** What sending a write did: the requests, and the cosmetic parts Excel refused. */
export interface SentWrite {
  readonly requests: readonly PlannedRequest[];
  readonly cosmeticFailures: readonly HostError[];
}

/**
 * Plans the batch and sends it, one sync per planned request. A failure in the data part throws;
 * a failure in the cosmetic part is reported (stats, `onCosmeticFailure`) and the rest is still
 * sent. Where one request holds both, reading the witness setting back tells which failed.
 * Either way, a batch that lifted the add-in's protection puts it back after the failure (see
 * restoreProtection), and where that fails too the failure says so and names the sheets.
 */
export async function sendWrite(
  context: Excel.RequestContext,
  batch: WriteBatch,
  known: WriteKnowledge,
  sync: (context: Excel.RequestContext) => Promise<void>,
  options: {
    /** The budget for one request, in bytes (see officeRequestPlanner.ts). */
    readonly budget: number;
    /** Hears of each part of the finishing Excel refused (see OfficeWorkbookPortOptions). */
    readonly onCosmeticFailure?: ((failure: HostError) => void) | undefined;
  },
): Promise<SentWrite> {
  const { budget } = options;
  const planned = planWrite(batch, known, budget);
  const witnessAt = planned.findIndex((r) => r.steps.some((s) => s.witness === true));
  const cosmeticFailures: HostError[] = [];
  // One sync per planned request: the plan has already cut them to the payload budget, so
  // the number of syncs is 1 + the extra chunks, never one per sheet or per row.
  for (const [index, request] of planned.entries()) {
    const scope = new RequestScope(context);
    for (const step of request.steps) step.queue(scope);
    try {
      // A sync in a loop on purpose: one per payload chunk, bounded by data size / 4.5 MB, not by sheets or rows.
      await sync(context);
    } catch (error) {
      const cosmetic =
        witnessAt >= 0 &&
        (index > witnessAt || (index === witnessAt && (await witnessStored(context, known.witness, sync))));
      if (!cosmetic) {
        const restored = await restoreProtection(context, batch, known, sync, "data");
        if (restored === null) throw error;
        throw withProtectionLeftOff(toHostError(error, "write"), restored);
      }
      const failure = new HostError(
        "excel_rejected",
        `The data is written, but Excel refused part of the finishing (widths, colours, dropdowns, frozen panes, print set-up, charts or comments); running again redoes it: ${errorMessage(error)}`,
        { cause: error },
      );
      cosmeticFailures.push(failure);
      options.onCosmeticFailure?.(failure);
    }
  }
  if (cosmeticFailures.length > 0) {
    const restored = await restoreProtection(context, batch, known, sync, "finishing");
    if (restored !== null) {
      // Its own entry beside the refusal already reported, so that its words are not shown twice.
      const failure = new HostError(
        "excel_rejected",
        `Putting back the protection of ${quoted(restored.sheets)} after that failed too: ${leftOff(restored)}`,
        { unprotectedSheets: restored.sheets },
      );
      cosmeticFailures.push(failure);
      options.onCosmeticFailure?.(failure);
    }
  }
  return { requests: planned, cosmeticFailures };
}

/** The failure, told that putting the sheets' protection back failed too (see restoreProtection). */
function withProtectionLeftOff(failure: HostError, restored: NonNullable<ProtectionRestored>): HostError {
  return new HostError(
    failure.code,
    `${failure.message} Putting back the protection of ${quoted(restored.sheets)} failed too: ${leftOff(restored)}`,
    { cause: failure.cause, unprotectedSheets: restored.sheets },
  );
}

function quoted(sheets: readonly string[]): string {
  return sheets.map((s) => `“${s}”`).join(", ");
}

function leftOff(restored: NonNullable<ProtectionRestored>): string {
  const them = restored.sheets.length === 1 ? "it stays" : "they stay";
  return `${them} unprotected until the next run (${restored.reason}).`;
}

/** Whether the data part of a write whose request failed got as far as storing its token. */
async function witnessStored(
  context: Excel.RequestContext,
  token: string,
  sync: (context: Excel.RequestContext) => Promise<void>,
): Promise<boolean> {
  const setting = context.workbook.settings.getItemOrNullObject(WITNESS_SETTING);
  setting.load("value");
  try {
    await sync(context);
  } catch {
    // Unknown: the write counts as failed, which the next run repairs.
    return false;
  }
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- synced just above through the counting wrapper inside a try, which the rules cannot follow.
  return !setting.isNullObject && setting.value === token;
}
