import { z } from "zod";
import type { Locale, LocalizedText } from "../locale";
import { type Plan, planSchema } from "./planSchema";
import {
  type PlanProblemCode,
  type PlanProblemParams,
  planProblemFrame,
  planProblemMessages,
} from "./planProblemMessages";

/** One thing wrong with a plan file, at a JSON path such as "tasks[4].deadline.date" ("" is the whole file). */
export interface PlanProblem {
  readonly path: string;
  /** The English message (zod's own for schema problems), for logs and tests. */
  readonly message: string;
  readonly code: PlanProblemCode;
  /** The message in every language the product speaks. */
  readonly messages: LocalizedText;
}

/** The outcome of reading a plan file: the typed plan, or every problem found. */
export type ParsePlanResult = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

/**
 * Validates untrusted JSON as a plan: first the zod schema, then the rules a schema cannot state
 * (task numbers 1..n in order, blank main tasks filled from the row above, unique target ids that
 * name an existing task, targets' and milestones' words quoted from their task's content, goal
 * counts and shares that match the appendix tables and `goodShare`, goal tasks that exist). Never
 * throws on bad input.
 *
 * @example
 * const result = parsePlan(JSON.parse(text));
 * if (!result.ok) console.error(formatPlanProblems(result.problems, "zh-CN"));
 */
export function parsePlan(json: unknown): ParsePlanResult {
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) {
    // A second pass with zod's Chinese messages: the issues come out in the same order.
    const zh = planSchema.safeParse(json, { error: z.locales.zhCN().localeError });
    const zhIssues = zh.success ? [] : zh.error.issues;
    return {
      ok: false,
      problems: parsed.error.issues.map((issue, index) => ({
        path: formatPath(issue.path),
        message: issue.message,
        code: "schema_violation",
        messages: { "en-US": issue.message, "zh-CN": zhIssues[index]?.message ?? issue.message },
      })),
    };
  }
  const problems = checkPlanSemantics(parsed.data);
  return problems.length === 0 ? { ok: true, plan: parsed.data } : { ok: false, problems };
}

/**
 * One line for the command line or a message bar: the frame in the user's language and the first
 * `limit` problems, each as "path message".
 *
 * @example
 * formatPlanProblems(problems, "zh-CN")
 * // "计划文件无效：tasks[0].deadline.date 无效ISO日期"
 */
export function formatPlanProblems(problems: readonly PlanProblem[], locale: Locale, limit = 5): string {
  const frame = planProblemFrame[locale];
  const shown = problems
    .slice(0, limit)
    .map((p) => `${p.path === "" ? frame.root : p.path} ${p.messages[locale]}`)
    .join(frame.separator);
  const hidden = problems.length - Math.min(problems.length, limit);
  return `${frame.invalid}${shown}${hidden > 0 ? frame.more(hidden) : ""}`;
}

