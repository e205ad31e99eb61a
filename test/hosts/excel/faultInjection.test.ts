import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { generateWorkbook, type GenerateOutcome } from "../../../src/workbook/generateWorkbook";
import { validateWorkbook, type ValidateOutcome } from "../../../src/workbook/validate/validateWorkbook";
import type { WorkbookPort } from "../../../src/workbook/port";
import {
  endedWell,
  faultBaseline,
  faultScenario,
  runWithFault,
  type Entry,
  type FaultBaseline,
  type FaultScenario,
} from "./faultInjection";
import { enterAsUser, enterCommentAsUser, enterNoteAsUser, type OfficeHarness } from "./officeHarness";

const tasks = "附件1 任务清单";

function generate(port: WorkbookPort): Promise<GenerateOutcome> {
  return generateWorkbook(port, liuzhou2023Plan, { locale: "zh-CN" });
}

/** Two generations agree on success and on how many entries they kept (not on which sheets were new). */
function generated(outcome: GenerateOutcome): unknown {
  return outcome.ok ? { ok: true, keptEntries: outcome.keptEntries } : outcome;
}

/** A workbook generated once, then filled in by a user: status, a formula, text like a formula, a note, samples. */
async function withEntries(harness: OfficeHarness): Promise<readonly Entry[]> {
  expect((await generate(harness.port)).ok).toBe(true);
  const state = harness.excel.state;
  enterAsUser(state, tasks, "L9", "已完成");
  enterAsUser(state, tasks, "N9", "'=见附表");
  enterAsUser(state, tasks, "N10", "2 座污水厂已提标");
  enterNoteAsUser(state, tasks, "N10", "张三：待核实");
  enterAsUser(state, "附件6 排查河流", "E4", 12);
  enterAsUser(state, "监测数据", "A4", "露塘");
  enterAsUser(state, "监测数据", "E4", "0.01L");
  return [
    { sheet: tasks, identityColumn: 0, identityValue: 6, column: 11, value: "已完成" },
    { sheet: tasks, identityColumn: 0, identityValue: 6, column: 13, value: "=见附表" },
    { sheet: tasks, identityColumn: 0, identityValue: 7, column: 13, value: "2 座污水厂已提标" },
    { sheet: "附件6 排查河流", identityColumn: 0, identityValue: 1, column: 4, value: 12 },
    { sheet: "监测数据", identityColumn: 0, identityValue: "露塘", column: 4, value: "0.01L" },
  ];
}

/** 生成汇总 in the pane: validate and write 汇总. */
function validate(port: WorkbookPort): Promise<ValidateOutcome> {
  return validateWorkbook(port, liuzhou2023Plan, { locale: "zh-CN", asOf: "2023-06-30" });
}

/** 校验 in the pane: validate without writing 汇总. */
function validateOnly(port: WorkbookPort): Promise<ValidateOutcome> {
  return validateWorkbook(port, liuzhou2023Plan, { locale: "zh-CN", asOf: "2023-06-30", summary: false });
}

/** Two validations agree on the whole report (issues, points, indicators, tasks, goals). */
function validated(outcome: ValidateOutcome): unknown {
  return outcome.ok ? outcome.report : outcome;
}

/**
 * The workbook above validated once (marks, 【校验】 notes, computed cells, 汇总 and its chart),
 * then changed by the user: the next validation clears the old marks and draws new ones.
 */
async function validatedWithEntries(harness: OfficeHarness): Promise<readonly Entry[]> {
  const entries = await withEntries(harness);
  expect((await validate(harness.port)).ok).toBe(true);
  enterAsUser(harness.excel.state, "监测数据", "E4", "abc");
  return entries.map((e) => (e.sheet === "监测数据" && e.column === 4 ? { ...e, value: "abc" } : e));
}

/** As above in an Excel whose marks are comments, with a user's comment on a cell validation marks. */
async function validatedWithComments(harness: OfficeHarness): Promise<readonly Entry[]> {
  expect(harness.port.markTexts).toBe("comments");
  const entries = await validatedWithEntries(harness);
  expect(harness.excel.state.sheetByName(tasks)!.comments.length).toBeGreaterThan(0);
  enterCommentAsUser(harness.excel.state, "监测数据", "E4", "张三：实验室待复核");
  return entries;
}

