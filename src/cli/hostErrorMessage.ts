import { protectedSheetsOf, type HostError } from "../hosts/hostError";
import type { CliMessages } from "./messages/cliMessages";

/**
 * A host's refusal to write as one line wholly in the user's language where the command knows
 * what happened (protected sheets, named; a change made meanwhile), else the host's own reason
 * after the localized lead-in. Protected sheets are recognised by their cause (both hosts say
 * "sheet_protected" and name the sheets in a ProtectedSheets cause).
 *
 * @example
 * describeHostError(error, zhCNMessages)
 * // "工作表“附件1 任务清单”受保护（在 Excel 中：审阅 → 撤消工作表保护），没有写入任何内容。请撤消保护后重试。"
 */
export function describeHostError(error: HostError, messages: CliMessages): string {
  const sheets = protectedSheetsOf(error);
  if (sheets !== null && sheets.length > 0) return messages.sheetsProtected(sheets);
  switch (error.code) {
    case "workbook_changed":
      return messages.workbookChanged;
    case "sheet_protected":
    case "file_unavailable":
    case "not_a_workbook":
    case "excel_rejected":
    case "payload_too_large":
    case "api_unsupported":
      return messages.excelRejected(error.message);
  }
}
