import type { Locale } from "../../core/locale";

/** The pane's words for 预警, the class grid and 生成进展报告, one object per language. */
export interface OutlookMessages {
  readonly warningsHeading: string;
  readonly noWarnings: string;
  readonly warningLine: (point: string, parameter: string, mean: string, limit: string) => string;
  readonly allowanceLine: (bound: "max" | "min", allowance: string) => string;
  readonly gridHeading: string;
  readonly gridCaption: string;
  readonly point: string;
  readonly target: string;
  readonly months: readonly string[];
  readonly reportButton: string;
  readonly reportBusy: string;
  readonly reportSaved: (fileName: string) => string;
  readonly reportUnsupported: string;
  readonly reportFailed: (reason: string) => string;
  readonly fileName: (asOf: string) => string;
}

const zhCN: OutlookMessages = {
  warningsHeading: "预警（达标倒推）",
  noWarnings: "各点位决定水质类别的指标均有余量，暂无预警。",
  warningLine: (point, parameter, mean, limit) => `${point} ${parameter}：年均值 ${mean}，限值 ${limit}`,
  allowanceLine: (bound, allowance) => `剩余月份均值须${bound === "max" ? "不高于" : "不低于"} ${allowance}`,
  gridHeading: "水质类别月度变化",
  gridCaption: "各点位逐月水质类别，空白为当月无监测数据",
  point: "点位",
  target: "目标",
  months: Array.from({ length: 12 }, (_, i) => String(i + 1)),
  reportButton: "生成进展报告",
  reportBusy: "正在生成进展报告…",
  reportSaved: (fileName) => `已下载 ${fileName}（按 GB/T 9704 公文格式排版，“下一步工作打算”待填写）。`,
  reportUnsupported:
    "Excel 桌面版不允许加载项下载文件：请在 Excel 网页版中生成，或在命令行运行 water-plan report 工作簿.xlsx --out 报告.docx。",
  reportFailed: (reason) => `未能生成进展报告：${reason}`,
  fileName: (asOf) => `进展报告-${asOf}.docx`,
};

const enUS: OutlookMessages = {
  warningsHeading: "Early warning (what the rest of the year allows)",
  noWarnings: "Every parameter that decides a point's class has room to spare: no warning.",
  warningLine: (point, parameter, mean, limit) => `${point}, ${parameter}: mean ${mean}, limit ${limit}`,
  allowanceLine: (bound, allowance) =>
    `the remaining months must average ${bound === "max" ? "at most" : "at least"} ${allowance}`,
  gridHeading: "Class month by month",
  gridCaption: "Each point's class by month; blank: no data that month",
  point: "Point",
  target: "Target",
  months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  reportButton: "Draft the progress report",
  reportBusy: "Drafting the progress report…",
  reportSaved: (fileName) =>
    `Downloaded ${fileName} (laid out as GB/T 9704 official documents; Next steps is left to be written).`,
  reportUnsupported:
    "Excel on Windows and Mac does not let add-ins download files: draft it in Excel on the web, or run water-plan report BOOK.xlsx --out report.docx.",
  reportFailed: (reason) => `The progress report could not be drafted: ${reason}`,
  fileName: (asOf) => `progress-report-${asOf}.docx`,
};

/**
 * The outlook section's words in a language.
 *
 * @example
 * outlookMessages("zh-CN").reportButton // "生成进展报告"
 */
export function outlookMessages(locale: Locale): OutlookMessages {
  return locale === "zh-CN" ? zhCN : enUS;
}
