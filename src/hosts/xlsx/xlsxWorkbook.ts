import { type Cell, Workbook, type WorkbookView, type Worksheet } from "exceljs";
import type {
  HostFeatures,
  SheetSnapshot,
  WorkbookPort,
  WorkbookSnapshot,
  WriteBatch,
} from "../../workbook/port";
import { sequentialUpdate } from "../../workbook/port";
import { HostError, refuseTableAppends } from "../hostError";
import { applySheetPatch, assertPatchable } from "./applySheetPatch";
import { internalsOf, repairLoadedTables } from "./excelJsInternals";
import { assertExcelJsCanHold, openXlsxPackage, refuse } from "./prepareXlsxBytes";
import {
  assertNoPassword,
  type KeptProtection,
  keepProtection,
  modelHasPassword,
  restoreProtection,
  withLegacyPasswords,
} from "./protectedSheets";
import { readWorkbookProtection, withWorkbookProtection } from "./workbookProtection";
import { renderSheetLayout } from "./renderSheetLayout";
import { snapshotSheet } from "./snapshotSheet";
import { readXlsxFile } from "./readXlsxFile";
import { saveFileAtomically } from "./saveFileAtomically";
import { deflateStoredEntries } from "./zipArchive";

/**
 * The xlsx host: an `.xlsx` file held in memory by ExcelJS, behind the same WorkbookPort as Excel.
 * The CLI opens or creates one, generates or validates through `.port`, and saves it atomically.
 *
 * A sheet written in "replace" mode is removed and added again at the same tab position, because
 * ExcelJS cannot clear a worksheet's formats, validation and tables in place. In a file nothing can
 * point at the old sheet object, and formulas elsewhere refer to it by name, which stays the same;
 * the sheet's notes are put back at their cells (as Excel keeps them); only what else the sheet held besides the layout (images, merged cells) goes.
 *
 * @example
 * const book = await XlsxWorkbook.open("liuzhou-2023.xlsx");
 * await generateWorkbook(book.port, plan, { locale: "zh-CN" });
 * await book.saveAtomically("liuzhou-2023.xlsx");
 */
/** ExcelJS writes notes but no charts: the summary sheet shows its statuses as coloured cells. */
export const xlsxFeatures: HostFeatures = { notes: true, charts: false };

export class XlsxWorkbook {
  readonly port: WorkbookPort;
  private readonly workbook: Workbook;
  /** The file's `<workbookProtection>`, which ExcelJS drops: written back on save (see toBuffer). */
  private readonly workbookProtection: string | null;
  /** The sheets (by lower-case name) whose `<sheetProtection>` in the file has a password. */
  private readonly passwordSheets: ReadonlySet<string>;
  /** Their legacy password hashes, which ExcelJS drops: written back on save (see toBuffer). */
  private readonly legacyPasswords: ReadonlyMap<string, string>;

  private constructor(
    workbook: Workbook,
    workbookProtection: string | null = null,
    passwordSheets: ReadonlySet<string> = new Set(),
    legacyPasswords: ReadonlyMap<string, string> = new Map(),
  ) {
    this.workbook = workbook;
    this.workbookProtection = workbookProtection;
    this.passwordSheets = passwordSheets;
    this.legacyPasswords = legacyPasswords;
    // The work is synchronous in memory; the promise executor turns a throw into a rejection, as
    // the port's callers expect from every host.
    const read: WorkbookPort["read"] = (sheetNames, options) =>
      new Promise((resolve) => {
        resolve(this.read(sheetNames, options?.formulas === true));
      });
    const write: WorkbookPort["write"] = (batch) =>
      new Promise((resolve) => {
        this.write(batch);
        resolve();
      });
    // ExcelJS writes notes but no charts: the summary sheet shows its statuses as coloured cells.
    this.port = {
      read,
      write,
      update: sequentialUpdate(read, write),
      features: { notes: true, charts: false },
    };
  }

  /**
   * A new, empty workbook (no sheets until the first write).
   *
   * @example
   * const book = XlsxWorkbook.create();
   */
  static create(): XlsxWorkbook {
    const workbook = new Workbook();
    workbook.creator = "Water Plan for Excel";
    return new XlsxWorkbook(workbook);
  }

