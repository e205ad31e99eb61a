import excelJsUtils from "exceljs/lib/utils/utils";

/*
 * ExcelJS turns every number in a date-formatted cell into a JavaScript Date as it parses the sheet
 * (`utils.excelToDate`, rounded to the millisecond; a number outside JavaScript's dates becomes an
 * Invalid Date), before any code of ours sees it, and writes such a Date back from its milliseconds.
 * A number typed into a date column (-1e-8, a time finer than a millisecond, 3.9e84) would change
 * when read back, and in every untouched cell each time the workbook is saved. This keeps the
 * file's own number for each such Date: the host reads what the file holds, as Office.js reports
 * it, and ExcelJS writes the same number back. Node's ExcelJS only (lib/): the browser build bundles its own copy, where
 * the preview writes workbooks and never reads one back through ExcelJS.
 */

const serialOfDate = new WeakMap<Date, number>();
const patched = Symbol.for("water-plan.exactDateSerials");

interface ExcelJsUtils {
  excelToDate: (value: number, date1904?: boolean) => Date;
  dateToExcel: (date: Date, date1904?: boolean) => number;
  [patched]?: true;
}

const utils = excelJsUtils as ExcelJsUtils;
if (utils[patched] !== true) {
  const excelToDate = utils.excelToDate.bind(utils);
  utils.excelToDate = (value, date1904) => {
    const date = excelToDate(value, date1904);
    serialOfDate.set(date, value);
    return date;
  };
  const dateToExcel = utils.dateToExcel.bind(utils);
  // A Date read from the file goes back as the file's number (the workbook keeps its date system).
  utils.dateToExcel = (date, date1904) => serialOfDate.get(date) ?? dateToExcel(date, date1904);
  utils[patched] = true;
}

/**
 * The number the file held for a Date that ExcelJS made while loading it, or null for a Date made
 * otherwise.
 *
 * @example
 * fileSerialOf(cell.value as Date) // -1e-8, where the Date alone says 0
 */
export function fileSerialOf(date: Date): number | null {
  return serialOfDate.get(date) ?? null;
}
