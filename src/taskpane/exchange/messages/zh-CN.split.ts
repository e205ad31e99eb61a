import { sectionButtons } from "../../messages/sectionButtons";
import type { SplitPaneMessages } from "./splitPaneMessages";

/** 下发填报表的中文文字。 */
export const zhCN: SplitPaneMessages = {
  openButton: sectionButtons["zh-CN"].splitOpen,
  closeButton: sectionButtons["zh-CN"].splitClose,
  heading: "下发填报表",
  intro:
    "按牵头单位或按县（区）把本工作簿拆成各单位的填报表：每个单位只收到它负责的任务、指标、断面和水源地，计划列已锁定（工作表保护，无密码），已填内容一并带入。",
  byLabel: "拆分方式",
  by: (by) => (by === "lead" ? "按牵头单位" : "按县（区）"),
  deadlineLabel: "报送截止日期（可不填）",
  deadlineHint: "写成 2023-07-10；写在每份填报表的封面上。",
  deadlineInvalid: "请写成“年-月-日”，如 2023-07-10，或留空。",
  listButton: "列出单位",
  step: (step) => {
    switch (step) {
      case "loading":
        return "正在加载…";
      case "reading":
        return "正在读取工作簿…";
      case "writing":
        return "正在生成…";
    }
  },
  unitsHeading: (count, by) => `共 ${count} 个${by === "lead" ? "牵头单位" : "单位"}`,
  unitLine: (unit, rows, entries) =>
    `${unit}：${rows} 行${entries > 0 ? `，已带入 ${entries} 项填报内容` : ""}`,
  notSent: (rows) => `有 ${rows} 行不属于任何单位（如计划外的断面），留在本工作簿中，不下发。`,
  deliverOne: (opens) => (opens ? "打开" : "下载"),
  deliverOneLabel: (opens, unit) => `${opens ? "打开" : "下载"}${unit}的填报表`,
  deliverAll: (opens, count) => `全部${opens ? "打开" : "下载"}（${count} 个）`,
  making: (unit) => `正在生成${unit}的填报表…`,
  opened: (fileName) => `已在新的 Excel 窗口中打开“${fileName}”：请保存后发给该单位。`,
  downloaded: (fileName) => `已下载“${fileName}”。`,
  fellBack: (reason, fileName) =>
    reason === "unsupported"
      ? `此版本的 Excel 不能直接打开新工作簿（需要 ExcelApi 1.8），已改为下载“${fileName}”。`
      : `“${fileName}”太大，无法直接在 Excel 中打开，已改为下载。`,
  undeliverable: (fileName) =>
    `此处既不能打开也不能下载“${fileName}”：请在网页版 Excel 中使用本功能，或用命令行 water-plan split 生成各单位的文件。`,
  afterSending: "各单位填好发回后，用“汇总报送”或命令行 water-plan merge 合并回本工作簿。",
  problemTitle: "无法下发",
  notAddInWorkbook:
    "本工作簿不是由本插件生成的（没有计划表或隐藏的 _WaterPlan 工作表）：请先点“生成计划表格”。",
  otherPlan: (workbookPlan, plan) => `本工作簿属于计划“${workbookPlan}”，不是当前的计划“${plan}”。`,
  alreadySplit: (unit) => `本工作簿是下发给“${unit}”的填报表，只能拆分全市的工作簿。`,
  noCounties: "计划数据中没有县（区）名单，不能按县（区）拆分：请改为按牵头单位。",
  unknownUnit: (unit, suggestions) =>
    `计划中没有单位“${unit}”${suggestions.length > 0 ? `，是否指：${suggestions.join("、")}？` : "。"}`,
};
