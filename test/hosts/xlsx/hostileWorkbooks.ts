import { crc32, deflateRawSync } from "node:zlib";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { worksheetNames } from "../../../src/hosts/xlsx/surveyPackage";
import { XlsxStreamReader } from "../../../src/hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { concatenate, inflateEntry, readZip, ZipWriter } from "../../../src/hosts/xlsx/zipArchive";
import { columnLetters } from "../../../src/workbook/a1";
import { monitoringPoints } from "../../../src/core/validation/monitoringPoints";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { readSheet } from "../../../src/workbook/readSheet";
import { workbookSpec } from "../../../src/workbook/workbookSpec";

/*
 * The hostile and huge workbooks of issue 14's audit, made in the test from the generated Liuzhou
 * workbook by rewriting one part's XML (nothing large is committed). Each builder returns the
 * file's bytes.
 */

export const monitoringSheet = "监测数据";

let generated: Promise<Uint8Array> | null = null;

/** The Liuzhou workbook as `water-plan generate` writes it (made once per test file). */
export function generatedWorkbook(): Promise<Uint8Array> {
  generated ??= (async () => {
    const book = XlsxWorkbook.create();
    await generateWorkbook(book.port, plan, { locale: "zh-CN", publishedOn: "2023-03-20" });
    return new Uint8Array(await book.toBuffer());
  })();
  return generated;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * The package with one worksheet's XML replaced by what `rewrite` makes of it. Deflated by Node's
 * zlib at its fastest: a test's fixture need not be small, and a million rows must be made quickly.
 */
export function withSheetXml(
  bytes: Uint8Array,
  sheet: string,
  rewrite: (xml: string) => Iterable<string>,
): Uint8Array {
  const entries = readZip(bytes);
  const part = [...worksheetNames(entries)].find(([, name]) => name === sheet)?.[0];
  if (part === undefined) throw new Error(`No sheet ${sheet}`);
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => chunks.push(chunk));
  for (const entry of entries) {
    if (entry.name !== part) {
      writer.copy(entry);
      continue;
    }
    const xml = encoder.encode([...rewrite(decoder.decode(inflateEntry(entry)))].join(""));
    const data = deflateRawSync(xml, { level: 1 });
    writer.copy({
      ...entry,
      data,
      crc: crc32(xml),
      compressedSize: data.length,
      uncompressedSize: xml.length,
    });
  }
  writer.end();
  return concatenate(chunks);
}

/** Rows appended after the sheet's last row: `row(n)` gives row n's cells (1-based), as XML. */
function* appendRows(xml: string, from: number, to: number, cells: (n: number) => string): Iterable<string> {
  const end = xml.indexOf("</sheetData>");
  yield xml.slice(0, end);
  let batch: string[] = [];
  for (let n = from; n <= to; n++) {
    batch.push(`<row r="${n}">${cells(n)}</row>`);
    if (batch.length === 10_000) {
      yield batch.join("");
      batch = [];
    }
  }
  yield batch.join("");
  yield xml.slice(end);
}

/** The last row number a sheet's XML holds. */
function lastRow(xml: string): number {
  let last = 0;
  for (const match of xml.matchAll(/<row\b[^>]*\br="(\d+)"/gu)) last = Math.max(last, Number(match[1]));
  return last;
}

/** One column of 监测数据 filled with a number down to row 1,048,576, Excel's last. */
export async function filledColumnWorkbook(): Promise<Uint8Array> {
  return withSheetXml(await generatedWorkbook(), monitoringSheet, (xml) =>
    appendRows(xml, lastRow(xml) + 1, 1_048_576, (n) => `<c r="A${n}"><v>${n % 7}</v></c>`),
  );
}

/**
 * `rows` monitoring samples pasted below the table: the plan's 21 points in turn, one sample a
 * minute apart from the next (no two alike), clean water but for a pH typed as "约7" at every
 * 50th row (an error to mark: 2,000 marks over 100,000 rows). `everyParameter`: the other 25
 * parameters filled too (small clean values), as a monitoring station's export fills them. Made directly as XML: the example's own generator takes seconds per
 * ten thousand rows.
 */
