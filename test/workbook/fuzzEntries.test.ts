import type { Locale } from "../../src/core/locale";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryWorkbook";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import { CaseCounter } from "../core/validation/fuzzSettings";
import { areasOf, fuzzEntryGrids } from "./entryGridFuzz";
import { memoryFuzzHost } from "./fuzzHosts";

/**
 * Fuzzing the workbook layer (R1 §4) on the in-memory host, which takes most of the grid cases
 * (the Office host over the fake Excel and the xlsx host run the same grids in
 * fuzzEntriesOffice.test.ts and fuzzEntriesXlsx.test.ts, the rows of 监测数据 are in
 * fuzzMonitoringRows.test.ts): random grids typed into the entry columns of every sheet of a
 * generated workbook, then validated and generated again.
 */

const cases = new CaseCounter("entry grids (memory host)");
afterAll(() => {
  cases.report();
});

async function generated(locale: Locale): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  const outcome = await generateWorkbook(book.port, plan, { locale });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return book;
}

describe("fuzzing validation and generating again with random entry grids (memory host)", () => {
  fuzzEntryGrids(memoryFuzzHost, 800, cases, 600_000);

  it("keeps a value typed into an entry cell its row does not take (指标填报's base on a level target)", async () => {
    // A value typed where the row takes no entry is kept, as every entry is; validation says it is not used.
    const book = await generated("zh-CN");
    const area = (await areasOf("zh-CN")).find((a) => a.spec.key === "indicators");
    const base = area?.entryColumns.find((c) => c.key === "baseValue");
    if (!area || !base) throw new Error("no 指标填报");
    book.sheet(area.sheet)?.set(area.firstRow, base.col, 50); // t5-1 生活污水集中收集率, a level target
    await generateWorkbook(book.port, plan, { locale: "zh-CN" });
    expect(book.sheet(area.sheet)?.get(area.firstRow, base.col)).toBe(50);
  });
});
