import type { Locale } from "../../../core/locale";

/** Every sentence `water-plan report` prints beyond the shared CLI messages, one object per language. */
export interface ReportCommandMessages {
  readonly description: string;
  readonly outOption: string;
  readonly outMissing: string;
  outNotDocx(out: string): string;
  written(out: string, errors: number, warnings: number): string;
}

const zhCN: ReportCommandMessages = {
  description: "按校验结果起草进展报告（.docx，按 GB/T 9704-2012 公文格式排版）",
  outOption: "报告写入的 .docx 文件",
  outMissing: "请用 --out 指定报告文件，如 --out 报告.docx。",
  outNotDocx: (out) => `报告文件 ${out} 的扩展名应为 .docx。`,
  written: (out, errors, warnings) =>
    `进展报告初稿已写入 ${out}（校验发现错误 ${String(errors)} 项、提示 ${String(warnings)} 项，已列入“存在的问题”；“下一步工作打算”待填写）。`,
};

const enUS: ReportCommandMessages = {
  description:
    "draft the progress report from the validation (.docx, laid out as GB/T 9704-2012 official documents)",
  outOption: "the .docx file to write the report to",
  outMissing: "Name the report file with --out, e.g. --out report.docx.",
  outNotDocx: (out) => `The report file ${out} should end in .docx.`,
  written: (out, errors, warnings) =>
    `The draft progress report is in ${out} (validation found ${String(errors)} errors and ${String(warnings)} warnings, listed under Problems; Next steps is left to be written).`,
};

/**
 * The `report` command's messages in a language.
 *
 * @example
 * reportCommandMessages("en-US").outOption
 */
export function reportCommandMessages(locale: Locale): ReportCommandMessages {
  return locale === "zh-CN" ? zhCN : enUS;
}
