import { makeStyles, tokens } from "@fluentui/react-components";
import type { CSSProperties } from "react";
import { columnLetters, type PreviewCell, type PreviewSheet } from "./previewSheet";

const gridLine = "1px solid #D4D4D4";
const headerFill = "#F3F3F3";

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: "#FFFFFF",
    maxHeight: "70vh",
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
    width: "36px",
  },
  columnHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: headerFill,
    color: tokens.colorNeutralForeground3,
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
    color: tokens.colorNeutralForeground3,
    fontWeight: "normal",
    textAlign: "center",
    borderRight: gridLine,
    borderBottom: gridLine,
  },
  cell: {
    borderRight: gridLine,
    borderBottom: gridLine,
    padding: "2px 4px",
    verticalAlign: "top",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
  },
});

function cellStyle(cell: PreviewCell): CSSProperties {
  return {
    backgroundColor: cell.fill ?? undefined,
    color: cell.fontColor ?? undefined,
    fontWeight: cell.bold ? 600 : undefined,
    whiteSpace: cell.wrap ? "pre-wrap" : undefined,
    textAlign: cell.align ?? (cell.numeric ? "right" : undefined),
  };
}

/**
 * One worksheet drawn as an HTML table with Excel's column letters and row numbers, so people can
 * see what the add-in writes without Excel. Full cell text is in each cell's tooltip.
 *
 * @example
 * <SheetTable sheet={toPreviewSheet(book.sheet("附件1 任务清单")!)!} />
 */
export function SheetTable({ sheet }: { readonly sheet: PreviewSheet }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <table className={styles.table} aria-label={sheet.name} data-sheet={sheet.name}>
        <colgroup>
          <col style={{ width: "36px" }} />
          {sheet.columnWidths.map((width, c) => (
            <col key={c} style={{ width: `${width}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={styles.corner} />
            {sheet.columnWidths.map((_, c) => (
              <th key={c} scope="col" className={styles.columnHeader}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row" className={styles.rowHeader}>
                {r + 1}
              </th>
              {row.map((cell, c) => (
                <td key={c} className={styles.cell} style={cellStyle(cell)} title={cell.text || undefined}>
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
