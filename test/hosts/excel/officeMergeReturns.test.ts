import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { mergeReturns } from "../../../src/workbook/exchange/mergeReturns";
import { returned, typeSamples, typeTask, unitReturn } from "../../workbook/exchange/returnedBooks";
import { generatedOffice, type OfficeHarness } from "./officeHarness";

const tasks = "附件1 任务清单";
const monitoring = "监测数据";

/** Whether some cell of the fake's sheet holds `text`. */
function holds(harness: OfficeHarness, sheet: string, text: string): boolean {
  const state = harness.excel.state.sheetByName(sheet);
  return state !== undefined && [...state.values.values()].some((v) => String(v).includes(text));
}

describe("汇总报送 through the Office host (fake Excel): the pane's merge into the open workbook", () => {
  it("fills the city's empty cells, joins progress under the unit's name and appends new samples, in constant syncs", async () => {
    const harness = await generatedOffice();
    const back = await unitReturn("柳江区", (book) => {
      typeTask(book, 5, "进展情况", "已完成管网排查 12 公里");
      typeTask(book, 5, "完成状态", "推进中");
      typeSamples(book, [
        { point: "露塘", date: "2023-05-01", values: { ph: 7.4 } },
        { point: "大洲", date: "2023-05-02", values: { ph: 7.6 } },
      ]);
    });
    const returns = [await returned("柳江区.xlsx", back)];

    const preview = await mergeReturns(harness.port, plan, returns, { preview: true });
    expect(preview.ok && preview.written).toBe(false);
    expect(holds(harness, tasks, "已完成管网排查")).toBe(false);

    const outcome = await mergeReturns(harness.port, plan, returns);
    expect(outcome.ok && outcome.counts).toMatchObject({ textsJoined: 1, monitoringAdded: 2, conflicts: 0 });
    expect(holds(harness, tasks, "【柳江区】已完成管网排查 12 公里")).toBe(true);
    expect(holds(harness, tasks, "推进中")).toBe(true);
    expect(holds(harness, monitoring, "大洲")).toBe(true);
    // update's read (2), its check (1) and the write (1), chunks aside, however many rows.
    const { lastRead, lastWrite } = harness.port.stats;
    expect((lastRead?.syncs ?? 0) - (lastRead?.extraChunks ?? 0)).toBeLessThanOrEqual(3);
    expect(lastWrite?.cosmeticFailures).toEqual([]);

    const again = await mergeReturns(harness.port, plan, returns);
    expect(again.ok && again.counts).toMatchObject({
      textsJoined: 0,
      monitoringAdded: 0,
      monitoringDuplicates: 2,
    });
  });
});