/**
 * A zod issue path as JSON-path-like text: `["tasks", 4, "deadline", "date"]` → "tasks[4].deadline.date".
 *
 * @example
 * formatPath(["tasks", 4, "deadline", "date"]) // "tasks[4].deadline.date"
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function problem(
  code: Exclude<PlanProblemCode, "schema_violation">,
  path: string,
  params: PlanProblemParams,
): PlanProblem {
  const messages: LocalizedText = {
    "zh-CN": planProblemMessages["zh-CN"][code](params),
    "en-US": planProblemMessages["en-US"][code](params),
  };
  return { path, code, message: messages["en-US"], messages };
}

/** The rules the schema cannot state, on a plan that already has the schema's shape. */
function checkPlanSemantics(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];

  let aboveMainTask: string | null = null;
  plan.tasks.forEach((task, i) => {
    if (task.number !== i + 1) {
      problems.push(
        problem("task_number_out_of_order", `tasks[${i}].number`, { expected: i + 1, actual: task.number }),
      );
    }
    const expectedMainTask = task.mainTaskAsPrinted ?? aboveMainTask;
    if (expectedMainTask !== null && task.mainTask !== expectedMainTask) {
      problems.push(
        problem("main_task_mismatch", `tasks[${i}].mainTask`, {
          expected: expectedMainTask,
          actual: task.mainTask,
        }),
      );
    }
    // Carry what the row should say, so one wrong row is one problem, not one per blank row below it.
    aboveMainTask = expectedMainTask ?? task.mainTask;
  });

  const numberedTables = {
    nationalSections: plan.nationalSections,
    regionalSections: plan.regionalSections,
    municipalSources: plan.municipalSources,
    countySources: plan.countySources,
  } as const;
  for (const [name, rows] of Object.entries(numberedTables)) {
    rows.forEach((row, i) => {
      if (row.number !== i + 1) {
        problems.push(
          problem("row_number_out_of_order", `${name}[${i}].number`, { expected: i + 1, actual: row.number }),
        );
      }
    });
  }

  // Quotes are looked up in their task's content only while tasks are numbered 1..n: one misnumbered
  // row would otherwise turn every target below it into a quote problem too.
  const numbered = plan.tasks.every((task, i) => task.number === i + 1);

  plan.tasks.forEach((task, i) => {
    task.additionalDeadlines.forEach((milestone, j) => {
      for (const key of ["text", "what"] as const) {
        if (!task.content.includes(milestone[key])) {
          problems.push(
            problem("quote_not_in_content", `tasks[${i}].additionalDeadlines[${j}].${key}`, {
              text: milestone[key],
              task: task.number,
            }),
          );
        }
      }
    });
  });

  const taskNumbers = new Set(plan.tasks.map((t) => t.number));
  const seenIds = new Set<string>();
  plan.targets.forEach((target, i) => {
    if (seenIds.has(target.id))
      problems.push(problem("duplicate_target_id", `targets[${i}].id`, { id: target.id }));
    seenIds.add(target.id);
    if (!target.id.startsWith(`t${target.task}-`)) {
      problems.push(
        problem("target_id_task_mismatch", `targets[${i}].id`, { id: target.id, task: target.task }),
      );
    }
    const task = plan.tasks.find((t) => t.number === target.task);
    if (task === undefined) {
      problems.push(problem("unknown_target_task", `targets[${i}].task`, { task: target.task }));
    } else if (numbered) {
      for (const key of ["text", "qualifier"] as const) {
        const quote = target[key];
        if (quote !== null && !task.content.includes(quote)) {
          problems.push(
            problem("quote_not_in_content", `targets[${i}].${key}`, { text: quote, task: task.number }),
          );
        }
      }
    }
    if (target.denominator !== null && target.unit !== "%") {
      problems.push(problem("denominator_without_share", `targets[${i}].denominator`, { unit: target.unit }));
    }
    if (target.measure === "reduction_from_base" && target.baseYear === undefined) {
      problems.push(problem("missing_base_year", `targets[${i}].baseYear`, {}));
    }
  });

  plan.goals.forEach((goal, i) => {
    const rows =
      goal.key === "national_sections"
        ? plan.nationalSections.length
        : goal.key === "regional_sections"
          ? plan.regionalSections.length
          : null;
    if (rows !== null && goal.count !== null && goal.count !== rows) {
      problems.push(
        problem("goal_count_mismatch", `goals[${i}].count`, { expected: goal.count, actual: rows }),
      );
    }
    const { judgement } = goal;
    switch (judgement.kind) {
      case "good_share":
        if (goal.goodShare !== null && judgement.share !== goal.goodShare) {
          problems.push(
            problem("goal_share_mismatch", `goals[${i}].judgement.share`, {
              expected: goal.goodShare,
              actual: judgement.share,
            }),
          );
        }
        break;
      case "all_meet_target":
        break;
      case "tasks_done":
        judgement.tasks.forEach((task, j) => {
          if (!taskNumbers.has(task))
            problems.push(problem("unknown_goal_task", `goals[${i}].judgement.tasks[${j}]`, { task }));
        });
        break;
    }
  });

  // A split by county sends each county the points the plan names it for: a name outside the
  // list would be a unit of its own, silently.
  if (plan.counties !== undefined) {
    const counties = new Set(plan.counties.map((c) => c.name));
    const named: readonly { county: string; path: string }[] = [
      ...plan.regionalSections.map((s, i) => ({
        county: s.responsibleCounty,
        path: `regionalSections[${i}].responsibleCounty`,
      })),
      ...plan.countySources.map((s, i) => ({ county: s.county, path: `countySources[${i}].county` })),
    ];
    for (const { county, path } of named) {
      if (!counties.has(county)) problems.push(problem("unknown_county", path, { county }));
    }
  }
  plan.monitoringLead?.tasks.forEach((number, i) => {
    const task = plan.tasks.find((t) => t.number === number);
    const unit = plan.monitoringLead?.unit ?? "";
    if (task === undefined)
      problems.push(problem("unknown_goal_task", `monitoringLead.tasks[${i}]`, { task: number }));
    // Like quotes, checked only while tasks are numbered 1..n (one misnumbered row shifts them all).
    else if (numbered && !task.leadUnits.units.includes(unit))
      problems.push(
        problem("monitoring_lead_not_lead", `monitoringLead.tasks[${i}]`, { unit, task: number }),
      );
  });

  return problems;
}
