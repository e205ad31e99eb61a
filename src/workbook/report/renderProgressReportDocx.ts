import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from "docx";
import type { ReportBlock, ReportDocument, ReportTable } from "./reportDocument";

/**
 * GB/T 9704-2012 (党政机关公文格式) in Word's units: A4; top margin 37 mm, left 28 mm; a text block
 * of 156 × 225 mm, so right 26 mm and bottom 35 mm; 22 lines of 28 characters in 3号 (16 pt).
 * 1 mm = 56.693 twips.
 */
export const officialPage = {
  width: 11906,
  height: 16838,
  top: 2098,
  left: 1587,
  right: 1474,
  bottom: 1984,
  /** 225 mm ÷ 22 lines = 10.227 mm = 579.8 twips: Word's official-document templates use 579. */
  linePitch: 579,
  /**
   * 156 mm ÷ 28 = 15.79 pt a character, 0.21 pt less than the 16 pt body font. Word's templates say
   * it with a character grid (w:charSpace −849), which LibreOffice lays out at half the characters a
   * line; condensing each run of the text block by 0.25 pt (in twentieths of a point) gives 28 in both.
   */
  condense: -5,
  /** Sizes in half-points: 2号 22 pt (title), 3号 16 pt (body), 4号 14 pt (captions, page numbers). */
  titleSize: 44,
  bodySize: 32,
  captionSize: 28,
  tableSize: 24,
  gridSize: 21,
} as const;

/**
 * The fonts the standard names, each with the alternative Word uses where it is missing
 * (w:altName in the font table): 仿宋_GB2312 and 楷体_GB2312 ship with older Windows only, 方正小标宋简体
 * with FounderType's package; 仿宋, 楷体 and 宋体 are on every Chinese Windows and Mac (LibreOffice
 * falls back through fontconfig, to Noto CJK on Linux).
 */
export const officialFonts = {
  body: { name: "仿宋_GB2312", altName: "仿宋", family: "modern" },
  title: { name: "方正小标宋简体", altName: "宋体", family: "roman" },
  heading1: { name: "黑体", altName: "SimHei", family: "modern" },
  heading2: { name: "楷体_GB2312", altName: "楷体", family: "modern" },
  pageNumber: { name: "宋体", altName: "SimSun", family: "auto" },
} as const;

const latin = "Times New Roman";

function run(
  text: string,
  font: keyof typeof officialFonts,
  size: number,
  extra: Partial<IRunOptions> = {},
): TextRun {
  const eastAsia = officialFonts[font].name;
  return new TextRun({
    text,
    size,
    font: { ascii: latin, hAnsi: latin, eastAsia, cs: latin },
    ...extra,
  });
}

