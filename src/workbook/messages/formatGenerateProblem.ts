import type { Locale } from "../../core/locale";
import type { GenerateProblem } from "../generateWorkbook";
import type { CellValue } from "../layout";

/**
 * Why generation stopped, in the user's language: one sentence that names the sheet and says
 * what to do. The task pane and the CLI both show it.
 *
 * @example
 * formatGenerateProblem({ code: "sheet_name_taken", sheet: "监测数据" }, "zh-CN")
 */
export function formatGenerateProblem(problem: GenerateProblem, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (problem.code) {
    case "sheet_name_taken":
      return zh
        ? `工作簿中已有名为“${problem.sheet}”的工作表，但它不是本助手生成的（或其中的表格已被删除），为保护其中的数据未作任何改动；请将其改名或删除后重试。`
        : `The workbook already has a sheet named "${problem.sheet}" that this add-in did not make (or whose table was removed), so nothing was changed to keep its data. Rename or delete it, then generate again.`;
    case "cells_outside_tables":
      return zh
        ? `工作表“${problem.sheet}”在表格以外很远处还有 ${problem.count} 个单元格（首个 ${problem.first}），本助手没有读取它们；为免丢失，未作任何改动。请把这些内容移到表格内或紧挨表格下方，或删除后重试。`
        : `The sheet "${problem.sheet}" has ${problem.count} cells far outside its table (the first at ${problem.first}) that the add-in did not read; nothing was changed so that none is lost. Move them into the table or just below it, or delete them, then generate again.`;
    case "cell_in_the_way": {
      const more = problem.count > 1;
      const value = quoteCell(problem.value);
      return zh
        ? `工作表“${problem.sheet}”的单元格 ${problem.cell}（内容“${value}”）${more ? `等 ${problem.count} 个单元格` : ""}在表格以外，但重新生成的表格要写到那里；为免覆盖，未作任何改动。请把${more ? "它们" : "它"}移到别处或删除后重试。`
        : `The sheet "${problem.sheet}" has ${more ? `${problem.count} cells outside its table, the first ${problem.cell}` : `a cell outside its table at ${problem.cell}`} (holding "${value}") where the table generated again would be written; nothing was changed so that ${more ? "none is" : "it is not"} overwritten. Move ${more ? "them" : "it"} elsewhere or delete ${more ? "them" : "it"}, then generate again.`;
    }
    case "plan_sheet_renamed":
      return zh
        ? `“${problem.sheet}”的表格 ${problem.table} 在另一张工作表中，该工作表可能被改了名。为保护其中已填报的数据未作任何改动；请把它改回“${problem.sheet}”后重试。`
        : `The table ${problem.table} of "${problem.sheet}" is on another sheet, which was probably renamed. Nothing was changed to keep the entries in it; rename it back to "${problem.sheet}", then generate again.`;
  }
}

/** What a cell holds, on one line and at most 40 characters ("…" marks the cut). */
function quoteCell(value: CellValue): string {
  const text = (value === null ? "" : String(value)).replace(/\s+/g, " ");
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
