import type { Locale } from "../../core/locale";
import type { AttainmentStatus } from "../../core/water-quality";
import { enUSMessages } from "./en-US";
import { zhCNMessages } from "./zh-CN";
import type { LimitPassed } from "../../hosts/xlsx/surveyPackage";
import type { AsOfReason, PublishedReason } from "../reportText";

/**
 * Every sentence the `water-plan` command prints, one file per language. Each is one line without
 * the trailing newline; paths are shown as the user typed them.
 */
export interface CliMessages {
  readonly programDescription: string;
  /** What `--version` prints: the program's name and its version ("0.1.0", from package.json). */
  version(version: string): string;
  readonly langOption: string;
  readonly generateDescription: string;
  readonly outOption: string;
  readonly planOption: string;

  generated(out: string, created: number, updated: number, keptEntries: number): string;
  /** Plan cells a user had typed over, restored: "附件1 任务清单!F8" with what each held. */
  planCellsRestored(cells: readonly { readonly where: string; readonly old: string }[]): string;
  outNotXlsx(out: string): string;
  outDirMissing(dir: string): string;
  outIsDirectory(out: string): string;
  outNotAWorkbook(out: string): string;
  /** Encrypted with a password (Excel's "Encrypt with Password"): ExcelJS cannot decrypt it. */
  outEncrypted(out: string): string;
  /** An Excel 97–2003 .xls (often renamed .xlsx). */
  outLegacyXls(out: string): string;
  /** Sizes in MB, already formatted ("50.0"). */
  outTooLarge(out: string, size: string, limit: string): string;
  /** A zip whose parts are broken: a download cut short, a damaged disk. */
  outDamaged(out: string): string;
  /**
   * A limit of the xlsx host's (xlsxLimits) passed: which, its value, and where (the sheet, and a
   * row number, a cell or a merged area), all as the refusal gives them.
   */
  outOverLimit(out: string, passed: LimitPassed): string;
  /** XML that declares a document type (and with it entities): no workbook holds it. */
  outXmlEntities(out: string): string;
  /** The output path is a file without write permission: it is left as it is. */
  outReadOnly(out: string): string;
  /** The output path is a symbolic link (to `target`): neither the link nor its target is replaced. */
  outSymlink(out: string, target: string): string;
  outUnreadable(out: string, reason: string): string;
  /** `existed`: a file was at the path before, and it is still as it was. */
  outUnwritable(out: string, reason: string, existed: boolean): string;
  planMissing(plan: string): string;
  planUnreadable(plan: string, reason: string): string;
  planNotJson(plan: string, reason: string): string;
  /** `problems` is already formatted in the user's language (formatPlanProblems). */
  planInvalid(plan: string, problems: string): string;
  excelRejected(reason: string): string;
  /** Sheets the write would change are protected (Review → Protect Sheet); nothing was written. */
  sheetsProtected(sheets: readonly string[]): string;
  /** The workbook changed between the read and the write (a host that can see it); nothing was written. */
  readonly workbookChanged: string;
  /** Why a file operation failed, from Node's error code ("EACCES"); the code itself when unknown. */
  fileReason(code: string | undefined): string;
  /** A bug, not the user's doing: still one line, never a stack trace. */
  internalError(reason: string): string;
  /** A `--lang` value that is not zh, en, zh-CN or en-US. */
  badLang(text: string): string;
  /** An option given without the value it needs ("--lang" at the end of the line). */
  missingOptionValue(option: string): string;

  readonly validateDescription: string;
  readonly bookArgument: string;
  readonly markedOutOption: string;
  readonly jsonOption: string;
  readonly todayOption: string;
  readonly publishedOption: string;
  inputMissing(book: string): string;
  inputIsDirectory(book: string): string;
  inputNotXlsx(book: string): string;
  badDate(option: string, value: string): string;
  noPlanSheets(book: string): string;
  summarySheetTaken(sheet: string): string;
  /** The closing line of a validation: counts and where the marked workbook went (or null: not written). */
  validated(book: string, errors: number, warnings: number, out: string | null): string;
  /**
   * The end of `npm run demo`: where the example workbook is, its counts, and what to do next
   * (open it in Excel, WPS or LibreOffice and read `noteSheet` first; `npm run preview`; validate
   * one's own workbook). Several lines.
   */
  demoFinished(path: string, errors: number, warnings: number, noteSheet: string): string;
  /** Headings and column names of the terminal report. */
  readonly report: {
    /** The report's first lines: the plan, the as-of day and the publication date, each with its reason. */
    readonly heading: {
      plan(title: string): string;
      asOf(date: string, reason: AsOfReason): string;
      /** `date` null: not set (the line says where to set it). */
      published(date: string | null, reason: PublishedReason): string;
    };
    readonly goals: string;
    readonly points: string;
    readonly indicators: string;
    readonly tasks: string;
    readonly issues: string;
    readonly noIssues: string;
    readonly columns: {
      readonly goal: readonly [string, string, string, string];
      readonly point: readonly [string, string, string, string, string, string];
      readonly indicator: readonly [string, string, string, string, string];
      readonly taskCounts: readonly [string, string, string, string, string, string];
      readonly issue: readonly [string, string, string];
    };
    readonly severity: { readonly error: string; readonly warning: string };
  };

