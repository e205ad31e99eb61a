import { sectionButtons } from "../../messages/sectionButtons";
import type { MergePaneMessages } from "./mergePaneMessages";

/** Merge returned forms, in English. */
export const enUSMerge: MergePaneMessages = {
  openButton: sectionButtons["en-US"].mergeOpen,
  closeButton: sectionButtons["en-US"].mergeClose,
  heading: "Merge returned forms",
  intro:
    "Pick the forms the units sent back (.xlsx, several at once), see what the merge would do, then merge them into this workbook: empty entry cells take the units' values, progress texts are joined under each unit's name, and monitoring rows are appended without duplicates. A value this workbook already holds is never overwritten: where they differ it is listed as a conflict, with both values.",
  chooseFiles: "Choose returned files…",
  filesLabel: (names) => `${names.length} ${names.length === 1 ? "file" : "files"}: ${names.join(", ")}`,
  readingFiles: (count) => `Reading ${count} ${count === 1 ? "file" : "files"}…`,
  step: (step) => {
    switch (step) {
      case "loading":
        return "Loading…";
      case "reading":
        return "Reading this workbook…";
      case "writing":
        return "Writing…";
    }
  },
  previewTitle: "What the merge would do",
  counts: (c, done) => [
    `${c.returnsRead} returned ${c.returnsRead === 1 ? "workbook" : "workbooks"} read${
      c.refused > 0 ? `, ${c.refused} refused` : ""
    }`,
    `${c.cellsFilled} empty ${c.cellsFilled === 1 ? "cell" : "cells"} ${done ? "filled" : "to fill"}`,
    `${c.textsJoined} progress ${c.textsJoined === 1 ? "text" : "texts"} ${done ? "joined" : "to join"}`,
    `${c.monitoringAdded} monitoring ${c.monitoringAdded === 1 ? "row" : "rows"} ${
      done ? "added" : "to add"
    } (${c.monitoringDuplicates} ${c.monitoringDuplicates === 1 ? "duplicate" : "duplicates"} left out)`,
    `${c.conflicts} ${c.conflicts === 1 ? "conflict" : "conflicts"} (this workbook's values kept)`,
    ...(c.cleared > 0
      ? [
          `${c.cleared} ${c.cleared === 1 ? "cell" : "cells"} left empty in a return (this workbook's values kept)`,
        ]
      : []),
  ],
  refusedHeading: "Files refused",
  refusedLine: (file, reason) => `${file}: ${reason}`,
  conflictsHeading: "Conflicts (none written: check them and settle them by hand)",
  clearedHeading:
    "Cells a return has empty that this workbook holds (this workbook's values kept; clear them by hand if that is meant)",
  more: (count) => `…and ${count} more (water-plan merge --json lists them all)`,
  mergeButton: "Merge into this workbook",
  nothingNew: "There is nothing new to merge.",
  doneTitle: "Merged",
  validateHint: "Choose Validate to check what was merged.",
  notXlsx: (file) => `${file} is not an .xlsx file (save an .xls as .xlsx in Excel first).`,
  problemTitle: "Cannot merge",
  bookNotMadeByAddIn:
    "This workbook was not made by the add-in (it has no hidden _WaterPlan sheet): choose Generate plan sheets first.",
  bookOtherPlan: (plan, expected) =>
    `This workbook belongs to the plan ${plan}, not to the current plan ${expected}; nothing was changed.`,
  cellsOutsideTables: (sheet, first, count) =>
    `The sheet “${sheet}” has ${count} cells far outside its table (the first at ${first}); appending monitoring rows rewrites the sheet and would lose them, so nothing was changed. Move or delete them, then merge again.`,
};
