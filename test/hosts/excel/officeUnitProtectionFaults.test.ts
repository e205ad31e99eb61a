import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { HostError, unprotectedSheetsOf } from "../../../src/hosts/hostError";
import type { UnitWorkbook } from "../../../src/workbook/exchange/splitWorkbook";
import { generateWorkbook } from "../../../src/workbook/generateWorkbook";
import type { WorkbookPort } from "../../../src/workbook/port";
import { validateWorkbook } from "../../../src/workbook/validate/validateWorkbook";
import type { FakeFault } from "../../fakes/excel/fakeExcel";
import type { FakeWorkbookState } from "../../fakes/excel/fakeWorkbookState";
import { liujiangUnit } from "./liujiangUnit";
import { createOfficeHarness, enterAsUser, type OfficeHarness } from "./officeHarness";

/**
 * A write into a unit's workbook (WriteBatch.reprotect) lifts the protection of the sheets it
 * changes in its first request and puts it back in its last. An Office.js batch is no
 * transaction: a sync that fails in between would leave those sheets unprotected. These tests
 * fail every sync of such a write, cut into several requests by a small payload budget, and ask
 * that each protected sheet ends protected exactly as before, the original failure reported.
 */

/** Small enough that generating again into the unit's workbook takes several requests. */
const budget = 40_000;

let unit: UnitWorkbook;
beforeAll(async () => {
  unit = await liujiangUnit();
});

async function chunkedHarness(state?: FakeWorkbookState): Promise<OfficeHarness> {
  return createOfficeHarness({
    excel: state === undefined ? {} : { state: state.clone() },
    port: { payloadLimitBytes: budget },
  });
}

/**
 * The unit's workbook as the Office host writes it, with an entry the unit made, and one sheet
 * protected again by someone with other options (sorting allowed): what "as it was" must keep.
 */
async function unitWithEntry(): Promise<FakeWorkbookState> {
  const harness = await createOfficeHarness();
  await harness.port.write(unit.batch);
  enterAsUser(harness.excel.state, "附件1 任务清单", "L9", "已完成");
  const indicators = harness.excel.state.sheetByName("指标填报")!;
  indicators.protectionOptions = { ...indicators.protectionOptions, allowSort: true };
  return harness.excel.state.clone();
}

/** Each sheet's protection: whether protected and with which options. */
function protectionOf(state: FakeWorkbookState): { name: string; protected: boolean; options: unknown }[] {
  return state.sheets.map((s) => ({
    name: s.name,
    protected: s.protected,
    options: { ...s.protectionOptions },
  }));
}

/** Each sheet's locked flags over its used area, as a list of the unlocked cells. */
function unlockedCells(state: FakeWorkbookState): unknown {
  return state.sheets.map((s) => {
    const used = s.usedRect(true);
    const unlocked: string[] = [];
    if (used !== null) {
      for (let r = used.row; r < used.row + used.rowCount; r += 1)
        for (let c = used.col; c < used.col + used.colCount; c += 1)
          if (s.formatAt(r, c, "locked") === false) unlocked.push(`${r}:${c}`);
    }
    return { name: s.name, unlocked };
  });
}

const actions: readonly (readonly [string, (port: WorkbookPort) => Promise<unknown>])[] = [
  ["generate again", (port) => generateWorkbook(port, plan, { locale: "zh-CN" })],
  ["validate and summarise", (port) => validateWorkbook(port, plan, { locale: "zh-CN", asOf: "2023-06-30" })],
];

