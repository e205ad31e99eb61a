/**
 * The plan's unit names closest to one it does not have, best first (at most three): names that
 * contain it or are contained in it ("柳江" → "柳江区"), then names sharing most of its characters
 * ("住建局" → "市住房城乡建设局"). None when nothing is close.
 *
 * @example
 * suggestUnits("柳江", ["柳江区", "柳城县"]) // ["柳江区"]
 */
export function suggestUnits(typed: string, units: readonly string[]): string[] {
  const text = typed.trim();
  if (text === "") return [];
  const chars = new Set(text);
  const scored = [...new Set(units)].map((unit) => {
    const contains = unit.includes(text) || text.includes(unit);
    const shared = [...new Set(unit)].filter((ch) => chars.has(ch)).length;
    // Mostly how much of what was typed the name holds, a little how much of the name was typed.
    const unitChars = new Set(unit).size;
    const score = (contains ? 1 : 0) + (0.6 * shared) / chars.size + (0.4 * shared) / unitChars;
    return { unit, score };
  });
  return scored
    .filter((s) => s.score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((s) => s.unit);
}
