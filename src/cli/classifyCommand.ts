import { type Command, Option } from "commander";
import type { Locale } from "../core/locale";
import {
  type AttainmentStatus,
  classifySample,
  type DrinkingWaterSourceJudgement,
  type Exceedance,
  findMainPollutants,
  formatWaterClass,
  formatWaterQualityIssue,
  getParameter,
  judgeAttainment,
  judgeDrinkingWaterSource,
  type MeasuredValue,
  type ParameterJudgement,
  type ParameterKey,
  parseMeasuredValue,
  parseTargetClass,
  resolveParameterHeader,
  type SampleJudgement,
  type SampleValues,
  type SourceItemExceedance,
  type WaterClass,
  type Waterbody,
  type WaterQualityIssue,
} from "../core/water-quality";
import { type CliIo, exitCodes, localeFromLangOption } from "./cliIo";

/**
 * The sentences of `water-plan classify`. They live here rather than in `messages/` because that
 * folder belongs to the program's shared messages; each is one line without the newline.
 */
interface ClassifyMessages {
  readonly description: string;
  readonly assignmentsArgument: string;
  readonly waterbodyOption: string;
  readonly targetOption: string;
  readonly sourceOption: string;
  readonly jsonOption: string;
  readonly langOption: string;
  noAssignments(): string;
  notAnAssignment(text: string): string;
  duplicateParameter(name: string): string;
  badWaterbody(text: string): string;
  badLang(text: string): string;
  missingOptionValue(option: string): string;
  inAssignment(assignment: string, message: string): string;
  classLine(waterClass: string): string;
  noData: string;
  noClass: string;
  notMonitored: string;
  mayBeBetter: string;
  mainPollutants(list: string): string;
  none: string;
  target(target: string, status: string): string;
  source(status: string): string;
  status: Readonly<Record<AttainmentStatus, string>>;
  exceedance(name: string, detail: string): string;
  multiple(value: string): string;
  shortfall(value: string): string;
  belowDetectionLimit(detectionLimit: string, limit: string): string;
  outOfRange: string;
  warning(message: string): string;
}

const zhCN: ClassifyMessages = {
  description: "按 GB 3838-2002 判定一个水样的水质类别",
  assignmentsArgument: "监测项目=数值，例如 氨氮=0.8 DO=6 pH=7.2 总磷=0.02L",
  waterbodyOption: "水体类型：river（河流，默认）或 lake（湖库）",
  targetOption: "水质目标，例如 Ⅲ类、达到或好于Ⅲ类",
  sourceOption: "按集中式饮用水水源判定（Ⅲ类及表2、表3限值）",
  jsonOption: "以 JSON 输出",
  langOption: "消息语言：zh（中文，默认）或 en（英文）",
  noAssignments: () => "请至少给出一个“监测项目=数值”，例如 water-plan classify 氨氮=0.8 DO=6",
  notAnAssignment: (text) => `“${text}”不是“监测项目=数值”的形式，例如 氨氮=0.8`,
  duplicateParameter: (name) => `监测项目“${name}”给出了不止一次`,
  badWaterbody: (text) => `水体类型“${text}”无效：请使用 river（河流）或 lake（湖库）`,
  badLang: (text) => `语言“${text}”无效：请使用 zh 或 en`,
  missingOptionValue: (option) => `选项 ${option} 缺少取值`,
  inAssignment: (assignment, message) => `${assignment}：${message}`,
  classLine: (waterClass) => `水质类别：${waterClass}`,
  noData: "无数据（未给出参与评价的 21 项指标）",
  noClass: "不分类",
  notMonitored: "未监测",
  mayBeBetter: "（检出限偏高，可能更好）",
  mainPollutants: (list) => `主要污染指标：${list}`,
  none: "无",
  target: (target, status) => `水质目标 ${target}：${status}`,
  source: (status) => `饮用水水源（Ⅲ类及表2、表3限值）：${status}`,
  status: { met: "达标", not_met: "未达标", cannot_judge: "无法判定", no_data: "无数据" },
  exceedance: (name, detail) => `  ${name}：${detail}`,
  multiple: (value) => `超标 ${value} 倍`,
  shortfall: (value) => `低于目标 ${value} mg/L`,
  belowDetectionLimit: (detectionLimit, limit) =>
    `低于检出限 ${detectionLimit} mg/L，未达到 ${limit} mg/L（差值无法计算）`,
  outOfRange: "超出 6～9",
  warning: (message) => `注意：${message}`,
};

