import type { ReportWords } from "./reportWords";

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const date = (iso: string): string => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${String(d)} ${monthNames[(m ?? 1) - 1] ?? ""} ${String(y)}`;
};

/** "1 has", "2 have": a count with the verb that agrees with it. */
const agree = (n: number, one: string, many: string): string => `${String(n)} ${n === 1 ? one : many}`;

const plural = (n: number, one: string, many = `${one}s`): string => `${String(n)} ${n === 1 ? one : many}`;

/** The 进展报告 in English. */
export const enUsReportWords: ReportWords = {
  title: (planTitle) => `Report on the Progress of the ${planTitle}`,
  subtitle: (asOf) => `(as of ${date(asOf)}, draft)`,
  opening: (planTitle, asOf, errors, warnings) =>
    `As the ${planTitle} requires, this report sets out its progress as of ${date(asOf)}. Every figure comes from the validation of the plan's workbook, which found ${plural(errors, "error")} and ${plural(warnings, "warning")}; conclusions may change once the data are corrected.`,
  headings: {
    goals: "1. Overall attainment of the water-quality goals",
    surface: "2. Surface water",
    national: "2.1 National assessment sections",
    regional: "2.2 Regional assessment sections",
    outlook: "2.3 What the rest of the year allows, and early warnings",
    months: "2.4 Class month by month",
    sources: "3. Drinking-water sources",
    tasks: "4. Key tasks",
    byUnit: "4.1 By lead unit",
    indicators: "5. Numeric targets",
    problems: "6. Problems",
    unmet: "6.1 Targets not met",
    overdue: "6.2 Overdue tasks",
    data: "6.3 Data problems",
    next: "7. Next steps",
  },
  goal: (name, actual, verdict) => {
    const tail: Record<typeof verdict, string> = {
      met: "the goal is met",
      not_met: "the goal is not met",
      no_data: "there is no monitoring data yet to judge it",
      invalid: "some of its data is wrong and must be corrected before it can be judged",
      cannot_judge: "detection limits leave it undetermined",
      pending: "the tasks behind it are under way",
    };
    return `${name}. So far: ${actual}; ${tail[verdict]}.`;
  },
  goalsTally: (total, met) =>
    `Of the plan's ${plural(total, "water-quality goal")}, ${String(met)} ${met === 1 ? "is" : "are"} met.`,
  sectionsTally: (group, c) =>
    `Of the ${String(c.total)} ${group}, ${String(c.met)} ${c.met === 1 ? "meets its target" : "meet their targets"} and ${String(c.notMet)} ${c.notMet === 1 ? "does" : "do"} not` +
    (c.invalid > 0 ? `; ${agree(c.invalid, "has", "have")} wrong data to correct` : "") +
    (c.noData > 0 ? `; ${agree(c.noData, "has", "have")} no data` : "") +
    (c.cannotJudge > 0 ? `; ${String(c.cannotJudge)} cannot be judged` : "") +
    ".",
  pointMissed: (name, cls, target, pollutants) =>
    `Section ${name} is ${cls}, short of its target ${target}; ${pollutants}.`,
  pollutant: (name, multiple) =>
    multiple === null ? `${name} misses its limit` : `${name} exceeds its limit by ${String(multiple)} times`,
  noPollutant: "the exceeding parameters are still to be checked",
  sourcesTally: (c) =>
    `Of the ${String(c.total)} county-level and higher drinking-water sources, ${String(c.met)} ${c.met === 1 ? "meets its target" : "meet their targets"} and ${String(c.notMet)} ${c.notMet === 1 ? "does" : "do"} not` +
    (c.invalid > 0 ? `; ${agree(c.invalid, "has", "have")} wrong data to correct` : "") +
    (c.noData > 0 ? `; ${agree(c.noData, "has", "have")} no data` : "") +
    (c.cannotJudge > 0 ? `; ${String(c.cannotJudge)} cannot be judged` : "") +
    ".",
  pointsHeader: ["Name", "Target", "Class", "Samples", "Exceedances (multiple)", "Status"],
  pointsCaption: (group) => `Water quality of the ${group}`,
  groups: { national: "national sections", regional: "regional sections", sources: "drinking-water sources" },
  outlookIntro: (remaining, warned, total) =>
    remaining > 0
      ? `The year is judged on its mean. For the ${plural(total, "parameter")} that decide a point's class, the table gives the average the remaining ${plural(remaining, "month")} may not exceed (for dissolved oxygen, must reach); ${agree(warned, "calls", "call")} for a warning.`
      : `No month of the year remains; the table compares each year's mean with the target's limit, and ${agree(warned, "calls", "call")} for attention.`,
  outlookItem: (point, parameter, mean, limit, allowance, bound, warnings) =>
    `${point}, ${parameter}: mean so far ${mean} against a limit of ${limit}` +
    (allowance === ""
      ? ""
      : `; the remaining months must average ${bound === "max" ? "at most" : "at least"} ${allowance}`) +
    ` (${warnings}).`,
  outlookNone: "Every parameter that decides a point's class still has room to spare: no warning.",
  outlookHeader: ["Point", "Parameter", "Target", "Mean so far", "Limit", "Remaining months", "Warning"],
  outlookCaption: "What the rest of the year allows (mg/L)",
  monthsIntro: "Each point's class month by month (blank: no data that month).",
  monthsHeader: ["Point", "Target", ...months],
  monthsCaption: "Class month by month",
  tasksTally: (c) =>
    `The plan lists ${plural(c.total, "key task")}: ${String(c.done)} done, ${String(c.inProgress)} under way, ${String(c.notStarted)} not started` +
    (c.blank > 0 ? `, ${String(c.blank)} without a report` : "") +
    `; ${String(c.overdue)} overdue and ${String(c.late)} finished after the deadline.`,
  overdueItem: (n, mainTask, units, due, days) =>
    `Task ${String(n)} (${mainTask}), led by ${units}, was due on ${date(due)}` +
    (days === null ? " and is overdue." : ` and is ${plural(days, "day")} overdue.`),
  lateItem: (n, mainTask, late) =>
    `Task ${String(n)} (${mainTask}): ${late
      .map(
        (l) =>
          `${l.what === "" ? "due" : `“${l.what}” due`} on ${date(l.date)}, done on ${date(l.doneOn)}, ${plural(l.days, "day")} late`,
      )
      .join("; ")}.`,
  byUnitHeader: ["Lead unit", "Tasks", "Done", "Under way", "Not started", "Not reported", "Overdue"],
  byUnitCaption: "Key tasks by lead unit",
  indicatorsTally: (c) =>
    `Of the plan's ${plural(c.total, "numeric target")}, ${agree(c.met, "is", "are")} met and ${agree(c.notMet, "is", "are")} not` +
    (c.invalid > 0 ? `; ${agree(c.invalid, "has", "have")} wrong data` : "") +
    (c.noData > 0 ? `; ${agree(c.noData, "is", "are")} not reported yet` : "") +
    ".",
  indicatorsHeader: ["Task", "Indicator", "Target", "Value judged", "Status"],
  indicatorsCaption: "Numeric targets",
  soft: " (strive for)",
  unmetGoal: (name, actual) => `${name}: ${actual}.`,
  unmetPoint: (name, cls, target) => `${name} is ${cls}, short of its target ${target}.`,
  unmetIndicator: (task, name, target, actual) =>
    `Task ${String(task)}, ${name}: target ${target}, actual ${actual}, not met.`,
  noneFound: "None.",
  dataIssue: (where, message) => `${where}: ${message}`,
  dataTally: (errors, warnings) =>
    `Validation found ${plural(errors, "error")} and ${plural(warnings, "warning")}. Besides the targets and tasks above, each is listed below for the units concerned to check and correct:`,
  wholeSheet: (sheet) => `${sheet} (the sheet as a whole)`,
  toFill: "[to be written]",
  verdict: {
    met: "Met",
    not_met: "Not met",
    no_data: "No data",
    invalid: "Invalid data",
    cannot_judge: "Cannot judge",
    pending: "In progress",
  },
  taskStatus: { done: "Done", in_progress: "Under way", not_started: "Not started", blank: "Not reported" },
  date,
  listSeparator: ", ",
  sentenceGap: " ",
};
