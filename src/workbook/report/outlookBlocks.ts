import type { Locale } from "../../core/locale";
import type { ValidationReport } from "../validate/validationReport";
import { parameterName } from "../validate/verdicts";
import type { ReportWords } from "./messages/reportWords";
import {
  classFills,
  classLegend,
  classOf,
  describeWarnings,
  formatAllowance,
  formatConcentration,
  shortClass,
} from "./outlookFormat";
import type { ReportBlock } from "./reportDocument";

/** The rows of the 达标倒推 table, as 汇总's 预警 block and the report print them. */
export function allowanceRows(report: ValidationReport, locale: Locale, onlyWarned: boolean): string[][] {
  return report.allowances
    .filter((a) => !onlyWarned || a.warnings.length > 0)
    .map((a) => [
      a.point,
      parameterName(a.key, locale),
      shortClass(classOf(a.target) ?? 3, locale),
      formatConcentration(a.mean),
      formatConcentration(a.limit),
      a.allowance === null ? "" : `${a.bound === "max" ? "≤" : "≥"} ${formatAllowance(a)}`,
      describeWarnings(a, locale),
    ]);
}

/** The month grid's rows and fills: point, target, then each month's class ("" where no data). */
export function monthGrid(
  report: ValidationReport,
  locale: Locale,
): { rows: string[][]; fills: (string | null)[][] } {
  const rows: string[][] = [];
  const fills: (string | null)[][] = [];
  for (const m of report.monthlyClasses) {
    const classes = m.classes.map(classOf);
    rows.push([
      m.name,
      shortClass(classOf(m.target) ?? 3, locale),
      ...classes.map((c) => (c === null ? "" : shortClass(c, locale))),
    ]);
    fills.push([null, null, ...classes.map((c) => (c === null ? null : classFills[c]))]);
  }
  return { rows, fills };
}

/** The legend of the grid: each class on its colour. */
export function legendItems(locale: Locale): { text: string; fill: string }[] {
  return classLegend[locale].map((text, i) => ({ text, fill: classFills[(i + 1) as 1 | 2 | 3 | 4 | 5 | 6] }));
}

/**
 * The report's 达标倒推 and 预警 (the warned parameters in words and in a table) and
 * its class grid month by month.
 */
export function outlookBlocks(report: ValidationReport, w: ReportWords, locale: Locale): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  if (report.allowances.length > 0) {
    const warned = report.allowances.filter((a) => a.warnings.length > 0);
    const remaining = report.allowances[0]?.remainingMonths ?? 0;
    blocks.push({ kind: "heading2", text: w.headings.outlook });
    blocks.push({
      kind: "paragraph",
      text: w.outlookIntro(remaining, warned.length, report.allowances.length),
    });
    if (warned.length === 0) blocks.push({ kind: "paragraph", text: w.outlookNone });
    for (const a of warned) {
      blocks.push({
        kind: "paragraph",
        text: w.outlookItem(
          a.point,
          parameterName(a.key, locale),
          formatConcentration(a.mean),
          formatConcentration(a.limit),
          formatAllowance(a),
          a.bound,
          describeWarnings(a, locale),
        ),
      });
    }
    // The report tables only the warned parameters; 汇总's 预警 block lists every deciding one.
    if (warned.length > 0)
      // The report tables the warned parameters only; 汇总's 预警 block lists every deciding one.
      if (warned.length > 0)
        blocks.push({
          kind: "table",
          caption: w.outlookCaption,
          table: {
            header: w.outlookHeader,
            widths: [26, 14, 9, 11, 9, 13, 18],
            rows: allowanceRows(report, locale, true),
          },
        });
  }
  if (report.monthlyClasses.some((m) => m.classes.some((c) => c !== null))) {
    const grid = monthGrid(report, locale);
    blocks.push({ kind: "heading2", text: w.headings.months });
    blocks.push({ kind: "paragraph", text: w.monthsIntro });
    blocks.push({
      kind: "table",
      caption: w.monthsCaption,
      table: {
        header: w.monthsHeader,
        widths: [28, 7, ...new Array<number>(12).fill(5.4)],
        rows: grid.rows,
        fills: grid.fills,
      },
    });
    blocks.push({ kind: "legend", items: legendItems(locale) });
  }
  return blocks;
}
