/** ExcelJS's internal helpers (Node build), which its typings do not declare; see exactDateSerials.ts. */
declare module "exceljs/lib/utils/utils" {
  const utils: {
    excelToDate: (value: number, date1904?: boolean) => Date;
    dateToExcel: (date: Date, date1904?: boolean) => number;
  };
  export default utils;
}
