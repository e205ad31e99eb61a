import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import type { Goal } from "../../../src/core/plan/planSchema";
import type { AttainmentVerdict } from "../../../src/core/validation/checkIndicatorEntry";
import type { TaskStatus } from "../../../src/core/validation/checkTaskEntry";
import { judgeGoal, type GoalEvidence } from "../../../src/core/validation/judgeGoal";
import type { PointKind } from "../../../src/core/validation/monitoringPoints";
import type { WaterClass } from "../../../src/core/water-quality/waterClass";

function goal(key: Goal["key"]): Goal {
  const found = plan.goals.find((g) => g.key === key);
  if (!found) throw new Error(`no goal ${key}`);
  return found;
}

/** 全市 10 个国家考核断面水质优良比例达 100% */
const nationalGoal = goal("national_sections");
/** Both regional sections meet their targets. */
const regionalGoal = goal("regional_sections");
/** The 9 drinking-water sources (4 municipal, 5 county) meet their targets. */
const sourcesGoal = goal("drinking_water_sources");
/** Tasks 19 and 20 (black and odorous water) done. */
const tasksGoal = goal("black_odorous_water");

type Point = GoalEvidence["points"][number];
const point = (kind: PointKind, waterClass: WaterClass | null, verdict: AttainmentVerdict): Point => ({
  kind,
  class: waterClass,
  verdict,
});
const national = (waterClass: WaterClass | null, verdict?: AttainmentVerdict): Point =>
  point(
    "national_section",
    waterClass,
    verdict ?? (waterClass === null ? "no_data" : waterClass <= 2 ? "met" : "not_met"),
  );
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

const evidence = (
  points: readonly Point[],
  tasks: Record<number, { status: TaskStatus | null; overdue: boolean }> = {},
): GoalEvidence => ({ points, tasks: new Map(Object.entries(tasks).map(([n, t]) => [Number(n), t])) });

describe("issue 13: a goal waits while it can still change", () => {
  it("counts a section that cannot be judged (detection limit too high) like one without data, not as not 优良", () => {
    // Ⅳ known, may be Ⅰ–Ⅲ: before, it made the 100 % goal 未达标.
    const open: Point = { ...national(4, "cannot_judge"), mayBeBetter: true };
    const figures = judgeGoal(nationalGoal, evidence([...times(9, () => national(2)), open]));
    expect(figures).toMatchObject({ verdict: "cannot_judge", evaluated: 9, passing: 9, undecided: 1 });
  });

  it("counts a Ⅱ类 section resting on too few items as open, and a Ⅳ类 one as not 优良", () => {
    const few: Point = { ...national(2, "cannot_judge"), mayBeWorse: true };
    expect(judgeGoal(nationalGoal, evidence([...times(9, () => national(2)), few])).verdict).toBe(
      "cannot_judge",
    );
    const worse: Point = { ...national(4, "not_met"), mayBeWorse: true };
    expect(judgeGoal(nationalGoal, evidence([...times(9, () => national(2)), worse])).verdict).toBe(
      "not_met",
    );
  });

  it("counts a section known good although its exact class is open (Ⅲ, may be Ⅰ–Ⅱ) as 优良", () => {
    const good: Point = { ...national(3, "cannot_judge"), mayBeBetter: true };
    expect(judgeGoal(nationalGoal, evidence([...times(9, () => national(2)), good])).verdict).toBe("met");
  });

  it("is decided while points are open when they cannot change it", () => {
    const open: Point = { ...national(4, "cannot_judge"), mayBeBetter: true };
    const points = [...times(8, () => national(2)), national(5), open];
    expect(judgeGoal(nationalGoal, evidence(points)).verdict).toBe("not_met");
  });
});

