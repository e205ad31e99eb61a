import { sectionButtons } from "../../messages/sectionButtons";
import type { SplitPaneMessages } from "./splitPaneMessages";

/** Send forms to units, in English. */
export const enUS: SplitPaneMessages = {
  openButton: sectionButtons["en-US"].splitOpen,
  closeButton: sectionButtons["en-US"].splitClose,
  heading: "Send forms to units",
  intro:
    "Split this workbook into one form per lead unit or per county: each unit gets only the tasks, indicators, sections and water sources it answers for, with the plan's columns locked (sheet protection, no password) and what was already entered carried over.",
  byLabel: "Split by",
  by: (by) => (by === "lead" ? "Lead unit" : "County or district"),
  deadlineLabel: "Return by (optional)",
  deadlineHint: "Written 2023-07-10; shown on each form's cover.",
  deadlineInvalid: "Write the day as year-month-day, e.g. 2023-07-10, or leave it empty.",
  listButton: "List the units",
  step: (step) => {
    switch (step) {
      case "loading":
        return "Loading…";
      case "reading":
        return "Reading the workbook…";
      case "writing":
        return "Making the forms…";
    }
  },
  unitsHeading: (count, by) =>
    `${count} ${by === "lead" ? (count === 1 ? "lead unit" : "lead units") : count === 1 ? "unit" : "units"}`,
  unitLine: (unit, rows, entries) =>
    `${unit}: ${rows} ${rows === 1 ? "row" : "rows"}${
      entries > 0 ? `, ${entries} ${entries === 1 ? "entry" : "entries"} carried over` : ""
    }`,
  notSent: (rows) =>
    `${rows} ${rows === 1 ? "row belongs" : "rows belong"} to no unit (such as a section outside the plan): kept in this workbook, not sent.`,
  deliverOne: (opens) => (opens ? "Open" : "Download"),
  deliverOneLabel: (opens, unit) => `${opens ? "Open" : "Download"} the form for ${unit}`,
  deliverAll: (opens, count) => `${opens ? "Open" : "Download"} all (${count})`,
  making: (unit) => `Making the form for ${unit}…`,
  opened: (fileName) => `“${fileName}” is open in a new Excel window: save it and send it to the unit.`,
  downloaded: (fileName) => `Downloaded “${fileName}”.`,
  fellBack: (reason, fileName) =>
    reason === "unsupported"
      ? `This Excel cannot open a new workbook from the add-in (it needs ExcelApi 1.8), so “${fileName}” was downloaded instead.`
      : `“${fileName}” is too large to open in Excel directly, so it was downloaded instead.`,
  undeliverable: (fileName) =>
    `“${fileName}” can be neither opened nor downloaded here: use this in Excel on the web, or make the units' files on the command line with water-plan split.`,
  afterSending:
    "When the units send their forms back, merge them into this workbook with “Merge returned forms” or water-plan merge.",
  problemTitle: "Cannot send the forms",
  notAddInWorkbook:
    "This workbook was not made by the add-in (no plan sheets, or no hidden _WaterPlan sheet): choose Generate plan sheets first.",
  otherPlan: (workbookPlan, plan) =>
    `This workbook belongs to the plan “${workbookPlan}”, not to the current plan “${plan}”.`,
  alreadySplit: (unit) =>
    `This workbook is the form sent to “${unit}”: only the city's workbook can be split.`,
  noCounties:
    "The plan data lists no counties or districts, so it cannot be split by county: split by lead unit instead.",
  unknownUnit: (unit, suggestions) =>
    `The plan has no unit “${unit}”${suggestions.length > 0 ? `; did you mean ${suggestions.join(", ")}?` : "."}`,
};
