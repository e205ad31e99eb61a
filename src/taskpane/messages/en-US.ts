import type { TaskPaneMessages } from "./taskPaneMessages";

const actionNames = {
  generate: "Generate plan sheets",
  validate: "Validate",
  summarise: "Summarise",
} as const;

/** The task pane's English texts. */
export const enUS: TaskPaneMessages = {
  appTitle: "Water Plan for Excel",
  intro:
    "Writes the plan's appendix tables and data-entry sheets, checks what was entered and summarises the targets.",
  planLabel: (planTitle) => `Plan: ${planTitle}`,
  planLoading: "Loading the plan…",
  actionsLabel: "Actions",
  generateButton: actionNames.generate,
  validateButton: actionNames.validate,
  summariseButton: actionNames.summarise,
  generateHint: "Generating again keeps every value already entered; sheets you added are left alone.",
  actionHints: {
    generate: "Writes the plan's appendix tables and entry sheets; generating again keeps what was entered.",
    validate: "Checks what was entered, marks each problem at its cell and lists the problems below.",
    summarise: "Validates, then writes the Summary sheet: how every target of the plan stands.",
  },
  step: (action, step) => {
    switch (step) {
      case "loading":
        return `${actionNames[action]}: loading…`;
      case "reading":
        return action === "generate"
          ? `${actionNames[action]} (1/2): reading the workbook…`
          : `${actionNames[action]} (1/2): reading the entries…`;
      case "writing":
        return action === "generate"
          ? `${actionNames[action]} (2/2): writing the sheets…`
          : action === "validate"
            ? `${actionNames[action]} (2/2): marking problem cells…`
            : `${actionNames[action]} (2/2): marking problems and writing the summary…`;
    }
  },
  doneTitle: "Done",
  created: (sheets) =>
    `Created ${sheets.length} ${sheets.length === 1 ? "sheet" : "sheets"}: ${sheets.join(", ")}`,
  updated: (sheets) =>
    `Updated ${sheets.length} ${sheets.length === 1 ? "sheet" : "sheets"}: ${sheets.join(", ")}`,
  keptEntries: (count) => `Kept ${count} entered ${count === 1 ? "value" : "values"}`,
  nothingWritten: "There was nothing to write.",
  problemsTitle: "Nothing generated; the workbook is unchanged",
  validateProblemsTitle: "Not validated; the workbook is unchanged",
  noPlanSheets: "The workbook has no plan sheets. Click Generate plan sheets first.",
  summarySheetTaken: (sheet) =>
    `A sheet named “${sheet}” was not made by the add-in; rename it, then summarise again.`,
  hostErrorTitle: (code) => {
    switch (code) {
      case "file_unavailable":
        return "The file cannot be read or written";
      case "not_a_workbook":
        return "Not a readable Excel workbook";
      case "excel_rejected":
        return "Excel rejected the request";
      case "workbook_changed":
        return "The workbook changed meanwhile";
      case "sheet_protected":
        return "A sheet is protected";
      case "payload_too_large":
        return "Too much data for one Excel request";
      case "api_unsupported":
        return "This version of Excel cannot run the add-in (ExcelApi 1.9 is needed)";
    }
  },
  unexpectedErrorTitle: "Something went wrong",
  timeoutTitle: (seconds) => `Excel did not answer within ${seconds} seconds`,
  failedIn: (phase) => {
    switch (phase) {
      case "loading":
        return "The add-in's code did not load; the workbook is unchanged. Check the connection and try again.";
      case "reading":
        return "It stopped while reading the workbook; nothing was written.";
      case "writing":
        return "It stopped while writing: Excel did not confirm the write, so some sheets may have been written and others not. Try again; it writes everything again.";
      case "selecting":
        return "The cell could not be selected; the workbook is unchanged.";
      case "saving":
        return "The settings were not saved.";
    }
  },
  changedMeanwhile: (action) =>
    `The workbook changed while ${action === null ? "the add-in" : actionNames[action]} ran; nothing was written. Run it again.`,
  sheetsProtected: (sheets) =>
    sheets.length === 1
      ? `The sheet “${sheets[0] ?? ""}” is protected (Review → Unprotect Sheet); nothing was written. Unprotect it and run again.`
      : `The sheets ${sheets.map((s) => `“${s}”`).join(", ")} are protected (Review → Unprotect Sheet); nothing was written. Unprotect them and run again.`,
  cosmeticFailureTitle: "The data is written, but part of the finishing is not",
  cosmeticFailure:
    "Excel refused part of the finishing (column widths, colours, dropdowns, frozen panes, print set-up, charts or comments). What was entered and written stands; running again applies the rest.",
  protectionNotRestored: (sheets) =>
    sheets.length === 1
      ? `The protection of the sheet “${sheets[0] ?? ""}” was lifted for the write and could not be put back after it failed: the sheet is unprotected now. Run again to protect it.`
      : `The protection of the sheets ${sheets.map((s) => `“${s}”`).join(", ")} was lifted for the write and could not be put back after it failed: they are unprotected now. Run again to protect them.`,
  retry: "Try again",
  dismiss: "Dismiss",
  validatedTitle: (errors, warnings) =>
    errors === 0 && warnings === 0
      ? "Validated: no problems found"
      : `Validated: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`,
  markedSheets: (sheets) =>
    `Marked and computed ${sheets.length} ${sheets.length === 1 ? "sheet" : "sheets"}: ${sheets.join(", ")}`,
  summaryWritten: (sheet) => `Wrote the sheet “${sheet}”`,
  summaryNotWritten: "The summary sheet was not written (click Summarise to write it)",
  asOfLine: (asOf) => `As of: ${asOf}`,
  results: {
    heading: "Validation results",
    errors: (count) => `${count} ${count === 1 ? "error" : "errors"}`,
    warnings: (count) => `${count} ${count === 1 ? "warning" : "warnings"}`,
    sheetFilter: "Sheet",
    severityFilter: "Severity",
    allSheets: "All sheets",
    allSeverities: "All",
    severity: { error: "Error", warning: "Warning" },
    listLabel: "Problems",
    where: (sheet, cell) => (cell === "" ? sheet : `${sheet}!${cell}`),
    noIssues: "No problems found.",
    noneMatch: "No problem matches the filters.",
    showing: (shown, total) => `Showing ${shown} of ${total} problems`,
    showMore: "Show more",
    keyboardHint: "Use the up and down arrow keys to move through the problems; Enter selects the cell.",
  },
  summary: {
    heading: "Targets",
    target: (value) => `Target: ${value}`,
    actual: (value) => `Actual: ${value}`,
    status: {
      met: "Met",
      not_met: "Not met",
      no_data: "No data",
      invalid: "Invalid data",
      cannot_judge: "Cannot judge",
      pending: "In progress",
    },
    openSheet: (sheet) => `Open the sheet “${sheet}”`,
    points: "Sections and sources",
    indicators: "Indicators",
    tasks: "Tasks",
    overdue: (count) => `${count} overdue`,
    tasksDone: (done, total) => `${done} of ${total} done`,
  },
  settings: {
    heading: "Settings",
    show: "Settings",
    hide: "Hide settings",
    asOf: "As-of date",
    asOfHint:
      "The day deadlines and monitoring periods are judged at. Unset: today, or 31 December of the plan year once it is over.",
    useToday: "Use the default (today, at most the plan year's end)",
    publishedOn: "Plan publication date",
    publishedOnHint:
      "Sets task 44's deadline (20 working days after publication). Saving generates the plan sheets again; entries are kept.",
    language: "Language",
    languageOffice: "As Office",
    languageZh: "中文",
    languageEn: "English",
    save: "Save settings",
    saved: "Settings saved in the workbook.",
    savedWithGenerate: "Settings saved; the plan sheets were generated again to record the publication date.",
    badDate: "Enter a valid date (year-month-day).",
    dayPlaceholder: "yyyy-mm-dd",
    storedInWorkbook: "Settings are stored in the workbook: every colleague who opens it sees the same.",
  },
  preview: {
    banner: "Browser preview",
    note: "This page runs the same task pane against a workbook held in memory: no Excel, no network.",
    emptyWorkbook: "The workbook is still empty. Click Generate plan sheets.",
    sheetTabs: "Sheets",
    otherLanguage: "中文",
    download: "Download .xlsx",
    downloading: "Preparing the file…",
    downloadFailed: "The .xlsx file could not be made",
    gridLabel: (sheet) => `Sheet “${sheet}”`,
    gridHint:
      "Arrow keys move; type to enter a value, Enter or Tab to confirm, F2 to edit, Delete to clear, Ctrl+V to paste; F6 moves to the task pane.",
    nameBox: "Cell",
    noteLine: (note) => `Note: ${note}`,
    editing: "Editing",
    validationAlert: {
      retry: "Retry",
      cancel: "Cancel",
      yes: "Yes",
      no: "No",
      continueQuestion: "Continue?",
    },
  },
  footer: {
    version: (version) => `Version ${version}`,
    help: "User guide (Chinese)",
    helpHint: "Opens the user guide in a browser",
  },
  outsideOffice: {
    title: "Open this inside Excel",
    openInExcel:
      "This is the task pane of the Excel add-in Water Plan for Excel and works only inside Excel: on the Home tab, click Show Task Pane. Opening it in a browser only shows that the site can be reached.",
    officeJsMissing:
      "Office.js did not load. If you see this inside Excel, check that this computer reaches Office.js's source (Microsoft's CDN), or ask your administrator for the package with Office.js bundled (see the deployment guide).",
    version: (version) => `Version ${version}`,
  },
};
