import type { Locale } from "../../../core/locale";
import type { ScopeBy } from "../../../core/plan/planScope";
import type { PaneStep } from "../../messages/taskPaneMessages";
import { enUS } from "./en-US.split";
import { zhCN } from "./zh-CN.split";

/** Why a unit's workbook was downloaded instead of opened in Excel. */
export type FallbackReason = "unsupported" | "too_large";

/**
 * Every text of 下发填报表 in the task pane and the preview, one file per language (zh-CN.ts,
 * en-US.ts), apart from the component.
 */
export interface SplitPaneMessages {
  readonly openButton: string;
  readonly closeButton: string;
  readonly heading: string;
  readonly intro: string;
  readonly byLabel: string;
  readonly by: (by: ScopeBy) => string;
  readonly deadlineLabel: string;
  readonly deadlineHint: string;
  readonly deadlineInvalid: string;
  readonly listButton: string;
  readonly step: (step: PaneStep) => string;
  readonly unitsHeading: (count: number, by: ScopeBy) => string;
  readonly unitLine: (unit: string, rows: number, entries: number) => string;
  readonly notSent: (rows: number) => string;
  /** The button of one unit: opens in Excel, or downloads where the host cannot open workbooks. */
  readonly deliverOne: (opens: boolean) => string;
  /** The same button's accessible name, with the unit. */
  readonly deliverOneLabel: (opens: boolean, unit: string) => string;
  readonly deliverAll: (opens: boolean, count: number) => string;
  readonly making: (unit: string) => string;
  readonly opened: (fileName: string) => string;
  readonly downloaded: (fileName: string) => string;
  readonly fellBack: (reason: FallbackReason, fileName: string) => string;
  readonly undeliverable: (fileName: string) => string;
  readonly afterSending: string;
  readonly problemTitle: string;
  readonly notAddInWorkbook: string;
  readonly otherPlan: (workbookPlan: string, plan: string) => string;
  readonly alreadySplit: (unit: string) => string;
  readonly noCounties: string;
  readonly unknownUnit: (unit: string, suggestions: readonly string[]) => string;
}

const byLocale: Readonly<Record<Locale, SplitPaneMessages>> = { "zh-CN": zhCN, "en-US": enUS };

/**
 * 下发填报表's texts in one language.
 *
 * @example
 * splitPaneMessages("en-US").openButton // "Send forms to units"
 */
export function splitPaneMessages(locale: Locale): SplitPaneMessages {
  return byLocale[locale];
}