const enUS: ClassifyMessages = {
  description: "Classify one water sample by GB 3838-2002",
  assignmentsArgument: "PARAMETER=VALUE pairs, e.g. 氨氮=0.8 DO=6 pH=7.2 总磷=0.02L",
  waterbodyOption: "water body: river (default) or lake (lakes and reservoirs)",
  targetOption: "target class, e.g. Ⅲ类 or 达到或好于Ⅲ类",
  sourceOption: "judge as a concentrated drinking-water source (Class III plus Tables 2 and 3)",
  jsonOption: "print JSON",
  langOption: "message language: zh (Chinese, default) or en (English)",
  noAssignments: () => "Give at least one PARAMETER=VALUE, e.g. water-plan classify NH3-N=0.8 DO=6",
  notAnAssignment: (text) => `"${text}" is not of the form PARAMETER=VALUE, e.g. NH3-N=0.8`,
  duplicateParameter: (name) => `The parameter "${name}" is given more than once`,
  badWaterbody: (text) => `Invalid water body "${text}": use river or lake`,
  badLang: (text) => `Invalid language "${text}": use zh or en`,
  missingOptionValue: (option) => `The option ${option} needs a value`,
  inAssignment: (assignment, message) => `${assignment}: ${message}`,
  classLine: (waterClass) => `Water class: ${waterClass}`,
  noData: "no data (none of the 21 evaluation parameters given)",
  noClass: "no class",
  notMonitored: "not monitored",
  mayBeBetter: " (detection limit too high: may be better)",
  mainPollutants: (list) => `Main pollutants: ${list}`,
  none: "none",
  target: (target, status) => `Target ${target}: ${status}`,
  source: (status) => `Drinking-water source (Class III plus Tables 2 and 3): ${status}`,
  status: { met: "met", not_met: "not met", cannot_judge: "cannot be judged", no_data: "no data" },
  exceedance: (name, detail) => `  ${name}: ${detail}`,
  multiple: (value) => `exceeds by ${value} times`,
  shortfall: (value) => `${value} mg/L below target`,
  belowDetectionLimit: (detectionLimit, limit) =>
    `below the detection limit ${detectionLimit} mg/L, so under ${limit} mg/L (shortfall unknown)`,
  outOfRange: "outside 6–9",
  warning: (message) => `Warning: ${message}`,
};

const messagesFor = (locale: Locale): ClassifyMessages => (locale === "zh-CN" ? zhCN : enUS);

/** The values `--lang` accepts, on `classify` or on the program. */
export const langChoices: readonly string[] = ["zh", "en", "zh-CN", "en-US"];

/**
 * The one-line message for a `--lang` value that is not one of `langChoices`, or `undefined` when
 * the value is fine. `true` is `--lang` given without a value. Shared with the program's global
 * `--lang` (main.ts), so every command refuses a language the same way, in the user's language.
 *
 * @example
 * describeLangProblem("fr", "zh-CN") // "语言“fr”无效：请使用 zh 或 en"
 * describeLangProblem("en", "zh-CN") // undefined
 */
export function describeLangProblem(value: string | true, locale: Locale): string | undefined {
  const messages = messagesFor(locale);
  if (value === true) return messages.missingOptionValue("--lang");
  return langChoices.includes(value) ? undefined : messages.badLang(value);
}

/** The options of `classify` after commander; `true` is an option given without its value. */
interface ClassifyOptions {
  readonly waterbody?: string | true | undefined;
  readonly target?: string | true | undefined;
  readonly source?: boolean | undefined;
  readonly json?: boolean | undefined;
  readonly lang?: string | true | undefined;
}

/** A request that passed every check. */
interface ClassifyRequest {
  readonly sample: SampleValues;
  /** The parameters in the order given, with what the user typed. */
  readonly given: readonly { readonly key: ParameterKey; readonly measured: MeasuredValue }[];
  readonly waterbody: Waterbody;
  readonly target: WaterClass | undefined;
  readonly source: boolean;
  readonly json: boolean;
}

/** A usage problem, worded for the user: the command prints it and ends with exit code 2. */
class UsageProblem extends Error {
  override readonly name = "UsageProblem";
}

