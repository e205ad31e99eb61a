/**
 * How the bundles load the pane's later parts: each `import()` is a chunk webpack splits off, so
 * the first paint carries only React, the Fluent parts the pane's top needs and its texts (see
 * `npm run bench`). The composition roots pass these to App; tests pass the modules themselves.
 * (`.js` paths: the type-check resolves like Node; webpack maps them to the .tsx files.)
 */
import type { PaneChunks } from "./paneHost";

export const paneChunks: PaneChunks = {
  results: () =>
    import(/* webpackChunkName: "pane-results" */ "./results/ResultsSection.js").then((m) => ({
      default: m.ResultsSection,
    })),
  settings: () =>
    import(/* webpackChunkName: "pane-settings" */ "./settings/SettingsSection.js").then((m) => ({
      default: m.SettingsSection,
    })),
  importSection: () =>
    import(/* webpackChunkName: "pane-import" */ "./import/ImportSection.js").then((m) => ({
      default: m.ImportSection,
    })),
  splitSection: () =>
    import(/* webpackChunkName: "pane-split" */ "./exchange/SplitSection.js").then((m) => ({
      default: m.SplitSection,
    })),
  xlsxWriter: () => import(/* webpackChunkName: "pane-xlsx-writer" */ "../hosts/xlsx/batchXlsxBytes.js"),
  mergeSection: () =>
    import(/* webpackChunkName: "pane-merge" */ "./exchange/MergeSection.js").then((m) => ({
      default: m.MergeSection,
    })),
  xlsxSnapshotReader: () =>
    import(/* webpackChunkName: "pane-xlsx-snapshot" */ "../hosts/xlsx/readXlsxSnapshot.js"),
  xlsxReader: () => import(/* webpackChunkName: "pane-xlsx-reader" */ "../hosts/xlsx/readExportXlsx.js"),
  reportWriter: () =>
    import(/* webpackChunkName: "pane-report-docx" */ "../workbook/report/progressReportDocx.js"),
};
