import type { TaskPaneMessages } from "./taskPaneMessages";

/** 任务窗格的中文文字（默认语言）。 */
export const zhCN: TaskPaneMessages = {
  appTitle: "水污染防治计划助手",
  intro: "在当前工作簿中生成工作计划的附件表格和填报表。",
  planLabel: (planTitle) => `计划：${planTitle}`,
  generateButton: "生成计划表格",
  generateHint: "再次生成会保留已填报的数据；您自己添加的工作表不受影响。",
  generating: "正在生成工作表…",
  doneTitle: "已生成",
  created: (sheets) => `新建 ${sheets.length} 张工作表：${sheets.join("、")}`,
  updated: (sheets) => `更新 ${sheets.length} 张工作表：${sheets.join("、")}`,
  keptEntries: (count) => `保留已填报数据 ${count} 项`,
  nothingWritten: "没有需要写入的工作表。",
  problemsTitle: "未生成，工作簿没有改动",
  hostErrorTitle: (code) => {
    switch (code) {
      case "file_unavailable":
        return "无法读写文件";
      case "not_a_workbook":
        return "不是可读取的 Excel 工作簿";
      case "excel_rejected":
        return "Excel 拒绝了本次操作";
      case "payload_too_large":
        return "数据量超出 Excel 单次请求的上限";
      case "api_unsupported":
        return "当前 Excel 版本不支持本助手（需要 ExcelApi 1.9）";
    }
  },
  unexpectedErrorTitle: "生成时出错",
  preview: {
    banner: "浏览器预览",
    note: "此页面在内存中的工作簿上运行同一个任务窗格，无需 Excel，也不联网。点击“生成计划表格”查看生成的工作表。",
    emptyWorkbook: "工作簿还是空的。",
    sheetTabs: "工作表",
    otherLanguage: "English",
  },
};
