import { makeStyles, tokens } from "@fluentui/react-components";
import type { CSSProperties } from "react";
import { columnLetters, type PreviewCell, type PreviewSheet } from "./previewSheet";

const gridLine = "1px solid #D4D4D4";
const headerFill = "#F3F3F3";
/** The row-number column, in pixels. */
const rowHeaderWidth = 36;

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: "#FFFFFF",
    // The banner and the sheet tabs take about 110 px; the grid fills the rest of the window.
    maxHeight: "calc(100vh - 110px)",
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
    overflow: cell.overflows ? "visible" : undefined,
    textOverflow: cell.overflows ? "clip" : undefined,
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
  // A fixed-layout table takes its column widths from <col> only when its own width is set.
  const tableWidth = rowHeaderWidth + sheet.columnWidths.reduce((sum, width) => sum + width, 0);
  return (
    <div className={styles.scroller}>
      <table
        className={styles.table}
        style={{ width: `${tableWidth}px` }}
        aria-label={sheet.name}
        data-sheet={sheet.name}
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
