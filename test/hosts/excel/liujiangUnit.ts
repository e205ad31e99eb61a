import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import { runExampleWorkflow } from "../../../src/workbook/exampleWorkbook";
import { splitWorkbook, type UnitWorkbook } from "../../../src/workbook/exchange/splitWorkbook";

/**
 * 柳江区's form, split by county from the example city workbook (entries of the example workflow
 * carried), as the unit-protection tests of the Office host start from.
 *
 * @example
 * beforeAll(async () => { unit = await liujiangUnit(); });
 */
export async function liujiangUnit(): Promise<UnitWorkbook> {
  const city = new MemoryWorkbook();
  await runExampleWorkflow(city.port, plan, "zh-CN");
  const outcome = await splitWorkbook(city.port, plan, {
    by: "county",
    units: ["柳江区"],
    deadline: "2023-07-10",
    source: "柳州.xlsx",
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const unit = outcome.units[0];
  if (unit === undefined) throw new Error("split made no form for 柳江区");
  return unit;
}
