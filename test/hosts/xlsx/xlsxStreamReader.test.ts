import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { HostError } from "../../../src/hosts/hostError";
import { refusalOf } from "../../../src/hosts/xlsx/prepareXlsxBytes";
import { XlsxStreamReader } from "../../../src/hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { deflatedEntry, readZip, writeZip } from "../../../src/hosts/xlsx/zipArchive";
import type { CellValue } from "../../../src/workbook/layout";
import { writeExampleEntries } from "../../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { WorkbookSnapshot } from "../../../src/workbook/port";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";

// Generating and loading the whole plan a few times through ExcelJS.
jest.setTimeout(60_000);

const fixtures = join(__dirname, "../../fixtures");

/** Every sheet of the file, read by both xlsx readers. */
async function bothReads(bytes: Uint8Array): Promise<[WorkbookSnapshot, WorkbookSnapshot]> {
  const full = await XlsxWorkbook.fromBuffer(bytes);
  const names = (await full.port.read([])).sheetNames;
  const streamed = XlsxStreamReader.fromBuffer(bytes);
  return [await full.port.read(names), await streamed.port.read(names)];
}

/**
 * The snapshots agree cell by cell. Numbers agree to 1e-9 of a day: ExcelJS turns a date-formatted
 * number into a Date rounded to the millisecond, the streaming reader keeps the file's number.
 */
function expectSameSnapshot(streamed: WorkbookSnapshot, full: WorkbookSnapshot): void {
  expect(streamed.sheetNames).toEqual(full.sheetNames);
  expect(streamed.tableNames).toEqual(full.tableNames);
  expect([...streamed.sheets.keys()]).toEqual([...full.sheets.keys()]);
  for (const [name, sheet] of full.sheets) {
    const other = streamed.sheets.get(name);
    expect({ ...other, values: undefined }).toEqual({ ...sheet, values: undefined });
    const differences: string[] = [];
    sheet.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const mine: CellValue | undefined = other?.values[r]?.[c];
        const same =
          typeof value === "number" && typeof mine === "number"
            ? Math.abs(value - mine) < 1e-9
            : Object.is(value, mine);
        if (!same)
          differences.push(`${name} r${r} c${c}: ${JSON.stringify(value)} vs ${JSON.stringify(mine)}`);
      });
      if ((other?.values[r]?.length ?? -1) !== row.length) differences.push(`${name} r${r}: width`);
    });
    expect(differences).toEqual([]);
    expect(other?.values).toHaveLength(sheet.values.length);
  }
}

/** The generated plan with the example half year of entries, some rows pasted below the table. */
async function exampleWorkbook(): Promise<Buffer> {
  const book = XlsxWorkbook.create();
  await generateWorkbook(book.port, plan, { locale: "zh-CN", publishedOn: "2023-03-20" });
  await writeExampleEntries(book.port, plan, "zh-CN", 400);
  return book.toBuffer();
}