/**
 * Adds `water-plan classify PARAM=VALUE ... [--waterbody river|lake] [--target CLASS] [--source]
 * [--json] [--lang zh|en]` to the program. Parameters by any alias (`氨氮=0.8 DO=6 pH=7.2
 * 总磷=0.02L`), a unit may follow the name (`汞(μg/L)=0.05`). Prints the sample's class, each
 * parameter's class, the main pollutants, and with `--target` / `--source` the verdicts (`--json`
 * rounds multiples and shortfalls to at most 4 decimals). Bad input: one line on stderr and exit
 * code 2; it never throws.
 *
 * Every option takes an optional value and unknown options reach the action, so commander itself
 * never fails on this command: every usage problem gets this command's own one-line message.
 *
 * @example
 * registerClassify(program, io);
 * await program.parseAsync(["classify", "氨氮=0.8", "DO=6", "--target", "Ⅲ类"], { from: "user" });
 */
export function registerClassify(program: Command, io: CliIo): void {
  const programLang = program.getOptionValue("lang") as unknown;
  const help = messagesFor(localeFromLangOption(typeof programLang === "string" ? programLang : undefined));
  const command = program
    .command("classify")
    .description(help.description)
    .argument("[assignments...]", help.assignmentsArgument)
    .option("--waterbody [type]", help.waterbodyOption)
    .option("--target [class]", help.targetOption)
    .option("--source", help.sourceOption)
    .option("--json", help.jsonOption)
    .allowUnknownOption()
    .allowExcessArguments()
    .configureOutput({
      writeOut: (text) => {
        io.stdout(text);
      },
      writeErr: (text) => {
        io.stderr(text);
      },
    });
  // The program may already define a global --lang (main.ts); otherwise the command takes its own.
  if (!program.options.some((option) => option.long === "--lang")) {
    command.addOption(new Option("--lang [lang]", help.langOption));
  }
  command.action((assignments: string[], options: ClassifyOptions, self: Command) => {
    const all = self.optsWithGlobals<ClassifyOptions>();
    runClassify(assignments, { ...options, lang: options.lang ?? all.lang }, io);
  });
}

/**
 * Runs `classify` on its arguments and options: prints the report and sets the exit code (0, or 2
 * with one line on stderr). Never throws.
 *
 * @example
 * runClassify(["氨氮=0.8", "DO=6"], { json: true }, io);
 */
export function runClassify(assignments: readonly string[], options: ClassifyOptions, io: CliIo): void {
  const langText = options.lang === true ? "" : options.lang;
  const locale = localeFromLangOption(langText);
  const messages = messagesFor(locale);
  try {
    const langProblem = options.lang === undefined ? undefined : describeLangProblem(options.lang, locale);
    if (langProblem !== undefined) throw new UsageProblem(langProblem);
    const request = readRequest(assignments, options, locale, messages);
    const judgement = classifySample(request.sample, request.waterbody);
    const report = request.json
      ? `${JSON.stringify(buildJson(request, judgement, locale), null, 2)}\n`
      : formatText(request, judgement, locale, messages);
    io.stdout(report);
    io.setExitCode(exitCodes.ok);
  } catch (error) {
    const line = error instanceof Error ? error.message : String(error);
    io.stderr(`${line.replace(/\s*\n\s*/gu, " ")}\n`);
    io.setExitCode(exitCodes.usage);
  }
}

function readRequest(
  assignments: readonly string[],
  options: ClassifyOptions,
  locale: Locale,
  messages: ClassifyMessages,
): ClassifyRequest {
  if (options.waterbody === true) throw new UsageProblem(messages.missingOptionValue("--waterbody"));
  if (options.target === true) throw new UsageProblem(messages.missingOptionValue("--target"));
  const waterbody = options.waterbody ?? "river";
  if (waterbody !== "river" && waterbody !== "lake") throw new UsageProblem(messages.badWaterbody(waterbody));
  let target: WaterClass | undefined;
  if (options.target !== undefined) {
    const parsed = parseTargetClass(options.target);
    if (parsed.kind === "problem") throw new UsageProblem(formatWaterQualityIssue(parsed, locale));
    target = parsed.waterClass;
  }
  if (assignments.length === 0) throw new UsageProblem(messages.noAssignments());

  const sample: Partial<Record<ParameterKey, MeasuredValue>> = {};
  const given: { key: ParameterKey; measured: MeasuredValue }[] = [];
  for (const assignment of assignments) {
    const match = /^([^=＝]+)[=＝](.*)$/su.exec(assignment);
    if (match === null || assignment.startsWith("-"))
      throw new UsageProblem(messages.notAnAssignment(assignment));
    const resolved = resolveParameterHeader(match[1] ?? "");
    if (resolved.kind === "problem") {
      throw new UsageProblem(messages.inAssignment(assignment, formatWaterQualityIssue(resolved, locale)));
    }
    const key = resolved.parameter.key;
    if (sample[key] !== undefined) {
      throw new UsageProblem(messages.duplicateParameter(parameterName(key, locale)));
    }
    const parsed = parseMeasuredValue(match[2] ?? "");
    if (parsed.kind === "problem") {
      throw new UsageProblem(messages.inAssignment(assignment, formatWaterQualityIssue(parsed, locale)));
    }
    const measured = scale(parsed, resolved.factor);
    sample[key] = measured;
    given.push({ key, measured });
  }
  return { sample, given, waterbody, target, source: options.source === true, json: options.json === true };
}

