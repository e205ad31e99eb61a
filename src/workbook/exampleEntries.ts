import type { Locale, LocalizedText } from "../core/locale";
import type { Plan } from "../core/plan/planSchema";
import { isoDateToSerial } from "../core/excelDate";
import { indicatorOnSheet } from "../core/plan/targetText";
import { monitoringPoints, type MonitoringPoint } from "../core/validation/monitoringPoints";
import type { ParameterKey } from "../core/water-quality/parameters";
import { wrappedRowHeights } from "./buildSheetLayout";
import type { CellValue, SheetLayout } from "./layout";
import { sheetFont } from "./layout";
import { narrowMargins, printScale } from "./printScale";
import type { RectValues, SheetPatch, WorkbookPort } from "./port";
import { readSheet } from "./readSheet";
import { taskStatusChoices, yesNoChoices } from "./sheets/choices";
import type { SheetKey } from "./sheetSpec";
import { workbookSpec } from "./workbookSpec";

/** Entries for one sheet: rows found by identity (plan sheets) or appended (monitoring data). */
interface SheetEntries {
  /** Values by column key, for the row whose identity is the key ("5", "露塘", "27|用水总量"). */
  readonly byIdentity: ReadonlyMap<string, Readonly<Record<string, CellValue>>>;
  /** Rows appended below the header, in order (monitoring data). */
  readonly appended: readonly Readonly<Record<string, CellValue>>[];
}

/** A small deterministic generator (a linear congruential one), so the example is the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Typical values of good river water (Ⅰ–Ⅱ), by parameter: [low, high]. */
const cleanWater: Readonly<Partial<Record<ParameterKey, readonly [number, number]>>> = {
  water_temp: [14, 28],
  ph: [7.1, 7.9],
  do: [7.2, 8.8],
  codmn: [1.2, 2.6],
  cod: [6, 12],
  bod5: [0.8, 2.2],
  nh3n: [0.05, 0.35],
  tp: [0.02, 0.08],
  tn: [0.6, 1.4],
  fluoride: [0.1, 0.3],
  fecal_coliform: [200, 1800],
  sulfate: [8, 30],
  chloride: [2, 8],
  nitrate: [0.5, 1.6],
  iron: [0.03, 0.15],
  manganese: [0.01, 0.05],
};

/** Parameters reported below detection in the example, with their detection limits. */
const belowDetection: Readonly<Partial<Record<ParameterKey, string>>> = {
  cu: "0.001L",
  zn: "0.05L",
  se: "0.0004L",
  as: "0.0003L",
  hg: "0.00004L",
  cd: "0.0001L",
  cr6: "0.004L",
  pb: "0.001L",
  cn: "0.004L",
  volatile_phenol: "0.0003L",
  petroleum: "0.01L",
  las: "0.05L",
  sulfide: "0.005L",
};

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** One sample of a point in a month: clean water, with 露塘's ammonia raised above its Ⅱ target. */
function sample(point: MonitoringPoint, month: number, next: () => number): Record<string, CellValue> {
  const row: Record<string, CellValue> = {
    point: point.name,
    sampledOn: isoDateToSerial(`2023-${String(month).padStart(2, "0")}-${10 + (month % 5)}`),
  };
  for (const [key, range] of Object.entries(cleanWater) as [ParameterKey, readonly [number, number]][]) {
    const digits = key === "fecal_coliform" ? 0 : key === "ph" || key === "water_temp" ? 1 : 3;
    row[`param:${key}`] = round(range[0] + (range[1] - range[0]) * next(), digits);
  }
  for (const [key, text] of Object.entries(belowDetection)) row[`param:${key}`] = text;
  if (point.name === "露塘") row["param:nh3n"] = round(0.55 + 0.1 * next(), 3);
  return row;
}

/**
 * A realistic half year of entries for a plan (labelled as example data wherever it is written):
 * monthly monitoring January–June at every point, task statuses, indicator values, the outfall
 * survey, and on purpose a few doubtful and wrong values of the kinds staff type (an unknown point,
 * a text date, "abc", a pH of 15, a repeated sample, samples typed in July after the as-of day, a
 * status outside the list, a share typed as 0.41, a year's value without its base, traced more than
 * found) so validation has something to find.
 * `monitoringRows` adds further monthly rounds (for benchmarks): the total is about that many rows.
 *
 * @example
 * const entries = exampleEntries(plan, "en-US");
 */
