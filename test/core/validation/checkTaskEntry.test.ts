import {
  checkTaskEntry,
  readTaskStatus,
  type TaskDeadline,
} from "../../../src/core/validation/checkTaskEntry";
import { formatProblem } from "../../../src/core/validation/formatProblem";

const due = (date: string | null, what = ""): TaskDeadline => ({ what, date });
/** Task 53: 半年工作总结 by 7月1日 inside a task due 12月20日. */
const task53 = [due("2023-12-20"), due("2023-07-01", "报送水污染防治半年工作总结")];

const codes = (result: ReturnType<typeof checkTaskEntry>): string[] =>
  result.problems.map((p) => `${p.code}@${p.field ?? ""}`);

describe("readTaskStatus", () => {
  it.each([
    ["未启动", "not_started"],
    ["推进中", "in_progress"],
    ["已完成", "done"],
    ["Not started", "not_started"],
    ["In progress", "in_progress"],
    ["Done", "done"],
    ["in progress", "in_progress"],
    ["IN PROGRESS", "in_progress"],
    ["inprogress", "in_progress"],
    [" 已完成 ", "done"],
    ["已 完 成", "done"],
    ["未开始", "not_started"],
    ["进行中", "in_progress"],
    ["完成", "done"],
    ["ＤＯＮＥ", "done"],
  ] as const)("reads %p as %s", (typed, status) => {
    expect(readTaskStatus(typed)).toBe(status);
  });

  it.each([null, undefined, "", "   ", "\u3000"])(
    "reads the blank %p as no status (not reported)",
    (typed) => {
      expect(readTaskStatus(typed)).toBeNull();
    },
  );

  it.each(["搞定了", "已完成了", "基本完成", "Finished", "100%", 1, true, 45047, "=已完成"])(
    "does not know %p (an unknown status)",
    (typed) => {
      expect(readTaskStatus(typed)).toBeUndefined();
    },
  );
});