describe("judgeGoal: good-water share (national sections, 100 %)", () => {
  it("is met when every section is Ⅰ–Ⅲ, whatever its own target", () => {
    const points = [...times(9, () => national(2)), national(3, "not_met")];
    expect(judgeGoal(nationalGoal, evidence(points))).toEqual({
      verdict: "met",
      total: 10,
      evaluated: 10,
      passing: 10,
      invalid: 0,
      undecided: 0,
      share: 100,
    });
  });

  it("is missed by one section worse than Ⅲ, even while others have no data", () => {
    const points = [...times(8, () => national(2)), national(4), national(null)];
    expect(judgeGoal(nationalGoal, evidence(points))).toEqual({
      verdict: "not_met",
      total: 10,
      evaluated: 9,
      passing: 8,
      invalid: 0,
      undecided: 0,
      share: (8 / 9) * 100,
    });
  });

  it("stays open (no_data) while a section has no data and the others are all good, never counting it as good", () => {
    const points = [...times(9, () => national(2)), national(null)];
    expect(judgeGoal(nationalGoal, evidence(points))).toEqual({
      verdict: "no_data",
      total: 10,
      evaluated: 9,
      passing: 9,
      invalid: 0,
      undecided: 0,
      share: 100,
    });
  });

  it("says no_data with no share when no section has data", () => {
    expect(judgeGoal(nationalGoal, evidence(times(10, () => national(null))))).toMatchObject({
      verdict: "no_data",
      evaluated: 0,
      share: null,
    });
  });

  it("says 数据有误 when a section's data is wrong and nothing has missed yet", () => {
    const points = [...times(9, () => national(2)), national(2, "invalid")];
    expect(judgeGoal(nationalGoal, evidence(points))).toMatchObject({
      verdict: "invalid",
      evaluated: 9,
      invalid: 1,
    });
  });

  it("counts only the points of the goal's tables", () => {
    const points = [...times(10, () => national(1)), point("county_source", 5, "not_met")];
    expect(judgeGoal(nationalGoal, evidence(points))).toMatchObject({ verdict: "met", total: 10 });
  });

  it("decides a lower share as soon as the points evaluated can no longer reach it", () => {
    const eighty: Goal = {
      ...nationalGoal,
      judgement: { kind: "good_share", points: ["national_sections"], share: 80 },
    };
    // 7 good, 2 bad, 1 without data: at best 8 of 10 — still reachable.
    const open = [...times(7, () => national(2)), national(4), national(5), national(null)];
    expect(judgeGoal(eighty, evidence(open)).verdict).toBe("no_data");
    // 7 good, 3 bad: 70 %.
    const missed = [...times(7, () => national(2)), national(4), national(5), national(6)];
    expect(judgeGoal(eighty, evidence(missed)).verdict).toBe("not_met");
  });

  describe("a share below 100 % decided while points still lack data", () => {
    const eighty: Goal = {
      ...nationalGoal,
      judgement: { kind: "good_share", points: ["national_sections"], share: 80 },
    };

    it("is met once enough points are good, even if every open one turns out bad", () => {
      // 8 good of 10: 80 % whatever the 2 without data show.
      const points = [...times(8, () => national(2)), national(null), national(null)];
      expect(judgeGoal(eighty, evidence(points))).toEqual({
        verdict: "met",
        total: 10,
        evaluated: 8,
        passing: 8,
        invalid: 0,
        undecided: 0,
        share: 100,
      });
      // A point with wrong data cannot change it either.
      const withInvalid = [...times(8, () => national(2)), national(2, "invalid"), national(null)];
      expect(judgeGoal(eighty, evidence(withInvalid)).verdict).toBe("met");
    });

    it("is missed once too many points are bad, even if every open one turns out good", () => {
      // 3 bad of 10: at best 7 good, 70 %.
      const points = [
        ...times(5, () => national(2)),
        ...times(3, () => national(4)),
        national(null),
        national(2, "invalid"),
      ];
      expect(judgeGoal(eighty, evidence(points)).verdict).toBe("not_met");
    });

    it("stays open while the open points can still tip it either way", () => {
      // 7 good, 1 bad, 2 without data: 70 % to 90 %.
      const open = [...times(7, () => national(2)), national(4), national(null), national(null)];
      expect(judgeGoal(eighty, evidence(open)).verdict).toBe("no_data");
      const invalid = [...times(7, () => national(2)), national(4), national(null), national(2, "invalid")];
      expect(judgeGoal(eighty, evidence(invalid)).verdict).toBe("invalid");
    });
  });
});

