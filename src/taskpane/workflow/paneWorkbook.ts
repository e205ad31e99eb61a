import type { Locale, LocalizedText } from "../../core/locale";
import type { HostError } from "../../hosts/hostError";
import type { Plan } from "../../core/plan/planSchema";
import type { ExportCell } from "../../core/import/readExportHeader";
import { generateWorkbook, type GenerateOutcome } from "../../workbook/generateWorkbook";
import {
  importMonitoring,
  type ImportOptions,
  type ImportOutcome,
} from "../../workbook/import/importMonitoring";
import { metaSheetName, readSettings } from "../../workbook/metaSheet";
import { splitWorkbook, type SplitOptions, type SplitOutcome } from "../../workbook/exchange/splitWorkbook";
import {
  mergeReturns,
  returnSheetNames,
  type MergeOptions,
  type MergeOutcome,
  type ReturnedWorkbook,
} from "../../workbook/exchange/mergeReturns";
import type { WorkbookPort } from "../../workbook/port";
import { monitoringPointNames } from "../../workbook/sheets/monitoringSheet";
import { validateWorkbook, type ValidateOutcome } from "../../workbook/validate/validateWorkbook";
import type { ValidationReport } from "../../workbook/validate/validationReport";
import type { PaneStep } from "../messages/taskPaneMessages";
import type { ReportWriter } from "../paneHost";
import { watchPort, type PortWatch } from "./watchPort";

/** Listens to the steps of one action. */
export type StepListener = (step: PaneStep) => void;

/**
 * Hears of a write whose data went in but whose finishing (widths, colours, dropdowns, frozen
 * panes, print set-up, charts) Excel partly refused: the action succeeded, with a warning.
 */
export type CosmeticFailureListener = (failure: HostError) => void;

/**
 * Carries a port's cosmetic failures to the action running now. A host hears of them through a
 * callback fixed when its port is made (the Office host's `onCosmeticFailure`), before any action
 * runs; the pane runs one action at a time, so one listener at a time is enough.
 *
 * @example
 * const relay = new CosmeticFailureRelay();
 * const port = createOfficeWorkbookPort(run, { onCosmeticFailure: relay.report });
 * const workbook = createPaneWorkbook(port, plan, undefined, relay);
 */
export class CosmeticFailureRelay {
  private listener: CosmeticFailureListener | null = null;

  /** Give this to the port; a failure with no action listening is dropped (none can happen then). */
  readonly report = (failure: HostError): void => {
    this.listener?.(failure);
  };

  /** Runs `action` with `listener` hearing the failures reported meanwhile. */
  async during<T>(listener: CosmeticFailureListener | undefined, action: () => Promise<T>): Promise<T> {
    this.listener = listener ?? null;
    try {
      return await action();
    } finally {
      this.listener = null;
    }
  }
}

/**
 * The workbook as the pane works on it: the plan's three actions, importing monitoring data and
 * the workbook's stored publication date, each call watched (see watchPort). Made by `createPaneWorkbook` in a chunk
 * loaded after the pane's first paint, so the plan data and the engine stay out of it.
 */
export interface PaneWorkbook {
  /** The plan's title in both languages. */
  readonly planTitle: LocalizedText;
  /** The plan's year: the default as-of day never passes its last day (see defaultAsOf). */
  readonly planYear: number;
  /** The plan's monitoring points, as 监测数据 names them (the choices for an export's unknown names). */
  readonly pointNames: readonly string[];
  /** Generates the plan's sheets; `publishedOn` given: stores that publication date in the workbook. */
  generate(
    options: { readonly locale: Locale; readonly publishedOn?: string | null },
    onStep: StepListener,
    onCosmeticFailure?: CosmeticFailureListener,
  ): Promise<GenerateOutcome>;
  /** Validates; with `summary` it also writes the summary sheet 汇总. */
  validate(
    options: { readonly locale: Locale; readonly asOf: string; readonly summary: boolean },
    onStep: StepListener,
    onCosmeticFailure?: CosmeticFailureListener,
  ): Promise<ValidateOutcome>;
  /** The plan's publication date stored in the workbook ("YYYY-MM-DD"), or null while unset. */
  readPublishedOn(): Promise<string | null>;
  /** The 进展报告 draft (.docx bytes) for a validation report, by the writer the pane loaded as a chunk. */
  draftReport(report: ValidationReport, locale: Locale, writer: ReportWriter): Promise<Uint8Array>;
  /** Imports a monitoring export into 监测数据 (with `preview`, only says what it would do). */
  importMonitoring(
    grid: readonly (readonly ExportCell[])[],
    options: ImportOptions,
    onStep: StepListener,
    onCosmeticFailure?: CosmeticFailureListener,
  ): Promise<ImportOutcome>;
  /** 下发填报表: one write batch per unit from one read of this workbook (it writes nothing here). */
  split(options: SplitOptions, onStep: StepListener): Promise<SplitOutcome>;
  /** The sheets a returned workbook is read for (every plan sheet in either language, the meta sheet). */
  readonly returnSheetNames: readonly string[];
  /** 汇总报送: merges the returned workbooks into this one (with `preview`, only says what it would do). */
  mergeReturns(
    returns: readonly ReturnedWorkbook[],
    options: MergeOptions,
    onStep: StepListener,
    onCosmeticFailure?: CosmeticFailureListener,
  ): Promise<MergeOutcome>;
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
  /** Where the port reports cosmetic failures (a host without them passes none). */
  cosmetic: CosmeticFailureRelay = new CosmeticFailureRelay(),
): PaneWorkbook {
  const watched = (onStep: StepListener): WorkbookPort =>
    watchPort(port, limits === undefined ? { onStep } : { onStep, limits });
  return {
    planTitle: { "zh-CN": plan.title, "en-US": plan.titleEn },
    planYear: plan.year,
    pointNames: monitoringPointNames(plan),
    generate: (options, onStep, onCosmeticFailure) =>
      cosmetic.during(onCosmeticFailure, () =>
        generateWorkbook(
          watched(onStep),
          plan,
          options.publishedOn === undefined
            ? { locale: options.locale }
            : { locale: options.locale, publishedOn: options.publishedOn },
        ),
      ),
    validate: (options, onStep, onCosmeticFailure) =>
      cosmetic.during(onCosmeticFailure, () =>
        validateWorkbook(watched(onStep), plan, {
          locale: options.locale,
          asOf: options.asOf,
          summary: options.summary,
        }),
      ),
    importMonitoring: (grid, options, onStep, onCosmeticFailure) =>
      cosmetic.during(onCosmeticFailure, () => importMonitoring(watched(onStep), plan, grid, options)),
    split: (options, onStep) => splitWorkbook(watched(onStep), plan, options),
    returnSheetNames: returnSheetNames(plan),
    mergeReturns: (returns, options, onStep, onCosmeticFailure) =>
      cosmetic.during(onCosmeticFailure, () => mergeReturns(watched(onStep), plan, returns, options)),
    draftReport: (report, locale, writer) => writer.progressReportDocx(plan, report, locale),
    readPublishedOn: async () => {
      const snapshot = await watched(() => undefined).read([metaSheetName]);
      return readSettings(snapshot.sheets.get(metaSheetName)).publishedOn;
    },
  };
}
