import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { formatImportIssue } from "../../core/import/formatImportIssue";
import type { UnmatchedName } from "../../core/import/mapMonitoringExport";
import type { ExportCell } from "../../core/import/readExportHeader";
import type { Locale } from "../../core/locale";
import { refusalOf } from "../../hosts/xlsx/prepareXlsxBytes";
import type { ImportOutcome, ImportProblem } from "../../workbook/import/importMonitoring";
import { FailureBar } from "../FailureBar";
import type { PaneStep, TaskPaneMessages } from "../messages/taskPaneMessages";
import { isIsoDay, type PaneChunks, type PaneHost } from "../paneHost";
import { PaneFailure } from "../watchdog";
import type { PaneWorkbook } from "../workflow/paneWorkbook";
import {
  importPaneMessages,
  type ImportColumnUse,
  type ImportPaneMessages,
} from "./messages/importPaneMessages";
import { fileBytes, readExportFile } from "./readExportFile";

import { type PaneSectionProps, sectionStyles } from "../paneSection";

const useStyles = makeStyles({
  ...sectionStyles,
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  choice: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

export interface ImportSectionProps extends PaneSectionProps {
  /** The as-of day the import reads a date without a year against. */
  readonly asOf: (workbook: PaneWorkbook) => string;
  /** The host's reading of the selected range; absent where the host has none. */
  readonly readSelection: PaneHost["readSelection"];
  /** Loads the .xlsx reader (a chunk of its own) when an .xlsx is picked. */
  readonly xlsxReader: PaneChunks["xlsxReader"];
}

/** Where the export came from, and its cells. */
type Source =
  | {
      readonly kind: "file";
      readonly name: string;
      readonly bytes: Uint8Array;
      readonly sheet: string | null;
      readonly sheetNames: readonly string[];
      readonly grid: readonly (readonly ExportCell[])[];
    }
  | {
      readonly kind: "selection";
      readonly address: string;
      readonly grid: readonly (readonly ExportCell[])[];
    };

type Imported = Extract<ImportOutcome, { ok: true }>;

type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "reading" }
  | { readonly kind: "working"; readonly step: PaneStep }
  | { readonly kind: "preview"; readonly outcome: Imported }
  | { readonly kind: "done"; readonly outcome: Imported }
  | { readonly kind: "problem"; readonly lines: readonly string[]; readonly needsDate: boolean }
  | { readonly kind: "failed"; readonly failure: PaneFailure; readonly retry: () => void };

/** How many refused rows the preview lists; the CLI's --json lists them all. */
const shownLines = 20;

const columnOrder: readonly ImportColumnUse[] = [
  "point",
  "time",
  "parameter",
  "status",
  "remark",
  "refused",
  "skipped",
];

function describeProblem(problem: ImportProblem, words: ImportPaneMessages, locale: Locale): string {
  switch (problem.code) {
    case "no_monitoring_sheet":
      return words.noMonitoringSheet;
    case "cells_outside_tables":
      return words.cellsOutsideTables(problem.sheet, problem.first, problem.count);
    case "unknown_confirmed_point":
      return words.unknownConfirmedPoint(problem.name, problem.point);
    case "export_refused":
      return formatImportIssue(problem.issue, locale);
  }
}

/**
 * 导入监测数据: pick an export file (.xlsx, .csv) or take the selected range, see a preview of what
 * would be appended to 监测数据 and what would not (with the reasons), choose the plan's point for
 * every name the plan does not have (the suggestion first, nothing chosen unless the user chooses),
 * then import. Every call goes through the pane's workbook (one read and one write, watched), and
 * runs only while no other action runs.
 *
 * @example
 * <ImportSection id="wp-import" locale="zh-CN" text={text} connect={connect} asOf={asOf} readSelection={host.readSelection} busy={false} exclusive={exclusive} xlsxReader={chunks.xlsxReader} />
 */
export function ImportSection({
  id,
  locale,
  text,
  connect,
  asOf,
  readSelection,
  busy,
  exclusive,
  xlsxReader,
}: ImportSectionProps) {
  const styles = useStyles();
  const words = importPaneMessages(locale);
  const input = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [choices, setChoices] = useState<Readonly<Record<string, string>>>({});
  const [sampledOn, setSampledOn] = useState("");
  const [points, setPoints] = useState<readonly string[]>([]);
  // Every name of this export the plan does not have, kept once the user chose a point for it (it
  // is then no longer unmatched), so that the choice can be changed back.
  const [names, setNames] = useState<readonly UnmatchedName[]>([]);

  const working = phase.kind === "reading" || phase.kind === "working";

  const run = async (
    from: Source,
    chosen: Readonly<Record<string, string>>,
    date: string,
    write: boolean,
  ) => {
    const retry = () => {
      void run(from, chosen, date, write);
    };
    try {
      const workbook = await connect();
      setPoints(workbook.pointNames);
      const confirm = new Map(Object.entries(chosen).filter(([, point]) => point !== ""));
      const outcome = await exclusive(() => {
        setPhase({ kind: "working", step: "loading" });
        return workbook.importMonitoring(
          from.grid,
          { asOf: asOf(workbook), confirm, preview: !write, ...(isIsoDay(date) ? { sampledOn: date } : {}) },
          (step) => {
            setPhase({ kind: "working", step });
          },
        );
      });
      if (outcome === undefined) return;
      if (!outcome.ok) {
        const needsDate =
          outcome.problem.code === "export_refused" && outcome.problem.issue.code === "no_time_column";
        setPhase({ kind: "problem", lines: [describeProblem(outcome.problem, words, locale)], needsDate });
        return;
      }
      setNames((known) => [
        ...known,
        ...outcome.import.unmatched.filter((name) => !known.some((k) => k.name === name.name)),
      ]);
      setPhase({ kind: write ? "done" : "preview", outcome });
    } catch (error) {
      console.error(error);
      setPhase({
        kind: "failed",
        failure: error instanceof PaneFailure ? error : new PaneFailure("reading", error),
        retry,
      });
    }
  };

  const start = (from: Source) => {
    setSource(from);
    setChoices({});
    setNames([]);
    setSampledOn("");
    void run(from, {}, "", false);
  };

  const readFile = async (name: string, bytes: Uint8Array, sheet?: string) => {
    setPhase({ kind: "reading" });
    try {
      const read = await readExportFile(name, bytes, xlsxReader, sheet);
      switch (read.kind) {
        case "unsupported":
          setPhase({ kind: "problem", lines: [words.fileKind(name)], needsDate: false });
          return;
        case "sheet_missing":
          setPhase({ kind: "problem", lines: [words.sheetMissing(read.sheetNames)], needsDate: false });
          return;
        case "grid":
          start({
            kind: "file",
            name,
            bytes,
            sheet: read.sheet,
            sheetNames: read.sheetNames,
            grid: read.grid,
          });
      }
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal !== null) {
        setPhase({ kind: "problem", lines: [words.fileRefused(refusal.reason)], needsDate: false });
        return;
      }
      console.error(error);
      setPhase({
        kind: "failed",
        failure: new PaneFailure("reading", error),
        retry: () => {
          void readFile(name, bytes, sheet);
        },
      });
    }
  };

  const onFile = async (file: File) => {
    setPhase({ kind: "reading" });
    try {
      await readFile(file.name, await fileBytes(file));
    } catch (error) {
      console.error(error);
      setPhase({ kind: "failed", failure: new PaneFailure("reading", error), retry: () => undefined });
    }
  };

  const onSelection = async () => {
    if (!readSelection) return;
    setPhase({ kind: "reading" });
    try {
      const selected = await readSelection();
      const filled = selected.values.some((row) => row.some((cell) => cell !== "" && cell !== null));
      if (!filled) {
        setPhase({ kind: "problem", lines: [words.selectionEmpty], needsDate: false });
        return;
      }
      start({ kind: "selection", address: selected.address, grid: selected.values });
    } catch (error) {
      console.error(error);
      setPhase({
        kind: "failed",
        failure: new PaneFailure("reading", error),
        retry: () => {
          void onSelection();
        },
      });
    }
  };

  const choose = (name: string, point: string) => {
    const next = { ...choices, [name]: point };
    setChoices(next);
    if (source) void run(source, next, sampledOn, false);
  };

  const controlsDisabled = busy || working;

  return (
    <section id={id} className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {words.heading}
      </Subtitle2>
      <Caption1 className={styles.hint}>{words.intro}</Caption1>
      <div className={styles.actions}>
        <Button
          disabledFocusable={controlsDisabled}
          onClick={() => {
            input.current?.click();
          }}
        >
          {words.chooseFile}
        </Button>
        {readSelection ? (
          <Button
            disabledFocusable={controlsDisabled}
            onClick={() => {
              void onSelection();
            }}
          >
            {words.useSelection}
          </Button>
        ) : null}
        <input
          ref={input}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={words.chooseFile}
          data-testid="import-file"
          style={{ display: "none" }}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // The same file may be picked again after it was fixed: the next change must fire.
            event.currentTarget.value = "";
            if (file) void onFile(file);
          }}
        />
      </div>
      {source === null ? null : (
        <Body1>
          {source.kind === "file" ? words.fileLabel(source.name) : words.selectionLabel(source.address)}
        </Body1>
      )}
      {source?.kind === "file" && source.sheetNames.length > 1 ? (
        <Field label={words.sheetLabel}>
          <Select
            value={source.sheet ?? ""}
            disabled={controlsDisabled}
            onChange={(_, data) => {
              void readFile(source.name, source.bytes, data.value);
            }}
          >
            {source.sheetNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div aria-live="polite">
        <PhaseView
          phase={phase}
          words={words}
          locale={locale}
          text={text}
          styles={styles}
          points={points}
          names={names}
          choices={choices}
          busy={controlsDisabled}
          sampledOn={sampledOn}
          onSampledOn={setSampledOn}
          onDate={() => {
            if (source) void run(source, choices, sampledOn, false);
          }}
          onChoose={choose}
          onImport={() => {
            if (source) void run(source, choices, sampledOn, true);
          }}
        />
      </div>
    </section>
  );
}

function PhaseView({
  phase,
  words,
  locale,
  text,
  styles,
  points,
  names,
  choices,
  busy,
  sampledOn,
  onSampledOn,
  onDate,
  onChoose,
  onImport,
}: {
  readonly phase: Phase;
  readonly words: ImportPaneMessages;
  readonly locale: Locale;
  readonly text: TaskPaneMessages;
  readonly styles: ReturnType<typeof useStyles>;
  readonly points: readonly string[];
  readonly names: readonly UnmatchedName[];
  readonly choices: Readonly<Record<string, string>>;
  readonly busy: boolean;
  readonly sampledOn: string;
  readonly onSampledOn: (value: string) => void;
  readonly onDate: () => void;
  readonly onChoose: (name: string, point: string) => void;
  readonly onImport: () => void;
}) {
  switch (phase.kind) {
    case "idle":
      return null;
    case "reading":
      return <Spinner size="small" labelPosition="after" label={words.readingFile} />;
    case "working":
      return <Spinner size="small" labelPosition="after" label={words.step(phase.step)} />;
    case "failed":
      return (
        <FailureBar
          failure={phase.failure}
          text={text}
          detailClassName={styles.detail}
          onRetry={phase.retry}
        />
      );
    case "problem":
      return (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{words.problemTitle}</MessageBarTitle>
              {phase.lines.join(" ")}
            </MessageBarBody>
          </MessageBar>
          {phase.needsDate ? (
            <Field label={words.sampledOnLabel} hint={words.sampledOnHint}>
              <Input
                type="date"
                value={sampledOn}
                onChange={(_, data) => {
                  onSampledOn(data.value);
                }}
              />
            </Field>
          ) : null}
          {phase.needsDate ? (
            <div>
              <Button disabledFocusable={busy || !isIsoDay(sampledOn)} onClick={onDate}>
                {words.sampledOnRetry}
              </Button>
            </div>
          ) : null}
        </>
      );
    case "done": {
      const { outcome } = phase;
      const lines = [
        words.done(outcome.written ? outcome.import.counts.new : 0, outcome.sheet),
        ...(outcome.savedMappings.length > 0 ? [words.savedMappings(outcome.savedMappings)] : []),
        words.validateHint,
      ];
      return (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{words.doneTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      );
    }
    case "preview":
      return (
        <PreviewView
          outcome={phase.outcome}
          words={words}
          locale={locale}
          styles={styles}
          points={points}
          names={names}
          choices={choices}
          busy={busy}
          onChoose={onChoose}
          onImport={onImport}
        />
      );
  }
}

function PreviewView({
  outcome,
  words,
  locale,
  styles,
  points,
  names,
  choices,
  busy,
  onChoose,
  onImport,
}: {
  readonly outcome: Imported;
  readonly words: ImportPaneMessages;
  readonly locale: Locale;
  readonly styles: ReturnType<typeof useStyles>;
  readonly points: readonly string[];
  readonly names: readonly UnmatchedName[];
  readonly choices: Readonly<Record<string, string>>;
  readonly busy: boolean;
  readonly onChoose: (name: string, point: string) => void;
  readonly onImport: () => void;
}) {
  const result = outcome.import;
  const problems = [
    ...result.columns.flatMap((c) => (c.issue === undefined ? [] : [c.issue])),
    ...result.refused,
  ];
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">{words.previewTitle}</Subtitle2>
      <ul className={styles.list} aria-label={words.previewTitle}>
        {words.counts(result.counts).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <ul className={styles.list}>
        {columnOrder.flatMap((use) => {
          const headers = result.columns.filter((c) => c.use === use).map((c) => c.header);
          return headers.length === 0 ? [] : [<li key={use}>{words.columns(use, headers)}</li>];
        })}
      </ul>
      {problems.length > 0 ? (
        <>
          <Body1>{words.refusedHeading}</Body1>
          <ul className={styles.list}>
            {problems.slice(0, shownLines).map((issue, i) => (
              <li key={i}>{words.refusedLine(issue.row, formatImportIssue(issue, locale))}</li>
            ))}
            {problems.length > shownLines ? <li>{words.more(problems.length - shownLines)}</li> : null}
          </ul>
        </>
      ) : null}
      {names.length > 0 ? (
        <>
          <Body1>{words.unmatchedHeading}</Body1>
          {names.map((name) => (
            <Field
              key={name.name}
              label={words.unmatchedName(name.name, name.rows, name.firstRow)}
              hint={name.suggestion === null ? words.noSuggestion : words.suggestion(name.suggestion)}
              className={styles.choice}
            >
              <Select
                value={choices[name.name] ?? ""}
                disabled={busy}
                onChange={(_, data) => {
                  onChoose(name.name, data.value);
                }}
              >
                <option value="">{words.notImported}</option>
                {name.suggestion === null ? null : <option value={name.suggestion}>{name.suggestion}</option>}
                {points
                  .filter((point) => point !== name.suggestion)
                  .map((point) => (
                    <option key={point} value={point}>
                      {point}
                    </option>
                  ))}
              </Select>
            </Field>
          ))}
        </>
      ) : null}
      {result.counts.new > 0 ? (
        <div>
          <Button appearance="primary" disabledFocusable={busy} onClick={onImport}>
            {words.importButton(result.counts.new)}
          </Button>
        </div>
      ) : (
        <Body1>{words.nothingToImport}</Body1>
      )}
    </div>
  );
}
