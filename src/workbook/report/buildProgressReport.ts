import { appendAll } from "../../core/arrays";
import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import { formatWaterClass } from "../../core/water-quality/waterClass";
import type { ReportPoint, ReportVerdict, ValidationReport } from "../validate/validationReport";
import { parameterName, reportPointClass } from "../validate/verdicts";
import { reportWords, type ReportWords, type VerdictCounts } from "./messages/reportWords";
import { outlookBlocks } from "./outlookBlocks";
import type { ReportBlock, ReportDocument } from "./reportDocument";

/** Codes whose problems the report already tells as unmet targets or overdue tasks. */
const toldElsewhere = new Set([
  "point_target_not_met",
  "indicator_target_missed",
  "soft_target_missed",
  "task_overdue",
]);

/** A report's class ("Ⅲ类") in the report's language ("Class III"). */
export function classIn(text: string | null, locale: Locale): string {
  if (text === null) return "";
  const cls = /^劣/u.test(text) ? 6 : ["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类"].indexOf(text) + 1;
  return cls >= 1 && cls <= 6 ? formatWaterClass(cls as 1 | 2 | 3 | 4 | 5 | 6, locale) : text;
}

/** A multiple as 汇总 prints it: two decimals. */
export function roundMultiple(multiple: number): number {
  return Math.round(multiple * 100) / 100;
}

function countVerdicts(items: readonly { readonly status: ReportVerdict }[]): VerdictCounts {
  const n = (v: ReportVerdict): number => items.filter((i) => i.status === v).length;
  return {
    total: items.length,
    met: n("met"),
    notMet: n("not_met"),
    invalid: n("invalid"),
    noData: n("no_data"),
    cannotJudge: n("cannot_judge"),
  };
}

/** The exceedance cell of 汇总: "氨氮(0.19)、溶解氧". */
function exceedanceCell(p: ReportPoint, locale: Locale): string {
  return p.exceedances
    .map((e) => {
      const name = parameterName(e.key, locale);
      return e.multiple === null ? name : `${name}(${String(roundMultiple(e.multiple))})`;
    })
    .join(locale === "zh-CN" ? "、" : ", ");
}

function pointBlocks(
  points: readonly ReportPoint[],
  heading: string | null,
  group: string,
  tally: string,
  w: ReportWords,
  locale: Locale,
): ReportBlock[] {
  if (points.length === 0) return [];
  const blocks: ReportBlock[] = heading === null ? [] : [{ kind: "heading2", text: heading }];
  const sentences = [tally];
  for (const p of points.filter((x) => x.status === "not_met")) {
    const pollutants =
      p.exceedances.length === 0
        ? w.noPollutant
        : p.exceedances
            .map((e) =>
              w.pollutant(
                parameterName(e.key, locale),
                e.multiple === null ? null : roundMultiple(e.multiple),
              ),
            )
            .join(w.listSeparator);
    sentences.push(w.pointMissed(p.name, classIn(p.class, locale), classIn(p.target, locale), pollutants));
  }
  blocks.push({ kind: "paragraph", text: sentences.join(w.sentenceGap) });
  blocks.push({
    kind: "table",
    caption: w.pointsCaption(group),
    table: {
      header: w.pointsHeader,
      widths: [30, 12, 12, 9, 24, 13],
      rows: points.map((p) => [
        p.name,
        classIn(p.target, locale),
        reportPointClass(p, locale),
        String(p.samples),
        exceedanceCell(p, locale),
        w.verdict[p.status],
      ]),
    },
  });
  return blocks;
}

/**
 * The 进展报告 draft for a validation report: what a bureau sends upward, in the order and the
 * words a person would write it. Every figure is the validation report's, printed as 汇总 prints it
 * (classes, multiples and values to two decimals, the goals' own sentences), never worked out again
 * another way; the next steps are left for people, marked 【待填写】.
 *
 * @example
 * const doc = buildProgressReport(plan, outcome.report, "zh-CN");
 * const bytes = await renderProgressReportDocx(doc);
 */
