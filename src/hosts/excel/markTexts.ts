/**
 * Marks: the notes (ExcelApi 1.18) or comments (1.10) that carry a validation mark's messages —
 * counting and surveying those a sheet holds, and the steps that clear the add-in's old ones and
 * write the new, never touching a user's.
 */
import { utf8Bytes } from "./officeRequestPlanner";
import { a1Cell, containsCell } from "./rectGeometry";
import { cosmeticStep, dataStep, type Step } from "./writeStep";
import type { SheetPatch } from "../../workbook/port";
import { isAddInNote } from "../../workbook/port";
import type { MarkTexts } from "./requirementSets";

/** A cell note (or comment) as the write found it. */
export interface NoteFact {
  readonly row: number;
  readonly col: number;
  readonly content: string;
  /** A comment's id, by which it is found again (Comment has no address of its own); null for a note. */
  readonly id: string | null;
}

/** A kind of cell text: a note (ExcelApi 1.18) or a comment thread (1.10). */
export type MarkKind = NonNullable<MarkTexts>;

/**
 * The cell texts surveyed where the marks are of the given kind. Where they are notes, comments
 * too: a cell holds a note or a comment, never both (see noteSteps), so a cell with a user's
 * comment takes no note, and the survey says which cells those are. Where the marks are comments,
 * those alone: notes cannot be read below ExcelApi 1.18.
 */
export function surveyedKinds(kind: MarkKind): readonly MarkKind[] {
  return kind === "notes" ? ["notes", "comments"] : ["comments"];
}

/** How many of each surveyed kind (see surveyedKinds) a sheet holds, in that order. */
export type MarkCounts = readonly number[];

/** Counts queued in one batch; `value` is read after the sync. */
export interface MarkCountLoad {
  readonly value: MarkCounts;
}

/** How many notes and comments (see surveyedKinds) the sheet holds; a null sheet's collections count 0. */
export function countMarkTexts(sheet: Excel.Worksheet, kind: MarkKind): MarkCountLoad {
  const counts = surveyedKinds(kind).map((k) =>
    k === "notes" ? sheet.notes.getCount() : sheet.comments.getCount(),
  );
  return {
    get value() {
      return counts.map((count) => count.value);
    },
  };
}

/** Queues the load of every note and comment the counts say the sheet holds (see loadMarkTextAt). */
export function loadMarkTexts(
  sheet: Excel.Worksheet,
  kind: MarkKind,
  counts: MarkCounts,
): (() => NoteFact)[] {
  return surveyedKinds(kind).flatMap((k, i) =>
    Array.from({ length: counts[i] ?? 0 }, (_, index) => loadMarkTextAt(sheet, k, index)),
  );
}

/**
 * Queues the load of the sheet's index-th note (or comment): its text, its cell and, for a comment,
 * its id. The returned function reads them after the sync.
 */
function loadMarkTextAt(sheet: Excel.Worksheet, kind: MarkKind, index: number): () => NoteFact {
  if (kind === "notes") {
    const note = sheet.notes.getItemAt(index);
    note.load("content");
    const cell = note.getLocation();
    cell.load("rowIndex,columnIndex");
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- read only when called, after the caller's sync; the rules cannot follow a returned function.
    return () => ({ row: cell.rowIndex, col: cell.columnIndex, content: note.content, id: null });
  }
  const comment = sheet.comments.getItemAt(index);
  comment.load("content,id");
  const cell = comment.getLocation();
  cell.load("rowIndex,columnIndex");
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- as for notes above.
  return () => ({ row: cell.rowIndex, col: cell.columnIndex, content: comment.content, id: comment.id });
}

/**
 * Every note (or comment) of the sheets whose patches clear or add marks, with its cell and text:
 * one sync for all of them, however many there are (each by its position, known from the count).
 */
export async function surveyNotes(
  context: Excel.RequestContext,
  kind: NonNullable<MarkTexts>,
  counts: ReadonlyMap<string, MarkCounts>,
  sync: (context: Excel.RequestContext) => Promise<void>,
): Promise<Map<string, readonly NoteFact[]>> {
  const survey = new Map<string, readonly NoteFact[]>();
  const pending: { sheet: string; fact: () => NoteFact }[] = [];
  for (const [sheet, count] of counts) {
    survey.set(sheet, []);
    const worksheet = context.workbook.worksheets.getItem(sheet);
    for (const fact of loadMarkTexts(worksheet, kind, count)) pending.push({ sheet, fact });
  }
  if (pending.length === 0) return survey;
  await sync(context);
  for (const { sheet, fact } of pending) survey.set(sheet, [...(survey.get(sheet) ?? []), fact()]);
  return survey;
}

