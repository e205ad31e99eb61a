import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
} from "react";
import type { TaskPaneMessages } from "../messages/taskPaneMessages";
import type { DataValidationVerdict } from "./checkDataValidation";
import { columnLetters, type PreviewCell, type PreviewSheet } from "./previewSheet";
import { ValidationAlert } from "./ValidationAlert";

const gridLine = "1px solid #D4D4D4";
const headerFill = "#F3F3F3";
/** The row-number column, in pixels. */
const rowHeaderWidth = 40;

/** A cell by its zero-based row and column. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** A1 address of a zero-based position. */
export function addressOf({ row, col }: CellPosition): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** The zero-based position of an A1 address ("C5"); null for anything else. */
export function positionOf(address: string): CellPosition | null {
  const match = /^([A-Z]{1,3})(\d{1,7})$/u.exec(address.trim().toUpperCase());
  if (!match) return null;
  const [, letters, digits] = match as unknown as [string, string, string];
  let col = 0;
  for (const letter of letters) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(digits) - 1, col: col - 1 };
}

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: "#FFFFFF",
    color: "#201F1E",
    minHeight: "200px",
    flexGrow: 1,
    "@media (max-width: 920px)": { flexGrow: 0, height: "55vh" },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: `"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", ${tokens.fontFamilyBase}`,
    fontSize: "12px",
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: headerFill,
    borderRight: gridLine,
    borderBottom: gridLine,
  },
  columnHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: headerFill,
    color: "#605E5C",
    fontWeight: "normal",
    borderRight: gridLine,
    borderBottom: gridLine,
    padding: "2px 4px",
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: headerFill,
    color: "#605E5C",
    fontWeight: "normal",
    textAlign: "center",
    borderRight: gridLine,
    borderBottom: gridLine,
  },
  activeHeader: { backgroundColor: "#D2D0CE", color: "#201F1E" },
  cell: {
    position: "relative",
    borderRight: gridLine,
    borderBottom: gridLine,
    padding: "2px 4px",
    height: "20px",
    verticalAlign: "top",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  noted: {
    // Excel's red triangle in the top-right corner of a cell with a note.
    "::after": {
      content: '""',
      position: "absolute",
      top: 0,
      right: 0,
      borderTop: "6px solid #C50F1F",
      borderLeft: "6px solid transparent",
    },
  },
  editor: {
    position: "absolute",
    zIndex: 4,
    boxSizing: "border-box",
    margin: 0,
    padding: "1px 3px",
    border: "2px solid #107C41",
    fontFamily: "inherit",
    fontSize: "12px",
    outlineStyle: "none",
    backgroundColor: "transparent",
    color: "transparent",
    caretColor: "transparent",
  },
  // Not editing, clicks go to the cell under the box (a click selects; a double click edits).
  idle: { pointerEvents: "none" },
  editing: {
    backgroundColor: "#FFFFFF",
    color: "#201F1E",
    caretColor: "#201F1E",
    boxShadow: "0 2px 6px rgba(0, 0, 0, 0.25)",
  },
});

function cellStyle(cell: PreviewCell): CSSProperties {
  return {
    backgroundColor: cell.fill ?? undefined,
    color: cell.fontColor ?? undefined,
    fontWeight: cell.bold ? 600 : undefined,
    whiteSpace: cell.wrap ? "pre-wrap" : undefined,
    overflow: cell.overflows ? "visible" : undefined,
    textOverflow: cell.overflows ? "clip" : undefined,
    textAlign: cell.align ?? (cell.numeric ? "right" : undefined),
  };
}

/** How the editor holds the active cell: not editing, typing over it (arrows commit), or editing it (F2). */
type EditMode = "none" | "enter" | "edit";

export interface SheetGridProps {
  readonly sheet: PreviewSheet;
  readonly active: CellPosition;
  readonly onActivate: (position: CellPosition) => void;
  /** A user typed `text` into the cell and confirmed it. */
  readonly onCommit: (position: CellPosition, text: string) => void;
  /** A user pasted rows of cells with the top-left at `position`. */
  readonly onPaste: (position: CellPosition, text: string) => void;
  /** The grid's accessible name and the hint on its keys. */
  readonly label: string;
  readonly hint: string;
  /** Dropdown choices for a cell (its data validation list), offered while typing. */
  readonly choicesAt?: (position: CellPosition) => readonly string[];
  /** What the cell's data validation says of typed text; none: everything goes in. */
  readonly checkEntry?: (position: CellPosition, text: string) => DataValidationVerdict;
  /** The buttons of the data validation alert, in the user's language. */
  readonly alertText: TaskPaneMessages["preview"]["validationAlert"];
  /**
   * Changes when something outside the grid selects a cell for the user to work on (an issue in
   * the pane): the grid takes the keyboard focus at the active cell, so typing replaces it.
   */
  readonly focusRequest?: number;
}