export function buildProgressReport(plan: Plan, report: ValidationReport, locale: Locale): ReportDocument {
  const w = reportWords(locale);
  const planTitle = locale === "zh-CN" ? plan.title : plan.titleEn;
  const blocks: ReportBlock[] = [
    { kind: "title", text: w.title(planTitle) },
    { kind: "subtitle", text: w.subtitle(report.asOf) },
    {
      kind: "paragraph",
      text: w.opening(planTitle, report.asOf, report.counts.errors, report.counts.warnings),
    },
  ];

  // 一、goals
  blocks.push({ kind: "heading1", text: w.headings.goals });
  blocks.push({
    kind: "paragraph",
    text: w.goalsTally(report.goals.length, report.goals.filter((g) => g.status === "met").length),
  });
  report.goals.forEach((g, i) => {
    const number =
      locale === "zh-CN" ? `${"一二三四五六七八九十"[i] ?? String(i + 1)}是` : `${String(i + 1)}) `;
    blocks.push({ kind: "paragraph", text: `${number}${w.goal(g.name, g.actual, g.status)}` });
  });

  // 二、surface water
  const national = report.points.filter((p) => p.kind === "national_section");
  const regional = report.points.filter((p) => p.kind === "regional_section");
  blocks.push({ kind: "heading1", text: w.headings.surface });
  appendAll(
    blocks,
    pointBlocks(
      national,
      w.headings.national,
      w.groups.national,
      w.sectionsTally(w.groups.national, countVerdicts(national)),
      w,
      locale,
    ),
  );
  appendAll(
    blocks,
    pointBlocks(
      regional,
      w.headings.regional,
      w.groups.regional,
      w.sectionsTally(w.groups.regional, countVerdicts(regional)),
      w,
      locale,
    ),
  );
  appendAll(blocks, outlookBlocks(report, w, locale));

  // 三、drinking-water sources
  const sources = report.points.filter((p) => p.kind === "municipal_source" || p.kind === "county_source");
  blocks.push({ kind: "heading1", text: w.headings.sources });
  appendAll(
    blocks,
    pointBlocks(sources, null, w.groups.sources, w.sourcesTally(countVerdicts(sources)), w, locale),
  );

  // 四、tasks
  appendAll(blocks, taskBlocks(plan, report, w));

  // 五、numeric targets
  blocks.push({ kind: "heading1", text: w.headings.indicators });
  blocks.push({ kind: "paragraph", text: w.indicatorsTally(countVerdicts(report.indicators)) });
  blocks.push({
    kind: "table",
    caption: w.indicatorsCaption,
    table: {
      header: w.indicatorsHeader,
      widths: [8, 44, 20, 14, 14],
      rows: report.indicators.map((i) => [
        String(i.task),
        i.name,
        `${i.target}${i.soft ? w.soft : ""}`,
        i.shownActual === null ? "" : String(i.shownActual),
        w.verdict[i.status],
      ]),
    },
  });

  // 六、problems
  appendAll(blocks, problemBlocks(report, w, locale));

  // 七、next steps
  blocks.push({ kind: "heading1", text: w.headings.next }, { kind: "paragraph", text: w.toFill });
  return { language: locale, blocks };
}

/** 逾期完成 as 汇总 counts it: the report's daysLate, a milestone delivered late included. */
function isLate(t: ValidationReport["tasks"][number]): boolean {
  return t.daysLate !== null;
}

