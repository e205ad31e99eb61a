import type { ColumnUseWord, ImportMessages } from "./importMessages";

const useWords: Readonly<Record<ColumnUseWord, string>> = {
  point: "Point",
  time: "Sampling time",
  parameter: "Parameters",
  status: "Station status (rows not 正常 are marked not counted)",
  remark: "Kept in the remarks",
  refused: "Not read as values (kept in the remarks)",
  skipped: "Not used",
};

const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/** The import command's English messages. */
export const enUSImportMessages: ImportMessages = {
  description:
    "append a monitoring export (.xlsx or .csv) to the monitoring sheet, never changing a row there",
  bookArgument: "a workbook made by the add-in (never changed unless --out names it)",
  exportArgument: "the monitoring export: .xlsx, or .csv in UTF-8 or GBK",
  sheetOption: "the sheet of the export to read (default: the first)",
  outOption:
    "write the workbook with the monitoring data appended to this .xlsx (it may be the workbook itself; written through a temporary file)",
  jsonOption: "print the import report as JSON",
  mapOption:
    "confirm which plan point a name in the export means, e.g. --map 柳江大桥=露塘 (repeatable; saved in the workbook when written, and used from then on)",
  todayOption:
    "the as-of date YYYY-MM-DD: a date without a year after it is last year's (default: today, at most the plan year's end)",
  dateOption:
    "the sampling date YYYY-MM-DD of every sample, for an export without a sampling time column (a monthly bulletin)",
  placeholders: { export: "export", sheet: "sheet", mapping: "name=point" },

  exportMissing: (path) => `Cannot find the export ${path}.`,
  exportIsDirectory: (path) => `${path} is a folder: name an .xlsx or .csv file.`,
  exportKind: (path) =>
    `${path} is neither .xlsx nor .csv: save an .xls as .xlsx in Excel, and other formats as CSV.`,
  exportUnreadable: (path, reason) => `Cannot read the export ${path} (${reason}).`,
  exportSheetMissing: (path, sheet, sheets) =>
    `The export ${path} has no sheet "${sheet}". Its sheets: ${sheets.map((s) => `"${s}"`).join(", ")}.`,
  exportNotAWorkbook: (path, why) => `The export ${path} cannot be read as .xlsx: ${why}`,
  badMapping: (text) =>
    `--map "${text}" should read "name in the export=point of the plan", e.g. 柳江大桥=露塘.`,
  unknownMappedPoint: (name, point) =>
    `--map ${name}=${point}: the plan has no point "${point}"; nothing was changed.`,
  noMonitoringSheet: (book) =>
    `${book} has no monitoring sheet made by the add-in: generate it first with water-plan generate.`,
  cellsOutsideTables: (book, sheet, first, count) =>
    `"${sheet}" in ${book} holds ${plural(count, "cell")} far outside its table (the first at ${first}): writing the sheet again would lose them, so nothing was changed. Move or delete them and try again.`,
  exportRefused: (path, message) => `${path}: ${message} Nothing was changed.`,

  readFrom: (path, sheet, encoding, headerRow) =>
    `Read ${path}${sheet === null ? "" : `, sheet "${sheet}"`}${encoding === null ? "" : ` (${encoding === "gb18030" ? "GBK/GB18030" : "UTF-8"})`}; the header is row ${headerRow}.`,
  counts: (c) =>
    `${plural(c.read, "row")} read: ${c.new} new${c.flagged > 0 ? ` (${c.flagged} from a station not in normal operation, marked not counted, their values in the remarks)` : ""}, ${c.duplicates} duplicate, ${c.refused} not imported, ${c.unmatched} with a point the plan does not have.`,
  columns: (use, headers) => `  ${useWords[use]}: ${headers.join(", ")}`,
  refusedHeading: "Rows and columns not imported:",
  refusedLine: (row, message) => `  ${row === null ? "" : `Row ${row}: `}${message}`,
  more: (count) => `  … and ${count} more (--json lists them all)`,
  duplicates: (ofSheet, ofExport) =>
    `Duplicate samples (same point and sampling time): ${ofSheet} already in the monitoring sheet${ofExport > 0 ? `, ${ofExport} repeated in the export` : ""}; none imported.`,
  unmatchedHeading:
    "Point names the plan does not have (not imported; confirm what they mean with --map name=point and import again):",
  unmatchedLine: (name, rows, firstRow, suggestion) =>
    `  "${name}": ${plural(rows, "row")} from row ${firstRow}${suggestion === null ? "; no plan point is close" : `; perhaps "${suggestion}": --map ${name}=${suggestion}`}`,
  savedMappings: (mappings) =>
    `Saved in the workbook: ${mappings.map((m) => `"${m.name}" → "${m.point}"`).join("; ")}.`,
  written: (out, sheet, rows) => `Wrote ${out}: ${plural(rows, "row")} appended to "${sheet}".`,
  nothingNew: (out) => `No new samples; ${out === null ? "no file written" : `${out} not changed`}.`,
  notWritten: (book) => `No file written (a preview). Write with --out, e.g. --out ${book}.`,
};
