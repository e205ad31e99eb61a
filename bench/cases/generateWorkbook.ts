/**
 * Generation through the Office.js host over the fake Excel: round trips and request sizes as the
 * entered monitoring data grows, and the time per entered row, all from one run. The fake measures
 * every request and response as JSON, the way Excel on the web counts its 5 MB payload limit.
 */
import { liuzhou2023Plan } from "../../src/core/plan/builtinPlans";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import {
  enterAsUser,
  createOfficeHarness,
  growTableTo,
  type OfficeHarness,
} from "../../test/hosts/excel/officeHarness";
import { key } from "../../test/fakes/excel/fakeWorkbookState";
import type { BenchCase } from "../benchCase";

const monitoringColumns = 32;

/** A generated workbook with `rows` monitoring rows entered, ready to be generated again. */
async function bookWithEntries(rows: number): Promise<OfficeHarness> {
  const harness = await createOfficeHarness({ excel: { sheetNames: ["Sheet1"] } });
  await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
  const sheet = harness.excel.state.sheetByName("监测数据");
  if (!sheet) throw new Error("generation made no 监测数据 sheet");
  for (let r = 0; r < rows; r += 1) {
    const row = 4 + r;
    enterAsUser(harness.excel.state, "监测数据", `A${row}`, r % 2 === 0 ? "露塘" : "浮石");
    enterAsUser(harness.excel.state, "监测数据", `B${row}`, 44927 + (r % 365));
    // 29 parameter columns (C..AE) as a monthly report fills them, written straight into the fake's cells.
    for (let c = 2; c < monitoringColumns - 1; c += 1) {
      sheet.values.set(
        key(row - 1, c),
        c % 7 === 0 ? "0.01L" : Math.round((0.05 + ((r * c) % 97) / 10) * 1000) / 1000,
      );
    }
  }
  // Excel grows the table over rows typed below it; the fake's cells were written directly.
  growTableTo(harness.excel.state, "WP_Monitoring", 2 + rows);
  return harness;
}

interface Measured {
  readonly rows: number;
  readonly syncs: number;
  readonly extraChunks: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly ms: number;
}

async function regenerate(rows: number): Promise<Measured> {
  const harness = await bookWithEntries(rows);
  const before = harness.excel.syncs.length;
  const start = process.hrtime.bigint();
  const outcome = await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!outcome.ok) throw new Error("generation refused");
  const syncs = harness.excel.syncs.slice(before);
  const { lastRead, lastWrite } = harness.port.stats;
  return {
    rows,
    syncs: syncs.length,
    extraChunks: (lastRead?.extraChunks ?? 0) + (lastWrite?.extraChunks ?? 0),
    maxRequestBytes: Math.max(...syncs.map((s) => s.requestBytes)),
    maxResponseBytes: Math.max(...syncs.map((s) => s.responseBytes)),
    ms,
  };
}

export const benchCase: BenchCase = {
  name: "generate the Liuzhou workbook again through the Office.js host (fake Excel, 5 MB limit)",
  async run() {
    const first = await createOfficeHarness({ excel: { sheetNames: ["Sheet1"] } });
    await generateWorkbook(first.port, liuzhou2023Plan, { locale: "zh-CN" });
    const firstSyncs = first.excel.syncs.length;

    const sizes = [0, 1_000, 10_000];
    const measured: Measured[] = [];
    for (const rows of sizes) measured.push(await regenerate(rows));
    const [none, thousand, tenThousand] = measured as [Measured, Measured, Measured];
    const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
    return {
      lines: [
        `first generation into a new workbook: ${firstSyncs} syncs, largest request ${kib(first.excel.maxRequestBytes)}`,
        "| entered monitoring rows | syncs | of which extra chunks | largest request | largest response | time |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        ...measured.map(
          (m) =>
            `| ${m.rows} | ${m.syncs} | ${m.extraChunks} | ${kib(m.maxRequestBytes)} | ${kib(m.maxResponseBytes)} | ${m.ms.toFixed(0)} ms |`,
        ),
      ],
      ratios: [
        // Round trips must not grow with the data: chunks aside, 10,000 rows take what 0 rows take.
        {
          label: "syncs without chunks, 10,000 rows ÷ 0 rows",
          ratio: (tenThousand.syncs - tenThousand.extraChunks) / (none.syncs - none.extraChunks),
          goal: 1,
        },
        // Work per row must not grow either: ten times the rows, at most about ten times the time.
        { label: "time, 10,000 rows ÷ 1,000 rows", ratio: tenThousand.ms / thousand.ms, goal: 12 },
        {
          label: "largest request ÷ 5 MB limit",
          ratio: tenThousand.maxRequestBytes / (5 * 1024 * 1024),
          goal: 1,
        },
      ],
    };
  },
};
