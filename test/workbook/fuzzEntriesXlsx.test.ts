import { CaseCounter } from "../core/validation/fuzzSettings";
import { fuzzEntryGrids } from "./entryGridFuzz";
import { xlsxFuzzHost } from "./fuzzHosts";

/**
 * The random entry grids of fuzzEntries.test.ts on the xlsx host of the command line (issue 14
 * §5): typed into the file, validated and generated again from its bytes. The slowest host (a
 * case saves and opens the workbook several times), so it takes the fewest cases.
 */

const cases = new CaseCounter("entry grids (xlsx host)");
afterAll(() => {
  cases.report();
});

describe("fuzzing validation and generating again with random entry grids (xlsx host)", () => {
  fuzzEntryGrids(xlsxFuzzHost(), 12, cases, 600_000);
});