  /**
   * Reads an `.xlsx` from bytes: the add-in's own, or one saved by Excel, LibreOffice or openpyxl.
   * Throws HostError "not_a_workbook" for anything else, with an XlsxRefusal as its cause that
   * says why (empty, encrypted, an old .xls, too large, damaged, …).
   *
   * @example
   * const book = await XlsxWorkbook.fromBuffer(await readFile("book.xlsx"));
   */
  static async fromBuffer(bytes: Uint8Array): Promise<XlsxWorkbook> {
    const opened = openXlsxPackage(bytes);
    assertExcelJsCanHold(opened.survey);
    const prepared = opened.bytes;
    const workbook = new Workbook();
    try {
      // ExcelJS's declared Buffer type is its own; a Node Buffer is what it reads.
      await workbook.xlsx.load(
        Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength) as never,
      );
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw refuse("damaged", `ExcelJS cannot read the workbook: ${reason}`);
    }
    // A package without a worksheet ExcelJS can read (only chart sheets, say) cannot be saved.
    if (workbook.worksheets.length === 0) {
      throw refuse("not_a_spreadsheet", "The file is not an .xlsx workbook: it holds no worksheets.");
    }
    for (const sheet of workbook.worksheets) repairLoadedTables(sheet);
    const sheets = [...opened.survey.sheets.values()];
    const passwordSheets = new Set(
      sheets.filter((sheet) => sheet.password).map((sheet) => sheet.name.toLowerCase()),
    );
    const legacyPasswords = new Map(
      sheets.flatMap((sheet) =>
        sheet.legacyPassword === null ? [] : [[sheet.name.toLowerCase(), sheet.legacyPassword] as const],
      ),
    );
    return new XlsxWorkbook(workbook, readWorkbookProtection(prepared), passwordSheets, legacyPasswords);
  }

  /**
   * Opens an `.xlsx` file. Throws HostError "file_unavailable" when it cannot be read and
   * "not_a_workbook" when it is not an `.xlsx` the host can open (see fromBuffer); a file over
   * xlsxLimits is refused before it is read.
   *
   * @example
   * const book = await XlsxWorkbook.open("submitted/柳南区.xlsx");
   */
  static async open(path: string): Promise<XlsxWorkbook> {
    const bytes = await readXlsxFile(path);
    return XlsxWorkbook.fromBuffer(bytes);
  }

  /**
   * The workbook as `.xlsx` bytes.
   *
   * @example
   * const bytes = await book.toBuffer();
   */
  async toBuffer(): Promise<Buffer> {
    this.keepActiveTabVisible();
    // A sheet a user protected with a legacy password keeps it (ExcelJS drops the hash).
    const written = withLegacyPasswords(
      // ExcelJS stores its parts and zlib deflates them: ExcelJS's own deflater (pako, in
      // JavaScript) took a quarter of the time of a small save.
      deflateStoredEntries(
        new Uint8Array(await this.workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } })),
      ),
      this.legacyPasswords,
    );
    // A workbook whose structure a user protected stays protected when the host saves it.
    const saved =
      this.workbookProtection === null ? written : withWorkbookProtection(written, this.workbookProtection);
    return Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength);
  }

  /**
   * Writes the workbook to `path` through a temporary file in the same directory and a rename, so
   * the path holds either the old file or the whole new one, never a half-written file; a symbolic
   * link or a read-only file there is refused (see saveFileAtomically). Throws HostError
   * "file_unavailable" (the old file untouched, the temporary file removed).
   *
   * @example
   * await book.saveAtomically("out/liuzhou-2023.xlsx");
   */
  async saveAtomically(path: string): Promise<void> {
    const bytes = await this.toBuffer();
    await saveFileAtomically(path, (sink) => {
      sink(bytes);
    });
  }

  private read(sheetNames: readonly string[], formulas: boolean): WorkbookSnapshot {
    const worksheets = this.workbook.worksheets;
    const date1904 = this.workbook.properties.date1904;
    const sheets = new Map<string, SheetSnapshot>();
    for (const name of sheetNames) {
      // Excel's sheet names ignore case, as Office.js's getItem does.
      const sheet = this.findSheet(name);
      if (sheet !== undefined) sheets.set(name, snapshotSheet(sheet, date1904, formulas));
    }
    const tableNames = worksheets.flatMap((sheet) => Object.keys(internalsOf(sheet).tables));
    return { sheetNames: worksheets.map((sheet) => sheet.name), sheets, tableNames };
  }

  private write(batch: WriteBatch): void {
    // Check the whole batch before touching the workbook, so a bad request changes nothing.
    refuseTableAppends(batch);
    const patches = batch.patches ?? [];
    const replaced = new Set(batch.sheets.map(({ layout }) => layout.name.toLowerCase()));
    for (const patch of patches) {
      // A patch changes a sheet in place: the sheet must be there, and not be rewritten by the same batch.
      if (this.findSheet(patch.sheet) === undefined || replaced.has(patch.sheet.toLowerCase())) {
        throw new HostError("excel_rejected", `There is no sheet named "${patch.sheet}" to patch.`);
      }
      assertPatchable(patch);
    }
    const existing = new Set(this.workbook.worksheets.map((sheet) => sheet.name));
    for (const { layout, mode } of batch.sheets) {
      if (mode === "create" && existing.has(layout.name)) {
        throw new HostError("excel_rejected", `A sheet named "${layout.name}" already exists.`);
      }
      if (mode === "replace" && !existing.has(layout.name)) {
        throw new HostError("excel_rejected", `There is no sheet named "${layout.name}" to replace.`);
      }
      existing.add(layout.name);
    }
    // A protection without a password is lifted around the write and put back (see protectedSheets.ts).
    assertNoPassword(
      [
        ...batch.sheets.filter(({ mode }) => mode === "replace").map(({ layout }) => layout.name),
        ...patches.map((patch) => patch.sheet),
      ]
        .map((name) => this.findSheet(name))
        .filter((sheet) => sheet !== undefined),
      (sheet) => this.passwordSheets.has(sheet.name.toLowerCase()) || modelHasPassword(sheet),
    );

    for (const { layout, mode } of batch.sheets) {
      let orderNo = this.lastOrderNo() + 1;
      let notes: readonly CellNote[] = [];
      let kept: KeptProtection | null = null;
      if (mode === "replace") {
        const old = this.workbook.getWorksheet(layout.name);
        if (old !== undefined) {
          orderNo = internalsOf(old).orderNo;
          notes = notesOf(old);
          kept = keepProtection(old);
          this.workbook.removeWorksheet(old.id);
        }
      }
      try {
        renderSheetLayout(this.workbook, layout, orderNo);
      } catch (cause) {
        if (cause instanceof HostError) throw cause;
        throw new HostError("excel_rejected", `Cannot write the sheet "${layout.name}".`, { cause });
      }
      // A note belongs to its cell, as in Excel, where the sheet is rewritten in place.
      const written = this.workbook.getWorksheet(layout.name);
      for (const { address, note } of notes) if (written !== undefined) written.getCell(address).note = note;
      if (kept !== null && written !== undefined) {
        restoreProtection(written, kept, layout.protection !== undefined);
      }
    }
    for (const patch of patches) {
      const sheet = this.findSheet(patch.sheet);
      if (sheet !== undefined) applySheetPatch(sheet, patch);
    }
    if (batch.activate !== null) this.activate(batch.activate);
  }

  /** The worksheet of that name, ignoring case as Excel does. */
  private findSheet(name: string): Worksheet | undefined {
    const wanted = name.toLowerCase();
    return this.workbook.worksheets.find((sheet) => sheet.name.toLowerCase() === wanted);
  }

  private lastOrderNo(): number {
    return this.workbook.worksheets.reduce((last, sheet) => Math.max(last, internalsOf(sheet).orderNo), 0);
  }

  private activate(name: string): void {
    const index = this.workbook.worksheets.findIndex((sheet) => sheet.name === name);
    if (index >= 0) this.selectTab(index);
  }

  /** Excel shows a blank window when the active tab is hidden: move it to the first visible sheet. */
  private keepActiveTabVisible(): void {
    const sheets = this.workbook.worksheets;
    // A loaded file without <bookViews> leaves ExcelJS's `views` undefined, whatever its typings say.
    const views = this.workbook.views as WorkbookView[] | undefined;
    const active = views?.[0]?.activeTab ?? 0;
    if (sheets[active]?.state === "visible") return;
    const firstVisible = sheets.findIndex((sheet) => sheet.state === "visible");
    if (firstVisible >= 0) this.selectTab(firstVisible);
  }

  private selectTab(index: number): void {
    const view = (this.workbook.views as WorkbookView[] | undefined)?.[0] ?? {
      x: 0,
      y: 0,
      width: 28800,
      height: 17600,
      visibility: "visible",
    };
    this.workbook.views = [{ ...view, activeTab: index, firstSheet: 0 }];
    // Only the active tab may be selected, or Excel opens the workbook with sheets grouped.
    this.workbook.worksheets.forEach((sheet, i) => {
      sheet.views =
        sheet.views.length === 0
          ? [{ tabSelected: i === index }]
          : sheet.views.map((view) => ({ ...view, tabSelected: i === index }));
    });
  }
}

/** A note as ExcelJS holds it (plain text, or rich text read from a file), with its cell. */
interface CellNote {
  readonly address: string;
  readonly note: NonNullable<Cell["note"]>;
}

/** Every note on the sheet, with its cell. */
function notesOf(sheet: Worksheet): CellNote[] {
  const notes: CellNote[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const note: unknown = cell.note;
      if (note !== undefined && note !== null) notes.push({ address: cell.address, note: cell.note });
    });
  });
  return notes;
}
