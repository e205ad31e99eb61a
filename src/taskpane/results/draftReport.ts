import type { Locale } from "../../core/locale";
import type { ValidationReport } from "../../workbook/validate/validationReport";
import type { PaneHost, ReportWriter } from "../paneHost";
import { docxType } from "../saveBytesAsDownload";
import type { PaneWorkbook } from "../workflow/paneWorkbook";
import type { ReportOutcome } from "./OutlookSection";

/**
 * 生成进展报告: loads the .docx writer, drafts the report of the last validation and hands it to the
 * host as a download; "unsupported" where the host takes none (the pane then says so).
 *
 * @example
 * const draft = draftReport(chunks.reportWriter, connect, host, report, "zh-CN");
 * await draft("进展报告-2023-06-30.docx");
 */
export function draftReport(
  loadWriter: () => Promise<ReportWriter>,
  connect: () => Promise<PaneWorkbook>,
  host: PaneHost,
  report: ValidationReport,
  locale: Locale,
): (fileName: string) => Promise<ReportOutcome> {
  return async (fileName) => {
    const [writer, workbook] = await Promise.all([loadWriter(), connect()]);
    const bytes = await workbook.draftReport(report, locale, writer);
    const saved = host.saveFile ? await host.saveFile(bytes, fileName, docxType) : "unsupported";
    return saved === "saved" ? { kind: "saved", fileName } : { kind: "unsupported" };
  };
}
