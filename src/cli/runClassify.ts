import type { Locale } from "../core/locale";
import {
  type AttainmentStatus,
  checkCoreItems,
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
  withCoreItems,
} from "../core/water-quality";
import { type CliIo, exitCodes, localeFromLangOption } from "./cliIo";
import { describeLangProblem } from "./langOption";
import { type ClassifyMessages, cliMessages } from "./messages/cliMessages";

/** The options of `classify` after commander; `true` is an option given without its value. */
export interface ClassifyOptions {
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
 * Runs `classify` on its arguments and options: prints the report and sets the exit code (0, or 2
 * with one line on stderr). Never throws.
 *
 * @example
 * runClassify(["氨氮=0.8", "DO=6"], { json: true }, io);
 */
export function runClassify(assignments: readonly string[], options: ClassifyOptions, io: CliIo): void {
  const langText = options.lang === true ? "" : options.lang;
  const locale = localeFromLangOption(langText);
  const messages = cliMessages(locale).classify;
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
  const shared = cliMessages(locale);
  if (options.waterbody === true) throw new UsageProblem(shared.missingOptionValue("--waterbody"));
  if (options.target === true) throw new UsageProblem(shared.missingOptionValue("--target"));
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
  const coverage = checkCoreItems(judgement);
  if (judgement.class !== null && coverage.missingCore.length > 0) {
    const missing = coverage.missingCore.map((key) => parameterName(key, locale));
    lines.push(messages.coreItemsMissing(coverage.items, missing.join(locale === "zh-CN" ? "、" : ", ")));
  }
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
    const status = withCoreItems(attainment.status, coreMissing(judgement));
    lines.push(messages.target(formatWaterClass(request.target, locale), messages.status[status]));
    for (const line of exceedanceLines(attainment.exceedances, locale, messages)) lines.push(line);
  }
  let warnings: readonly WaterQualityIssue[] = judgement.issues;
  if (request.source) {
    const verdict = judgeDrinkingWaterSource(judgement);
    lines.push(messages.source(messages.status[withCoreItems(verdict.status, coreMissing(judgement))]));
    for (const line of exceedanceLines(verdict.exceedances, locale, messages)) lines.push(line);
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

/** Core items a sample with a class lacks: a passing sample without them cannot be said to meet. */
function coreMissing(judgement: SampleJudgement): readonly ParameterKey[] {
  return judgement.class === null ? [] : checkCoreItems(judgement).missingCore;
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
  const coverage = checkCoreItems(judgement);
  const json: Record<string, unknown> = {
    class: zhClass(judgement.class),
    classCertain: judgement.classCertain,
    // How many of the 21 evaluation items the class rests on, and the core items it lacks.
    items: coverage.items,
    missingCore: coverage.missingCore,
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
    const status = withCoreItems(attainment.status, coreMissing(judgement));
    json["target"] = zhClass(request.target);
    json["meets"] = meetsOf(status);
    json["attainment"] = status;
    json["exceedances"] = attainment.exceedances.map(exceedanceJson);
  }
  if (request.source)
    json["source"] = sourceJson(judgeDrinkingWaterSource(judgement), coreMissing(judgement));
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

function sourceJson(
  verdict: DrinkingWaterSourceJudgement,
  missingCore: readonly ParameterKey[],
): Record<string, unknown> {
  const status = withCoreItems(verdict.status, missingCore);
  return {
    status,
    meets: meetsOf(status),
    exceedances: verdict.exceedances.map(exceedanceJson),
    missingSupplementary: verdict.missingSupplementary,
  };
}
