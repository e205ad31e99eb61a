import type { ParameterKey } from "../water-quality/parameters";
import { resolveParameterHeader } from "../water-quality/resolveParameterHeader";
import type { WaterQualityIssue } from "../water-quality/waterQualityIssue";
import { engineIssue, type ImportIssue } from "./importIssue";

/** A cell of an export as a host reads it (the workbook's CellValue, which core cannot import). */
export type ExportCell = string | number | boolean | null;

/**
 * What a column of an export is used for:
 * - `point`: the point's name; `time`: the sampling time (`datetime`), or its day (`date`) and its
 *   time of day (`clock`) in two columns;
 * - `parameter`: a parameter 监测数据 has, with the factor to its unit;
 * - `status`: the station's state (站点情况): anything but 正常 flags the row;
 * - `remark`: kept in 备注 as "header value" (the export's class and pollutants, parameters the
 *   plan does not use such as 电导率, 浊度, 叶绿素α, 藻密度, its own remarks, columns it does not name);
 * - `refused`: a parameter whose unit cannot be read, or a second column of one parameter: kept in
 *   备注 too, and listed with the reason (never guessed into a parameter column);
 * - `skipped`: what describes the point, not the sample (省份, 流域, 序号, 水质目标 …): listed only.
 */
export type ColumnUse =
  | { readonly kind: "point" }
  | { readonly kind: "time"; readonly part: "datetime" | "date" | "clock" }
  | { readonly kind: "parameter"; readonly parameter: ParameterKey; readonly factor: number }
  | { readonly kind: "status" }
  | { readonly kind: "remark" }
  | { readonly kind: "refused"; readonly issue: ImportIssue }
  | { readonly kind: "skipped" };

/** One column of an export: its header as written, its zero-based index in the grid, and its use. */
export interface ExportColumn {
  readonly header: string;
  readonly index: number;
  readonly use: ColumnUse;
}

/** The header row found, and every column with its use. */
export interface ExportHeader {
  /** Zero-based rows of the grid the header takes (two when a row of units follows the names). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: readonly ExportColumn[];
}

/** How many of the first rows are searched for the header: title rows and notes stand above it. */
export const headerSearchRows = 30;

/** A header as compared: NFKC, no spaces, no footnote mark, lower case. */
function headerKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "").replace(/\*+$/u, "").toLowerCase();
}

const pointHeaders =
  /^(?:断面|点位|站点|测站|测点|监测点|采样点|水源地|监测断面|监测点位|采样点位|采样断面|监测站点)(?:名称)?$|^名称$/u;
const timeHeaders = /(?:日期|时间|时刻)/u;
const statusHeaders = /^(?:站点情况|站点状态|运行状态|数据状态|状态|数据标识|标识)$/u;
const remarkHeaders =
  /(?:水质类别|类别|本月水质|本周水质|当月水质|水质状况|水质现状|污染指标|超标|污染物|^备注$|^说明$)/u;
const skippedHeaders =
  /^(?:序号|编号|省|省份|省份名称|流域|所属流域|水系|所在水体|水体|河流|河流名称|所在河流|河流湖库|城市|所在城市|地市|所在地市|市|区县|县区|所在区县|断面属性|断面类型|点位类型|站点类型|断面性质|经度|纬度|水质目标|目标水质|考核目标|目标|考核城市|责任城市|上年同期|上年同期水质|上月水质|上周水质|同比|环比)$/u;

/** What the header text alone says, before the parameter resolver is asked. */
function useOfName(key: string): ColumnUse | null {
  if (pointHeaders.test(key)) return { kind: "point" };
  if (statusHeaders.test(key)) return { kind: "status" };
  if (skippedHeaders.test(key)) return { kind: "skipped" };
  if (remarkHeaders.test(key)) return { kind: "remark" };
  if (timeHeaders.test(key)) return { kind: "time", part: "datetime" };
  return null;
}

/**
 * The use of every column under one candidate header row. `columns` are the parameters 监测数据
 * has: a parameter it has no column for (Table 3's, say) is kept in 备注.
 */
function readColumns(
  headers: readonly string[],
  sheetParameters: ReadonlySet<ParameterKey>,
  headerRow: number,
): ExportColumn[] {
  const taken = new Set<ParameterKey>();
  const columns = headers.map((header, index): ExportColumn => {
    const key = headerKey(header);
    if (key === "") return { header, index, use: { kind: "remark" } };
    const named = useOfName(key);
    if (named !== null) return { header, index, use: named };
    const resolved = resolveParameterHeader(header.trim());
    if (resolved.kind === "problem") {
      if (resolved.code === "unknown_unit" || resolved.code === "unit_not_applicable") {
        const issue = engineIssue(resolved);
        return { header, index, use: refused(header, headerRow, "column_unit_unreadable", issue) };
      }
      return { header, index, use: { kind: "remark" } };
    }
    const parameter = resolved.parameter.key;
    if (!sheetParameters.has(parameter)) return { header, index, use: { kind: "remark" } };
    if (taken.has(parameter)) {
      return { header, index, use: refused(header, headerRow, "parameter_column_repeated") };
    }
    taken.add(parameter);
    return { header, index, use: { kind: "parameter", parameter, factor: resolved.factor } };
  });
  return splitTimeColumns(columns);
}