describe("judgeGoal: every point meets its target", () => {
  const regional = (verdict: AttainmentVerdict): Point => point("regional_section", 2, verdict);
  const municipal = (verdict: AttainmentVerdict): Point => point("municipal_source", 3, verdict);
  const county = (verdict: AttainmentVerdict): Point => point("county_source", 3, verdict);

  it("is met when every point is met", () => {
    expect(judgeGoal(regionalGoal, evidence([regional("met"), regional("met")]))).toEqual({
      verdict: "met",
      total: 2,
      evaluated: 2,
      passing: 2,
      invalid: 0,
      undecided: 0,
      share: null,
    });
  });

  it("is missed by one point, whatever the others", () => {
    expect(judgeGoal(regionalGoal, evidence([regional("not_met"), regional("no_data")])).verdict).toBe(
      "not_met",
    );
  });

  it("stays open while a point has no data or cannot be judged", () => {
    expect(judgeGoal(regionalGoal, evidence([regional("met"), regional("no_data")]))).toMatchObject({
      verdict: "no_data",
      evaluated: 1,
    });
    // A point that cannot be judged keeps the goal open, and says so rather than "no data".
    expect(judgeGoal(regionalGoal, evidence([regional("met"), regional("cannot_judge")]))).toMatchObject({
      verdict: "cannot_judge",
      undecided: 1,
    });
  });

  it("says 数据有误 for a point with wrong data when none has missed", () => {
    expect(judgeGoal(regionalGoal, evidence([regional("met"), regional("invalid")]))).toMatchObject({
      verdict: "invalid",
      evaluated: 1,
      invalid: 1,
    });
  });

  it("judges the drinking-water sources over both tables, municipal and county", () => {
    const all = [...times(4, () => municipal("met")), ...times(5, () => county("met"))];
    expect(judgeGoal(sourcesGoal, evidence(all))).toMatchObject({ verdict: "met", total: 9, passing: 9 });
    const oneCounty = [
      ...times(4, () => municipal("met")),
      ...times(4, () => county("met")),
      county("not_met"),
    ];
    expect(judgeGoal(sourcesGoal, evidence(oneCounty)).verdict).toBe("not_met");
  });
});

describe("judgeGoal: tasks done (tasks 19 and 20)", () => {
  it("is met when both tasks are 已完成", () => {
    const tasks = { 19: { status: "done", overdue: false }, 20: { status: "done", overdue: false } } as const;
    expect(judgeGoal(tasksGoal, evidence([], tasks))).toEqual({
      verdict: "met",
      total: 2,
      evaluated: 2,
      passing: 2,
      invalid: 0,
      undecided: 0,
      share: null,
    });
  });

  it("is pending while a task goes on within its deadline", () => {
    const tasks = {
      19: { status: "done", overdue: false },
      20: { status: "in_progress", overdue: false },
    } as const;
    expect(judgeGoal(tasksGoal, evidence([], tasks))).toMatchObject({ verdict: "pending", passing: 1 });
  });

  it("is missed as soon as one task is overdue", () => {
    const tasks = {
      19: { status: "done", overdue: false },
      20: { status: "in_progress", overdue: true },
    } as const;
    expect(judgeGoal(tasksGoal, evidence([], tasks)).verdict).toBe("not_met");
  });

  it("counts a task without a status as not evaluated, and a task the sheet lacks as not done", () => {
    const tasks = { 19: { status: null, overdue: false } } as const;
    expect(judgeGoal(tasksGoal, evidence([], tasks))).toMatchObject({
      verdict: "pending",
      evaluated: 0,
      passing: 0,
    });
  });
});
