import { configure, render } from "@testing-library/react";
import { liuzhou2023Plan } from "../../src/core/plan/builtinPlans";
import type { Locale } from "../../src/core/locale";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { App, type AppProps } from "../../src/taskpane/App";
import type { PaneChunks, PaneHost, StoredSettings } from "../../src/taskpane/paneHost";
import { ResultsSection } from "../../src/taskpane/results/ResultsSection";
import { SettingsSection } from "../../src/taskpane/settings/SettingsSection";
import { ImportSection } from "../../src/taskpane/import/ImportSection";
import * as xlsxExportReader from "../../src/hosts/xlsx/readExportXlsx";
import * as xlsxBatchWriter from "../../src/hosts/xlsx/batchXlsxBytes";
import { SplitSection } from "../../src/taskpane/exchange/SplitSection";
import { MergeSection } from "../../src/taskpane/exchange/MergeSection";
import * as xlsxSnapshotReader from "../../src/hosts/xlsx/readXlsxSnapshot";
import * as reportWriter from "../../src/workbook/report/progressReportDocx";
import { CosmeticFailureRelay, createPaneWorkbook } from "../../src/taskpane/workflow/paneWorkbook";
import type { WorkbookPort } from "../../src/workbook/port";

// findBy… waits up to 10 s: a busy CI machine renders Fluent slowly, and nothing here waits on a timer.
configure({ asyncUtilTimeout: 10_000 });

/** The pane's later parts handed over directly (the bundles load them as chunks). */
export const directChunks: PaneChunks = {
  results: () => Promise.resolve({ default: ResultsSection }),
  settings: () => Promise.resolve({ default: SettingsSection }),
  importSection: () => Promise.resolve({ default: ImportSection }),
  splitSection: () => Promise.resolve({ default: SplitSection }),
  xlsxWriter: () => Promise.resolve(xlsxBatchWriter),
  mergeSection: () => Promise.resolve({ default: MergeSection }),
  xlsxSnapshotReader: () => Promise.resolve(xlsxSnapshotReader),
  xlsxReader: () => Promise.resolve(xlsxExportReader),
  reportWriter: () => Promise.resolve(reportWriter),
};

/** jsdom has no matchMedia (Fluent asks it about reduced motion) and no ResizeObserver (MessageBar's reflow). */
export function installBrowserStubs(): void {
  if (typeof window.ResizeObserver !== "function") {
    window.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  if (typeof window.matchMedia === "function") return;
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;
}

/** What a test sees of the host: the workbook, the cells selected, the settings saved. */
export interface PaneHarness {
  readonly book: MemoryWorkbook;
  readonly host: PaneHost;
  readonly selected: [string, string][];
  readonly saved: StoredSettings[];
  connects: number;
}

/**
 * A pane host over an in-memory workbook and the real engine, as the preview has it; `port` may
 * wrap the workbook's port (to make it hang or fail, or report cosmetic failures through the relay
 * as the Office host's `onCosmeticFailure` does).
 *
 * @example
 * const harness = makeHarness();
 * renderPane(harness);
 */
export function makeHarness(
  options: {
    readonly port?: (port: WorkbookPort, cosmetic: CosmeticFailureRelay) => WorkbookPort;
    readonly stored?: StoredSettings;
    readonly today?: string;
    /** The watchdog's limits on reading and writing, in milliseconds. */
    readonly limits?: { readonly reading?: number; readonly writing?: number };
  } = {},
): PaneHarness {
  const book = new MemoryWorkbook();
  const selected: [string, string][] = [];
  const saved: StoredSettings[] = [];
  let stored: StoredSettings = options.stored ?? { asOf: null, language: null };
  const harness: PaneHarness = {
    book,
    selected,
    saved,
    connects: 0,
    host: {
      connect: () => {
        harness.connects += 1;
        const cosmetic = new CosmeticFailureRelay();
        const port = options.port ? options.port(book.port, cosmetic) : book.port;
        return Promise.resolve(createPaneWorkbook(port, liuzhou2023Plan, options.limits, cosmetic));
      },
      selectCell: (sheet, cell) => {
        selected.push([sheet, cell]);
        return Promise.resolve();
      },
      settings: {
        load: () => Promise.resolve(stored),
        save: (next) => {
          stored = next;
          saved.push(next);
          return Promise.resolve();
        },
      },
      today: () => options.today ?? "2023-06-30",
    },
  };
  return harness;
}

export function renderPane(
  harness: PaneHarness,
  props: Partial<Omit<AppProps, "host" | "chunks">> & { readonly locale?: Locale } = {},
) {
  installBrowserStubs();
  return render(
    <App
      locale={props.locale ?? "zh-CN"}
      host={harness.host}
      chunks={directChunks}
      iconUrl={null}
      version="9.9.9"
      {...props}
    />,
  );
}
