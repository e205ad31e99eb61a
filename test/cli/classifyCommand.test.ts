import { Command, CommanderError, Option } from "commander";
import { registerClassify } from "../../src/cli/classifyCommand";
import { runCli } from "../../src/cli/main";
import { makeIo } from "./recordingIo";

/** Runs `water-plan classify …` through a commander program that never exits the process. */
async function classify(
  args: readonly string[],
  { globalLang = false }: { globalLang?: boolean } = {},
): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  const program = new Command("water-plan");
  if (globalLang) program.addOption(new Option("--lang <lang>").choices(["zh", "en"]).default("zh"));
  program.exitOverride().configureOutput({
    writeOut: (t) => {
      io.stdout(t);
    },
    writeErr: (t) => {
      io.stderr(t);
    },
  });
  registerClassify(program, io);
  try {
    await program.parseAsync(["classify", ...args], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    io.stderr(`commander: ${error.code}\n`);
  }
  return io;
}

/** One line ending in a newline, and no stack trace. */
function expectOneLine(text: string): void {
  expect(text.endsWith("\n")).toBe(true);
  expect(text.trimEnd()).not.toContain("\n");
  expect(text).not.toMatch(/\bat .+:\d+:\d+/u);
}

describe("water-plan classify", () => {
  it("prints the sample's class, each parameter's class and the main pollutants", async () => {
    const io = await classify(["氨氮=0.8", "DO=6", "pH=7.2", "总磷=0.02L"]);
    expect(io.exitCode()).toBe(0);
    expect(io.err()).toBe("");
    expect(io.out()).toBe(
      [
        "水质类别：Ⅲ类",
        // Without 高锰酸盐指数 the class is a floor, not a verdict (issue 13).
        "注意：类别仅依据 4 项评价指标，缺少核心项目 高锰酸盐指数：未监测的项目可能使类别更差，不能据此判定达标。",
        "  氨氮（NH3-N）  0.8 mg/L  Ⅲ类",
        "  溶解氧  6 mg/L  Ⅱ类",
        "  pH值  7.2  Ⅰ类",
        "  总磷（以P计）  0.02L mg/L  Ⅰ类",
        "主要污染指标：无",
        "",
      ].join("\n"),
    );
  });

  it("says a class resting on pH alone is not a verdict, and does not call it met (issue 13)", async () => {
    const text = await classify(["pH=7.2", "--target", "Ⅱ类"]);
    expect(text.out()).toContain("缺少核心项目 溶解氧、高锰酸盐指数、氨氮（NH3-N）、总磷（以P计）");
    expect(text.out()).toContain("水质目标 Ⅱ类：无法判定");
    const json = JSON.parse((await classify(["pH=7.2", "--target", "Ⅱ类", "--json"])).out()) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({
      class: "Ⅰ类",
      items: 1,
      missingCore: ["do", "codmn", "nh3n", "tp"],
      attainment: "cannot_judge",
      meets: null,
    });
    // A miss on the items measured stays a miss.
    const missed = JSON.parse((await classify(["氨氮=1.2", "--target", "Ⅱ类", "--json"])).out()) as Record<
      string,
      unknown
    >;
    expect(missed).toMatchObject({ attainment: "not_met", meets: false });
    const english = await classify(["pH=7.2", "--lang", "en"]);
    expect(english.out()).toContain("rests on 1 evaluation item;");
  });

  it("gives the JSON the issue specifies, classes written Ⅱ类 / 劣Ⅴ类", async () => {
    const io = await classify(["氨氮=2.5", "DO=6", "总磷=0.35", "--target", "达到或好于 III类", "--json"]);
    expect(io.exitCode()).toBe(0);
    const json = JSON.parse(io.out()) as Record<string, unknown>;
    expect(json["class"]).toBe("劣Ⅴ类");
    expect(json["parameters"]).toEqual([
      expect.objectContaining({ parameter: "nh3n", value: 2.5, class: "劣Ⅴ类" }),
      expect.objectContaining({ parameter: "do", value: 6, class: "Ⅱ类" }),
      expect.objectContaining({ parameter: "tp", value: 0.35, class: "Ⅴ类" }),
    ]);
    expect(json["mainPollutants"]).toEqual([
      expect.objectContaining({
        parameter: "nh3n",
        class: "劣Ⅴ类",
        multiple: expect.closeTo(1.5, 12) as number,
      }),
      expect.objectContaining({
        parameter: "tp",
        class: "Ⅴ类",
        multiple: expect.closeTo(0.75, 12) as number,
      }),
    ]);
    expect(json["meets"]).toBe(false);
  });

  it("rounds multiples and shortfalls in the JSON to at most 4 decimals", async () => {
    const io = await classify(["氨氮=1.6", "DO=4.2", "--target", "II", "--source", "--json"]);
    const json = JSON.parse(io.out()) as {
      mainPollutants: { parameter: string; multiple: number | null }[];
      exceedances: { parameter: string; multiple?: number; shortfall?: number }[];
      source: { exceedances: { parameter: string; multiple?: number; shortfall?: number }[] };
    };
    // In binary (1.6 − 1) / 1 is 0.6000000000000001 and 5 − 4.2 is 0.7999999999999998.
    expect(json.mainPollutants.map((p) => [p.parameter, p.multiple])).toEqual([
      ["nh3n", 0.6],
      ["do", null],
    ]);
    expect(json.exceedances.map((e) => [e.parameter, e.shortfall ?? e.multiple])).toEqual([
      ["do", 1.8],
      ["nh3n", 2.2],
    ]);
    expect(json.source.exceedances.map((e) => [e.parameter, e.shortfall ?? e.multiple])).toEqual([
      ["do", 0.8],
      ["nh3n", 0.6],
    ]);
    const precise = JSON.parse((await classify(["氨氮=1.23456", "--json"])).out()) as {
      mainPollutants: { multiple: number }[];
    };
    expect(precise.mainPollutants[0]?.multiple).toBe(0.2346);
  });

  it("leaves meets out of the JSON without --target", async () => {
    const json = JSON.parse((await classify(["氨氮=0.8", "--json"])).out()) as Record<string, unknown>;
    expect("meets" in json).toBe(false);
  });

  it("states exceedances against the target", async () => {
    const io = await classify(["氨氮=1.2", "DO=5.5", "--target", "II"]);
    expect(io.out()).toContain("水质目标 Ⅱ类：未达标");
    expect(io.out()).toContain("  溶解氧：低于目标 0.5 mg/L");
    expect(io.out()).toContain("  氨氮（NH3-N）：超标 1.4 倍");
  });

  it("says dissolved oxygen below a detection limit misses the target, without a computed shortfall", async () => {
    const io = await classify(["DO=6L", "--target", "II"]);
    expect(io.out()).toContain("水质目标 Ⅱ类：未达标");
    expect(io.out()).toContain("  溶解氧：低于检出限 6 mg/L，未达到 6 mg/L（差值无法计算）");
    const en = await classify(["DO=6L", "--target", "II", "--lang", "en"]);
    expect(en.out()).toContain(
      "  Dissolved oxygen: below the detection limit 6 mg/L, so under 6 mg/L (shortfall unknown)",
    );
  });

  it("uses the lake phosphorus limits with --waterbody lake", async () => {
    const river = JSON.parse((await classify(["TP=0.05", "--json"])).out()) as { class: string };
    const lake = JSON.parse((await classify(["TP=0.05", "--json", "--waterbody", "lake"])).out()) as {
      class: string;
    };
    expect([river.class, lake.class]).toEqual(["Ⅱ类", "Ⅲ类"]);
  });

  it("judges a drinking-water source with --source", async () => {
    const io = await classify([
      "氨氮=0.3",
      "硫酸盐=30",
      "氯化物=10",
      "硝酸盐=1",
      "铁=0.45",
      "锰=0.05",
      "--source",
      "--json",
    ]);
    const json = JSON.parse(io.out()) as { source: { status: string; meets: boolean } };
    expect(json.source).toEqual(expect.objectContaining({ status: "not_met", meets: false }));
  });

  it("says why basic parameters fail a drinking-water source with --source, as --target does", async () => {
    const io = await classify(["DO=4", "pH=9.5", "氨氮=1.2", "铁=0.45", "--source"]);
    expect(io.out()).toContain("饮用水水源（Ⅲ类及表2、表3限值）：未达标");
    expect(io.out()).toContain("  pH值：超出 6～9");
    expect(io.out()).toContain("  溶解氧：低于目标 1 mg/L");
    expect(io.out()).toContain("  氨氮（NH3-N）：超标 0.2 倍");
    expect(io.out()).toContain("  铁：超标 0.5 倍");
  });

  it("converts a unit given with the parameter", async () => {
    const json = JSON.parse((await classify(["汞(μg/L)=0.1", "--json"])).out()) as {
      parameters: { value: number; class: string }[];
    };
    expect(json.parameters[0]?.value).toBeCloseTo(0.0001, 15);
    expect(json.parameters[0]?.class).toBe("Ⅲ类");
  });

  it("speaks English with --lang en, on its own or as the program's global option", async () => {
    for (const globalLang of [false, true]) {
      const io = await classify(["NH3-N=0.8", "--lang", "en"], { globalLang });
      expect(io.out()).toContain("Water class: Class III");
    }
  });

  it.each([
    [[], "请至少给出一个"],
    [["氨氮"], "不是“监测项目=数值”的形式"],
    [["浊度=5"], "无法识别的监测项目“浊度”"],
    [["氨氮=abc"], "无法识别的监测值“abc”"],
    [["氨氮=-1"], "为负数"],
    [["氨氮=0.5", "NH3-N=0.6"], "给出了不止一次"],
    [["氨氮=0.5", "--waterbody", "sea"], "水体类型“sea”无效"],
    [["氨氮=0.5", "--target", "Ⅵ类"], "无法识别的水质目标"],
    [["氨氮=0.5", "--target"], "选项 --target 缺少取值"],
    [["氨氮=0.5", "--bogus"], "“--bogus”不是"],
    [["氨氮=0.5", "--lang", "fr"], "语言“fr”无效"],
    [["氨氮(ppm)=0.5"], "单位“ppm”无法识别"],
  ])("refuses %j with one clear line and exit code 2", async (args, message) => {
    const io = await classify(args);
    expect(io.exitCode()).toBe(2);
    expect(io.out()).toBe("");
    expectOneLine(io.err());
    expect(io.err()).toContain(message);
  });

  it.each([[["--lang", "fr", "classify", "氨氮=0.5"]], [["classify", "氨氮=0.5", "--lang", "fr"]]])(
    "refuses the program's --lang in %j with classify's one localized line and exit code 2",
    async (args) => {
      const io = makeIo();
      await runCli(args, io);
      expect(io.exitCode()).toBe(2);
      expect(io.out()).toBe("");
      expect(io.err()).toBe("语言“fr”无效：请使用 zh 或 en\n");
    },
  );

  it("keeps --lang zh|en|zh-CN|en-US working before or after classify in the program", async () => {
    for (const lang of ["en", "en-US"]) {
      for (const args of [
        ["--lang", lang, "classify", "氨氮=0.5"],
        ["classify", "氨氮=0.5", "--lang", lang],
      ]) {
        const io = makeIo();
        await runCli(args, io);
        expect([io.exitCode(), io.err()]).toEqual([0, ""]);
        expect(io.out()).toContain("Water class: Class II");
      }
    }
    for (const lang of ["zh", "zh-CN"]) {
      const io = makeIo();
      await runCli(["classify", "氨氮=0.5", "--lang", lang], io);
      expect(io.out()).toContain("水质类别：Ⅱ类");
    }
  });

  it("words usage problems in English with --lang en", async () => {
    const io = await classify(["turbidity=5", "--lang", "en"]);
    expect(io.exitCode()).toBe(2);
    expect(io.err()).toContain('Unknown parameter "turbidity"');
  });

  it("warns when a detection limit is too high to judge", async () => {
    const io = await classify(["汞=0.0001L", "--target", "Ⅱ类"]);
    expect(io.exitCode()).toBe(0);
    expect(io.out()).toContain("水质目标 Ⅱ类：无法判定");
    expect(io.out()).toContain("注意：汞低于检出限 0.0001 mg/L，但该检出限高于限值 0.00005 mg/L");
  });
});
