import type { Locale } from "../../../core/locale";
import type { ScopeBy } from "../../../core/plan/planScope";

/** What the cover sheet of a unit's workbook says, in the workbook's language. */
export interface CoverTexts {
  /** The cover sheet's name (first tab). */
  readonly sheetName: string;
  readonly title: (planTitle: string, unit: string) => string;
  readonly forWhom: string;
  readonly role: (by: ScopeBy) => string;
  readonly from: string;
  readonly deadline: string;
  readonly noDeadline: string;
  readonly what: string;
  readonly sheetsHeader: readonly [string, string, string];
  /** For a sheet whose every column takes entries (监测数据). */
  readonly allColumns: string;
  readonly howToFill: readonly string[];
  readonly howToReturn: (fileName: string) => readonly string[];
}

/**
 * The cover sheet's words (封面/填报说明), one table per language.
 *
 * @example
 * coverTexts["zh-CN"].role("county") // "县区责任单位"
 */
export const coverTexts: Readonly<Record<Locale, CoverTexts>> = {
  "zh-CN": {
    sheetName: "填报说明",
    title: (planTitle, unit) => `${planTitle} 填报表（${unit}）`,
    forWhom: "填报单位",
    role: (by) => (by === "lead" ? "牵头单位" : "县区责任单位"),
    from: "下发自",
    deadline: "报送截止日期",
    noDeadline: "（未设定，请按下发通知的时间报送）",
    what: "需要填报的内容",
    sheetsHeader: ["工作表", "行数", "填报列"],
    allColumns: "全部列（可在末尾追加行）",
    howToFill: [
      "只填黄色底色的单元格（填报列）；蓝色表头、灰色底色的计划列已锁定，不能修改（工作表保护，无密码）。",
      "每行对应本单位负责的一项任务、指标、断面或水源地；市级已有的填报内容已带入，请核对并补充。",
      "监测数据表可在末尾追加行；如装有“水污染防治计划助手”，可点击“校验”检查所填内容。",
      "请勿增删、重命名工作表，也不要删除隐藏的 _WaterPlan 工作表：汇总时靠它识别本表。",
    ],
    howToReturn: (fileName) => [
      `填好后保存本文件（建议保留文件名“${fileName}”），在报送截止日期前发回下发单位。`,
      "下发单位用“水污染防治计划助手”的“汇总报送”（命令行为 water-plan merge）把各单位报回的文件合并进全市工作簿；两处填写不一致时会列出冲突，不会相互覆盖。",
    ],
  },
  "en-US": {
    sheetName: "Instructions",
    title: (planTitle, unit) => `${planTitle}: form for ${unit}`,
    forWhom: "Unit",
    role: (by) => (by === "lead" ? "lead unit" : "responsible unit (county or district)"),
    from: "Sent from",
    deadline: "Return by",
    noDeadline: "(not set: return it by the date of the notice you received)",
    what: "What to fill in",
    sheetsHeader: ["Sheet", "Rows", "Entry columns"],
    allColumns: "every column (add rows at the end)",
    howToFill: [
      "Fill in only the yellow cells (entry columns); the plan's columns (blue headers, grey cells) are locked (sheet protection, no password).",
      "Each row is a task, indicator, section or source your unit answers for; what the city has already entered is filled in: check it and complete it.",
      "Monitoring data takes new rows at its end; with the Water Plan add-in, Validate checks what you entered.",
      "Do not add, delete or rename sheets, and keep the hidden _WaterPlan sheet: the city's merge recognises the form by it.",
    ],
    howToReturn: (fileName) => [
      `When done, save this file (keep its name "${fileName}" if you can) and send it back to the sender before the date above.`,
      "The sender merges the returned files into the city's workbook with the Water Plan add-in's Merge returned forms (water-plan merge on the command line); where two entries differ, the conflict is listed and nothing is overwritten.",
    ],
  },
};
