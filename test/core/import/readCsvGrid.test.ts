import { decodeCsvBytes, readCsvGrid } from "../../../src/core/import/readCsvGrid";
import { exportFixtureBytes } from "./exportFixtures";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("readCsvGrid", () => {
  it("reads UTF-8 with and without a byte-order mark alike", () => {
    const text = "断面名称,氨氮\r\n露塘,0.12\r\n";
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(readCsvGrid(withBom)).toEqual(readCsvGrid(utf8(text)));
    expect(readCsvGrid(withBom).rows).toEqual([
      ["断面名称", "氨氮"],
      ["露塘", "0.12"],
    ]);
  });

  it("reads quoted fields with commas and line breaks, and keeps every cell as text", () => {
    expect(readCsvGrid(utf8('点位,备注\n露塘,"a, b\nc"\n大洲,007\n')).rows).toEqual([
      ["点位", "备注"],
      ["露塘", "a, b\nc"],
      ["大洲", "007"],
    ]);
  });

  it("decodes what Chinese Excel writes (GB18030/GBK) with the platform's decoder", () => {
    const gbk = exportFixtureBytes("national-realtime.gbk.csv");
    const decoded = decodeCsvBytes(gbk);
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text).toBe(new TextDecoder("utf-8").decode(exportFixtureBytes("national-realtime.csv")));
  });

  it("reads an empty file as no rows", () => {
    expect(readCsvGrid(new Uint8Array()).rows).toEqual([]);
  });
});
