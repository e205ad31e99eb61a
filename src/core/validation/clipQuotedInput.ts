/** How many characters of a cell a message quotes: enough to recognise it, never a whole essay. */
export const quotedInputLimit = 40;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * A cell's text as a message quotes it: line breaks folded into spaces (a note or a report line
 * stays one line per message), and cut to `quotedInputLimit` characters with "…" after.
 *
 * @example
 * clipQuotedInput("x".repeat(33_000)) // "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"
 */
export function clipQuotedInput(text: string): string {
  const folded = text.replace(/\s*[\r\n]+\s*/gu, " ");
  if (folded.length <= quotedInputLimit) return folded;
  // By characters as the user sees them, so that a cut never splits one (an emoji, a CJK extension
  // character); the segments are walked only as far as the cut.
  let kept = "";
  let count = 0;
  for (const { segment } of graphemes.segment(folded)) {
    if (count === quotedInputLimit) return `${kept}…`;
    kept += segment;
    count += 1;
  }
  return kept;
}
