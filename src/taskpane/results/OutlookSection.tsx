import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Locale } from "../../core/locale";
import { allowanceRows, legendItems, monthGrid } from "../../workbook/report/outlookBlocks";
import type { ValidationReport } from "../../workbook/validate/validationReport";
import { outlookMessages } from "./outlookMessages";
import { cardStyles } from "./cardStyles";

const useStyles = makeStyles({
  ...cardStyles,
  scroll: { overflowX: "auto", maxWidth: "100%" },
  grid: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 3px",
    textAlign: "center",
    // The class fills are light: their text stays dark in Office's dark theme too.
    color: "#000000",
  },
  name: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 3px", whiteSpace: "nowrap" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  swatch: { padding: "0 4px", color: "#000000", borderRadius: tokens.borderRadiusSmall },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** What drafting the report came to: the host's answer, or the reason it failed. */
export type ReportOutcome =
  | { readonly kind: "saved"; readonly fileName: string }
  | { readonly kind: "unsupported" }
  | { readonly kind: "failed"; readonly reason: string };

export interface OutlookSectionProps {
  readonly report: ValidationReport;
  readonly locale: Locale;
  /** Drafts the 进展报告 and offers it as a download where the host allows one. */
  readonly draftReport?: (fileName: string) => Promise<ReportOutcome>;
}

/**
 * Below the goal cards: the 预警 of 达标倒推 (each warned parameter with what the rest of the year
 * allows), the class grid month by month with its legend, and 生成进展报告. Rows are the ones 汇总
 * and the report print (`allowanceRows`, `monthGrid`).
 *
 * @example
 * <OutlookSection report={report} locale="zh-CN" draftReport={draft} />
 */
export function OutlookSection({ report, locale, draftReport }: OutlookSectionProps) {
  const styles = useStyles();
  const text = outlookMessages(locale);
  const [drafting, setDrafting] = useState(false);
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  const warned = allowanceRows(report, locale, true);
  const warnedAllowances = report.allowances.filter((a) => a.warnings.length > 0);
  const grid = monthGrid(report, locale);
  const hasGrid = report.monthlyClasses.some((m) => m.classes.some((c) => c !== null));

  return (
    <section className={styles.section} aria-labelledby="wp-outlook-heading">
      <Subtitle2 as="h2" id="wp-outlook-heading">
        {text.warningsHeading}
      </Subtitle2>
      {warned.length === 0 ? (
        <Caption1>{text.noWarnings}</Caption1>
      ) : (
        <ul className={styles.cards}>
          {warned.map((row, i) => {
            const [point = "", parameter = "", , mean = "", limit = "", allowance = "", words = ""] = row;
            const bound = warnedAllowances[i]?.bound ?? "max";
            return (
              <li key={`${point}-${parameter}`} className={styles.card}>
                <span>{text.warningLine(point, parameter, mean, limit)}</span>
                {allowance === "" ? null : (
                  <Caption1>{text.allowanceLine(bound, allowance.replace(/^[≤≥]\s*/u, ""))}</Caption1>
                )}
                <Badge appearance="tint" color="danger" shape="rounded">
                  {words}
                </Badge>
              </li>
            );
          })}
        </ul>
      )}
      {hasGrid ? (
        <>
          <Subtitle2 as="h2">{text.gridHeading}</Subtitle2>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label={text.gridHeading}>
            <table className={styles.grid}>
              <caption className={styles.hint}>{text.gridCaption}</caption>
              <thead>
                <tr>
                  <th className={styles.name} scope="col">
                    {text.point}
                  </th>
                  <th className={styles.cell} scope="col">
                    {text.target}
                  </th>
                  {text.months.map((m) => (
                    <th key={m} className={styles.cell} scope="col">
                      {m}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row, r) => (
                  <tr key={row[0]}>
                    <th className={styles.name} scope="row">
                      {row[0]}
                    </th>
                    {row.slice(1).map((value, c) => {
                      const fill = grid.fills[r]?.[c + 1] ?? null;
                      return (
                        <td
                          key={c}
                          className={styles.cell}
                          style={fill === null ? undefined : { backgroundColor: fill }}
                        >
                          {value}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={styles.legend}>
            {legendItems(locale).map((item) => (
              <span key={item.text} className={styles.swatch} style={{ backgroundColor: item.fill }}>
                {item.text}
              </span>
            ))}
          </div>
        </>
      ) : null}
      {draftReport ? (
        <div>
          <Button
            appearance="secondary"
            disabled={drafting}
            icon={drafting ? <Spinner size="tiny" /> : null}
            onClick={() => {
              setDrafting(true);
              setOutcome(null);
              draftReport(text.fileName(report.asOf))
                .then(setOutcome, (error: unknown) => {
                  setOutcome({
                    kind: "failed",
                    reason: error instanceof Error ? error.message : String(error),
                  });
                })
                .finally(() => {
                  setDrafting(false);
                });
            }}
          >
            {drafting ? text.reportBusy : text.reportButton}
          </Button>
        </div>
      ) : null}
      {outcome ? (
        <MessageBar
          intent={outcome.kind === "saved" ? "success" : outcome.kind === "unsupported" ? "info" : "error"}
        >
          <MessageBarBody>
            {outcome.kind === "saved"
              ? text.reportSaved(outcome.fileName)
              : outcome.kind === "unsupported"
                ? text.reportUnsupported
                : text.reportFailed(outcome.reason)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