export function exampleEntries(
  plan: Plan,
  locale: Locale = "zh-CN",
  monitoringRows = 0,
): Map<SheetKey, SheetEntries> {
  // What staff type is in the sheet's language: its dropdown words, its indicator names, its prose.
  const say = (text: LocalizedText): string => text[locale];
  const choice = (choices: readonly LocalizedText[], index: number): string => {
    const text = choices[index];
    return text ? say(text) : "";
  };
  const notStarted = choice(taskStatusChoices, 0);
  const inProgress = choice(taskStatusChoices, 1);
  const done = choice(taskStatusChoices, 2);
  const yes = choice(yesNoChoices, 0);
  const no = choice(yesNoChoices, 1);
  const next = random(2023);
  const points = monitoringPoints(plan);
  const monitoring: Record<string, CellValue>[] = [];
  for (let month = 1; month <= 6; month += 1)
    for (const point of points) monitoring.push(sample(point, month, next));
  for (let round = 0; monitoring.length < monitoringRows; round += 1) {
    const point = points[round % points.length];
    if (!point) break;
    const row = sample(point, 1, next);
    // Automatic stations report several samples a day: spread the rounds over January–June (181
    // days, coprime with the 21 points) and give each its own minute, so no sample repeats.
    const day = round % 181;
    const minute = Math.floor(round / (181 * points.length)) % 1440;
    row["sampledOn"] = isoDateToSerial("2023-01-01") + day + (minute + 1) / 1440;
    monitoring.push(row);
  }
  monitoring.push({ point: "柳江大桥", sampledOn: "2023年5月12日", "param:nh3n": 0.21 });
  monitoring.push({ point: "浮石", sampledOn: "2023-06-12", "param:ph": 15, "param:do": "abc" });
  const repeat = monitoring[0];
  if (repeat) monitoring.push({ ...repeat });
  // Staff enter samples up to today while the as-of day is the end of last month: these lie after
  // it, are left out with one warning, and the typo in one ("0..44") marks its cell without spoiling 露塘.
  monitoring.push({ point: "露塘", sampledOn: "2023-07-03", "param:nh3n": "0..44" });
  monitoring.push({ point: "大洲断面", sampledOn: "2023-07-04", "param:nh3n": 0.18 });
  monitoring.push({ point: "浮石", sampledOn: "2023-07-05", "param:nh3n": 0.21 });

  const tasks = new Map<string, Record<string, CellValue>>();
  for (const task of plan.tasks) {
    const n = task.number;
    const status = n % 7 === 0 ? done : n % 11 === 0 ? notStarted : inProgress;
    tasks.set(String(n), {
      status,
      ...(status === done ? { completedOn: isoDateToSerial(`2023-0${1 + (n % 6)}-15`) } : {}),
      progress:
        status === inProgress
          ? say({
              "zh-CN": "按计划推进，已完成年度工作量约一半。",
              "en-US": "On schedule; about half of the year's work is done.",
            })
          : "",
    });
  }
  tasks.set("1", {
    status: say({ "zh-CN": "搞定了", "en-US": "Sorted" }),
    progress: say({
      "zh-CN": "（示例：不在下拉列表中的状态）",
      "en-US": "(Example: a status that is not in the list)",
    }),
  });
  tasks.set("2", {
    status: done,
    progress: say({
      "zh-CN": "（示例：已完成但未填完成日期）",
      "en-US": "(Example: done, but no completion date)",
    }),
  });

  const classes = new Map<string, Record<string, CellValue>>(
    points.map((p) => [p.name, { measuredClass: "Ⅱ类" }]),
  );
  classes.set("大洲", { measuredClass: "Ⅰ类" });
  classes.set("旧街村", { measuredClass: "三级" });

  const indicators = new Map<string, Record<string, CellValue>>();
  const actual: Readonly<Record<string, CellValue>> = {
    "t5-1": 58.2,
    "t5-2": "65%",
    "t6-1": 12,
    "t8-1": 0.41,
    "t9-1": 96,
    "t9-2": 81.5,
    "t9-3": 95.4,
    "t11-1": 3,
    "t11-2": 2,
    "t11-3": 87,
    "t15-1": 12,
    "t18-1": 31,
    "t18-2": 93.5,
    "t27-1": 21.8,
    "t30-1": 9.8,
    "t31-1": 0.525,
    "t32-1": 41.2,
    "t32-2": 30.5,
  };
  for (const target of plan.targets) {
    const value = actual[target.id];
    if (value === undefined) continue;
    // The row's identity is its task and its indicator as the sheet names it, in the sheet's language.
    indicators.set(`${target.task}|${indicatorOnSheet(target, locale)}`, {
      actual: value,
      ...(target.id === "t32-1" ? { baseValue: 44.5 } : {}),
    });
  }

  const survey = new Map<string, Record<string, CellValue>>();
  plan.outfallSurvey
    .flatMap((s) => s.rivers)
    .forEach((river, i) => {
      const found = 6 + ((i * 5) % 9);
      survey.set(river, {
        surveyDone: i < 7 ? yes : no,
        outfalls: found,
        traced: i === 3 ? found + 2 : found - (i % 3),
        remediationTasks: Math.ceil(found / 2),
        remediated: Math.floor(found / 5),
      });
    });

  const asIdentity = (map: Map<string, Record<string, CellValue>>): SheetEntries => ({
    byIdentity: map,
    appended: [],
  });
  return new Map<SheetKey, SheetEntries>([
    ["tasks", asIdentity(tasks)],
    ["nationalSections", asIdentity(classes)],
    ["regionalSections", asIdentity(classes)],
    ["municipalSources", asIdentity(new Map())],
    ["countySources", asIdentity(new Map())],
    ["outfallRivers", asIdentity(survey)],
    ["monitoring", { byIdentity: new Map(), appended: monitoring }],
    ["indicators", asIdentity(indicators)],
  ]);
}

