import planJson from "../../../seeds/liuzhou-2023.json";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { parseDeadline } from "../../../src/core/plan/parseDeadline";
import { parseUnitList } from "../../../src/core/plan/parseUnitList";
import { linesBetween, normaliseSourceText, rawSourceText, tableRows } from "./sourceText";

const source = normaliseSourceText(rawSourceText);

/**
 * Fields whose values are ours, not the document's, and so are not looked up in the source text:
 * identities and enum codes, English names, our indicator names (the verbatim words are in `text`),
 * ISO dates computed from 完成时限, parsed unit names (checked against parseUnitList below), and
 * the denominators' labels ("整治任务数" names what "整治任务的30%" is of; checked below).
 */
const derivedKeys = new Set([
  "$schema",
  "id",
  "cityEn",
  "titleEn",
  "textEn",
  "whatEn",
  "sourceFile",
  "key",
  "kind",
  "date",
  "comparator",
  "measure",
  "waterbody",
  "indicator",
  "indicatorEn",
  "units",
  "points",
  "denominator",
  // The survey share (an enum code) that computes a denominator's share from 附件6.
  "source",
  // The indicator's statistical unit (立方米/万元): the plan does not print it.
  "levelUnit",
  // The id of the target a part belongs to (t11-2 of t11-1).
  "partOf",
  // Which check of a target checked twice (task 15's 每半年一次: 上半年, 下半年), and its first's id.
  "period",
  // The city's counties and districts: the source says only 各县、区, so the plan lists them.
  "counties",
]);