function taskBlocks(plan: Plan, report: ValidationReport, w: ReportWords): ReportBlock[] {
  const tasks = report.tasks;
  const count = (s: string | null): number => tasks.filter((t) => t.status === s).length;
  const overdue = tasks.filter((t) => t.overdue);
  const late = tasks.filter(isLate);
  const blocks: ReportBlock[] = [
    { kind: "heading1", text: w.headings.tasks },
    {
      kind: "paragraph",
      text: w.tasksTally({
        total: tasks.length,
        done: count("done"),
        inProgress: count("in_progress"),
        notStarted: count("not_started"),
        blank: count(null),
        overdue: overdue.length,
        late: late.length,
      }),
    },
  ];
  for (const t of late) {
    blocks.push({
      kind: "paragraph",
      text: w.lateItem(t.number, t.mainTask, t.lateDeadlines),
    });
  }
  // By lead unit: a task counts under every unit the plan names as leading it.
  const units = new Map<
    string,
    { tasks: number; done: number; inProgress: number; notStarted: number; blank: number; overdue: number }
  >();
  const unitsOf = new Map(plan.tasks.map((t) => [t.number, t.leadUnits.units]));
  for (const t of tasks) {
    const named = unitsOf.get(t.number);
    for (const unit of named && named.length > 0 ? named : [t.leadUnits]) {
      const row = units.get(unit) ?? {
        tasks: 0,
        done: 0,
        inProgress: 0,
        notStarted: 0,
        blank: 0,
        overdue: 0,
      };
      row.tasks += 1;
      if (t.status === "done") row.done += 1;
      else if (t.status === "in_progress") row.inProgress += 1;
      else if (t.status === "not_started") row.notStarted += 1;
      else row.blank += 1;
      if (t.overdue) row.overdue += 1;
      units.set(unit, row);
    }
  }
  blocks.push({ kind: "heading2", text: w.headings.byUnit });
  blocks.push({
    kind: "table",
    caption: w.byUnitCaption,
    table: {
      header: w.byUnitHeader,
      widths: [40, 10, 10, 10, 10, 10, 10],
      rows: [...units.entries()]
        .sort(([, a], [, b]) => b.tasks - a.tasks)
        .map(([unit, r]) => [
          unit,
          ...[r.tasks, r.done, r.inProgress, r.notStarted, r.blank, r.overdue].map(String),
        ]),
    },
  });
  return blocks;
}

function problemBlocks(report: ValidationReport, w: ReportWords, locale: Locale): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: "heading1", text: w.headings.problems },
    { kind: "heading2", text: w.headings.unmet },
  ];
  const unmet: string[] = [
    ...report.goals.filter((g) => g.status === "not_met").map((g) => w.unmetGoal(g.name, g.actual)),
    ...report.points
      .filter((p) => p.status === "not_met")
      .map((p) => w.unmetPoint(p.name, classIn(p.class, locale), classIn(p.target, locale))),
    ...report.indicators
      .filter((i) => i.status === "not_met")
      .map((i) =>
        w.unmetIndicator(
          i.task,
          i.name,
          `${i.target}${i.soft ? w.soft : ""}`,
          i.shownActual === null ? "" : String(i.shownActual),
        ),
      ),
  ];
  const numbered = (items: readonly string[]): ReportBlock[] =>
    items.length === 0
      ? [{ kind: "paragraph", text: w.noneFound }]
      : items.map((text, i) => ({ kind: "paragraph", text: `${String(i + 1)}. ${text}` }));
  appendAll(blocks, numbered(unmet));
  blocks.push({ kind: "heading2", text: w.headings.overdue });
  appendAll(
    blocks,
    numbered(
      report.tasks
        .filter((t) => t.overdue)
        .map((t) =>
          w.overdueItem(t.number, t.mainTask, t.leadUnits, t.deadlines[0]?.date ?? "", t.daysOverdue),
        ),
    ),
  );
  blocks.push({ kind: "heading2", text: w.headings.data });
  const data = report.issues.filter((i) => !toldElsewhere.has(i.code));
  blocks.push({ kind: "paragraph", text: w.dataTally(report.counts.errors, report.counts.warnings) });
  appendAll(
    blocks,
    numbered(
      data.map((i) => w.dataIssue(i.cell === "" ? w.wholeSheet(i.sheet) : `${i.sheet}!${i.cell}`, i.message)),
    ),
  );
  return blocks;
}