/**
 * Removes the add-in's notes (or comments) inside `clearNotes` and writes the new ones. A note is
 * addressed by its cell, a comment by the id the survey loaded, so removing one never shifts
 * another. A cell keeps one note, or one comment thread (a second `comments.add` on it fails,
 * https://github.com/OfficeDev/office-js/issues/1416), and never both: Excel's own UI offers a cell
 * that has a note no new comment and one that has a comment no new note (Excel's observed
 * behaviour; the Office.js reference does not say what `add` does there, and the fake refuses it).
 * Where the add-in's old one stays (outside `clearNotes`) its text is replaced; where a user's note
 * or comment is, the user's stays and the add-in's is not written (the fill and the task pane's
 * list still show the problem). For a user's comment that means no reply either: a reply would sit
 * in the user's conversation under the user's own name (Excel signs comments with the signed-in
 * user), notify whoever takes part in it, and could be cleared next time only by deleting inside
 * the user's thread.
 *
 * Where the marks are notes the survey holds the patched sheets' comments too (see
 * surveyedKinds), so a user's comment on a problem cell is seen and its note skipped: adding notes
 * stays data, as nothing Excel would refuse is left to foresee. The add-in's own comments an
 * Excel without notes wrote earlier are removed inside `clearNotes` like its notes, so the cell
 * takes a note now. The comments added or rewritten where the marks are comments are finishing,
 * not data: an Excel without notes cannot tell the add-in which cells hold a user's note (notes are
 * read from ExcelApi 1.18 on), so Excel may refuse one the add-in cannot foresee; the fills and
 * the list already carry that mark, and such a refusal is reported (a cosmetic failure), not a
 * failed validation. Removing the add-in's old comments stays data, like every other clearing.
 */
export function noteSteps(
  patch: SheetPatch,
  existing: readonly NoteFact[],
  kind: NonNullable<MarkTexts>,
): Step[] {
  const name = patch.sheet;
  const steps: Step[] = [];
  const clear = patch.clearNotes;
  const remaining = new Map<string, NoteFact>();
  for (const note of existing) {
    const cell = a1Cell(note.row, note.col);
    if (clear !== null && containsCell(clear, note.row, note.col) && isAddInNote(note.content)) {
      const id = note.id;
      steps.push(
        id !== null
          ? dataStep(2, utf8Bytes(id), (scope) => {
              scope.sheet(name).comments.getItem(id).delete();
            })
          : dataStep(2, utf8Bytes(cell), (scope) => {
              scope.sheet(name).notes.getItem(cell).delete();
            }),
      );
    } else remaining.set(cell, note);
  }
  const wanted = new Map(patch.notes.map((note) => [a1Cell(note.row, note.col), note]));
  for (const [cell, note] of wanted) {
    const there = remaining.get(cell);
    const id = there?.id ?? null;
    if (there === undefined) {
      steps.push(
        kind === "comments"
          ? cosmeticStep(2, utf8Bytes(note.text), (scope) => {
              const sheet = scope.sheet(name);
              // A Range, not a string: a string must name the sheet as well (CommentCollection.add).
              sheet.comments.add(sheet.getRangeByIndexes(note.row, note.col, 1, 1), note.text);
            })
          : dataStep(2, utf8Bytes(note.text), (scope) => {
              const sheet = scope.sheet(name);
              sheet.notes.add(sheet.getRangeByIndexes(note.row, note.col, 1, 1), note.text);
            }),
      );
    } else if (isAddInNote(there.content)) {
      const rewrite = kind === "comments" ? cosmeticStep : dataStep;
      steps.push(
        id !== null
          ? rewrite(2, utf8Bytes(note.text + id), (scope) => {
              scope.sheet(name).comments.getItem(id).content = note.text;
            })
          : dataStep(2, utf8Bytes(note.text), (scope) => {
              scope.sheet(name).notes.getItem(cell).content = note.text;
            }),
      );
    }
  }
  return steps;
}
