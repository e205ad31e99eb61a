import type { Plan } from "../core/plan/planSchema";
import { planInScope } from "../core/plan/planScope";
import { readScope } from "./metaSheet";
import type { SheetSnapshot } from "./port";

/**
 * The plan as it applies to one workbook: the whole plan for the city's own workbook, or only what
 * the unit answers for in a workbook split for it (a scope in the meta sheet, see readScope), so
 * that a county's validation judges only its rows and generating again does not add the city's
 * other rows. Generation, validation and import call it on the meta sheet they read, so the
 * command line, the task pane and the preview all apply the plan the same way.
 *
 * @example
 * const plan = planForWorkbook(liuzhou, metaSnapshot); // 柳江区's tasks and points in its workbook
 */
export function planForWorkbook(plan: Plan, meta: SheetSnapshot | undefined): Plan {
  const scope = readScope(meta);
  return scope === null ? plan : planInScope(plan, scope.scope);
}
