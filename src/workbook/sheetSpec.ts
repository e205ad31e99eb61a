import type { Locale, LocalizedText } from "../core/locale";
import type { CellValue, ValidationRule } from "./layout";

/** The sheets the add-in makes, by stable key (sheet names are localized; keys are not). */
export type SheetKey =
  | "tasks"
  | "nationalSections"
  | "regionalSections"
  | "municipalSources"
  | "countySources"
  | "outfallRivers"
  | "monitoring"
  | "indicators";

/**
 * Plan columns hold the plan's data and are rewritten on every generation; entry columns hold what
 * staff report and are kept; computed columns are the add-in's own, filled by validation (computed
 * class, attainment, overdue) and blank after a generation until the next validation.
 */
export type ColumnKind = "plan" | "entry" | "computed";

export interface ColumnSpec<Row> {
  /** Stable key, used to match a column when reading a sheet back in either language. */
  readonly key: string;
  readonly header: LocalizedText;
  /** Headers earlier versions wrote, still read back as this column (a workbook made before keeps its entries). */
  readonly formerHeaders?: readonly string[];
  readonly kind: ColumnKind;
  /** Width in characters. */
  readonly width: number;
  readonly numberFormat?: string;
  readonly wrap?: boolean;
  /** Plan columns: the cell's value for a plan row. */
  readonly value?: (row: Row, locale: Locale) => CellValue;
  /** Plan columns: what earlier versions wrote there, still the plan's words (not a user's change). */
  readonly formerValue?: (row: Row) => CellValue;
  /**
   * Plan columns: true on rows whose cell validation itself rewrites from a setting it may be given
   * for one run (task 44's 截止日期 from the publication date): whatever it holds is no user's change.
   */
  readonly setByValidation?: (row: Row) => boolean;
  /** Entry columns: the data validation of the column's entry cells. */
  readonly validation?: EntryValidation;
  /** Entry columns: whether the row takes an entry here (default: every row). Cells that do not are shown as plan cells. */
  readonly appliesTo?: (row: Row) => boolean;
}

export interface EntryValidation {
  readonly rule: (locale: Locale) => ValidationRule;
  /** The dropdown's choices in both languages, so that entries follow the sheet's language. */
  readonly choices?: readonly LocalizedText[];
  readonly message: LocalizedText;
  /** Free-text entry columns ("0.01L") warn; closed lists stop. */
  readonly errorStyle: "stop" | "warning";
}

/**
 * A worksheet the add-in makes, declared as data: its name, title, columns and where its rows
 * come from. `buildSheetLayout` turns a spec plus the entries read back into a SheetLayout.
 */
export interface SheetSpec<Row> {
  readonly key: SheetKey;
  readonly name: LocalizedText;
  /** The title written in A1. */
  readonly title: LocalizedText;
  /** The note written in A2 (legend and the appendix's 注). */
  readonly note: LocalizedText;
  /** Workbook-unique Excel Table name. */
  readonly tableName: string;
  readonly columns: readonly ColumnSpec<Row>[];
  /** The plan's rows; [] for a sheet that holds entries only. */
  readonly rows: readonly Row[];
  /**
   * Column keys whose values identify a row (task number, section name, task + indicator).
   * Empty for a sheet whose rows are all entries (monitoring data): its rows are kept in order.
   */
  readonly identity: readonly string[];
  /**
   * Identities a plan row had in workbooks made by earlier versions, matched as its own so their
   * entries stay with it (task 15's first half was the whole target's row, "15|入河排污口抽查比例").
   */
  readonly formerIdentities?: (row: Row) => readonly string[];
  /** Columns frozen at the left beside the header rows. */
  readonly freezeColumns: number;
  readonly tabColor: string;
  /**
   * Pages across the sheet prints on: 1 for a table read row by row (all columns on one page), 2
   * for monitoring data (29 parameters), whose frozen identity columns repeat on each page.
   */
  readonly pagesWide: number;
}

/** Any sheet spec, whatever its row type (the row type matters only inside the spec). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list of specs; each spec is type-checked where it is built
export type AnySheetSpec = SheetSpec<any>;

/** The three rows above a table: title, note, header. */
export const headerRowIndex = 2;
export const firstDataRowIndex = 3;

/** Colours that tell plan cells from entry cells, in one place. */
export const palette = {
  planHeaderFill: "#1F4E79",
  entryHeaderFill: "#806000",
  headerFont: "#FFFFFF",
  planCellFill: "#EDEDED",
  planCellFont: "#262626",
  entryCellFill: "#FFF8DC",
  noteFont: "#595959",
  planTab: "#1F4E79",
  entryTab: "#BF8F00",
  computedHeaderFill: "#375623",
  computedCellFill: "#E2EFDA",
  /** Rows the plan no longer has, kept because they hold entries. */
  orphanFill: "#FCE4D6",
  /** Validation's marks and the summary's status colours (Excel's own Good / Bad / Neutral styles). */
  errorFill: "#FFC7CE",
  warningFill: "#FFEB9C",
  metFill: "#C6EFCE",
  noDataFill: "#D9D9D9",
} as const;
