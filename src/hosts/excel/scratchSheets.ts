/**
 * A sheet the add-in is making carries this prefix until it holds its table and its values: a
 * write that fails part-way then leaves no sheet under a plan sheet's name without the plan's
 * table (which the next generation would refuse as someone else's). The read hides such sheets and
 * the next write takes them over. "~" cannot start a sheet name the add-in gives.
 */
const SCRATCH_PREFIX = "~WP~";

/** The name a sheet is made under before it takes its own (Excel allows 31 characters). */
export function scratchSheetName(name: string): string {
  return (SCRATCH_PREFIX + name).slice(0, 31);
}

/** Whether a sheet is one the add-in was making when a write failed (see SCRATCH_PREFIX). */
export function isScratchSheetName(name: string): boolean {
  return name.startsWith(SCRATCH_PREFIX);
}
