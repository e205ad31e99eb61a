import {
  inflateEntry,
  readZip,
  writeZip,
  deflatedEntry,
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
    const lying = { ...entry, uncompressedSize: 10 };
    expect(() => inflateEntry(lying)).toThrow(expect.objectContaining({ code: "damaged" }) as Error);
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
