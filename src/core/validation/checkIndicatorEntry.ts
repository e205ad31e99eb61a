import type { Comparator, NumericTarget } from "../plan/planSchema";
import { parseMeasuredValue } from "../water-quality/parseMeasuredValue";
import { inputText, problem, type Problem } from "./validationProblem";

/** The verdict on a target, a point or a goal. `invalid`: the entries needed are wrong (数据有误). */
export type AttainmentVerdict = "met" | "not_met" | "no_data" | "invalid" | "cannot_judge";

/** A number as typed, and whether it was written with a % sign. */
type ReadNumber =
  | { readonly kind: "number"; readonly value: number; readonly percentSign: boolean }
  | { readonly kind: "empty" }
  | { readonly kind: "unreadable"; readonly input: string };

/**
 * Reads a number typed into an indicator cell: numbers, numeric text in any notation the value
 * parser reads ("１２.５", "1,234"), with an optional trailing % ("57%"). Blank is empty.
 */
export function readIndicatorNumber(raw: unknown): ReadNumber {
  if (raw === null || raw === undefined) return { kind: "empty" };
  if (typeof raw === "number") {
    return Number.isFinite(raw)
      ? { kind: "number", value: raw, percentSign: false }
      : { kind: "unreadable", input: String(raw) };
  }
  if (typeof raw !== "string") return { kind: "unreadable", input: inputText(raw) };
  const text = raw.normalize("NFKC").trim();
  if (text === "") return { kind: "empty" };
  const percentSign = text.endsWith("%");
  const body = percentSign ? text.slice(0, -1) : text;
  const negative = body.startsWith("-");
  const measured = parseMeasuredValue(negative ? body.slice(1) : body);
  if (measured.kind !== "value") return { kind: "unreadable", input: raw };
  return { kind: "number", value: negative ? -measured.value : measured.value, percentSign };
}

/** How the product prints a comparator: "≥ 57%". */
export const comparatorSigns: Readonly<Record<Comparator, string>> = {
  ">=": "≥",
  "<=": "≤",
  ">": ">",
  "<": "<",
  "=": "=",
};

/**
 * The value judged as a cell shows it: rounded to at least 2 decimals and at least the target's own
 * decimals (≥ 0.522 shows 0.521, not 0.52), and to more where rounding would put it on the other side
 * of the target (79.996 against ≥ 80 shows 79.996, never 80). Only the display rounds: every
 * comparison uses the unrounded figure.
 *
 * @example
 * shownJudgedValue(79.996, { comparator: ">=", value: 80 }) // 79.996
 * shownJudgedValue(0.5214, { comparator: ">=", value: 0.522 }) // 0.521
 */
export function shownJudgedValue(
  actual: number,
  target: { readonly comparator: Comparator; readonly value: number },
): number {
  const fraction = /\.(\d+)$/u.exec(String(target.value))?.[1] ?? "";
  const meets = compare(actual, target.comparator, target.value);
  for (let decimals = Math.max(2, fraction.length); decimals < 9; decimals += 1) {
    const scale = 10 ** decimals;
    const shown = Math.round(actual * scale) / scale;
    if (compare(shown, target.comparator, target.value) === meets) return shown;
  }
  return actual;
}

function compare(value: number, comparator: Comparator, target: number): boolean {
  // Decimal inputs (9.40 vs 9.4) are compared after rounding away binary noise.
  const v = Math.round(value * 1e9) / 1e9;
  switch (comparator) {
    case ">=":
      return v >= target;
    case "<=":
      return v <= target;
    case ">":
      return v > target;
    case "<":
      return v < target;
    case "=":
      return v === target;
  }
}

export interface IndicatorEntryInput {
  /** 实际值: the level in the entry unit (for a reduction target, the year's value in the indicator's own unit). */
  readonly actual: unknown;
  /** 基数: the base year's value, in the same unit (reduction targets only). */
  readonly baseValue: unknown;
  /** 降幅(%): the reduction typed directly (reduction targets only). */
  readonly reduction: unknown;
  /** An actual value the workbook derives from other entries (task 16's shares from 附件6), or null. */
  readonly derived: number | null;
}

export interface CheckedIndicator {
  readonly problems: readonly Problem[];
  /** The value compared with the target, in the target's unit (the reduction in % for reductions). */
  readonly actual: number | null;
  /** The reduction computed from the year's value and the base, in %, or null. */
  readonly computedReduction: number | null;
  readonly verdict: AttainmentVerdict;
}

/**
 * Shares read from 0–1 are taken as fractions (Excel stores a typed "57%" as 0.57). A negative
 * share is no fraction Excel stored: it stays as typed.
 */
function readPercent(
  read: Extract<ReadNumber, { kind: "number" }>,
  target: NumericTarget,
  field: string,
  problems: Problem[],
): number {
  if (read.percentSign || read.value > 1 || read.value < 0 || target.value <= 1) return read.value;
  const asPercent = Math.round(read.value * 100 * 1e9) / 1e9;
  if (read.value > 0) {
    problems.push(
      problem("doubtful_percent_reading", "warning", field, { value: read.value, actual: `${asPercent}%` }),
    );
  }
  return asPercent;
}

/**
 * The cut typed in its own column, in %. "6.4%" typed into a cell Excel stores as 0.064, so a cut of
 * 0–1 without a % sign has two readings: beside a cut computed from the year's value and the base,
 * the reading that agrees with it is taken silently; alone, it is read as Excel's stored percentage
 * (6.4 %) with the warning that names the other reading (0.064 %), as a share is read.
 */
