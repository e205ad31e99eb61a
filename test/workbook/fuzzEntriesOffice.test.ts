import { CaseCounter } from "../core/validation/fuzzSettings";
import { fuzzEntryGrids } from "./entryGridFuzz";
import { officeFuzzHost } from "./fuzzHosts";

/**
 * The random entry grids of fuzzEntries.test.ts on the Office.js host, through the fake Excel
 * (issue 14 §5): what Excel refuses to take is not typed, formulas read as their declared results.
 */

const cases = new CaseCounter("entry grids (Office host, fake Excel)");
afterAll(() => {
  cases.report();
});

describe("fuzzing validation and generating again with random entry grids (Office host)", () => {
  fuzzEntryGrids(officeFuzzHost(), 200, cases, 600_000);
});
