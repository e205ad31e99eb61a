import { sectionButtons } from "../../messages/sectionButtons";
import type { ImportColumnUse, ImportPaneMessages } from "./importPaneMessages";
import { xlsxLimits } from "../../../hosts/xlsx/xlsxLimits";

const useWords: Readonly<Record<ImportColumnUse, string>> = {
  point: "点位",
  time: "采样时间",
  parameter: "监测项目",
  status: "站点情况",
  remark: "写入备注",
  refused: "不作为监测值（写入备注）",
  skipped: "未使用",
};

/** 导入监测数据的中文文字。 */
export const zhCN: ImportPaneMessages = {
  openButton: sectionButtons["zh-CN"].importOpen,
  closeButton: sectionButtons["zh-CN"].importClose,
  heading: "导入监测数据",
  intro:
    "选择监测数据导出文件（.xlsx，或 UTF-8 / GBK 编码的 .csv），或把导出内容粘贴到任一工作表、选中后点“使用所选区域”。先预览，确认后追加到“监测数据”：已有的行不会改动，重复的样品不会再导入。",
  chooseFile: "选择文件…",
  useSelection: "使用所选区域",
  fileLabel: (name) => `文件：${name}`,
  selectionLabel: (address) => `所选区域：${address}`,
  sheetLabel: "工作表",
  readingFile: "正在读取导出文件…",
  step: (step) => {
    switch (step) {
      case "loading":
        return "正在加载…";
      case "reading":
        return "正在读取工作簿…";
      case "writing":
        return "正在写入“监测数据”…";
    }
  },
  sampledOnLabel: "采样日期",
  sampledOnHint: "导出文件中没有采样时间列（如月报）：请填写全部样品的采样日期。",
  sampledOnRetry: "按此日期预览",
  previewTitle: "预览（尚未写入）",
  counts: (c) => [
    `读取 ${c.read} 行`,
    `新增 ${c.new} 行${c.flagged > 0 ? `（其中 ${c.flagged} 行站点非正常，标注为未计入，监测值记在备注中）` : ""}`,
    `重复 ${c.duplicates} 行（监测数据中已有同一点位、同一采样时间的样品）`,
    `未导入 ${c.refused} 行`,
    `点位未匹配 ${c.unmatched} 行`,
  ],
  columns: (use, headers) => `${useWords[use]}：${headers.join("、")}`,
  refusedHeading: "未导入的行和列",
  refusedLine: (row, message) => `${row === null ? "" : `第 ${row} 行：`}${message}`,
  more: (count) => `……另有 ${count} 项`,
  unmatchedHeading: "计划中没有的点位名称：选择对应的点位后一并导入，对应关系保存在工作簿中，下次自动使用。",
  unmatchedName: (name, rows, firstRow) => `“${name}”（${rows} 行，自第 ${firstRow} 行）`,
  notImported: "不导入",
  suggestion: (point) => `可能是“${point}”`,
  noSuggestion: "计划中没有相近的点位",
  importButton: (rows) => `导入 ${rows} 行`,
  nothingToImport: "没有可导入的新样品。",
  doneTitle: "已导入",
  done: (rows, sheet) => `已向“${sheet}”追加 ${rows} 行。`,
  savedMappings: (mappings) =>
    `已保存点位对应关系：${mappings.map((m) => `“${m.name}”→“${m.point}”`).join("；")}。`,
  validateHint: "点“校验”检查导入的数据。",
  problemTitle: "无法导入",
  noMonitoringSheet: "工作簿中没有本助手生成的“监测数据”表：请先点“生成计划表格”。",
  cellsOutsideTables: (sheet, first, count) =>
    `“${sheet}”在表格之外很远处还有 ${count} 个单元格（第一个是 ${first}）：重写该表会丢失它们，未作任何改动。`,
  unknownConfirmedPoint: (name, point) => `“${name}”对应的“${point}”不是计划中的点位，未作任何改动。`,
  sheetMissing: (sheets) => `文件中没有这张工作表。其中的工作表：${sheets.map((s) => `“${s}”`).join("、")}。`,
  fileKind: (name) =>
    `${name} 不是 .xlsx 或 .csv 文件：.xls 请在 Excel 中另存为 .xlsx，其他格式请另存为 CSV。`,
  fileRefused: (reason) => {
    switch (reason) {
      case "encrypted":
      case "legacy_format":
        return "这是 Excel 97–2003（.xls）文件或已用密码加密的工作簿：请在 Excel 中另存为不加密的 .xlsx。";
      case "too_large":
        return "文件太大，无法读取。";
      case "empty":
        return "文件是空的。";
      case "over_limit":
        return `文件的行数、单元格或合并区域超出本工具可处理的范围（例如每张工作表最多 ${xlsxLimits.rowsPerSheet.toLocaleString("en-US")} 行）：请只导出需要的断面和时段后再试。`;
      case "xml_entities":
        return "文件含有 XML 文档类型声明（实体），Excel 保存的工作簿中不会有这种内容；为安全起见未读取。";
      case "not_a_zip":
      case "not_a_spreadsheet":
      case "damaged":
        return "文件不是可读取的 .xlsx 工作簿（可能已损坏或下载不完整）。";
    }
  },
  selectionEmpty: "所选区域是空的：请选中粘贴进来的导出内容（含表头）后再试。",
};
