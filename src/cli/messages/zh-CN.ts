import type { CliMessages } from "./cliMessages";
import { clipQuotedInput } from "../../core/validation/clipQuotedInput";

/** 命令行的中文消息（默认语言）。 */
export const zhCNMessages: CliMessages = {
  programDescription: "水污染防治计划助手：在 .xlsx 工作簿中生成、校验和汇总水污染防治工作计划",
  version: (version) => `水污染防治计划助手 water-plan ${version}`,
  langOption: "消息语言：zh（中文，默认）或 en（英文）",
  generateDescription: "把计划的附件表格和填报工作表写入 .xlsx 工作簿（已填写的内容会保留）",
  outOption: "要写入的 .xlsx 文件；已存在时在其中重新生成，保留已填写的内容",
  planOption: "计划 JSON 文件（默认：内置的柳州市 2023 年度计划）",

  generated: (out, created, updated, keptEntries) =>
    `已写入 ${out}：新建工作表 ${created} 张，更新 ${updated} 张，保留已填写内容 ${keptEntries} 项。`,
  planCellsRestored: (cells) =>
    `已恢复被改动的计划原文 ${cells.length} 处：${cells.map((c) => `${c.where}（原为“${clipQuotedInput(c.old)}”）`).join("；")}。`,
  outNotXlsx: (out) => `输出文件 ${out} 的扩展名应为 .xlsx。`,
  outDirMissing: (dir) => `目录 ${dir} 不存在，请先创建该目录或换一个输出路径。`,
  outIsDirectory: (out) => `${out} 是一个目录，请指定一个 .xlsx 文件名。`,
  outNotAWorkbook: (out) => `${out} 不是可读取的 .xlsx 工作簿，未作任何改动。`,
  outEncrypted: (out) =>
    `${out} 已用密码加密（受保护），无法读取：请在 Excel 中“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码并保存后重试。未作任何改动。`,
  outLegacyXls: (out) =>
    `${out} 是 Excel 97–2003（.xls）格式：请在 Excel 中另存为 .xlsx 后重试。未作任何改动。`,
  outTooLarge: (out, size, limit) => `${out} 有 ${size} MB，超过可处理的 ${limit} MB，未作任何改动。`,
  outDamaged: (out) => `${out} 已损坏（可能下载不完整），无法读取，未作任何改动。`,
  outOverLimit: (out, passed) => {
    const limit = passed.limitValue.toLocaleString("en-US");
    const sheet = passed.sheet === null ? "" : `工作表“${passed.sheet}”`;
    const at = passed.at ?? "";
    const tail = "超出本工具可处理的范围，未作任何改动。";
    switch (passed.limit) {
      case "rowsPerSheet":
        return `${out} 的${sheet}超过 ${limit} 行（读到第 ${at} 行时停止），${tail}`;
      case "cellsPerSheet":
        return `${out} 的${sheet}超过 ${limit} 个单元格（读到 ${at} 时停止），${tail}`;
      case "cellsPerWorkbook":
        return `${out} 的单元格合计超过 ${limit} 个（读到${sheet}的 ${at} 时停止），${tail}`;
      case "mergedAreas":
        return `${out} 的合并单元格超过 ${limit} 处（读到${sheet}的 ${at} 时停止），${tail}`;
      case "mergedCells":
        return `${out} 的合并单元格共覆盖超过 ${limit} 个单元格（${sheet}的合并区域 ${at}），${tail}`;
      case "sharedStrings":
        return `${out} 的共享字符串超过 ${limit} 项，${tail}`;
      case "entries":
        return `${out} 的压缩包中超过 ${limit} 个部件，${tail}`;
      case "tagBytes":
        return `${out} 的${sheet === "" ? "一个部件" : sheet}中有超过 ${limit} 字节的 XML 标记，${tail}`;
      case "excelJsCells":
        return `${out} 共有 ${passed.found.toLocaleString("en-US")} 个单元格（最多的是${sheet}），超过重新生成时可载入的 ${limit} 个，未作任何改动（water-plan validate 仍可校验它）。`;
    }
  },
  outXmlEntities: (out) =>
    `${out} 含有 XML 文档类型声明（实体），Excel 保存的工作簿中不会有这种内容；为安全起见未读取，未作任何改动。`,
  outReadOnly: (out) => `${out} 是只读文件，没有覆盖它。请取消只读属性或换一个输出文件后重试。`,
  outSymlink: (out, target) =>
    `${out} 是指向 ${target} 的符号链接，没有写入（以免替换链接或它指向的文件）。请直接指定要写入的文件。`,
  outUnreadable: (out, reason) => `无法读取 ${out}（${reason}）。`,
  outUnwritable: (out, reason, existed) =>
    `无法写入 ${out}（${reason}）${existed ? "，原有文件未被改动" : ""}。`,
  planMissing: (plan) => `找不到计划文件 ${plan}。`,
  planUnreadable: (plan, reason) => `无法读取计划文件 ${plan}（${reason}）。`,
  planNotJson: (plan, reason) => `计划文件 ${plan} 不是有效的 JSON：${reason}`,
  planInvalid: (plan, problems) => `${plan}：${problems}`,
  excelRejected: (reason) => `无法写入工作表：${reason}`,
  sheetsProtected: (sheets) =>
    `工作表${sheets.map((s) => `“${s}”`).join("、")}受保护（在 Excel 中：审阅 → 撤消工作表保护），没有写入任何内容。请撤消保护后重试。`,
  workbookChanged: "处理期间工作簿有改动，没有写入任何内容。请再运行一次。",
  fileReason: (code) => {
    switch (code ?? "") {
      case "EACCES":
      case "EPERM":
        return "没有权限";
      case "ENOSPC":
        return "磁盘空间不足";
      case "EROFS":
        return "文件系统为只读";
      case "EBUSY":
        return "文件正被其他程序占用";
      case "ENOENT":
        return "文件或目录不存在";
      case "EISDIR":
        return "这是一个目录";
      default:
        return code || "原因不明";
    }
  },
  internalError: (reason) => `内部错误：${reason}（请将此消息报告给开发者）`,
  badLang: (text) => `语言“${text}”无效：请使用 zh 或 en`,
  missingOptionValue: (option) => `选项 ${option} 缺少取值`,

  validateDescription: "校验工作簿中填报的内容，判定计划的各项目标，并写入汇总表",
  bookArgument: "要校验的 .xlsx 工作簿（不会被改动，除非 --out 指向它）",
  markedOutOption: "把标注了问题、填好计算列和汇总表的工作簿写入此 .xlsx 文件",
  jsonOption: "以 JSON 输出校验报告",
  todayOption: "统计截止日 YYYY-MM-DD（默认今天，不晚于计划年末）",
  publishedOption: "市级工作计划公布日期 YYYY-MM-DD（默认取工作簿中的设置）",
  inputMissing: (book) => `找不到工作簿 ${book}。`,
  inputIsDirectory: (book) => `${book} 是一个目录，请指定一个 .xlsx 文件。`,
  inputNotXlsx: (book) => `${book} 的扩展名应为 .xlsx。`,
  badDate: (option, value) => `${option} 的值“${value}”不是有效日期，请写作 YYYY-MM-DD，如 2023-06-30。`,
  noPlanSheets: (book) => `${book} 中没有本助手生成的计划表格，请先用 water-plan generate 生成。`,
  summarySheetTaken: (sheet) =>
    `工作簿中已有名为“${sheet}”的工作表，但它不是本助手生成的；为保护其中的数据未作任何改动，请将其改名后重试。`,
  validated: (book, errors, warnings, out) =>
    `已校验 ${book}：错误 ${errors} 项，警告 ${warnings} 项。${out === null ? "未写入文件（用 --out 写入标注后的工作簿）。" : `已写入 ${out}。`}`,
  demoFinished: (path, errors, warnings, noteSheet) =>
    [
      `示例工作簿（虚构的示例数据）已写入 ${path}：错误 ${errors} 项，警告 ${warnings} 项。`,
      "下一步：",
      `  1. 用 Excel、WPS 表格或 LibreOffice Calc 打开 ${path}：先读“${noteSheet}”表；有问题的单元格已标色并加批注，“汇总”表列出各项目标的达标情况。`,
      "  2. 运行 npm run preview，在浏览器中打开 http://localhost:3000/，亲手填报、校验、点击问题定位到单元格、生成汇总。",
      "  3. 校验自己的工作簿：npx water-plan validate 工作簿.xlsx --out 标注后.xlsx",
    ].join("\n"),
  report: {
    heading: {
      plan: (title) => `计划：${title}`,
      asOf: (date, reason) =>
        `统计截止日：${date}（${
          {
            option: "由 --today 指定",
            today: "默认：今天",
            plan_year_end: "默认：计划年末，今天已过计划年度",
            example: "示例设定",
          }[reason]
        }）`,
      published: (date, reason) =>
        date === null
          ? "计划公布日期：未设置（依公布日期计算的完成时限无法确定；可在任务窗格的设置中填写，或用 --published 指定）"
          : `计划公布日期：${date}（${
              { option: "由 --published 指定", setting: "取自工作簿的设置", example: "示例设定" }[reason]
            }）`,
    },
    goals: "水质目标",
    points: "断面与水源地",
    indicators: "量化指标",
    tasks: "重点任务",
    issues: "问题清单",
    noIssues: "未发现问题。",
    columns: {
      goal: ["目标", "要求", "实际", "状态"],
      point: ["名称", "目标", "类别", "样品数", "超标因子（倍数）", "状态"],
      indicator: ["任务", "指标", "目标", "判定值", "状态"],
      taskCounts: ["未启动", "推进中", "已完成", "未填报", "逾期", "逾期完成"],
      issue: ["单元格", "级别", "说明"],
    },
    severity: { error: "错误", warning: "警告" },
  },

  classify: {
    description: "按 GB 3838-2002 判定一个水样的水质类别",
    assignmentsArgument: "监测项目=数值，例如 氨氮=0.8 DO=6 pH=7.2 总磷=0.02L",
    waterbodyOption: "水体类型：river（河流，默认）或 lake（湖库）",
    targetOption: "水质目标，例如 Ⅲ类、达到或好于Ⅲ类",
    sourceOption: "按集中式饮用水水源判定（Ⅲ类及表2、表3限值）",
    jsonOption: "以 JSON 输出",
    langOption: "消息语言：zh（中文，默认）或 en（英文）",
    noAssignments: () => "请至少给出一个“监测项目=数值”，例如 water-plan classify 氨氮=0.8 DO=6",
    notAnAssignment: (text) => `“${text}”不是“监测项目=数值”的形式，例如 氨氮=0.8`,
    duplicateParameter: (name) => `监测项目“${name}”给出了不止一次`,
    badWaterbody: (text) => `水体类型“${text}”无效：请使用 river（河流）或 lake（湖库）`,
    inAssignment: (assignment, message) => `${assignment}：${message}`,
    classLine: (waterClass) => `水质类别：${waterClass}`,
    noData: "无数据（未给出参与评价的 21 项指标）",
    noClass: "不分类",
    notMonitored: "未监测",
    coreItemsMissing: (items, missing) =>
      `注意：类别仅依据 ${items} 项评价指标，缺少核心项目 ${missing}：未监测的项目可能使类别更差，不能据此判定达标。`,
    mayBeBetter: "（检出限偏高，可能更好）",
    mainPollutants: (list) => `主要污染指标：${list}`,
    none: "无",
    target: (target, status) => `水质目标 ${target}：${status}`,
    source: (status) => `饮用水水源（Ⅲ类及表2、表3限值）：${status}`,
    status: { met: "达标", not_met: "未达标", cannot_judge: "无法判定", no_data: "无数据" },
    exceedance: (name, detail) => `  ${name}：${detail}`,
    multiple: (value) => `超标 ${value} 倍`,
    shortfall: (value) => `低于目标 ${value} mg/L`,
    belowDetectionLimit: (detectionLimit, limit) =>
      `低于检出限 ${detectionLimit} mg/L，未达到 ${limit} mg/L（差值无法计算）`,
    outOfRange: "超出 6～9",
    warning: (message) => `注意：${message}`,
  },

  commandLine: {
    usage: (usageLine) => `用法：${usageLine}`,
    headings: { arguments: "参数：", options: "选项：", globalOptions: "全局选项：", commands: "命令：" },
    optionsTerm: "[选项]",
    commandTerm: "[命令]",
    placeholders: {
      file: "文件",
      date: "日期",
      book: "工作簿",
      lang: "语言",
      command: "命令",
      waterbody: "水体",
      targetClass: "水质目标",
      assignments: "监测项目=数值",
    },
    helpOption: "显示帮助",
    helpCommand: "显示某个命令的帮助",
    versionOption: "显示版本号",
    unknownCommand: (name, suggestion, commands) =>
      `未知命令“${name}”${suggestion === undefined ? "" : `（是不是 ${suggestion}？）`}。可用的命令：${commands.join("、")}。`,
    unknownOption: (option, suggestion, command) =>
      `未知选项 ${option}${suggestion === undefined ? "" : `（是不是 ${suggestion}？）`}。用 ${command} --help 查看可用的选项。`,
    missingArgument: (argument, usage) => `缺少参数 ${argument}。用法：${usage}`,
    missingOption: (command, option, description) => `${command} 需要选项 ${option}：${description}`,
    tooManyArguments: (command, expected, received) =>
      `参数过多：${command} 只接受 ${expected} 个参数，实际给出 ${received} 个。`,
    otherUsageError: (command, detail) => `${command} 的用法有误：${detail}`,
  },
};
