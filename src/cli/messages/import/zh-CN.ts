import type { ColumnUseWord, ImportMessages } from "./importMessages";

const useWords: Readonly<Record<ColumnUseWord, string>> = {
  point: "点位",
  time: "采样时间",
  parameter: "监测项目",
  status: "站点情况（非“正常”的行标注为未计入）",
  remark: "写入备注",
  refused: "不作为监测值（写入备注）",
  skipped: "未使用",
};

/** 导入命令的中文消息。 */
export const zhCNImportMessages: ImportMessages = {
  description: "把监测数据导出文件（.xlsx 或 .csv）追加到“监测数据”表，不改动已有的行",
  bookArgument: "本助手生成的 .xlsx 工作簿（不会被改动，除非 --out 指向它）",
  exportArgument: "监测数据导出文件：.xlsx，或 UTF-8 / GBK 编码的 .csv",
  sheetOption: "导出文件中要读取的工作表（默认第一张）",
  outOption: "把追加了监测数据的工作簿写入此 .xlsx 文件（可以就是输入的工作簿，经临时文件写入）",
  jsonOption: "以 JSON 输出导入报告",
  mapOption:
    "确认导出文件中的点位名称对应计划中的哪个点位，如 --map 柳江大桥=露塘（可重复；写入时保存在工作簿中，下次自动使用）",
  todayOption: "统计截止日 YYYY-MM-DD：未写年份的日期晚于此日的，算作上一年（默认今天，不晚于计划年末）",
  dateOption: "导出文件没有采样时间列时（如月报），全部样品的采样日期 YYYY-MM-DD",
  placeholders: { export: "导出文件", sheet: "工作表", mapping: "名称=点位" },

  exportMissing: (path) => `找不到导出文件 ${path}。`,
  exportIsDirectory: (path) => `${path} 是一个目录，请指定一个 .xlsx 或 .csv 文件。`,
  exportKind: (path) =>
    `${path} 不是 .xlsx 或 .csv 文件：.xls 请在 Excel 中另存为 .xlsx，其他格式请另存为 CSV。`,
  exportUnreadable: (path, reason) => `无法读取导出文件 ${path}（${reason}）。`,
  exportSheetMissing: (path, sheet, sheets) =>
    `导出文件 ${path} 中没有工作表“${sheet}”。其中的工作表：${sheets.map((s) => `“${s}”`).join("、")}。`,
  exportNotAWorkbook: (path, why) => `导出文件 ${path} 无法作为 .xlsx 读取：${why}`,
  badMapping: (text) => `--map 的值“${text}”应写作“导出中的名称=计划中的点位”，如 柳江大桥=露塘。`,
  unknownMappedPoint: (name, point) => `--map ${name}=${point}：计划中没有点位“${point}”，未作任何改动。`,
  noMonitoringSheet: (book) => `${book} 中没有本助手生成的“监测数据”表，请先用 water-plan generate 生成。`,
  cellsOutsideTables: (book, sheet, first, count) =>
    `${book} 的“${sheet}”在表格之外很远处还有 ${count} 个单元格（第一个是 ${first}）：重写该表会丢失它们，未作任何改动。请移走或删除这些单元格后重试。`,
  exportRefused: (path, message) => `${path}：${message}未作任何改动。`,

  readFrom: (path, sheet, encoding, headerRow) =>
    `已读取 ${path}${sheet === null ? "" : `的工作表“${sheet}”`}${encoding === null ? "" : `（${encoding === "gb18030" ? "GBK/GB18030" : "UTF-8"} 编码）`}，表头在第 ${headerRow} 行。`,
  counts: (c) =>
    `读取 ${c.read} 行：新增 ${c.new} 行${c.flagged > 0 ? `（其中 ${c.flagged} 行站点非正常，标注为未计入，监测值记在备注中）` : ""}，重复 ${c.duplicates} 行，未导入 ${c.refused} 行，点位未匹配 ${c.unmatched} 行。`,
  columns: (use, headers) => `  ${useWords[use]}：${headers.join("、")}`,
  refusedHeading: "未导入的行和列：",
  refusedLine: (row, message) => `  ${row === null ? "" : `第 ${row} 行：`}${message}`,
  more: (count) => `  ……另有 ${count} 项（用 --json 查看全部）`,
  duplicates: (ofSheet, ofExport) =>
    `重复的样品（同一点位、同一采样时间）：监测数据中已有 ${ofSheet} 个${ofExport > 0 ? `，导出文件中重复 ${ofExport} 个` : ""}，均未导入。`,
  unmatchedHeading: "计划中没有的点位名称（未导入；确认对应关系后用 --map 名称=点位 再导入）：",
  unmatchedLine: (name, rows, firstRow, suggestion) =>
    `  “${name}”：${rows} 行，自第 ${firstRow} 行${suggestion === null ? "；计划中没有相近的点位" : `；可能是“${suggestion}”：--map ${name}=${suggestion}`}`,
  savedMappings: (mappings) =>
    `已在工作簿中保存点位对应关系：${mappings.map((m) => `“${m.name}”→“${m.point}”`).join("；")}。`,
  written: (out, sheet, rows) => `已写入 ${out}：“${sheet}”追加 ${rows} 行。`,
  nothingNew: (out) => `没有新的样品，${out === null ? "未写入文件" : `未改动 ${out}`}。`,
  notWritten: (book) => `未写入文件（预览）。用 --out 写入，例如 --out ${book}。`,
};
