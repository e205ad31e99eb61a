/**
 * Fake cell notes (ExcelApi 1.18): `worksheet.notes` with add, getCount, getItem, getItemAt,
 * getItemOrNullObject, and a note's content, delete and getLocation.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes
 */
import { formatA1, key, parseA1, splitSheet } from "./fakeGeometry";
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakeNote, FakeSheetState } from "./fakeSheetState";
import { FakeClientObject, NULL, checkSameContext, child, type FakeClientResult } from "./fakeProxy";
import { FakeItemCollection } from "./fakeItemCollection";
import { FakeRange } from "./fakeRange";
import { EXCEL_COLUMNS } from "./fakeGeometry";

/** Notes arrive in ExcelApi 1.18. https://learn.microsoft.com/javascript/api/excel/excel.notecollection */
const NOTES_API = "1.18";

/** Who the fake says wrote a note the add-in adds. */
export const FAKE_NOTE_AUTHOR = "Fake Excel";

interface NoteTarget {
  readonly sheet: FakeSheetState;
  readonly key: number;
}

/** The sheet's notes in Excel's order: row by row, left to right. */
function orderedKeys(sheet: FakeSheetState): number[] {
  return [...sheet.notes.keys()].sort((a, b) => a - b);
}

/** A sheet-relative cell address ("K8", or "'附件1 任务清单'!K8" on this sheet) as a cell key. */
function cellKey(sheet: FakeSheetState, address: string): number {
  const { sheet: named, ref } = splitSheet(address);
  if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new FakeRichApiError("InvalidArgument", `“${address}” is on another sheet.`);
  }
  const rect = parseA1(ref);
  // https://learn.microsoft.com/javascript/api/excel/excel.notecollection#excel-excel-notecollection-add-member(1) (a single cell)
  if (rect.rowCount !== 1 || rect.colCount !== 1) {
    throw new FakeRichApiError("InvalidArgument", `A note belongs to one cell, not “${address}”.`);
  }
  return key(rect.row, rect.col);
}

export class FakeNoteCollection extends FakeItemCollection<FakeSheetState, NoteTarget, FakeNoteProxy> {
  protected readonly itemScalars = FakeNoteProxy.scalars;

  protected override get api(): string {
    return NOTES_API;
  }

  /** A null sheet's notes are refused, as a null object's collection is (InvalidOperation). */
  protected elements(): NoteTarget[] {
    const sheet = this.resolveExisting();
    return orderedKeys(sheet).map((k) => ({ sheet, key: k }));
  }

  protected readItem({ sheet, key: k }: NoteTarget, property: string): unknown {
    return readNote(sheet.notes.get(k)!, property);
  }

  protected item(index: number, target: NoteTarget): FakeNoteProxy {
    return new FakeNoteProxy(this.context, `${this.path}[${index}]`, () => target);
  }

  /**
   * Adds a note to one cell; Excel keeps one note per cell, so the fake refuses a second, and a
   * note on a cell that has a comment.
   */
  add(cellAddress: string | FakeRange, content: string): FakeNoteProxy {
    checkSameContext(this.context, cellAddress);
    let added: NoteTarget | undefined;
    this.act("add", [typeof cellAddress === "string" ? cellAddress : "Range", content], (sheet) => {
      let k: number;
      if (typeof cellAddress === "string") k = cellKey(sheet, cellAddress);
      else {
        const { sheet: target, rect } = cellAddress.resolveExisting();
        if (target !== sheet) throw new FakeRichApiError("InvalidArgument", "The cell is on another sheet.");
        if (rect.rowCount !== 1 || rect.colCount !== 1)
          throw new FakeRichApiError("InvalidArgument", "A note belongs to one cell.");
        k = key(rect.row, rect.col);
      }
      if (typeof content !== "string")
        throw new FakeRichApiError("InvalidArgument", "A note's content is text.");
      if (sheet.notes.has(k)) {
        throw new FakeRichApiError(
          "InvalidOperation",
          `${formatA1(rectOf(k))} already holds a note; a cell holds one note.`,
        );
      }
      // A cell holds a note or a comment thread, never both: Excel's UI offers no new note on a cell
      // that has a comment (observed behaviour; the Office.js reference does not say what `add`
      // does there, so the fake refuses it as it refuses a second note).
      if (sheet.comments.some((c) => c.key === k)) {
        throw new FakeRichApiError(
          "InvalidOperation",
          `${formatA1(rectOf(k))} has a comment; a cell holds a note or a comment, not both.`,
        );
      }
      sheet.notes.set(k, { content, authorName: FAKE_NOTE_AUTHOR });
      added = { sheet, key: k };
    });
    return new FakeNoteProxy(this.context, `${this.path}.add()`, () => {
      if (added === undefined) throw new FakeRichApiError("InvalidOperation", "The note was not added.");
      return added;
    });
  }

