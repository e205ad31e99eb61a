import { saveBytesAsDownload } from "../saveBytesAsDownload";
import type { Plan } from "../../core/plan/planSchema";
import type { MemoryWorkbook } from "../../hosts/memory/memoryWorkbook";
import { sequentialUpdate, type WorkbookPort } from "../../workbook/port";
import { columnLetters } from "../../workbook/a1";
import { localToday, noStoredSettings, type PaneHost, type StoredSettings } from "../paneHost";
import { currentRegion } from "./currentRegion";

/** What the preview page learns from the pane's host. */
export interface PreviewHostEvents {
  /** The workbook was written (generated, marked, summarised): draw it again. */
  readonly onWritten: () => void;
  /** The pane selected a cell: show its sheet and select it in the grid. */
  readonly onSelect: (sheet: string, cell: string) => void;
  /** The sheet shown and its active cell (zero-based), for 导入监测数据's "use the selection". */
  readonly active?: () => { readonly sheet: string; readonly row: number; readonly col: number } | null;
}

/**
 * The pane's host in the browser preview: the in-memory workbook as its port, cell selection in
 * the preview's grid, and settings kept beside the workbook (as Office keeps document settings in
 * the file). The engine and the plan arrive as a chunk after the first paint, as in Excel.
 *
 * @example
 * const host = previewPaneHost(book, { onWritten: redraw, onSelect: select });
 */
export function previewPaneHost(
  book: MemoryWorkbook,
  loadPlan: () => Promise<Plan>,
  events: PreviewHostEvents,
): PaneHost {
  let stored: StoredSettings = noStoredSettings;
  const read: WorkbookPort["read"] = (names, options) => book.port.read(names, options);
  const write: WorkbookPort["write"] = async (batch) => {
    await book.port.write(batch);
    events.onWritten();
  };
  const port: WorkbookPort = {
    read,
    write,
    update: sequentialUpdate(read, write),
    features: book.port.features,
  };
  return {
    connect: async () => {
      const [workflow, plan] = await Promise.all([
        import(/* webpackChunkName: "preview-engine" */ "../workflow/paneWorkbook.js"),
        loadPlan(),
      ]);
      return workflow.createPaneWorkbook(port, plan);
    },
    selectCell: (sheet, cell) => {
      if (!book.sheet(sheet)) return Promise.reject(new Error(`There is no sheet named "${sheet}".`));
      events.onSelect(sheet, cell);
      return Promise.resolve();
    },
    settings: {
      load: () => Promise.resolve(stored),
      save: (next) => {
        stored = next;
        return Promise.resolve();
      },
    },
    today: () => localToday(),
    saveFile: (bytes, fileName, type) => {
      saveBytesAsDownload(bytes, fileName, type);
      return Promise.resolve("saved");
    },
    // The grid selects one cell: the selection is the block around it, as Excel's current region.
    readSelection: () => {
      const at = events.active?.() ?? null;
      const sheet = at === null ? undefined : book.sheet(at.sheet);
      const rect = at === null || sheet === undefined ? null : currentRegion(sheet, at.row, at.col);
      if (at === null || sheet === undefined || rect === null) {
        return Promise.resolve({ sheet: at?.sheet ?? "", address: "", values: [] });
      }
      const last = `${columnLetters(rect.col + rect.colCount - 1)}${rect.row + rect.rowCount}`;
      const address = `${sheet.name}!${columnLetters(rect.col)}${rect.row + 1}:${last}`;
      return Promise.resolve({ sheet: sheet.name, address, values: sheet.valuesOf(rect) });
    },
  };
}
