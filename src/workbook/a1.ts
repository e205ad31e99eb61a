/**
 * Zero-based column index → Excel's column letters.
 *
 * @example
 * columnLetters(0)  // "A"
 * columnLetters(27) // "AB"
 */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