describe("checkTaskEntry", () => {
  it("reports a status outside the list at the status field, quoting it", () => {
    const result = checkTaskEntry(
      { status: "搞定了", completedOn: null },
      [due("2023-12-31")],
      "2023-06-30",
      2023,
    );
    expect(result.problems).toEqual([
      { code: "unknown_task_status", severity: "error", field: "status", params: { input: "搞定了" } },
    ]);
    expect(result.status).toBeNull();
  });

  it("accepts every status of the list, with a date for 已完成", () => {
    for (const status of ["未启动", "推进中"]) {
      expect(
        codes(checkTaskEntry({ status, completedOn: null }, [due("2023-12-31")], "2023-06-30", 2023)),
      ).toEqual([]);
    }
    const done = checkTaskEntry(
      { status: "已完成", completedOn: "2023-06-01" },
      [due("2023-12-31")],
      "2023-06-30",
      2023,
    );
    expect(done.problems).toEqual([]);
    expect(done).toMatchObject({ status: "done", completedOn: "2023-06-01", overdue: [] });
  });

  it("reports 已完成 without a completion date at the date field", () => {
    const result = checkTaskEntry(
      { status: "已完成", completedOn: null },
      [due("2023-12-31")],
      "2023-06-30",
      2023,
    );
    expect(result.problems).toEqual([
      { code: "completed_without_date", severity: "error", field: "completedOn", params: {} },
    ]);
  });

  it("reports an unreadable completion date at the date field, and reads a date serial", () => {
    expect(
      codes(
        checkTaskEntry({ status: "已完成", completedOn: "六月" }, [due("2023-12-31")], "2023-06-30", 2023),
      ),
    ).toEqual(["unreadable_completion_date@completedOn"]);
    expect(
      checkTaskEntry({ status: "已完成", completedOn: 45078 }, [due("2023-12-31")], "2023-06-30", 2023),
    ).toMatchObject({
      problems: [],
      completedOn: "2023-06-01",
    });
  });

  it.each([
    {
      date: "2023-07-01",
      code: "completion_date_after_as_of",
      params: { date: "2023-07-01", actual: "2023-06-30" },
    },
    {
      date: "2024-03-01",
      code: "completion_date_after_as_of",
      params: { date: "2024-03-01", actual: "2023-06-30" },
    },
    {
      date: "2022-12-31",
      code: "completion_date_before_plan_year",
      params: { date: "2022-12-31", year: 2023 },
    },
    { date: 61, code: "completion_date_before_plan_year", params: { date: "1900-03-01", year: 2023 } },
  ])(
    "warns about the completion date $date, a day not yet come or before the plan year",
    ({ date, code, params }) => {
      const result = checkTaskEntry(
        { status: "已完成", completedOn: date },
        [due("2023-12-31")],
        "2023-06-30",
        2023,
      );
      expect(result.problems).toEqual([{ code, severity: "warning", field: "completedOn", params }]);
      // The task is still done: the date is doubtful, the status is not.
      expect(result.status).toBe("done");
    },
  );

  it.each(["2023-01-01", "2023-06-30"])(
    "accepts the completion date %s, inside the year up to the as-of day",
    (date) => {
      expect(
        checkTaskEntry({ status: "已完成", completedOn: date }, [due("2023-12-31")], "2023-06-30", 2023)
          .problems,
      ).toEqual([]);
    },
  );

  it("words a completion date in the future and one before the plan year in both languages", () => {
    const future = checkTaskEntry(
      { status: "已完成", completedOn: "2023-07-01" },
      [due("2023-12-31")],
      "2023-06-30",
      2023,
    );
    const past = checkTaskEntry(
      { status: "已完成", completedOn: "2022-12-31" },
      [due("2023-12-31")],
      "2023-06-30",
      2023,
    );
    expect([future, past].map((r) => formatProblem(r.problems[0]!, "zh-CN"))).toEqual([
      "完成日期 2023-07-01 晚于统计截止日 2023-06-30：完成日期不能是尚未到来的日子，请核对。",
      "完成日期 2022-12-31 早于计划年度 2023 年，请核对。",
    ]);
    expect([future, past].map((r) => formatProblem(r.problems[0]!, "en-US"))).toEqual([
      "The completion date 2023-07-01 is after the as-of date 2023-06-30: a task cannot be completed on a day still to come. Check the date.",
      "The completion date 2022-12-31 is before the plan year 2023. Check the date.",
    ]);
  });

  it("warns about a completion date on a task not marked 已完成, at the status", () => {
    const result = checkTaskEntry(
      { status: "推进中", completedOn: "2023-06-01" },
      [due("2023-12-31")],
      "2023-06-30",
      2023,
    );
    expect(result.problems).toEqual([
      {
        code: "completion_date_without_done",
        severity: "warning",
        field: "status",
        params: { date: "2023-06-01" },
      },
    ]);
  });

  it("warns about completion after the deadline, naming both days", () => {
    const result = checkTaskEntry(
      { status: "已完成", completedOn: "2023-12-05" },
      [due("2023-11-30")],
      "2023-12-31",
      2023,
    );
    expect(result.problems).toEqual([
      {
        code: "completed_after_deadline",
        severity: "warning",
        field: "completedOn",
        params: { date: "2023-12-05", expected: "2023-11-30" },
      },
    ]);
    expect(result.overdue).toEqual([]);
  });

  it("accepts completion on the deadline itself", () => {
    expect(
      codes(
        checkTaskEntry(
          { status: "已完成", completedOn: "2023-11-30" },
          [due("2023-11-30")],
          "2023-12-31",
          2023,
        ),
      ),
    ).toEqual([]);
  });

  it("makes a task overdue the day after its deadline while it is not done, as a warning at the status", () => {
    const onTheDay = checkTaskEntry(
      { status: "推进中", completedOn: null },
      [due("2023-11-30")],
      "2023-11-30",
      2023,
    );
    expect(onTheDay.overdue).toEqual([]);
    const dayAfter = checkTaskEntry(
      { status: "推进中", completedOn: null },
      [due("2023-11-30")],
      "2023-12-01",
      2023,
    );
    expect(dayAfter.overdue).toEqual([due("2023-11-30")]);
    expect(dayAfter.problems).toEqual([
      {
        code: "task_overdue",
        severity: "warning",
        field: "status",
        params: { expected: "2023-11-30", name: "", actual: "2023-12-01" },
      },
    ]);
  });

  it("makes a blank or unknown status overdue too: nothing says the task is done", () => {
    expect(
      checkTaskEntry({ status: null, completedOn: null }, [due("2023-05-31")], "2023-06-30", 2023).overdue,
    ).toHaveLength(1);
    expect(
      codes(checkTaskEntry({ status: "搞定了", completedOn: null }, [due("2023-05-31")], "2023-06-30", 2023)),
    ).toEqual(["unknown_task_status@status", "task_overdue@status"]);
  });

  it("leaves a deadline that waits for a date the user has not set (task 44) out of the judgement", () => {
    expect(
      checkTaskEntry({ status: null, completedOn: null }, [due(null)], "2023-12-31", 2023),
    ).toMatchObject({
      problems: [],
      overdue: [],
    });
  });

  it("makes a passed milestone overdue until its own date is entered, whatever the task's status", () => {
    const notStarted = checkTaskEntry({ status: "未启动", completedOn: null }, task53, "2023-07-02", 2023);
    expect(notStarted.overdue).toEqual([task53[1]]);
    expect(notStarted.problems[0]?.params.name).toBe("报送水污染防治半年工作总结");
    // Under way, the half-year report still missed (issue 13).
    expect(
      checkTaskEntry({ status: "推进中", completedOn: null }, task53, "2023-07-02", 2023).overdue,
    ).toEqual([task53[1]]);
    // Sent on time: nothing overdue.
    const sent = checkTaskEntry(
      { status: "推进中", completedOn: null, milestonesDoneOn: "2023-06-28" },
      task53,
      "2023-07-02",
      2023,
    );
    expect(sent.overdue).toEqual([]);
    expect(sent.problems).toEqual([]);
    // Sent late: a warning at its cell and its days, not overdue.
    const late = checkTaskEntry(
      { status: "推进中", completedOn: null, milestonesDoneOn: "2023-07-04" },
      task53,
      "2023-07-10",
      2023,
    );
    expect(late.overdue).toEqual([]);
    expect(late.late).toEqual([
      { what: "报送水污染防治半年工作总结", date: "2023-07-01", doneOn: "2023-07-04", days: 3 },
    ]);
    // A late milestone is a late completion of the task (issue 13): its days are the task's.
    expect(late.daysLate).toBe(3);
    expect(late.problems).toMatchObject([{ code: "completed_after_deadline", field: "milestonesDoneOn" }]);
    // Unreadable: an error at its cell, and the milestone still open.
    const typo = checkTaskEntry(
      { status: "推进中", completedOn: null, milestonesDoneOn: "6月底" },
      task53,
      "2023-07-10",
      2023,
    );
    expect(typo.problems).toMatchObject([
      { code: "unreadable_completion_date", field: "milestonesDoneOn" },
      { code: "task_overdue" },
    ]);
    // After the main deadline both are overdue for a task that never started.
    expect(checkTaskEntry({ status: null, completedOn: null }, task53, "2023-12-21", 2023).overdue).toEqual(
      task53,
    );
  });

  it("judges a done task's completion date against the main deadline only", () => {
    const result = checkTaskEntry(
      { status: "已完成", completedOn: "2023-08-01" },
      task53,
      "2023-12-31",
      2023,
    );
    expect(result.problems).toEqual([]);
    expect(result.overdue).toEqual([]);
  });

  it("counts a done task's half-year report sent late as its late completion, once", () => {
    // Task 53 finished on time, its half-year summary sent 10 days late.
    const result = checkTaskEntry(
      { status: "已完成", completedOn: "2023-12-15", milestonesDoneOn: "2023-07-11" },
      task53,
      "2023-12-31",
      2023,
    );
    expect(codes(result)).toEqual(["completed_after_deadline@milestonesDoneOn"]);
    expect(result.daysLate).toBe(10);
    expect(result.late).toEqual([
      { what: "报送水污染防治半年工作总结", date: "2023-07-01", doneOn: "2023-07-11", days: 10 },
    ]);
  });

  it("gives a task late on both its deadline and its milestone the larger lateness, both named", () => {
    const result = checkTaskEntry(
      { status: "已完成", completedOn: "2023-12-23", milestonesDoneOn: "2023-07-11" },
      task53,
      "2023-12-31",
      2023,
    );
    expect(result.daysLate).toBe(10);
    expect(result.late.map((l) => [l.what, l.days])).toEqual([
      ["", 3],
      ["报送水污染防治半年工作总结", 10],
    ]);
    expect(codes(result)).toEqual([
      "completed_after_deadline@completedOn",
      "completed_after_deadline@milestonesDoneOn",
    ]);
  });

  it("finds no lateness in a task done on time with its milestone on time or covered by the task's date", () => {
    for (const milestonesDoneOn of ["2023-06-30", "2023-07-01", null]) {
      const result = checkTaskEntry(
        { status: "已完成", completedOn: "2023-06-20", milestonesDoneOn },
        task53,
        "2023-12-31",
        2023,
      );
      expect(result.daysLate).toBeNull();
      expect(result.late).toEqual([]);
    }
  });
});
