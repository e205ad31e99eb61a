import type { Plan } from "../core/plan/planSchema";
import { pointListRule } from "./metaSheet";
import type { AnySheetSpec } from "./sheetSpec";
import { indicatorsSheet } from "./sheets/indicatorsSheet";
import { monitoringPointNames, monitoringSheet } from "./sheets/monitoringSheet";
import { outfallRiversSheet } from "./sheets/outfallRiversSheet";
import {
  countySourcesSheet,
  municipalSourcesSheet,
  nationalSectionsSheet,
  regionalSectionsSheet,
} from "./sheets/pointSheets";
import { tasksSheet, type PlanSettings } from "./sheets/tasksSheet";

/**
 * Every sheet the add-in makes for a plan, in tab order: the six appendices, then the entry
 * sheets. Adding a sheet means writing its spec in src/workbook/sheets/ and listing it here.
 */
export function workbookSpec(plan: Plan, settings?: PlanSettings): readonly AnySheetSpec[] {
  return [
    tasksSheet(plan, settings),
    nationalSectionsSheet(plan),
    regionalSectionsSheet(plan),
    municipalSourcesSheet(plan),
    countySourcesSheet(plan),
    outfallRiversSheet(plan),
    monitoringSheet(plan, pointListRule(monitoringPointNames(plan).length)),
    indicatorsSheet(plan),
  ];
}
