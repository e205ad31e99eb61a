import { PeriodAccumulator, type SampleValues } from "../water-quality/classifyPeriod";
import type { Exceedance } from "../water-quality/computeExceedances";
import { checkCoreItems, withCoreItems } from "../water-quality/coreItems";
import { judgeAttainment } from "../water-quality/judgeAttainment";
import {
  judgeDrinkingWaterSource,
  type SourceItemExceedance,
} from "../water-quality/judgeDrinkingWaterSource";
import type { ParameterKey } from "../water-quality/parameters";
import { meetsTarget, parseWaterClass, type WaterClass } from "../water-quality/waterClass";
import type { AttainmentVerdict } from "./checkIndicatorEntry";
import { isDrinkingWaterSource, type MonitoringPoint } from "./monitoringPoints";
import { inputText, problem, type Problem } from "./validationProblem";

/** A parameter that misses the point's target, with its exceedance multiple where it has one. */
export interface PointExceedance {
  readonly parameter: Exceedance["parameter"];
  /** (C − limit) / limit; null for dissolved oxygen and pH, which get no multiple. */
  readonly multiple: number | null;
}

export interface PointJudgement {
  readonly point: MonitoringPoint;
  /** The class the verdict rests on: computed from the samples, else the class entered. */
  readonly class: WaterClass | null;
  /** The class computed from 监测数据 over the period, or null without samples. */
  readonly computedClass: WaterClass | null;
  readonly enteredClass: WaterClass | null;
  readonly samples: number;
  /** How many of the 21 evaluation items the computed class rests on (0 without samples). */
  readonly items: number;
  /** Core items of the point's kind without data: the computed class may be worse than shown. */
  readonly missingCore: readonly ParameterKey[];
  /**
   * False when a value below a detection limit above a better class's limit decides the computed
   * class: the true class may be better.
   */
  readonly classCertain: boolean;
  readonly exceedances: readonly PointExceedance[];
  readonly verdict: AttainmentVerdict;
  /** Problems of the entered class and the verdict, at fields `measuredClass`, `computedClass`, `verdict`. */
  readonly problems: readonly Problem[];
}

/**
 * Collects a point's samples of the period and judges it at the end: the period's class from the
 * mean of the samples (GB 3838-2002 with the evaluation method's ½ × DL), attainment against the
 * point's target (drinking-water sources: Ⅲ plus Table 2, GB 3838-2002 §5.3), and the exceedance
 * multiples against the target.
 *
 * @example
 * const period = new PointPeriod(point);
 * period.add({ nh3n: 1.2 });
 * period.judge("Ⅳ类", false).verdict // "not_met" for a Ⅲ target
 */
export class PointPeriod {
  private readonly accumulator: PeriodAccumulator;
  private count = 0;

  constructor(readonly point: MonitoringPoint) {
    this.accumulator = new PeriodAccumulator(point.waterbody);
  }

  add(sample: SampleValues): void {
    this.accumulator.add(sample);
    this.count += 1;
  }

