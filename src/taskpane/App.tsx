import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  Link,
  makeStyles,
  Spinner,
  Subtitle1,
  teamsHighContrastTheme,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Locale } from "../core/locale";
import { draftReport } from "./results/draftReport";
import type { HostError } from "../hosts/hostError";
import {
  taskPaneMessages,
  type PaneAction,
  type PanePhase,
  type PaneStep,
  type TaskPaneMessages,
} from "./messages/taskPaneMessages";
import { noStoredSettings, type PaneChunks, type PaneHost, type StoredSettings } from "./paneHost";
import type { PaneRequests } from "./paneRequests";
import { FailureBar } from "./FailureBar";
import { RunView, type RunState, type Validated } from "./RunView";
import { PaneFailure, watchdogLimits, withWatchdog } from "./watchdog";
import type { PaneWorkbook } from "./workflow/paneWorkbook";
import { defaultAsOf } from "../core/validation/defaultAsOf";
import { sectionButtons } from "./messages/sectionButtons";
import { SectionToggle } from "./SectionToggle";

/** The Office theme the pane follows: light, dark, or the system's high contrast. */
export type PaneTheme = "light" | "dark" | "contrast";

const fluentThemes: Readonly<Record<PaneTheme, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** What the pane needs; the composition root (index.tsx in Excel, the preview) supplies it. */
export interface AppProps {
  /** Office's display language: the pane's language until the workbook stores one. */
  readonly locale: Locale;
  readonly host: PaneHost;
  /**
   * The parts the first paint does not need (the results, the settings). The bundles load them as
   * chunks of their own (paneChunks.ts); tests hand them over directly.
   */
  readonly chunks: PaneChunks;
  /** Office's theme; light by default. */
  readonly theme?: PaneTheme;
  /** Requests from the ribbon (校验), in a shared runtime. */
  readonly requests?: PaneRequests;
  /** The add-in's version (package.json's), shown at the pane's foot. */
  readonly version: string;
  /** Where 使用说明 is served from, relative to the page: the package's and the dev server's help.html. */
  readonly helpUrl?: string;
  /** Where the pane's icon is served from, relative to the page; null hides it (tests). */
  readonly iconUrl?: string | null;
  /** Watchdog limits in milliseconds, by phase; tests shorten them. */
  readonly limits?: Partial<Record<PanePhase, number>>;
}

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    boxSizing: "border-box",
    maxWidth: "480px",
    minWidth: 0,
    // Sheet names and cell addresses are long words: break them rather than scroll sideways at 320 px.
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground1,
  },
  root: { minHeight: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  plan: { color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  action: { flexGrow: 1, minWidth: "0" },
  detail: { display: "block", marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
  footer: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground3,
  },
});

const actionOrder: readonly PaneAction[] = ["generate", "validate", "summarise"];

/**
 * The task pane: 生成计划表格, 校验 and 生成汇总 with their progress, what came of them (the issues,
 * filterable, where a click or Enter selects the cell; the goals of the plan with their status),
 * the workbook's settings, the add-in's version and a link to 使用说明, and every failure in a MessageBar with a retry. It never calls Office.js:
 * the composition root hands it a PaneHost, so the same component runs in Excel, in the browser
 * preview and in tests. Every round trip has a watchdog, so a call Excel never answers ends in a
 * message instead of a frozen pane.
 *
 * @example
 * <App locale="zh-CN" host={officePaneHost} theme="dark" requests={ribbonRequests} version="0.1.0" />
 */
