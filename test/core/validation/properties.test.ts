import fc from "fast-check";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { checkIndicatorEntry, readIndicatorNumber } from "../../../src/core/validation/checkIndicatorEntry";
import { checkMonitoringRow } from "../../../src/core/validation/checkMonitoringRow";
import { checkOutfallEntry } from "../../../src/core/validation/checkOutfallEntry";
import { checkTaskEntry, readTaskStatus } from "../../../src/core/validation/checkTaskEntry";
import { formatProblem } from "../../../src/core/validation/formatProblem";
import { PointPeriod, readClassCell } from "../../../src/core/validation/judgePoint";
import { createPointResolver, monitoringPoints } from "../../../src/core/validation/monitoringPoints";
import { parseEntryDate } from "../../../src/core/validation/parseEntryDate";
import type { Problem } from "../../../src/core/validation/validationProblem";
import { formatWaterClass, waterClasses } from "../../../src/core/water-quality/waterClass";
import { monitoringParameters } from "../../../src/workbook/sheets/monitoringSheet";
import { anyInput } from "./cellArbitraries";
import { CaseCounter, holds } from "./fuzzSettings";

const cases = new CaseCounter("validation parsers and rules");
afterAll(() => {
  cases.report();
});

/** Full-width digits and signs, as a Chinese input method types them. */
const fullWidth = (text: string): string =>
  text.replace(/[0-9\-./:]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A day of the calendar, 1900–2100. */
const day = fc
  .tuple(
    fc.integer({ min: 1900, max: 2100 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .map(([y, m, d]) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));

const iso = ({ y, m, d }: { y: number; m: number; d: number }): string =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** The ways staff write a day: 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, padded or not. */
const dateForm = fc.constantFrom(
  (y: number, m: number, d: number, pad: (n: number) => string) => `${y}-${pad(m)}-${pad(d)}`,
  (y: number, m: number, d: number, pad: (n: number) => string) => `${y}/${pad(m)}/${pad(d)}`,
  (y: number, m: number, d: number, pad: (n: number) => string) => `${y}.${pad(m)}.${pad(d)}`,
  (y: number, m: number, d: number, pad: (n: number) => string) => `${y}年${pad(m)}月${pad(d)}日`,
);

describe("properties of parseEntryDate", () => {
  it("never throws, and gives a real day, a time of day in 0–1439 minutes, or says what it refused", () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const result = parseEntryDate(raw);
        switch (result.kind) {
          case "date":
            holds(/^\d{4}-\d{2}-\d{2}$/u.test(result.iso), "a date is YYYY-MM-DD", result);
            holds(!Number.isNaN(Date.parse(`${result.iso}T00:00:00Z`)), "a date is a real day", result);
            holds(
              result.minutes === null ||
                (Number.isInteger(result.minutes) && result.minutes >= 0 && result.minutes < 24 * 60),
              "a time of day is a whole minute of the day",
              result,
            );
            break;
          case "unreadable":
            holds(typeof result.input === "string", "what was refused is quoted", result);
            break;
          case "empty":
            break;
        }
      }),
      cases.params(2000),
    );
  });

  it("reads back every day written in any accepted form, padded or not, in full-width digits or not, with a time or not", () => {
    fc.assert(
      fc.property(
        day,
        dateForm,
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))),
        (when, form, padded, wide, time) => {
          const pad = (n: number): string => (padded ? String(n).padStart(2, "0") : String(n));
          let text = form(when.y, when.m, when.d, pad);
          if (time !== null) text += ` ${time[0]}:${String(time[1]).padStart(2, "0")}`;
          if (wide) text = fullWidth(text);
          const read = parseEntryDate(text);
          const minutes = time === null ? null : time[0] * 60 + time[1];
          holds(
            read.kind === "date" && read.iso === iso(when) && read.minutes === minutes,
            `reads ${text}`,
            read,
          );
        },
      ),
      cases.params(1500),
    );
  });

  it("refuses every day a month does not have, never rolling it over", () => {
    const impossible = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
      )
      .filter(([y, m, extra]) => daysIn(y, m) + extra + 1 <= 31 || extra === 0)
      .map(([y, m, extra]) => ({ y, m, d: extra === 0 ? 0 : daysIn(y, m) + extra }));
    fc.assert(
      fc.property(impossible, dateForm, (when, form) => {
        const text = form(when.y, when.m, when.d, String);
        holds(parseEntryDate(text).kind === "unreadable", `refuses ${text}`);
      }),
      cases.params(500),
    );
  });
});