/**
 * As validatedWithEntries in an Excel with notes, with a user's comment on a cell the next
 * validation marks: that cell takes no note (a cell holds a note or a comment), and nothing fails.
 */
async function validatedWithUserComment(harness: OfficeHarness): Promise<readonly Entry[]> {
  expect(harness.port.markTexts).toBe("notes");
  const entries = await validatedWithEntries(harness);
  enterCommentAsUser(harness.excel.state, "监测数据", "E4", "张三：实验室待复核");
  return entries;
}

async function emptyWorkbook(harness: OfficeHarness): Promise<readonly Entry[]> {
  await harness.addSheet("Sheet1");
  return [];
}

/**
 * The actions run with a fault at every sync and at every operation. Another action plugs in with
 * one line: a name, the workbook it starts from, the action, and what two runs must agree on.
 */
const scenarios: readonly FaultScenario<never>[] = [
  faultScenario("generate into a new workbook", emptyWorkbook, generate, generated),
  faultScenario("generate again over what users entered", withEntries, generate, generated),
  faultScenario("validate what users entered (校验, no 汇总)", withEntries, validateOnly, validated),
  faultScenario("validate and summarise what users entered", withEntries, validate, validated),
  faultScenario("validate again over the last validation's marks", validatedWithEntries, validate, validated),
  // An Excel without notes (ExcelApi 1.18) but with comments (1.10): the marks' texts are comments.
  faultScenario(
    "validate again over the last validation's comments (ExcelApi 1.17)",
    validatedWithComments,
    validate,
    validated,
    "1.17",
  ),
  faultScenario(
    "validate again over the last validation's notes, a user's comment on a marked cell",
    validatedWithUserComment,
    validate,
    validated,
  ),
] as unknown as FaultScenario<never>[];

describe.each(scenarios.map((s) => [s.name, s] as const))(
  "the Office host with a fault injected: %s",
  (_name, scenario) => {
    let baseline: FaultBaseline;
    let injected = 0;

    beforeAll(async () => {
      baseline = await faultBaseline(scenario);
    });

    afterAll(() => {
      // One line per suite: how many faults the suite injected, so a silent skip shows.
      console.log(
        `${scenario.name}: ${injected} faults injected (${baseline.syncs} syncs failed, ${baseline.syncs} answers lost, ${baseline.operations} operations)`,
      );
    });

    // "lostAnswer": the sync is applied whole and then fails, as a time-out on Excel on the web.
    it.each(["sync", "lostAnswer", "operation"] as const)(
      "fails with a HostError at every %s, keeps what users entered, and the next run repairs it",
      async (kind) => {
        const places = kind === "operation" ? baseline.operations : baseline.syncs;
        expect(places).toBeGreaterThan(0);
        const failures: string[] = [];
        for (let n = 1; n <= places; n += 1) {
          const run = await runWithFault(
            scenario,
            baseline,
            kind === "sync" ? { sync: n } : kind === "lostAnswer" ? { lostAnswer: n } : { operation: n },
          );
          injected += run.fired;
          const problems = [
            run.fired === 1 ? "" : "the fault never fired",
            endedWell(run) ? "" : `ended with ${String(run.error)}`,
            run.missing.length === 0 ? "" : `lost ${JSON.stringify(run.missing)}`,
            JSON.stringify(run.rerun) === JSON.stringify(baseline.result)
              ? ""
              : `rerun gave ${JSON.stringify(run.rerun)}`,
            JSON.stringify(run.rerunFingerprint) === JSON.stringify(baseline.fingerprint)
              ? ""
              : "rerun left another workbook",
          ].filter((p) => p !== "");
          if (problems.length > 0) failures.push(`${kind} ${n}: ${problems.join("; ")}`);
        }
        expect(failures).toEqual([]);
      },
      600_000,
    );
  },
);
