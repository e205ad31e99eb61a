import { makeProblem, type WaterQualityProblem } from "./waterQualityIssue";

/**
 * A measured value as read from a cell:
 * - `value`: a number in the column's unit;
 * - `below_detection`: below the detection limit (`0.01L`, `<0.01`, `ND(0.01)`), with the limit,
 *   or `null` when the cell gives none (`ND`, `未检出`);
 * - `not_monitored`: blank, `—`, `-`, `/`;
 * - `problem`: anything else, with an issue code.
 */
export type MeasuredValue =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "below_detection"; readonly limit: number | null }
  | { readonly kind: "not_monitored" }
  | WaterQualityProblem;

/** What monitoring sheets write for "not monitored", after NFKC and dash folding. */
const notMonitoredTexts: ReadonlySet<string> = new Set(["", "-", "--", "/", "—", "——", "未监测", "未测"]);

/** Excel's error values, as a host hands them over when it reads a cell's value as text. */
const excelErrorPattern =
  /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/iu;

const superscriptDigits: Readonly<Record<string, string>> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
  "⁺": "+",
  "⁻": "-",
};

/**
 * Writes a superscript exponent as "^exponent" before NFKC would flatten it: "10⁻⁶" → "10^-6".
 * Without this, NFKC turns "2.8×10⁶" into "2.8×106", which would then be misread.
 */
function markSuperscriptExponents(text: string): string {
  return text.replace(
    /[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu,
    (run) => `^${run.replace(/./gu, (c) => superscriptDigits[c] ?? "")}`,
  );
}

const plain = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const plainPattern = new RegExp(`^${plain}$`, "u");
// The first group is never zero-led: "0,005" is a decimal comma (0.005), not 5, so it is refused.
const thousandsPattern = /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/u;
const ePattern = new RegExp(`^(${plain})e([+-]?\\d+)$`, "iu");
// "2.8×10^-6", "2.8x10^-6", "2.8*10-6"; the sign is required without a caret so "2.8×106" is refused.
const timesTenPattern = new RegExp(`^(${plain})[×xX*·]10(?:\\^([+-]?\\d+)|([+-]\\d+))$`, "u");

/** Reads an unsigned number in any accepted notation, or undefined. */
function readUnsignedNumber(text: string): number | undefined {
  if (plainPattern.test(text)) return Number(text);
  if (thousandsPattern.test(text)) return Number(text.replace(/,/gu, ""));
  const e = ePattern.exec(text);
  if (e !== null) return Number(`${e[1] ?? ""}e${e[2] ?? ""}`);
  const times = timesTenPattern.exec(text);
  // Through the decimal string, so 2.8×10⁻⁶ is exactly the double nearest 0.0000028.
  if (times !== null) return Number(`${times[1] ?? ""}e${times[2] ?? times[3] ?? ""}`);
  return undefined;
}

function readDetectionLimit(text: string, input: string): MeasuredValue {
  const limit = readUnsignedNumber(text);
  if (limit === undefined) return makeProblem("unreadable_value", { input });
  if (!(limit > 0) || !Number.isFinite(limit)) return makeProblem("invalid_detection_limit", { input });
  return { kind: "below_detection", limit };
}

function parseText(input: string): MeasuredValue {
  const text = markSuperscriptExponents(input)
    .normalize("NFKC")
    .replace(/[\u2010-\u2013\u2212\uFE63]/gu, "-")
    .replace(/\s+/gu, "");
  if (notMonitoredTexts.has(text)) return { kind: "not_monitored" };
  if (excelErrorPattern.test(text)) return makeProblem("excel_error_value", { input });
  if (/^(?:ND|N\.D\.|未检出)$/iu.test(text)) return { kind: "below_detection", limit: null };

  const notDetected = /^(?:ND|N\.D\.|未检出)\((.+)\)$/iu.exec(text);
  if (notDetected !== null) return readDetectionLimit(notDetected[1] ?? "", input);
  const lessThan = /^<(.+?)L?$/iu.exec(text);
  if (lessThan !== null) return readDetectionLimit(lessThan[1] ?? "", input);
  const withL = /^(.+?)L$/iu.exec(text);
  if (withL !== null) return readDetectionLimit(withL[1] ?? "", input);

  const negative = text.startsWith("-");
  const unsigned = readUnsignedNumber(text.replace(/^[+-]/u, ""));
  if (unsigned === undefined) return makeProblem("unreadable_value", { input });
  if (!Number.isFinite(unsigned)) return makeProblem("non_finite_value", { input });
  if (negative && unsigned !== 0) return makeProblem("negative_value", { input });
  return { kind: "value", value: unsigned };
}

/**
 * Reads a measured value from what an Excel cell gives (string, number, boolean or null). Accepts
 * full-width digits and signs, thousands separators, stray spaces, scientific forms (`2.8E-6`,
 * `2.8×10⁻⁶`, `2.8×10^-6`), below-detection forms (`0.01L`, `<0.01`, `＜0.01`, `ND`, `ND(0.01)`,
 * `未检出`) and not-monitored marks (blank, `—`, `-`, `/`). Never throws and never guesses: anything
 * else (including negative numbers, `0,5`, `>100`, `0.5mg/L`) is a problem with a code.
 *
 * @example
 * parseMeasuredValue("１,２３４.５") // { kind: "value", value: 1234.5 }
 * parseMeasuredValue("0.01L")       // { kind: "below_detection", limit: 0.01 }
 * parseMeasuredValue("未检出")       // { kind: "below_detection", limit: null }
 * parseMeasuredValue("—")           // { kind: "not_monitored" }
 * parseMeasuredValue("约0.5")        // { kind: "problem", code: "unreadable_value", … }
 */
export function parseMeasuredValue(raw: unknown): MeasuredValue {
  try {
    if (raw === null || raw === undefined) return { kind: "not_monitored" };
    if (typeof raw === "number") {
      if (!Number.isFinite(raw)) return makeProblem("non_finite_value", { input: String(raw) });
      if (raw < 0) return makeProblem("negative_value", { input: String(raw) });
      return { kind: "value", value: raw === 0 ? 0 : raw };
    }
    if (typeof raw === "boolean") return makeProblem("boolean_value", { input: String(raw) });
    if (typeof raw === "string") return parseText(raw);
    return makeProblem("unsupported_value_type", { input: typeof raw });
  } catch {
    // Defensive: the parser is total by construction; this keeps "never throws" true even for
    // exotic strings (e.g. lone surrogates) in engines whose normalize() rejects them.
    return makeProblem("unreadable_value", { input: typeof raw === "string" ? raw : typeof raw });
  }
}