  getCount(): FakeClientResult<number> {
    return this.query("getCount", NOTES_API, (sheet) => (sheet === null ? 0 : sheet.notes.size));
  }

  getItem(cellAddress: string): FakeNoteProxy {
    return new FakeNoteProxy(
      this.context,
      `${this.path}.getItem(${JSON.stringify(cellAddress)})`,
      child(this, (sheet) => {
        const k = cellKey(sheet, cellAddress);
        if (!sheet.notes.has(k)) throw new FakeRichApiError("ItemNotFound", `No note at ${cellAddress}.`);
        return { sheet, key: k };
      }),
    );
  }

  getItemOrNullObject(cellAddress: string): FakeNoteProxy {
    return new FakeNoteProxy(
      this.context,
      `${this.path}.getItemOrNullObject(${JSON.stringify(cellAddress)})`,
      child(this, (sheet) => {
        const k = cellKey(sheet, cellAddress);
        return sheet.notes.has(k) ? { sheet, key: k } : NULL;
      }),
      true,
    );
  }

  getItemAt(index: number): FakeNoteProxy {
    return new FakeNoteProxy(
      this.context,
      `${this.path}.getItemAt(${index})`,
      child(this, (sheet) => {
        const k = orderedKeys(sheet)[index];
        if (k === undefined) throw new FakeRichApiError("ItemNotFound", `No note at index ${index}.`);
        return { sheet, key: k };
      }),
    );
  }
}

function rectOf(k: number): { row: number; col: number; rowCount: number; colCount: number } {
  return { row: Math.floor(k / EXCEL_COLUMNS), col: k % EXCEL_COLUMNS, rowCount: 1, colCount: 1 };
}

function readNote(note: FakeNote, property: string): unknown {
  switch (property) {
    case "content":
      return note.content;
    case "authorName":
      return note.authorName;
    default:
      throw new FakeRichApiError("InvalidArgument", `Note has no property '${property}' in this fake.`);
  }
}

export class FakeNoteProxy extends FakeClientObject<NoteTarget> {
  static readonly scalars = ["content", "authorName"] as const;
  protected readonly scalarProperties = FakeNoteProxy.scalars;

  protected override get api(): string {
    return NOTES_API;
  }

  protected readProperty(target: NoteTarget, property: string): unknown {
    return readNote(existing(target), property);
  }

  get content(): string {
    return this.loaded("content");
  }
  set content(value: string) {
    this.act("set content", value, (target) => {
      if (typeof value !== "string")
        throw new FakeRichApiError("InvalidArgument", "A note's content is text.");
      existing(target).content = value;
    });
  }
  get authorName(): string {
    return this.loaded("authorName");
  }

  delete(): void {
    this.act("delete", null, (target) => {
      existing(target);
      target.sheet.notes.delete(target.key);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getLocation()`,
      child(this, (target) => {
        this.context.excel.requireApi(NOTES_API, "Note.getLocation");
        existing(target);
        return { sheet: target.sheet, rect: rectOf(target.key) };
      }),
    );
  }
}

/** The note a proxy points at, or ItemNotFound once it was deleted. */
function existing(target: NoteTarget): FakeNote {
  const note = target.sheet.notes.get(target.key);
  if (note === undefined) throw new FakeRichApiError("ItemNotFound", "The note was deleted.");
  return note;
}
