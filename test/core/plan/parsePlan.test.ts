import planJson from "../../../seeds/liuzhou-2023.json";
import { formatPath, formatPlanProblems, parsePlan } from "../../../src/core/plan/parsePlan";

/** A deep copy of the Liuzhou seed to break on purpose. */
function makePlanJson(): Record<string, unknown> & typeof planJson {
  return structuredClone(planJson);
}

function problemsOf(json: unknown) {
  const result = parsePlan(json);
  if (result.ok) throw new Error("expected the plan to be rejected");
  return result.problems;
}

describe("parsePlan", () => {
  it("accepts the Liuzhou seed, $schema key included", () => {
    const result = parsePlan(makePlanJson());
    expect(result.ok).toBe(true);
  });

  it("accepts core items per point table, and refuses an item that is not one of the 21", () => {
    const json = makePlanJson();
    json["coreItems"] = { national_sections: ["ph", "do", "codmn", "nh3n", "tp", "cod"] };
    expect(parsePlan(json).ok).toBe(true);
    json["coreItems"] = { national_sections: ["ph", "tn"] };
    expect(problemsOf(json).map((p) => p.path)).toEqual(["coreItems.national_sections[1]"]);
  });

  it("names the JSON path of a bad deadline date", () => {
    const json = makePlanJson();
    json.tasks[0]!.deadline.date = "2023-13-45";
    const problems = problemsOf(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "tasks[0].deadline.date", code: "schema_violation" });
    expect(problems[0]!.messages["zh-CN"]).toMatch(/日期/);
  });

  it("names the path of a wrong type, an unknown key and a missing field", () => {
    const json = makePlanJson();
    (json.nationalSections[4] as Record<string, unknown>)["targetClass"] = "II";
    (json.targets[0] as Record<string, unknown>)["extra"] = 1;
    delete (json as Record<string, unknown>)["goalsText"];
    expect(
      problemsOf(json)
        .map((p) => p.path)
        .sort(),
    ).toEqual(["goalsText", "nationalSections[4].targetClass", "targets[0]"]);
  });

  it("rejects what is not a plan at all, at the root", () => {
    expect(problemsOf(null)).toEqual([expect.objectContaining({ path: "", code: "schema_violation" })]);
    expect(problemsOf([])[0]!.path).toBe("");
  });

  it("finds task numbers out of order", () => {
    const json = makePlanJson();
    json.tasks[2]!.number = 4; // task 3 has no targets, so nothing else refers to it
    expect(problemsOf(json)).toEqual([
      expect.objectContaining({ path: "tasks[2].number", code: "task_number_out_of_order" }),
    ]);
  });

  it("finds a main task that is not the row above's under a blank cell", () => {
    const json = makePlanJson();
    json.tasks[2]!.mainTask = "加强散乱污企业整治";
    expect(problemsOf(json)).toEqual([
      expect.objectContaining({ path: "tasks[2].mainTask", code: "main_task_mismatch" }),
    ]);
  });

  it("finds duplicate target ids, ids that name another task, and targets of tasks that do not exist", () => {
    const json = makePlanJson();
    json.targets[1]!.id = "t5-1";
    json.targets[2]!.task = 7;
    json.targets[3] = { ...json.targets[3]!, id: "t99-1", task: 99 };
    expect(problemsOf(json).map((p) => [p.path, p.code])).toEqual([
      ["targets[1].id", "duplicate_target_id"],
      ["targets[2].id", "target_id_task_mismatch"],
      ["targets[2].text", "quote_not_in_content"], // t6-1's words are not in task 7's content
      ["targets[3].task", "unknown_target_task"],
    ]);
  });

  it("finds a qualifier that is not the content's words verbatim", () => {
    const json = makePlanJson();
    json.targets[1]!.qualifier = "处理规模为3000m³/d及以上的除外"; // the source writes "3000m ³ /d"
    const problems = problemsOf(json);
    expect(problems).toEqual([
      expect.objectContaining({ path: "targets[1].qualifier", code: "quote_not_in_content" }),
    ]);
    expect(problems[0]!.messages["zh-CN"]).toBe(
      "“处理规模为3000m³/d及以上的除外”不是任务 5 任务内容中的原文",
    );
  });

  it("finds a milestone whose words are not in its task's content", () => {
    const json = makePlanJson();
    json.tasks[52]!.additionalDeadlines[0]!.what = "报送半年工作总结";
    json.tasks[52]!.additionalDeadlines[0]!.text = "6月30日前";
    expect(problemsOf(json).map((p) => [p.path, p.code])).toEqual([
      ["tasks[52].additionalDeadlines[0].text", "quote_not_in_content"],
      ["tasks[52].additionalDeadlines[0].what", "quote_not_in_content"],
    ]);
  });

  it("finds a denominator on a target that is not a share", () => {
    const json = makePlanJson();
    (json.targets[2] as Record<string, unknown>)["denominator"] = {
      zh: "规划长度",
      en: "Planned length",
      source: null,
    };
    const problems = problemsOf(json);
    expect(problems).toEqual([
      expect.objectContaining({ path: "targets[2].denominator", code: "denominator_without_share" }),
    ]);
    expect(problems[0]!.messages["en-US"]).toBe(
      'only a share (%) has a denominator, this target\'s unit is "公里"',
    );
  });

  it("refuses a denominator whose survey source is missing or unknown, naming the path", () => {
    for (const source of [undefined, "outfall_found"]) {
      const json = makePlanJson();
      (json.targets[2] as Record<string, unknown>)["denominator"] = {
        zh: "整治任务数",
        en: "Remediation tasks",
        ...(source === undefined ? {} : { source }),
      };
      expect(problemsOf(json).map((p) => p.path)).toEqual(["targets[2].denominator.source"]);
    }
  });

  it("finds a judgement share that differs from the goal's good-water share, and goal tasks that do not exist", () => {
    const json = makePlanJson();
    (json.goals[0]!.judgement as Record<string, unknown>)["share"] = 90;
    (json.goals[3]!.judgement as Record<string, unknown>)["tasks"] = [19, 54];
    expect(problemsOf(json).map((p) => [p.path, p.code, p.messages["zh-CN"]])).toEqual([
      [
        "goals[0].judgement.share",
        "goal_share_mismatch",
        "判定所用比例 90% 与目标写明的优良比例 100% 不一致",
      ],
      ["goals[3].judgement.tasks[1]", "unknown_goal_task", "目标引用的任务 54 不存在"],
    ]);
  });

  it("refuses a judgement that judges on no points or mixes kinds", () => {
    const json = makePlanJson();
    (json.goals[1]!.judgement as Record<string, unknown>)["points"] = [];
    (json.goals[3]!.judgement as Record<string, unknown>)["points"] = ["national_sections"];
    expect(problemsOf(json).map((p) => [p.path, p.code])).toEqual([
      ["goals[1].judgement.points", "schema_violation"],
      ["goals[3].judgement", "schema_violation"],
    ]);
  });

  it("finds a reduction target without its base year", () => {
    const json = makePlanJson();
    delete (json.targets[19] as Record<string, unknown>)["baseYear"];
    expect(problemsOf(json)).toEqual([
      expect.objectContaining({ path: "targets[19].baseYear", code: "missing_base_year" }),
    ]);
  });

  it("finds goal counts that do not match the appendix tables", () => {
    const json = makePlanJson();
    json.nationalSections.pop();
    expect(problemsOf(json)).toEqual([
      expect.objectContaining({ path: "goals[0].count", code: "goal_count_mismatch" }),
    ]);
  });

  it("finds appendix row numbers out of order", () => {
    const json = makePlanJson();
    json.countySources[1]!.number = 3;
    expect(problemsOf(json)).toEqual([
      expect.objectContaining({ path: "countySources[1].number", code: "row_number_out_of_order" }),
    ]);
  });
});

