import { posix } from "node:path";
import { joinPart, partBase, partDir, relativePart, relsPartOf } from "../../../src/hosts/xlsx/partPath";

describe("part names inside an .xlsx package, without node:path", () => {
  it.each([
    ["xl", "worksheets/sheet1.xml"],
    ["xl/worksheets", "../tables/table1.xml"],
    ["xl/worksheets", "./../drawings/./drawing1.xml"],
    ["", "xl/workbook.xml"],
    ["xl", "../../docProps/app.xml"],
    ["xl//worksheets", "sheet2.xml"],
  ])("joins %s and %s as posix.normalize(posix.join(…)) does", (dir, target) => {
    expect(joinPart(dir, target)).toBe(posix.normalize(posix.join(dir, target)).replace(/^\.\//u, ""));
  });

  it.each(["xl/workbook.xml", "workbook.xml", "xl/worksheets/sheet1.xml"])(
    "gives %s's folder, name and relationships part as posix does",
    (part) => {
      expect(partDir(part)).toBe(posix.dirname(part) === "." ? "" : posix.dirname(part));
      expect(partBase(part)).toBe(posix.basename(part));
      expect(relsPartOf(part)).toBe(posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`));
    },
  );
});

describe("relativePart", () => {
  it.each([
    ["xl/worksheets", "xl/tables/table1.xml"],
    ["xl/worksheets", "xl/worksheets/sheet2.xml"],
    ["xl/worksheets", "docProps/app.xml"],
    ["xl", "xl/worksheets/sheet1.xml"],
    ["", "xl/workbook.xml"],
  ])("gives %s → %s as posix.relative does", (dir, part) => {
    expect(relativePart(dir, part)).toBe(posix.relative(dir === "" ? "." : dir, part));
  });
});