  /** The sentences of `water-plan classify`. */
  readonly classify: ClassifyMessages;

  /** The words commander would otherwise print in English: the help's frame and the usage errors. */
  readonly commandLine: CommandLineMessages;
}

/**
 * Commander's own texts in the user's language (localizedHelp.ts, localizedCommand.ts). Every
 * usage error is one line; `command` is the command as a user types it ("water-plan validate").
 */
export interface CommandLineMessages {
  /** The first line of every help text. */
  usage(usageLine: string): string;
  readonly headings: {
    readonly arguments: string;
    readonly options: string;
    readonly globalOptions: string;
    readonly commands: string;
  };
  /** `[options]` and `[command]` in a usage line. */
  readonly optionsTerm: string;
  readonly commandTerm: string;
  /** The names of values in option and argument terms: `--out <文件>`, `<工作簿>`. */
  readonly placeholders: {
    readonly file: string;
    readonly date: string;
    readonly book: string;
    readonly lang: string;
    readonly command: string;
    readonly waterbody: string;
    readonly targetClass: string;
    readonly assignments: string;
  };
  readonly helpOption: string;
  readonly helpCommand: string;
  readonly versionOption: string;
  /** `commands` are the program's commands, `suggestion` commander's guess at the one meant. */
  unknownCommand(name: string, suggestion: string | undefined, commands: readonly string[]): string;
  unknownOption(option: string, suggestion: string | undefined, command: string): string;
  /** `usage` is the command's usage line ("water-plan validate [选项] <工作簿>"). */
  missingArgument(argument: string, usage: string): string;
  /** A required option (`generate --out`) not given; `description` is the option's help. */
  missingOption(command: string, option: string, description: string): string;
  tooManyArguments(command: string, expected: number, received: number): string;
  /** Anything else commander refuses (none of this program's options leads here); `detail` is commander's English. */
  otherUsageError(command: string, detail: string): string;
}

/** What `water-plan classify` prints: its help, its usage problems and the lines of its report. */
export interface ClassifyMessages {
  readonly description: string;
  readonly assignmentsArgument: string;
  readonly waterbodyOption: string;
  readonly targetOption: string;
  readonly sourceOption: string;
  readonly jsonOption: string;
  /** Shown only where the program has no global `--lang` (classify registered on its own). */
  readonly langOption: string;
  noAssignments(): string;
  notAnAssignment(text: string): string;
  duplicateParameter(name: string): string;
  badWaterbody(text: string): string;
  inAssignment(assignment: string, message: string): string;
  classLine(waterClass: string): string;
  readonly noData: string;
  readonly noClass: string;
  readonly notMonitored: string;
  readonly mayBeBetter: string;
  /** The class rests on fewer items than the core set (pH, DO, CODMn, NH3-N, TP). */
  readonly coreItemsMissing: (items: number, missing: string) => string;
  mainPollutants(list: string): string;
  readonly none: string;
  target(target: string, status: string): string;
  source(status: string): string;
  readonly status: Readonly<Record<AttainmentStatus, string>>;
  /** One indented line under a verdict: the parameter and what is wrong with it. */
  exceedance(name: string, detail: string): string;
  multiple(value: string): string;
  shortfall(value: string): string;
  belowDetectionLimit(detectionLimit: string, limit: string): string;
  readonly outOfRange: string;
  warning(message: string): string;
}

const byLocale: Readonly<Record<Locale, CliMessages>> = { "zh-CN": zhCNMessages, "en-US": enUSMessages };

/**
 * The command line's messages in one language.
 *
 * @example
 * cliMessages("en-US").outDirMissing("out") // "The folder out does not exist; …"
 */
export function cliMessages(locale: Locale): CliMessages {
  return byLocale[locale];
}
