import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { HostError } from "../../hosts/hostError";
import { refusalOf } from "../../hosts/xlsx/prepareXlsxBytes";
import type {
  MergeOutcome,
  MergeProblem,
  ReturnedWorkbook,
  ReturnRefusal,
} from "../../workbook/exchange/mergeReturns";
import {
  formatMergeCleared,
  formatMergeConflict,
  formatMergeRefusal,
} from "../../workbook/exchange/messages/formatMergeRefusal";
import { FailureBar } from "../FailureBar";
import { importPaneMessages } from "../import/messages/importPaneMessages";
import { fileBytes } from "../import/readExportFile";
import type { PaneStep } from "../messages/taskPaneMessages";
import type { PaneChunks, PaneHost } from "../paneHost";
import { PaneFailure } from "../watchdog";
import { mergePaneMessages, type MergePaneMessages } from "./messages/mergePaneMessages";

import { type PaneSectionProps, sectionStyles } from "../paneSection";

import { ProblemBar } from "../ProblemBar";
const useStyles = makeStyles({
  ...sectionStyles,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface MergeSectionProps extends PaneSectionProps {
  /** Loads the returned workbooks' reader (a chunk of its own) when files are picked. */
  readonly xlsxSnapshotReader: PaneChunks["xlsxSnapshotReader"];
  /**
   * The open workbook's file name: a picked file of that name that is no unit's return is refused
   * as the city's own (a copy under another name is refused by its contents). Absent: contents only.
   */
  readonly workbookName?: PaneHost["workbookName"];
}

type Merged = Extract<MergeOutcome, { ok: true }>;
type Refused = { readonly file: string; readonly refusal: ReturnRefusal };

/** The returned files as read: the workbooks to merge, and those refused before the merge. */
interface Picked {
  readonly names: readonly string[];
  readonly read: readonly ReturnedWorkbook[];
  readonly refused: readonly Refused[];
}

type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "reading"; readonly count: number }
  | { readonly kind: "working"; readonly step: PaneStep }
  | { readonly kind: "preview"; readonly outcome: Merged }
  | { readonly kind: "done"; readonly outcome: Merged }
  | { readonly kind: "problem"; readonly line: string }
  | { readonly kind: "failed"; readonly failure: PaneFailure; readonly retry: () => void };

/** How many conflicts and refusals the pane lists; the CLI's --json lists them all. */
const shownLines = 20;

function describeProblem(problem: MergeProblem, words: MergePaneMessages): string {
  switch (problem.code) {
    case "book_not_made_by_add_in":
      return words.bookNotMadeByAddIn;
    case "book_other_plan":
      return words.bookOtherPlan(problem.plan, problem.expected);
    case "cells_outside_tables":
      return words.cellsOutsideTables(problem.sheet, problem.first, problem.count);
  }
}

function changes(outcome: Merged): number {
  return outcome.counts.cellsFilled + outcome.counts.textsJoined + outcome.counts.monitoringAdded;
}

/**
 * 汇总报送: pick the workbooks the units sent back (several at once), each read in the pane by the
 * xlsx stream reader (a chunk of its own); see what merging them would do — the counts, the files
 * refused with the reason, every conflict with both values — then merge them into the open
 * workbook through the pane's workbook (one read and one write, watched, as every action), and
 * see what it did. The open workbook's values are never overwritten.
 *
 * @example
 * <MergeSection id="wp-merge" locale="zh-CN" text={text} connect={connect} busy={false} exclusive={exclusive} xlsxSnapshotReader={chunks.xlsxSnapshotReader} />
 */
export function MergeSection({
  id,
  locale,
  text,
  connect,
  busy,
  exclusive,
  xlsxSnapshotReader,
  workbookName,
}: MergeSectionProps) {
  const styles = useStyles();
  const words = mergePaneMessages(locale);
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  const run = async (files: Picked, write: boolean): Promise<void> => {
    const retry = () => {
      void run(files, write);
    };
    try {
      const workbook = await connect();
      const outcome = await exclusive(async () => {
        setPhase({ kind: "working", step: "loading" });
        const book = (await workbookName?.()) ?? null;
        return workbook.mergeReturns(
          files.read,
          { preview: !write, refused: files.refused, book },
          (step) => {
            setPhase({ kind: "working", step });
          },
        );
      });
      if (outcome === undefined) return;
      if (!outcome.ok) {
        setPhase({ kind: "problem", line: describeProblem(outcome.problem, words) });
        return;
      }
      setPhase({ kind: write ? "done" : "preview", outcome });
    } catch (error) {
      console.error(error);
      setPhase({
        kind: "failed",
        failure: error instanceof PaneFailure ? error : new PaneFailure(write ? "writing" : "reading", error),
        retry,
      });
    }
  };

  /** Reads every picked file; one that is no .xlsx, or cannot be read, is refused with the reason. */
  const onFiles = async (files: readonly File[]): Promise<void> => {
    setPhase({ kind: "reading", count: files.length });
    try {
      const workbook = await connect();
      const reader = await xlsxSnapshotReader();
      const read: ReturnedWorkbook[] = [];
      const refused: Refused[] = [];
      for (const file of files) {
        if (!/\.xlsx$/iu.test(file.name)) {
          refused.push({
            file: file.name,
            refusal: { code: "unreadable", reason: words.notXlsx(file.name) },
          });
          continue;
        }
        try {
          const snapshot = await reader.readXlsxSnapshot(await fileBytes(file), workbook.returnSheetNames);
          read.push({ file: file.name, snapshot });
        } catch (error) {
          if (!(error instanceof HostError)) throw error;
          const refusal = refusalOf(error);
          const reason =
            refusal === null ? error.message : importPaneMessages(locale).fileRefused(refusal.reason);
          refused.push({ file: file.name, refusal: { code: "unreadable", reason } });
        }
      }
      const next = { names: files.map((f) => f.name), read, refused };
      setPicked(next);
      await run(next, false);
    } catch (error) {
      console.error(error);
      setPhase({
        kind: "failed",
        failure: error instanceof PaneFailure ? error : new PaneFailure("reading", error),
        retry: () => {
          void onFiles(files);
        },
      });
    }
  };

  const working = phase.kind === "reading" || phase.kind === "working";
  const controlsDisabled = busy || working;

  const report = (outcome: Merged, done: boolean) => {
    const refused = outcome.returns.filter((r) => r.refusal !== null);
    return (
      <>
        <ul className={styles.list} aria-label={done ? words.doneTitle : words.previewTitle}>
          {words.counts(outcome.counts, done).map((line) => (
            <li key={line}>
              <Body1>{line}</Body1>
            </li>
          ))}
        </ul>
        {refused.length > 0 ? (
          <>
            <Body1 id={`${id}-refused`}>{words.refusedHeading}</Body1>
            <ul className={styles.list} aria-labelledby={`${id}-refused`}>
              {refused.slice(0, shownLines).map((r) => (
                <li key={r.file}>
                  <Caption1>
                    {words.refusedLine(
                      r.file,
                      r.refusal === null ? "" : formatMergeRefusal(r.refusal, locale),
                    )}
                  </Caption1>
                </li>
              ))}
            </ul>
            {refused.length > shownLines ? (
              <Caption1>{words.more(refused.length - shownLines)}</Caption1>
            ) : null}
          </>
        ) : null}
        {outcome.conflicts.length > 0 ? (
          <>
            <Body1 id={`${id}-conflicts`}>{words.conflictsHeading}</Body1>
            <ul className={styles.list} aria-labelledby={`${id}-conflicts`}>
              {outcome.conflicts.slice(0, shownLines).map((conflict, i) => (
                <li key={`${conflict.sheet}|${conflict.cell}|${conflict.row}|${conflict.column}|${i}`}>
                  <Caption1>{formatMergeConflict(conflict, locale)}</Caption1>
                </li>
              ))}
            </ul>
            {outcome.conflicts.length > shownLines ? (
              <Caption1>{words.more(outcome.conflicts.length - shownLines)}</Caption1>
            ) : null}
          </>
        ) : null}
        {outcome.cleared.length > 0 ? (
          <>
            <Body1 id={`${id}-cleared`}>{words.clearedHeading}</Body1>
            <ul className={styles.list} aria-labelledby={`${id}-cleared`}>
              {outcome.cleared.slice(0, shownLines).map((cleared, i) => (
                <li key={`${cleared.sheet}|${cleared.cell}|${cleared.from.file}|${i}`}>
                  <Caption1>{formatMergeCleared(cleared, locale)}</Caption1>
                </li>
              ))}
            </ul>
            {outcome.cleared.length > shownLines ? (
              <Caption1>{words.more(outcome.cleared.length - shownLines)}</Caption1>
            ) : null}
          </>
        ) : null}
      </>
    );
  };

  return (
    <section id={id} className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {words.heading}
      </Subtitle2>
      <Caption1 className={styles.hint}>{words.intro}</Caption1>
      <div>
        <Button
          disabledFocusable={controlsDisabled}
          onClick={() => {
            input.current?.click();
          }}
        >
          {words.chooseFiles}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={words.chooseFiles}
          data-testid="merge-files"
          style={{ display: "none" }}
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            // The same files may be picked again after a unit sent a corrected one: the next change must fire.
            event.currentTarget.value = "";
            if (files.length > 0) void onFiles(files);
          }}
        />
      </div>
      {picked === null ? null : <Body1>{words.filesLabel(picked.names)}</Body1>}
      <div aria-live="polite">
        {phase.kind === "reading" ? <Spinner size="tiny" label={words.readingFiles(phase.count)} /> : null}
        {phase.kind === "working" ? <Spinner size="tiny" label={words.step(phase.step)} /> : null}
        {phase.kind === "problem" ? <ProblemBar title={words.problemTitle} lines={[phase.line]} /> : null}
        {phase.kind === "failed" ? (
          <FailureBar
            failure={phase.failure}
            text={text}
            detailClassName={styles.detail}
            onRetry={phase.retry}
          />
        ) : null}
        {phase.kind === "done" ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{words.doneTitle}</MessageBarTitle>
              {words.validateHint}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {phase.kind === "preview" ? (
        <>
          <Body1 as="h3">{words.previewTitle}</Body1>
          {report(phase.outcome, false)}
          {changes(phase.outcome) > 0 && picked !== null ? (
            <div>
              <Button
                appearance="primary"
                disabledFocusable={controlsDisabled}
                onClick={() => {
                  void run(picked, true);
                }}
              >
                {words.mergeButton}
              </Button>
            </div>
          ) : (
            <Caption1 className={styles.hint}>{words.nothingNew}</Caption1>
          )}
        </>
      ) : null}
      {phase.kind === "done" ? report(phase.outcome, true) : null}
    </section>
  );
}
