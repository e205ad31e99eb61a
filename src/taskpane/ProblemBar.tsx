import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  line: { display: "block", marginTop: tokens.spacingVerticalXS },
});

/**
 * Why a section's action could not go on (a refused workbook, a unit the plan does not name):
 * a warning with its title and one line per reason, as 下发填报表 and 汇总报送 show them.
 */
export function ProblemBar({
  title,
  lines,
}: {
  readonly title: string;
  readonly lines: readonly string[];
}): ReactNode {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {lines.map((line) => (
          <span key={line} className={styles.line}>
            {line}
          </span>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
