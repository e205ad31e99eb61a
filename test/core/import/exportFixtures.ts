import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readCsvGrid } from "../../../src/core/import/readCsvGrid";
import type { ParameterKey } from "../../../src/core/water-quality/parameters";
import { table1Parameters, table2Parameters } from "../../../src/core/water-quality/parameters";

/** The made-up exports of test/fixtures/exports (real headers and flags; see its README). */
export type ExportFixture =
  "national-realtime.csv" | "national-realtime.gbk.csv" | "monthly-bulletin.csv" | "lab-report.csv";

export const exportFixtureDir = join(__dirname, "..", "..", "fixtures", "exports");

/** A fixture's bytes, as a user's file would give them. */
export function exportFixtureBytes(name: ExportFixture): Uint8Array {
  return new Uint8Array(readFileSync(join(exportFixtureDir, name)));
}

/** A fixture read as the import reads a CSV. */
export function exportFixtureGrid(name: ExportFixture): string[][] {
  return readCsvGrid(exportFixtureBytes(name)).rows;
}

/** The parameters 监测数据 has columns for (Table 1 and Table 2 of GB 3838-2002). */
export const monitoringSheetParameters: readonly ParameterKey[] = [
  ...table1Parameters,
  ...table2Parameters,
].map((p) => p.key);