  /**
   * @param entered the cell 实测水质类别 as typed (blank: null)
   * @param dataInvalid whether a sample of the point had an error (the verdict is then 数据有误)
   */
  judge(entered: unknown, dataInvalid: boolean): PointJudgement {
    const { point } = this;
    const problems: Problem[] = [];
    let enteredClass: WaterClass | null = null;
    const blank =
      entered === null || entered === undefined || (typeof entered === "string" && entered.trim() === "");
    if (!blank) {
      const read = readClassCell(entered);
      if (read === null)
        problems.push(
          problem("unreadable_measured_class", "error", "measuredClass", { input: inputText(entered) }),
        );
      else enteredClass = read;
    }

    let computedClass: WaterClass | null = null;
    let exceedances: PointExceedance[] = [];
    let verdict: AttainmentVerdict = "no_data";
    // Why a verdict stays open: Table 2 items a source lacks, or values below a detection limit.
    let notMonitored: ParameterKey[] = [];
    let undetermined: ParameterKey[] = [];
    let items = 0;
    let missingCore: readonly ParameterKey[] = [];
    let classCertain = true;
    if (this.count > 0) {
      const judgement = this.accumulator.judge();
      computedClass = judgement.class;
      classCertain = judgement.classCertain;
      const attainment = isDrinkingWaterSource(point.kind)
        ? judgeDrinkingWaterSource(judgement)
        : judgeAttainment(judgement, point.target);
      // Too few items is not 达标: a core item not measured could fail the target.
      const coverage = checkCoreItems(judgement, point.coreItems);
      items = coverage.items;
      // Samples without one evaluation item lack every core item: 项目不全, not 无数据.
      missingCore = coverage.missingCore;
      verdict = withCoreItems(attainment.status, missingCore);
      exceedances = attainment.exceedances.map(toPointExceedance);
      const about = (codes: readonly string[]): ParameterKey[] =>
        attainment.issues.flatMap((i) => (codes.includes(i.code) && i.parameter ? [i.parameter] : []));
      notMonitored = about(["supplementary_not_monitored"]);
      undetermined = about(["detection_limit_above_limit", "unknown_detection_limit"]);
    }
    if (computedClass !== null && enteredClass !== null && computedClass !== enteredClass) {
      problems.push(
        problem("measured_class_differs", "warning", "measuredClass", {
          waterClass: enteredClass,
          otherClass: computedClass,
          count: this.count,
        }),
      );
    }
    const verdictClass = computedClass ?? enteredClass;
    if (computedClass === null && enteredClass !== null) {
      verdict = meetsTarget(enteredClass, point.target) ? "met" : "not_met";
    }
    if (problems.some((p) => p.severity === "error") || dataInvalid) verdict = "invalid";
    if (verdict === "not_met") {
      problems.push(
        problem("point_target_not_met", "error", "verdict", {
          name: point.name,
          otherClass: point.target,
          ...(verdictClass === null ? {} : { waterClass: verdictClass }),
          // Items not measured can only make the class worse: it is "at least" this class.
          ...(missingCore.length === 0 ? {} : { missing: missingCore }),
          // A source can be Ⅰ类 and still miss on a Table 2 item: the message must say which.
          ...(exceedances.length === 0 ? {} : { parameters: exceedances.map((e) => e.parameter) }),
        }),
      );
    } else if (verdict === "cannot_judge") {
      problems.push(
        missingCore.length > 0
          ? problem("point_items_missing", "warning", "verdict", {
              name: point.name,
              count: items,
              missing: missingCore,
              ...(computedClass === null ? {} : { waterClass: computedClass }),
              ...(notMonitored.length === 0 ? {} : { parameters: notMonitored }),
            })
          : notMonitored.length > 0
            ? problem("source_items_not_monitored", "warning", "verdict", {
                name: point.name,
                parameters: notMonitored,
              })
            : problem("point_cannot_judge", "warning", "verdict", {
                name: point.name,
                parameters: undetermined,
              }),
      );
    } else if (verdict === "invalid" && dataInvalid) {
      problems.push(problem("point_data_invalid", "warning", "verdict", { name: point.name }));
    }
    return {
      point,
      class: verdictClass,
      computedClass,
      enteredClass,
      samples: this.count,
      items,
      missingCore,
      classCertain,
      exceedances,
      verdict,
      problems,
    };
  }
}

function toPointExceedance(e: Exceedance | SourceItemExceedance): PointExceedance {
  return { parameter: e.parameter, multiple: e.kind === "multiple" ? e.multiple : null };
}

/**
 * Reads a class cell in either language: what `parseWaterClass` reads, plus the English sheet's
 * "Class II" and "Worse than V". Null when unreadable.
 *
 * @example
 * readClassCell("Class II") // 2
 */
export function readClassCell(raw: unknown): WaterClass | null {
  if (typeof raw === "string") {
    const text = raw.normalize("NFKC").trim();
    if (/^worse\s*than\s*v$/iu.test(text)) return 6;
    const english = /^class\s*(.+)$/iu.exec(text);
    if (english) {
      const read = parseWaterClass(english[1] ?? "");
      return read.kind === "class" ? read.waterClass : null;
    }
  }
  const read = parseWaterClass(raw);
  return read.kind === "class" ? read.waterClass : null;
}
