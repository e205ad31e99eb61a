/**
 * The unit a write is planned in: a step queues its actions on a request's scope and says how
 * many bytes it adds to the request and whether it is data or finishing (see planWrite.ts).
 */
import { ACTION_OVERHEAD_BYTES } from "./officeRequestPlanner";
import type { CellRect } from "../../workbook/layout";
import type { NoteFact } from "./markTexts";
import type { MarkTexts } from "./requirementSets";
import type { TableFact } from "./tableSteps";

/** Proxies shared by the steps of one request, so a sheet is looked up once per request. */
export class RequestScope {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    let sheet = this.sheets.get(name);
    if (sheet === undefined) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, sheet);
    }
    return sheet;
  }

  addSheet(name: string): void {
    this.sheets.set(name, this.context.workbook.worksheets.add(name));
  }
}

/** What planning a write needs to know beyond the batch. Sheet keys are lower-case names. */
export interface WriteKnowledge {
  /** Tables per sheet, scratch sheets included. */
  readonly tables: ReadonlyMap<string, readonly TableFact[]>;
  readonly charts: ReadonlyMap<string, readonly string[]>;
  /** The notes (or comments) of patched sheets (empty without either). */
  readonly notes: ReadonlyMap<string, readonly NoteFact[]>;
  /** Scratch sheets an earlier failed write left. */
  readonly scratch: ReadonlySet<string>;
  /**
   * Per replaced sheet, the block its read covered (null: the sheet was empty). A replace clears
   * only there and under its new values, never cells the read left unread. Absent: the whole sheet.
   */
  readonly windows: ReadonlyMap<string, CellRect | null>;
  /** Text read back that starts with "=" but is no formula: written back as text. */
  readonly formulaLikeTexts: ReadonlySet<string>;
  /** Which cell texts carry the marks' messages; null: none (fills only). */
  readonly markTexts: MarkTexts;
  /** Table.resize (ExcelApi 1.13) keeps a table while it changes size. */
  readonly canResizeTables: boolean;
  /**
   * Sheets known to be protected (lower-case names), with the options they are protected with:
   * those a batch that may lift protection (WriteBatch.reprotect) unprotects first and protects
   * again last, or, where the write fails between, in a recovery after it (restoreProtection).
   */
  readonly protectedSheets: ReadonlyMap<string, Excel.WorksheetProtectionOptions>;
  /** The token the data part of this write ends by storing (see WITNESS_SETTING). */
  readonly witness: string;
}

/**
 * Which part of a write a step belongs to. "data": values, number formats, tables, sheets, the
 * patches — a failure there fails the write. "cosmetic": widths, colours, fonts, dropdowns,
 * frozen panes, print set-up, charts — a failure there is reported and the write stands (what it
 * skipped comes back with the next run).
 */
type Phase = "data" | "cosmetic";

/** One unit of queued work with its estimated request size. */
export interface Step {
  readonly bytes: number;
  readonly phase: Phase;
  /** The last data step: it stores the write's token, so a failed request tells how far it got. */
  readonly witness?: true;
  readonly queue: (scope: RequestScope) => void;
}

/** A step of the data part, costing `actions` queued actions and `payloadBytes` of arguments. */
export function dataStep(actions: number, payloadBytes: number, queue: (scope: RequestScope) => void): Step {
  return { bytes: actions * ACTION_OVERHEAD_BYTES + payloadBytes, phase: "data", queue };
}

/** A step of the finishing, costed as dataStep costs its steps. */
export function cosmeticStep(
  actions: number,
  payloadBytes: number,
  queue: (scope: RequestScope) => void,
): Step {
  return { bytes: actions * ACTION_OVERHEAD_BYTES + payloadBytes, phase: "cosmetic", queue };
}
