import { waterClasses, type WaterClass } from "./waterClass";

/** Points by class over many monitoring points. */
export interface ClassCounts {
  /** Points per class, 1–6. */
  readonly byClass: Readonly<Record<WaterClass, number>>;
  /** Points with a class. */
  readonly evaluated: number;
  /** Points without data: neither good nor bad, and not in `evaluated`. */
  readonly noData: number;
}

/**
 * Counts points by class; `null` is a point without data.
 *
 * @example
 * countClasses([2, 3, 6, null]).byClass[6] // 1
 */
export function countClasses(classes: Iterable<WaterClass | null>): ClassCounts {
  const byClass: Record<WaterClass, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 };
  let noData = 0;
  for (const c of classes) {
    if (c === null) noData += 1;
    else byClass[c] += 1;
  }
  const evaluated = waterClasses.reduce((sum, c) => sum + byClass[c], 0);
  return { byClass, evaluated, noData };
}

/** The good-water share (水质优良比例) and the worse-than-V share (劣Ⅴ类比例). */
export interface GoodWaterShare extends ClassCounts {
  /** Points at Ⅰ–Ⅲ. */
  readonly good: number;
  /** good ÷ evaluated, 0–1; `null` when no point was evaluated. */
  readonly goodShare: number | null;
  /** 劣Ⅴ points ÷ evaluated, 0–1; `null` when no point was evaluated. */
  readonly worseThanVShare: number | null;
}

/**
 * The good-water share: points at Ⅰ–Ⅲ ÷ points evaluated. A point without data is "no data", never
 * counted as met and not in the denominator.
 *
 * @example
 * computeGoodWaterShare([2, 3, 4, null]).goodShare // 2 / 3
 */
export function computeGoodWaterShare(classes: Iterable<WaterClass | null>): GoodWaterShare {
  const counts = countClasses(classes);
  const good = counts.byClass[1] + counts.byClass[2] + counts.byClass[3];
  return {
    ...counts,
    good,
    goodShare: counts.evaluated === 0 ? null : good / counts.evaluated,
    worseThanVShare: counts.evaluated === 0 ? null : counts.byClass[6] / counts.evaluated,
  };
}