/** Every string leaf of the seed with its path, skipping derived fields. */
function documentStrings(value: unknown, at = ""): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path: at, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => documentStrings(item, `${at}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      derivedKeys.has(key) ? [] : documentStrings(item, at === "" ? key : `${at}.${key}`),
    );
  }
  return [];
}

describe("seeds/liuzhou-2023.json is faithful to the source text", () => {
  it("parses as a valid plan with the expected identity", () => {
    expect(plan.id).toBe("liuzhou-2023");
    expect(plan.sourceFile).toBe("liuzhou-2023-water-plan.txt");
    expect(plan.city).toBe("柳州市");
    expect(plan.year).toBe(2023);
    expect(plan.title).toBe("柳州市 2023 年度水污染防治工作计划");
    expect(planJson.$schema).toBe("./plan.schema.json");
  });

  it("holds every document string verbatim (after undoing page-break artefacts)", () => {
    const strings = documentStrings(planJson);
    expect(strings.length).toBeGreaterThan(700);
    const missing = strings.filter(({ text }) => text !== "" && !source.includes(text)).map((s) => s.path);
    expect(missing).toEqual([]);
  });

  it("stores the page-broken goal sentence without the break, spaced like its neighbour", () => {
    expect(rawSourceText).toContain("优良比例达 100%，2\n\n个自治区考核断面");
    expect(plan.goalsText).toContain("优良比例达 100%，2 个自治区考核断面");
    expect(plan.goalsText).toContain("全市 10 个国家考核断面");
    expect(normaliseSourceText("细化责\n\n任分工")).toBe("细化责任分工");
    expect(linesBetween("二、水质目标", "三、2023 年度工作任务").join("\n").trim()).toContain(
      "2023 年，全市",
    );
    expect(normaliseSourceText(linesBetween("二、水质目标", "三、2023 年度工作任务").join("\n")).trim()).toBe(
      plan.goalsText,
    );
  });
});

describe("the goals of section 二", () => {
  it("lists the four goals with their counts", () => {
    expect(plan.goals.map((g) => [g.key, g.text, g.count, g.goodShare])).toEqual([
      ["national_sections", "全市 10 个国家考核断面水质优良比例达 100%", 10, 100],
      ["regional_sections", "2 个自治区考核断面水质达到自治区考核要求", 2, null],
      ["drinking_water_sources", "县级及以上集中式饮用水水源水质达到自治区考核要求", null, null],
      [
        "black_odorous_water",
        "巩固城市黑臭水体治理成效，建立防止返黑返臭的长效机制，持续推进县级城市黑臭水体治理",
        null,
        null,
      ],
    ]);
    for (const goal of plan.goals) expect(plan.goalsText).toContain(goal.text);
  });

  it("judges each goal on the points of 附件2–5 or on the tasks of 附件1 that carry it", () => {
    expect(plan.goals.map((g) => [g.key, g.judgement])).toEqual([
      // 优良 is Ⅰ–Ⅲ类; "优良比例达 100%"
      ["national_sections", { kind: "good_share", points: ["national_sections"], share: 100 }],
      // "达到自治区考核要求": each section meets its own target class (附件3)
      ["regional_sections", { kind: "all_meet_target", points: ["regional_sections"] }],
      // 县级及以上: the municipal sources (附件4) and the county sources (附件5)
      [
        "drinking_water_sources",
        { kind: "all_meet_target", points: ["municipal_sources", "county_sources"] },
      ],
      ["black_odorous_water", { kind: "tasks_done", tasks: [19, 20] }],
    ]);
    expect(plan.goals[0]!.text).toContain(`优良比例达 ${plan.goals[0]!.goodShare}%`);
    expect(plan.goals[2]!.text).toContain("县级及以上");
    for (const goal of plan.goals) expect(goal.textEn).not.toBe("");
  });

  it("carries the black-odorous-water goal by the tasks on urban black and odorous water, not task 11's rural ones", () => {
    const mentioning = plan.tasks.filter((t) => t.content.includes("黑臭水体"));
    expect(mentioning.map((t) => t.number)).toEqual([11, 19, 20]);
    // The goal speaks of 城市 and 县级城市 black and odorous water. Every one that task 11 names is
    // 农村 (rural), which the goal does not mention; its own targets t11-1 and t11-2 count those.
    const urban = mentioning.filter((t) => t.content.replaceAll("农村黑臭水体", "").includes("黑臭水体"));
    expect(plan.goals[3]!.judgement).toEqual({ kind: "tasks_done", tasks: urban.map((t) => t.number) });
    expect(plan.tasks[18]!.content).toContain("巩固城市黑臭水体治理成效，建立防止返黑返臭的长效机制");
    expect(plan.tasks[19]!.content).toContain("城市黑臭水体整治");
  });
});

/** 附件1's categories and sub-categories with the task numbers each holds (first, last), as printed. */
const expectedSections: {
  category: [string, string];
  subCategory: [string, string] | null;
  tasks: [number, number];
}[] = [
  { category: ["一", "巩固深化水污染治理"], subCategory: ["（一）", "工业污染防治"], tasks: [1, 4] },
  { category: ["一", "巩固深化水污染治理"], subCategory: ["（二）", "城镇生活污染防治"], tasks: [5, 7] },
  { category: ["一", "巩固深化水污染治理"], subCategory: ["（三）", "农业农村污染防治"], tasks: [8, 11] },
  { category: ["一", "巩固深化水污染治理"], subCategory: ["（四）", "船舶、港口污染防治"], tasks: [12, 13] },
  { category: ["一", "巩固深化水污染治理"], subCategory: ["（五）", "汛期污染防治"], tasks: [14, 14] },
  {
    category: ["一", "巩固深化水污染治理"],
    subCategory: ["（六）", "入河排污口和水功能区管理"],
    tasks: [15, 18],
  },
  { category: ["二", "深入推进水生态保护"], subCategory: null, tasks: [19, 26] },
  { category: ["三", "严格落实水资源管理"], subCategory: null, tasks: [27, 38] },
  { category: ["四", "切实强化水环境风险防控"], subCategory: null, tasks: [39, 42] },
  { category: ["五", "着力推进重点流域综合治理攻坚"], subCategory: null, tasks: [43, 43] },
  { category: ["六", "加强组织实施"], subCategory: ["（一）", "任务分工"], tasks: [44, 50] },
  { category: ["六", "加强组织实施"], subCategory: ["（二）", "保障机制"], tasks: [51, 51] },
  { category: ["六", "加强组织实施"], subCategory: ["（三）", "地方管理机制落实"], tasks: [52, 53] },
];

/** Tasks whose 主要任务 cell is blank in the source (it means the row above's). */
const blankMainTasks = [3, 4, 9, 10, 16, 17, 20, 22, 23, 24, 30, 31, 32, 34, 35, 36, 37, 40, 41, 42, 48];

describe("附件1: the 53 tasks", () => {
  const taskRows = tableRows("附件 1", "附件 2").filter((cells) => /^\d+$/.test(cells[0] ?? ""));

  it("has 53 tasks numbered 1 to 53", () => {
    expect(taskRows).toHaveLength(53);
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 53 }, (_, i) => i + 1));
  });

  it.each(expectedSections.flatMap((s) => rangeOf(s.tasks).map((n) => [n, s] as const)))(
    "task %i has its category and sub-category",
    (n, expected) => {
      const task = plan.tasks[n - 1]!;
      expect([task.category.number, task.category.title]).toEqual(expected.category);
      expect(task.subCategory === null ? null : [task.subCategory.number, task.subCategory.title]).toEqual(
        expected.subCategory,
      );
      expect(source).toContain(`${task.category.number}、${task.category.title}\t`);
      if (task.subCategory !== null)
        expect(source).toContain(`${task.subCategory.number}${task.subCategory.title}\t`);
    },
  );

  it("keeps every cell of every task row verbatim", () => {
    for (const cells of taskRows) {
      const task = plan.tasks[Number(cells[0]) - 1]!;
      expect(cells).toEqual([
        String(task.number),
        task.mainTaskAsPrinted ?? "",
        task.content,
        task.leadUnits.text,
        task.supportingUnits.text,
        task.responsibleUnits.text,
        task.deadline.text,
      ]);
    }
  });

  it("fills blank main tasks from the row above", () => {
    expect(plan.tasks.filter((t) => t.mainTaskAsPrinted === null).map((t) => t.number)).toEqual(
      blankMainTasks,
    );
    expect(plan.tasks[2]!.mainTask).toBe("集中治理工业集聚区水污染");
    expect(plan.tasks[47]!.mainTask).toBe("依法公开环境信息");
    plan.tasks.forEach((task, i) => {
      expect(task.mainTask).toBe(task.mainTaskAsPrinted ?? plan.tasks[i - 1]!.mainTask);
    });
  });

  it("dates task 53's half-year summary, the one milestone in the contents besides the deadlines", () => {
    expect(plan.tasks.filter((t) => t.additionalDeadlines.length > 0).map((t) => t.number)).toEqual([53]);
    const task53 = plan.tasks[52]!;
    expect(task53.additionalDeadlines).toEqual([
      {
        text: "7月1日前",
        what: "报送水污染防治半年工作总结",
        whatEn: expect.any(String) as string,
        deadline: { kind: "date", text: "7月1日前", date: "2023-07-01" },
      },
    ]);
    const [milestone] = task53.additionalDeadlines;
    expect(task53.content).toContain(`${milestone!.text}向市生态环境局${milestone!.what}`);
    expect(milestone!.deadline).toEqual(parseDeadline(milestone!.text, plan.year));
  });

  it("lists every date in a content that differs from its task's deadline, and only those", () => {
    // Frequencies are not dated milestones: 每半年一次 (task 15), 每月1次 (task 18), 按季度 (task 47).
    for (const task of plan.tasks) {
      const mainDate = task.deadline.kind === "date" ? task.deadline.date : null;
      // "7月1日前", "2023年12月20日前", "11月底前" as parseDeadline reads them; "2023年底(前)" is that year's last day.
      const dated = [
        ...[...task.content.matchAll(/(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底)前/gu)].map((m) => {
          const deadline = parseDeadline(m[0], plan.year);
          return { text: m[0], date: deadline?.kind === "date" ? deadline.date : null };
        }),
        ...[...task.content.matchAll(/(\d{4})年底/gu)].map((m) => ({ text: m[0], date: `${m[1]}-12-31` })),
      ];
      const differing = dated.filter((d) => d.date !== mainDate);
      expect([task.number, differing.map((d) => d.text)]).toEqual([
        task.number,
        task.additionalDeadlines.map((m) => m.text),
      ]);
      for (const m of task.additionalDeadlines) {
        expect(task.content).toContain(m.text);
        expect(task.content).toContain(m.what);
        expect(m.deadline.text).toBe(m.text);
        expect(m.deadline.kind === "date" ? m.deadline.date : null).not.toBe(mainDate);
      }
    }
  });

  it("holds the unit lists as parsed from their text", () => {
    for (const task of plan.tasks) {
      for (const list of [task.leadUnits, task.supportingUnits, task.responsibleUnits]) {
        expect(list).toEqual(parseUnitList(list.text));
      }
    }
    expect(plan.tasks[44]!.supportingUnits.units.filter((u) => u === "市水利局")).toHaveLength(2);
    expect(plan.tasks[44]!.responsibleUnits).toEqual({ text: "", units: [], andOthers: false });
  });

  it("reads the deadlines", () => {
    const byText = new Map<string, number[]>();
    for (const task of plan.tasks)
      byText.set(task.deadline.text, [...(byText.get(task.deadline.text) ?? []), task.number]);
    expect([...byText.keys()].sort()).toEqual(
      ["2023年12月20日前", "11月底前", "全年", "市级公布工作计划后20个工作日内", "年底前"].sort(),
    );
    for (const task of plan.tasks) {
      const { deadline } = task;
      switch (deadline.text) {
        case "全年":
        case "年底前":
          expect(deadline).toEqual({ kind: "date", text: deadline.text, date: "2023-12-31" });
          break;
        case "11月底前":
          expect(task.number).toBe(20);
          expect(deadline).toEqual({ kind: "date", text: "11月底前", date: "2023-11-30" });
          break;
        case "2023年12月20日前":
          expect(task.number).toBe(53);
          expect(deadline).toEqual({ kind: "date", text: "2023年12月20日前", date: "2023-12-20" });
          break;
        default:
          expect(task.number).toBe(44);
          expect(deadline).toEqual({
            kind: "working_days_after_publication",
            text: "市级公布工作计划后20个工作日内",
            workingDays: 20,
          });
      }
    }
  });
});

/** Every numeric target stated in 附件1's task contents: [id, indicator, comparator, value, unit]. */
const expectedTargets: [string, string, string, number, string][] = [
  ["t5-1", "生活污水集中收集率", ">=", 57, "%"],
  ["t5-2", "镇级污水处理厂平均运行负荷率", ">=", 63, "%"],
  ["t6-1", "建设改造污水管网长度", ">=", 19, "公里"],
  ["t8-1", "主要农作物肥料利用率", ">=", 41, "%"],
  ["t9-1", "规模养殖场建立畜禽粪肥利用计划和台账比例", ">=", 95, "%"],
  ["t9-2", "畜禽粪污综合利用率", ">=", 80, "%"],
  ["t9-3", "规模养殖场配套畜禽粪污处理设施装备比例", ">=", 95, "%"],
  ["t11-1", "新增完成农村黑臭水体治理", ">=", 3, "个"],
  ["t11-2", "其中国家监管的农村黑臭水体", ">=", 2, "个"],
  ["t11-3", "新增完成农村生活污水治理的行政村", ">=", 133, "个"],
  ["t15-1", "入河排污口抽查比例", ">=", 10, "%"],
  ["t15-2", "入河排污口抽查比例", ">=", 10, "%"],
  ["t16-1", "已查明排污口溯源比例", ">=", 80, "%"],
  ["t16-2", "已查明排污口整治比例", ">=", 30, "%"],
  ["t18-1", "市级水功能区水质监测个数", ">=", 31, "个"],
  ["t18-2", "主要江河水库水功能区水质达标率", ">=", 92, "%"],
  ["t27-1", "用水总量", "<=", 22.6, "亿立方米"],
  ["t30-1", "公共供水管网漏损率", "<=", 9.4, "%"],
  ["t31-1", "农田灌溉水有效利用系数", ">=", 0.522, ""],
  ["t32-1", "万元地区生产总值用水量", ">=", 6.4, "%"],
  ["t32-2", "万元工业增加值用水量", ">=", 5.5, "%"],
];

/**
 * Numbers in task contents that are not targets: dates and years, scope conditions, a standard's
 * number, and monitoring/inspection frequencies (how to measure, not a result to report).
 */
const numbersThatAreNotTargets: Record<number, string[]> = {
  5: ["2023", "3000", "100"], // 到2023年底; 处理规模为3000m ³ /d及以上的除外; 进水BOD浓度低于100 mg/L (scope conditions)
  6: ["5", "2023", "2023"], // 常住人口5万以上 (scope); 2023年全市…; 2023年底前
  8: ["2023"],
  9: ["2023"],
  11: ["2023"],
  12: ["3552", "2018"], // GB 3552-2018
  16: ["2023", "6"], // 2023年底前; 见附件6
  18: ["1", "2023"], // 每月1次 (monitoring frequency); 2023年
  27: ["2023"],
  30: ["2023"],
  31: ["2023"],
  32: ["2023", "2020", "2020"], // base years
  44: ["2023"],
  53: ["7", "1", "2023", "12", "20"], // 7月1日前 (a milestone: additionalDeadlines); 2023年12月20日前 (the deadline)
};

describe("numeric targets of 附件1", () => {
  it("captures exactly the expected targets", () => {
    expect(plan.targets.map((t) => [t.id, t.indicator, t.comparator, t.value, t.unit])).toEqual(
      expectedTargets,
    );
  });

  it("quotes each target's words from its task's content", () => {
    for (const target of plan.targets) {
      expect(plan.tasks[target.task - 1]!.content).toContain(target.text);
      expect(target.id.startsWith(`t${target.task}-`)).toBe(true);
      expect(target.text).toContain(String(target.value === 9.4 ? "9.40" : target.value));
    }
  });

  it("quotes each qualifier from the content and leaves it null where the words limit nothing", () => {
    expect(
      Object.fromEntries(plan.targets.filter((t) => t.qualifier !== null).map((t) => [t.id, t.qualifier])),
    ).toEqual({
      // larger plants are left out of the average load rate
      "t5-2": "处理规模为3000m ³ /d及以上的除外",
      // a farm with enough land, or one that has a third party treat its manure, counts as equipped
      "t9-3": "或配备足够消纳土地，或委托第三方处理利用",
      // the share is of these outfalls, not of all outfalls
      "t15-1": "辖区内工矿企业、各类园区或开发区污水处理厂、城镇污水处理厂入河排污口总数的10%",
      "t15-2": "辖区内工矿企业、各类园区或开发区污水处理厂、城镇污水处理厂入河排污口总数的10%",
      // 80% of the outfalls identified so far, not of all outfalls
      "t16-1": "已查明排污口总数的80%溯源",
      // 30% of the remediation tasks
      "t16-2": "整治任务的30%",
      // a zone counts as monitored when monitored monthly
      "t18-1": "监测频次为每月1次",
    });
    const taskRows = tableRows("附件 1", "附件 2").filter((cells) => /^\d+$/.test(cells[0] ?? ""));
    for (const target of plan.targets.filter((t) => t.qualifier !== null)) {
      const sourceContent = taskRows.find((cells) => cells[0] === String(target.task))![2]!;
      expect(sourceContent).toContain(target.qualifier);
    }
    // The bracketed qualifiers follow their target's words directly.
    for (const id of ["t5-2", "t9-3"]) {
      const target = plan.targets.find((t) => t.id === id)!;
      expect(plan.tasks[target.task - 1]!.content).toContain(`${target.text}（${target.qualifier}）`);
    }
  });

  it("marks as soft exactly the targets stated with 力争", () => {
    for (const target of plan.targets)
      expect([target.id, target.soft]).toEqual([target.id, target.text.includes("力争")]);
    expect(plan.targets.filter((t) => t.soft).map((t) => t.id)).toEqual(["t6-1", "t30-1"]);
    // 力争 appears nowhere else in the plan.
    expect(source.split("力争")).toHaveLength(3);
  });

  it("gives a denominator to the two outfall shares of task 16, measured against something specific", () => {
    expect(plan.targets.filter((t) => t.denominator !== null).map((t) => [t.id, t.denominator])).toEqual([
      ["t16-1", { zh: "已查明排污口总数", en: "Outfalls identified", source: "outfall_traced" }],
      ["t16-2", { zh: "整治任务数", en: "Remediation tasks", source: "outfall_remediated" }],
    ]);
    const [tracing, remediation] = plan.targets.filter((t) => t.task === 16);
    expect(tracing!.qualifier).toContain(tracing!.denominator!.zh);
    expect(remediation!.qualifier).toContain("整治任务");
    for (const t of [tracing!, remediation!]) expect(t.unit).toBe("%");
  });

  it("marks the 2020-based reductions of task 32", () => {
    const reductions = plan.targets.filter((t) => t.measure === "reduction_from_base");
    expect(reductions.map((t) => [t.id, t.baseYear])).toEqual([
      ["t32-1", 2020],
      ["t32-2", 2020],
    ]);
    for (const t of plan.targets.filter((x) => x.measure === "level")) expect(t.baseYear).toBeUndefined();
  });

  it("accounts for every number in every task content: a target or a listed non-target", () => {
    for (const task of plan.tasks) {
      const numbers = task.content.match(/\d+(?:\.\d+)?/gu) ?? [];
      // A later check of a target (task 15's 下半年) repeats its first's number.
      const targets = plan.targets
        .filter((t) => t.task === task.number && t.period?.of === undefined)
        .map((t) => t.value);
      const rest = numbers.filter((n) => {
        const i = targets.indexOf(Number(n));
        if (i < 0) return true;
        targets.splice(i, 1);
        return false;
      });
      expect({ task: task.number, unexplained: rest.sort(), unmatchedTargets: targets }).toEqual({
        task: task.number,
        unexplained: [...(numbersThatAreNotTargets[task.number] ?? [])].sort(),
        unmatchedTargets: [],
      });
    }
  });
});

describe("附件2–6: every row and column", () => {
  it("has the appendix labels, titles, headers and notes as printed", () => {
    const blocks = [
      ["tasks", "附件 1", "附件 2"],
      ["nationalSections", "附件 2", "附件 3"],
      ["regionalSections", "附件 3", "附件 4"],
      ["municipalSources", "附件 4", "附件 5"],
      ["countySources", "附件 5", "附件 6"],
      ["outfallSurvey", "附件 6", null],
    ] as const;
    for (const [key, label, next] of blocks) {
      const appendix = plan.appendices[key];
      const lines = linesBetween(label, next).filter((l) => l !== "");
      expect(appendix.label).toBe(label);
      expect(appendix.title).toBe(lines[0]);
      expect(appendix.headers).toEqual(lines[1]!.split("\t"));
      expect(appendix.note).toBe(lines.find((l) => l.startsWith("注：")) ?? null);
    }
    expect(plan.appendices.municipalSources.note).toBe("注：以年终在用市级集中式饮用水水源保护区为准。");
    expect(plan.appendices.countySources.note).toBe("注：以年终在用县级集中式饮用水水源保护区为准。");
  });

  it("附件2 holds the 10 national sections cell by cell", () => {
    const rows = tableRows("附件 2", "附件 3").slice(1);
    expect(plan.nationalSections).toHaveLength(10);
    expect(rows).toHaveLength(10);
    plan.nationalSections.forEach((s, i) => {
      expect([
        String(s.number),
        s.city,
        s.assessedCity,
        s.basin,
        s.waterBody,
        s.name,
        s.longitudeText,
        s.latitudeText,
        s.targetText,
        s.remark,
      ]).toEqual(rows[i]);
      expect(s.waterbody).toBe("river");
    });
    expect(plan.nationalSections.map((s) => s.targetClass)).toEqual([2, 2, 2, 3, 2, 2, 2, 2, 2, 2]);
    // Source quirk kept: section 9 lies in 来宾市 but is assessed for 柳州市.
    expect(plan.nationalSections[8]).toMatchObject({
      city: "来宾市",
      assessedCity: "柳州市",
      name: "象州运江老街",
    });
  });

  it("附件3 holds the 2 regional sections cell by cell", () => {
    const rows = tableRows("附件 3", "附件 4").slice(1);
    expect(plan.regionalSections).toHaveLength(2);
    expect(rows).toHaveLength(2);
    plan.regionalSections.forEach((s, i) => {
      expect([
        String(s.number),
        s.city,
        s.assessedCity,
        s.responsibleCounty,
        s.basin,
        s.waterBody,
        s.name,
        s.longitudeText,
        s.latitudeText,
        s.targetText,
        s.remark,
      ]).toEqual(rows[i]);
      expect(s.targetClass).toBe(2);
      expect(s.waterbody).toBe("river");
    });
  });

  it("附件4 holds the 4 municipal drinking-water sources cell by cell", () => {
    const rows = tableRows("附件 4", "附件 5").slice(1);
    expect(plan.municipalSources).toHaveLength(4);
    expect(rows).toHaveLength(4);
    plan.municipalSources.forEach((s, i) => {
      expect([
        String(s.number),
        s.city,
        s.name,
        s.status,
        s.sourceTypeText,
        s.longitudeText,
        s.latitudeText,
        s.targetText,
      ]).toEqual(rows[i]);
      expect(s.targetText).toBe("达到或好于 III类");
      expect(s.targetClass).toBe(3);
      expect(s.waterbody).toBe("river");
    });
  });

  it("附件5 holds the 5 county drinking-water sources cell by cell", () => {
    const rows = tableRows("附件 5", "附件 6").slice(1);
    expect(plan.countySources).toHaveLength(5);
    expect(rows).toHaveLength(5);
    plan.countySources.forEach((s, i) => {
      expect([
        String(s.number),
        s.city,
        s.county,
        s.name,
        s.status,
        s.longitudeText,
        s.latitudeText,
        s.assessmentType,
        s.targetText,
      ]).toEqual(rows[i]);
      expect(s.targetText).toBe("达到或好于Ⅲ类");
      expect(s.targetClass).toBe(3);
      expect(s.waterbody).toBe("river");
    });
  });

  it("附件6 lists the 9 rivers for the outfall survey", () => {
    const rows = tableRows("附件 6", null).slice(1);
    expect(plan.outfallSurvey.map((o) => [o.item, o.riversText])).toEqual(rows);
    expect(plan.outfallSurvey).toHaveLength(1);
    expect(plan.outfallSurvey[0]!.rivers).toEqual([
      "柳江",
      "融江",
      "贝江",
      "浪溪江",
      "洛清江",
      "古宜河（寻江）",
      "龙江",
      "石榴河",
      "中渡河",
    ]);
  });
});

function rangeOf([first, last]: [number, number]): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
