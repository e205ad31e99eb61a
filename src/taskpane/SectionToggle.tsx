import { Button, makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  // Full width and left-aligned, so that the toggles of the pane's sections line up under one
  // another whatever their labels' lengths (a Fluent button centres its label in 96 px at least).
  toggle: { width: "100%", justifyContent: "flex-start", minWidth: 0 },
});

/** The button that opens and closes one of the pane's sections (导入监测数据, 下发填报表, 汇总报送, 设置). */
export function SectionToggle({
  open,
  controls,
  onToggle,
  children,
}: {
  readonly open: boolean;
  /** The id of the section it opens. */
  readonly controls: string;
  readonly onToggle: () => void;
  readonly children: ReactNode;
}): ReactNode {
  const styles = useStyles();
  return (
    <div>
      <Button
        appearance="subtle"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={controls}
        onClick={onToggle}
      >
        {children}
      </Button>
    </div>
  );
}
