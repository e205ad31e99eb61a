import type { MergeMessages } from "./mergeMessages";

export const zhCNMergeMessages: MergeMessages = {
  description: "把各单位退回的报送表合并进市级工作簿，不一致之处列为冲突（保留市级的值）",
  bookArgument: "市级工作簿（本助手生成的 .xlsx；不会被改动，除非 --out 指向它）",
  returnsArgument: "各单位退回的 .xlsx 工作簿（一个或多个）",
  outOption: "把合并后的工作簿写入此 .xlsx 文件（可以就是市级工作簿，经临时文件写入）；不写则只预览",
  jsonOption: "以 JSON 输出合并报告",
  placeholders: { returned: "退回表..." },

  returnNotXlsx: (path) => `${path} 不是 .xlsx 文件，未合并（.xls 请在 Excel 中另存为 .xlsx）。`,
  returnMissing: (path) => `找不到 ${path}，未合并。`,
  returnIsDirectory: (path) => `${path} 是一个目录，未合并。`,
  returnUnreadable: (path, reason) => `无法读取 ${path}（${reason}），未合并。`,

  counts: (c) =>
    `读取退回的工作簿 ${c.returnsRead} 个${c.refused > 0 ? `，拒收 ${c.refused} 个` : ""}；填入空白单元格 ${c.cellsFilled} 个，合并进展情况 ${c.textsJoined} 条，监测数据新增 ${c.monitoringAdded} 行、重复 ${c.monitoringDuplicates} 行；冲突 ${c.conflicts} 处${c.cleared > 0 ? `，留空 ${c.cleared} 处（保留市级的值）` : ""}。`,
  refusedHeading: "拒收的文件：",
  refusedLine: (file, reason) => `  ${file}：${reason}`,
  conflictsHeading: "冲突（均未写入，市级工作簿中的值保留；请核实后手工处理）：",
  clearedHeading: "退回表中留空、而市级工作簿已有值的单元格（市级的值保留；若确需清空，请手工处理）：",
  line: (text) => `  ${text}`,
  more: (count) => `  ……另有 ${count} 项（用 --json 查看全部）`,
  joinedHeading: "合并的进展情况：",
  joinedLine: (sheet, cell, row, labels) =>
    `  ${sheet} ${cell}（${row}）：${labels.map((l) => `【${l}】`).join("")}`,
  written: (out) => `已写入 ${out}。`,
  nothingNew: (out) => `没有新的内容，${out === null ? "未写入文件" : `未改动 ${out}`}。`,
  notWritten: (book) => `未写入文件（预览）。用 --out 写入，例如 --out ${book}。`,
};
