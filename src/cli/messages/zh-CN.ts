import type { CliMessages } from "./cliMessages";

/** 命令行的中文消息（默认语言）。 */
export const zhCNMessages: CliMessages = {
  programDescription: "水污染防治计划助手：在 .xlsx 工作簿中生成、校验和汇总水污染防治工作计划",
  langOption: "消息语言：zh（中文，默认）或 en（英文）",
  generateDescription: "把计划的附件表格和填报工作表写入 .xlsx 工作簿（已填写的内容会保留）",
  outOption: "要写入的 .xlsx 文件；已存在时在其中重新生成，保留已填写的内容",
  planOption: "计划 JSON 文件（默认：内置的柳州市 2023 年度计划）",

  generated: (out, created, updated, keptEntries) =>
    `已写入 ${out}：新建工作表 ${created} 张，更新 ${updated} 张，保留已填写内容 ${keptEntries} 项。`,
  outNotXlsx: (out) => `输出文件 ${out} 的扩展名应为 .xlsx。`,
  outDirMissing: (dir) => `目录 ${dir} 不存在，请先创建该目录或换一个输出路径。`,
  outIsDirectory: (out) => `${out} 是一个目录，请指定一个 .xlsx 文件名。`,
  outNotAWorkbook: (out) => `${out} 不是可读取的 .xlsx 工作簿，未作任何改动。`,
  outUnreadable: (out, reason) => `无法读取 ${out}（${reason}）。`,
  outUnwritable: (out, reason, existed) =>
    `无法写入 ${out}（${reason}）${existed ? "，原有文件未被改动" : ""}。`,
  planMissing: (plan) => `找不到计划文件 ${plan}。`,
  planUnreadable: (plan, reason) => `无法读取计划文件 ${plan}（${reason}）。`,
  planNotJson: (plan, reason) => `计划文件 ${plan} 不是有效的 JSON：${reason}`,
  planInvalid: (plan, problems) => `${plan}：${problems}`,
  excelRejected: (reason) => `无法写入工作表：${reason}`,
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
};
