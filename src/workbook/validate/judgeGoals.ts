import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import { judgeGoal, type GoalJudgement } from "../../core/validation/judgeGoal";
import type { PointJudgement } from "../../core/validation/judgePoint";
import type { ReportGoal, ReportTask } from "./validationReport";

/**
 * Judges the goals of the plan's section 二 from the points and the tasks as validation found them,
 * with the target and the figures worded for the report and the summary sheet.
 *
 * @example
 * judgeGoals(plan, points, tasks, "zh-CN")[0]?.actual // "8/10 优良，比例 80%"
 */
export function judgeGoals(
  plan: Plan,
  pointResults: readonly PointJudgement[],
  tasks: readonly ReportTask[],
  locale: Locale,
): ReportGoal[] {
  const goalEvidence = {
    points: pointResults.map((p) => {
      const computed = p.computedClass !== null;
      return {
        kind: p.point.kind,
        class: p.class,
        verdict: p.verdict,
        mayBeBetter: computed && !p.classCertain,
        mayBeWorse: computed && p.missingCore.length > 0,
      };
    }),
    tasks: new Map(tasks.map((t) => [t.number, { status: t.status, overdue: t.overdue }])),
  };
  return plan.goals.map((goal) => {
    const figures = judgeGoal(goal, goalEvidence);
    return {
      key: goal.key,
      name: locale === "zh-CN" ? goal.text : goal.textEn,
      target: goalTarget(goal.judgement, locale),
      actual: goalActual(figures, goal.judgement.kind, locale),
      status: figures.verdict,
      figures,
    };
  });
}

function goalTarget(judgement: Plan["goals"][number]["judgement"], locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (judgement.kind) {
    case "good_share":
      return zh ? `优良比例 ≥ ${judgement.share}%` : `good-water share ≥ ${judgement.share}%`;
    case "all_meet_target":
      return zh ? "全部达到水质目标" : "all meet their targets";
    case "tasks_done":
      return zh ? `任务 ${judgement.tasks.join("、")} 完成` : `tasks ${judgement.tasks.join(", ")} done`;
  }
}

function goalActual(
  figures: GoalJudgement,
  kind: Plan["goals"][number]["judgement"]["kind"],
  locale: Locale,
): string {
  const zh = locale === "zh-CN";
  const missing = figures.total - figures.evaluated - figures.invalid - figures.undecided;
  const notes = [
    ...(figures.invalid > 0
      ? [zh ? `${figures.invalid} 个数据有误` : `${figures.invalid} with invalid data`]
      : []),
    ...(figures.undecided > 0
      ? [zh ? `${figures.undecided} 个无法判定` : `${figures.undecided} cannot be judged`]
      : []),
    ...(missing > 0 ? [zh ? `${missing} 个无数据` : `${missing} without data`] : []),
  ];
  const gap = notes.length === 0 ? "" : zh ? `（${notes.join("，")}）` : ` (${notes.join(", ")})`;
  switch (kind) {
    case "good_share": {
      const share = figures.share === null ? "—" : `${Math.round(figures.share * 10) / 10}%`;
      // The share is of the points evaluated: "8/10 优良，比例 100%" would read as a contradiction.
      if (figures.evaluated < figures.total && figures.share !== null) {
        return zh
          ? `${figures.passing}/${figures.total} 优良，已评价 ${figures.evaluated} 个中比例 ${share}${gap}`
          : `${figures.passing}/${figures.total} good, ${share} of the ${figures.evaluated} evaluated${gap}`;
      }
      return zh
        ? `${figures.passing}/${figures.total} 优良，比例 ${share}${gap}`
        : `${figures.passing}/${figures.total} good, share ${share}${gap}`;
    }
    case "all_meet_target":
      return zh
        ? `${figures.passing}/${figures.total} 达标${gap}`
        : `${figures.passing}/${figures.total} met${gap}`;
    case "tasks_done":
      return zh ? `${figures.passing}/${figures.total} 已完成` : `${figures.passing}/${figures.total} done`;
  }
}
