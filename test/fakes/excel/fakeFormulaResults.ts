/**
 * What a formula cell reads as. Excel hands a formula cell's result to `range.values`; the fake
 * does not calculate, so a test declares the result of each formula it writes
 * (`state.declareFormula("=50+8.3", 58.3)`), and reading a formula nobody declared fails the test
 * that did it: the read throws an error Office.js never throws (so no host mistakes it for Excel's
 * refusal), and the setup file `failOnUndeclaredFormulas.ts` fails the test after it, even where
 * the host caught the error and went on.
 */
import type { FakeValue } from "./fakeSheetState";

/** Thrown when a formula cell whose result no test declared is read through `values`. */
export class UndeclaredFormulaError extends Error {
  override readonly name = "UndeclaredFormulaError";
}

/** Undeclared reads since the last check, kept on globalThis so that jest's setup file sees the test's. */
interface FormulaReadLog {
  __fakeExcelUndeclaredFormulas?: string[];
}

function log(): string[] {
  const holder = globalThis as FormulaReadLog;
  holder.__fakeExcelUndeclaredFormulas ??= [];
  return holder.__fakeExcelUndeclaredFormulas;
}

/** Records and throws: the result of `formula` at `where` was never declared. */
export function undeclaredFormula(where: string, formula: string): never {
  const message = `The fake Excel read ${where}, which holds ${formula}, but no test declared its result: declare it with state.declareFormula(${JSON.stringify(formula)}, value).`;
  log().push(message);
  throw new UndeclaredFormulaError(message);
}

/** The undeclared reads since the last call, and forgets them. */
export function takeUndeclaredFormulaReads(): string[] {
  const reads = log();
  return reads.splice(0, reads.length);
}

/** The declared results of a workbook's formulas, by formula text. */
export type FormulaResults = Map<string, FakeValue>;
