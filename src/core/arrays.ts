// Array helpers that never spread an array into a call's arguments: `push(...xs)` and
// `Math.max(...xs)` overflow the call stack once xs holds a few hundred thousand items.

/** Appends every item of `items` to `target`, in order, and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty: number): number {
  let best: number | null = null;
  for (const v of values) if (best === null || v > best) best = v;
  return best ?? empty;
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty: number): number {
  let best: number | null = null;
  for (const v of values) if (best === null || v < best) best = v;
  return best ?? empty;
}