/** Typed text the cell's data validation refused, waiting for the user's answer in the alert. */
interface PendingEntry {
  readonly refusal: Extract<DataValidationVerdict, { kind: "refused" }>;
  readonly position: CellPosition;
  readonly text: string;
  /** Where confirming would have moved (Enter: down, Tab: right; none for a click elsewhere). */
  readonly then: CellPosition | null;
}

/**
 * One worksheet of the in-memory workbook as an editable grid with Excel's keys: arrow keys move,
 * typing replaces the cell, Enter and Tab confirm and move (Shift goes back), F2 or a double click
 * edits the value in place, Escape cancels, Delete clears, Ctrl+V pastes a tab-separated block,
 * Ctrl+C copies the cell. A typed value the cell's data validation refuses is held back with
 * Excel's alert (stop: 重试 or 取消; warning: 是否继续？). Fills, fonts and notes are drawn as the
 * add-in wrote them; a red corner marks a note. One text box follows the active cell and holds the
 * keyboard focus, so typing through an input method (Chinese) works as in any text box.
 *
 * @example
 * <SheetGrid sheet={sheet} active={{ row: 3, col: 0 }} onActivate={setActive} onCommit={write} onPaste={paste} label="监测数据" hint="…" />
 */
export function SheetGrid({
  sheet,
  active,
  onActivate,
  onCommit,
  onPaste,
  label,
  hint,
  choicesAt,
  checkEntry,
  alertText,
  focusRequest,
}: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const editor = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<EditMode>("none");
  const [draft, setDraft] = useState("");
  const [box, setBox] = useState<CSSProperties>({ display: "none" });
  const [pending, setPending] = useState<PendingEntry | null>(null);
  // The alert takes the focus, which blurs the editor: a blur then must not confirm the entry again.
  const pendingRef = useRef<PendingEntry | null>(null);
  pendingRef.current = pending;
  const rowCount = sheet.rows.length;
  const colCount = sheet.columnWidths.length;
  const activeCell = sheet.rows[active.row]?.[active.col];
  const activeText = activeCell?.text ?? "";
  const choices = choicesAt?.(active) ?? [];
  const listId = `wp-grid-choices-${sheet.name.replace(/\W/gu, "_")}`;

  // The editor sits over the active cell; the cell is scrolled into view as Excel does.
  useLayoutEffect(() => {
    const td = scroller.current?.querySelector<HTMLTableCellElement>(`td[data-cell="${addressOf(active)}"]`);
    if (!td) {
      setBox({ display: "none" });
      return;
    }
    td.scrollIntoView({ block: "nearest", inline: "nearest" });
    setBox({
      left: `${td.offsetLeft - 1}px`,
      top: `${td.offsetTop - 1}px`,
      minWidth: `${td.offsetWidth + 2}px`,
      width: mode === "none" ? `${td.offsetWidth + 2}px` : `${Math.max(td.offsetWidth + 2, 160)}px`,
      height: `${td.offsetHeight + 2}px`,
    });
  }, [active, sheet, mode]);

  // Moving to another cell or sheet drops an edit that was not confirmed.
  useEffect(() => {
    setMode("none");
    setDraft("");
  }, [active.row, active.col, sheet.name]);

  // Selected from outside (an issue in the pane): the keyboard comes to the cell, as in Excel after
  // a click on it, so that typing replaces the value.
  useEffect(() => {
    if (focusRequest === undefined || focusRequest === 0) return;
    editor.current?.focus({ preventScroll: true });
  }, [focusRequest]);

  const clamp = (dRow: number, dCol: number): CellPosition => ({
    row: Math.max(0, Math.min(rowCount - 1, active.row + dRow)),
    col: Math.max(0, Math.min(colCount - 1, active.col + dCol)),
  });

  /**
   * Confirms the entry being typed, if any, as Excel does on Enter, Tab, an arrow or a click
   * elsewhere: in when the cell's data validation allows it, else held back with the alert (and
   * false returned, so the selection stays on the cell).
   */
  const confirm = (then: CellPosition | null): boolean => {
    if (mode === "none") return true;
    const verdict = checkEntry?.(active, draft);
    if (verdict?.kind === "refused") {
      setPending({ refusal: verdict, position: active, text: draft, then });
      return false;
    }
    onCommit(active, draft);
    setMode("none");
    setDraft("");
    return true;
  };

  const commit = (dRow: number, dCol: number) => {
    const then = clamp(dRow, dCol);
    if (confirm(then)) onActivate(then);
  };

  const answerAlert = (answer: "retry" | "cancel" | "accept") => {
    const entry = pendingRef.current;
    setPending(null);
    editor.current?.focus();
    if (entry === null) return;
    switch (answer) {
      case "retry":
        // Back to the cell with the text typed, selected, as Excel's 重试 leaves it.
        setMode("edit");
        setDraft(entry.text);
        requestAnimationFrame(() => editor.current?.select());
        break;
      case "cancel":
        setMode("none");
        setDraft("");
        break;
      case "accept":
        onCommit(entry.position, entry.text);
        setMode("none");
        setDraft("");
        if (entry.then) onActivate(entry.then);
        break;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const shift = event.shiftKey;
    switch (event.key) {
      case "Enter":
        commit(shift ? -1 : 1, 0);
        break;
      case "Tab":
        commit(0, shift ? -1 : 1);
        break;
      case "Escape":
        if (mode === "none") return;
        setMode("none");
        setDraft("");
        break;
      case "F2":
        setMode("edit");
        setDraft(activeText);
        break;
      case "ArrowUp":
      case "ArrowDown":
      case "ArrowLeft":
      case "ArrowRight": {
        // While editing (F2) the arrows move the caret; otherwise they confirm and move, as in Excel.
        if (mode === "edit") return;
        const step: Readonly<Record<typeof event.key, readonly [number, number]>> = {
          ArrowUp: [-1, 0],
          ArrowDown: [1, 0],
          ArrowLeft: [0, -1],
          ArrowRight: [0, 1],
        };
        commit(...step[event.key]);
        break;
      }
      case "Delete":
      case "Backspace":
        if (mode !== "none") return;
        onCommit(active, "");
        break;
      case "Home":
        if (mode !== "none") return;
        onActivate({ row: event.ctrlKey ? 0 : active.row, col: 0 });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onPasteEvent = (event: ClipboardEvent<HTMLInputElement>) => {
    if (mode !== "none") return;
    const text = event.clipboardData.getData("text/plain");
    if (text === "") return;
    event.preventDefault();
    onPaste(active, text);
  };

  const onCopyEvent = (event: ClipboardEvent<HTMLInputElement>) => {
    if (mode !== "none") return;
    event.preventDefault();
    event.clipboardData.setData("text/plain", activeText);
  };

  const tableWidth = rowHeaderWidth + sheet.columnWidths.reduce((sum, width) => sum + width, 0);
  const describe = `${addressOf(active)} ${activeText}${activeCell?.note ? `. ${activeCell.note}` : ""}`;

  return (
    <div className={styles.scroller} ref={scroller} data-grid={sheet.name}>
      <table
        className={styles.table}
        style={{ width: `${tableWidth}px` }}
        aria-label={label}
        data-sheet={sheet.name}
        role="grid"
        aria-rowcount={rowCount}
        aria-colcount={colCount}
      >
        <colgroup>
          <col style={{ width: `${rowHeaderWidth}px` }} />
          {sheet.columnWidths.map((width, c) => (
            <col key={c} style={{ width: `${width}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={styles.corner} />
            {sheet.columnWidths.map((_, c) => (
              <th
                key={c}
                scope="col"
                className={mergeClasses(styles.columnHeader, c === active.col && styles.activeHeader)}
              >
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row, r) => (
            <tr key={r}>
              <th
                scope="row"
                className={mergeClasses(styles.rowHeader, r === active.row && styles.activeHeader)}
              >
                {r + 1}
              </th>
              {row.map((cell, c) =>
                cell.covered ? null : (
                  <td
                    key={c}
                    colSpan={cell.span === null || cell.span.cols === 1 ? undefined : cell.span.cols}
                    rowSpan={cell.span === null || cell.span.rows === 1 ? undefined : cell.span.rows}
                    role="gridcell"
                    aria-selected={r === active.row && c === active.col}
                    className={mergeClasses(styles.cell, cell.note !== null && styles.noted)}
                    style={cellStyle(cell)}
                    title={cell.note ?? (cell.text || undefined)}
                    data-cell={addressOf({ row: r, col: c })}
                    data-note={cell.note === null ? undefined : "true"}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      // A click elsewhere confirms what was typed, as in Excel (unless it is refused).
                      if (confirm({ row: r, col: c })) onActivate({ row: r, col: c });
                      editor.current?.focus();
                    }}
                    onDoubleClick={() => {
                      setMode("edit");
                      setDraft(cell.text);
                      editor.current?.focus();
                    }}
                  >
                    {cell.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <input
        ref={editor}
        className={mergeClasses(styles.editor, mode === "none" ? styles.idle : styles.editing)}
        style={box}
        value={mode === "none" ? "" : draft}
        aria-label={describe}
        aria-describedby={`${listId}-hint`}
        data-editor={mode}
        autoComplete="off"
        spellCheck={false}
        list={choices.length > 0 ? listId : undefined}
        onChange={(event) => {
          // Typing over the cell (or an input method's text) starts an entry, as in Excel.
          if (mode === "none") setMode("enter");
          setDraft(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onPaste={onPasteEvent}
        onCopy={onCopyEvent}
        onBlur={() => {
          if (mode !== "none" && pendingRef.current === null) commit(0, 0);
        }}
      />
      <span id={`${listId}-hint`} hidden>
        {hint}
      </span>
      <ValidationAlert
        refusal={pending?.refusal ?? null}
        text={alertText}
        onRetry={() => {
          answerAlert("retry");
        }}
        onCancel={() => {
          answerAlert("cancel");
        }}
        onAccept={() => {
          answerAlert("accept");
        }}
      />
      {choices.length > 0 ? (
        <datalist id={listId}>
          {choices.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
