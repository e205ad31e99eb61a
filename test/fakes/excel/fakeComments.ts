/**
 * Fake comment threads (ExcelApi 1.10): `worksheet.comments` with add, getCount, getItem,
 * getItemAt, getItemByCell, and a comment's content, authorName, id, delete and getLocation.
 * Every member used here is ExcelApi 1.10 in @types/office-js (CommentCollection, Comment); the
 * rich-content overloads (1.11), `resolved` (1.11) and getItemOrNullObject (1.14) are not modelled.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-comments
 * https://learn.microsoft.com/javascript/api/excel/excel.commentcollection
 */
import { formatA1, key, parseA1, splitSheet, EXCEL_COLUMNS } from "./fakeGeometry";
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakeComment, FakeSheetState } from "./fakeSheetState";
import { FakeClientObject, checkSameContext, child, type FakeClientResult } from "./fakeProxy";
import { FakeItemCollection } from "./fakeItemCollection";
import { FakeRange } from "./fakeRange";

/** Comments arrive in ExcelApi 1.10. https://learn.microsoft.com/javascript/api/excel/excel.comment */
const COMMENTS_API = "1.10";

/** Who the fake says wrote a comment the add-in adds (Excel names the signed-in user). */
export const FAKE_COMMENT_AUTHOR = "Fake Excel";

interface CommentTarget {
  readonly sheet: FakeSheetState;
  readonly id: string;
}

/**
 * The one cell a comment goes on or is looked up by, as a cell key. A string must carry the sheet
 * ("Sheet1!A2"): "If it's a string, it must contain the full address, including the sheet name.
 * An InvalidArgument error is thrown if the provided range is larger than one cell."
 * https://learn.microsoft.com/javascript/api/excel/excel.commentcollection#excel-excel-commentcollection-add-member(1)
 */
function cellKey(sheet: FakeSheetState, cellAddress: string | FakeRange): number {
  if (typeof cellAddress !== "string") {
    const { sheet: target, rect } = cellAddress.resolveExisting();
    if (target !== sheet) throw new FakeRichApiError("InvalidArgument", "The cell is on another sheet.");
    if (rect.rowCount !== 1 || rect.colCount !== 1) {
      throw new FakeRichApiError("InvalidArgument", "A comment belongs to one cell.");
    }
    return key(rect.row, rect.col);
  }
  const { sheet: named, ref } = splitSheet(cellAddress);
  if (named === null) {
    throw new FakeRichApiError("InvalidArgument", `“${cellAddress}” lacks its sheet name.`);
  }
  if (named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new FakeRichApiError("InvalidArgument", `“${cellAddress}” is on another sheet.`);
  }
  const rect = parseA1(ref);
  if (rect.rowCount !== 1 || rect.colCount !== 1) {
    throw new FakeRichApiError("InvalidArgument", `A comment belongs to one cell, not “${cellAddress}”.`);
  }
  return key(rect.row, rect.col);
}

export class FakeCommentCollection extends FakeItemCollection<
  FakeSheetState,
  CommentTarget,
  FakeCommentProxy
