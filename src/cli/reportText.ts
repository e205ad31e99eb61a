import type { Locale } from "../core/locale";
import { formatWaterClass, parseWaterClass } from "../core/water-quality/waterClass";
import type { ReportPoint, ValidationReport } from "../workbook/validate/validationReport";
import { parameterName, verdictWords } from "../workbook/validate/verdicts";
import { cliMessages } from "./messages/cliMessages";

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

/** Columns a character takes in a terminal: CJK and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/** Cuts a cell to `max` columns with an ellipsis, so one long task name cannot stretch a table. */
function fit(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Lays rows out as an aligned text table with a rule under the header, each cell cut to
 * `maxWidth` columns (one limit for all, or one per column).
 *
 * @example
 * textTable(["名称", "状态"], [["露塘", "达标"]]) // "名称  状态\n----  ----\n露塘  达标"
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  maxWidth: number | readonly number[] = 40,
): string {
  const limit = (c: number): number => (typeof maxWidth === "number" ? maxWidth : (maxWidth[c] ?? 40));
  const cells = [header, ...rows].map((row) =>
    row.map((cell, c) => fit(cell.replace(/\s*\n\s*/gu, " "), limit(c))),
  );
  // A loop, not Math.max(...): a report of 100,000 issues would overflow the call stack.
  const widths = header.map((_, c) =>
    cells.reduce((max, row) => Math.max(max, displayWidth(row[c] ?? "")), 0),
  );
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => `${cell}${" ".repeat((widths[c] ?? 0) - displayWidth(cell))}`)
      .join("  ")
      .trimEnd();
  const [head, ...body] = cells;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/**
 * The validation report as a person reads it in a terminal: goals, sections and sources, numeric
 * targets, tasks by status, then every problem with its sheet and cell.
 *
 * @example
 * io.stdout(formatReportText(report, "zh-CN"));
 */
export function formatReportText(report: ValidationReport, locale: Locale): string {
  const m = cliMessages(locale).report;
  const verdict = (v: keyof typeof verdictWords): string => verdictWords[v][locale];
  const count = (test: (t: ValidationReport["tasks"][number]) => boolean): string =>
    String(report.tasks.filter(test).length);
  const sections = [
    `${m.goals}\n${textTable(
      m.columns.goal,
      report.goals.map((g) => [g.name, g.target, g.actual, verdict(g.status)]),
      // The goal's wording is cut; its figures never are.
      [36, 40, 80, 20],
    )}`,
    `${m.points}\n${textTable(
      m.columns.point,
      report.points.map((p) => pointRow(p, locale)),
    )}`,
    `${m.indicators}\n${textTable(
      m.columns.indicator,
      report.indicators.map((i) => [
        String(i.task),
        i.name,
        i.target,
        i.shownActual === null ? "—" : String(i.shownActual),
        verdict(i.status),
      ]),
      30,
    )}`,
    `${m.tasks}\n${textTable(m.columns.taskCounts, [
      [
        count((t) => t.status === "not_started"),
        count((t) => t.status === "in_progress"),
        count((t) => t.status === "done"),
        count((t) => t.status === null),
        count((t) => t.overdue),
      ],
    ])}`,
    `${m.issues}\n${
      report.issues.length === 0
        ? m.noIssues
        : textTable(
            m.columns.issue,
            report.issues.map((i) => [`${i.sheet}!${i.cell}`, m.severity[i.severity], i.code, i.message]),
            90,
          )
    }`,
  ];
  return `${sections.join("\n\n")}\n`;
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
    markdownTable(
      m.columns.indicator,
      report.indicators.map((i) => [
        String(i.task),
        i.name,
        i.target,
        i.shownActual === null ? "—" : String(i.shownActual),
        verdict(i.status),
      ]),
    ),
    `## ${m.tasks}`,
    markdownTable(m.columns.taskCounts, [
      [
        String(report.tasks.filter((t) => t.status === "not_started").length),
        String(report.tasks.filter((t) => t.status === "in_progress").length),
        String(report.tasks.filter((t) => t.status === "done").length),
        String(report.tasks.filter((t) => t.status === null).length),
        String(overdue.length),
      ],
    ]),
    `## ${m.issues}`,
    report.issues.length === 0
      ? m.noIssues
      : markdownTable(
          m.columns.issue,
          report.issues.map((i) => [`${i.sheet}!${i.cell}`, m.severity[i.severity], i.code, i.message]),
        ),
    "",
  ].join("\n\n");
}
