/**
 * Reading the range a user selected (导入监测数据 from an export pasted into any sheet), inside the
 * caller's `Excel.run`: where the selection lies and how much of it holds values in one sync, then
 * the values in row chunks under the payload budget, one sync per chunk, as readWorkbook reads a
 * large sheet — a year of 4-hourly rows (50,000 × 17) is some 10 MB of JSON, twice what Excel on
 * the web answers in one response.
 */
import { maxOf } from "../../core/arrays";
import type { CellValue } from "../../workbook/layout";
import {
  DEFAULT_PAYLOAD_BUDGET_BYTES,
  ESTIMATED_RESPONSE_BYTES_PER_CELL,
  MAX_READ_RETRIES,
  planValueLoads,
} from "./officeRequestPlanner";
import { normaliseCell } from "./officeValues";
import { intersectRects } from "./rectGeometry";
import { errorCode } from "./toHostError";

/** The selected range's values, and what reading them cost. */
export interface SelectionRead {
  readonly sheet: string;
  /** The selection's address as Excel names it ("Sheet1!A1:Q50001"). */
  readonly address: string;
  /**
   * The values of the part of the selection that holds any (whole columns selected read as far as
   * the sheet is used, not to row 1,048,576); [] when none does.
   */
  readonly values: CellValue[][];
  /** Syncs beyond the first two: one per extra chunk of values. */
  readonly extraChunks: number;
  /** The estimated size of the largest response of values, in bytes. */
  readonly largestResponseBytes: number;
}

/**
 * Reads the selected range inside the caller's `Excel.run`: one sync for where the selection and
 * the sheet's used values lie, then their overlap's values, cut by rows where a response would
 * pass `budget` (and asked again in smaller cuts, up to MAX_READ_RETRIES times, should Excel still
 * refuse a response as too big: reading is safe to repeat).
 *
 * @example
 * const read = await Excel.run((context) => readSelection(context));
 * read.values; // [["省份", "流域", "断面名称", …], …]
 */
export async function readSelection(
  context: Excel.RequestContext,
  budget: number = DEFAULT_PAYLOAD_BUDGET_BYTES,
): Promise<SelectionRead> {
  // Sync 1: the selection, its sheet, and the sheet's used range (values only).
  const selected = context.workbook.getSelectedRange();
  selected.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- `worksheet` is a navigation to a proxy, not a loaded scalar; the rule cannot tell them apart.
  const sheet = selected.worksheet;
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  await context.sync();

  const base = { sheet: sheet.name, address: selected.address };
  const overlap = used.isNullObject
    ? null
    : intersectRects(
        {
          row: selected.rowIndex,
          col: selected.columnIndex,
          rowCount: selected.rowCount,
          colCount: selected.columnCount,
        },
        { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount },
      );
  if (overlap === null) return { ...base, values: [], extraChunks: 0, largestResponseBytes: 0 };

  // Sync 2 (and one more per extra chunk): the values, cut where a response would pass the budget.
  const block = {
    name: base.sheet,
    startRow: overlap.row,
    startCol: overlap.col,
    rowCount: overlap.rowCount,
    colCount: overlap.colCount,
  };
  let bytesPerCell = ESTIMATED_RESPONSE_BYTES_PER_CELL;
  for (let attempt = 0; ; attempt += 1) {
    const requests = planValueLoads([block], budget, bytesPerCell);
    try {
      const rows = new Array<CellValue[]>(block.rowCount);
      for (const request of requests) {
        const loaded = request.map((piece) => {
          const range = sheet.getRangeByIndexes(
            block.startRow + piece.rowOffset,
            block.startCol,
            piece.rowCount,
            block.colCount,
          );
          range.load("values");
          return { piece, range };
        });
        // A sync in a loop on purpose: one per response chunk, decided above from the overlap's size.
        await syncChunk(context);
        for (const { piece, range } of loaded) {
          (range.values as unknown[][]).forEach((row, i) => {
            rows[piece.rowOffset + i] = row.map(normaliseCell);
          });
        }
      }
      return {
        ...base,
        values: rows,
        extraChunks: Math.max(0, requests.length - 1),
        largestResponseBytes: maxOf(
          requests.map((r) => r.reduce((sum, p) => sum + p.bytes, 0)),
          0,
        ),
      };
    } catch (error) {
      if (errorCode(error) !== "ResponsePayloadSizeLimitExceeded" || attempt >= MAX_READ_RETRIES) throw error;
      bytesPerCell *= 4;
    }
  }
}

function syncChunk(context: Excel.RequestContext): Promise<void> {
  return context.sync();
}
