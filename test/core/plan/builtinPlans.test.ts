import liuzhou2023Json from "../../../seeds/liuzhou-2023.json";
import { builtinPlans, liuzhou2023Plan } from "../../../src/core/plan/builtinPlans";
import { parsePlan } from "../../../src/core/plan/parsePlan";

describe("the built-in plans", () => {
  it("parse without a single problem, so the unparsed data the pane ships is a valid Plan", () => {
    expect(parsePlan(liuzhou2023Json)).toEqual({ ok: true, plan: liuzhou2023Plan });
  });

  it("have unique ids, Liuzhou 2023 first", () => {
    expect(builtinPlans.map((plan) => plan.id)).toEqual(["liuzhou-2023"]);
    for (const plan of builtinPlans) expect(parsePlan(plan)).toMatchObject({ ok: true });
  });
});
