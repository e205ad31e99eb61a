import type { Locale, LocalizedText } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import { generateWorkbook, type GenerateOutcome } from "../../workbook/generateWorkbook";
import { metaSheetName, readSettings } from "../../workbook/metaSheet";
import type { WorkbookPort } from "../../workbook/port";
import { validateWorkbook, type ValidateOutcome } from "../../workbook/validate/validateWorkbook";
import type { PaneStep } from "../messages/taskPaneMessages";
import { watchPort, type PortWatch } from "./watchPort";

/** Listens to the steps of one action. */
export type StepListener = (step: PaneStep) => void;

/**
 * The workbook as the pane works on it: the plan's three actions and the workbook's stored
 * publication date, each call watched (see watchPort). Made by `createPaneWorkbook` in a chunk
 * loaded after the pane's first paint, so the plan data and the engine stay out of it.
 */
export interface PaneWorkbook {
  /** The plan's title in both languages. */
  readonly planTitle: LocalizedText;
  /** Generates the plan's sheets; `publishedOn` given: stores that publication date in the workbook. */
  generate(
    options: { readonly locale: Locale; readonly publishedOn?: string | null },
    onStep: StepListener,
  ): Promise<GenerateOutcome>;
  /** Validates; with `summary` it also writes the summary sheet 汇总. */
  validate(
    options: { readonly locale: Locale; readonly asOf: string; readonly summary: boolean },
    onStep: StepListener,
  ): Promise<ValidateOutcome>;
  /** The plan's publication date stored in the workbook ("YYYY-MM-DD"), or null while unset. */
  readPublishedOn(): Promise<string | null>;
}

/**
 * Binds a host's port and a plan into what the pane calls.
 *
 * @example
 * const workbook = createPaneWorkbook(book.port, liuzhou2023Plan);
 * await workbook.validate({ locale: "zh-CN", asOf: "2023-06-30", summary: false }, setStep);
 */
export function createPaneWorkbook(
  port: WorkbookPort,
  plan: Plan,
  limits?: PortWatch["limits"],
): PaneWorkbook {
  const watched = (onStep: StepListener): WorkbookPort =>
    watchPort(port, limits === undefined ? { onStep } : { onStep, limits });
  return {
    planTitle: { "zh-CN": plan.title, "en-US": plan.titleEn },
    generate: (options, onStep) =>
      generateWorkbook(
        watched(onStep),
        plan,
        options.publishedOn === undefined
          ? { locale: options.locale }
          : { locale: options.locale, publishedOn: options.publishedOn },
      ),
    validate: (options, onStep) =>
      validateWorkbook(watched(onStep), plan, {
        locale: options.locale,
        asOf: options.asOf,
        summary: options.summary,
      }),
    readPublishedOn: async () => {
      const snapshot = await watched(() => undefined).read([metaSheetName]);
      return readSettings(snapshot.sheets.get(metaSheetName)).publishedOn;
    },
  };
}
