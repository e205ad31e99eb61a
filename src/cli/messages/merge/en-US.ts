import type { MergeMessages } from "./mergeMessages";

export const enUSMergeMessages: MergeMessages = {
  description:
    "merge the workbooks units returned into the city's; conflicts are listed, the city's values kept",
  bookArgument: "the city's workbook (an .xlsx made by the add-in; not changed unless --out names it)",
  returnsArgument: "the .xlsx workbooks units returned (one or more)",
  outOption:
    "write the merged workbook to this .xlsx file (it may be the city's workbook; written through a temporary file); without it, a preview",
  jsonOption: "print the merge report as JSON",
  placeholders: { returned: "file..." },

  returnNotXlsx: (path) =>
    `${path} is not an .xlsx file and was not merged (save an .xls as .xlsx in Excel).`,
  returnMissing: (path) => `${path} was not found and was not merged.`,
  returnIsDirectory: (path) => `${path} is a folder and was not merged.`,
  returnUnreadable: (path, reason) => `${path} could not be read (${reason}) and was not merged.`,

  counts: (c) =>
    `Read ${c.returnsRead} returned workbook${c.returnsRead === 1 ? "" : "s"}${c.refused > 0 ? `, refused ${c.refused}` : ""}; filled ${c.cellsFilled} empty cell${c.cellsFilled === 1 ? "" : "s"}, joined ${c.textsJoined} progress text${c.textsJoined === 1 ? "" : "s"}, added ${c.monitoringAdded} monitoring row${c.monitoringAdded === 1 ? "" : "s"} (${c.monitoringDuplicates} already there); ${c.conflicts} conflict${c.conflicts === 1 ? "" : "s"}${c.cleared > 0 ? `, ${c.cleared} cell${c.cleared === 1 ? "" : "s"} left empty in a return (the city's values kept)` : ""}.`,
  refusedHeading: "Files refused:",
  refusedLine: (file, reason) => `  ${file}: ${reason}`,
  conflictsHeading: "Conflicts (nothing written; the city's values are kept; check them and decide by hand):",
  clearedHeading:
    "Cells a return has empty that the city's workbook holds (the city's values kept; clear them by hand if that is meant):",
  line: (text) => `  ${text}`,
  more: (count) => `  … and ${count} more (--json lists them all)`,
  joinedHeading: "Progress texts joined:",
  joinedLine: (sheet, cell, row, labels) =>
    `  ${sheet} ${cell} (${row}): ${labels.map((l) => `[${l}]`).join(" ")}`,
  written: (out) => `Wrote ${out}.`,
  nothingNew: (out) => `Nothing new${out === null ? "; no file written" : `; ${out} left as it was`}.`,
  notWritten: (book) => `No file written (preview). Write with --out, for example --out ${book}.`,
};