function readTypedCut(
  read: Extract<ReadNumber, { kind: "number" }>,
  target: NumericTarget,
  computed: number | null,
  problems: Problem[],
): number {
  const ambiguous = !read.percentSign && read.value > 0 && read.value <= 1 && target.value > 1;
  if (!ambiguous) return read.value;
  const asPercent = Math.round(read.value * 100 * 1e9) / 1e9;
  if (computed !== null) {
    return Math.abs(computed - read.value) < Math.abs(computed - asPercent) ? read.value : asPercent;
  }
  return readPercent(read, target, "reduction", problems);
}

/**
 * Checks one numeric target's entries and judges it:
 * - the actual value must be a number; for a % target, "57%", 57 and 0.57 (Excel's stored form of
 *   a typed 57%) all read as 57 %, the last with a warning since 0.57 % is possible;
 * - a reduction against a base year (task 32) is computed from the year's value and the base in the
 *   indicator's own unit, or taken from the reduction typed in % ("6.4%" as Excel stores it, 0.064,
 *   reads as 6.4 %); a year's value without a base is an error, not a pass, and a base of 0 or
 *   below is an error of its own; both ways given and disagreeing by more than 0.05 points is a
 *   warning;
 * - a share derived from other sheets (task 16 from 附件6) stands in for a blank actual value and
 *   is compared with a typed one (warning beyond 0.5 points);
 * - a missed target is an error, or a warning for a 力争 (soft) target.
 *
 * @example
 * checkIndicatorEntry(t5_1, { actual: "57%", baseValue: null, reduction: null, derived: null }).verdict // "met"
 */
export function checkIndicatorEntry(target: NumericTarget, input: IndicatorEntryInput): CheckedIndicator {
  const problems: Problem[] = [];
  const actualRead = readIndicatorNumber(input.actual);
  if (actualRead.kind === "unreadable") {
    problems.push(problem("unreadable_actual_value", "error", "actual", { input: actualRead.input }));
  }
  const isReduction = target.measure === "reduction_from_base";
  const baseRead = readIndicatorNumber(input.baseValue);
  const reductionRead = readIndicatorNumber(input.reduction);
  if (!isReduction && baseRead.kind !== "empty")
    problems.push(problem("base_value_not_applicable", "warning", "baseValue"));
  // The cut's cell of a level target is greyed: what is typed there would otherwise go unnoticed.
  if (!isReduction && reductionRead.kind !== "empty")
    problems.push(problem("reduction_not_applicable", "warning", "reduction"));

  let actual: number | null = null;
  let computedReduction: number | null = null;
  if (isReduction) {
    if (baseRead.kind === "unreadable") {
      problems.push(problem("unreadable_base_value", "error", "baseValue", { input: baseRead.input }));
    }
    if (reductionRead.kind === "unreadable") {
      problems.push(problem("unreadable_actual_value", "error", "reduction", { input: reductionRead.input }));
    }
    // A base of 0 (or below) is wrong whatever else is entered: no reduction can be computed from it.
    if (baseRead.kind === "number" && baseRead.value <= 0) {
      problems.push(
        problem("base_value_not_positive", "error", "baseValue", {
          value: baseRead.value,
          year: target.baseYear ?? 0,
        }),
      );
    }
    if (actualRead.kind === "number") {
      if (baseRead.kind === "number" && baseRead.value > 0) {
        const cut = Math.round(((baseRead.value - actualRead.value) / baseRead.value) * 100 * 1e9) / 1e9;
        // A base of 1e-320 gives no finite cut: refuse it rather than judge an infinite one.
        if (Number.isFinite(cut)) computedReduction = cut;
        else
          problems.push(
            problem("unreadable_base_value", "error", "baseValue", { input: inputText(input.baseValue) }),
          );
      } else if (baseRead.kind === "empty") {
        problems.push(problem("missing_base_value", "error", "baseValue", { value: target.baseYear ?? 0 }));
      }
    }
    const typed =
      reductionRead.kind === "number"
        ? readTypedCut(reductionRead, target, computedReduction, problems)
        : null;
    if (computedReduction !== null && typed !== null && Math.abs(computedReduction - typed) > 0.05) {
      problems.push(
        problem("reduction_entries_disagree", "warning", "reduction", {
          value: typed,
          actual: computedReduction.toFixed(2),
        }),
      );
    }
    actual = computedReduction ?? typed;
  } else if (actualRead.kind === "number") {
    actual = target.unit === "%" ? readPercent(actualRead, target, "actual", problems) : actualRead.value;
    if (input.derived !== null && Math.abs(input.derived - actual) > 0.5) {
      problems.push(
        problem("indicator_differs_from_survey", "warning", "actual", {
          value: actual,
          actual: input.derived.toFixed(1),
        }),
      );
    }
  } else if (actualRead.kind === "empty") {
    actual = input.derived;
  }

  if (problems.some((p) => p.severity === "error")) {
    return { problems, actual: null, computedReduction, verdict: "invalid" };
  }
  if (actual === null) return { problems, actual: null, computedReduction, verdict: "no_data" };
  const met = compare(actual, target.comparator, target.value);
  if (!met) {
    problems.push(
      problem(
        target.soft ? "soft_target_missed" : "indicator_target_missed",
        target.soft ? "warning" : "error",
        isReduction ? "reduction" : "actual",
        {
          value: shownJudgedValue(actual, target),
          expected: `${comparatorSigns[target.comparator]} ${target.value}${target.unit}`,
        },
      ),
    );
  }
  return { problems, actual, computedReduction, verdict: met ? "met" : "not_met" };
}
