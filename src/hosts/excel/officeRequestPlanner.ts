/**
 * The Office host's request planner: how big a request or response may be (Excel on the web
 * refuses more than 5 MB), what an action, a cell's value or a row costs in it, and how rows,
 * value loads and queued steps are cut and packed so that each sync stays under the budget. Pure
 * arithmetic over sizes: it queues nothing and never calls Excel.
 */
import { HostError } from "../hostError";

/** 5 MB is Excel on the web's limit; keep half a megabyte for what the estimate cannot see. */
export const DEFAULT_PAYLOAD_BUDGET_BYTES = 4.5 * 1024 * 1024;

/**
 * The estimated size of one queued action (object path, action type, ids, property name) apart
 * from its arguments. Office's request JSON spends roughly 100–200 bytes per action; 256 errs on
 * the large side so that the budget, not Excel, cuts a request.
 */
export const ACTION_OVERHEAD_BYTES = 256;

/**
 * The estimated response size of one cell's value when reading. A read cannot know the values in
 * advance. What staff enter is mostly short numbers, dates and "0.01L"-style text: measured on the
 * benchmark's monitoring sheet, a cell averages under 8 bytes of JSON, and "" costs 3. 12 bytes
 * keeps a margin over that without cutting 10,000 monitoring rows into extra round trips. Should
 * Excel still refuse a response (long free text), the read retries with four times the estimate
 * (reading is safe to repeat), up to MAX_READ_RETRIES times.
 */
export const ESTIMATED_RESPONSE_BYTES_PER_CELL = 12;
/** Brackets and comma around every row of a 2-D array. */
const ROW_OVERHEAD_BYTES = 3;
/** How often a read asks again in smaller cuts after Excel refused its response as too big. */
export const MAX_READ_RETRIES = 3;

/** A block of cells whose values a read loads. */
export interface ValueBlock {
  readonly name: string;
  readonly startRow: number;
  readonly startCol: number;
  readonly rowCount: number;
  readonly colCount: number;
  /** What a cell's value costs in the response where it is known (a block read before); else the estimate. */
  readonly bytesPerCell?: number;
}

/** A slice of a block whose values one sync loads. */
export interface ValuePiece<A extends ValueBlock = ValueBlock> {
  readonly area: A;
  readonly rowOffset: number;
  readonly rowCount: number;
  readonly bytes: number;
}

/** Packs used ranges into syncs, cutting a range into row chunks only where it alone passes the budget. */
export function planValueLoads<A extends ValueBlock>(
  areas: readonly A[],
  budget: number,
  bytesPerCell: number,
): ValuePiece<A>[][] {
  const pieces: ValuePiece<A>[] = [];
  for (const area of areas) {
    const rowBytes = area.colCount * Math.max(bytesPerCell, area.bytesPerCell ?? 0) + ROW_OVERHEAD_BYTES;
    const rowsPerPiece = Math.floor(budget / rowBytes);
    if (rowsPerPiece < 1) {
      throw new HostError(
        "payload_too_large",
        `A row of “${area.name}” is too wide to read within ${budget} bytes.`,
      );
    }
    for (let offset = 0; offset < area.rowCount; offset += rowsPerPiece) {
      const rowCount = Math.min(rowsPerPiece, area.rowCount - offset);
      pieces.push({ area, rowOffset: offset, rowCount, bytes: rowCount * rowBytes });
    }
  }
  // Loads may run in any order, so first-fit: the small sheets ride along with the last chunk of a
  // big one instead of costing a sync of their own.
  const groups: { pieces: ValuePiece<A>[]; bytes: number }[] = [];
  for (const piece of pieces) {
    const group = groups.find((g) => g.bytes + piece.bytes <= budget);
    if (group === undefined) groups.push({ pieces: [piece], bytes: piece.bytes });
    else {
      group.pieces.push(piece);
      group.bytes += piece.bytes;
    }
  }
  return groups.map((g) => g.pieces);
}

/**
 * Row chunks of a block of values as they go to Excel (already in their wire form), each small
 * enough for one request with room for nothing else; `label` names the block in the error a row
 * too big for any request raises.
 *
 * @example
 * chunkRows([["a", 1], ["b", 2]], "表", 4.5 * 1024 * 1024); // [{ first: 0, count: 2, bytes: 20 }]
 */
export function chunkRows(
  rows: readonly (readonly unknown[])[],
  label: string,
  budget: number,
): { first: number; count: number; bytes: number }[] {
  const limit = budget - 4 * ACTION_OVERHEAD_BYTES;
  const chunks: { first: number; count: number; bytes: number }[] = [];
  let first = 0;
  let bytes = 2;
  rows.forEach((row, index) => {
    const rowBytes = utf8Bytes(JSON.stringify(row)) + 1;
    if (rowBytes + 2 > limit) {
      throw new HostError(
        "payload_too_large",
        `Row ${index + 1} of “${label}” alone passes ${budget} bytes.`,
      );
    }
    if (bytes + rowBytes > limit) {
      chunks.push({ first, count: index - first, bytes });
      first = index;
      bytes = 2;
    }
    bytes += rowBytes;
  });
  if (rows.length > first) chunks.push({ first, count: rows.length - first, bytes });
  return chunks;
}

/** Keeps order and fills each request up to the budget before starting the next. */
export function packGreedily<T>(items: readonly T[], budget: number, bytesOf: (item: T) => number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = bytesOf(item);
    if (bytes > budget) {
      throw new HostError(
        "payload_too_large",
        `One action needs ${bytes} bytes, more than the ${budget}-byte budget.`,
      );
    }
    if (current.length > 0 && size + bytes > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}
