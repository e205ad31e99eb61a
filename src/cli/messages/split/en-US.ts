import type { SplitMessages } from "./splitMessages";

const byWords = { lead: "lead unit", county: "county or responsible unit" } as const;

export const enUSSplitMessages: SplitMessages = {
  description:
    "split the city's workbook into one form per lead unit or county (only its rows, plan columns protected)",
  bookArgument: "the city's workbook (an .xlsx made by this tool)",
  byOption: "how to split: lead by lead unit, county by county, district and other responsible unit",
  outOption: "the folder to write the files in (made if missing)",
  deadlineOption: "the reporting deadline, written on each file's cover sheet",
  unitOption: "split for this unit only (repeatable); default: every unit",
  jsonOption: "print what was split as JSON",
  forceOption: "overwrite files of the same name already in the folder",
  placeholders: { by: "lead|county", dir: "DIR", unit: "UNIT" },

  badBy: (value) =>
    value === undefined
      ? "Say how to split with --by lead (by lead unit) or --by county (by county)."
      : `"${value}" is not a valid --by: use lead (by lead unit) or county (by county).`,
  outMissing: () => "Say which folder to write the files in with --out.",
  outIsFile: (dir) => `"${dir}" is a file, not a folder; give --out a folder.`,
  outUncreatable: (dir, reason) => `Cannot make the folder "${dir}": ${reason}.`,
  wouldOverwrite: (dir, files) =>
    `The folder "${dir}" already has ${files.length} file${files.length === 1 ? "" : "s"} of the same name (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""}); nothing was written so that none is overwritten. Choose another folder, or add --force to overwrite.`,
  notAddInWorkbook: (book) =>
    `"${book}" was not made by this tool (it has no _WaterPlan record or no plan sheet), so it cannot be split; make the city's workbook with water-plan generate first.`,
  otherPlan: (book, workbookPlan, plan) =>
    `"${book}" was made from the plan "${workbookPlan}", not "${plan}"; give that plan's file with --plan.`,
  alreadySplit: (book, unit) =>
    `"${book}" is the form sent to ${unit}, not the city's workbook; only the city's workbook can be split.`,
  noCounties: () =>
    "The plan file lists no counties (counties), so it cannot be split by county; add them to the plan file, or split by lead unit with --by lead.",
  unknownUnit: (unit, by, suggestions) =>
    `The plan has no ${byWords[by]} "${unit}"${suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "."}`,

  split: (book, by, units, files, dir) =>
    `Split "${book}" by ${byWords[by]}: ${units} unit${units === 1 ? "" : "s"}, ${files} file${files === 1 ? "" : "s"} written to "${dir}".`,
  deadline: (day) =>
    day === null ? "No reporting deadline set (--deadline)." : `Reporting deadline: ${day}.`,
  fileNames: (prefix) => `Each file is named "${prefix}UNIT.xlsx".`,
  notSent: (rows) =>
    `${rows} more row${rows === 1 ? "" : "s"} belong${rows === 1 ? "s" : ""} to no unit of the plan (a monitoring point the plan does not have, say): not sent, kept in the city's workbook only.`,
  tableHeader: ["Unit", "Tasks", "Points/rivers", "Indicators", "Monitoring", "Entries"],
};
