import packageJson from "../../package.json";
import { runCli } from "../../src/cli/main";
import { makeIo } from "./recordingIo";

async function run(...argv: string[]): Promise<ReturnType<typeof makeIo>> {
  const io = makeIo();
  await runCli(argv, io);
  return io;
}

/** What commander prints on its own, in English, whatever the user's language. */
const commanderEnglish =
  /Usage:|Options:|Commands:|Arguments:|Global Options:|error:|display help|output the version|\(default:|\[options\]|\[command\]/u;

const zhHelp = `用法：water-plan [选项] [命令]

水污染防治计划助手：在 .xlsx 工作簿中生成、校验和汇总水污染防治工作计划

选项：
  -v, --version                       显示版本号
  --lang [语言]                       消息语言：zh（中文，默认）或 en（英文）
  -h, --help                          显示帮助

命令：
  generate [选项]                     把计划的附件表格和填报工作表写入 .xlsx 工
                                      作簿（已填写的内容会保留）
  validate [选项] <工作簿>            校验工作簿中填报的内容，判定计划的各项目
                                      标，并写入汇总表
  import [选项] <工作簿> <导出文件>   把监测数据导出文件（.xlsx 或 .csv）追加
                                      到“监测数据”表，不改动已有的行
  split [选项] <工作簿>               把全市工作簿按牵头单位或县区拆分为各单位的
                                      填报文件（只含其负责的行，计划列受保护）
  merge [选项] <工作簿> <退回表...>   把各单位退回的报送表合并进市级工作簿，不一
                                      致之处列为冲突（保留市级的值）
  report [选项] <工作簿>              按校验结果起草进展报告（.docx，按 GB/T
                                      9704-2012 公文格式排版）
  classify [选项] [监测项目=数值...]  按 GB 3838-2002 判定一个水样的水质类别
  help [命令]                         显示某个命令的帮助
`;

const enHelp = `Usage: water-plan [options] [command]

Water Plan for Excel: generate, validate and summarise a water-pollution
prevention plan in .xlsx workbooks

Options:
  -v, --version                        show the version
  --lang [lang]                        language of messages: zh (Chinese, the
                                       default) or en (English)
  -h, --help                           show this help

Commands:
  generate [options]                   write the plan's appendix tables and
                                       entry sheets into an .xlsx workbook
                                       (entered values are kept)
  validate [options] <book>            check what was entered in a workbook,
                                       judge every target of the plan and write
                                       the summary sheet
  import [options] <book> <export>     append a monitoring export (.xlsx or
                                       .csv) to the monitoring sheet, never
                                       changing a row there
  split [options] <book>               split the city's workbook into one form
                                       per lead unit or county (only its rows,
                                       plan columns protected)
  merge [options] <book> <file...>     merge the workbooks units returned into
                                       the city's; conflicts are listed, the
                                       city's values kept
  report [options] <book>              draft the progress report from the
                                       validation (.docx, laid out as GB/T
                                       9704-2012 official documents)
  classify [options] [assignments...]  classify one water sample by GB 3838-2002
  help [command]                       show the help of a command
`;

describe("water-plan --help", () => {
  it("prints the program's help in Chinese by default, on stdout with exit code 0", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const io = await run(...args);
      expect([io.exitCode(), io.err()]).toEqual([0, ""]);
      expect(io.out()).toBe(zhHelp);
    }
  });

  it("prints it in English with --lang en, before or after --help, or as --lang=en", async () => {
    for (const args of [
      ["--help", "--lang", "en"],
      ["--lang", "en", "--help"],
      ["--lang=en", "--help"],
    ]) {
      const io = await run(...args);
      expect([io.exitCode(), io.err()]).toEqual([0, ""]);
      expect(io.out()).toBe(enHelp);
    }
  });

  it("prints the help on stderr with exit code 2 when no command is given", async () => {
    const zh = await run();
    expect([zh.exitCode(), zh.out(), zh.err()]).toEqual([2, "", zhHelp]);
    const en = await run("--lang", "en");
    expect([en.exitCode(), en.out(), en.err()]).toEqual([2, "", enHelp]);
  });
});

