import {
  inflateEntry,
  inflateEntryChunks,
  nativeInflateLimit,
  readZip,
  writeZip,
  deflatedEntry,
  gathered,
  ZipProblem,
} from "../../../src/hosts/xlsx/zipArchive";
import { normalisePackage } from "../../../src/hosts/xlsx/normalisePackage";

const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");
const textOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString("utf8");

const sheetRels = (target: string): string =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="${target}" Id="rId1"/>` +
  `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="/elsewhere" TargetMode="External" Id="rId2"/>` +
  `</Relationships>`;

describe("zipArchive", () => {
  it("reads back what it wrote, names and contents", () => {
    const bytes = writeZip([
      deflatedEntry("xl/workbook.xml", utf8("<workbook/>")),
      deflatedEntry("xl/sharedStrings.xml", utf8("柳江".repeat(1000))),
    ]);
    const entries = readZip(bytes);
    expect(entries.map((entry) => entry.name)).toEqual(["xl/workbook.xml", "xl/sharedStrings.xml"]);
    expect(textOf(inflateEntry(entries[1]!))).toBe("柳江".repeat(1000));
  });

  it.each([
    ["random bytes", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)), "not_a_zip"],
    [
      "a zip cut in half",
      (() => {
        const whole = writeZip([deflatedEntry("a.xml", utf8("x".repeat(5000)))]);
        return whole.subarray(0, whole.length - 10);
      })(),
      "not_a_zip",
    ],
  ])("refuses %s with a ZipProblem", (_, bytes, code) => {
    expect(() => readZip(bytes)).toThrow(ZipProblem);
    expect(() => readZip(bytes)).toThrow(expect.objectContaining({ code }) as Error);
  });

  it("finds an entry whose data does not inflate to its declared size damaged", () => {
    const entry = deflatedEntry("a.xml", utf8("x".repeat(5000)));
    const damaged = expect.objectContaining({ code: "damaged" }) as Error;
    for (const uncompressedSize of [0, 10, 4999, 5001, 50_000]) {
      const lying = { ...entry, uncompressedSize };
      expect(() => inflateEntry(lying)).toThrow(damaged);
      expect(() => {
        inflateEntryChunks(lying, () => undefined);
      }).toThrow(damaged);
    }
    const cut = { ...entry, data: entry.data.subarray(0, entry.data.length - 4) };
    expect(() => inflateEntry(cut)).toThrow(damaged);
    const garbage = { ...entry, data: Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 255) % 256) };
    expect(() => {
      inflateEntryChunks(garbage, () => undefined);
    }).toThrow(damaged);
  });

  it("gathers small pushes into pieces, in order, the last one final, passing a large chunk as it is", () => {
    const pieces: { bytes: number[]; final: boolean }[] = [];
    const push = gathered((chunk, final) => pieces.push({ bytes: [...chunk], final }), 8);
    for (let i = 0; i < 20; i++) push(Uint8Array.of(i, i), false);
    push(
      Uint8Array.from({ length: 9 }, (_, i) => 100 + i),
      false,
    );
    push(Uint8Array.of(200), false);
    push(new Uint8Array(0), true);
    expect(pieces.flatMap((p) => p.bytes)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => [i, i]).flat(),
      ...Array.from({ length: 9 }, (_, i) => 100 + i),
      200,
    ]);
    expect(pieces.map((p) => p.bytes.length)).toEqual([8, 8, 8, 8, 8, 9, 1]);
    expect(pieces.map((p) => p.final)).toEqual([false, false, false, false, false, false, true]);
  });

  it("passes what the reader of the chunks throws through as it is", () => {
    const entry = deflatedEntry("a.xml", utf8("x".repeat(5000)));
    const mine = new Error("the reader's own");
    expect(() => {
      inflateEntryChunks(entry, () => {
        throw mine;
      });
    }).toThrow(mine);
  });

  it("inflates an entry above the size inflated in one call by streaming it, all of it and no more, and a smaller one in pieces", () => {
    const size = nativeInflateLimit + 3 * 65_536 + 17;
    const content = new Uint8Array(size);
    for (let i = 0; i < size; i += 4096) content[i] = i % 251;
    const entry = deflatedEntry("xl/worksheets/sheet1.xml", content);
    for (const declared of [size, size - 1]) {
      let total = 0;
      let sum = 0;
      const reading = (): void => {
        inflateEntryChunks({ ...entry, uncompressedSize: declared }, (chunk) => {
          total += chunk.length;
          for (let i = 0; i < chunk.length; i += 4096) sum += chunk[i] ?? 0;
        });
      };
      if (declared !== size) {
        expect(reading).toThrow(expect.objectContaining({ code: "damaged" }) as Error);
        continue;
      }
      reading();
      expect(total).toBe(size);
      expect(sum).toBe(content.reduce((s, v) => s + v, 0));
    }
    const small = deflatedEntry("a.xml", content.subarray(0, 3 * 1024 * 1024 + 5));
    const pieces: number[] = [];
    inflateEntryChunks(small, (chunk) => pieces.push(chunk.length));
    expect(pieces.reduce((s, n) => s + n, 0)).toBe(3 * 1024 * 1024 + 5);
    expect(pieces.every((n) => n <= 1024 * 1024)).toBe(true);
    expect(pieces.length).toBe(4);
  });
});

describe("normalisePackage", () => {
  it("returns the very entries when nothing needs rewriting", () => {
    const entries = readZip(
      writeZip([
        deflatedEntry("xl/worksheets/_rels/sheet1.xml.rels", utf8(sheetRels("../tables/table1.xml"))),
      ]),
    );
    expect(normalisePackage(entries)).toBe(entries);
  });

  it("turns absolute targets relative and moves notes where ExcelJS looks, leaving external links alone", () => {
    const rels =
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="/xl/tables/table1.xml" Id="rId1"/>` +
      `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml" Id="rId2"/>` +
      `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml" Id="rId3"/>` +
      `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="/elsewhere" TargetMode="External" Id="rId4"/>` +
      `</Relationships>`;
    const entries = readZip(
      writeZip([
        deflatedEntry("xl/worksheets/_rels/sheet1.xml.rels", utf8(rels)),
        deflatedEntry("xl/tables/table1.xml", utf8('<table id="1" name="WP_Tasks" ref="A3:B4"/>')),
        deflatedEntry(
          "xl/comments/comment1.xml",
          utf8(
            '<comments><commentList><comment ref="A4"><text><t>张三：待核实</t></text></comment></commentList></comments>',
          ),
        ),
        deflatedEntry("xl/drawings/commentsDrawing1.vml", utf8("<xml/>")),
      ]),
    );
    const byName = new Map(
      normalisePackage(entries).map((entry) => [entry.name, textOf(inflateEntry(entry))]),
    );

    expect([...byName.keys()]).toEqual([
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/tables/table1.xml",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
    ]);
    const fixed = byName.get("xl/worksheets/_rels/sheet1.xml.rels") ?? "";
    expect(fixed).toContain('Target="../tables/table1.xml"');
    expect(fixed).toContain('Target="../comments1.xml"');
    expect(fixed).toContain('Target="../drawings/vmlDrawing1.vml"');
    expect(fixed).toContain('Target="/elsewhere"');
    expect(byName.get("xl/tables/table1.xml")).toContain('headerRowCount="1"');
    expect(byName.get("xl/comments1.xml")).toContain("<text><r><t>张三：待核实</t></r></text>");
  });
});
