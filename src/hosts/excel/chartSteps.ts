/**
 * Charts: the add-in's old charts removed with the sheet they were drawn on (a user's stay), and
 * the layout's charts drawn anew under names the add-in knows as its own. All of it is finishing.
 */
import { utf8Bytes } from "./officeRequestPlanner";
import { rectRange } from "./rectGeometry";
import { cosmeticStep, type Step, type WriteKnowledge } from "./writeStep";
import type { SheetLayout } from "../../workbook/layout";
import type { SheetWrite } from "../../workbook/port";

/** The charts of one sheet, part of its finishing (see cosmeticSteps): the old removed, the layout's drawn. */
export function chartSteps(write: SheetWrite, known: WriteKnowledge): Step[] {
  const { layout, mode } = write;
  const name = layout.name;
  const steps: Step[] = [];
  // The add-in's charts go with the old sheet; on a sheet without charts of its own (a plan
  // sheet), a chart a user made stays. A sheet that draws charts (the summary) loses every old
  // one: a write that failed between charts.add and naming the chart left one under Excel's
  // default name, which cannot be told from a user's, and the sheet is the add-in's anyway.
  if (mode === "replace") {
    const old = known.charts.get(name.toLowerCase()) ?? [];
    if ((layout.charts ?? []).length > 0) {
      for (let index = old.length - 1; index >= 0; index -= 1) {
        steps.push(
          cosmeticStep(2, 0, (scope) => {
            scope.sheet(name).charts.getItemAt(index).delete();
          }),
        );
      }
    } else {
      for (const chart of old.filter(isAddInChart)) {
        steps.push(
          cosmeticStep(2, utf8Bytes(chart), (scope) => {
            scope.sheet(name).charts.getItem(chart).delete();
          }),
        );
      }
    }
  }
  (layout.charts ?? []).forEach((chart, index) => steps.push(chartStep(name, chart, index)));
  return steps;
}

/** The add-in names its charts "WP_Chart1", "WP_Chart2", … so that it never removes a user's chart. */
export function chartName(index: number): string {
  return `WP_Chart${index + 1}`;
}

function isAddInChart(name: string): boolean {
  return name.startsWith("WP_Chart");
}

/** Excel.ChartType for the layout's chart kinds. */
const CHART_TYPE = { columnClustered: "ColumnClustered", barClustered: "BarClustered" } as const;

/**
 * A chart over the layout's data block (series in columns: the first row names them, the first
 * column holds the categories), over the anchor's cells, with its title and value axis.
 */
function chartStep(
  sheetName: string,
  chart: NonNullable<SheetLayout["charts"]>[number],
  index: number,
): Step {
  const { data, anchor, axis } = chart;
  const texts = chart.title + (axis?.title ?? "");
  return cosmeticStep(axis === undefined ? 6 : 10, utf8Bytes(texts), (scope) => {
    const sheet = scope.sheet(sheetName);
    const added = sheet.charts.add(CHART_TYPE[chart.kind], rectRange(sheet, data), "Columns");
    added.name = chartName(index);
    added.title.text = chart.title;
    added.setPosition(
      sheet.getRangeByIndexes(anchor.row, anchor.col, 1, 1),
      sheet.getRangeByIndexes(anchor.row + anchor.rowCount - 1, anchor.col + anchor.colCount - 1, 1, 1),
    );
    if (axis !== undefined) {
      const valueAxis = added.axes.valueAxis;
      valueAxis.minimum = axis.min;
      valueAxis.maximum = axis.max;
      valueAxis.title.text = axis.title;
    }
  });
}