describe("properties of the entry readers", () => {
  it("readIndicatorNumber never throws and reads only finite numbers", () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const read = readIndicatorNumber(raw);
        holds(read.kind !== "number" || Number.isFinite(read.value), "a number read is finite", read);
      }),
      cases.params(1500),
    );
  });

  it("readIndicatorNumber reads back every finite number typed as text, with or without a % sign", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.boolean(), (x, percent) => {
        const read = readIndicatorNumber(`${String(x)}${percent ? "%" : ""}`);
        holds(read.kind === "number" && read.value === x && read.percentSign === percent, `reads ${x}`, read);
      }),
      cases.params(1000),
    );
  });

  it("readTaskStatus never throws and gives a status of the list, blank, or unknown", () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const status = readTaskStatus(raw);
        holds(
          [null, undefined, "not_started", "in_progress", "done"].includes(status),
          "a known status",
          status,
        );
      }),
      cases.params(1000),
    );
  });

  it("readClassCell never throws and gives a class Ⅰ–劣Ⅴ or nothing", () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const read = readClassCell(raw);
        holds(read === null || waterClasses.includes(read), "a class Ⅰ–劣Ⅴ", read);
      }),
      cases.params(1500),
    );
  });

  it("readClassCell reads back every class as either language writes it, with stray spaces", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...waterClasses),
        fc.constantFrom<"zh-CN" | "en-US">("zh-CN", "en-US"),
        fc.constantFrom("", " ", "\u3000"),
        (waterClass, locale, space) => {
          const typed = `${space}${formatWaterClass(waterClass, locale)}${space}`;
          holds(readClassCell(typed) === waterClass, `reads ${typed}`);
        },
      ),
      cases.params(300),
    );
  });
});

/** Every problem sits at a field of the record its rule checked, and reads in both languages. */
function expectPlaced(problems: readonly Problem[], fields: readonly string[]): void {
  for (const p of problems) {
    holds(p.field !== null && fields.includes(p.field), "a problem sits at a field of the record", p);
    for (const locale of ["zh-CN", "en-US"] as const) {
      const message = formatProblem(p, locale);
      holds(message.length > 0, "a problem reads", p);
      // A note or a report line quotes a cell cut short: never a whole essay, never a line break.
      holds(message.length <= 400 && !/[\r\n]/u.test(message), "a message is one short line", message);
    }
  }
}

/** Text as long as a pasted report, with line breaks: what a message must quote cut short. */
const essay = fc
  .array(fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), fc.constantFrom("\n", "\r\n", "很长的说明")), {
    minLength: 10,
    maxLength: 60,
  })
  .map((parts) => parts.join(""));

