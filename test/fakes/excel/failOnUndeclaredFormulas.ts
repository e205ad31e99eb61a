/**
 * Jest setup (setupFilesAfterEnv): a test during which the fake Excel read a formula cell whose
 * result nobody declared fails, even where the host caught the error and carried on (see
 * fakeFormulaResults.ts). A blind read of "" would hide what a real Excel hands over.
 */
import { takeUndeclaredFormulaReads } from "./fakeFormulaResults";

afterEach(() => {
  const reads = takeUndeclaredFormulaReads();
  if (reads.length > 0) throw new Error(`Undeclared formula results read:\n${reads.join("\n")}`);
});
