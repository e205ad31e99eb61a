import { readIndicatorNumber } from "./checkIndicatorEntry";
import { inputText, problem, type Problem } from "./validationProblem";

export interface OutfallEntryInput {
  /** 排查完成: 是 / 否 (Yes / No). */
  readonly surveyDone: unknown;
  /** 排污口数量: outfalls found. */
  readonly outfalls: unknown;
  /** 已溯源数 */
  readonly traced: unknown;
  /** 整治任务数: outfalls that need remediating (the denominator of task 16's 30 %). */
  readonly remediationTasks: unknown;
  /** 已整治数 */
  readonly remediated: unknown;
}

export interface CheckedOutfallEntry {
  readonly problems: readonly Problem[];
  /** The counts that could be read (null: blank or wrong). */
  readonly counts: {
    readonly outfalls: number | null;
    readonly traced: number | null;
    readonly remediationTasks: number | null;
    readonly remediated: number | null;
  };
  readonly surveyDone: boolean | null;
}

const yes = new Set(["是", "yes", "y", "完成", "已完成", "true"]);
const no = new Set(["否", "no", "n", "未完成", "false"]);

function readYesNo(raw: unknown): boolean | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "boolean") return raw;
  const text = inputText(raw).normalize("NFKC").trim().toLowerCase();
  if (text === "") return null;
  return yes.has(text) ? true : no.has(text) ? false : undefined;
}

/**
 * Checks one river's outfall survey (附件6): every count is a whole number ≥ 0; traced ≤ found;
 * remediation tasks ≤ found; remediated ≤ remediation tasks (or ≤ found while tasks are blank).
 *
 * @example
 * checkOutfallEntry({ surveyDone: "是", outfalls: 12, traced: 14, remediationTasks: null, remediated: 2 }).problems[0]?.code
 * // "traced_exceeds_found"
 */
export function checkOutfallEntry(input: OutfallEntryInput): CheckedOutfallEntry {
  const problems: Problem[] = [];
  const count = (field: keyof OutfallEntryInput): number | null => {
    const read = readIndicatorNumber(input[field]);
    if (read.kind === "empty") return null;
    if (read.kind === "number" && Number.isInteger(read.value) && read.value >= 0 && !read.percentSign)
      return read.value;
    // Quoted as typed: "5%" read as the number 5 would be quoted as a whole number.
    problems.push(problem("count_not_whole_number", "error", field, { input: inputText(input[field]) }));
    return null;
  };
  const outfalls = count("outfalls");
  const traced = count("traced");
  const remediationTasks = count("remediationTasks");
  const remediated = count("remediated");
  if (outfalls !== null && traced !== null && traced > outfalls) {
    problems.push(problem("traced_exceeds_found", "error", "traced", { value: traced, limit: outfalls }));
  }
  if (outfalls !== null && remediationTasks !== null && remediationTasks > outfalls) {
    problems.push(
      problem("remediation_tasks_exceed_found", "error", "remediationTasks", {
        value: remediationTasks,
        limit: outfalls,
      }),
    );
  }
  if (remediated !== null) {
    if (remediationTasks !== null && remediated > remediationTasks) {
      problems.push(
        problem("remediated_exceeds_tasks", "error", "remediated", {
          value: remediated,
          limit: remediationTasks,
        }),
      );
    } else if (remediationTasks === null && outfalls !== null && remediated > outfalls) {
      problems.push(
        problem("remediated_exceeds_found", "error", "remediated", { value: remediated, limit: outfalls }),
      );
    }
  }
  const surveyDone = readYesNo(input.surveyDone);
  if (surveyDone === undefined) {
    problems.push(
      problem("survey_done_unreadable", "error", "surveyDone", { input: inputText(input.surveyDone) }),
    );
  }
  return {
    problems,
    counts: { outfalls, traced, remediationTasks, remediated },
    surveyDone: surveyDone ?? null,
  };
}