describe("the streaming xlsx reader", () => {
  const readable = readdirSync(fixtures).filter((file) => file.startsWith("ok.") && file.endsWith(".xlsx"));

  it.each(readable)("reads %s cell for cell as the ExcelJS host does", async (file) => {
    const [full, streamed] = await bothReads(await readFile(join(fixtures, file)));
    expectSameSnapshot(streamed, full);
  });

  it("reads the example workbook, rows pasted below a table included, as the ExcelJS host does", async () => {
    const [full, streamed] = await bothReads(await exampleWorkbook());
    expect(full.sheets.get("监测数据")?.values.length).toBeGreaterThan(400);
    expectSameSnapshot(streamed, full);
  });

  it("reads every kind of cell value as the ExcelJS host does", async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await exampleWorkbook()) as never);
    const sheet = workbook.getWorksheet("监测数据")!;
    sheet.getCell("D5").value = { richText: [{ text: "7." }, { text: "5", font: { bold: true } }] };
    sheet.getCell("E5").value = { formula: "1+2", result: 3 };
    sheet.getCell("F5").value = { formula: '"ab"&"c"', result: "abc" };
    sheet.getCell("G5").value = { formula: "1=1", result: true };
    sheet.getCell("H5").value = { formula: "NA()", result: { error: "#N/A" } };
    sheet.getCell("I5").value = { error: "#DIV/0!" };
    sheet.getCell("J5").value = false;
    sheet.getCell("K5").value = new Date(Date.UTC(2023, 4, 1, 10, 17));
    sheet.getCell("L5").value = { text: "链接", hyperlink: "https://example.org" };
    sheet.getCell("M5").value = { formula: "1/0" };
    sheet.getCell("N5").value = 'a & <b> "c"';
    sheet.getCell("O5").value = "";
    sheet.getCell("P5").value = " 前后空格 ";
    // A merged area whose covered cell still holds a value (LibreOffice keeps one when told to).
    sheet.getCell("Q6").value = "左上";
    sheet.mergeCells("Q6:R7");
    sheet.getCell("R7").value = "被覆盖";
    // Far outside the table: ignored and counted by both.
    sheet.getCell("A300000").value = "误输入";
    const [full, streamed] = await bothReads(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(full.sheets.get("监测数据")?.ignored).toEqual({ count: 1, first: "A300000" });
    expectSameSnapshot(streamed, full);
  });

  it("reads a package written by hand: prefixed names, cells without addresses, inline strings, ISO dates", () => {
    return XlsxStreamReader.fromBuffer(handWritten(handWrittenSheet))
      .port.read(["数据 & 备注"])
      .then((snapshot) => {
        expect(snapshot.sheetNames).toEqual(["数据 & 备注"]);
        const sheet = snapshot.sheets.get("数据 & 备注");
        expect(sheet?.startRow).toBe(0);
        expect(sheet?.values).toEqual([
          ["柳江", 7.5, "", ""],
          ["", "", "", ""],
          ["", 45047.5, true, "备注"],
        ]);
      });
  });

  it("reads a merged area's covered cells as empty (as readCellValue does), even where the file holds a value", async () => {
    // LibreOffice keeps the contents of covered cells when asked to; Excel shows only the top-left one.
    const merged = handWrittenSheet.replace(
      "</x:sheetData>",
      '</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A1:B1"/><x:mergeCell ref="C3:C4"/></x:mergeCells>',
    );
    const bytes = handWritten(merged);
    const snapshot = await XlsxStreamReader.fromBuffer(bytes).port.read(["数据 & 备注"]);
    expect(snapshot.sheets.get("数据 & 备注")?.values).toEqual([
      ["柳江", "", "", ""],
      ["", "", "", ""],
      ["", 45047.5, true, "备注"],
    ]);
  });

  it("decodes character data as ExcelJS's XML parser does: entities, character references, line ends, text split across inflated pieces; CDATA skipped", async () => {
    // Long strings first, so that the short ones' text (and many a three-byte character) lies past
    // the first inflated piece of 1 MiB.
    const long = Array.from({ length: 1800 }, (_, i) => `${"水质监测".repeat(50)}${i}`);
    const strings = [
      ...long.map((text) => `<si><t>${text}</t></si>`),
      "<si><t>a &amp; b &lt;c&gt; &#x4E2D;&#25991;</t></si>",
      "<si><t>第一行\r\n第二行\r第三行</t></si>",
      "<si><r><t>ab</t></r><r><t><![CDATA[<c&d>\r\n]]></t></r><rPh><t>yin</t></rPh></si>",
    ];
    const at = long.length;
    const sheet =
      `<worksheet xmlns="${mainNamespace}"><sheetData>` +
      `<row r="1"><c r="A1" t="s"><v>${at}</v></c><!-- a comment --><c r="B1"><v><![CDATA[7.5]]></v></c>` +
      `<c r="C1" t="inlineStr"><is><t>&quot;q&quot;&#13;</t></is></c>` +
      `<c r="D1" t="str"><f>"x"&amp;" &amp; y"</f><v>x &amp; y</v></c></row>` +
      `<row r="2"><c r="A2" t="s"><v>${at + 1}</v></c><c r="B2" t="s"><v>${at + 2}</v></c><c r="C2" t="s"><v>${at - 1}</v></c></row>` +
      `</sheetData></worksheet>`;
    const bytes = await excelJsPackageWith(sheet, `<sst xmlns="${mainNamespace}">${strings.join("")}</sst>`);
    const snapshot = await XlsxStreamReader.fromBuffer(bytes).port.read(["数据 & 备注"]);
    expect(snapshot.sheets.get("数据 & 备注")?.values).toEqual([
      // CDATA is skipped, as ExcelJS skips it (Excel never writes one): B1 is empty, B2 only "ab".
      ["a & b <c> 中文", "", '"q"\r', "x & y"],
      ["第一行\n第二行\n第三行", "ab", long[long.length - 1], ""],
    ]);
    // And as ExcelJS (whose XML parser is saxes) reads the same package.
    const [full, streamed] = await bothReads(bytes);
    expectSameSnapshot(streamed, full);
  });

  it("refuses character data naming an entity XML does not declare", async () => {
    const sheet = handWrittenSheet.replace("<x:v>7.5</x:v>", "<x:v>7&nbsp;5</x:v>");
    const error: unknown = await Promise.resolve()
      .then(() => XlsxStreamReader.fromBuffer(handWritten(sheet)).port.read(["数据 & 备注"]))
      .catch((caught: unknown) => caught);
    expect(refusalOf(error)?.reason).toBe("damaged");
    expect((error as Error).message).toContain("数据 & 备注");
  });

  it("says a sheet whose XML is broken is damaged, naming the sheet", async () => {
    const broken = handWritten(handWrittenSheet.replace("</x:sheetData>", ""));
    const error: unknown = await Promise.resolve()
      .then(() => XlsxStreamReader.fromBuffer(broken).port.read(["数据 & 备注"]))
      .catch((caught: unknown) => caught);
    expect(refusalOf(error)?.reason).toBe("damaged");
    expect((error as Error).message).toContain("数据 & 备注");
  });
});