export function App({
  locale: officeLocale,
  host,
  chunks,
  theme = "light",
  requests,
  version,
  helpUrl = "help.html",
  iconUrl = "assets/icon-32.png",
  limits,
}: AppProps) {
  const styles = useStyles();
  const ResultsSection = useMemo(() => lazy(chunks.results), [chunks.results]);
  const SettingsSection = useMemo(() => lazy(chunks.settings), [chunks.settings]);
  const ImportSection = useMemo(() => lazy(chunks.importSection), [chunks.importSection]);
  const SplitSection = useMemo(() => lazy(chunks.splitSection), [chunks.splitSection]);
  const MergeSection = useMemo(() => lazy(chunks.mergeSection), [chunks.mergeSection]);
  const [stored, setStored] = useState<StoredSettings>(noStoredSettings);
  const locale = stored.language ?? officeLocale;
  const text = taskPaneMessages(locale);
  const [run, setRun] = useState<RunState>({ kind: "idle" });
  const [validated, setValidated] = useState<Validated | null>(null);
  const [workbook, setWorkbook] = useState<PaneWorkbook | null>(null);
  const [loadFailure, setLoadFailure] = useState<PaneFailure | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [splitOpen, setSplitOpen] = useState(false);
  const [mergeOpen, setMergeOpen] = useState(false);
  // An import runs on its own (see `exclusive`), but blocks the other actions as they block it.
  const [importing, setImporting] = useState(false);
  // A ref, not state: a second click in the same frame must see the first one's claim at once.
  const busy = useRef(false);
  const connecting = useRef<Promise<PaneWorkbook> | null>(null);
  const limit = useCallback((phase: PanePhase) => limits?.[phase] ?? watchdogLimits[phase], [limits]);

  /** The engine, loaded once (a chunk of its own); a failed load is tried again on the next call. */
  const connect = useCallback((): Promise<PaneWorkbook> => {
    connecting.current ??= withWatchdog(host.connect(), "loading", limit("loading")).then(
      (loaded) => {
        setWorkbook(loaded);
        setLoadFailure(null);
        return loaded;
      },
      (error: unknown) => {
        connecting.current = null;
        throw error instanceof PaneFailure ? error : new PaneFailure("loading", error);
      },
    );
    return connecting.current;
  }, [host, limit]);

  useEffect(() => {
    // Settings first (the language decides every text), then the engine in the background.
    let live = true;
    host.settings.load().then(
      (loaded) => {
        if (live) setStored(loaded);
      },
      (error: unknown) => {
        console.error(error);
      },
    );
    connect().catch((error: unknown) => {
      console.error(error);
      if (live) setLoadFailure(error instanceof PaneFailure ? error : new PaneFailure("loading", error));
    });
    return () => {
      live = false;
    };
  }, [host, connect]);

  const runAction = useCallback(
    async (action: PaneAction, publishedOn?: string | null): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      setRun({ kind: "running", action, step: "loading" });
      const onStep = (step: PaneStep) => {
        setRun({ kind: "running", action, step });
      };
      const cosmeticFailures: HostError[] = [];
      const onCosmeticFailure = (failure: HostError) => {
        // Logged too, so the stack is in the browser's developer tools; shown with the outcome.
        console.warn(failure);
        cosmeticFailures.push(failure);
      };
      try {
        const loaded = await connect();
        if (action === "generate") {
          const outcome = await loaded.generate(
            publishedOn === undefined ? { locale } : { locale, publishedOn },
            onStep,
            onCosmeticFailure,
          );
          setRun({
            kind: "generated",
            outcome,
            settingsSaved: publishedOn !== undefined,
            cosmeticFailures: [...cosmeticFailures],
          });
          return outcome.ok;
        }
        const outcome = await loaded.validate(
          {
            locale,
            asOf: stored.asOf ?? defaultAsOf(host.today(), loaded.planYear),
            summary: action === "summarise",
          },
          onStep,
          onCosmeticFailure,
        );
        setRun({ kind: "validated", action, outcome, cosmeticFailures: [...cosmeticFailures] });
        if (outcome.ok) setValidated(outcome);
        return outcome.ok;
      } catch (error) {
        // Shown in the pane; logged too, so the stack is in the browser's developer tools.
        console.error(error);
        const failure = error instanceof PaneFailure ? error : new PaneFailure("reading", error);
        setRun({ kind: "failed", action, failure });
        return false;
      } finally {
        busy.current = false;
      }
    },
    [connect, locale, stored.asOf, host],
  );

  useEffect(() => {
    if (!requests) return undefined;
    // Today the ribbon asks for one thing, 校验; PaneRequest grows with the ribbon.
    return requests.subscribe((request) => {
      void runAction(request);
    });
  }, [requests, runAction]);

  const selectCell = useCallback(
    (sheet: string, cell: string): Promise<void> =>
      withWatchdog(host.selectCell(sheet, cell), "selecting", limit("selecting")).catch((error: unknown) => {
        console.error(error);
        throw new PaneFailure("selecting", error);
      }),
    [host, limit],
  );

  const saveSettings = useCallback(
    async (next: StoredSettings, publishedOn: string | null | undefined): Promise<void> => {
      try {
        await withWatchdog(host.settings.save(next), "saving", limit("saving"));
      } catch (error) {
        console.error(error);
        throw new PaneFailure("saving", error);
      }
      setStored(next);
      // The publication date lives in the workbook's own meta sheet and reaches 附件1 (task 44's
      // deadline) only by generating: saving it generates again, keeping every entry.
      if (publishedOn !== undefined) await runAction("generate", publishedOn);
    },
    [host, limit, runAction],
  );

  /** Runs the import's work while no other action runs; undefined when one does. */
  const exclusive = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setImporting(true);
    try {
      return await work();
    } finally {
      busy.current = false;
      setImporting(false);
    }
  }, []);
  const importAsOf = useCallback(
    (loaded: PaneWorkbook) => stored.asOf ?? defaultAsOf(host.today(), loaded.planYear),
    [stored.asOf, host],
  );

  // Stable, so that the settings read the workbook's publication date once when they open, not on
  // every render (in Excel each read is a round trip).
  const readPublishedOn = useCallback(async () => (await connect()).readPublishedOn(), [connect]);

  const running = run.kind === "running" || importing;
  const planTitle = workbook?.planTitle[locale];

  return (
    <FluentProvider theme={fluentThemes[theme]} lang={locale} className={styles.root}>
      <main className={styles.pane} aria-busy={running}>
        <header className={styles.header}>
          {iconUrl === null ? null : <img src={iconUrl} width={32} height={32} alt="" />}
          <Subtitle1 as="h1">{text.appTitle}</Subtitle1>
        </header>
        <Body1>{text.intro}</Body1>
        <Caption1 className={styles.plan}>
          {planTitle === undefined ? text.planLoading : text.planLabel(planTitle)}
        </Caption1>
        <div role="group" aria-label={text.actionsLabel} className={styles.actions}>
          {actionOrder.map((action) => (
            <Button
              key={action}
              className={styles.action}
              appearance={action === "validate" ? "primary" : "secondary"}
              disabledFocusable={running}
              onClick={() => {
                void runAction(action);
              }}
              aria-describedby={`wp-hint-${action}`}
            >
              {buttonText(text, action)}
            </Button>
          ))}
        </div>
        {actionOrder.map((action) => (
          <span key={action} id={`wp-hint-${action}`} hidden>
            {text.actionHints[action]}
          </span>
        ))}
        <Caption1 className={styles.hint}>{text.generateHint}</Caption1>
        <div aria-live="polite">
          <RunView
            run={run}
            locale={locale}
            text={text}
            listClassName={styles.list}
            detailClassName={styles.detail}
            onRetry={(action) => {
              void runAction(action);
            }}
            onDismiss={() => {
              setRun({ kind: "idle" });
            }}
          />
        </div>
        {loadFailure && run.kind === "idle" ? (
          <FailureBar
            failure={loadFailure}
            text={text}
            detailClassName={styles.detail}
            onRetry={() => {
              connect().catch((error: unknown) => {
                setLoadFailure(error instanceof PaneFailure ? error : new PaneFailure("loading", error));
              });
            }}
          />
        ) : null}
        {validated ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <ResultsSection
              validated={validated}
              text={text}
              selectCell={selectCell}
              locale={locale}
              {...(chunks.reportWriter === undefined
                ? {}
                : {
                    draftReport: draftReport(
                      chunks.reportWriter,
                      () => connect(),
                      host,
                      validated.report,
                      locale,
                    ),
                  })}
            />
          </Suspense>
        ) : null}
        <SectionToggle
          open={importOpen}
          controls="wp-import"
          onToggle={() => {
            setImportOpen((open) => !open);
          }}
        >
          {importOpen ? sectionButtons[locale].importClose : sectionButtons[locale].importOpen}
        </SectionToggle>
        {importOpen ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <ImportSection
              id="wp-import"
              locale={locale}
              text={text}
              connect={connect}
              asOf={importAsOf}
              readSelection={host.readSelection}
              busy={run.kind === "running"}
              exclusive={exclusive}
              xlsxReader={chunks.xlsxReader}
            />
          </Suspense>
        ) : null}
        <SectionToggle
          open={splitOpen}
          controls="wp-split"
          onToggle={() => {
            setSplitOpen((open) => !open);
          }}
        >
          {splitOpen ? sectionButtons[locale].splitClose : sectionButtons[locale].splitOpen}
        </SectionToggle>
        {splitOpen ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <SplitSection
              id="wp-split"
              locale={locale}
              text={text}
              connect={connect}
              busy={run.kind === "running"}
              exclusive={exclusive}
              xlsxWriter={chunks.xlsxWriter}
              openWorkbook={host.openWorkbook}
              saveFile={host.saveFile}
              workbookName={host.workbookName}
            />
          </Suspense>
        ) : null}
        <SectionToggle
          open={mergeOpen}
          controls="wp-merge"
          onToggle={() => {
            setMergeOpen((open) => !open);
          }}
        >
          {mergeOpen ? sectionButtons[locale].mergeClose : sectionButtons[locale].mergeOpen}
        </SectionToggle>
        {mergeOpen ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <MergeSection
              id="wp-merge"
              locale={locale}
              text={text}
              connect={connect}
              busy={run.kind === "running"}
              exclusive={exclusive}
              xlsxSnapshotReader={chunks.xlsxSnapshotReader}
              workbookName={host.workbookName}
            />
          </Suspense>
        ) : null}
        <SectionToggle
          open={settingsOpen}
          controls="wp-settings"
          onToggle={() => {
            setSettingsOpen((open) => !open);
          }}
        >
          {settingsOpen ? text.settings.hide : text.settings.show}
        </SectionToggle>
        {settingsOpen ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <SettingsSection
              id="wp-settings"
              text={text}
              stored={stored}
              today={workbook === null ? host.today() : defaultAsOf(host.today(), workbook.planYear)}
              readPublishedOn={readPublishedOn}
              busy={running}
              onSave={saveSettings}
            />
          </Suspense>
        ) : null}
        <footer className={styles.footer}>
          <Caption1>{text.footer.version(version)}</Caption1>
          <Caption1>
            <Link
              href={helpUrl}
              target="_blank"
              rel="noopener"
              title={text.footer.helpHint}
              onClick={(event) => {
                // In Excel the page's own window would be a bare webview; Office opens the guide in the
                // user's browser instead. `href` is the link resolved against the page: absolute.
                if (!host.openInBrowser) return;
                event.preventDefault();
                host.openInBrowser(event.currentTarget.href);
              }}
            >
              {text.footer.help}
            </Link>
          </Caption1>
        </footer>
      </main>
    </FluentProvider>
  );
}

function buttonText(text: TaskPaneMessages, action: PaneAction): string {
  switch (action) {
    case "generate":
      return text.generateButton;
    case "validate":
      return text.validateButton;
    case "summarise":
      return text.summariseButton;
  }
}
