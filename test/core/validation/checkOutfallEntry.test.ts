import { checkOutfallEntry, type OutfallEntryInput } from "../../../src/core/validation/checkOutfallEntry";

const survey = (input: Partial<OutfallEntryInput>): OutfallEntryInput => ({
  surveyDone: null,
  outfalls: null,
  traced: null,
  remediationTasks: null,
  remediated: null,
  ...input,
});

const codes = (input: Partial<OutfallEntryInput>): string[] =>
  checkOutfallEntry(survey(input)).problems.map((p) => `${p.code}@${p.field ?? ""}`);

describe("checkOutfallEntry: the counts", () => {
  it("reads whole numbers of 0 or more, as numbers or text", () => {
    const result = checkOutfallEntry(
      survey({ surveyDone: "是", outfalls: 12, traced: "10", remediationTasks: "１２", remediated: 0 }),
    );
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ outfalls: 12, traced: 10, remediationTasks: 12, remediated: 0 });
    expect(result.surveyDone).toBe(true);
  });

  it("reads a blank survey as nothing entered, not as zero", () => {
    expect(checkOutfallEntry(survey({}))).toEqual({
      problems: [],
      counts: { outfalls: null, traced: null, remediationTasks: null, remediated: null },
      surveyDone: null,
    });
  });

  it.each([
    [3.5, "3.5"],
    [-1, "-1"],
    ["-1", "-1"],
    ["约10个", "约10个"],
    ["12个", "12个"],
    [true, "true"],
    ["#N/A", "#N/A"],
  ] as const)("reports %p as no whole number at its own field, quoting %p", (typed, input) => {
    for (const field of ["outfalls", "traced", "remediationTasks", "remediated"] as const) {
      const result = checkOutfallEntry(survey({ [field]: typed }));
      expect(result.problems).toEqual([
        { code: "count_not_whole_number", severity: "error", field, params: { input } },
      ]);
      expect(result.counts[field]).toBeNull();
    }
  });

  it("quotes a count typed with a % sign as typed, since 5 alone is a whole number", () => {
    expect(checkOutfallEntry(survey({ traced: "5%" })).problems).toEqual([
      { code: "count_not_whole_number", severity: "error", field: "traced", params: { input: "5%" } },
    ]);
  });

  it("reports traced above found at the traced count, with both figures", () => {
    expect(checkOutfallEntry(survey({ outfalls: 10, traced: 12 })).problems).toEqual([
      { code: "traced_exceeds_found", severity: "error", field: "traced", params: { value: 12, limit: 10 } },
    ]);
    expect(codes({ outfalls: 10, traced: 10 })).toEqual([]);
  });

  it("reports remediation tasks above found at the tasks' count", () => {
    expect(codes({ outfalls: 10, remediationTasks: 11 })).toEqual([
      "remediation_tasks_exceed_found@remediationTasks",
    ]);
  });

  it("judges remediated against the remediation tasks, or against found while the tasks are blank", () => {
    expect(codes({ outfalls: 10, remediationTasks: 4, remediated: 5 })).toEqual([
      "remediated_exceeds_tasks@remediated",
    ]);
    expect(codes({ outfalls: 10, remediationTasks: 4, remediated: 4 })).toEqual([]);
    expect(codes({ outfalls: 10, remediated: 11 })).toEqual(["remediated_exceeds_found@remediated"]);
    expect(checkOutfallEntry(survey({ outfalls: 10, remediated: 11 })).problems[0]?.params).toEqual({
      value: 11,
      limit: 10,
    });
  });

  it("compares nothing with a count that is blank or wrong", () => {
    expect(codes({ traced: 12 })).toEqual([]);
    expect(codes({ outfalls: "十", traced: 12 })).toEqual(["count_not_whole_number@outfalls"]);
  });
});

describe("checkOutfallEntry: 排查完成", () => {
  it.each([
    ["是", true],
    ["否", false],
    ["Yes", true],
    ["no", false],
    ["已完成", true],
    ["未完成", false],
    [true, true],
    [false, false],
    [" 是 ", true],
  ] as const)("reads %p as %p", (typed, done) => {
    expect(checkOutfallEntry(survey({ surveyDone: typed }))).toMatchObject({
      problems: [],
      surveyDone: done,
    });
  });

  it("reports anything else at its field, quoting it", () => {
    expect(checkOutfallEntry(survey({ surveyDone: "差不多" })).problems).toEqual([
      { code: "survey_done_unreadable", severity: "error", field: "surveyDone", params: { input: "差不多" } },
    ]);
    expect(codes({ surveyDone: 1 })).toEqual(["survey_done_unreadable@surveyDone"]);
  });
});
