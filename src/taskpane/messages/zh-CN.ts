import type { TaskPaneMessages } from "./taskPaneMessages";

const actionNames = { generate: "生成计划表格", validate: "校验", summarise: "生成汇总" } as const;

/** 任务窗格的中文文字（默认语言）。 */
export const zhCN: TaskPaneMessages = {
  appTitle: "水污染防治计划助手",
  intro: "生成工作计划的附件表格和填报表，校验填报的数据，汇总目标完成情况。",
  planLabel: (planTitle) => `计划：${planTitle}`,
  planLoading: "正在加载计划…",
  actionsLabel: "操作",
  generateButton: actionNames.generate,
  validateButton: actionNames.validate,
  summariseButton: actionNames.summarise,
  generateHint: "再次生成会保留已填报的数据；您自己添加的工作表不受影响。",
  actionHints: {
    generate: "写入计划的附件表格和填报表；再次生成会保留已填报的数据。",
    validate: "检查填报的数据，在有问题的单元格上标注，并在下方列出问题。",
    summarise: "校验后写入“汇总”工作表：各项目标的完成情况。",
  },
  step: (action, step) => {
    switch (step) {
      case "loading":
        return `${actionNames[action]}：正在加载…`;
      case "reading":
        return action === "generate"
          ? `${actionNames[action]}（1/2）：正在读取工作簿…`
          : `${actionNames[action]}（1/2）：正在读取填报数据…`;
      case "writing":
        return action === "generate"
          ? `${actionNames[action]}（2/2）：正在写入工作表…`
          : action === "validate"
            ? `${actionNames[action]}（2/2）：正在标注问题单元格…`
            : `${actionNames[action]}（2/2）：正在标注问题并写入汇总表…`;
    }
  },
  doneTitle: "已生成",
  created: (sheets) => `新建 ${sheets.length} 张工作表：${sheets.join("、")}`,
  updated: (sheets) => `更新 ${sheets.length} 张工作表：${sheets.join("、")}`,
  keptEntries: (count) => `保留已填报数据 ${count} 项`,
  nothingWritten: "没有需要写入的工作表。",
  problemsTitle: "未生成，工作簿没有改动",
  validateProblemsTitle: "未校验，工作簿没有改动",
  noPlanSheets: "工作簿中没有计划表格。请先点击“生成计划表格”。",
  summarySheetTaken: (sheet) => `已有一张名为“${sheet}”的工作表不是本助手生成的；请将其重命名后再生成汇总。`,
  hostErrorTitle: (code) => {
    switch (code) {
      case "file_unavailable":
        return "无法读写文件";
      case "not_a_workbook":
        return "不是可读取的 Excel 工作簿";
      case "excel_rejected":
        return "Excel 拒绝了本次操作";
      case "workbook_changed":
        return "工作簿在处理期间有改动";
      case "sheet_protected":
        return "工作表受保护";
      case "payload_too_large":
        return "数据量超出 Excel 单次请求的上限";
      case "api_unsupported":
        return "当前 Excel 版本不支持本助手（需要 ExcelApi 1.9）";
    }
  },
  unexpectedErrorTitle: "操作出错",
  timeoutTitle: (seconds) => `Excel 在 ${seconds} 秒内没有响应`,
  failedIn: (phase) => {
    switch (phase) {
      case "loading":
        return "未能加载本助手的程序，工作簿没有改动。请检查网络后重试。";
      case "reading":
        return "在读取工作簿时中断，没有写入任何内容。";
      case "writing":
        return "在写入时中断：Excel 没有确认写入，部分工作表可能已写入，其余未写入。请重试，重试会重新写入全部内容。";
      case "selecting":
        return "未能选中该单元格，工作簿没有改动。";
      case "saving":
        return "设置没有保存。";
    }
  },
  changedMeanwhile: (action) =>
    `${action === null ? "本助手" : `“${actionNames[action]}”`}运行期间工作簿有改动，没有写入任何内容。请再运行一次。`,
  sheetsProtected: (sheets) =>
    `工作表${sheets.map((s) => `“${s}”`).join("、")}受保护（审阅 → 撤消工作表保护），没有写入任何内容。请撤消保护后再运行一次。`,
  cosmeticFailureTitle: "数据已写入，但部分版式未能应用",
  cosmeticFailure:
    "Excel 拒绝了部分版式设置（列宽、颜色、下拉列表、冻结窗格、打印设置、图表或批注）。已填报和已写入的内容不受影响；再运行一次即可补上。",
  protectionNotRestored: (sheets) =>
    `工作表${sheets.map((s) => `“${s}”`).join("、")}的保护在写入时临时撤消，写入失败后也未能恢复，目前处于未保护状态。请再运行一次以恢复保护。`,
  retry: "重试",
  dismiss: "关闭",
  validatedTitle: (errors, warnings) =>
    errors === 0 && warnings === 0
      ? "校验完成：没有发现问题"
      : `校验完成：${errors} 个错误，${warnings} 个警告`,
  markedSheets: (sheets) => `已标注并计算 ${sheets.length} 张工作表：${sheets.join("、")}`,
  summaryWritten: (sheet) => `已写入“${sheet}”工作表`,
  summaryNotWritten: "未写入汇总表（点击“生成汇总”写入）",
  asOfLine: (asOf) => `统计截止日：${asOf}`,
  results: {
    heading: "校验结果",
    errors: (count) => `错误 ${count}`,
    warnings: (count) => `警告 ${count}`,
    sheetFilter: "工作表",
    severityFilter: "严重程度",
    allSheets: "全部工作表",
    allSeverities: "全部",
    severity: { error: "错误", warning: "警告" },
    listLabel: "问题列表",
    where: (sheet, cell) => (cell === "" ? sheet : `${sheet}!${cell}`),
    noIssues: "没有发现问题。",
    noneMatch: "没有符合筛选条件的问题。",
    showing: (shown, total) => `显示 ${shown} / ${total} 个问题`,
    showMore: "显示更多",
    keyboardHint: "用上下方向键浏览问题，按 Enter 选中对应单元格。",
  },
  summary: {
    heading: "目标完成情况",
    target: (value) => `目标：${value}`,
    actual: (value) => `实际：${value}`,
    status: {
      met: "达标",
      not_met: "未达标",
      no_data: "无数据",
      invalid: "数据有误",
      cannot_judge: "无法判定",
      pending: "推进中",
    },
    openSheet: (sheet) => `打开“${sheet}”工作表`,
    points: "断面与水源地",
    indicators: "量化指标",
    tasks: "任务",
    overdue: (count) => `逾期 ${count}`,
    tasksDone: (done, total) => `已完成 ${done}/${total}`,
  },
  settings: {
    heading: "设置",
    show: "设置",
    hide: "收起设置",
    asOf: "统计截止日",
    asOfHint: "判断任务是否逾期、统计监测数据到哪一天。不设置时使用今天；计划年度已过时为该年 12 月 31 日。",
    useToday: "使用默认日期（今天，不晚于计划年末）",
    publishedOn: "计划公布日期",
    publishedOnHint:
      "用于计算任务 44 的完成时限（公布后 20 个工作日内）。保存时会重新生成计划表格，已填报的数据会保留。",
    language: "语言",
    languageOffice: "跟随 Office",
    languageZh: "中文",
    languageEn: "English",
    save: "保存设置",
    saved: "设置已保存在工作簿中。",
    savedWithGenerate: "设置已保存；已重新生成计划表格以写入公布日期。",
    badDate: "请输入有效日期（年-月-日）。",
    dayPlaceholder: "年-月-日",
    storedInWorkbook: "设置保存在工作簿中，打开此工作簿的同事看到的设置相同。",
  },
  preview: {
    banner: "浏览器预览",
    note: "此页面在内存中的工作簿上运行同一个任务窗格，无需 Excel，也不联网。",
    emptyWorkbook: "工作簿还是空的。点击“生成计划表格”。",
    sheetTabs: "工作表",
    otherLanguage: "English",
    download: "下载 .xlsx",
    downloading: "正在准备文件…",
    downloadFailed: "无法生成 .xlsx 文件",
    gridLabel: (sheet) => `工作表“${sheet}”`,
    gridHint:
      "方向键移动，直接输入即可填写，Enter 或 Tab 确认，F2 编辑，Delete 清除，Ctrl+V 粘贴；F6 切换到任务窗格。",
    nameBox: "单元格",
    noteLine: (note) => `批注：${note}`,
    editing: "编辑中",
    validationAlert: { retry: "重试", cancel: "取消", yes: "是", no: "否", continueQuestion: "是否继续？" },
  },
  footer: {
    version: (version) => `版本 ${version}`,
    help: "使用说明",
    helpHint: "在浏览器中打开使用说明",
  },
  outsideOffice: {
    title: "请在 Excel 中打开",
    openInExcel:
      "这是 Excel 加载项“水污染防治计划助手”的任务窗格页面，只能在 Excel 中使用：在 Excel 的“开始”选项卡上点击“显示任务窗格”。在浏览器中直接打开此页面只能说明网站可以访问。",
    officeJsMissing:
      "Office.js 未能加载。如果您是在 Excel 中看到此消息，请检查这台电脑能否访问 Office.js 的来源（微软 CDN），或请管理员改用内置 Office.js 的安装包（见部署指南）。",
    version: (version) => `版本 ${version}`,
  },
};
