import type { SampleValues } from "../../../src/core/water-quality/classifyPeriod";
import { resolveParameterHeader } from "../../../src/core/water-quality/resolveParameterHeader";
import { parseMeasuredValue } from "../../../src/core/water-quality/parseMeasuredValue";

/**
 * A sample written the way staff write it: headers by any alias, values as typed.
 *
 * @example makeSample({ "NH3-N": 0.8, 总磷: "0.02L" })
 */
export function makeSample(entries: Readonly<Record<string, string | number>>): SampleValues {
  const sample: Record<string, ReturnType<typeof parseMeasuredValue>> = {};
  for (const [header, raw] of Object.entries(entries)) {
    const resolved = resolveParameterHeader(header);
    if (resolved.kind !== "parameter") throw new Error(`test builder: unknown header ${header}`);
    const parsed = parseMeasuredValue(raw);
    sample[resolved.parameter.key] =
      parsed.kind === "value" && resolved.factor !== 1
        ? { kind: "value", value: parsed.value * resolved.factor }
        : parsed;
  }
  return sample;
}
