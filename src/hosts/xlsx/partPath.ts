/**
 * Names of parts inside an .xlsx package ("xl/worksheets/sheet1.xml"), resolved as node:path's
 * posix functions would, without node:path: the readers also run in the task pane, where the
 * browser build has no `path` module (webpack.config.js maps it to nothing).
 */

/** The folder of a part: "xl/workbook.xml" → "xl"; "workbook.xml" → "". */
export function partDir(part: string): string {
  const at = part.lastIndexOf("/");
  return at < 0 ? "" : part.slice(0, at);
}

/** A part's file name: "xl/workbook.xml" → "workbook.xml". */
export function partBase(part: string): string {
  return part.slice(part.lastIndexOf("/") + 1);
}

/**
 * A relationship's target resolved against its source's folder, "." and ".." taken out:
 * ("xl/worksheets", "../tables/table1.xml") → "xl/tables/table1.xml". A target above the
 * package's root stays at the root, as posix.normalize keeps a relative path's leading "..".
 */
export function joinPart(dir: string, target: string): string {
  const segments: string[] = [];
  for (const segment of `${dir}/${target}`.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." && segments.length > 0 && segments[segments.length - 1] !== "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  return joinPart(partDir(part), `_rels/${partBase(part)}.rels`);
}

/**
 * A part's name relative to a folder, as a relationship's target writes it:
 * ("xl/worksheets", "xl/tables/table1.xml") → "../tables/table1.xml".
 */
export function relativePart(fromDir: string, part: string): string {
  const from = fromDir.split("/").filter((segment) => segment !== "");
  const to = part.split("/").filter((segment) => segment !== "");
  let shared = 0;
  while (shared < from.length && shared < to.length && from[shared] === to[shared]) shared++;
  return [...new Array<string>(from.length - shared).fill(".."), ...to.slice(shared)].join("/");
}
