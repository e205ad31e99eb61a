import type { Locale } from "../core/locale";
import { formatWaterClass, parseWaterClass } from "../core/water-quality/waterClass";
import type { ReportPoint, ValidationReport } from "../workbook/validate/validationReport";
import { parameterName, verdictWords } from "../workbook/validate/verdicts";
import { cliMessages } from "./messages/cliMessages";
import { defaultReportWidth, textTable } from "./textTable";

/** A report's class ("Ⅲ类") in the reader's language. */
function classIn(text: string | null, locale: Locale): string {
  if (text === null) return "—";
  const read = parseWaterClass(text);
  return read.kind === "class" ? formatWaterClass(read.waterClass, locale) : text;
}

/** A point's row: name, target, class, samples, exceedances with multiples, verdict. */
function pointRow(p: ReportPoint, locale: Locale): string[] {
  return [
    p.name,
    classIn(p.target, locale),
    classIn(p.class, locale),
    String(p.samples),
    p.exceedances
      .map((e) => {
        const name = parameterName(e.key, locale);
        return e.multiple === null ? name : `${name}(${e.multiple.toFixed(2)})`;
      })
      .join(locale === "zh-CN" ? "、" : ", "),
    verdictWords[p.status][locale],
  ];
}

/** Why the report is as of its day: `--today`, today (the default), the plan year's end, the example's. */
export type AsOfReason = "option" | "today" | "plan_year_end" | "example";
/** Where the publication date came from: `--published`, the workbook's setting, the example's. */
export type PublishedReason = "option" | "setting" | "example";

/** What the report's first lines say: the plan, and which days it used and why. */
export interface ReportHeading {
  /** The plan's title in the reader's language. */
  readonly title: string;
  readonly asOfReason: AsOfReason;
  /** Ignored when the report has no publication date (then it says "not set"). */
  readonly publishedReason: PublishedReason;
}

/**
 * The validation report as a person reads it in a terminal: the plan with the as-of day and the
 * publication date it used and why, then goals, sections and sources, numeric targets, tasks by
 * status, and every problem with its sheet and cell. Tables fit `width` columns (the terminal's),
 * long cells wrapped, never cut; codes are left to the JSON report.
 *
 * @example
 * io.stdout(formatReportText(report, "zh-CN", { heading: { title, asOfReason: "today", publishedReason: "setting" } }));
 */
export function formatReportText(
  report: ValidationReport,
  locale: Locale,
  options: { readonly heading: ReportHeading; readonly width?: number },
): string {
  const m = cliMessages(locale).report;
  const width = options.width ?? defaultReportWidth;
  const { heading } = options;
  const verdict = (v: keyof typeof verdictWords): string => verdictWords[v][locale];
  const count = (test: (t: ValidationReport["tasks"][number]) => boolean): string =>
    String(report.tasks.filter(test).length);
  const sections = [
    [
      m.heading.plan(heading.title),
      m.heading.asOf(report.asOf, heading.asOfReason),
      m.heading.published(report.publishedOn, heading.publishedReason),
    ].join("\n"),
    `${m.goals}\n${textTable(
      m.columns.goal,
      report.goals.map((g) => [g.name, g.target, g.actual, verdict(g.status)]),
      width,
    )}`,
    `${m.points}\n${textTable(
      m.columns.point,
      report.points.map((p) => pointRow(p, locale)),
      width,
    )}`,
    `${m.indicators}\n${textTable(m.columns.indicator, report.indicators.map(indicatorRow(locale)), width)}`,
    `${m.tasks}\n${textTable(
      m.columns.taskCounts,
      [
        [
          count((t) => t.status === "not_started"),
          count((t) => t.status === "in_progress"),
          count((t) => t.status === "done"),
          count((t) => t.status === null),
          count((t) => t.overdue),
          // 逾期完成 as 汇总 counts it: a milestone delivered late included.
          count((t) => t.daysLate !== null),
        ],
      ],
      width,
    )}`,
    `${m.issues}\n${
      report.issues.length === 0
        ? m.noIssues
        : textTable(
            m.columns.issue,
            report.issues.map((i) => [`${i.sheet}!${i.cell}`, m.severity[i.severity], i.message]),
            width,
          )
    }`,
  ];
  return `${sections.join("\n\n")}\n`;
}

/** A numeric target's row: task, indicator, target, value judged, verdict. */
function indicatorRow(locale: Locale): (i: ValidationReport["indicators"][number]) => string[] {
  return (i) => [
    String(i.task),
    i.name,
    i.target,
    i.shownActual === null ? "—" : String(i.shownActual),
    verdictWords[i.status][locale],
  ];
}

/** One Markdown table; pipes in cells are escaped and line breaks become spaces. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string): string => text.replace(/\|/gu, "\\|").replace(/\s*\n\s*/gu, " ");
  const line = (row: readonly string[]): string => `| ${row.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * The validation report as Markdown tables (the golden summary under test/golden is one): the
 * goals, every point, every numeric target, tasks by status with the overdue ones, and the
 * problems found.
 *
 * @example
 * await writeFile("summary.md", formatReportMarkdown(report, "zh-CN"));
 */
export function formatReportMarkdown(report: ValidationReport, locale: Locale): string {
  const m = cliMessages(locale).report;
  const verdict = (v: keyof typeof verdictWords): string => verdictWords[v][locale];
  const overdue = report.tasks.filter((t) => t.overdue);
  return [
    `# ${report.plan.title} (${report.asOf})`,
    `## ${m.goals}`,
    markdownTable(
      m.columns.goal,
      report.goals.map((g) => [g.name, g.target, g.actual, verdict(g.status)]),
    ),
    `## ${m.points}`,
    markdownTable(
      m.columns.point,
      report.points.map((p) => pointRow(p, locale)),
    ),
    `## ${m.indicators}`,
    markdownTable(m.columns.indicator, report.indicators.map(indicatorRow(locale))),
    `## ${m.tasks}`,
    markdownTable(m.columns.taskCounts, [
      [
        String(report.tasks.filter((t) => t.status === "not_started").length),
        String(report.tasks.filter((t) => t.status === "in_progress").length),
        String(report.tasks.filter((t) => t.status === "done").length),
        String(report.tasks.filter((t) => t.status === null).length),
        String(overdue.length),
        String(report.tasks.filter((t) => t.daysLate !== null).length),
      ],
    ]),
    `## ${m.issues}`,
    report.issues.length === 0
      ? m.noIssues
      : markdownTable(
          // The golden files keep the codes, so a reviewer sees a verdict change its kind.
          [...m.columns.issue.slice(0, 2), "code", ...m.columns.issue.slice(2)],
          report.issues.map((i) => [`${i.sheet}!${i.cell}`, m.severity[i.severity], i.code, i.message]),
        ),
    "",
  ].join("\n\n");
}
