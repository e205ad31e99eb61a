import Papa from "papaparse";

/** The text encodings a CSV export comes in: UTF-8 (with or without BOM), or what Chinese Excel writes. */
export type CsvEncoding = "utf-8" | "gb18030";

/** A CSV read into rows of cells, with the encoding it was read in. */
export interface CsvGrid {
  readonly rows: string[][];
  readonly encoding: CsvEncoding;
}

/**
 * Decodes a CSV's bytes: UTF-8 where it has a byte-order mark or is valid UTF-8 throughout, else
 * GB18030 (the superset of GBK and GB2312 that Chinese Windows and its Excel write "CSV" in), with
 * the platform's `TextDecoder` (full ICU in Node 20 and every current browser) — no hand-written
 * table. Chinese text in GBK is practically never valid UTF-8, so the order decides nothing wrongly.
 *
 * @example
 * decodeCsvBytes(gbkBytes).encoding // "gb18030"
 */
export function decodeCsvBytes(bytes: Uint8Array): { readonly text: string; readonly encoding: CsvEncoding } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hasBom) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/**
 * Reads a CSV export into a grid of text cells (papaparse: quoted fields, commas and line breaks
 * inside quotes, `\r\n`), decoded as `decodeCsvBytes` says. Every cell stays text, as the export
 * wrote it: the import reads numbers, dates and flags itself, never papaparse's guesses. Tabs or
 * semicolons as delimiters are detected.
 *
 * @example
 * readCsvGrid(new TextEncoder().encode("断面名称,氨氮\n露塘,0.12\n")).rows // [["断面名称", "氨氮"], ["露塘", "0.12"]]
 */
export function readCsvGrid(bytes: Uint8Array): CsvGrid {
  const { text, encoding } = decodeCsvBytes(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, dynamicTyping: false });
  // A file ending in a line break gives one empty row at the end: no row of the export.
  const rows = parsed.data.filter(
    (row, i, all) => !(i === all.length - 1 && row.length === 1 && row[0] === ""),
  );
  return { rows, encoding };
}
