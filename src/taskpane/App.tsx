import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { Locale } from "../core/locale";
import { HostError } from "../hosts/hostError";
import type { GenerateOutcome, GenerateProblem } from "../workbook/generateWorkbook";
import { formatGenerateProblem } from "../workbook/messages/formatGenerateProblem";
import { taskPaneMessages, type TaskPaneMessages } from "./messages/taskPaneMessages";

/** What the pane needs from its host; the composition root (index.tsx, preview.tsx) supplies it. */
export interface AppProps {
  readonly locale: Locale;
  /** The plan's title as printed, e.g. "柳州市2023年度水污染防治工作计划". */
  readonly planTitle: string;
  /** Generates the plan's sheets in the workbook. Rejects with a HostError when the host fails. */
  readonly generate: () => Promise<GenerateOutcome>;
  /** Where the pane's icon is served from, relative to the page; null hides it (tests). */
  readonly iconUrl?: string | null;
}

/** Where one click of Generate stands. */
export type GenerateStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "running" }
  | { readonly kind: "done"; readonly outcome: GenerateOutcome }
  | { readonly kind: "failed"; readonly error: unknown };

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    boxSizing: "border-box",
    maxWidth: "480px",
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  plan: { color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The task pane: one Generate button, its progress, and what came of it. It never calls Office.js:
 * the composition root hands it `generate`, so the same component runs in Excel, in the browser
 * preview and in tests. A host error is shown in an error MessageBar with its message, never
 * swallowed.
 *
 * @example
 * <App locale="zh-CN" planTitle={plan.title} generate={() => generateWorkbook(port, plan, { locale })} />
 */
export function App({ locale, planTitle, generate, iconUrl = "assets/icon-32.png" }: AppProps) {
  const styles = useStyles();
  const text = taskPaneMessages(locale);
  const [status, setStatus] = useState<GenerateStatus>({ kind: "idle" });

  const onGenerate = useCallback(() => {
    setStatus({ kind: "running" });
    generate().then(
      (outcome) => {
        setStatus({ kind: "done", outcome });
      },
      (error: unknown) => {
        // Shown in the pane below; logged too, so the stack is in the browser's developer tools.
        console.error(error);
        setStatus({ kind: "failed", error });
      },
    );
  }, [generate]);

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.pane}>
        <header className={styles.header}>
          {iconUrl === null ? null : <img src={iconUrl} width={32} height={32} alt="" />}
          <Subtitle1 as="h1">{text.appTitle}</Subtitle1>
        </header>
        <Body1>{text.intro}</Body1>
        <Caption1 className={styles.plan}>{text.planLabel(planTitle)}</Caption1>
        <div>
          <Button appearance="primary" size="large" disabled={status.kind === "running"} onClick={onGenerate}>
            {text.generateButton}
          </Button>
        </div>
        <Caption1 className={styles.hint}>{text.generateHint}</Caption1>
        <StatusView status={status} locale={locale} text={text} listClassName={styles.list} />
      </main>
    </FluentProvider>
  );
}

/**
 * What came of Generate: a spinner while it runs, then the outcome (sheets created and updated,
 * entries kept), the problems that stopped it, or the host's error with its message.
 *
 * @example
 * <StatusView status={{ kind: "running" }} locale="zh-CN" text={taskPaneMessages("zh-CN")} listClassName="" />
 */
export function StatusView({
  status,
  locale,
  text,
  listClassName,
}: {
  readonly status: GenerateStatus;
  readonly locale: Locale;
  readonly text: TaskPaneMessages;
  readonly listClassName: string;
}) {
  switch (status.kind) {
    case "idle":
      return null;
    case "running":
      return <Spinner size="small" labelPosition="after" label={text.generating} />;
    case "done":
      return status.outcome.ok ? (
        <OutcomeBar outcome={status.outcome} text={text} listClassName={listClassName} />
      ) : (
        <ProblemsBar
          locale={locale}
          problems={status.outcome.problems}
          text={text}
          listClassName={listClassName}
        />
      );
    case "failed":
      return <ErrorBar error={status.error} text={text} />;
  }
}

function OutcomeBar({
  outcome,
  text,
  listClassName,
}: {
  readonly outcome: Extract<GenerateOutcome, { ok: true }>;
  readonly text: TaskPaneMessages;
  readonly listClassName: string;
}) {
  const lines: string[] = [];
  if (outcome.created.length > 0) lines.push(text.created(outcome.created));
  if (outcome.updated.length > 0) lines.push(text.updated(outcome.updated));
  if (outcome.keptEntries > 0) lines.push(text.keptEntries(outcome.keptEntries));
  if (lines.length === 0) lines.push(text.nothingWritten);
  return (
    <MessageBar intent="success" layout="multiline" role="status">
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

function ProblemsBar({
  problems,
  locale,
  text,
  listClassName,
}: {
  readonly problems: readonly GenerateProblem[];
  readonly locale: Locale;
  readonly text: TaskPaneMessages;
  readonly listClassName: string;
}) {
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{text.problemsTitle}</MessageBarTitle>
        <ul className={listClassName}>
          {problems.map((problem) => (
            <li key={`${problem.code}:${problem.sheet}`}>{formatGenerateProblem(problem, locale)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function ErrorBar({ error, text }: { readonly error: unknown; readonly text: TaskPaneMessages }) {
  const title = error instanceof HostError ? text.hostErrorTitle(error.code) : text.unexpectedErrorTitle;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
