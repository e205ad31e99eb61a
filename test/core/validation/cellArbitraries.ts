import fc from "fast-check";
import { isoDateToSerial } from "../../../src/core/excelDate";
import type { CellValue } from "../../../src/workbook/layout";

/** Excel's error values, as a host hands them over when it reads a cell as text. */
export const excelErrors = ["#N/A", "#VALUE!", "#DIV/0!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"];

/** Text that a host could take for a formula, or that starts like one. */
export const formulaLikeTexts = [
  "=1+2",
  "=50+8.3",
  "=SUM(E4:E12)",
  "'=见附表",
  "== 注 ==",
  "+5",
  "-3",
  "@x",
  "=#N/A",
];

/** Words of the product's dropdowns and forms staff type, so that grids reach the rules' good paths. */
export const domainTexts = [
  "未启动",
  "推进中",
  "已完成",
  " 已完成 ",
  "Not started",
  "In progress",
  "Done",
  "搞定了",
  "是",
  "否",
  "Yes",
  "No",
  "Ⅱ类",
  "II 类",
  "2类",
  "二类",
  "Class II",
  "Worse than V",
  "劣Ⅴ类",
  "三级",
  "0.01L",
  "<0.05",
  "ND",
  "未检出",
  "—",
  "57%",
  "0.57",
  "１２.５",
  "1,234",
  "2.8×10⁻⁶",
  "2023-05-01",
  "2023.5.1",
  "2023/5/1 10:00",
  "2023年5月1日",
  "2023-02-30",
  "昨天",
  "露塘",
  "露塘断面",
  "不存在的断面",
];

const emoji = ["💧", "🌊", "👨‍👩‍👧", "🇨🇳", "😀"];

/** A very long text: Excel holds up to 32,767 characters in a cell; hosts may hand over more. */
const longText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("长", "a", "💧", "0.5", "\uD800"), fc.integer({ min: 1_000, max: 33_000 }))
  .map(([unit, length]) => unit.repeat(length));

/** A day of the plan year or around it, as the serial Excel stores, with or without a time. */
export const dateSerial: fc.Arbitrary<number> = fc
  .tuple(
    fc.integer({ min: isoDateToSerial("2022-12-01"), max: isoDateToSerial("2024-01-31") }),
    fc.constantFrom(0, 0.25, 0.5, 10 / 24, 0.999_99, 1 / 1440),
  )
  .map(([day, fraction]) => day + fraction);

/** Any string, including lone surrogates, emoji and control characters. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...emoji),
);

/**
 * Anything a worksheet cell can hold as a host reads it: numbers (finite, as Excel stores; -0
 * included), date serials, text of every kind, booleans, Excel errors, formula-like text, and empty.
 */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 8 },
  { arbitrary: fc.integer({ min: -100, max: 200 }), weight: 8 },
  { arbitrary: fc.double({ min: 0, max: 100, noNaN: true }), weight: 8 },
  { arbitrary: dateSerial, weight: 8 },
  { arbitrary: fc.boolean(), weight: 4 },
  { arbitrary: fc.constantFrom(...excelErrors), weight: 4 },
  { arbitrary: fc.constantFrom(...formulaLikeTexts), weight: 4 },
  { arbitrary: fc.constantFrom(...domainTexts), weight: 24 },
  { arbitrary: anyString, weight: 12 },
  // Rare: a long text costs time in every pass over the cells, and one per grid or so tells as much.
  { arbitrary: longText, weight: 1 },
  { arbitrary: fc.constantFrom(null, "", " ", "\u3000"), weight: 4 },
);

/**
 * Anything a parser may be handed: a cell's value, and beyond it what no host gives but a caller
 * could (NaN, ±Infinity, undefined, objects).
 */
export const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  cellValue,
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, undefined, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.constantFrom({}, [], new Date(0), Symbol.for("x"), 10n),
);