function refused(
  column: string,
  headerRow: number,
  code: "column_unit_unreadable" | "parameter_column_repeated",
  waterQuality?: WaterQualityIssue,
): ColumnUse {
  return {
    kind: "refused",
    issue: { code, row: headerRow + 1, column, ...(waterQuality === undefined ? {} : { waterQuality }) },
  };
}

/**
 * One time column is the sampling time. Two (采样日期 and 采样时间) are the day and the time of
 * day; more, or two of which neither names the day, leave the first as the time and keep the
 * others in 备注, never guessing which is meant.
 */
function splitTimeColumns(columns: ExportColumn[]): ExportColumn[] {
  const times = columns.filter((c) => c.use.kind === "time");
  if (times.length < 2) return columns;
  const day = times.find((c) => headerKey(c.header).includes("日期"));
  const clock = times.find((c) => c !== day && !headerKey(c.header).includes("日期"));
  const keep = day !== undefined && clock !== undefined ? [day, clock] : [times[0]];
  return columns.map((column) => {
    if (column.use.kind !== "time") return column;
    if (column === day && clock !== undefined) return { ...column, use: { kind: "time", part: "date" } };
    if (column === clock && day !== undefined) return { ...column, use: { kind: "time", part: "clock" } };
    return keep.includes(column) ? column : { ...column, use: { kind: "remark" } };
  });
}

function cellText(cell: ExportCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "string" ? cell.trim() : String(cell);
}

/** A row of units under the names: "mg/L", "(μg/L)", "无量纲", "℃" … and nothing else. */
const unitCell = /^[(（]?\s*(?:[^()（）\s/]{1,8}\/[^()（）\s]{1,8}|无量纲|℃|°C|个\/L)\s*[)）]?$/iu;

function isUnitRow(row: readonly ExportCell[]): boolean {
  const filled = row.map(cellText).filter((text) => text !== "");
  return filled.length >= 2 && filled.every((text) => unitCell.test(text));
}

/**
 * Finds the header row of an export below its title rows (the first of the first 30 rows that
 * names a point column and the most parameter columns), and says what each column is used for.
 * A header cell left blank takes the text above it (a header merged over two rows); a row of
 * units right below the names is read into them ("氨氮" over "mg/L" is "氨氮(mg/L)"). Returns the
 * problem `no_header_row` when no row qualifies.
 *
 * @example
 * readExportHeader([["柳州市水质月报"], ["断面名称", "监测时间", "氨氮(mg/L)"]], new Set(["nh3n"]))
 * // { firstRow: 1, lastRow: 1, columns: [point, time, parameter nh3n × 1] }
 */
export function readExportHeader(
  grid: readonly (readonly ExportCell[])[],
  sheetParameters: ReadonlySet<ParameterKey>,
): ExportHeader | ImportIssue {
  let best: ExportHeader | null = null;
  let bestScore = 0;
  const rows = Math.min(grid.length, headerSearchRows);
  for (let r = 0; r < rows; r += 1) {
    const row = grid[r] ?? [];
    const above = grid[r - 1] ?? [];
    const width = Math.max(row.length, above.length);
    const names = Array.from({ length: width }, (_, c) => cellText(row[c]) || cellText(above[c]));
    const units = grid[r + 1];
    const withUnits =
      units !== undefined && isUnitRow(units)
        ? names.map((name, c) => {
            const unit = cellText(units[c]);
            return unit === "" || name === "" ? name : `${name}(${unit.replace(/^[(（]|[)）]$/gu, "")})`;
          })
        : null;
    const columns = readColumns(withUnits ?? names, sheetParameters, r);
    const parameters = columns.filter((c) => c.use.kind === "parameter").length;
    const hasPoint = columns.some((c) => c.use.kind === "point");
    // The header is a row of names, not a row of data that happens to hold a point's name.
    if (!hasPoint || parameters === 0 || parameters <= bestScore) continue;
    best = { firstRow: r, lastRow: withUnits === null ? r : r + 1, columns };
    bestScore = parameters;
  }
  return best ?? { code: "no_header_row", row: null, count: headerSearchRows };
}
