import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { ReportIssue } from "../../workbook/validate/validationReport";
import type { TaskPaneMessages } from "../messages/taskPaneMessages";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: "50vh",
    overflowY: "auto",
    overflowX: "hidden",
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  mark: {
    width: "8px",
    height: "8px",
    borderRadius: "50%",
    marginTop: "6px",
    // Forced colours (Windows high contrast) drop backgrounds; a border keeps the dot.
    border: "1px solid transparent",
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder2),
  },
  warning: {
    backgroundColor: tokens.colorPaletteMarigoldBackground3,
    ...shorthands.borderColor(tokens.colorPaletteMarigoldBorder2),
  },
  where: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  message: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/**
 * The issues as a listbox: each shows its severity, its sheet and cell, and the message. Arrow keys,
 * Home and End move through the list; Enter, Space or a click selects the issue's cell through
 * `onSelect`. Focus moves with the active issue (roving tabindex), so a screen reader reads each one.
 *
 * @example
 * <IssueList issues={report.issues} text={taskPaneMessages("zh-CN")} onSelect={(i) => selectCell(i.sheet, i.cell)} />
 */
export function IssueList({
  issues,
  text,
  onSelect,
  describedBy,
}: {
  readonly issues: readonly ReportIssue[];
  readonly text: TaskPaneMessages;
  readonly onSelect: (issue: ReportIssue) => void;
  readonly describedBy?: string;
}) {
  const styles = useStyles();
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const moved = useRef(false);
  const current = Math.min(active, issues.length - 1);

  useEffect(() => {
    // Only keys move focus; a new list (other filters) keeps focus where the user put it.
    if (moved.current) items.current[current]?.focus();
    moved.current = false;
  }, [current]);

  const move = (to: number) => {
    moved.current = true;
    setActive(Math.max(0, Math.min(issues.length - 1, to)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    switch (event.key) {
      case "ArrowDown":
        move(current + 1);
        break;
      case "ArrowUp":
        move(current - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(issues.length - 1);
        break;
      case "Enter":
      case " ": {
        const issue = issues[current];
        if (issue) onSelect(issue);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <ul
      role="listbox"
      aria-label={text.results.listLabel}
      aria-describedby={describedBy}
      className={styles.list}
      onKeyDown={onKeyDown}
    >
      {issues.map((issue, index) => {
        const where = text.results.where(issue.sheet, issue.cell);
        const severity = text.results.severity[issue.severity];
        return (
          <li
            key={`${issue.sheet}|${issue.cell}|${issue.code}|${index}`}
            ref={(element) => {
              items.current[index] = element;
            }}
            role="option"
            aria-selected={index === current}
            aria-label={`${severity} ${where}: ${issue.message}`}
            tabIndex={index === current ? 0 : -1}
            className={mergeClasses(styles.item, index === current && styles.active)}
            data-cell={issue.cell}
            data-code={issue.code}
            data-sheet={issue.sheet}
            onClick={() => {
              setActive(index);
              onSelect(issue);
            }}
          >
            <span
              className={mergeClasses(
                styles.mark,
                issue.severity === "error" ? styles.error : styles.warning,
              )}
              aria-hidden="true"
            />
            <span>
              <span className={styles.where}>
                {severity} · {where}
              </span>
              <br />
              <span className={styles.message}>{issue.message}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