describe("water-plan COMMAND --help", () => {
  it("prints validate's help in Chinese: usage, argument, options and the global options", async () => {
    const io = await run("validate", "--help");
    expect([io.exitCode(), io.err()]).toEqual([0, ""]);
    expect(io.out()).toBe(`用法：water-plan validate [选项] <工作簿>

校验工作簿中填报的内容，判定计划的各项目标，并写入汇总表

参数：
  工作簿              要校验的 .xlsx 工作簿（不会被改动，除非 --out 指向它）

选项：
  --out <文件>        把标注了问题、填好计算列和汇总表的工作簿写入此 .xlsx 文件
  --json              以 JSON 输出校验报告
  --today <日期>      统计截止日 YYYY-MM-DD（默认今天，不晚于计划年末）
  --published <日期>  市级工作计划公布日期 YYYY-MM-DD（默认取工作簿中的设置）
  --plan <文件>       计划 JSON 文件（默认：内置的柳州市 2023 年度计划）
  -h, --help          显示帮助

全局选项：
  -v, --version       显示版本号
  --lang [语言]       消息语言：zh（中文，默认）或 en（英文）
`);
  });

  it("prints validate's help in English with --lang en", async () => {
    const io = await run("validate", "--help", "--lang", "en");
    expect([io.exitCode(), io.err()]).toEqual([0, ""]);
    expect(io.out()).toBe(`Usage: water-plan validate [options] <book>

check what was entered in a workbook, judge every target of the plan and write
the summary sheet

Arguments:
  book                the .xlsx workbook to check (never changed unless --out
                      names it)

Options:
  --out <file>        write the workbook with problems marked, computed columns
                      filled and the summary sheet to this .xlsx file
  --json              print the report as JSON
  --today <date>      the as-of date YYYY-MM-DD (default: today, at most the
                      plan year's end)
  --published <date>  the date the city published its work plan, YYYY-MM-DD
                      (default: the workbook's setting)
  --plan <file>       a plan JSON file (default: the built-in Liuzhou 2023 plan)
  -h, --help          show this help

Global options:
  -v, --version       show the version
  --lang [lang]       language of messages: zh (Chinese, the default) or en
                      (English)
`);
  });

  it.each(["generate", "validate", "import", "classify"])(
    "prints %s's help through `help COMMAND` as through `COMMAND --help`, without commander's English",
    async (command) => {
      for (const lang of [[], ["--lang", "en"]]) {
        const viaOption = await run(command, "--help", ...lang);
        const viaCommand = await run("help", command, ...lang);
        expect(viaCommand.out()).toBe(viaOption.out());
        expect(viaOption.out()).toMatch(/^(用法：|Usage: )water-plan /u);
      }
      const zh = await run(command, "--help");
      expect(zh.out()).not.toMatch(commanderEnglish);
      expect(zh.out()).toContain("全局选项：");
    },
  );
});

describe("water-plan usage errors", () => {
  /** One line on stderr, nothing on stdout, exit code 2. */
  async function expectUsageError(args: readonly string[], line: string): Promise<void> {
    const io = await run(...args);
    expect({ exit: io.exitCode(), out: io.out(), err: io.err() }).toEqual({
      exit: 2,
      out: "",
      err: `${line}\n`,
    });
  }

  it.each([
    [
      "generate without --out",
      ["generate"],
      "water-plan generate 需要选项 --out <文件>：要写入的 .xlsx 文件；已存在时在其中重新生成，保留已填写的内容",
      "water-plan generate needs the option --out <file>: the .xlsx file to write; if it exists, generate again inside it, keeping entered values",
    ],
    [
      "an unknown command",
      ["nosuch"],
      "未知命令“nosuch”。可用的命令：generate、validate、import、split、merge、report、classify、help。",
      'Unknown command "nosuch". Commands: generate, validate, import, split, merge, report, classify, help.',
    ],
    [
      "a mistyped command",
      ["gnerate", "--out", "a.xlsx"],
      "未知命令“gnerate”（是不是 generate？）。可用的命令：generate、validate、import、split、merge、report、classify、help。",
      'Unknown command "gnerate" (did you mean generate?). Commands: generate, validate, import, split, merge, report, classify, help.',
    ],
    [
      "validate without BOOK",
      ["validate"],
      "缺少参数 <工作簿>。用法：water-plan validate [选项] <工作簿>",
      "Missing argument <book>. Usage: water-plan validate [options] <book>",
    ],
    [
      "an unknown option",
      ["validate", "a.xlsx", "--bogus"],
      "未知选项 --bogus。用 water-plan validate --help 查看可用的选项。",
      "Unknown option --bogus. See water-plan validate --help for the options.",
    ],
    [
      "a mistyped option",
      ["validate", "a.xlsx", "--todya", "2023-06-30"],
      "未知选项 --todya（是不是 --today？）。用 water-plan validate --help 查看可用的选项。",
      "Unknown option --todya (did you mean --today?). See water-plan validate --help for the options.",
    ],
    [
      "an unknown option of the program",
      ["--bogus"],
      "未知选项 --bogus。用 water-plan --help 查看可用的选项。",
      "Unknown option --bogus. See water-plan --help for the options.",
    ],
    [
      "an option without its value",
      ["validate", "a.xlsx", "--today"],
      "选项 --today <日期> 缺少取值",
      "The option --today <date> needs a value",
    ],
    [
      "too many arguments",
      ["validate", "a.xlsx", "b.xlsx"],
      "参数过多：water-plan validate 只接受 1 个参数，实际给出 2 个。",
      "Too many arguments: water-plan validate takes 1 argument but got 2.",
    ],
  ])("refuses %s with one line in Chinese, or in English with --lang en", async (_, args, zh, en) => {
    await expectUsageError(args, zh);
    await expectUsageError([...args, "--lang", "en"], en);
    await expectUsageError(["--lang", "en", ...args], en);
  });
});

describe("water-plan --version", () => {
  it("prints the package's version in Chinese by default, in English with --lang en", async () => {
    const { version } = packageJson;
    expect(version).toMatch(/^\d+\.\d+\.\d+/u);
    for (const flag of ["--version", "-v"]) {
      const zh = await run(flag);
      expect([zh.exitCode(), zh.err(), zh.out()]).toEqual([
        0,
        "",
        `水污染防治计划助手 water-plan ${version}\n`,
      ]);
      const en = await run(flag, "--lang", "en");
      expect([en.exitCode(), en.err(), en.out()]).toEqual([
        0,
        "",
        `Water Plan for Excel, water-plan ${version}\n`,
      ]);
    }
  });
});