describe("formatPlanProblems", () => {
  const json = makePlanJson();
  json.tasks[4]!.deadline.date = "2023-02-30";
  const problems = problemsOf(json);

  it("writes one line in Chinese", () => {
    const line = formatPlanProblems(problems, "zh-CN");
    expect(line).toBe("计划文件无效：tasks[4].deadline.date 无效ISO日期");
    expect(line).not.toContain("\n");
  });

  it("writes one English line", () => {
    expect(formatPlanProblems(problems, "en-US")).toBe(
      "Invalid plan file: tasks[4].deadline.date Invalid ISO date",
    );
  });

  it("localises the semantic checks and shortens long lists", () => {
    const json2 = makePlanJson();
    json2.tasks.forEach((t, i) => {
      t.number = i + 2;
    });
    const many = problemsOf(json2);
    expect(many).toHaveLength(53);
    expect(formatPlanProblems(many, "zh-CN", 2)).toBe(
      "计划文件无效：tasks[0].number 任务序号应为 1，实为 2；tasks[1].number 任务序号应为 2，实为 3；另有 51 处问题",
    );
    expect(formatPlanProblems(many, "en-US", 1)).toBe(
      "Invalid plan file: tasks[0].number task number should be 1, is 2; and 52 more",
    );
  });

  it("names the whole file when the problem is at the root", () => {
    expect(formatPlanProblems(problemsOf("text"), "zh-CN")).toMatch(/^计划文件无效：（文件） /);
  });
});

describe("formatPath", () => {
  it.each([
    [["tasks", 4, "deadline", "date"], "tasks[4].deadline.date"],
    [[], ""],
    [["$schema"], "$schema"],
    [["appendices", "odd key"], 'appendices["odd key"]'],
  ] as const)("writes %j as %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
