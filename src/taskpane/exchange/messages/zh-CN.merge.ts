import { sectionButtons } from "../../messages/sectionButtons";
import type { MergePaneMessages } from "./mergePaneMessages";

/** 汇总报送的中文文字。 */
export const zhCNMerge: MergePaneMessages = {
  openButton: sectionButtons["zh-CN"].mergeOpen,
  closeButton: sectionButtons["zh-CN"].mergeClose,
  heading: "汇总报送",
  intro:
    "选择各单位报回的填报表（.xlsx，可多选），先预览，确认后合并进本工作簿：本工作簿中空白的填报单元格填入各单位的值，进展情况按单位名称合并，监测数据去重后追加。本工作簿已有的值不会被覆盖：不一致之处列为冲突，两边的值都列出。",
  chooseFiles: "选择报回的文件…",
  filesLabel: (names) => `已选择 ${names.length} 个文件：${names.join("、")}`,
  readingFiles: (count) => `正在读取 ${count} 个文件…`,
  step: (step) => {
    switch (step) {
      case "loading":
        return "正在加载…";
      case "reading":
        return "正在读取本工作簿…";
      case "writing":
        return "正在写入…";
    }
  },
  previewTitle: "合并预览",
  counts: (c, done) => [
    `读取报回的工作簿 ${c.returnsRead} 个${c.refused > 0 ? `，拒收 ${c.refused} 个` : ""}`,
    `${done ? "已填入" : "将填入"}空白单元格 ${c.cellsFilled} 个`,
    `${done ? "已合并" : "将合并"}进展情况 ${c.textsJoined} 条`,
    `监测数据${done ? "已新增" : "将新增"} ${c.monitoringAdded} 行（重复 ${c.monitoringDuplicates} 行不再导入）`,
    `冲突 ${c.conflicts} 处（保留本工作簿的值）`,
    ...(c.cleared > 0 ? [`报回表留空 ${c.cleared} 处（保留本工作簿的值）`] : []),
  ],
  refusedHeading: "拒收的文件",
  refusedLine: (file, reason) => `${file}：${reason}`,
  conflictsHeading: "冲突（均未写入，请核实后手工处理）",
  clearedHeading: "报回表中留空、本工作簿已有值的单元格（保留本工作簿的值；若确需清空，请手工处理）",
  more: (count) => `……另有 ${count} 项（命令行 water-plan merge --json 可列出全部）`,
  mergeButton: "合并到本工作簿",
  nothingNew: "没有新的内容可以合并。",
  doneTitle: "已合并",
  validateHint: "合并后可点“校验”检查合并进来的数据。",
  notXlsx: (file) => `${file} 不是 .xlsx 文件（.xls 请在 Excel 中另存为 .xlsx）。`,
  problemTitle: "无法合并",
  bookNotMadeByAddIn: "本工作簿不是由本插件生成的（没有隐藏的 _WaterPlan 工作表）：请先点“生成计划表格”。",
  bookOtherPlan: (plan, expected) =>
    `本工作簿属于工作计划 ${plan}，不是当前的计划 ${expected}；未作任何改动。`,
  cellsOutsideTables: (sheet, first, count) =>
    `“${sheet}”在表格之外很远处还有 ${count} 个单元格（第一个是 ${first}）：追加监测数据需重写该表，会丢失它们，未作任何改动。请移走或删除这些单元格后重试。`,
};