describe("properties of the rules", () => {
  const points = monitoringPoints(plan);
  const context = { year: plan.year, asOf: "2023-06-30", findPoint: createPointResolver(points) };
  const parameterKeys = monitoringParameters.map((d) => d.key);

  it("checkMonitoringRow never throws, places every problem at a field of the row, and keeps only readable values", () => {
    fc.assert(
      fc.property(
        fc.oneof(anyInput, fc.constantFrom(...points.map((p) => p.name))),
        anyInput,
        fc.array(fc.tuple(fc.constantFrom(...parameterKeys), anyInput), { maxLength: 6 }),
        (point, sampledOn, values) => {
          const checked = checkMonitoringRow({ point, sampledOn, values: new Map(values) }, context);
          expectPlaced(checked.problems, ["point", "sampledOn", ...parameterKeys.map((k) => `param:${k}`)]);
          for (const value of Object.values(checked.sample)) {
            const kind = typeof value === "number" ? "value" : value.kind;
            holds(kind === "value" || kind === "below_detection", "only readable values are kept", value);
          }
          holds(
            checked.hasErrors === checked.problems.some((p) => p.severity === "error"),
            "hasErrors says it",
          );
        },
      ),
      cases.params(1000),
    );
  });

  it("checkTaskEntry never throws and places every problem at the status or the completion date", () => {
    const deadline = fc.record({
      what: fc.constantFrom("", "报送半年工作总结"),
      date: fc.option(day.map(iso)),
    });
    fc.assert(
      fc.property(
        anyInput,
        anyInput,
        fc.array(deadline, { maxLength: 3 }),
        day.map(iso),
        (status, completedOn, deadlines, asOf) => {
          const checked = checkTaskEntry({ status, completedOn }, deadlines, asOf, 2023);
          expectPlaced(checked.problems, ["status", "completedOn"]);
        },
      ),
      cases.params(1000),
    );
  });

  it("checkIndicatorEntry never throws on any target, and judges only what it could read", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...plan.targets),
        anyInput,
        anyInput,
        anyInput,
        fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
        (target, actual, baseValue, reduction, derived) => {
          const checked = checkIndicatorEntry(target, { actual, baseValue, reduction, derived });
          expectPlaced(checked.problems, ["actual", "baseValue", "reduction"]);
          const judged = checked.verdict === "met" || checked.verdict === "not_met";
          holds(
            judged ? checked.actual !== null && Number.isFinite(checked.actual) : checked.actual === null,
            "a verdict rests on a finite value, and no verdict on none",
            checked,
          );
        },
      ),
      cases.params(1000),
    );
  });

  it("checkOutfallEntry never throws, and every count it keeps is a whole number ≥ 0", () => {
    fc.assert(
      fc.property(
        anyInput,
        anyInput,
        anyInput,
        anyInput,
        anyInput,
        (surveyDone, outfalls, traced, remediationTasks, remediated) => {
          const checked = checkOutfallEntry({ surveyDone, outfalls, traced, remediationTasks, remediated });
          expectPlaced(checked.problems, [
            "surveyDone",
            "outfalls",
            "traced",
            "remediationTasks",
            "remediated",
          ]);
          for (const count of Object.values(checked.counts)) {
            holds(
              count === null || (Number.isInteger(count) && count >= 0),
              "a count is a whole number ≥ 0",
              count,
            );
          }
        },
      ),
      cases.params(1000),
    );
  });

  it("every rule quotes a long pasted text cut short, on one line", () => {
    fc.assert(
      fc.property(essay, essay, essay, (a, b, c) => {
        const row = checkMonitoringRow({ point: a, sampledOn: b, values: new Map([["nh3n", c]]) }, context);
        expectPlaced(row.problems, ["point", "sampledOn", "param:nh3n"]);
        const task = checkTaskEntry({ status: a, completedOn: b }, [], "2023-06-30", 2023);
        expectPlaced(task.problems, ["status", "completedOn"]);
        const target = plan.targets.find((t) => t.measure === "reduction_from_base");
        if (target) {
          const indicator = checkIndicatorEntry(target, {
            actual: a,
            baseValue: b,
            reduction: c,
            derived: null,
          });
          expectPlaced(indicator.problems, ["actual", "baseValue", "reduction"]);
        }
        const entered = new PointPeriod(points[0]!).judge(a, false);
        expectPlaced(entered.problems, ["measuredClass", "verdict"]);
      }),
      cases.params(200),
    );
  });

  it("a point's verdict never throws, and an entered class that cannot be read always makes it 数据有误", () => {
    fc.assert(
      fc.property(fc.constantFrom(...points), anyInput, fc.boolean(), (point, entered, dataInvalid) => {
        const judgement = new PointPeriod(point).judge(entered, dataInvalid);
        expectPlaced(judgement.problems, ["measuredClass", "verdict"]);
        const unreadable = judgement.problems.some((p) => p.code === "unreadable_measured_class");
        holds(
          !unreadable || judgement.verdict === "invalid",
          "an unreadable class makes the verdict 数据有误",
        );
      }),
      cases.params(1000),
    );
  });
});
