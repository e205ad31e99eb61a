import type { CliMessages } from "./cliMessages";
import { clipQuotedInput } from "../../core/validation/clipQuotedInput";

/** The command line's messages in English (`--lang en`). */
export const enUSMessages: CliMessages = {
  programDescription:
    "Water Plan for Excel: generate, validate and summarise a water-pollution prevention plan in .xlsx workbooks",
  version: (version) => `Water Plan for Excel, water-plan ${version}`,
  langOption: "language of messages: zh (Chinese, the default) or en (English)",
  generateDescription:
    "write the plan's appendix tables and entry sheets into an .xlsx workbook (entered values are kept)",
  outOption: "the .xlsx file to write; if it exists, generate again inside it, keeping entered values",
  planOption: "a plan JSON file (default: the built-in Liuzhou 2023 plan)",

  generated: (out, created, updated, keptEntries) =>
    `Wrote ${out}: ${created} ${plural(created, "sheet")} created, ${updated} updated, ${keptEntries} entered ${plural(keptEntries, "value")} kept.`,
  planCellsRestored: (cells) =>
    `Restored the plan's text in ${cells.length} ${plural(cells.length, "cell")} a user had typed over: ${cells.map((c) => `${c.where} (was "${clipQuotedInput(c.old)}")`).join("; ")}.`,
  outNotXlsx: (out) => `The output file ${out} should end in .xlsx.`,
  outDirMissing: (dir) => `The folder ${dir} does not exist; create it or choose another output path.`,
  outIsDirectory: (out) => `${out} is a folder; give an .xlsx file name.`,
  outNotAWorkbook: (out) => `${out} is not a readable .xlsx workbook; nothing was changed.`,
  outEncrypted: (out) =>
    `${out} is encrypted with a password (protected): remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password), save, and try again. Nothing was changed.`,
  outLegacyXls: (out) =>
    `${out} is an Excel 97–2003 (.xls) workbook: save it as .xlsx in Excel and try again. Nothing was changed.`,
  outTooLarge: (out, size, limit) =>
    `${out} has ${size} MB, over the ${limit} MB this command handles; nothing was changed.`,
  outDamaged: (out) =>
    `${out} is damaged (perhaps a download cut short) and cannot be read; nothing was changed.`,
  outOverLimit: (out, passed) => {
    const limit = passed.limitValue.toLocaleString("en-US");
    const sheet = passed.sheet === null ? "" : `the sheet "${passed.sheet}"`;
    const at = passed.at ?? "";
    const tail = "more than this command handles; nothing was changed.";
    switch (passed.limit) {
      case "rowsPerSheet":
        return `In ${out}, ${sheet} has over ${limit} rows (reading stopped at row ${at}): ${tail}`;
      case "cellsPerSheet":
        return `In ${out}, ${sheet} has over ${limit} cells (reading stopped at ${at}): ${tail}`;
      case "cellsPerWorkbook":
        return `${out} has over ${limit} cells in all (reading stopped at ${at} of ${sheet}): ${tail}`;
      case "mergedAreas":
        return `${out} has over ${limit} merged areas (reading stopped at ${at} of ${sheet}): ${tail}`;
      case "mergedCells":
        return `In ${out}, merged areas cover over ${limit} cells (the area ${at} of ${sheet}): ${tail}`;
      case "sharedStrings":
        return `${out} has over ${limit} shared strings: ${tail}`;
      case "entries":
        return `${out} holds over ${limit} parts in its zip package: ${tail}`;
      case "tagBytes":
        return `${out} has an XML tag over ${limit} bytes long in ${sheet === "" ? "one of its parts" : sheet}: ${tail}`;
      case "excelJsCells":
        return `${out} has ${passed.found.toLocaleString("en-US")} cells (most in ${sheet}), over the ${limit} that generating again can load; nothing was changed (water-plan validate can still check it).`;
    }
  },
  outXmlEntities: (out) =>
    `${out} holds an XML document type declaration (entities), which no workbook saved by Excel has; it was not read, and nothing was changed.`,
  outReadOnly: (out) =>
    `${out} is read-only and was not replaced. Make it writable or choose another output file.`,
  outSymlink: (out, target) =>
    `${out} is a symbolic link to ${target} and was not written (neither the link nor its target is replaced). Name the file to write directly.`,
  outUnreadable: (out, reason) => `Cannot read ${out} (${reason}).`,
  outUnwritable: (out, reason, existed) =>
    `Cannot write ${out} (${reason})${existed ? "; the existing file is unchanged" : ""}.`,
  planMissing: (plan) => `The plan file ${plan} does not exist.`,
  planUnreadable: (plan, reason) => `Cannot read the plan file ${plan} (${reason}).`,
  planNotJson: (plan, reason) => `The plan file ${plan} is not valid JSON: ${reason}`,
  planInvalid: (plan, problems) => `${plan}: ${problems}`,
  excelRejected: (reason) => `Cannot write the sheets: ${reason}`,
  sheetsProtected: (sheets) =>
    sheets.length === 1
      ? `The sheet "${sheets[0] ?? ""}" is protected (in Excel: Review → Unprotect Sheet); nothing was written. Unprotect it and try again.`
      : `The sheets ${sheets.map((s) => `"${s}"`).join(", ")} are protected (in Excel: Review → Unprotect Sheet); nothing was written. Unprotect them and try again.`,
  workbookChanged: "The workbook changed while the command was working; nothing was written. Run it again.",
  fileReason: (code) => {
    switch (code ?? "") {
      case "EACCES":
      case "EPERM":
        return "permission denied";
      case "ENOSPC":
        return "the disk is full";
      case "EROFS":
        return "the file system is read-only";
      case "EBUSY":
        return "the file is in use by another program";
      case "ENOENT":
        return "no such file or folder";
      case "EISDIR":
        return "it is a folder";
      default:
        return code || "unknown reason";
    }
  },
  internalError: (reason) => `Internal error: ${reason} (please report this message to the developers)`,
  badLang: (text) => `Invalid language "${text}": use zh or en`,
  missingOptionValue: (option) => `The option ${option} needs a value`,

  validateDescription:
    "check what was entered in a workbook, judge every target of the plan and write the summary sheet",
  bookArgument: "the .xlsx workbook to check (never changed unless --out names it)",
  markedOutOption:
    "write the workbook with problems marked, computed columns filled and the summary sheet to this .xlsx file",
  jsonOption: "print the report as JSON",
  todayOption: "the as-of date YYYY-MM-DD (default: today, at most the plan year's end)",
  publishedOption: "the date the city published its work plan, YYYY-MM-DD (default: the workbook's setting)",
  inputMissing: (book) => `The workbook ${book} does not exist.`,
  inputIsDirectory: (book) => `${book} is a folder; give an .xlsx file.`,
  inputNotXlsx: (book) => `${book} should end in .xlsx.`,
  badDate: (option, value) =>
    `"${value}" is not a date for ${option}: write it as YYYY-MM-DD, e.g. 2023-06-30.`,
  noPlanSheets: (book) =>
    `${book} holds none of the plan's sheets made by this add-in; generate them first with water-plan generate.`,
  summarySheetTaken: (sheet) =>
    `The workbook already has a sheet named "${sheet}" that this add-in did not make; nothing was changed to keep its data. Rename it, then validate again.`,
  validated: (book, errors, warnings, out) =>
    `Checked ${book}: ${errors} ${plural(errors, "error")}, ${warnings} ${plural(warnings, "warning")}. ${out === null ? "Nothing written (use --out to write the marked workbook)." : `Wrote ${out}.`}`,
  demoFinished: (path, errors, warnings, noteSheet) =>
    [
      `The example workbook (invented example data) is in ${path}: ${errors} ${plural(errors, "error")}, ${warnings} ${plural(warnings, "warning")}.`,
      "Next:",
      `  1. Open ${path} in Excel, WPS Spreadsheets or LibreOffice Calc: read the sheet "${noteSheet}" first; every problem cell is coloured and has a note, and the sheet Summary gives the attainment of every target.`,
      "  2. Run npm run preview and open http://localhost:3000/ in a browser to enter values, validate, click an issue to reach its cell and summarise, by hand.",
      "  3. Validate your own workbook: npx water-plan validate BOOK.xlsx --out MARKED.xlsx --lang en",
    ].join("\n"),
  report: {
    heading: {
      plan: (title) => `Plan: ${title}`,
      asOf: (date, reason) =>
        `As of: ${date} (${
          {
            option: "set by --today",
            today: "default: today",
            plan_year_end: "default: the plan year's last day, today being past it",
            example: "the example's",
          }[reason]
        })`,
      published: (date, reason) =>
        date === null
          ? "Plan published: not set (deadlines counted from it cannot be dated; set it in the task pane's settings or with --published)"
          : `Plan published: ${date} (${
              { option: "set by --published", setting: "the workbook's setting", example: "the example's" }[
                reason
              ]
            })`,
    },
    goals: "Water-quality goals",
    points: "Sections and sources",
    indicators: "Numeric targets",
    tasks: "Key tasks",
    issues: "Problems",
    noIssues: "No problems found.",
    columns: {
      goal: ["Goal", "Required", "Actual", "Status"],
      point: ["Name", "Target", "Class", "Samples", "Exceedances (multiple)", "Status"],
      indicator: ["Task", "Indicator", "Target", "Value judged", "Status"],
      taskCounts: ["Not started", "In progress", "Done", "Not reported", "Overdue", "Completed late"],
      issue: ["Cell", "Severity", "Message"],
    },
    severity: { error: "error", warning: "warning" },
  },

  classify: {
    description: "classify one water sample by GB 3838-2002",
    assignmentsArgument: "PARAMETER=VALUE pairs, e.g. 氨氮=0.8 DO=6 pH=7.2 总磷=0.02L",
    waterbodyOption: "water body: river (default) or lake (lakes and reservoirs)",
    targetOption: "target class, e.g. Ⅲ类 or 达到或好于Ⅲ类",
    sourceOption: "judge as a concentrated drinking-water source (Class III plus Tables 2 and 3)",
    jsonOption: "print JSON",
    langOption: "message language: zh (Chinese, default) or en (English)",
    noAssignments: () => "Give at least one PARAMETER=VALUE, e.g. water-plan classify NH3-N=0.8 DO=6",
    notAnAssignment: (text) => `"${text}" is not of the form PARAMETER=VALUE, e.g. NH3-N=0.8`,
    duplicateParameter: (name) => `The parameter "${name}" is given more than once`,
    badWaterbody: (text) => `Invalid water body "${text}": use river or lake`,
    inAssignment: (assignment, message) => `${assignment}: ${message}`,
    classLine: (waterClass) => `Water class: ${waterClass}`,
    noData: "no data (none of the 21 evaluation parameters given)",
    noClass: "no class",
    notMonitored: "not monitored",
    coreItemsMissing: (items, missing) =>
      `Note: the class rests on ${items} evaluation ${items === 1 ? "item" : "items"}; the core items ${missing} are missing, and could make it worse: it cannot be said to meet a target.`,
    mayBeBetter: " (detection limit too high: may be better)",
    mainPollutants: (list) => `Main pollutants: ${list}`,
    none: "none",
    target: (target, status) => `Target ${target}: ${status}`,
    source: (status) => `Drinking-water source (Class III plus Tables 2 and 3): ${status}`,
    status: { met: "met", not_met: "not met", cannot_judge: "cannot be judged", no_data: "no data" },
    exceedance: (name, detail) => `  ${name}: ${detail}`,
    multiple: (value) => `exceeds by ${value} times`,
    shortfall: (value) => `${value} mg/L below target`,
    belowDetectionLimit: (detectionLimit, limit) =>
      `below the detection limit ${detectionLimit} mg/L, so under ${limit} mg/L (shortfall unknown)`,
    outOfRange: "outside 6–9",
    warning: (message) => `Warning: ${message}`,
  },

  commandLine: {
    usage: (usageLine) => `Usage: ${usageLine}`,
    headings: {
      arguments: "Arguments:",
      options: "Options:",
      globalOptions: "Global options:",
      commands: "Commands:",
    },
    optionsTerm: "[options]",
    commandTerm: "[command]",
    placeholders: {
      file: "file",
      date: "date",
      book: "book",
      lang: "lang",
      command: "command",
      waterbody: "type",
      targetClass: "class",
      assignments: "assignments",
    },
    helpOption: "show this help",
    helpCommand: "show the help of a command",
    versionOption: "show the version",
    unknownCommand: (name, suggestion, commands) =>
      `Unknown command "${name}"${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}. Commands: ${commands.join(", ")}.`,
    unknownOption: (option, suggestion, command) =>
      `Unknown option ${option}${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}. See ${command} --help for the options.`,
    missingArgument: (argument, usage) => `Missing argument ${argument}. Usage: ${usage}`,
    missingOption: (command, option, description) => `${command} needs the option ${option}: ${description}`,
    tooManyArguments: (command, expected, received) =>
      `Too many arguments: ${command} takes ${expected} ${plural(expected, "argument")} but got ${received}.`,
    otherUsageError: (command, detail) => `Wrong use of ${command}: ${detail}`,
  },
};

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
