import { liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { resolveDeadline } from "../../../src/core/plan/resolveDeadline";
import { coveredYears } from "../../../src/core/plan/workingDays";

const task = (n: number) => liuzhou2023Plan.tasks[n - 1]!;

describe("resolveDeadline", () => {
  it("gives fixed dates as they are, whatever the publication date", () => {
    expect(resolveDeadline(task(1).deadline, { publicationDate: null })).toEqual({
      kind: "date",
      date: "2023-12-31",
    });
    expect(resolveDeadline(task(20).deadline, { publicationDate: "2023-04-10" })).toEqual({
      kind: "date",
      date: "2023-11-30",
    });
    expect(resolveDeadline(task(53).deadline, { publicationDate: null })).toEqual({
      kind: "date",
      date: "2023-12-20",
    });
  });

  it("counts task 44's 20 working days from the publication date", () => {
    expect(resolveDeadline(task(44).deadline, { publicationDate: "2023-04-10" })).toEqual({
      kind: "date",
      date: "2023-05-09",
    });
  });

  it("waits for the publication date while it is unset", () => {
    expect(resolveDeadline(task(44).deadline, { publicationDate: null })).toEqual({
      kind: "no_publication_date",
    });
  });

  it("says when the publication date is not a day", () => {
    expect(resolveDeadline(task(44).deadline, { publicationDate: "2023-02-30" })).toEqual({
      kind: "invalid_publication_date",
      publicationDate: "2023-02-30",
    });
    expect(resolveDeadline(task(44).deadline, { publicationDate: "10/04/2023" })).toMatchObject({
      kind: "invalid_publication_date",
    });
  });

  it("says when the holiday calendar does not cover the days counted", () => {
    const lastYear = coveredYears[coveredYears.length - 1]!;
    expect(resolveDeadline(task(44).deadline, { publicationDate: `${lastYear}-12-20` })).toEqual({
      kind: "calendar_not_covered",
      year: lastYear + 1,
    });
  });
});
