/**
 * Fake charts (ExcelApi 1.1): `worksheet.charts.add(type, sourceData, seriesBy)`, a chart's name,
 * title, position and value axis, and delete.
 * https://learn.microsoft.com/javascript/api/excel/excel.chartcollection
 */
import { parseA1, splitSheet, type Rect } from "./fakeGeometry";
import { FakeRichApiError } from "./fakeRichApiError";
import type { FakeChart, FakeSheetState } from "./fakeSheetState";
import { FakeClientObject, NULL, checkSameContext, child, type FakeClientResult } from "./fakeProxy";
import { FakeItemCollection } from "./fakeItemCollection";
import type { FakeRange } from "./fakeRange";

/** Excel.ChartType values the fake knows; another string is refused as Excel refuses an unknown type. */
const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineMarkers",
  "Pie",
  "Doughnut",
  "Area",
  "XYScatter",
]);

/** https://learn.microsoft.com/javascript/api/excel/excel.chartseriesby */
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

interface ChartTarget {
  readonly sheet: FakeSheetState;
  readonly chart: FakeChart;
}

function readChart(chart: FakeChart, property: string): unknown {
  switch (property) {
    case "name":
      return chart.name;
    case "id":
      return chart.id;
    default:
      throw new FakeRichApiError("InvalidArgument", `Chart has no property '${property}' in this fake.`);
  }
}

export class FakeChartCollection extends FakeItemCollection<FakeSheetState, ChartTarget, FakeChartProxy> {
  protected readonly itemScalars = FakeChartProxy.scalars;

  /** A null sheet's charts: no charts (as for its tables, the host never reads them). */
  protected elements(): ChartTarget[] | null {
    const sheet = this.resolve();
    return sheet === NULL ? null : sheet.charts.map((chart) => ({ sheet, chart }));
  }

  protected readItem({ chart }: ChartTarget, property: string): unknown {
    return readChart(chart, property);
  }

  protected item(index: number, target: ChartTarget): FakeChartProxy {
    return new FakeChartProxy(this.context, `${this.path}[${index}]`, () => target);
  }

  /** A chart of `type` over `sourceData`, placed by Excel until setPosition moves it. */
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChartProxy {
    checkSameContext(this.context, sourceData);
    let added: ChartTarget | undefined;
    this.act("add", [type, "Range", seriesBy], (sheet) => {
      if (!CHART_TYPES.has(type)) throw new FakeRichApiError("InvalidArgument", `Chart type “${type}”.`);
      if (!SERIES_BY.has(seriesBy)) throw new FakeRichApiError("InvalidArgument", `seriesBy “${seriesBy}”.`);
      const { rect } = sourceData.resolveExisting();
      const chart: FakeChart = {
        id: this.context.excel.state.newId("CHART"),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: rect,
        seriesBy: seriesBy as FakeChart["seriesBy"],
        title: "",
        position: null,
        valueAxis: { minimum: null, maximum: null, title: "" },
      };
      sheet.charts.push(chart);
      added = { sheet, chart };
    });
    return new FakeChartProxy(this.context, `${this.path}.add(${JSON.stringify(type)})`, () => {
      if (added === undefined) throw new FakeRichApiError("InvalidOperation", "The chart was not added.");
      return added;
    });
  }

  getCount(): FakeClientResult<number> {
    return this.query("getCount", "1.1", (sheet) => sheet?.charts.length ?? 0);
  }

  /** The first chart of that name (names need not be unique). */
  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(
      this.context,
      `${this.path}.getItem(${JSON.stringify(name)})`,
      child(this, (sheet) => {
        const chart = sheet.charts.find((c) => c.name === name);
        if (chart === undefined) throw new FakeRichApiError("ItemNotFound", `No chart named “${name}”.`);
        return { sheet, chart };
      }),
    );
  }

  getItemAt(index: number): FakeChartProxy {
    return new FakeChartProxy(
      this.context,
      `${this.path}.getItemAt(${index})`,
      child(this, (sheet) => {
        const chart = sheet.charts[index];
        if (chart === undefined) throw new FakeRichApiError("ItemNotFound", `No chart at index ${index}.`);
        return { sheet, chart };
      }),
    );
  }
}

export class FakeChartProxy extends FakeClientObject<ChartTarget> {
  static readonly scalars = ["name", "id"] as const;
  protected readonly scalarProperties = FakeChartProxy.scalars;
  readonly title: FakeChartTitle;
  readonly axes: { readonly valueAxis: FakeChartAxis };

  constructor(...args: ConstructorParameters<typeof FakeClientObject<ChartTarget>>) {
    super(...args);
    this.title = new FakeChartTitle(
      this.context,
      `${this.path}.title`,
      child(this, (t) => t),
    );
    this.axes = {
      valueAxis: new FakeChartAxis(
        this.context,
        `${this.path}.axes.valueAxis`,
        child(this, (t) => t),
      ),
    };
  }

