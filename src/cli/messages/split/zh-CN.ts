import type { SplitMessages } from "./splitMessages";

const byWords = { lead: "牵头单位", county: "县区（责任单位）" } as const;

export const zhCNSplitMessages: SplitMessages = {
  description: "把全市工作簿按牵头单位或县区拆分为各单位的填报文件（只含其负责的行，计划列受保护）",
  bookArgument: "全市工作簿（由本工具生成的 .xlsx）",
  byOption: "拆分方式：lead 按牵头单位，county 按县区及其他责任单位",
  outOption: "输出文件夹（不存在则新建）",
  deadlineOption: "报送截止日期，写在每个文件的填报说明中",
  unitOption: "只为这个单位拆分（可重复）；默认为全部单位",
  jsonOption: "以 JSON 输出拆分结果",
  forceOption: "覆盖输出文件夹中同名的已有文件",
  placeholders: { by: "lead|county", dir: "文件夹", unit: "单位" },

  badBy: (value) =>
    value === undefined
      ? "请用 --by lead（按牵头单位）或 --by county（按县区）指定拆分方式。"
      : `--by 的值“${value}”无效：请用 lead（按牵头单位）或 county（按县区）。`,
  outMissing: () => "请用 --out 指定输出文件夹。",
  outIsFile: (dir) => `“${dir}”是一个文件，不是文件夹；请为 --out 指定一个文件夹。`,
  outUncreatable: (dir, reason) => `无法创建输出文件夹“${dir}”：${reason}。`,
  wouldOverwrite: (dir, files) =>
    `输出文件夹“${dir}”中已有 ${files.length} 个同名文件（${files.slice(0, 3).join("、")}${files.length > 3 ? " 等" : ""}），为免覆盖未写出任何文件；请换一个文件夹，或加 --force 覆盖。`,
  notAddInWorkbook: (book) =>
    `“${book}”不是由本工具生成的工作簿（没有 _WaterPlan 记录或计划工作表），无法拆分；请先用 water-plan generate 生成全市工作簿。`,
  otherPlan: (book, workbookPlan, plan) =>
    `“${book}”是按计划“${workbookPlan}”生成的，而当前计划是“${plan}”；请用 --plan 指定该工作簿的计划文件。`,
  alreadySplit: (book, unit) => `“${book}”是下发给“${unit}”的填报文件，不是全市工作簿；只能拆分全市工作簿。`,
  noCounties: () =>
    "计划文件中没有县（区）名单（counties），无法按县区拆分；请在计划文件中补充 counties，或用 --by lead 按牵头单位拆分。",
  unknownUnit: (unit, by, suggestions) =>
    `计划中没有${byWords[by]}“${unit}”${suggestions.length > 0 ? `；是否指：${suggestions.map((s) => `“${s}”`).join("、")}？` : "。"}`,

  split: (book, by, units, files, dir) =>
    `已按${byWords[by]}拆分“${book}”：${units} 个单位，写出 ${files} 个文件到“${dir}”。`,
  deadline: (day) => (day === null ? "未设定报送截止日期（--deadline）。" : `报送截止日期：${day}。`),
  fileNames: (prefix) => `文件名为“${prefix}单位名称.xlsx”。`,
  notSent: (rows) =>
    `另有 ${rows} 行不属于计划中的任何单位（如监测数据的点位名称不在计划中），未下发，只留在全市工作簿中。`,
  tableHeader: ["单位", "任务", "断面/水源/河流", "指标", "监测数据", "已填内容"],
};
