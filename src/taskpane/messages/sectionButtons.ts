import type { Locale } from "../../core/locale";

/** The buttons that open and close the pane's sections 导入监测数据, 下发填报表 and 汇总报送. */
export interface SectionButtons {
  readonly importOpen: string;
  readonly importClose: string;
  readonly splitOpen: string;
  readonly splitClose: string;
  readonly mergeOpen: string;
  readonly mergeClose: string;
}

/**
 * The pane's buttons for its sections, apart from the sections' own texts: the first paint
 * carries these few words (its budget is 133 KB gzip), and each section's texts, in both
 * languages, arrive with its chunk.
 *
 * @example
 * sectionButtons["en-US"].splitOpen // "Send forms to units"
 */
export const sectionButtons: Readonly<Record<Locale, SectionButtons>> = {
  "zh-CN": {
    importOpen: "导入监测数据",
    importClose: "收起导入",
    splitOpen: "下发填报表",
    splitClose: "收起下发",
    mergeOpen: "汇总报送",
    mergeClose: "收起汇总报送",
  },
  "en-US": {
    importOpen: "Import monitoring data",
    importClose: "Close import",
    splitOpen: "Send forms to units",
    splitClose: "Hide sending forms",
    mergeOpen: "Merge returned forms",
    mergeClose: "Hide merging forms",
  },
};
