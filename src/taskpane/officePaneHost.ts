/**
 * The task pane's host inside Excel, part of its composition root (index.tsx): the only pane code
 * that touches the `Office` and `Excel` globals. It selects cells, reads the selected range (for
 * 导入监测数据), keeps the pane's settings in the workbook's document settings, reads Office's
 * theme, opens 使用说明 in the user's browser (OpenBrowserWindowApi 1.1, where the running Office
 * has it: `Office.context.ui.openBrowserWindow`), and loads the Office.js workbook port with the engine and the plan as a chunk after the
 * first paint.
 */
import { readSelection } from "../hosts/excel/readSelection";
import { HostError } from "../hosts/hostError";
import { saveBytesAsDownload } from "./saveBytesAsDownload";
import type { PaneTheme } from "./App";
import {
  localToday,
  type PaneHost,
  type SelectedCells,
  type SettingsStore,
  type StoredSettings,
} from "./paneHost";
import type { PaneWorkbook } from "./workflow/paneWorkbook";

/**
 * Activates the sheet and selects the cell, as the user's click on an issue asks; "" selects A1.
 * One Excel.run with one sync; Excel's refusal (a deleted sheet, a protected one) becomes a HostError.
 *
 * @example
 * await selectCellInExcel("监测数据", "C5");
 */
