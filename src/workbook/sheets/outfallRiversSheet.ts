import type { Plan } from "../../core/plan/planSchema";
import type { SheetSpec } from "../sheetSpec";
import { palette } from "../sheetSpec";
import { countValidation, yesNoValidation } from "./choices";
import { appendixTitle, legendNote } from "./sheetText";

/** One river of 附件6, with the survey item it belongs to. */
export interface OutfallRiverRow {
  readonly number: number;
  readonly item: string;
  readonly river: string;
}

/** Flattens 附件6 (one line per item, rivers run together) into one row per river. */
export function outfallRiverRows(plan: Plan): OutfallRiverRow[] {
  return plan.outfallSurvey
    .flatMap((survey) => survey.rivers.map((river) => ({ item: survey.item, river })))
    .map((row, index) => ({ number: index + 1, ...row }));
}

/**
 * 附件6 排查河流: the rivers whose outfalls are surveyed (task 16), one row each, with what the
 * survey found: done or not, outfalls found, traced to their source, remediated.
 */
export function outfallRiversSheet(plan: Plan): SheetSpec<OutfallRiverRow> {
  const appendix = plan.appendices.outfallSurvey;
  return {
    key: "outfallRivers",
    name: { "zh-CN": "附件6 排查河流", "en-US": "A6 Outfall rivers" },
    title: appendixTitle(appendix, {
      "en-US": "Appendix 6  Main rivers and tributaries for the outfall survey",
    }),
    note: legendNote(appendix.note),
    tableName: "WP_OutfallRivers",
    rows: outfallRiverRows(plan),
    identity: ["river"],
    freezeColumns: 0,
    tabColor: palette.planTab,
    pagesWide: 1,
    columns: [
      {
        key: "number",
        header: { "zh-CN": "序号", "en-US": "No." },
        kind: "plan",
        width: 6,
        value: (r) => r.number,
      },
      {
        key: "item",
        header: { "zh-CN": appendix.headers[0] ?? "项目", "en-US": "Item" },
        kind: "plan",
        width: 16,
        value: (r) => r.item,
      },
      {
        key: "river",
        header: { "zh-CN": appendix.headers[1] ?? "干流及支流", "en-US": "River" },
        kind: "plan",
        width: 16,
        value: (r) => r.river,
      },
      {
        key: "surveyDone",
        header: { "zh-CN": "排查完成", "en-US": "Survey done" },
        kind: "entry",
        width: 10,
        validation: yesNoValidation,
      },
      {
        key: "outfalls",
        header: { "zh-CN": "排污口数量", "en-US": "Outfalls found" },
        kind: "entry",
        width: 12,
        numberFormat: "0",
        validation: countValidation,
      },
      {
        key: "traced",
        header: { "zh-CN": "已溯源数", "en-US": "Traced" },
        kind: "entry",
        width: 10,
        numberFormat: "0",
        validation: countValidation,
      },
      {
        key: "remediationTasks",
        header: { "zh-CN": "整治任务数", "en-US": "Clean-up tasks" },
        formerHeaders: ["Remediation tasks"],
        kind: "entry",
        width: 10,
        numberFormat: "0",
        validation: countValidation,
      },
      {
        key: "remediated",
        header: { "zh-CN": "已整治数", "en-US": "Cleaned up" },
        formerHeaders: ["Remediated"],
        kind: "entry",
        width: 10,
        numberFormat: "0",
        validation: countValidation,
      },
    ],
  };
}
