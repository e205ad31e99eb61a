import {
  Badge,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Validated } from "../RunView";
import type { TaskPaneMessages } from "../messages/taskPaneMessages";
import { PaneFailure } from "../watchdog";
import { FailureBar } from "../FailureBar";
import { IssueList } from "./IssueList";
import { SummaryCards } from "./SummaryCards";
import { OutlookSection, type ReportOutcome } from "./OutlookSection";
import type { Locale } from "../../core/locale";

/** How many issues the list draws before "show more": a month of typos fits, a broken import does not. */
const pageSize = 100;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  detail: { display: "block", marginTop: tokens.spacingVerticalXS },
});

type SeverityFilter = "all" | "error" | "warning";

export interface ResultsSectionProps {
  readonly validated: Validated;
  readonly text: TaskPaneMessages;
  /** Selects the cell; rejects with a PaneFailure. */
  readonly selectCell: (sheet: string, cell: string) => Promise<void>;
  /** The pane's language, for the 预警 and the class grid. */
  readonly locale?: Locale;
  /** Drafts the 进展报告 (生成进展报告) where the pane offers it. */
  readonly draftReport?: (fileName: string) => Promise<ReportOutcome>;
}

/** Issues about a plan sheet that is not there (deleted, or renamed): nothing to select. */
const absentSheetCodes: ReadonlySet<string> = new Set(["sheet_missing", "plan_sheet_renamed"]);

/**
 * What validation found, under the actions: the counts by severity, the issues filterable by sheet
 * and severity (click or Enter selects the cell), and after 生成汇总 the plan's goals as cards.
 * Loaded as a chunk of its own the first time a validation comes back.
 *
 * @example
 * <ResultsSection validated={outcome} text={taskPaneMessages("zh-CN")} selectCell={select} />
 */
export function ResultsSection({ validated, text, selectCell, locale, draftReport }: ResultsSectionProps) {
  const styles = useStyles();
  const { report } = validated;
  const [sheet, setSheet] = useState<string>("");
  const [severity, setSeverity] = useState<SeverityFilter>("all");
  const [shown, setShown] = useState(pageSize);
  // The cell a failed selection was for, so that Retry selects it again.
  const [selectFailure, setSelectFailure] = useState<{
    failure: PaneFailure;
    sheet: string;
    cell: string;
  } | null>(null);

  const sheets = useMemo(() => [...new Set(report.issues.map((i) => i.sheet))], [report.issues]);
  const filtered = useMemo(
    () =>
      report.issues.filter(
        (i) => (sheet === "" || i.sheet === sheet) && (severity === "all" || i.severity === severity),
      ),
    [report.issues, sheet, severity],
  );

  const select = (sheet: string, cell: string) => {
    setSelectFailure(null);
    selectCell(sheet, cell).catch((error: unknown) => {
      setSelectFailure({
        failure: error instanceof PaneFailure ? error : new PaneFailure("selecting", error),
        sheet,
        cell,
      });
    });
  };

  return (
    <>
      <section className={styles.section} aria-labelledby="wp-results-heading">
        <Subtitle2 as="h2" id="wp-results-heading">
          {text.results.heading}
        </Subtitle2>
        <div className={styles.counts}>
          <Badge appearance="filled" color="danger" shape="rounded">
            {text.results.errors(report.counts.errors)}
          </Badge>
          <Badge appearance="filled" color="warning" shape="rounded">
            {text.results.warnings(report.counts.warnings)}
          </Badge>
        </div>
        {report.issues.length === 0 ? (
          <Caption1>{text.results.noIssues}</Caption1>
        ) : (
          <>
            <div className={styles.filters}>
              <Field label={text.results.sheetFilter}>
                <Select
                  value={sheet}
                  onChange={(_, data) => {
                    setSheet(data.value);
                    setShown(pageSize);
                  }}
                >
                  <option value="">{text.results.allSheets}</option>
                  {sheets.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={text.results.severityFilter}>
                <Select
                  value={severity}
                  onChange={(_, data) => {
                    setSeverity(data.value as SeverityFilter);
                    setShown(pageSize);
                  }}
                >
                  <option value="all">{text.results.allSeverities}</option>
                  <option value="error">{text.results.severity.error}</option>
                  <option value="warning">{text.results.severity.warning}</option>
                </Select>
              </Field>
            </div>
            <Caption1 className={styles.hint} id="wp-issues-hint">
              {text.results.keyboardHint}
            </Caption1>
            {filtered.length === 0 ? (
              <Caption1>{text.results.noneMatch}</Caption1>
            ) : (
              <IssueList
                issues={filtered.slice(0, shown)}
                text={text}
                onSelect={(issue) => {
                  // Such an issue names a sheet the workbook no longer has: its message says what
                  // to do, and selecting would only fail.
                  if (!absentSheetCodes.has(issue.code)) select(issue.sheet, issue.cell);
                }}
                describedBy="wp-issues-hint"
              />
            )}
            {filtered.length > shown ? (
              <MessageBar intent="info">
                <MessageBarBody>{text.results.showing(shown, filtered.length)}</MessageBarBody>
                <MessageBarActions>
                  <Button
                    size="small"
                    onClick={() => {
                      setShown((n) => n + pageSize);
                    }}
                  >
                    {text.results.showMore}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ) : null}
          </>
        )}
        {selectFailure ? (
          <FailureBar
            failure={selectFailure.failure}
            text={text}
            detailClassName={styles.detail}
            onRetry={() => {
              select(selectFailure.sheet, selectFailure.cell);
            }}
            onDismiss={() => {
              setSelectFailure(null);
            }}
          />
        ) : null}
      </section>
      {validated.summarySheet === null ? null : (
        <SummaryCards
          report={report}
          summarySheet={validated.summarySheet}
          text={text}
          onOpenSheet={(name) => {
            select(name, "A1");
          }}
        />
      )}
      {validated.summarySheet === null || locale === undefined ? null : (
        <OutlookSection
          report={report}
          locale={locale}
          {...(draftReport === undefined ? {} : { draftReport })}
        />
      )}
    </>
  );
}
