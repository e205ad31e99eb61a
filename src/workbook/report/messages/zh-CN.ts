import type { ReportWords } from "./reportWords";

const date = (iso: string): string => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${String(y)}年${String(m)}月${String(d)}日`;
};

/** The 进展报告 in Chinese, worded as a bureau writes to the city government. */
export const zhCnReportWords: ReportWords = {
  // Broken where a reader pauses: the plan's name, then what the report is.
  title: (planTitle) => `关于${planTitle.replace(/\s+/gu, "")}\n执行情况的报告`,
  subtitle: (asOf) => `（截至${date(asOf)}，初稿）`,
  opening: (planTitle, asOf, errors, warnings) =>
    `按照《${planTitle.replace(/\s+/gu, "")}》要求，现将截至${date(asOf)}计划执行情况报告如下。本报告数据均取自计划工作簿的校验结果，校验共发现错误${String(errors)}项、提示${String(warnings)}项，相关数据更正后结论可能变化。`,
  headings: {
    goals: "一、水质目标总体完成情况",
    surface: "二、地表水环境质量状况",
    national: "（一）国家考核断面",
    regional: "（二）自治区考核断面",
    outlook: "（三）达标倒推与预警",
    months: "（四）水质类别月度变化",
    sources: "三、集中式饮用水水源地水质状况",
    tasks: "四、重点任务推进情况",
    byUnit: "（一）按牵头单位统计",
    indicators: "五、量化指标完成情况",
    problems: "六、存在的问题",
    unmet: "（一）未达到的目标",
    overdue: "（二）逾期任务",
    data: "（三）数据问题",
    next: "七、下一步工作打算",
  },
  goal: (name, actual, verdict) => {
    const tail: Record<typeof verdict, string> = {
      met: "已达到目标要求",
      not_met: "未达到目标要求",
      no_data: "暂无监测数据，尚不能评价",
      invalid: "部分数据有误，更正后方可判定",
      cannot_judge: "受检出限影响，暂无法判定",
      pending: "相关任务正在推进",
    };
    return `${name}。目前${actual}，${tail[verdict]}。`;
  },
  goalsTally: (total, met) => `计划确定的${String(total)}项水质目标中，已达到${String(met)}项。`,
  sectionsTally: (group, c) =>
    `${group}共${String(c.total)}个，达到水质目标${String(c.met)}个，未达到${String(c.notMet)}个` +
    (c.invalid > 0 ? `，数据有误待更正${String(c.invalid)}个` : "") +
    (c.noData > 0 ? `，暂无数据${String(c.noData)}个` : "") +
    (c.cannotJudge > 0 ? `，无法判定${String(c.cannotJudge)}个` : "") +
    "。",
  pointMissed: (name, cls, target, pollutants) =>
    `${name}断面水质为${cls}，未达到${target}目标，${pollutants}。`,
  pollutant: (name, multiple) => (multiple === null ? `${name}不达标` : `${name}超标${String(multiple)}倍`),
  noPollutant: "超标因子待核实",
  sourcesTally: (c) =>
    `全市县级及以上集中式饮用水水源地共${String(c.total)}个，达到水质目标${String(c.met)}个，未达到${String(c.notMet)}个` +
    (c.invalid > 0 ? `，数据有误待更正${String(c.invalid)}个` : "") +
    (c.noData > 0 ? `，暂无数据${String(c.noData)}个` : "") +
    (c.cannotJudge > 0 ? `，无法判定${String(c.cannotJudge)}个` : "") +
    "。",
  pointsHeader: ["名称", "水质目标", "水质类别", "样品数", "超标因子（倍数）", "状态"],
  pointsCaption: (group) => `${group}水质情况`,
  groups: { national: "国家考核断面", regional: "自治区考核断面", sources: "集中式饮用水水源地" },
  outlookIntro: (remaining, warned, total) =>
    remaining > 0
      ? `按全年均值评价，对各点位决定水质类别的${String(total)}项指标逐一倒推剩余${String(remaining)}个月的均值上限（溶解氧为下限），其中${String(warned)}项需要预警。`
      : `全年已无剩余月份，以下为全年均值与目标限值的比较，其中${String(warned)}项需要关注。`,
  outlookItem: (point, parameter, mean, limit, allowance, bound, warnings) =>
    `${point}${parameter}年均值${mean}，目标限值${limit}` +
    (allowance === "" ? "" : `，剩余月份均值须${bound === "max" ? "不高于" : "不低于"}${allowance}`) +
    `（${warnings}）。`,
  outlookNone: "各点位决定水质类别的指标目前均有余量，暂无预警。",
  outlookHeader: ["点位", "指标", "水质目标", "年均值", "限值", "剩余月份均值", "预警"],
  outlookCaption: "达标倒推（单位：mg/L）",
  monthsIntro: "各点位逐月水质类别见下表（空白为当月无监测数据）。",
  monthsHeader: ["点位", "目标", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
  monthsCaption: "水质类别月度变化（按月份）",
  tasksTally: (c) =>
    `计划共列重点任务${String(c.total)}项。已完成${String(c.done)}项，正在推进${String(c.inProgress)}项，尚未启动${String(c.notStarted)}项` +
    (c.blank > 0 ? `，未填报进展${String(c.blank)}项` : "") +
    `；逾期未完成${String(c.overdue)}项，超过时限完成${String(c.late)}项。`,
  overdueItem: (n, mainTask, units, due, days) =>
    `第${String(n)}项（${mainTask}），牵头单位${units}，完成时限${date(due)}` +
    (days === null ? "，已逾期。" : `，已逾期${String(days)}天。`),
  lateItem: (n, mainTask, late) =>
    `第${String(n)}项（${mainTask}）${late
      .map(
        (l) =>
          `${l.what === "" ? "完成时限" : `“${l.what}”时限`}${date(l.date)}，于${date(l.doneOn)}完成，逾期${String(l.days)}天`,
      )
      .join("；")}。`,
  byUnitHeader: ["牵头单位", "任务数", "已完成", "推进中", "未启动", "未填报", "逾期"],
  byUnitCaption: "重点任务推进情况（按牵头单位）",
  indicatorsTally: (c) =>
    `计划中的量化指标共${String(c.total)}项，已达到${String(c.met)}项，未达到${String(c.notMet)}项` +
    (c.invalid > 0 ? `，数据有误${String(c.invalid)}项` : "") +
    (c.noData > 0 ? `，尚未填报${String(c.noData)}项` : "") +
    "。",
  indicatorsHeader: ["任务", "指标", "目标", "判定值", "状态"],
  indicatorsCaption: "量化指标完成情况",
  soft: "（力争）",
  unmetGoal: (name, actual) => `${name}：${actual}。`,
  unmetPoint: (name, cls, target) => `${name}水质为${cls}，未达到${target}目标。`,
  unmetIndicator: (task, name, target, actual) =>
    `第${String(task)}项任务${name}目标${target}，实际${actual}，未达到。`,
  noneFound: "无。",
  dataIssue: (where, message) => `${where}：${message}`,
  dataTally: (errors, warnings) =>
    `校验共发现错误${String(errors)}项、提示${String(warnings)}项，除上述目标和任务外逐条列出如下，请有关单位核实更正：`,
  wholeSheet: (sheet) => `${sheet}（整表）`,
  toFill: "【待填写】",
  verdict: {
    met: "达标",
    not_met: "未达标",
    no_data: "无数据",
    invalid: "数据有误",
    cannot_judge: "无法判定",
    pending: "推进中",
  },
  taskStatus: { done: "已完成", in_progress: "推进中", not_started: "未启动", blank: "未填报" },
  date,
  listSeparator: "，",
  sentenceGap: "",
};
