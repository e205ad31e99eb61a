import {
  Badge,
  Body1,
  Caption1,
  Link,
  makeStyles,
  Subtitle2,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import type { ReportVerdict, ValidationReport } from "../../workbook/validate/validationReport";
import type { StatusWord, TaskPaneMessages } from "../messages/taskPaneMessages";
import { cardStyles } from "./cardStyles";

const useStyles = makeStyles({
  ...cardStyles,
  head: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  // A status word never breaks, whatever the pane's narrowness does to the goal's name beside it.
  badge: { flexShrink: 0, whiteSpace: "nowrap", overflowWrap: "normal" },
  figure: { color: tokens.colorNeutralForeground2 },
  tally: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
  },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0 },
});

const badgeColors: Readonly<Record<StatusWord, NonNullable<BadgeProps["color"]>>> = {
  met: "success",
  not_met: "danger",
  no_data: "informative",
  invalid: "severe",
  cannot_judge: "warning",
  pending: "brand",
};

/** A count of each status, in the order the pane lists them, e.g. "达标 8 · 未达标 1 · 无数据 12". */
function tally(verdicts: readonly ReportVerdict[], text: TaskPaneMessages): string {
  const order: readonly StatusWord[] = ["met", "not_met", "invalid", "cannot_judge", "pending", "no_data"];
  return order
    .map((word) => [word, verdicts.filter((v) => v === word).length] as const)
    .filter(([, count]) => count > 0)
    .map(([word, count]) => `${text.summary.status[word]} ${count}`)
    .join(" · ");
}

/**
 * After 生成汇总: one card per goal of the plan's section 二 with its target, figure and status,
 * the counts of points, indicators and tasks by status, and a link that opens the summary sheet.
 *
 * @example
 * <SummaryCards report={report} summarySheet="汇总" text={taskPaneMessages("zh-CN")} onOpenSheet={open} />
 */
export function SummaryCards({
  report,
  summarySheet,
  text,
  onOpenSheet,
}: {
  readonly report: ValidationReport;
  readonly summarySheet: string;
  readonly text: TaskPaneMessages;
  readonly onOpenSheet: (sheet: string) => void;
}) {
  const styles = useStyles();
  const done = report.tasks.filter((t) => t.status === "done").length;
  const overdue = report.tasks.filter((t) => t.overdue).length;
  return (
    <section className={styles.section} aria-labelledby="wp-summary-heading">
      <Subtitle2 as="h2" id="wp-summary-heading">
        {text.summary.heading}
      </Subtitle2>
      <ul className={styles.cards}>
        {report.goals.map((goal) => (
          <li key={goal.key} className={styles.card} data-goal={goal.key} data-status={goal.status}>
            <div className={styles.head}>
              <Body1 className={styles.name}>{goal.name}</Body1>
              <Badge
                className={styles.badge}
                appearance="tint"
                color={badgeColors[goal.status]}
                shape="rounded"
              >
                {text.summary.status[goal.status]}
              </Badge>
            </div>
            <Caption1 className={styles.figure}>{text.summary.target(goal.target)}</Caption1>
            <Caption1 className={styles.figure}>{text.summary.actual(goal.actual)}</Caption1>
          </li>
        ))}
      </ul>
      <dl className={styles.tally}>
        <dt className={styles.term}>{text.summary.points}</dt>
        <dd className={styles.detail}>
          {tally(
            report.points.map((p) => p.status),
            text,
          )}
        </dd>
        <dt className={styles.term}>{text.summary.indicators}</dt>
        <dd className={styles.detail}>
          {tally(
            report.indicators.map((i) => i.status),
            text,
          )}
        </dd>
        <dt className={styles.term}>{text.summary.tasks}</dt>
        <dd className={styles.detail}>
          {text.summary.tasksDone(done, report.tasks.length)} · {text.summary.overdue(overdue)}
        </dd>
      </dl>
      <Link
        as="button"
        onClick={() => {
          onOpenSheet(summarySheet);
        }}
      >
        {text.summary.openSheet(summarySheet)}
      </Link>
    </section>
  );
}
