import { isBlank } from "../readSheet";
import type { CellValue } from "../layout";

/** One unit's part of a joined progress text: `【柳江区】…`, or the city's own words (label null). */
export interface ProgressPart {
  readonly label: string | null;
  readonly text: string;
}

/** What joining one return's progress text into the city's did. */
export type ProgressJoin =
  /** The text was added under the unit's name. */
  | { readonly kind: "joined"; readonly text: string }
  /** The city's text already holds it (the same return merged again, or the city's own words returned). */
  | { readonly kind: "present" }
  /** The city holds another text under this unit's name: kept, and the return's listed as a conflict. */
  | { readonly kind: "differs"; readonly held: string };

const separator = "；";
const partPattern = /【([^【】]+)】/gu;

/**
 * Splits a progress cell into its parts: `【柳江区】已完成；【鱼峰区】推进中` into two labelled parts;
 * text before the first label (the city's own words) is a part without a label.
 *
 * @example
 * progressParts("【柳江区】已完成；【鱼峰区】推进中")
 * // [{ label: "柳江区", text: "已完成" }, { label: "鱼峰区", text: "推进中" }]
 */
export function progressParts(value: CellValue): ProgressPart[] {
  if (isBlank(value)) return [];
  const text = String(value).trim();
  const labels = [...text.matchAll(partPattern)];
  const parts: ProgressPart[] = [];
  const first = labels[0];
  const head = trimPart(text.slice(0, first?.index ?? text.length));
  if (head !== "") parts.push({ label: null, text: head });
  labels.forEach((match, i) => {
    const start = match.index + match[0].length;
    const end = labels[i + 1]?.index ?? text.length;
    parts.push({ label: match[1] ?? "", text: trimPart(text.slice(start, end)) });
  });
  return parts;
}

/** A part's text without the separators and spaces around it. */
function trimPart(text: string): string {
  return text.replace(/^[\s；;]+|[\s；;]+$/gu, "");
}

/** Texts compared without spaces and trailing punctuation, so that a re-typed space is the same text. */
function sameText(a: string, b: string): boolean {
  const norm = (t: string): string => t.replace(/[\s\u3000]+/gu, "").replace(/[。．.；;]+$/u, "");
  return norm(a) === norm(b);
}

/**
 * Joins one unit's progress text into the city's cell: added as `【unit】text` after what is there
 * (separated by "；"), unless the cell already holds that text (under the unit's name or as the
 * city's own words), or holds another text under the unit's name, which is kept (the caller lists
 * the return's as a conflict). Never drops a word of the city's cell.
 *
 * @example
 * joinProgress("【鱼峰区】推进中", "柳江区", "已完成") // { kind: "joined", text: "【鱼峰区】推进中；【柳江区】已完成" }
 */
export function joinProgress(held: CellValue, label: string, text: string): ProgressJoin {
  const parts = progressParts(held);
  const whole = isBlank(held) ? "" : String(held).trim();
  if (whole !== "" && sameText(whole, text)) return { kind: "present" };
  const own = parts.find((p) => p.label === label);
  if (own !== undefined)
    return sameText(own.text, text) ? { kind: "present" } : { kind: "differs", held: own.text };
  if (parts.some((p) => p.label === null && sameText(p.text, text))) return { kind: "present" };
  const part = `【${label}】${text.trim()}`;
  return {
    kind: "joined",
    text: whole === "" ? part : `${whole.replace(/[\s；;]+$/u, "")}${separator}${part}`,
  };
}