> {
  protected readonly itemScalars = FakeCommentProxy.scalars;

  protected override get api(): string {
    return COMMENTS_API;
  }

  protected elements(): CommentTarget[] {
    const sheet = this.resolveExisting();
    return sheet.comments.map((c) => ({ sheet, id: c.id }));
  }

  protected readItem(target: CommentTarget, property: string): unknown {
    return readComment(existing(target), property);
  }

  protected item(index: number, target: CommentTarget): FakeCommentProxy {
    return new FakeCommentProxy(this.context, `${this.path}[${index}]`, () => target);
  }

  /**
   * Starts a thread on one cell. Excel keeps one thread per cell (a second comment there is a
   * reply, `Comment.replies.add`), and `add` on a cell that has one fails: "If we try to add a
   * comment to a cell that already has a comment, an error occurs"
   * (https://github.com/OfficeDev/office-js/issues/1416). Nor does a cell that has a note take a
   * comment. Which code Excel gives is not documented; the fake says InvalidOperation.
   */
  add(cellAddress: string | FakeRange, content: string): FakeCommentProxy {
    checkSameContext(this.context, cellAddress);
    let added: CommentTarget | undefined;
    this.act("add", [typeof cellAddress === "string" ? cellAddress : "Range", content], (sheet) => {
      const k = cellKey(sheet, cellAddress);
      if (typeof content !== "string") {
        throw new FakeRichApiError("InvalidArgument", "A plain comment's content is text.");
      }
      if (sheet.comments.some((c) => c.key === k)) {
        throw new FakeRichApiError(
          "InvalidOperation",
          `${formatA1(rectOf(k))} already has a comment; a cell holds one comment thread.`,
        );
      }
      // A cell holds a note or a comment thread, never both: Excel's UI offers no new comment on a
      // cell that has a note (observed behaviour; the Office.js reference does not say what `add`
      // does there, so the fake refuses it as it refuses a second thread).
      if (sheet.notes.has(k)) {
        throw new FakeRichApiError(
          "InvalidOperation",
          `${formatA1(rectOf(k))} has a note; a cell holds a note or a comment, not both.`,
        );
      }
      const comment: FakeComment = {
        id: this.context.excel.state.newId("COMMENT"),
        content,
        authorName: FAKE_COMMENT_AUTHOR,
        key: k,
      };
      sheet.comments.push(comment);
      added = { sheet, id: comment.id };
    });
    return new FakeCommentProxy(this.context, `${this.path}.add()`, () => {
      if (added === undefined) throw new FakeRichApiError("InvalidOperation", "The comment was not added.");
      return added;
    });
  }

  getCount(): FakeClientResult<number> {
    return this.query("getCount", COMMENTS_API, (sheet) => (sheet === null ? 0 : sheet.comments.length));
  }

  getItem(commentId: string): FakeCommentProxy {
    return new FakeCommentProxy(
      this.context,
      `${this.path}.getItem(${JSON.stringify(commentId)})`,
      child(this, (sheet) => {
        if (!sheet.comments.some((c) => c.id === commentId)) {
          throw new FakeRichApiError("ItemNotFound", `No comment ${commentId}.`);
        }
        return { sheet, id: commentId };
      }),
    );
  }

  getItemAt(index: number): FakeCommentProxy {
    return new FakeCommentProxy(
      this.context,
      `${this.path}.getItemAt(${index})`,
      child(this, (sheet) => {
        const comment = sheet.comments[index];
        if (comment === undefined)
          throw new FakeRichApiError("ItemNotFound", `No comment at index ${index}.`);
        return { sheet, id: comment.id };
      }),
    );
  }

  /** "If there is no comment in the cell, an error is thrown." (ItemNotFound, office-js#1416) */
  getItemByCell(cellAddress: string | FakeRange): FakeCommentProxy {
    checkSameContext(this.context, cellAddress);
    return new FakeCommentProxy(
      this.context,
      `${this.path}.getItemByCell(${JSON.stringify(typeof cellAddress === "string" ? cellAddress : "Range")})`,
      child(this, (sheet) => {
        const k = cellKey(sheet, cellAddress);
        const comment = sheet.comments.find((c) => c.key === k);
        if (comment === undefined) throw new FakeRichApiError("ItemNotFound", "No comment in that cell.");
        return { sheet, id: comment.id };
      }),
    );
  }
}

function rectOf(k: number): { row: number; col: number; rowCount: number; colCount: number } {
  return { row: Math.floor(k / EXCEL_COLUMNS), col: k % EXCEL_COLUMNS, rowCount: 1, colCount: 1 };
}

function readComment(comment: FakeComment, property: string): unknown {
  switch (property) {
    case "content":
      return comment.content;
    case "authorName":
      return comment.authorName;
    case "id":
      return comment.id;
    default:
      throw new FakeRichApiError("InvalidArgument", `Comment has no property '${property}' in this fake.`);
  }
}

export class FakeCommentProxy extends FakeClientObject<CommentTarget> {
  static readonly scalars = ["content", "authorName", "id"] as const;
  protected readonly scalarProperties = FakeCommentProxy.scalars;

  protected override get api(): string {
    return COMMENTS_API;
  }

  protected readProperty(target: CommentTarget, property: string): unknown {
    return readComment(existing(target), property);
  }

  get content(): string {
    return this.loaded("content");
  }
  set content(value: string) {
    this.act("set content", value, (target) => {
      if (typeof value !== "string") {
        throw new FakeRichApiError("InvalidArgument", "A plain comment's content is text.");
      }
      existing(target).content = value;
    });
  }
  get authorName(): string {
    return this.loaded("authorName");
  }
  get id(): string {
    return this.loaded("id");
  }

  /** "Deletes the comment and all the connected replies." */
  delete(): void {
    this.act("delete", null, (target) => {
      const comments = target.sheet.comments;
      const at = comments.indexOf(existing(target));
      comments.splice(at, 1);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getLocation()`,
      child(this, (target) => {
        this.context.excel.requireApi(COMMENTS_API, "Comment.getLocation");
        return { sheet: target.sheet, rect: rectOf(existing(target).key) };
      }),
    );
  }
}

/** The comment a proxy points at, or ItemNotFound once it was deleted. */
function existing(target: CommentTarget): FakeComment {
  const comment = target.sheet.comments.find((c) => c.id === target.id);
  if (comment === undefined) throw new FakeRichApiError("ItemNotFound", "The comment was deleted.");
  return comment;
}
