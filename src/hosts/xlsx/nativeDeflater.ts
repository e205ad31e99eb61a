import { constants, deflateRawSync } from "node:zlib";
import type { ChunkDeflater } from "./zipArchive";

/**
 * A ChunkDeflater over Node's zlib, for the command line: each chunk is deflated on its own and
 * ended with a sync flush (a byte-aligned empty block, no end-of-stream mark), so the chunks'
 * outputs joined are one deflate stream, which the final chunk ends (as pigz joins its blocks).
 * A chunk does not see the one before it: with chunks of a megabyte that costs well under 1 % of
 * the size, for three times fflate's speed at the same level.
 *
 * @example
 * writer.open("xl/worksheets/sheet1.xml", entry, 3, nativeDeflater(3));
 */
export function nativeDeflater(level: number): ChunkDeflater {
  return (chunk, final) =>
    new Uint8Array(
      deflateRawSync(chunk, {
        level,
        ...(final ? {} : { finishFlush: constants.Z_SYNC_FLUSH }),
      }),
    );
}
