import type { Locale } from "../../../core/locale";
import type { ReportVerdict } from "../../validate/validationReport";
import { enUsReportWords } from "./en-US";
import { zhCnReportWords } from "./zh-CN";

/** A deadline met late, as the validation report gives it. */
export interface LateDeadline {
  readonly what: string;
  readonly date: string;
  readonly doneOn: string;
  readonly days: number;
}

/** Counts of a group of points or indicators by verdict. */
export interface VerdictCounts {
  readonly total: number;
  readonly met: number;
  readonly notMet: number;
  readonly invalid: number;
  readonly noData: number;
  readonly cannotJudge: number;
}

/** Task counts for the key-tasks section. */
export interface TaskCounts {
  readonly total: number;
  readonly done: number;
  readonly inProgress: number;
  readonly notStarted: number;
  readonly blank: number;
  readonly overdue: number;
  readonly late: number;
}

/** Every sentence and label of the 进展报告, one implementation per language. */
export interface ReportWords {
  readonly title: (planTitle: string) => string;
  readonly subtitle: (asOf: string) => string;
  readonly opening: (planTitle: string, asOf: string, errors: number, warnings: number) => string;
  readonly headings: {
    readonly goals: string;
    readonly surface: string;
    readonly national: string;
    readonly regional: string;
    readonly outlook: string;
    readonly months: string;
    readonly sources: string;
    readonly tasks: string;
    readonly byUnit: string;
    readonly indicators: string;
    readonly problems: string;
    readonly unmet: string;
    readonly overdue: string;
    readonly data: string;
    readonly next: string;
  };
  readonly goal: (name: string, actual: string, verdict: ReportVerdict) => string;
  readonly goalsTally: (total: number, met: number) => string;
  readonly sectionsTally: (group: string, counts: VerdictCounts) => string;
  readonly pointMissed: (name: string, cls: string, target: string, pollutants: string) => string;
  readonly pollutant: (name: string, multiple: number | null) => string;
  readonly noPollutant: string;
  readonly sourcesTally: (counts: VerdictCounts) => string;
  readonly pointsHeader: readonly string[];
  readonly pointsCaption: (group: string) => string;
  readonly groups: { readonly national: string; readonly regional: string; readonly sources: string };
  readonly outlookIntro: (remainingMonths: number, warned: number, total: number) => string;
  readonly outlookItem: (
    point: string,
    parameter: string,
    mean: string,
    limit: string,
    allowance: string,
    bound: "max" | "min",
    warnings: string,
  ) => string;
  readonly outlookNone: string;
  readonly outlookHeader: readonly string[];
  readonly outlookCaption: string;
  readonly monthsIntro: string;
  readonly monthsHeader: readonly string[];
  readonly monthsCaption: string;
  readonly tasksTally: (counts: TaskCounts) => string;
  readonly overdueItem: (
    number: number,
    mainTask: string,
    units: string,
    due: string,
    days: number | null,
  ) => string;
  /** A task done late: each deadline met late (`what` "" for the main one, else the milestone). */
  readonly lateItem: (number: number, mainTask: string, late: readonly LateDeadline[]) => string;
  readonly byUnitHeader: readonly string[];
  readonly byUnitCaption: string;
  readonly indicatorsTally: (counts: VerdictCounts) => string;
  readonly indicatorsHeader: readonly string[];
  readonly indicatorsCaption: string;
  readonly soft: string;
  readonly unmetGoal: (name: string, actual: string) => string;
  readonly unmetPoint: (name: string, cls: string, target: string) => string;
  readonly unmetIndicator: (task: number, name: string, target: string, actual: string) => string;
  readonly noneFound: string;
  readonly dataIssue: (where: string, message: string) => string;
  readonly dataTally: (errors: number, warnings: number) => string;
  /** Where a problem of a sheet as a whole is. */
  readonly wholeSheet: (sheet: string) => string;
  readonly toFill: string;
  readonly verdict: Readonly<Record<ReportVerdict, string>>;
  readonly taskStatus: {
    readonly done: string;
    readonly in_progress: string;
    readonly not_started: string;
    readonly blank: string;
  };
  readonly date: (iso: string) => string;
  readonly listSeparator: string;
  /** Between two sentences of a paragraph: nothing in Chinese, a space in English. */
  readonly sentenceGap: string;
}

/**
 * The report's words in a language.
 *
 * @example
 * reportWords("en-US").headings.next // "7. Next steps"
 */
export function reportWords(locale: Locale): ReportWords {
  return locale === "zh-CN" ? zhCnReportWords : enUsReportWords;
}
