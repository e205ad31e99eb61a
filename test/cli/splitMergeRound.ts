import { type Protection, Workbook, type Worksheet } from "exceljs";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { planInScope, type ScopeBy } from "../../src/core/plan/planScope";
import type { AnySheetSpec } from "../../src/workbook/sheetSpec";
import { workbookSpec } from "../../src/workbook/workbookSpec";

/*
 * A unit filling its split workbook as a user does in Excel (ExcelJS editing the file: only the
 * cells left unlocked, dropdown choices and dates as Excel stores them), and reading workbooks back
 * by row identity, for the split → fill → merge round (issue 16).
 */

/** Header row of every plan sheet (title, legend, headers). */
const headerRow = 3;

export const planSheets: readonly AnySheetSpec[] = workbookSpec(plan).filter((s) => s.key !== "monitoring");
export const monitoringSpec = workbookSpec(plan).find((s) => s.key === "monitoring") as AnySheetSpec;

/** A value a unit typed: where (sheet, row identity, column key) and what. */
export interface Typed {
  readonly unit: string;
  readonly sheet: string;
  /** The row's identity as merge keys it: "5", "露塘", "5|生活污水集中收集率". */
  readonly identity: string;
  readonly column: string;
  readonly value: string | number | Date;
  /** "fill": an empty cell filled; "change": a value the city's workbook had, changed. */
  readonly kind: "fill" | "change";
}

/** A monitoring row a unit added. */
export interface Sample {
  readonly unit: string;
  readonly point: string;
  readonly date: Date;
  readonly ph: number;
  readonly nh3n: number;
}

/** A cell's value in a comparable form: dates as yyyy-mm-dd, rich text as text, numbers as numbers. */
export function norm(value: unknown): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "object" && "richText" in value) {
    return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  }
  if (typeof value === "object" && "result" in value) return norm(value.result);
  return JSON.stringify(value);
}

/** An Excel date serial (as a streamed read gives it) or a Date, as yyyy-mm-dd; other values as norm. */
export function normEntry(column: string, value: unknown): string | number | null {
  const dateColumn = column === "completedOn" || column === "milestonesDoneOn" || column === "sampledOn";
  if (dateColumn && typeof value === "number") {
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
  }
  return norm(value);
}

/** One-based columns of a sheet's headers, by the spec's column keys (headers compared without spaces). */
export function columnsOf(sheet: Worksheet, spec: AnySheetSpec): Map<string, number> {
  const byHeader = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => byHeader.set(cell.text.replace(/\s+/g, ""), col));
  const columns = new Map<string, number>();
  for (const column of spec.columns) {
    const col = byHeader.get(column.header["zh-CN"].replace(/\s+/g, ""));
    if (col !== undefined) columns.set(column.key, col);
  }
  return columns;
}

/** Columns a user added to a plan sheet (headers the spec does not have), by "extra:header". */
export function userColumnsOf(sheet: Worksheet, spec: AnySheetSpec): Map<string, number> {
  const known = new Set(spec.columns.map((c) => c.header["zh-CN"].replace(/\s+/g, "")));
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => {
    const text = cell.text.replace(/\s+/g, "");
    if (text !== "" && !known.has(text)) columns.set(`extra:${cell.text.trim()}`, col);
  });
  return columns;
}

/** Every column a unit may type into: the entry columns and the users' own, by key. */
export function typedColumnsOf(sheet: Worksheet, spec: AnySheetSpec): Map<string, number> {
  const columns = columnsOf(sheet, spec);
  const typed = new Map<string, number>();
  for (const column of spec.columns) {
    const col = columns.get(column.key);
    if (column.kind === "entry" && col !== undefined) typed.set(column.key, col);
  }
  for (const [key, col] of userColumnsOf(sheet, spec)) typed.set(key, col);
  return typed;
}

/** Each data row of a plan sheet by its identity, with its one-based row number. */
export function rowsOf(sheet: Worksheet, spec: AnySheetSpec): Map<string, number> {
  const columns = columnsOf(sheet, spec);
  const rows = new Map<string, number>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const parts = spec.identity.map((key) => norm(sheet.getCell(r, columns.get(key) ?? 0).value));
    if (parts.every((p) => p === null)) continue;
    rows.set(parts.map((p) => String(p ?? "")).join("|"), r);
  }
  return rows;
}