/** A paragraph on the 22-line grid: exact line pitch, first line indented two characters. */
function gridParagraph(
  runs: TextRun[],
  options: { indent?: boolean; align?: "center" | "left" } = {},
): Paragraph {
  return new Paragraph({
    children: runs,
    spacing: { line: officialPage.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    ...(options.indent === false ? {} : { indent: { firstLine: 640 } }),
    ...(options.align === "center"
      ? { alignment: AlignmentType.CENTER }
      : { alignment: AlignmentType.JUSTIFIED }),
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

function tableOf(table: ReportTable, fontSize: number): Table {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const textWidth = officialPage.width - officialPage.left - officialPage.right;
  const widths = table.widths.map((w) => Math.floor((w / total) * textWidth));
  const cell = (text: string, col: number, header: boolean, fill: string | null): TableCell =>
    new TableCell({
      width: { size: widths[col] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 40, right: 40, top: 10, bottom: 10 },
      ...(fill === null
        ? {}
        : { shading: { type: ShadingType.CLEAR, fill: fill.replace("#", ""), color: "auto" } }),
      children: [
        new Paragraph({
          alignment: col === 0 && !header ? AlignmentType.LEFT : AlignmentType.CENTER,
          // An exact spacing takes the cell's lines off the body's 22-line grid (ECMA-376 §17.6.5).
          spacing: { line: Math.round(fontSize * 12.5), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          keepNext: header,
          // Cells keep their own single spacing rather than the body's 22-line grid.
          children: [run(text, header ? "heading1" : "body", fontSize, { snapToGrid: false })],
        }),
      ],
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
      insideHorizontal: thin,
      insideVertical: thin,
    },
    rows: [
      new TableRow({ tableHeader: true, children: table.header.map((h, c) => cell(h, c, true, null)) }),
      ...table.rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: row.map((v, c) => cell(v, c, false, table.fills?.[r]?.[c] ?? null)),
          }),
      ),
    ],
  });
}

function render(block: ReportBlock): (Paragraph | Table)[] {
  const p = officialPage;
  switch (block.kind) {
    case "title":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 760, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: block.text
            .split("\n")
            .map((line, i) => run(line, "title", p.titleSize, i > 0 ? { break: 1 } : {})),
        }),
      ];
    case "subtitle":
      return [
        gridParagraph([run(block.text, "heading2", p.bodySize)], { indent: false, align: "center" }),
        gridParagraph([], { indent: false }),
      ];
    case "heading1":
      return [gridParagraph([run(block.text, "heading1", p.bodySize, { characterSpacing: p.condense })])];
    case "heading2":
      return [gridParagraph([run(block.text, "heading2", p.bodySize, { characterSpacing: p.condense })])];
    case "paragraph":
      return [gridParagraph([run(block.text, "body", p.bodySize, { characterSpacing: p.condense })])];
    case "table": {
      const grid = block.table.header.length > 8;
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { line: p.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [run(block.caption, "heading1", p.captionSize)],
        }),
        tableOf(block.table, grid ? p.gridSize : p.tableSize),
        new Paragraph({ spacing: { line: 240, before: 0, after: 0 }, children: [] }),
      ];
    }
    case "legend":
      return [
        new Table({
          width: { size: p.width - p.left - p.right, type: WidthType.DXA },
          borders: {
            top: thin,
            bottom: thin,
            left: thin,
            right: thin,
            insideHorizontal: thin,
            insideVertical: thin,
          },
          rows: [
            new TableRow({
              children: block.items.map(
                (item) =>
                  new TableCell({
                    shading: { type: ShadingType.CLEAR, fill: item.fill.replace("#", ""), color: "auto" },
                    children: [
                      new Paragraph({
                        alignment: AlignmentType.CENTER,
                        children: [run(item.text, "body", p.gridSize, { snapToGrid: false })],
                      }),
                    ],
                  }),
              ),
            }),
          ],
        }),
        new Paragraph({ spacing: { line: 240, before: 0, after: 0 }, children: [] }),
      ];
  }
}

/** The font table with each official font's alternative (see officialFonts). */
function fontTableXml(): string {
  const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const fonts = Object.values(officialFonts)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${w}">${fonts}<w:font w:name="${latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
}

/**
 * Lays the 进展报告 out as a Chinese official document (GB/T 9704-2012) and returns the .docx bytes.
 * Runs in Node and in the browser (the `docx` library, no Word automation).
 *
 * @example
 * const bytes = await renderProgressReportDocx(buildProgressReport(plan, report, "zh-CN"));
 */
export async function renderProgressReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const p = officialPage;
  const document = new Document({
    creator: "Water Plan for Excel",
    title: doc.blocks.flatMap((b) => (b.kind === "title" ? [b.text.replace(/\n/gu, "")] : []))[0] ?? "",
    styles: {
      default: {
        document: {
          run: {
            size: p.bodySize,
            font: { ascii: latin, hAnsi: latin, eastAsia: officialFonts.body.name, cs: latin },
            language: { value: doc.language, eastAsia: "zh-CN" },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: p.width, height: p.height },
            margin: { top: p.top, left: p.left, right: p.right, bottom: p.bottom, header: 851, footer: 992 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: p.linePitch },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run("— ", "pageNumber", p.captionSize),
                  new TextRun({
                    children: [PageNumber.CURRENT],
                    size: p.captionSize,
                    font: { ascii: latin, hAnsi: latin, eastAsia: officialFonts.pageNumber.name },
                  }),
                  run(" —", "pageNumber", p.captionSize),
                ],
              }),
            ],
          }),
        },
        children: doc.blocks.flatMap(render),
      },
    ],
  });
  const buffer = await Packer.toArrayBuffer(document, false, [
    { path: "word/fontTable.xml", data: fontTableXml() },
  ]);
  return new Uint8Array(buffer);
}
