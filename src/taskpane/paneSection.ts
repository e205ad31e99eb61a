import { tokens } from "@fluentui/react-components";
import type { Locale } from "../core/locale";
import type { TaskPaneMessages } from "./messages/taskPaneMessages";
import type { PaneWorkbook } from "./workflow/paneWorkbook";

/** What every action section of the pane (导入监测数据, 下发填报表, 汇总报送) is given by the pane. */
export interface PaneSectionProps {
  readonly id: string;
  readonly locale: Locale;
  /** The pane's texts, for its failure bar. */
  readonly text: TaskPaneMessages;
  readonly connect: () => Promise<PaneWorkbook>;
  /** Another action of the pane runs. */
  readonly busy: boolean;
  /** Runs work while no other action of the pane runs (undefined when one does). */
  readonly exclusive: <T>(work: () => Promise<T>) => Promise<T | undefined>;
}

/** The sections' shared look: a column with room between its parts, a quiet hint, a detail line. */
export const sectionStyles = {
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  detail: { display: "block", marginTop: tokens.spacingVerticalXS },
} as const;