export async function monitoringRowsWorkbook(rows: number, everyParameter = false): Promise<Uint8Array> {
  const bytes = await generatedWorkbook();
  const spec = workbookSpec(plan).find((candidate) => candidate.key === "monitoring");
  const snapshot = await XlsxStreamReader.fromBuffer(bytes).port.read([monitoringSheet]);
  const sheet = snapshot.sheets.get(monitoringSheet);
  const read = spec && sheet ? readSheet(spec, sheet, columnLetters) : null;
  if (read === null) throw new Error("no monitoring sheet");
  const points = monitoringPoints(plan).map((point) => point.name);
  const column = (key: string): number => read.columns.get(key) ?? 0;
  const named = ["point", "sampledOn", "param:ph", "param:do", "param:nh3n", "param:tp"];
  const others = everyParameter
    ? [...read.columns]
        .filter(([key]) => key.startsWith("param:") && !named.includes(key))
        .map(([, col]) => col)
    : [];
  const first = read.headerRow + 2;
  const january = 44927; // 2023-01-01
  return withSheetXml(bytes, monitoringSheet, (xml) => {
    const start = Math.max(first, lastRow(xml) + 1);
    return appendRows(xml, start, start + rows - 1, (n) => {
      const i = n - start;
      const cell = (col: number, body: string): [number, string] => [
        col,
        `<c r="${columnLetters(col)}${n}"${body}</c>`,
      ];
      const cells = [
        cell(column("point"), ` t="inlineStr"><is><t>${points[i % points.length] ?? ""}</t></is>`),
        cell(column("sampledOn"), `><v>${january + (i % 170) + Math.floor(i / 170) / 1440}</v>`),
        cell(column("param:ph"), i % 50 === 0 ? ` t="inlineStr"><is><t>约7</t></is>` : `><v>7.${i % 9}</v>`),
        cell(column("param:do"), `><v>${7 + (i % 5) / 10}</v>`),
        cell(column("param:nh3n"), `><v>${0.2 + (i % 10) / 100}</v>`),
        cell(column("param:tp"), `><v>0.0${(i % 8) + 1}</v>`),
        ...others.map((col, k) => cell(col, `><v>0.0${((i + k) % 9) + 1}</v>`)),
      ];
      // Cells in column order, as a row must hold them.
      return cells
        .sort((a, b) => a[0] - b[0])
        .map(([, xml]) => xml)
        .join("");
    });
  });
}

/** Merged areas of 1,000 columns by 10,001 rows each (A5:ALL10005, then below it), on 监测数据. */
export async function mergedAreasWorkbook(count: number): Promise<Uint8Array> {
  const areas = Array.from({ length: count }, (_, i) => `A${5 + i * 10_001}:ALL${10_005 + i * 10_001}`);
  const merges = areas.map((ref) => `<mergeCell ref="${ref}"/>`).join("");
  return withSheetXml(await generatedWorkbook(), monitoringSheet, (xml) => [
    xml.includes("</mergeCells>")
      ? xml.replace("</mergeCells>", `${merges}</mergeCells>`)
      : xml.replace("</sheetData>", `</sheetData><mergeCells count="${count}">${merges}</mergeCells>`),
  ]);
}

/** A cell of 监测数据 that refers to shared string 999,999 (the table holds a few hundred). */
export async function sharedStringOutOfRangeWorkbook(): Promise<Uint8Array> {
  return withSheetXml(await generatedWorkbook(), monitoringSheet, (xml) => [
    xml.replace(/(<c\b[^>]*\bt="s"[^>]*>)<v>\d+<\/v>/u, "$1<v>999999</v>"),
  ]);
}

/** 监测数据 with a document type declaring an entity, and the entity used in a cell. */
export async function xmlEntityWorkbook(): Promise<Uint8Array> {
  return withSheetXml(await generatedWorkbook(), monitoringSheet, (xml) => {
    const withDoctype = xml.replace(
      /^(<\?xml[^>]*\?>)?/u,
      (declaration) => `${declaration}<!DOCTYPE worksheet [<!ENTITY river "柳江柳江柳江柳江">]>`,
    );
    return [
      withDoctype.replace(/(<c\b[^>]*\bt=")s("[^>]*>)<v>\d+<\/v>/u, "$1inlineStr$2<is><t>&river;</t></is>"),
    ];
  });
}

/**
 * The shared-strings part replaced by one that inflates to 256 MB (the table, then spaces),
 * while its central directory entry declares the few hundred bytes of the table alone.
 */
export async function lyingSharedStringsWorkbook(): Promise<Uint8Array> {
  const bytes = await generatedWorkbook();
  const entries = readZip(bytes);
  const strings = entries.find((entry) => entry.name === "xl/sharedStrings.xml");
  if (strings === undefined) throw new Error("no shared strings");
  const table = inflateEntry(strings);
  const bomb = new Uint8Array(table.length + 256 * 1024 * 1024).fill(0x20);
  bomb.set(table);
  const deflated = deflateRawSync(bomb, { level: 1 });
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => chunks.push(chunk));
  for (const entry of entries) {
    writer.copy(
      entry.name === strings.name
        ? { ...entry, data: deflated, compressedSize: deflated.length, uncompressedSize: table.length }
        : entry,
    );
  }
  writer.end();
  return concatenate(chunks);
}
