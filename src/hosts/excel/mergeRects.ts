/**
 * Fewer actions for the same cells: formats and dropdowns of the same settings whose rectangles
 * join into one are sent as one, where no item between them decides the cells otherwise.
 */
import { joined, rectsOverlap } from "./rectGeometry";
import type { CellRect, SheetLayout } from "../../workbook/layout";

/**
 * Merges items of one kind where Excel ends with the same cells: an item joins an earlier one of
 * the same settings when together they make a rectangle and no item between them that touches its
 * cells sets what it sets (later items win, so moving it earlier must not change who wins).
 */
export function mergeRects<T extends { readonly rect: CellRect }>(
  items: readonly T[],
  sameSettings: (a: T, b: T) => boolean,
  clashes: (between: T, item: T) => boolean,
): T[] {
  const merged: T[] = [];
  for (const item of items) {
    let target = -1;
    for (let i = merged.length - 1; i >= 0; i -= 1) {
      const earlier = merged[i];
      if (earlier === undefined) continue;
      if (sameSettings(earlier, item) && joined(earlier.rect, item.rect) !== null) {
        target = i;
        break;
      }
      if (rectsOverlap(earlier.rect, item.rect) && clashes(earlier, item)) break;
    }
    const into = target >= 0 ? merged[target] : undefined;
    const rect = into === undefined ? null : joined(into.rect, item.rect);
    if (into !== undefined && rect !== null) merged[target] = { ...into, rect };
    else merged.push(item);
  }
  return merged;
}

type FormatSettings = Omit<SheetLayout["formats"][number], "rect">;
const FORMAT_KEYS = [
  "numberFormat",
  "fill",
  "fontColor",
  "bold",
  "fontSize",
  "wrapText",
  "horizontalAlignment",
  "verticalAlignment",
] as const satisfies readonly (keyof FormatSettings)[];

/** The layout's formats with neighbours of the same settings merged (fewer actions, same cells). */
export function mergeFormats(
  formats: readonly SheetLayout["formats"][number][],
): SheetLayout["formats"][number][] {
  return mergeRects(
    formats,
    (a, b) => FORMAT_KEYS.every((k) => a[k] === b[k]),
    (between, item) => FORMAT_KEYS.some((k) => between[k] !== undefined && item[k] !== undefined),
  );
}

/** The layout's dropdowns and checks with neighbours of the same rule and message merged. */
export function mergeValidations(
  validations: SheetLayout["validations"],
): SheetLayout["validations"][number][] {
  const settings = (v: SheetLayout["validations"][number]): string =>
    JSON.stringify([v.rule, v.errorTitle, v.errorMessage, v.errorStyle]);
  return mergeRects(
    validations,
    (a, b) => settings(a) === settings(b),
    () => true,
  );
}