const handWrittenSheet =
  `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
  `<x:row><x:c t="inlineStr"><x:is><x:r><x:t>柳</x:t></x:r><x:r><x:t>江</x:t></x:r><x:rPh><x:t>liu</x:t></x:rPh></x:is></x:c><x:c><x:v>7.5</x:v></x:c></x:row>` +
  `<x:row r="3"><x:c r="B3" t="d"><x:v>2023-05-01T12:00:00</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>` +
  `</x:sheetData></x:worksheet>`;

/** A package ExcelJS wrote, its one sheet and its shared strings replaced by the XML given. */
async function excelJsPackageWith(sheetXml: string, stringsXml: string): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.addWorksheet("数据 & 备注").getCell("A1").value = "占位";
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  const replaced = new Map([
    ["xl/worksheets/sheet1.xml", sheetXml],
    ["xl/sharedStrings.xml", stringsXml],
  ]);
  const entries = readZip(written).map((entry) => {
    const xml = replaced.get(entry.name);
    return xml === undefined ? entry : deflatedEntry(entry.name, new TextEncoder().encode(xml));
  });
  expect(entries.filter((entry) => replaced.has(entry.name))).toHaveLength(2);
  return writeZip(entries);
}

const mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * A package as a tool other than Excel might write it: absolute targets, a namespace prefix
 * (`prefix`, "x:" unless told), one sheet.
 */
function handWritten(
  sheetXml: string,
  stringsXml = `<x:sst xmlns:x="${mainNamespace}"><x:si><x:t>备注</x:t></x:si></x:sst>`,
  prefix = "x:",
): Uint8Array {
  const part = (name: string, xml: string) => deflatedEntry(name, new TextEncoder().encode(xml));
  const main = mainNamespace;
  const ns = prefix === "" ? "xmlns" : `xmlns:${prefix.slice(0, -1)}`;
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return writeZip([
    part(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    part(
      "_rels/.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    ),
    part(
      "xl/workbook.xml",
      `<${prefix}workbook ${ns}="${main}" xmlns:r="${rel}"><${prefix}sheets><${prefix}sheet name="数据 &amp; 备注" sheetId="1" r:id="rId1"/></${prefix}sheets></${prefix}workbook>`,
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`,
    ),
    part("xl/worksheets/data.xml", sheetXml),
    part("xl/sharedStrings.xml", stringsXml),
  ]);
}

describe("the streaming xlsx reader as a port", () => {
  it("refuses what the ExcelJS host refuses, for the same reason", async () => {
    for (const file of ["error.encrypted.xlsx", "error.legacy-xls.xlsx"]) {
      const bytes = await readFile(join(fixtures, file));
      const full: unknown = await XlsxWorkbook.fromBuffer(bytes).catch((error: unknown) => error);
      let streamed: unknown = null;
      try {
        XlsxStreamReader.fromBuffer(bytes);
      } catch (error) {
        streamed = error;
      }
      expect(streamed).toBeInstanceOf(HostError);
      expect(refusalOf(streamed)?.reason).toBe(refusalOf(full)?.reason);
    }
  });

  it("gives validation the same report as the ExcelJS host, and writes nothing", async () => {
    const bytes = await exampleWorkbook();
    const options = { locale: "zh-CN", asOf: "2023-06-30", publishedOn: "2023-03-20" } as const;
    const full = await validateWorkbook((await XlsxWorkbook.fromBuffer(bytes)).port, plan, options);
    const streamed = await validateWorkbook(XlsxStreamReader.fromBuffer(bytes).port, plan, options);
    expect(full.ok && streamed.ok).toBe(true);
    expect(streamed).toEqual(full);
  });

  it("refuses to read formulas or to write", async () => {
    const reader = XlsxStreamReader.fromBuffer(await exampleWorkbook());
    await expect(reader.port.read(["监测数据"], { formulas: true })).rejects.toBeInstanceOf(HostError);
    await expect(
      reader.port.write({
        sheets: [],
        patches: [{ sheet: "监测数据", values: [], fills: [], clearNotes: null, notes: [] }],
        activate: null,
      }),
    ).rejects.toBeInstanceOf(HostError);
  });
});
