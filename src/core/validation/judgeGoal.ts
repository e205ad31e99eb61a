import type { Goal, GoalPointTable } from "../plan/planSchema";
import { isGoodWater, type WaterClass } from "../water-quality/waterClass";
import type { AttainmentVerdict } from "./checkIndicatorEntry";
import type { TaskStatus } from "./checkTaskEntry";
import type { PointKind } from "./monitoringPoints";

/** A goal's verdict: a point's, or `pending` for tasks not yet due. */
export type GoalVerdict = AttainmentVerdict | "pending";

/** What a goal is judged from: every point's class and verdict, and every task's status. */
export interface GoalEvidence {
  readonly points: readonly {
    readonly kind: PointKind;
    readonly class: WaterClass | null;
    readonly verdict: AttainmentVerdict;
    /** The class rests on a value below a detection limit too high to judge: the true class may be better. */
    readonly mayBeBetter?: boolean;
    /** The class rests on fewer than the core items: the true class may be worse. */
    readonly mayBeWorse?: boolean;
  }[];
  readonly tasks: ReadonlyMap<number, { readonly status: TaskStatus | null; readonly overdue: boolean }>;
}

/** The figures behind a verdict, for the summary and the report. */
export interface GoalJudgement {
  readonly verdict: GoalVerdict;
  /** Points (or tasks) that count toward the goal. */
  readonly total: number;
  /** Points with a class, or tasks with a status. */
  readonly evaluated: number;
  /** Good-water points, points meeting their target, or tasks done. */
  readonly passing: number;
  /** Points whose data is wrong (数据有误): neither evaluated nor missing. */
  readonly invalid: number;
  /** Points with data that cannot be judged (无法判定): open like points without data, but not "no data". */
  readonly undecided: number;
  /** The good-water share in % of the points evaluated (good_share goals), else null. */
  readonly share: number | null;
}

const pointKinds: Readonly<Record<GoalPointTable, PointKind>> = {
  national_sections: "national_section",
  regional_sections: "regional_section",
  municipal_sources: "municipal_source",
  county_sources: "county_source",
};

/**
 * Whether a point is good water (Ⅰ–Ⅲ) for certain, not for certain, or null while it cannot be
 * said: no class, a class of Ⅰ–Ⅲ that may be worse, or one worse than Ⅲ that may be better.
 */
function goodness(p: GoalEvidence["points"][number]): boolean | null {
  if (p.class === null) return null;
  if (isGoodWater(p.class)) return p.mayBeWorse === true ? null : true;
  return p.mayBeBetter === true ? null : false;
}

/** Missing or unusable data keeps a goal open; a miss decides it. */
function verdictOf(
  total: number,
  passing: number,
  failing: number,
  invalid: number,
  open: number,
  undecided: number,
): GoalVerdict {
  if (failing > 0) return "not_met";
  if (invalid > 0) return "invalid";
  // Only points that cannot be judged keep it open: it cannot be judged, rather than wanting data.
  if (open > 0 && open === undecided) return "cannot_judge";
  if (open > 0 || total === 0) return "no_data";
  return passing === total ? "met" : "not_met";
}

/**
 * Judges a goal of the plan's section 二 from the points and tasks:
 * - `good_share`: good water (优良, Ⅰ–Ⅲ) ÷ points evaluated must reach the share; a point without
 *   data is never counted as good, and while some have none (or wrong data) the goal stays
 *   `no_data` (`invalid`) unless its outcome can no longer change: enough points already good to
 *   reach the share even if every open one turns out bad, or too many already bad to reach it even
 *   if every open one turns out good;
 * - `all_meet_target`: every point meets its own target;
 * - `tasks_done`: every task named is 已完成; one overdue makes it `not_met`, others open `pending`.
 *
 * @example
 * judgeGoal(liuzhou.goals[0], evidence).share // 90 when 9 of 10 national sections are Ⅰ–Ⅲ
 */
export function judgeGoal(goal: Goal, evidence: GoalEvidence): GoalJudgement {
  const judgement = goal.judgement;
  switch (judgement.kind) {
    case "good_share": {
      const kinds = new Set(judgement.points.map((table) => pointKinds[table]));
      const points = evidence.points.filter((p) => kinds.has(p.kind));
      // A point counts once its share is known: good when even its worst possible class is Ⅰ–Ⅲ, not
      // good when even its best is worse. A point that cannot be judged either way counts like a
      // point without data: it may still turn the goal (issue 13).
      const evaluated = points.filter((p) => p.verdict !== "invalid" && goodness(p) !== null);
      const good = evaluated.filter((p) => goodness(p) === true).length;
      const share = evaluated.length === 0 ? null : (good / evaluated.length) * 100;
      const invalid = points.filter((p) => p.verdict === "invalid").length;
      const missing = points.length - evaluated.length - invalid;
      const undecided = points.filter(
        (p) => p.verdict !== "invalid" && p.class !== null && goodness(p) === null,
      ).length;
      // The verdict is decided once the points still open cannot change it: at worst every one of
      // them turns out bad (good ÷ all), at best good (good and open ÷ all). Only in between does
      // the goal wait for the data it lacks (no_data) or for wrong data to be corrected (invalid).
      const worst = points.length === 0 ? 0 : (good / points.length) * 100;
      const best = points.length === 0 ? 0 : ((good + missing + invalid) / points.length) * 100;
      const verdict: GoalVerdict =
        points.length === 0
          ? "no_data"
          : worst + 1e-9 >= judgement.share
            ? "met"
            : best + 1e-9 < judgement.share
              ? "not_met"
              : invalid > 0
                ? "invalid"
                : missing === undecided
                  ? "cannot_judge"
                  : "no_data";
      return {
        verdict,
        total: points.length,
        evaluated: evaluated.length,
        passing: good,
        invalid,
        undecided,
        share,
      };
    }
    case "all_meet_target": {
      const kinds = new Set(judgement.points.map((table) => pointKinds[table]));
      const points = evidence.points.filter((p) => kinds.has(p.kind));
      const count = (verdict: AttainmentVerdict): number =>
        points.filter((p) => p.verdict === verdict).length;
      const open = count("no_data") + count("cannot_judge");
      const invalid = count("invalid");
      const verdict = verdictOf(
        points.length,
        count("met"),
        count("not_met"),
        invalid,
        open,
        count("cannot_judge"),
      );
      return {
        verdict,
        total: points.length,
        evaluated: points.length - open - invalid,
        passing: count("met"),
        invalid,
        undecided: count("cannot_judge"),
        share: null,
      };
    }
    case "tasks_done": {
      const tasks = judgement.tasks.map((n) => evidence.tasks.get(n));
      const done = tasks.filter((t) => t?.status === "done").length;
      const overdue = tasks.filter((t) => t?.overdue === true).length;
      const evaluated = tasks.filter((t) => t !== undefined && t.status !== null).length;
      const verdict: GoalVerdict = overdue > 0 ? "not_met" : done === tasks.length ? "met" : "pending";
      return {
        verdict,
        total: tasks.length,
        evaluated,
        passing: done,
        invalid: 0,
        undecided: 0,
        share: null,
      };
    }
  }
}