describe.each(actions)("a chunked reprotect write (%s) failing at any sync", (_name, act) => {
  let start: FakeWorkbookState;
  let syncs: number;
  let writeSyncs: number;
  /** Protection as the fault-free run leaves it: a run whose data all went in ends so. */
  let finished: ReturnType<typeof protectionOf>;

  beforeAll(async () => {
    start = await unitWithEntry();
    const clean = await chunkedHarness(start);
    const before = clean.excel.syncCount;
    await act(clean.port);
    syncs = clean.excel.syncCount - before;
    writeSyncs = clean.port.stats.lastWrite?.syncs ?? 0;
    finished = protectionOf(clean.excel.state);
  });

  it("is cut into several requests, so that a sync can fail between the unprotect and the protect", () => {
    // The write's own requests: at least the check (or the facts) and two chunks.
    expect(writeSyncs).toBeGreaterThanOrEqual(3);
    expect(syncs).toBeGreaterThan(writeSyncs);
  });

  it.each(["sync", "lostAnswer"] as const)(
    "puts protection back as it was after a failed %s, and reports the original failure",
    async (kind) => {
      const problems: string[] = [];
      for (let n = 1; n <= syncs; n += 1) {
        const harness = await chunkedHarness(start);
        const fault: FakeFault = kind === "sync" ? { sync: n } : { lostAnswer: n };
        harness.excel.injectFault(fault);
        const error = await act(harness.port).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        const cosmetic = harness.port.stats.lastWrite?.cosmeticFailures ?? [];
        if (harness.excel.faultsFired !== 1) problems.push(`${kind} ${n}: the fault never fired`);
        if (error === null && cosmetic.length === 0) problems.push(`${kind} ${n}: no failure reported`);
        if (error !== null) {
          if (!(error instanceof HostError))
            problems.push(`${kind} ${n}: threw ${error instanceof Error ? error.message : typeof error}`);
          else if (!error.message.includes("Injected"))
            problems.push(`${kind} ${n}: lost the cause: ${error.message}`);
          else if (unprotectedSheetsOf(error).length > 0)
            problems.push(`${kind} ${n}: says protection is off`);
        }
        const state = harness.excel.state;
        // A failed write leaves protection as it started; one whose data all went in (its
        // finishing reported) as a successful write leaves it. A sheet the write made (汇总) is no
        // sheet it lifted protection from.
        const now = new Map(protectionOf(state).map((p) => [p.name, p] as const));
        const expected = error === null ? finished : protectionOf(start);
        const changed = expected
          .filter((was) => now.has(was.name))
          .filter((was) => JSON.stringify(now.get(was.name)) !== JSON.stringify(was))
          .map(
            (was) =>
              `${was.name} ${now.get(was.name)?.protected === true ? "protected otherwise" : "unprotected"}`,
          );
        if (changed.length > 0) problems.push(`${kind} ${n}: ${changed.join(", ")}`);
        if (JSON.stringify(unlockedCells(state)) !== JSON.stringify(unlockedCells(start)) && error !== null) {
          // Locked flags are cell formats: a failed write changes them only where it redrew them.
          const lost = (unlockedCells(start) as { name: string; unlocked: string[] }[]).some((sheet) => {
            const after = state.sheetByName(sheet.name);
            return (
              after !== undefined &&
              after.protected &&
              sheet.unlocked.some((cell) => {
                const [r, c] = cell.split(":").map(Number);
                return after.formatAt(r!, c!, "locked") !== false;
              })
            );
          });
          if (lost) problems.push(`${kind} ${n}: an entry cell of a protected sheet is locked now`);
        }
      }
      expect(problems).toEqual([]);
    },
    300_000,
  );

  it("keeps the syncs of the successful path", async () => {
    const unprotected = await chunkedHarness(start);
    for (const sheet of unprotected.excel.state.sheets) sheet.protected = false;
    await act(unprotected.port);
    expect(unprotected.port.stats.lastWrite?.syncs).toBe(writeSyncs);
  });
});

describe("a reprotect write whose recovery fails too", () => {
  it("reports the original failure and names the sheets left unprotected", async () => {
    const start = await unitWithEntry();
    const clean = await chunkedHarness(start);
    await generateWorkbook(clean.port, plan, { locale: "zh-CN" });
    const writeSyncs = clean.port.stats.lastWrite?.syncs ?? 0;
    const harness = await chunkedHarness(start);
    // Generate again: read (2 syncs), check (1), the write's requests. Fail the second request of
    // the write, after the first lifted protection, and every sync after it (the connection is gone).
    let count = 0;
    const failFrom = 2 + 1 + 2;
    expect(writeSyncs).toBeGreaterThan(3);
    const excel = harness.excel as unknown as { execute: (actions: readonly unknown[]) => Promise<void> };
    const execute = excel.execute.bind(harness.excel);
    excel.execute = async (queued) => {
      count += 1;
      if (count >= failFrom) throw new Error(`Injected loss of the connection at sync ${count}.`);
      return execute(queued);
    };
    const error = await generateWorkbook(harness.port, plan, { locale: "zh-CN" }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).message).toContain(`Injected loss of the connection at sync ${failFrom}.`);
    expect(unprotectedSheetsOf(error)).toContain("附件1 任务清单");
    expect((error as HostError).message).toContain("附件1 任务清单");
  });
});

describe("a reprotect write whose finishing is refused and whose recovery fails too", () => {
  it("stands, reports the refusal, and names the sheets left unprotected in a second failure", async () => {
    const harness = await createOfficeHarness({ excel: { state: await unitWithEntry() } });
    const tasks = "附件1 任务清单";
    // Excel refuses protecting 附件1 (the finishing); the witness read after it still answers,
    // then the connection is gone: the recovery's first sync fails.
    harness.excel.injectFault({ when: (op) => op.action === "protect" && op.path.includes(tasks) });
    const excel = harness.excel as unknown as { execute: (actions: readonly unknown[]) => Promise<void> };
    const execute = excel.execute.bind(harness.excel);
    let afterFault = 0;
    excel.execute = async (queued) => {
      if (harness.excel.faultsFired === 1) afterFault += 1;
      if (afterFault >= 2) throw new Error("Injected loss of the connection.");
      return execute(queued);
    };
    const outcome = await generateWorkbook(harness.port, plan, { locale: "zh-CN" });
    expect(outcome.ok).toBe(true);
    const failures = harness.port.stats.lastWrite?.cosmeticFailures ?? [];
    expect(failures).toHaveLength(2);
    expect(unprotectedSheetsOf(failures[0])).toEqual([]);
    expect(unprotectedSheetsOf(failures[1])).toContain(tasks);
    expect(failures[1]?.message).toContain("Injected loss of the connection.");
    expect(harness.excel.state.sheetByName(tasks)!.protected).toBe(false);
  });
});