export async function selectCellInExcel(sheet: string, cell: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell === "" ? "A1" : cell).select();
      await context.sync();
    });
  } catch (cause) {
    throw new HostError("excel_rejected", cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * The range the user selected, as values, for 导入监测数据 (an export pasted into any sheet): read
 * by the Office host in row chunks under Excel on the web's payload limit (readSelection), so a
 * year of 4-hourly rows takes a few syncs, not one response Excel refuses. Excel's refusal becomes
 * a HostError.
 *
 * @example
 * const { values } = await readSelectionInExcel();
 */
export async function readSelectionInExcel(): Promise<SelectedCells> {
  try {
    const read = await Excel.run((context) => readSelection(context));
    return { sheet: read.sheet, address: read.address, values: read.values };
  } catch (cause) {
    if (cause instanceof HostError) throw cause;
    throw new HostError("excel_rejected", cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** Keys of the pane's settings in the workbook's document settings (kept per add-in by Office). */
const settingKeys = { asOf: "waterPlan.asOf", language: "waterPlan.language" } as const;

/**
 * The pane's settings in `Office.context.document.settings`: Office saves them inside the workbook
 * (in the add-in's web extension part), so everyone who opens the file with the add-in sees them,
 * and saving them writes no cell, so it never collides with what a user is typing.
 */
export const officeSettingsStore: SettingsStore = {
  load: () => {
    const settings = Office.context.document.settings;
    const asOf: unknown = settings.get(settingKeys.asOf);
    const language: unknown = settings.get(settingKeys.language);
    const stored: StoredSettings = {
      asOf: typeof asOf === "string" && /^\d{4}-\d{2}-\d{2}$/u.test(asOf) ? asOf : null,
      language: language === "zh-CN" || language === "en-US" ? language : null,
    };
    return Promise.resolve(stored);
  },
  save: (stored) =>
    new Promise<void>((resolve, reject) => {
      const settings = Office.context.document.settings;
      for (const key of ["asOf", "language"] as const) {
        const value = stored[key];
        if (value === null) settings.remove(settingKeys[key]);
        else settings.set(settingKeys[key], value);
      }
      settings.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
        else reject(new HostError("excel_rejected", result.error.message, { cause: result.error }));
      });
    }),
};

/** Whether a "#RRGGBB" colour is dark (relative luminance under one half). */
function isDark(hex: string): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(hex.trim());
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/**
 * The theme the pane follows: the system's high contrast where it is on (forced colours), else
 * dark or light after Office's theme (File › Account › Office Theme), light where Office says nothing.
 */
export function officePaneTheme(): PaneTheme {
  if (typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches) {
    return "contrast";
  }
  const theme = (Office.context as { officeTheme?: Office.OfficeTheme }).officeTheme;
  return theme && isDark(theme.bodyBackgroundColor) ? "dark" : "light";
}

/**
 * The requirement set that brings `Office.context.ui.openBrowserWindow`. Asked at run time: where
 * Office lacks it, the pane's help link opens a window of its own (`target="_blank"`).
 */
export const openBrowserWindowApi = { name: "OpenBrowserWindowApi", version: "1.1" } as const;

/**
 * `openBrowserWindow` where the running Office supports it, else null.
 *
 * @example
 * officeBrowserWindow()?.("https://wp.example.gov.cn/water-plan/help.html");
 */
export function officeBrowserWindow(): ((url: string) => void) | null {
  if (!Office.context.requirements.isSetSupported(openBrowserWindowApi.name, openBrowserWindowApi.version)) {
    return null;
  }
  return (url) => {
    Office.context.ui.openBrowserWindow(url);
  };
}

/** A workbook whose actions refuse at once: the running Excel lacks the API set the add-in needs. */
function unsupported(workbook: PaneWorkbook, needed: string): PaneWorkbook {
  const refuse = () => Promise.reject(new HostError("api_unsupported", `ExcelApi ${needed}`));
  return {
    ...workbook,
    generate: refuse,
    validate: refuse,
    importMonitoring: refuse,
    split: refuse,
    mergeReturns: refuse,
  };
}

/**
 * The pane's host in Excel.
 *
 * @example
 * createRoot(container).render(<App locale={locale} host={officePaneHost()} chunks={paneChunks} />);
 */
export function officePaneHost(): PaneHost {
  const openInBrowser = officeBrowserWindow();
  return {
    ...(openInBrowser ? { openInBrowser } : {}),
    connect: async () => {
      const [office, workflow, plans] = await Promise.all([
        import(/* webpackChunkName: "pane-engine" */ "../hosts/excel/officeWorkbookPort.js"),
        import(/* webpackChunkName: "pane-engine" */ "./workflow/paneWorkbook.js"),
        import(/* webpackChunkName: "pane-engine" */ "../core/plan/builtinPlans.js"),
      ]);
      // Finishing Excel refused (print set-up, widths, …) reaches the pane as a warning, not a failure.
      const cosmetic = new workflow.CosmeticFailureRelay();
      const port = office.createOfficeWorkbookPort((batch) => Excel.run(batch), {
        onCosmeticFailure: cosmetic.report,
      });
      const workbook = workflow.createPaneWorkbook(port, plans.liuzhou2023Plan, undefined, cosmetic);
      // Older Excel builds load the pane but lack print titles (ExcelApi 1.9): say so instead of failing midway.
      const supported = Office.context.requirements.isSetSupported("ExcelApi", office.requiredExcelApi);
      return supported ? workbook : unsupported(workbook, office.requiredExcelApi);
    },
    selectCell: selectCellInExcel,
    settings: officeSettingsStore,
    today: () => localToday(),
    readSelection: readSelectionInExcel,
    // 下发填报表: a unit's workbook in a new Excel window; the module is small and Office-only.
    openWorkbook: async (bytes) => {
      const { openWorkbookInExcel } = await import(
        /* webpackChunkName: "pane-split" */ "../hosts/excel/openWorkbookInExcel.js"
      );
      return openWorkbookInExcel(bytes, Excel, (name, version) =>
        Office.context.requirements.isSetSupported(name, version),
      );
    },
    // 下发自 on a unit's cover: the city's file name, as the command line writes it.
    workbookName: async () => {
      const { readWorkbookName } = await import(
        /* webpackChunkName: "pane-split" */ "../hosts/excel/readWorkbookName.js"
      );
      return readWorkbookName({
        run: (batch) => Excel.run((context) => batch(context)),
        isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
        documentUrl: () => Office.context.document.url,
      });
    },
    // Excel on the web lets the pane download through a Blob link; the web views of Excel on
    // Windows and Mac drop such downloads silently, so there the pane says where to draft the report.
    saveFile: (bytes, fileName, type) => {
      if (Office.context.platform !== Office.PlatformType.OfficeOnline) return Promise.resolve("unsupported");
      saveBytesAsDownload(bytes, fileName, type);
      return Promise.resolve("saved");
    },
  };
}