/** Converts a value read under a header unit into the parameter's display unit. */
function scale(measured: MeasuredValue, factor: number): MeasuredValue {
  if (factor === 1) return measured;
  if (measured.kind === "value") return { kind: "value", value: measured.value * factor };
  if (measured.kind === "below_detection" && measured.limit !== null) {
    return { kind: "below_detection", limit: measured.limit * factor };
  }
  return measured;
}

function parameterName(key: ParameterKey, locale: Locale): string {
  const def = getParameter(key);
  return locale === "zh-CN" ? def.nameZh : def.nameEn;
}

/** Up to 4 significant digits, without binary noise: 0.30000000000000004 → "0.3". */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(4)));
}

function formatMeasured(measured: MeasuredValue, messages: ClassifyMessages): string {
  switch (measured.kind) {
    case "value":
      return String(Number(measured.value.toPrecision(12)));
    case "below_detection":
      return measured.limit === null ? "ND" : `${String(Number(measured.limit.toPrecision(12)))}L`;
    case "not_monitored":
    case "problem":
      return messages.notMonitored;
  }
}

function findJudgement(judgement: SampleJudgement, key: ParameterKey): ParameterJudgement | undefined {
  return [...judgement.parameters, ...judgement.reference, ...judgement.unclassified].find(
    (p) => p.parameter === key,
  );
}

function formatText(
  request: ClassifyRequest,
  judgement: SampleJudgement,
  locale: Locale,
  messages: ClassifyMessages,
): string {
  const lines: string[] = [];
  const sampleClass =
    judgement.class === null
      ? messages.noData
      : `${formatWaterClass(judgement.class, locale)}${judgement.classCertain ? "" : messages.mayBeBetter}`;
  lines.push(messages.classLine(sampleClass));
  for (const { key, measured } of request.given) {
    const def = getParameter(key);
    const p = findJudgement(judgement, key);
    const unit = def.unit === "无量纲" ? "" : ` ${def.unit}`;
    const value =
      measured.kind === "not_monitored"
        ? messages.notMonitored
        : `${formatMeasured(measured, messages)}${unit}`;
    const waterClass =
      p?.class === null || p === undefined
        ? measured.kind === "not_monitored"
          ? ""
          : messages.noClass
        : `${formatWaterClass(p.class, locale)}${p.mayBeBetter ? messages.mayBeBetter : ""}`;
    lines.push(`  ${parameterName(key, locale)}  ${value}  ${waterClass}`.trimEnd());
  }
  const pollutants = findMainPollutants(judgement).map((p) => {
    const name = parameterName(p.parameter, locale);
    return p.multiple === null ? name : `${name}(${formatNumber(p.multiple)})`;
  });
  lines.push(
    messages.mainPollutants(
      pollutants.length === 0 ? messages.none : pollutants.join(locale === "zh-CN" ? "、" : ", "),
    ),
  );
  if (request.target !== undefined) {
    const attainment = judgeAttainment(judgement, request.target);
    lines.push(messages.target(formatWaterClass(request.target, locale), messages.status[attainment.status]));
    lines.push(...exceedanceLines(attainment.exceedances, locale, messages));
  }
  let warnings: readonly WaterQualityIssue[] = judgement.issues;
  if (request.source) {
    const verdict = judgeDrinkingWaterSource(judgement);
    lines.push(messages.source(messages.status[verdict.status]));
    lines.push(...exceedanceLines(verdict.exceedances, locale, messages));
    warnings = uniqueIssues([...warnings, ...verdict.issues]);
  }
  for (const issue of warnings) lines.push(messages.warning(formatWaterQualityIssue(issue, locale)));
  return `${lines.join("\n")}\n`;
}

