import type { Locale } from "../core/locale";
import type { ValidationReport } from "../workbook/validate/validateWorkbook";
import { verdictWords } from "../workbook/validate/verdicts";
import { cliMessages } from "./messages/cliMessages";

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
 * Lays rows out as an aligned text table with a rule under the header.
 *
 * @example
 * textTable(["名称", "状态"], [["露塘", "达标"]]) // "名称  状态\n----  ----\n露塘  达标"
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  maxWidth = 40,
): string {
  const cells = [header, ...rows].map((row) =>
    row.map((cell) => fit(cell.replace(/\s*\n\s*/gu, " "), maxWidth)),
  );
  const widths = header.map((_, c) => Math.max(...cells.map((row) => displayWidth(row[c] ?? ""))));
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
      36,
    )}`,
    `${m.points}\n${textTable(
      m.columns.point,
      report.points.map((p) => [
        p.name,
        p.target,
        p.class ?? "—",
        String(p.samples),
        p.exceedances
          .map((e) => (e.multiple === null ? e.parameter : `${e.parameter}(${e.multiple.toFixed(2)})`))
          .join(", "),
        verdict(p.status),
      ]),
    )}`,
    `${m.indicators}\n${textTable(
      m.columns.indicator,
      report.indicators.map((i) => [
        String(i.task),
        i.name,
        i.target,
        i.actual === null ? "—" : String(Math.round(i.actual * 100) / 100),
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
