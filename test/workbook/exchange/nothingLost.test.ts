import type { Workbook } from "exceljs";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { XlsxStreamReader } from "../../../src/hosts/xlsx/xlsxStreamReader";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsxWorkbook";
import { entryValues } from "../../../src/workbook/exchange/entryValues";
import {
  mergeReturns,
  returnSheetNames,
  type ReturnedWorkbook,
} from "../../../src/workbook/exchange/mergeReturns";
import { progressParts } from "../../../src/workbook/exchange/progressText";
import type { CellValue } from "../../../src/workbook/layout";
import { isBlank, readSheet, type ReadSheet } from "../../../src/workbook/readSheet";
import { workbookSpec } from "../../../src/workbook/workbookSpec";
import { edited, cityBook, returned, typeRow, typeSamples, typeTask, unitReturn } from "./returnedBooks";

jest.setTimeout(120_000);

async function readAll(bytes: Uint8Array): Promise<Map<string, ReadSheet>> {
  const snapshot = await XlsxStreamReader.fromBuffer(bytes).port.read(returnSheetNames(plan));
  const sheets = new Map<string, ReadSheet>();
  for (const spec of workbookSpec(plan)) {
    const sheet = snapshot.sheets.get(spec.name["zh-CN"]) ?? snapshot.sheets.get(spec.name["en-US"]);
    const read = sheet ? readSheet(spec, sheet, String) : null;
    if (read) sheets.set(spec.key, read);
  }
  return sheets;
}

/** A row's name as the merge report gives it, for plan sheets ("5") and monitoring rows (point and day). */
function rowNameOf(sheet: string, values: ReadonlyMap<string, CellValue>, identity: string | null): string {
  if (sheet !== "monitoring") return (identity ?? "").split("|").join(" / ");
  return `${String(values.get("point"))} ${String(values.get("sampledOn"))}`;
}

describe("merge loses nothing", () => {
  it("puts every value of every return into the city's workbook or lists it as a conflict", async () => {
    const city = await edited(await cityBook(), (b) => {
      typeTask(b, 3, "完成状态", "未启动");
      typeTask(b, 4, "进展情况", "【柳江区】旧的进展");
      typeSamples(b, [{ point: "露塘", date: "2023-04-01", values: { ph: 7.0 } }]);
    });
    const units: [string, (b: Workbook) => void][] = [
      [
        "柳江区",
        (b) => {
          typeTask(b, 3, "完成状态", "推进中");
          typeTask(b, 4, "进展情况", "新的进展");
          typeTask(b, 5, "完成状态", "已完成");
          typeTask(b, 5, "完成日期", "2023-05-20");
          typeRow(b, "附件2 国控断面", "断面名称", "露塘", "实测水质类别", "Ⅱ类");
          typeSamples(b, [
            { point: "露塘", date: "2023-04-01", values: { ph: 7.2, do: 8 } },
            { point: "大洲", date: "2023-05-02", values: { ph: 7.6, nh3n: 0.3 } },
          ]);
        },
      ],
      [
        "鱼峰区",
        (b) => {
          typeTask(b, 5, "完成状态", "推进中");
          typeTask(b, 5, "进展情况", "改造中");
          typeRow(b, "附件2 国控断面", "断面名称", "露塘", "实测水质类别", "Ⅱ类");
          typeSamples(b, [{ point: "大洲", date: "2023-05-02", values: { ph: 7.7 } }]);
        },
      ],
      [
        "柳南区",
        (b) => {
          typeTask(b, 5, "进展情况", "已验收");
        },
      ],
    ];
    const returns: ReturnedWorkbook[] = [];
    const bytesOf = new Map<string, Uint8Array>();
    for (const [unit, type] of units) {
      const bytes = await unitReturn(unit, type);
      bytesOf.set(`${unit}.xlsx`, bytes);
      returns.push(await returned(`${unit}.xlsx`, bytes));
    }
    const book = await XlsxWorkbook.fromBuffer(city);
    const outcome = await mergeReturns(book.port, plan, returns);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect(outcome.counts.conflicts).toBeGreaterThan(0);
    const merged = await readAll(new Uint8Array(await book.toBuffer()));

    let checked = 0;
    for (const [file, bytes] of bytesOf) {
      for (const [key, read] of await readAll(bytes)) {
        const spec = workbookSpec(plan).find((s) => s.key === key);
        if (spec === undefined) continue;
        const same = entryValues(spec, "zh-CN");
        const entryKeys = spec.columns.filter((c) => c.kind === "entry").map((c) => c.key);
        for (const row of read.rows) {
          for (const column of entryKeys) {
            const value = row.values.get(column);
            if (value === undefined || isBlank(value)) continue;
            checked += 1;
            const name = rowNameOf(key, row.values, row.identity);
            const inBook = merged.get(key)?.rows.some((r) => {
              if (rowNameOf(key, r.values, r.identity) !== name) return false;
              const held = r.values.get(column) ?? "";
              if (column === "progress" && key === "tasks") {
                return progressParts(held).some((p) => progressParts(value).some((v) => v.text === p.text));
              }
              return same.same(column, held, value);
            });
            const listed = outcome.conflicts.some(
              (c) =>
                c.row === name &&
                c.values.some((o) => o.from.file === file && same.same(column, o.value, value)),
            );
            if (!inBook && !listed)
              throw new Error(`lost: ${file} ${key} ${name} ${column} = ${String(value)}`);
          }
        }
      }
    }
    expect(checked).toBe(20);
  });
});