/** One line per exceedance: the multiple, the DO shortfall, pH out of range, or below a detection limit. */
function exceedanceLines(
  exceedances: readonly (Exceedance | SourceItemExceedance)[],
  locale: Locale,
  messages: ClassifyMessages,
): string[] {
  const lines: string[] = [];
  for (const exceedance of exceedances) {
    const name = parameterName(exceedance.parameter, locale);
    switch (exceedance.kind) {
      case "multiple":
        lines.push(messages.exceedance(name, messages.multiple(formatNumber(exceedance.multiple))));
        break;
      case "shortfall":
        lines.push(messages.exceedance(name, messages.shortfall(formatNumber(exceedance.shortfall))));
        break;
      case "out_of_range":
        lines.push(messages.exceedance(name, messages.outOfRange));
        break;
      case "below_detection_limit":
        lines.push(
          messages.exceedance(
            name,
            messages.belowDetectionLimit(
              formatNumber(exceedance.detectionLimit),
              formatNumber(exceedance.limit),
            ),
          ),
        );
        break;
    }
  }
  return lines;
}

function uniqueIssues(issues: readonly WaterQualityIssue[]): WaterQualityIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const id = `${issue.code}:${issue.parameter ?? ""}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const zhClass = (waterClass: WaterClass | null): string | null =>
  waterClass === null ? null : formatWaterClass(waterClass, "zh-CN");

/**
 * A multiple or shortfall for `--json`: at most 4 decimals, so binary noise does not show
 * ((1.6 − 1) / 1 is 0.6000000000000001 → 0.6). The engine keeps them unrounded; the text report
 * shows 4 significant digits.
 */
const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** An exceedance for `--json`, its multiple or shortfall rounded by `round4`. */
function exceedanceJson(exceedance: Exceedance | SourceItemExceedance): Exceedance | SourceItemExceedance {
  switch (exceedance.kind) {
    case "multiple":
      return { ...exceedance, multiple: round4(exceedance.multiple) };
    case "shortfall":
      return { ...exceedance, shortfall: round4(exceedance.shortfall) };
    case "out_of_range":
    case "below_detection_limit":
      return exceedance;
  }
}

const meetsOf = (status: AttainmentStatus): boolean | null =>
  status === "met" ? true : status === "not_met" ? false : null;

/**
 * The `--json` report: classes written "Ⅱ类" / "劣Ⅴ类" whatever the language; multiples and
 * shortfalls rounded to at most 4 decimals.
 */
function buildJson(
  request: ClassifyRequest,
  judgement: SampleJudgement,
  locale: Locale,
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    class: zhClass(judgement.class),
    classCertain: judgement.classCertain,
    waterbody: request.waterbody,
    parameters: request.given.map(({ key, measured }) => {
      const p = findJudgement(judgement, key);
      return {
        parameter: key,
        name: getParameter(key).nameZh,
        value:
          measured.kind === "value"
            ? measured.value
            : measured.kind === "below_detection"
              ? measured.limit
              : null,
        ...(measured.kind === "below_detection" ? { belowDetectionLimit: true } : {}),
        class: zhClass(p?.class ?? null),
        role: getParameter(key).role,
      };
    }),
    mainPollutants: findMainPollutants(judgement).map((p) => ({
      parameter: p.parameter,
      name: getParameter(p.parameter).nameZh,
      class: zhClass(p.class),
      multiple: p.multiple === null ? null : round4(p.multiple),
    })),
  };
  if (request.target !== undefined) {
    const attainment = judgeAttainment(judgement, request.target);
    json["target"] = zhClass(request.target);
    json["meets"] = meetsOf(attainment.status);
    json["attainment"] = attainment.status;
    json["exceedances"] = attainment.exceedances.map(exceedanceJson);
  }
  if (request.source) json["source"] = sourceJson(judgeDrinkingWaterSource(judgement));
  json["warnings"] = uniqueIssues([
    ...judgement.issues,
    ...(request.source ? judgeDrinkingWaterSource(judgement).issues : []),
  ]).map((issue) => ({
    code: issue.code,
    parameter: issue.parameter ?? null,
    message: formatWaterQualityIssue(issue, locale),
  }));
  return json;
}

function sourceJson(verdict: DrinkingWaterSourceJudgement): Record<string, unknown> {
  return {
    status: verdict.status,
    meets: meetsOf(verdict.status),
    exceedances: verdict.exceedances.map(exceedanceJson),
    missingSupplementary: verdict.missingSupplementary,
  };
}
