import type { TaskPaneMessages } from "./taskPaneMessages";

/** The task pane's English texts. */
export const enUS: TaskPaneMessages = {
  appTitle: "Water Plan for Excel",
  intro: "Writes the plan's appendix tables and data-entry sheets into this workbook.",
  planLabel: (planTitle) => `Plan: ${planTitle}`,
  generateButton: "Generate plan sheets",
  generateHint: "Generating again keeps every value already entered; sheets you added are left alone.",
  generating: "Generating sheets…",
  doneTitle: "Done",
  created: (sheets) =>
    `Created ${sheets.length} ${sheets.length === 1 ? "sheet" : "sheets"}: ${sheets.join(", ")}`,
  updated: (sheets) =>
    `Updated ${sheets.length} ${sheets.length === 1 ? "sheet" : "sheets"}: ${sheets.join(", ")}`,
  keptEntries: (count) => `Kept ${count} entered ${count === 1 ? "value" : "values"}`,
  nothingWritten: "There was nothing to write.",
  problemsTitle: "Nothing generated; the workbook is unchanged",
  hostErrorTitle: (code) => {
    switch (code) {
      case "file_unavailable":
        return "The file cannot be read or written";
      case "not_a_workbook":
        return "Not a readable Excel workbook";
      case "excel_rejected":
        return "Excel rejected the request";
      case "payload_too_large":
        return "Too much data for one Excel request";
      case "api_unsupported":
        return "This version of Excel cannot run the add-in (ExcelApi 1.9 is needed)";
    }
  },
  unexpectedErrorTitle: "Generating failed",
  preview: {
    banner: "Browser preview",
    note: "This page runs the same task pane against a workbook held in memory: no Excel, no network. Click Generate plan sheets to see the sheets it writes.",
    emptyWorkbook: "The workbook is still empty.",
    sheetTabs: "Sheets",
    otherLanguage: "中文",
  },
};
