/*
 * The report validation returns: its own module so that the validator, which builds it, and the
 * summary sheet, the CLI's tables and the task pane, which read it, import the types from one place
 * and never from each other.
 */
import type { AttainmentVerdict } from "../../core/validation/checkIndicatorEntry";
import type { TaskStatus } from "../../core/validation/checkTaskEntry";
import type { GoalJudgement } from "../../core/validation/judgeGoal";
import type { PointKind } from "../../core/validation/monitoringPoints";
import type { Severity, ValidationCode } from "../../core/validation/validationProblem";
import type { AllowanceWarning } from "../../core/water-quality/computeAllowance";
import type { ParameterKey } from "../../core/water-quality/parameters";
import type { WaterQualityIssueCode } from "../../core/water-quality/waterQualityIssue";

/** A verdict as the report gives it: a point's or target's, or `pending` for a goal whose tasks are not yet due. */
export type ReportVerdict = AttainmentVerdict | "pending";

/** One problem of the report, at its sheet and cell. */
export interface ReportIssue {
  readonly sheet: string;
  /** "K8", or "" for a problem of the workbook as a whole. */
  readonly cell: string;
  readonly severity: Severity;
  /** A validation code, or the water-quality engine's code for a measured value (`unreadable_value`, …). */
  readonly code: ValidationCode | WaterQualityIssueCode;
  readonly message: string;
}

export interface ReportPoint {
  readonly name: string;
  readonly kind: PointKind;
  readonly target: string;
  readonly class: string | null;
  readonly enteredClass: string | null;
  readonly computedClass: string | null;
  readonly status: AttainmentVerdict;
  readonly samples: number;
  /** How many of the 21 evaluation items the computed class rests on (0 without samples). */
  readonly items: number;
  /**
   * Core items of the point's kind not monitored, by key: the class is then a lower bound ("at
   * least Ⅳ类") and a passing point cannot be judged.
   */
  readonly missingCore: readonly ParameterKey[];
  /** `parameter`: the standard's Chinese name; `key`: the engine's key ("nh3n"). */
  readonly exceedances: readonly {
    readonly parameter: string;
    readonly key: ParameterKey;
    readonly multiple: number | null;
  }[];
}

export interface ReportIndicator {
  readonly id: string;
  readonly task: number;
  readonly name: string;
  readonly target: string;
  readonly soft: boolean;
  /** The value judged, unrounded: every comparison uses it. */
  readonly actual: number | null;
  /** The value judged as shown: at least the target's decimals, never rounded across the target. */
  readonly shownActual: number | null;
  readonly status: AttainmentVerdict;
}

export interface ReportTask {
  readonly number: number;
  readonly mainTask: string;
  readonly leadUnits: string;
  readonly deadlines: readonly { readonly what: string; readonly date: string | null }[];
  readonly status: TaskStatus | null;
  readonly completedOn: string | null;
  readonly overdue: boolean;
  /** Days since the earliest deadline passed without the task done (a milestone's too), else null. */
  readonly daysOverdue: number | null;
  /** That deadline: `what` is "" for the main one, else the milestone (task 53's 半年工作总结). */
  readonly overdueDeadline: { readonly what: string; readonly date: string } | null;
  /**
   * Days the task was late (逾期完成): done after its deadline or a milestone delivered after its
   * day, the larger where both, else null. Every count of 逾期完成 reads this.
   */
  readonly daysLate: number | null;
  /** Each deadline met late: `what` is "" for the main one, else the milestone; `doneOn` the day met. */
  readonly lateDeadlines: readonly {
    readonly what: string;
    readonly date: string;
    readonly doneOn: string;
    readonly days: number;
  }[];
}

export interface ReportGoal {
  readonly key: string;
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  readonly status: ReportVerdict;
  readonly figures: GoalJudgement;
}

/** A point's class in each month of the plan year (水质类别月度变化); null where no sample. */
export interface ReportMonthClasses {
  readonly name: string;
  readonly kind: PointKind;
  readonly target: string;
  /** Twelve entries, January first: "Ⅱ类", …, or null. */
  readonly classes: readonly (string | null)[];
}

/** The 达标倒推 of one parameter at one point, with its early warnings (预警). */
export interface ReportAllowance {
  readonly point: string;
  readonly kind: PointKind;
  readonly target: string;
  readonly parameter: string;
  readonly key: ParameterKey;
  /** "max": the remaining months may average at most `allowance`; "min" (dissolved oxygen): at least. */
  readonly bound: "max" | "min";
  readonly limit: number;
  readonly mean: number;
  readonly samples: number;
  readonly latestMonth: number;
  readonly latest: number;
  readonly remainingMonths: number;
  readonly expectedSamples: number;
  /** null when no month of the year remains. */
  readonly allowance: number | null;
  readonly warnings: readonly AllowanceWarning[];
}

/** Everything validation found: the document `water-plan validate --json` prints. */
export interface ValidationReport {
  readonly plan: { readonly city: string; readonly year: number; readonly title: string };
  readonly asOf: string;
  readonly publishedOn: string | null;
  readonly issues: readonly ReportIssue[];
  readonly counts: { readonly errors: number; readonly warnings: number };
  readonly points: readonly ReportPoint[];
  readonly indicators: readonly ReportIndicator[];
  readonly tasks: readonly ReportTask[];
  readonly goals: readonly ReportGoal[];
  /** Requirements of the plan no entry judges: a person must (task 18's monthly frequency, task 16's survey). */
  readonly manualChecks: readonly { readonly task: number; readonly text: string }[];
  readonly monthlyClasses: readonly ReportMonthClasses[];
  readonly allowances: readonly ReportAllowance[];
}
