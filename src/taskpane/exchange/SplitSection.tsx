import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ScopeBy } from "../../core/plan/planScope";
import type { SplitOutcome, SplitProblem, UnitWorkbook } from "../../workbook/exchange/splitWorkbook";
import { FailureBar } from "../FailureBar";
import type { PaneStep } from "../messages/taskPaneMessages";
import { isIsoDay, type PaneChunks, type PaneHost } from "../paneHost";
import { PaneFailure } from "../watchdog";
import { splitPaneMessages, type FallbackReason, type SplitPaneMessages } from "./messages/splitPaneMessages";

import { type PaneSectionProps, sectionStyles } from "../paneSection";

import { ProblemBar } from "../ProblemBar";
const useStyles = makeStyles({
  ...sectionStyles,
  units: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  unit: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface SplitSectionProps extends PaneSectionProps {
  /** Loads the .xlsx writer (ExcelJS's browser build, a chunk of its own) on the first file. */
  readonly xlsxWriter: PaneChunks["xlsxWriter"];
  /** Opens a workbook in Excel (Excel.createWorkbook); absent: the host downloads instead. */
  readonly openWorkbook: PaneHost["openWorkbook"];
  /** Offers a file as a download; absent: the host has none. */
  readonly saveFile: PaneHost["saveFile"];
  /** The open workbook's file name for the units' covers (下发自); absent or null: the plan's title. */
  readonly workbookName: PaneHost["workbookName"];
}

type Listed = Extract<SplitOutcome, { ok: true }>;

type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "working"; readonly step: PaneStep }
  | { readonly kind: "listed"; readonly outcome: Listed; readonly by: ScopeBy }
  | { readonly kind: "problem"; readonly lines: readonly string[] }
  | { readonly kind: "failed"; readonly failure: PaneFailure; readonly retry: () => void };

/** What became of one unit's workbook. */
type Delivery =
  | { readonly kind: "making" }
  | { readonly kind: "opened" }
  | { readonly kind: "downloaded"; readonly fellBack: FallbackReason | null }
  | { readonly kind: "undeliverable" }
  | { readonly kind: "failed"; readonly failure: PaneFailure };

function describeProblem(problem: SplitProblem, words: SplitPaneMessages): string {
  switch (problem.code) {
    case "not_add_in_workbook":
      return words.notAddInWorkbook;
    case "other_plan":
      return words.otherPlan(problem.workbookPlan, problem.plan);
    case "already_split":
      return words.alreadySplit(problem.unit);
    case "no_counties":
      return words.noCounties;
    case "unknown_unit":
      return words.unknownUnit(problem.unit, problem.suggestions);
  }
}

function deliveryText(delivery: Delivery, unit: UnitWorkbook, words: SplitPaneMessages): string | null {
  switch (delivery.kind) {
    case "making":
      return words.making(unit.scope.unit);
    case "opened":
      return words.opened(unit.fileName);
    case "downloaded":
      return delivery.fellBack === null
        ? words.downloaded(unit.fileName)
        : words.fellBack(delivery.fellBack, unit.fileName);
    case "undeliverable":
      return words.undeliverable(unit.fileName);
    case "failed":
      return null;
  }
}

function sum(values: Readonly<Partial<Record<string, number>>>): number {
  let total = 0;
  for (const value of Object.values(values)) total += value ?? 0;
  return total;
}

/**
 * 下发填报表: choose by lead unit or by county and the reporting deadline, list the units with their
 * rows, then make each unit's workbook (splitWorkbook's batch written by the xlsx host in the
 * browser) and open it in a new Excel window (Excel.createWorkbook), or download it where the host
 * cannot open workbooks (the preview; an Excel without ExcelApi 1.8; a file past the payload
 * limit) — saying which. Reading the workbook runs only while no other action runs.
 *
 * @example
 * <SplitSection id="wp-split" locale="zh-CN" text={text} connect={connect} busy={false} exclusive={exclusive} xlsxWriter={chunks.xlsxWriter} openWorkbook={host.openWorkbook} saveFile={host.saveFile} />
 */
export function SplitSection({
  id,
  locale,
  text,
  connect,
  busy,
  exclusive,
  xlsxWriter,
  openWorkbook,
  saveFile,
  workbookName,
}: SplitSectionProps) {
  const styles = useStyles();
  const words = splitPaneMessages(locale);
  const [by, setBy] = useState<ScopeBy>("lead");
  const [deadline, setDeadline] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [deliveries, setDeliveries] = useState<Readonly<Record<string, Delivery>>>({});
  const opens = openWorkbook !== undefined;
  const deadlineValid = deadline.trim() === "" || isIsoDay(deadline.trim());
  const working = phase.kind === "working";
  const delivering = Object.values(deliveries).some((d) => d.kind === "making");

  const list = async () => {
    if (!deadlineValid) return;
    const asked = by;
    const day = deadline.trim();
    try {
      const workbook = await connect();
      const outcome = await exclusive(async () => {
        setPhase({ kind: "working", step: "loading" });
        // The city's workbook as the units will know it: its file name, else (the preview) the plan's title.
        const source = (await workbookName?.()) ?? workbook.planTitle[locale];
        return workbook.split({ by: asked, deadline: day === "" ? null : day, source }, (step) => {
          setPhase({ kind: "working", step });
        });
      });
      if (outcome === undefined) return;
      setDeliveries({});
      if (!outcome.ok) {
        setPhase({ kind: "problem", lines: outcome.problems.map((p) => describeProblem(p, words)) });
        return;
      }
      setPhase({ kind: "listed", outcome, by: asked });
    } catch (error) {
      console.error(error);
      setPhase({
        kind: "failed",
        failure: error instanceof PaneFailure ? error : new PaneFailure("reading", error),
        retry: () => {
          void list();
        },
      });
    }
  };

  const deliverOne = async (unit: UnitWorkbook): Promise<void> => {
    const name = unit.scope.unit;
    setDeliveries((known) => ({ ...known, [name]: { kind: "making" } }));
    let delivery: Delivery;
    try {
      const writer = await xlsxWriter();
      const bytes = await writer.batchXlsxBytes(unit.batch);
      const opened = openWorkbook === undefined ? "unsupported" : await openWorkbook(bytes);
      if (opened === "opened") delivery = { kind: "opened" };
      else {
        const saved = saveFile === undefined ? "unsupported" : await saveFile(bytes, unit.fileName, xlsxType);
        delivery =
          saved === "saved"
            ? { kind: "downloaded", fellBack: openWorkbook === undefined ? null : opened }
            : { kind: "undeliverable" };
      }
    } catch (error) {
      console.error(error);
      delivery = {
        kind: "failed",
        failure: error instanceof PaneFailure ? error : new PaneFailure("writing", error),
      };
    }
    setDeliveries((known) => ({ ...known, [name]: delivery }));
  };

  const deliverAll = async (units: readonly UnitWorkbook[]): Promise<void> => {
    // One after another: each file is built in the pane's memory, and Excel opens one window at a time.
    for (const unit of units) await deliverOne(unit);
  };

  const controlsDisabled = busy || working || delivering;

  return (
    <section id={id} className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {words.heading}
      </Subtitle2>
      <Caption1 className={styles.hint}>{words.intro}</Caption1>
      <Field label={words.byLabel}>
        <RadioGroup
          value={by}
          layout="horizontal"
          onChange={(_, data) => {
            setBy(data.value === "county" ? "county" : "lead");
            setPhase({ kind: "idle" });
            setDeliveries({});
          }}
        >
          <Radio value="lead" label={words.by("lead")} />
          <Radio value="county" label={words.by("county")} />
        </RadioGroup>
      </Field>
      <Field
        label={words.deadlineLabel}
        hint={words.deadlineHint}
        {...(deadlineValid
          ? {}
          : { validationState: "error" as const, validationMessage: words.deadlineInvalid })}
      >
        <Input
          value={deadline}
          placeholder="2023-07-10"
          onChange={(_, data) => {
            setDeadline(data.value);
            if (phase.kind === "listed") setPhase({ kind: "idle" });
          }}
        />
      </Field>
      <div>
        <Button
          appearance="primary"
          disabledFocusable={controlsDisabled || !deadlineValid}
          onClick={() => {
            void list();
          }}
        >
          {words.listButton}
        </Button>
      </div>
      <div aria-live="polite">
        {phase.kind === "working" ? <Spinner size="tiny" label={words.step(phase.step)} /> : null}
        {phase.kind === "problem" ? <ProblemBar title={words.problemTitle} lines={phase.lines} /> : null}
        {phase.kind === "failed" ? (
          <FailureBar
            failure={phase.failure}
            text={text}
            detailClassName={styles.detail}
            onRetry={phase.retry}
          />
        ) : null}
      </div>
      {phase.kind === "listed" ? (
        <>
          <Body1 id={`${id}-units`}>{words.unitsHeading(phase.outcome.units.length, phase.by)}</Body1>
          {sum(phase.outcome.notSent) > 0 ? (
            <Caption1 className={styles.hint}>{words.notSent(sum(phase.outcome.notSent))}</Caption1>
          ) : null}
          <div>
            <Button
              disabledFocusable={controlsDisabled}
              onClick={() => {
                void deliverAll(phase.outcome.units);
              }}
            >
              {words.deliverAll(opens, phase.outcome.units.length)}
            </Button>
          </div>
          <ul className={styles.units} aria-labelledby={`${id}-units`}>
            {phase.outcome.units.map((unit) => {
              const delivery = deliveries[unit.scope.unit];
              const said = delivery === undefined ? null : deliveryText(delivery, unit, words);
              return (
                <li key={unit.scope.unit}>
                  <div className={styles.unit}>
                    <Body1>{words.unitLine(unit.scope.unit, sum(unit.rows), unit.entries)}</Body1>
                    <Button
                      size="small"
                      aria-label={words.deliverOneLabel(opens, unit.scope.unit)}
                      disabledFocusable={controlsDisabled}
                      onClick={() => {
                        void deliverOne(unit);
                      }}
                    >
                      {words.deliverOne(opens)}
                    </Button>
                  </div>
                  <div aria-live="polite">
                    {said === null ? null : <Caption1 className={styles.hint}>{said}</Caption1>}
                    {delivery?.kind === "failed" ? (
                      <FailureBar
                        failure={delivery.failure}
                        text={text}
                        detailClassName={styles.detail}
                        onRetry={() => {
                          void deliverOne(unit);
                        }}
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
          <Caption1 className={styles.hint}>{words.afterSending}</Caption1>
        </>
      ) : null}
    </section>
  );
}
