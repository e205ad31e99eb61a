import { sectionButtons } from "../../messages/sectionButtons";
import type { ImportColumnUse, ImportPaneMessages } from "./importPaneMessages";
import { xlsxLimits } from "../../../hosts/xlsx/xlsxLimits";

const useWords: Readonly<Record<ImportColumnUse, string>> = {
  point: "Point",
  time: "Sampling time",
  parameter: "Parameters",
  status: "Station status",
  remark: "Kept in the remarks",
  refused: "Not read as values (kept in the remarks)",
  skipped: "Not used",
};

const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/** The English texts of 导入监测数据. */
export const enUS: ImportPaneMessages = {
  openButton: sectionButtons["en-US"].importOpen,
  closeButton: sectionButtons["en-US"].importClose,
  heading: "Import monitoring data",
  intro:
    "Pick a monitoring export (.xlsx, or .csv in UTF-8 or GBK), or paste an export into any sheet, select it and choose Use the selection. You see a preview first; importing appends to the monitoring sheet: rows already there are never changed, and samples it holds are not imported again.",
  chooseFile: "Choose a file…",
  useSelection: "Use the selection",
  fileLabel: (name) => `File: ${name}`,
  selectionLabel: (address) => `Selection: ${address}`,
  sheetLabel: "Sheet",
  readingFile: "Reading the export…",
  step: (step) => {
    switch (step) {
      case "loading":
        return "Loading…";
      case "reading":
        return "Reading the workbook…";
      case "writing":
        return "Writing the monitoring sheet…";
    }
  },
  sampledOnLabel: "Sampling date",
  sampledOnHint:
    "The export has no sampling time column (a monthly bulletin): give the sampling date of every sample.",
  sampledOnRetry: "Preview with this date",
  previewTitle: "Preview (nothing written yet)",
  counts: (c) => [
    `${plural(c.read, "row")} read`,
    `${c.new} new${c.flagged > 0 ? ` (${c.flagged} from a station not in normal operation, marked not counted, their values in the remarks)` : ""}`,
    `${c.duplicates} duplicate (the monitoring sheet holds a sample of the same point and time)`,
    `${c.refused} not imported`,
    `${c.unmatched} with a point the plan does not have`,
  ],
  columns: (use, headers) => `${useWords[use]}: ${headers.join(", ")}`,
  refusedHeading: "Rows and columns not imported",
  refusedLine: (row, message) => `${row === null ? "" : `Row ${row}: `}${message}`,
  more: (count) => `… and ${count} more`,
  unmatchedHeading:
    "Point names the plan does not have: choose the point each means to import its rows too; the choice is saved in the workbook and used from then on.",
  unmatchedName: (name, rows, firstRow) => `"${name}" (${plural(rows, "row")} from row ${firstRow})`,
  notImported: "Do not import",
  suggestion: (point) => `Perhaps "${point}"`,
  noSuggestion: "No plan point is close",
  importButton: (rows) => `Import ${plural(rows, "row")}`,
  nothingToImport: "There are no new samples to import.",
  doneTitle: "Imported",
  done: (rows, sheet) => `${plural(rows, "row")} appended to "${sheet}".`,
  savedMappings: (mappings) =>
    `Saved in the workbook: ${mappings.map((m) => `"${m.name}" → "${m.point}"`).join("; ")}.`,
  validateHint: "Choose Validate to check the imported data.",
  problemTitle: "Cannot import",
  noMonitoringSheet:
    "The workbook has no monitoring sheet made by the add-in: choose Generate plan sheets first.",
  cellsOutsideTables: (sheet, first, count) =>
    `"${sheet}" holds ${plural(count, "cell")} far outside its table (the first at ${first}): writing the sheet again would lose them, so nothing was changed.`,
  unknownConfirmedPoint: (name, point) =>
    `"${point}", chosen for "${name}", is not a point of the plan; nothing was changed.`,
  sheetMissing: (sheets) =>
    `The file has no such sheet. Its sheets: ${sheets.map((s) => `"${s}"`).join(", ")}.`,
  fileKind: (name) =>
    `${name} is neither .xlsx nor .csv: save an .xls as .xlsx in Excel, and other formats as CSV.`,
  fileRefused: (reason) => {
    switch (reason) {
      case "encrypted":
      case "legacy_format":
        return "This is an Excel 97–2003 (.xls) file or a workbook encrypted with a password: save it in Excel as an unencrypted .xlsx.";
      case "too_large":
        return "The file is too large to read.";
      case "empty":
        return "The file is empty.";
      case "over_limit":
        return `The file has more rows, cells or merged areas than the add-in handles (at most ${xlsxLimits.rowsPerSheet.toLocaleString("en-US")} rows a sheet, for one): export only the points and period you need and try again.`;
      case "xml_entities":
        return "The file holds an XML document type declaration (entities), which no workbook saved by Excel has; it was not read.";
      case "not_a_zip":
      case "not_a_spreadsheet":
      case "damaged":
        return "The file is not an .xlsx workbook that can be read (it may be damaged or not fully downloaded).";
    }
  },
  selectionEmpty: "The selection is empty: select the pasted export, header included, and try again.",
};
