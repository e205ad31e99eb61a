import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { Locale } from "../core/locale";
import { unprotectedSheetsOf, type HostError } from "../hosts/hostError";
import type { GenerateOutcome, GenerateProblem } from "../workbook/generateWorkbook";
import { formatGenerateProblem } from "../workbook/messages/formatGenerateProblem";
import type { ValidateOutcome } from "../workbook/validate/validateWorkbook";
import type { PaneAction, PaneStep, TaskPaneMessages } from "./messages/taskPaneMessages";
import { FailureBar } from "./FailureBar";
import type { PaneFailure } from "./watchdog";

/** The last validation that ran through, whose issues and goals the pane lists. */
export type Validated = Extract<ValidateOutcome, { ok: true }>;

/** Where the pane's current action stands. */
export type RunState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly action: PaneAction; readonly step: PaneStep }
  | {
      readonly kind: "generated";
      readonly outcome: GenerateOutcome;
      readonly settingsSaved: boolean;
      /** Finishing Excel refused while the data went in: shown as a warning beside the outcome. */
      readonly cosmeticFailures: readonly HostError[];
    }
  | {
      readonly kind: "validated";
      readonly action: PaneAction;
      readonly outcome: ValidateOutcome;
      readonly cosmeticFailures: readonly HostError[];
    }
  | { readonly kind: "failed"; readonly action: PaneAction; readonly failure: PaneFailure };

/**
 * What came of the last action: its step while it runs, then the outcome (sheets created and
 * updated, entries kept; issues counted and what was written), the problems that stopped it, or
 * the failure with what was and was not written and a retry.
 *
 * @example
 * <RunView run={{ kind: "running", action: "validate", step: "reading" }} locale="zh-CN" text={taskPaneMessages("zh-CN")} listClassName="" detailClassName="" onRetry={retry} onDismiss={dismiss} />
 */
export function RunView({
  run,
  locale,
  text,
  listClassName,
  detailClassName,
  onRetry,
  onDismiss,
}: {
  readonly run: RunState;
  readonly locale: Locale;
  readonly text: TaskPaneMessages;
  readonly listClassName: string;
  readonly detailClassName: string;
  readonly onRetry: (action: PaneAction) => void;
  readonly onDismiss: () => void;
}) {
  switch (run.kind) {
    case "idle":
      return null;
    case "running":
      return <Spinner size="small" labelPosition="after" label={text.step(run.action, run.step)} />;
    case "generated":
      return (
        <>
          {run.outcome.ok ? (
            <GeneratedBar
              outcome={run.outcome}
              text={text}
              listClassName={listClassName}
              settingsSaved={run.settingsSaved}
            />
          ) : (
            <ProblemsBar
              title={text.problemsTitle}
              lines={run.outcome.problems.map((problem: GenerateProblem) =>
                formatGenerateProblem(problem, locale),
              )}
              listClassName={listClassName}
            />
          )}
          <CosmeticFailureBar failures={run.cosmeticFailures} text={text} detailClassName={detailClassName} />
        </>
      );
    case "validated":
      return (
        <>
          {run.outcome.ok ? (
            <ValidatedBar outcome={run.outcome} text={text} listClassName={listClassName} />
          ) : (
            <ProblemsBar
              title={text.validateProblemsTitle}
              lines={run.outcome.problems.map((problem) =>
                problem.code === "no_plan_sheets" ? text.noPlanSheets : text.summarySheetTaken(problem.sheet),
              )}
              listClassName={listClassName}
            />
          )}
          <CosmeticFailureBar failures={run.cosmeticFailures} text={text} detailClassName={detailClassName} />
        </>
      );
    case "failed":
      return (
        <FailureBar
          failure={run.failure}
          action={run.action}
          text={text}
          detailClassName={detailClassName}
          onRetry={() => {
            onRetry(run.action);
          }}
          onDismiss={onDismiss}
        />
      );
  }
}

function GeneratedBar({
  outcome,
  text,
  listClassName,
  settingsSaved,
}: {
  readonly outcome: Extract<GenerateOutcome, { ok: true }>;
  readonly text: TaskPaneMessages;
  readonly listClassName: string;
  readonly settingsSaved: boolean;
}) {
  const lines: string[] = [];
  if (settingsSaved) lines.push(text.settings.savedWithGenerate);
  if (outcome.created.length > 0) lines.push(text.created(outcome.created));
  if (outcome.updated.length > 0) lines.push(text.updated(outcome.updated));
  if (outcome.keptEntries > 0) lines.push(text.keptEntries(outcome.keptEntries));
  if (lines.length === 0) lines.push(text.nothingWritten);
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text.doneTitle}</MessageBarTitle>
        <ul className={listClassName}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function ValidatedBar({
  outcome,
  text,
  listClassName,
}: {
  readonly outcome: Validated;
  readonly text: TaskPaneMessages;
  readonly listClassName: string;
}) {
  const { errors, warnings } = outcome.report.counts;
  const lines = [
    text.asOfLine(outcome.report.asOf),
    ...(outcome.markedSheets.length > 0 ? [text.markedSheets(outcome.markedSheets)] : []),
    outcome.summarySheet === null ? text.summaryNotWritten : text.summaryWritten(outcome.summarySheet),
  ];
  return (
    <MessageBar intent={errors > 0 ? "warning" : "success"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text.validatedTitle(errors, warnings)}</MessageBarTitle>
        <ul className={listClassName}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function ProblemsBar({
  title,
  lines,
  listClassName,
}: {
  readonly title: string;
  readonly lines: readonly string[];
  readonly listClassName: string;
}) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={listClassName}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The finishing Excel refused while the data went in (print set-up, widths, dropdowns, …): a
 * warning that does not block, with Excel's own words beneath (the cause the host kept); nothing
 * when there was none.
 */
function CosmeticFailureBar({
  failures,
  text,
  detailClassName,
}: {
  readonly failures: readonly HostError[];
  readonly text: TaskPaneMessages;
  readonly detailClassName: string;
}) {
  if (failures.length === 0) return null;
  const unprotected = [...new Set(failures.flatMap((f) => unprotectedSheetsOf(f)))];
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text.cosmeticFailureTitle}</MessageBarTitle>
        {text.cosmeticFailure}
        {unprotected.length > 0 ? ` ${text.protectionNotRestored(unprotected)}` : null}
        {failures.map((failure, i) => (
          <Caption1 key={i} className={detailClassName}>
            {failure.cause instanceof Error ? failure.cause.message : failure.message}
          </Caption1>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
