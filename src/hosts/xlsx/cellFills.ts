import { attributeIn } from "./xmlTagScanner";

/**
 * The solid fill colour of every cell format (`<cellXfs>` entry) of a styles part, as ExcelJS reads
 * it: the xf's `fillId` into `<fills>`, a `patternFill` of type solid with an `fgColor rgb`, as
 * upper-case ARGB ("FFFFF2CC"); null for any other fill (none, a pattern, a theme colour), which no
 * fill the add-in writes equals. Index i is the format of `s="i"`.
 *
 * @example
 * solidFillsOfStyles(stylesXml)[11] // "FFFFF2CC"
 */
export function solidFillsOfStyles(xml: string): (string | null)[] {
  const fills: (string | null)[] = [];
  const fillsPart = /<(?:\w+:)?fills\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fills>/u.exec(xml)?.[1] ?? "";
  for (const [fill] of fillsPart.matchAll(/<(?:\w+:)?fill\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?fill>)/gu)) {
    const pattern = /<(?:\w+:)?patternFill\b([^>]*?)\/?>/u.exec(fill);
    const solid = pattern !== null && attributeIn(pattern[0], "patternType") === "solid";
    const colour = /<(?:\w+:)?fgColor\b[^>]*>/u.exec(fill)?.[0];
    const rgb = colour === undefined ? undefined : attributeIn(colour, "rgb");
    fills.push(solid && rgb !== undefined ? rgb.toUpperCase() : null);
  }
  const xfsPart = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/u.exec(xml)?.[1] ?? "";
  const styles: (string | null)[] = [];
  for (const [xf] of xfsPart.matchAll(/<(?:\w+:)?xf\b[^>]*>/gu)) {
    const fillId = attributeIn(xf, "fillId");
    styles.push(fillId === undefined ? null : (fills[Number(fillId)] ?? null));
  }
  return styles;
}
