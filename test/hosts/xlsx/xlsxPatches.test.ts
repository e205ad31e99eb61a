import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook, type Cell } from "exceljs";
import { HostError } from "../../../src/hosts/hostError";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { addInNoteMarker, type SheetPatch } from "../../../src/workbook/port";
import { convertWithLibreOffice, itWithLibreOffice } from "./libreOffice";
import { makeLayout } from "./sampleLayouts";

const sheet = "附件2 国控断面";

function patch(overrides: Partial<SheetPatch> = {}): SheetPatch {
  return { sheet, values: [], fills: [], clearNotes: null, notes: [], ...overrides };
}

/** The sample sheet written, saved and opened again, as the CLI finds a workbook on disk. */
async function loadedBook(): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.create();
  await book.port.write({ sheets: [{ layout: makeLayout(), mode: "create" }], activate: null });
  return XlsxWorkbook.fromBuffer(await book.toBuffer());
}

async function reloaded(book: XlsxWorkbook): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load((await book.toBuffer()) as never);
  return workbook;
}

function cellOf(workbook: Workbook, a1: string): Cell {
  const target = workbook.getWorksheet(sheet);
  if (target === undefined) throw new Error(`no sheet ${sheet}`);
  return target.getCell(a1);
}

function fillOf(cell: Cell): string | undefined {
  const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
  return fill?.fgColor?.argb;
}

/** A note's text: ExcelJS reads notes from a file as rich text runs. */
function noteOf(cell: Cell): string | null {
  const note = cell.note as string | { texts: { text: string }[] } | undefined;
  if (note === undefined) return null;
  return typeof note === "string" ? note : note.texts.map((run) => run.text).join("");
}

describe("XlsxWorkbook patches", () => {
  it("fills only the cells named, though cells of a file share their style", async () => {
    const book = await loadedBook();
    // D4 and D5 were written with the same format, so the file gives them one style.
    await book.port.write({
      sheets: [],
      activate: null,
      patches: [patch({ fills: [{ rect: { row: 3, col: 3, rowCount: 1, colCount: 1 }, fill: "#FFC7CE" }] })],
    });
    const workbook = await reloaded(book);
    expect(fillOf(cellOf(workbook, "D4"))).toBe("FFFFC7CE");
    expect(fillOf(cellOf(workbook, "D5"))).toBe("FFFFF2CC");
    // The fill is added to the cell's format, not in place of it.
    expect(cellOf(workbook, "D4").numFmt).toBe("@");
  });

  it("writes text starting with '=' in a patch as a formula, and an escaped one as text", async () => {
    const book = await loadedBook();
    await book.port.write({
      sheets: [],
      activate: null,
      patches: [
        patch({
          values: [
            { rect: { row: 5, col: 0, rowCount: 1, colCount: 3 }, values: [["=A4+A5", "'=见附表", 7]] },
          ],
        }),
      ],
    });
    const workbook = await reloaded(book);
    expect(cellOf(workbook, "A6").formula).toBe("A4+A5");
    expect(cellOf(workbook, "B6").value).toBe("=见附表");
    expect(cellOf(workbook, "C6").value).toBe(7);
  });

  it("refuses a patch of a sheet the same batch replaces, and changes nothing", async () => {
    const book = await loadedBook();
    const attempt = book.port.write({
      sheets: [
        { layout: makeLayout({ values: [["新标题", null, null, null]], tables: [] }), mode: "replace" },
      ],
      activate: null,
      patches: [patch({ values: [{ rect: { row: 3, col: 3, rowCount: 1, colCount: 1 }, values: [["x"]] }] })],
    });
    await expect(attempt).rejects.toBeInstanceOf(HostError);
    await expect(attempt).rejects.toMatchObject({ code: "excel_rejected" });
    const workbook = await reloaded(book);
    expect(cellOf(workbook, "A1").value).toBe("附件2 国控断面");
    expect(cellOf(workbook, "D4").value).toBeNull();
  });

  it("refuses values that do not fit their rectangle or cells off Excel's grid, and changes nothing", async () => {
    const book = await loadedBook();
    const fill = { rect: { row: 3, col: 3, rowCount: 1, colCount: 1 }, fill: "#FFC7CE" };
    for (const bad of [
      patch({
        fills: [fill],
        values: [{ rect: { row: 3, col: 3, rowCount: 2, colCount: 1 }, values: [["x"]] }],
      }),
      patch({ fills: [fill], notes: [{ row: 1_048_576, col: 0, text: `${addInNoteMarker}x` }] }),
    ]) {
      await expect(book.port.write({ sheets: [], activate: null, patches: [bad] })).rejects.toMatchObject({
        code: "excel_rejected",
      });
    }
    expect(fillOf(cellOf(await reloaded(book), "D4"))).toBe("FFFFF2CC");
  });

  it("clears its own notes again after the file was saved and opened, keeping a user's", async () => {
    let book = await loadedBook();
    await book.port.write({
      sheets: [],
      activate: null,
      patches: [
        patch({
          notes: [
            { row: 3, col: 3, text: `${addInNoteMarker}请选择水质类别` },
            { row: 4, col: 3, text: `${addInNoteMarker}Ⅱ类未达到目标` },
          ],
        }),
      ],
    });
    const edited = await reloaded(book);
    cellOf(edited, "B4").note = "李四：断面已更名";
    book = await XlsxWorkbook.fromBuffer(Buffer.from(await edited.xlsx.writeBuffer()));

    await book.port.write({
      sheets: [],
      activate: null,
      patches: [patch({ clearNotes: { row: 3, col: 0, rowCount: 2, colCount: 4 } })],
    });
    const workbook = await reloaded(book);
    expect(noteOf(cellOf(workbook, "D4"))).toBeNull();
    expect(noteOf(cellOf(workbook, "D5"))).toBeNull();
    expect(noteOf(cellOf(workbook, "B4"))).toBe("李四：断面已更名");
  });

  describe("notes, opened by LibreOffice", () => {
    itWithLibreOffice(
      "open and print (a PDF), and survive LibreOffice saving the file and ExcelJS reading it back",
      async () => {
        const dir = await mkdtemp(join(tmpdir(), "water-plan-notes-"));
        const book = await loadedBook();
        const note = `${addInNoteMarker}实测水质类别“Ⅴ类”差于目标Ⅱ类`;
        await book.port.write({
          sheets: [],
          activate: null,
          patches: [patch({ notes: [{ row: 4, col: 3, text: note }] })],
        });
        await book.saveAtomically(join(dir, "notes.xlsx"));

        await convertWithLibreOffice(join(dir, "notes.xlsx"), "pdf", dir);
        expect((await stat(join(dir, "notes.pdf"))).size).toBeGreaterThan(0);

        const out = join(dir, "out");
        await convertWithLibreOffice(join(dir, "notes.xlsx"), "xlsx", out);
        const saved = await XlsxWorkbook.open(join(out, "notes.xlsx"));
        expect(noteOf(cellOf(await reloaded(saved), "D5"))).toBe(note);
        await rm(dir, { recursive: true });
      },
      120_000,
    );
  });
});
