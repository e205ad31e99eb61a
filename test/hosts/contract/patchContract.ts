import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { HostError } from "../../../src/hosts/hostError";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import { addInNoteMarker, addInNoteMarkers, type SheetPatch } from "../../../src/workbook/port";
import type { PortHarness } from "./portHarness";

const tasks = "附件1 任务清单";

function patch(overrides: Partial<SheetPatch> = {}): SheetPatch {
  return { sheet: tasks, values: [], fills: [], clearNotes: null, notes: [], ...overrides };
}

/**
 * The contract every host passes for writing in place (validation's marks and computed cells):
 * patches change only the cells they name, later fills win, the add-in's notes are cleared and
 * written anew while a user's notes stay, and a patch of a sheet that is not there changes nothing.
 */
export function describePatchContract(host: string, makeHarness: () => Promise<PortHarness>): void {
  describe(`the ${host} host, writing patches`, () => {
    let harness: PortHarness;

    beforeEach(async () => {
      harness = await makeHarness();
      expect((await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" })).ok).toBe(true);
    });

    it("writes values in place and leaves every other cell as it was", async () => {
      await harness.enter(tasks, "K8", "推进中");
      await harness.enter(tasks, "M8", "=1+2");
      const before = (await harness.sheet(tasks))?.values() ?? [];
      await harness.port.write({
        sheets: [],
        activate: null,
        patches: [
          patch({
            values: [{ rect: { row: 7, col: 13, rowCount: 2, colCount: 1 }, values: [["逾期"], [""]] }],
          }),
        ],
      });
      const after = (await harness.sheet(tasks))?.values() ?? [];
      expect(after[7]?.[13]).toBe("逾期");
      expect(after[7]?.[10]).toBe("推进中");
      // Everything but the patched cell is unchanged, formulas included.
      const strip = (rows: readonly (readonly unknown[])[]): unknown[][] =>
        rows.map((row, r) => row.slice(0, 13).map((v, c) => (r === 7 && c === 13 ? null : v)));
      expect(strip(after)).toEqual(strip(before));
    });

    it("applies fills in order, so a mark drawn after the plain fill shows", async () => {
      await harness.port.write({
        sheets: [],
        activate: null,
        patches: [
          patch({
            fills: [
              { rect: { row: 3, col: 10, rowCount: 53, colCount: 1 }, fill: "#FFF8DC" },
              { rect: { row: 7, col: 10, rowCount: 1, colCount: 1 }, fill: "#FFC7CE" },
            ],
          }),
        ],
      });
      const sheet = await harness.sheet(tasks);
      expect(sheet?.fillAt("K8")).toBe("#FFC7CE");
      expect(sheet?.fillAt("K9")).toBe("#FFF8DC");
      expect(sheet?.fillAt("E8")).toBe("#EDEDED");
    });

    it("clears its own notes and writes new ones, keeping a user's note", async () => {
      if (!harness.port.features.notes) return;
      await harness.enterNote(tasks, "M9", "张三：待核实");
      const first = `${addInNoteMarker}状态不在下拉列表中`;
      await harness.port.write({
        sheets: [],
        activate: null,
        patches: [patch({ notes: [{ row: 7, col: 10, text: first }] })],
      });
      expect((await harness.sheet(tasks))?.noteAt("K8")).toBe(first);

      const second = `${addInNoteMarker}已完成但未填完成日期`;
      await harness.port.write({
        sheets: [],
        activate: null,
        patches: [
          patch({
            clearNotes: { row: 3, col: 0, rowCount: 53, colCount: 14 },
            notes: [{ row: 8, col: 11, text: second }],
          }),
        ],
      });
      const sheet = await harness.sheet(tasks);
      expect(sheet?.noteAt("K8")).toBeNull();
      expect(sheet?.noteAt("L9")).toBe(second);
      expect(sheet?.noteAt("M9")).toBe("张三：待核实");
    });

    it("clears its English notes too, which start [Validate] rather than 【校验】", async () => {
      if (!harness.port.features.notes) return;
      const english = `${addInNoteMarkers["en-US"]}"Sorted" is not a status.`;
      await harness.port.write({
        sheets: [],
        activate: null,
        patches: [patch({ notes: [{ row: 7, col: 10, text: english }] })],
      });
      expect((await harness.sheet(tasks))?.noteAt("K8")).toBe(english);
      await harness.port.write({
        sheets: [],
        activate: null,
        patches: [patch({ clearNotes: { row: 3, col: 0, rowCount: 53, colCount: 14 }, notes: [] })],
      });
      expect((await harness.sheet(tasks))?.noteAt("K8")).toBeNull();
    });

    it("refuses a patch of a sheet that is not there and changes nothing", async () => {
      await expect(
        harness.port.write({
          sheets: [],
          activate: null,
          patches: [
            patch({ values: [{ rect: { row: 3, col: 13, rowCount: 1, colCount: 1 }, values: [["x"]] }] }),
            patch({ sheet: "没有这张表" }),
          ],
        }),
      ).rejects.toBeInstanceOf(HostError);
      expect((await harness.sheet(tasks))?.values()[3]?.[13] ?? null).toBeNull();
    });
  });
}
