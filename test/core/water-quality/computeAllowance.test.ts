import { classifyPeriod } from "../../../src/core/water-quality/classifyPeriod";
import { computeAllowance, type AllowanceInput } from "../../../src/core/water-quality/computeAllowance";
import { meetsTarget } from "../../../src/core/water-quality/waterClass";

/** Six monthly samples so far, six months left, unless the case says otherwise. */
function halfYear(
  input: Partial<AllowanceInput> & Pick<AllowanceInput, "parameter" | "mean">,
): AllowanceInput {
  return {
    waterbody: "river",
    target: 2,
    samples: 6,
    monthsWithData: 6,
    remainingMonths: 6,
    latest: input.mean,
    ...input,
  };
}

describe("computeAllowance (达标倒推)", () => {
  it("leaves 0.4 mg/L of ammonia for the second half when the first averaged 0.6 against a Ⅱ limit of 0.5", () => {
    const a = computeAllowance(halfYear({ parameter: "nh3n", mean: 0.6 }));
    expect(a).toMatchObject({ bound: "max", limit: 0.5, allowance: 0.4, expectedSamples: 6 });
    expect(a?.warnings).toEqual(["over_limit", "latest_beyond_allowance"]);
  });

  it("a year whose remaining months sit exactly at the allowance meets the target; a little above misses it", () => {
    const first = Array.from({ length: 6 }, () => ({ nh3n: 0.6 }));
    const allowance = computeAllowance(halfYear({ parameter: "nh3n", mean: 0.6 }))?.allowance ?? Number.NaN;
    const at = classifyPeriod([...first, ...Array.from({ length: 6 }, () => ({ nh3n: allowance }))]);
    const above = classifyPeriod([
      ...first,
      ...Array.from({ length: 6 }, () => ({ nh3n: allowance + 0.001 })),
    ]);
    expect(at.class !== null && meetsTarget(at.class, 2)).toBe(true);
    expect(above.class).toBe(3);
  });

  it("turns round for dissolved oxygen: the remaining months must average at least the allowance", () => {
    // Ⅲ limit 5 mg/L; eight months at 4.6 leave four that must reach 5.8.
    const a = computeAllowance({
      parameter: "do",
      waterbody: "river",
      target: 3,
      mean: 4.6,
      samples: 8,
      monthsWithData: 8,
      remainingMonths: 4,
      latest: 5.5,
    });
    expect(a).toMatchObject({ bound: "min", limit: 5, allowance: 5.8 });
    expect(a?.warnings).toEqual(["over_limit", "latest_beyond_allowance"]);
    const year = classifyPeriod([
      ...Array.from({ length: 8 }, () => ({ do: 4.6 })),
      ...Array.from({ length: 4 }, () => ({ do: 5.8 })),
    ]);
    expect(year.class).toBe(3);
  });

  it("warns when dissolved oxygen meets its limit by less than 10 %", () => {
    const a = computeAllowance(halfYear({ parameter: "do", target: 3, mean: 5.4 }));
    expect(a?.warnings).toEqual(["near_limit"]);
    expect(computeAllowance(halfYear({ parameter: "do", target: 3, mean: 5.6 }))?.warnings).toEqual([]);
  });

  it("uses a lake's phosphorus limit (Ⅲ: 0.05, not the river's 0.2)", () => {
    const a = computeAllowance(
      halfYear({ parameter: "tp", waterbody: "lake", target: 3, mean: 0.046, latest: 0.03 }),
    );
    expect(a).toMatchObject({ limit: 0.05, allowance: 0.054, warnings: ["near_limit"] });
    const river = computeAllowance(halfYear({ parameter: "tp", target: 3, mean: 0.046, latest: 0.03 }));
    expect(river).toMatchObject({ limit: 0.2, warnings: [] });
  });

  it("says a target is out of reach when the allowance is negative", () => {
    const a = computeAllowance(
      halfYear({ parameter: "nh3n", mean: 1.2, remainingMonths: 3, samples: 9, monthsWithData: 9 }),
    );
    expect(a?.allowance).toBeLessThan(0);
    expect(a?.warnings).toEqual(["over_limit", "unreachable"]);
  });

  it("counts the remaining samples at the rate so far (two a month) and gives none once the year is over", () => {
    const twice = computeAllowance(halfYear({ parameter: "nh3n", mean: 0.6, samples: 12 }));
    expect(twice).toMatchObject({ expectedSamples: 12, allowance: 0.4 });
    const over = computeAllowance(halfYear({ parameter: "nh3n", mean: 0.45, remainingMonths: 0 }));
    expect(over).toMatchObject({ allowance: null, warnings: ["near_limit"] });
  });

  it("gives nothing for pH, which has no class limits to average against", () => {
    expect(computeAllowance(halfYear({ parameter: "ph", mean: 7 }))).toBeNull();
  });
});