/** Every non-empty entry cell of the plan sheets, by "sheet|identity|column". */
export function entryCells(book: Workbook): Map<string, string | number> {
  const cells = new Map<string, string | number>();
  for (const spec of planSheets) {
    const sheet = book.getWorksheet(spec.name["zh-CN"]);
    if (sheet === undefined) continue;
    const columns = typedColumnsOf(sheet, spec);
    for (const [identity, r] of rowsOf(sheet, spec)) {
      for (const [key, col] of columns) {
        const value = norm(sheet.getCell(r, col).value);
        if (value !== null) cells.set(`${spec.name["zh-CN"]}|${identity}|${key}`, value);
      }
    }
  }
  return cells;
}

export async function load(file: string): Promise<Workbook> {
  const book = new Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** Whether a user may type into the cell on its protected sheet (ExcelJS gives a locked cell no protection). */
function unlocked(sheet: Worksheet, row: number, col: number): boolean {
  return (sheet.getCell(row, col).protection as Partial<Protection> | undefined)?.locked === false;
}

/** The value a careful unit types into an entry column: the same for every unit, but for progress texts. */
export function valueFor(
  spec: AnySheetSpec,
  column: string,
  identity: string,
  unit: string,
): string | number | Date {
  const n = Number.parseInt(identity, 10) || identity.length;
  const day = (offset: number): Date => new Date(Date.UTC(2023, 4, 1 + ((n + offset) % 28)));
  switch (column) {
    case "status":
      return ["未启动", "推进中", "已完成"][n % 3] ?? "推进中";
    case "completedOn":
      return day(0);
    case "milestonesDoneOn":
      return day(3);
    case "progress":
      return `${unit}第${identity}项：已开展排查整治`;
    case "measuredClass":
      return spec.key === "nationalSections" ? "Ⅱ类" : "Ⅲ类";
    case "surveyDone":
      return "是";
    case "outfalls":
      return 6;
    case "traced":
      return 4;
    case "remediationTasks":
      return 3;
    case "remediated":
      return 2;
    case "actual":
      return 40 + (n % 7);
    case "baseValue":
      return 100;
    case "reduction":
      return 5;
    case "remark":
      return "2023年上半年统计";
    default:
      // A column of the city's own, sent unlocked: the unit notes something there.
      if (column.startsWith("extra:")) return "已核实";
      throw new Error(`no value for ${spec.key}.${column}`);
  }
}

/** Where the deliberate conflicts go; a value in `overrides` ("sheet|identity|column") replaces valueFor's. */
export interface FillOptions {
  readonly overrides?: ReadonlyMap<string, string | number | Date>;
  /** Fill only the first empty unlocked cell of each sheet (the light check over every unit). */
  readonly light?: boolean;
  /** Change the pH of a monitoring row the city sent, and fill an empty parameter of it. */
  readonly editSample?: boolean;
}

/** A monitoring row the city sent that a unit edited: its pH changed, an empty parameter filled. */
export interface SampleEdit {
  readonly unit: string;
  readonly point: string;
  /** yyyy-mm-dd */
  readonly date: string;
  readonly ph: { readonly city: number; readonly unit: number };
  readonly filled: { readonly column: string; readonly value: number };
}

/**
 * Fills a unit's workbook in place: every empty unlocked entry cell (or one per sheet, light), the
 * overrides (changing a value the city had where one is named there), and two monitoring rows for
 * the unit's first point when it has points. Returns what was typed and the rows added.
 */
export async function fillReturn(
  file: string,
  unit: string,
  by: ScopeBy,
  options: FillOptions = {},
): Promise<{ typed: Typed[]; samples: Sample[]; edit: SampleEdit | null }> {
  const book = await load(file);
  const typed: Typed[] = [];
  for (const spec of planSheets) {
    const name = spec.name["zh-CN"];
    const sheet = book.getWorksheet(name);
    if (sheet === undefined) continue;
    const columns = typedColumnsOf(sheet, spec);
    let done = false;
    for (const [identity, r] of rowsOf(sheet, spec)) {
      for (const [columnKey, col] of columns) {
        if (done || !unlocked(sheet, r, col)) continue;
        const cell = sheet.getCell(r, col);
        const key = `${name}|${identity}|${columnKey}`;
        const override = options.overrides?.get(key);
        const empty = norm(cell.value) === null;
        if (override === undefined && !empty) continue;
        const value = override ?? valueFor(spec, columnKey, identity, unit);
        cell.value = value;
        typed.push({
          unit,
          sheet: name,
          identity,
          column: columnKey,
          value,
          kind: empty ? "fill" : "change",
        });
        if (options.light === true) done = true;
      }
    }
  }
  const edit = options.editSample === true ? editSample(book, unit) : null;
  const samples = addSamples(book, unit, by);
  await book.xlsx.writeFile(file);
  return { typed, samples, edit };
}

/** Edits the first monitoring row (alone on its point and day, with a pH) that has an empty total-nitrogen cell. */
function editSample(book: Workbook, unit: string): SampleEdit | null {
  const sheet = book.getWorksheet(monitoringSpec.name["zh-CN"]);
  if (sheet === undefined) return null;
  const columns = columnsOf(sheet, monitoringSpec);
  const col = (key: string): number => columns.get(key) ?? 0;
  const days = new Map<string, number>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const key = `${norm(sheet.getCell(r, col("point")).value)}|${normEntry("sampledOn", sheet.getCell(r, col("sampledOn")).value)}`;
    days.set(key, (days.get(key) ?? 0) + 1);
  }
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const point = norm(sheet.getCell(r, col("point")).value);
    const date = normEntry("sampledOn", sheet.getCell(r, col("sampledOn")).value);
    const ph = sheet.getCell(r, col("param:ph")).value;
    const tn = sheet.getCell(r, col("param:tn"));
    if (typeof point !== "string" || typeof date !== "string" || typeof ph !== "number") continue;
    if (days.get(`${point}|${date}`) !== 1 || norm(tn.value) !== null) continue;
    const changed = Math.round((ph + 0.4) * 100) / 100;
    sheet.getCell(r, col("param:ph")).value = changed;
    tn.value = 1.23;
    return {
      unit,
      point,
      date,
      ph: { city: ph, unit: changed },
      filled: { column: "param:tn", value: 1.23 },
    };
  }
  return null;
}