/** The sheet that says the workbook's entries are an example. */
export const exampleSheetName: Readonly<Record<Locale, string>> = {
  "zh-CN": "示例数据说明",
  "en-US": "About the example",
};

function exampleNoteLayout(locale: Locale): SheetLayout {
  const lines =
    locale === "zh-CN"
      ? [
          "示例数据",
          "本工作簿中填报的内容（状态、监测数据、指标值、排查数据）均为本助手的演示程序生成的虚构示例，仅用于演示校验和汇总，不代表任何真实监测结果。",
          "其中故意包含几处常见的填报错误和存疑数据，以便演示“校验”如何标注。",
        ]
      : [
          "Example data",
          "Everything entered in this workbook (statuses, monitoring data, indicator values, survey counts) is invented by npm run demo to show validation and the summary; it is no real monitoring result.",
          "A few typical entry mistakes and doubtful values are included on purpose, to show how validation marks them.",
        ];
  const columnWidths = [120];
  const values = lines.map((line) => [line]);
  return {
    name: exampleSheetName[locale],
    values,
    columnWidths,
    // Wrapped within the column, so that no line runs past the printed page.
    rowHeights: [{ row: 0, height: 24 }, ...wrappedRowHeights(values.slice(1), 1, columnWidths, () => true)],
    formats: [
      { rect: { row: 0, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 14 },
      {
        rect: { row: 1, col: 0, rowCount: lines.length - 1, colCount: 1 },
        wrapText: true,
        verticalAlignment: "top",
      },
    ],
    validations: [],
    tables: [],
    freeze: { rows: 0, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      titleRows: { first: 0, last: 0 },
      titleColumns: null,
      scale: printScale({
        columnWidths,
        titleColumns: null,
        pagesWide: 1,
        orientation: "landscape",
        margins: narrowMargins,
      }),
      margins: narrowMargins,
      columns: { first: 0, last: 0 },
      rowBreaks: [],
      gridlines: false,
    },
    font: sheetFont(locale),
    visibility: "visible",
    tabColor: "#C00000",
  };
}

/**
 * Types the example entries into a workbook the add-in generated, through any host: in place, as
 * values only (one update), with a sheet that says they are an example. Monitoring rows are
 * written below the table's header; generating again takes them into the table.
 *
 * @example
 * await generateWorkbook(port, plan, { locale: "zh-CN" });
 * await writeExampleEntries(port, plan, "zh-CN");
 * await generateWorkbook(port, plan, { locale: "zh-CN" });
 */
export async function writeExampleEntries(
  port: WorkbookPort,
  plan: Plan,
  locale: Locale,
  monitoringRows = 0,
): Promise<void> {
  const specs = workbookSpec(plan);
  const entries = exampleEntries(plan, locale, monitoringRows);
  await port.update(
    specs.map((s) => s.name[locale]),
    {},
    (snapshot) => {
      const patches: SheetPatch[] = [];
      for (const spec of specs) {
        const sheet = snapshot.sheets.get(spec.name[locale]);
        const forSheet = entries.get(spec.key);
        const read = sheet ? readSheet(spec, sheet, String) : null;
        if (!sheet || !read || !forSheet) continue;
        const values: RectValues[] = [];
        const put = (row: number, key: string, value: CellValue): void => {
          const col = read.columns.get(key);
          if (col !== undefined && value !== "")
            values.push({ rect: { row, col, rowCount: 1, colCount: 1 }, values: [[value]] });
        };
        for (const row of read.rows) {
          const typed = row.identity === null ? undefined : forSheet.byIdentity.get(row.identity);
          for (const [key, value] of Object.entries(typed ?? {})) put(row.sheetRow, key, value);
        }
        if (forSheet.appended.length > 0) {
          // All appended rows in one rectangle: one write however many rows there are.
          const columns = [...read.columns.entries()];
          const first = columns.reduce((min, [, c]) => Math.min(min, c), Infinity);
          const width = columns.reduce((max, [, c]) => Math.max(max, c), -Infinity) - first + 1;
          const rows = forSheet.appended.map((row) => {
            const cells = new Array<CellValue>(width).fill("");
            for (const [key, col] of columns) cells[col - first] = row[key] ?? "";
            return cells;
          });
          values.push({
            rect: { row: read.headerRow + 1, col: first, rowCount: rows.length, colCount: width },
            values: rows,
          });
        }
        patches.push({ sheet: sheet.name, values, fills: [], clearNotes: null, notes: [] });
      }
      const note = snapshot.sheetNames.some((n) => n === exampleSheetName[locale])
        ? []
        : [{ layout: exampleNoteLayout(locale), mode: "create" as const }];
      return { batch: { sheets: note, patches, activate: null }, result: undefined };
    },
  );
}
