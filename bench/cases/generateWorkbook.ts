/**
 * Generation again, and validation's marks written through update, by the Office.js host over the
 * fake Excel: round trips and request sizes as the entered monitoring data grows (1×, 10×, 100×
 * the example's 130 rows), and the time per entered row, all from one run. The fake measures every
 * request as Office builds it and every response as JSON, the way Excel on the web counts its 5 MB
 * payload limit.
 */
import { liuzhou2023Plan } from "../../src/core/plan/builtinPlans";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import { addInNoteMarker, type WriteBatch } from "../../src/workbook/port";
import {
  enterAsUser,
  createOfficeHarness,
  growTableTo,
  type OfficeHarness,
} from "../../test/hosts/excel/officeHarness";
import { key } from "../../test/fakes/excel/fakeGeometry";
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

/** Measures one call on the harness: the syncs it made and their largest request and response. */
async function measure(
  harness: OfficeHarness,
  rows: number,
  call: () => Promise<unknown>,
  extraChunks: () => number,
): Promise<Measured> {
  const before = harness.excel.syncs.length;
  const start = process.hrtime.bigint();
  await call();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const syncs = harness.excel.syncs.slice(before);
  return {
    rows,
    syncs: syncs.length,
    extraChunks: extraChunks(),
    maxRequestBytes: syncs.reduce((max, s) => Math.max(max, s.requestBytes), -Infinity),
    maxResponseBytes: syncs.reduce((max, s) => Math.max(max, s.responseBytes), -Infinity),
    ms,
  };
}

async function regenerate(rows: number): Promise<Measured> {
  const harness = await bookWithEntries(rows);
  return measure(
    harness,
    rows,
    async () => {
      const outcome = await generateWorkbook(harness.port, liuzhou2023Plan, { locale: "zh-CN" });
      if (!outcome.ok) throw new Error("generation refused");
    },
    () => (harness.port.stats.lastRead?.extraChunks ?? 0) + (harness.port.stats.lastWrite?.extraChunks ?? 0),
  );
}

/**
 * Validation's marks through update, as validation writes them: the add-in's old notes cleared and
 * every tenth monitoring row marked with a fill and a note, 逾期情况 computed for every task. The
 * second of two runs is measured, so that it finds the first run's notes to clear.
 */
async function markTwice(rows: number): Promise<Measured> {
  const harness = await bookWithEntries(rows);
  const marked = Array.from({ length: Math.ceil(rows / 10) }, (_, i) => 3 + i * 10);
  const batch = (run: number): WriteBatch => ({
    sheets: [],
    activate: null,
    patches: [
      {
        sheet: "监测数据",
        values: [],
        fills: marked.map((row) => ({
          rect: { row, col: 2 + run, rowCount: 1, colCount: 1 },
          fill: "#FFC7CE",
        })),
        clearNotes: { row: 3, col: 0, rowCount: Math.max(1, rows), colCount: monitoringColumns },
        notes: marked.map((row) => ({
          row,
          col: 2 + run,
          text: `${addInNoteMarker}第${row + 1}行超出检出范围`,
        })),
      },
      {
        sheet: "附件1 任务清单",
        values: [
          {
            rect: { row: 3, col: 14, rowCount: 53, colCount: 1 },
            values: Array.from({ length: 53 }, () => ["未逾期"]),
          },
        ],
        fills: [],
        clearNotes: null,
        notes: [],
      },
    ],
  });
  const names = ["监测数据", "附件1 任务清单"];
  await harness.port.update(names, {}, () => ({ batch: batch(0), result: null }));
  return measure(
    harness,
    rows,
    () => harness.port.update(names, {}, () => ({ batch: batch(1), result: null })),
    () => (harness.port.stats.lastRead?.extraChunks ?? 0) + (harness.port.stats.lastWrite?.extraChunks ?? 0),
  );
}

/** 1× is the example's 130 monitoring rows, as in the validation benchmark. */
const scales = [1, 10, 100] as const;
const exampleRows = 130;

export const benchCase: BenchCase = {
  name: "generate again and write validation's marks through the Office.js host (fake Excel, 5 MB limit)",
  async run() {
    const first = await createOfficeHarness({ excel: { sheetNames: ["Sheet1"] } });
    await generateWorkbook(first.port, liuzhou2023Plan, { locale: "zh-CN" });
    const firstSyncs = first.excel.syncs.length;

    const generated: Measured[] = [];
    const marks: Measured[] = [];
    for (const scale of scales) {
      generated.push(await regenerate(exampleRows * scale));
      marks.push(await markTwice(exampleRows * scale));
    }
    const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
    const table = (what: string, measured: readonly Measured[]): string[] => [
      `| ${what} | monitoring rows | syncs | of which extra chunks | largest request | largest response | time |`,
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...measured.map(
        (m, i) =>
          `| ${scales[i] ?? 0}× | ${m.rows} | ${m.syncs} | ${m.extraChunks} | ${kib(m.maxRequestBytes)} | ${kib(m.maxResponseBytes)} | ${m.ms.toFixed(0)} ms |`,
      ),
    ];
    const plain = (m: Measured | undefined): number =>
      m === undefined ? Number.NaN : m.syncs - m.extraChunks;
    return {
      lines: [
        `first generation into a new workbook: ${firstSyncs} syncs, largest request ${kib(first.excel.maxRequestBytes)}`,
        ...table("generate again", generated),
        ...table("validation's marks (update)", marks),
      ],
      ratios: [
        // Round trips must not grow with the data: chunks aside, 100× the rows take what 1× takes.
        {
          label: "generate: syncs without chunks, 100× ÷ 1×",
          ratio: plain(generated[2]) / plain(generated[0]),
          goal: 1,
        },
        {
          label: "marks: syncs without chunks, 100× ÷ 1×",
          ratio: plain(marks[2]) / plain(marks[0]),
          goal: 1,
        },
        // Work per row must not grow either: ten times the rows, at most about ten times the time.
        {
          label: "generate: time, 100× ÷ 10×",
          ratio: (generated[2]?.ms ?? 0) / (generated[1]?.ms ?? 1),
          goal: 12,
        },
        {
          label: "largest request ÷ 5 MB limit",
          ratio:
            [...generated, ...marks].reduce((max, m) => Math.max(max, m.maxRequestBytes), -Infinity) /
            (5 * 1024 * 1024),
          goal: 1,
        },
      ],
    };
  },
};
