import type { ParameterKey } from "../water-quality/parameters";

/**
 * The range a measured value can plausibly take in surface water, per parameter, in the monitoring
 * sheet's unit. A value outside is an error, not a class: pH is 0–14 by definition; dissolved oxygen
 * above 20 mg/L exceeds what supersaturated fresh water holds; the other upper bounds lie about ten
 * times above the worst surface water reported in Chinese bulletins, so a value beyond them is almost
 * surely a unit slip (µg/L typed into a mg/L column) or a typing error. Water temperature 0–45 ℃.
 * Parameters not listed are checked only for being non-negative numbers.
 *
 * @example
 * plausibleRanges.ph // { min: 0, max: 14 }
 */
export const plausibleRanges: Readonly<Partial<Record<ParameterKey, { min: number; max: number }>>> = {
  water_temp: { min: 0, max: 45 },
  ph: { min: 0, max: 14 },
  do: { min: 0, max: 20 },
  codmn: { min: 0, max: 200 },
  cod: { min: 0, max: 2000 },
  bod5: { min: 0, max: 1000 },
  nh3n: { min: 0, max: 200 },
  tp: { min: 0, max: 50 },
  tn: { min: 0, max: 300 },
  cu: { min: 0, max: 100 },
  zn: { min: 0, max: 100 },
  fluoride: { min: 0, max: 100 },
  se: { min: 0, max: 10 },
  as: { min: 0, max: 10 },
  hg: { min: 0, max: 1 },
  cd: { min: 0, max: 10 },
  cr6: { min: 0, max: 50 },
  pb: { min: 0, max: 50 },
  cn: { min: 0, max: 50 },
  volatile_phenol: { min: 0, max: 100 },
  petroleum: { min: 0, max: 1000 },
  las: { min: 0, max: 500 },
  sulfide: { min: 0, max: 100 },
  fecal_coliform: { min: 0, max: 1e9 },
  sulfate: { min: 0, max: 10_000 },
  chloride: { min: 0, max: 20_000 },
  nitrate: { min: 0, max: 500 },
  iron: { min: 0, max: 500 },
  manganese: { min: 0, max: 100 },
};