  protected readProperty(target: ChartTarget, property: string): unknown {
    return readChart(alive(target), property);
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.act("set name", value, (target) => {
      if (typeof value !== "string" || value.length === 0)
        throw new FakeRichApiError("InvalidArgument", "A chart needs a name.");
      alive(target).name = value;
    });
  }

  /** Moves the chart over the cells from startCell's top-left to endCell's bottom-right. */
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    checkSameContext(this.context, startCell);
    checkSameContext(this.context, endCell);
    this.act("setPosition", [label(startCell), endCell === undefined ? null : label(endCell)], (target) => {
      const start = cellRect(target.sheet, startCell);
      const end = endCell === undefined ? start : cellRect(target.sheet, endCell);
      const bottom = end.row + end.rowCount;
      const right = end.col + end.colCount;
      if (bottom <= start.row || right <= start.col)
        throw new FakeRichApiError("InvalidArgument", "The end cell lies before the start cell.");
      alive(target).position = {
        row: start.row,
        col: start.col,
        rowCount: bottom - start.row,
        colCount: right - start.col,
      };
    });
  }

  delete(): void {
    this.act("delete", null, (target) => {
      const charts = target.sheet.charts;
      const index = charts.indexOf(alive(target));
      charts.splice(index, 1);
    });
  }
}

function label(cell: string | FakeRange): string {
  return typeof cell === "string" ? cell : "Range";
}

function cellRect(sheet: FakeSheetState, cell: string | FakeRange): Rect {
  if (typeof cell !== "string") {
    const { sheet: on, rect } = cell.resolveExisting();
    if (on !== sheet) throw new FakeRichApiError("InvalidArgument", "The cell is on another sheet.");
    return rect;
  }
  const { sheet: named, ref } = splitSheet(cell);
  if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase())
    throw new FakeRichApiError("InvalidArgument", `“${cell}” is on another sheet.`);
  return parseA1(ref);
}

/** A deleted chart's proxy fails like Excel's. */
function alive(target: ChartTarget): FakeChart {
  if (!target.sheet.charts.includes(target.chart))
    throw new FakeRichApiError("ItemNotFound", "The chart was deleted.");
  return target.chart;
}

class FakeChartTitle extends FakeClientObject<ChartTarget> {
  protected readonly scalarProperties = ["text"];
  protected readProperty(target: ChartTarget): unknown {
    return alive(target).title;
  }
  get text(): string {
    return this.loaded("text");
  }
  set text(value: string) {
    this.act("set text", value, (target) => {
      if (typeof value !== "string") throw new FakeRichApiError("InvalidArgument", "A title is text.");
      alive(target).title = value;
    });
  }
}

class FakeChartAxis extends FakeClientObject<ChartTarget> {
  protected readonly scalarProperties = ["minimum", "maximum"];
  readonly title: FakeChartAxisTitle;

  constructor(...args: ConstructorParameters<typeof FakeClientObject<ChartTarget>>) {
    super(...args);
    this.title = new FakeChartAxisTitle(
      this.context,
      `${this.path}.title`,
      child(this, (t) => t),
    );
  }

  protected readProperty(target: ChartTarget, property: string): unknown {
    const axis = alive(target).valueAxis;
    if (property === "minimum") return axis.minimum;
    if (property === "maximum") return axis.maximum;
    throw new FakeRichApiError("InvalidArgument", `ChartAxis has no property '${property}' in this fake.`);
  }

  get minimum(): number {
    return this.loaded("minimum");
  }
  set minimum(value: number) {
    this.act("set minimum", value, (target) => {
      if (!Number.isFinite(value)) throw new FakeRichApiError("InvalidArgument", `Axis minimum ${value}.`);
      alive(target).valueAxis.minimum = value;
    });
  }
  get maximum(): number {
    return this.loaded("maximum");
  }
  set maximum(value: number) {
    this.act("set maximum", value, (target) => {
      if (!Number.isFinite(value)) throw new FakeRichApiError("InvalidArgument", `Axis maximum ${value}.`);
      alive(target).valueAxis.maximum = value;
    });
  }
}

class FakeChartAxisTitle extends FakeClientObject<ChartTarget> {
  protected readonly scalarProperties = ["text"];
  protected readProperty(target: ChartTarget): unknown {
    return alive(target).valueAxis.title;
  }
  get text(): string {
    return this.loaded("text");
  }
  set text(value: string) {
    this.act("set text", value, (target) => {
      if (typeof value !== "string") throw new FakeRichApiError("InvalidArgument", "A title is text.");
      alive(target).valueAxis.title = value;
    });
  }
}