/** A monitoring row's cell by point, day and column key, or undefined when the row is not there. */
export function sampleCell(book: Workbook, point: string, date: string, column: string): unknown {
  const sheet = book.getWorksheet(monitoringSpec.name["zh-CN"]);
  if (sheet === undefined) return undefined;
  const columns = columnsOf(sheet, monitoringSpec);
  const col = (key: string): number => columns.get(key) ?? 0;
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    if (norm(sheet.getCell(r, col("point")).value) !== point) continue;
    if (normEntry("sampledOn", sheet.getCell(r, col("sampledOn")).value) !== date) continue;
    return sheet.getCell(r, col(column)).value;
  }
  return undefined;
}

/** Two samples for the unit's first point, on days the workbook has none for it. */
function addSamples(book: Workbook, unit: string, by: ScopeBy): Sample[] {
  const scoped = planInScope(plan, { by, unit });
  const [point] = [
    ...scoped.nationalSections,
    ...scoped.regionalSections,
    ...scoped.municipalSources,
    ...scoped.countySources,
  ];
  const sheet = book.getWorksheet(monitoringSpec.name["zh-CN"]);
  if (point === undefined || sheet === undefined) return [];
  const columns = columnsOf(sheet, monitoringSpec);
  const col = (key: string): number => columns.get(key) ?? 0;
  const taken = new Set<string>();
  let last = headerRow;
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const name = norm(sheet.getCell(r, col("point")).value);
    if (name === null) continue;
    last = r;
    taken.add(`${name}|${normEntry("sampledOn", sheet.getCell(r, col("sampledOn")).value)}`);
  }
  const samples: Sample[] = [];
  for (let day = 1; day <= 28 && samples.length < 2; day++) {
    const date = new Date(Date.UTC(2023, 5, day));
    if (taken.has(`${point.name}|${date.toISOString().slice(0, 10)}`)) continue;
    samples.push({
      unit,
      point: point.name,
      date,
      ph: 7.1 + samples.length / 10,
      nh3n: 0.21 + samples.length / 100,
    });
  }
  samples.forEach((sample, i) => {
    const r = last + 1 + i;
    sheet.getCell(r, col("point")).value = sample.point;
    sheet.getCell(r, col("sampledOn")).value = sample.date;
    sheet.getCell(r, col("param:ph")).value = sample.ph;
    sheet.getCell(r, col("param:nh3n")).value = sample.nh3n;
  });
  return samples;
}

/** The monitoring rows of a workbook as "point|yyyy-mm-dd|ph|nh3n". */
export function sampleRows(book: Workbook): string[] {
  const sheet = book.getWorksheet(monitoringSpec.name["zh-CN"]);
  if (sheet === undefined) return [];
  const columns = columnsOf(sheet, monitoringSpec);
  const col = (key: string): number => columns.get(key) ?? 0;
  const rows: string[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const point = norm(sheet.getCell(r, col("point")).value);
    if (point === null) continue;
    const cells = ["sampledOn", "param:ph", "param:nh3n"].map((k) =>
      normEntry(k, sheet.getCell(r, col(k)).value),
    );
    rows.push([point, ...cells].join("|"));
  }
  return rows;
}

export function sampleKey(sample: Sample): string {
  return [sample.point, sample.date.toISOString().slice(0, 10), sample.ph, sample.nh3n].join("|");
}
