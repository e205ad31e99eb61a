import { describePatchContract } from "../contract/patchContract";
import { describeWorkbookPortContract } from "../contract/workbookPortContract";
import { createOfficeHarness } from "./officeHarness";

describeWorkbookPortContract("Office.js (fake Excel)", () => createOfficeHarness());
describePatchContract("Office.js (fake Excel)", () => createOfficeHarness());
// An Excel without notes (ExcelApi 1.18): the same promises, the marks' texts written as comments.
describePatchContract("Office.js (fake Excel, ExcelApi 1.17: comments)", () =>
  createOfficeHarness({ excel: { excelApi: "1.17" } }),
);
