import { Help } from "commander";
import { LocalizedHelp } from "../../src/cli/localizedHelp";
import { runCli } from "../../src/cli/main";
import { cliMessages } from "../../src/cli/messages/cliMessages";
import { makeIo } from "./recordingIo";

const help = new LocalizedHelp(cliMessages("zh-CN").commandLine);

async function helpText(argv: readonly string[], width?: number): Promise<string> {
  const io = makeIo();
  await runCli(argv, width === undefined ? io : { ...io, helpWidth: () => width });
  expect(io.exitCode()).toBe(0);
  return io.out();
}

describe("LocalizedHelp", () => {
  it("counts a CJK character or full-width mark two columns wide, as a terminal shows it", () => {
    expect(help.displayWidth("工作簿")).toBe(6);
    expect(help.displayWidth("（默认今天）")).toBe(12);
    expect(help.displayWidth("--out <文件>")).toBe(12);
    expect(help.displayWidth("Ⅲ类 pH=7.2")).toBe(10);
  });

  it("wraps Chinese between characters, never before “，” or “）” nor after “（”", () => {
    const twenty = "甲".repeat(20);
    expect(help.boxWrap(`${twenty}乙丙`, 41)).toBe(`${twenty}\n乙丙`);
    expect(help.boxWrap(`${twenty}，乙`, 41)).toBe(`${"甲".repeat(19)}\n甲，乙`);
    expect(help.boxWrap(`${twenty}（乙）`, 42)).toBe(`${twenty}\n（乙）`);
    expect(help.boxWrap(`${twenty}乙）`, 41)).toBe(`${twenty}\n乙）`);
    // At a space as commander does, the space dropped.
    expect(help.boxWrap(`${twenty} .xlsx 工作簿`, 44)).toBe(`${twenty}\n.xlsx 工作簿`);
  });

  it("keeps text that is not CJK with the character before it", () => {
    const wrapped = help.boxWrap("PARAMETER=VALUE pairs, e.g. 氨氮=0.8 DO=6 pH=7.2 总磷=0.02L", 51);
    expect(wrapped).toBe("PARAMETER=VALUE pairs, e.g. 氨氮=0.8 DO=6 pH=7.2 总\n磷=0.02L");
  });

  it("wraps text without CJK exactly as commander does", () => {
    const text = "write the workbook with problems marked, computed columns filled and the summary sheet";
    expect(help.boxWrap(text, 45)).toBe(new Help().boxWrap(text, 45));
  });

  it("fits every line of every help within 80 columns, in both languages", async () => {
    for (const lang of ["zh", "en"]) {
      for (const command of [[], ["generate"], ["validate"], ["classify"]]) {
        const text = await helpText([...command, "--help", "--lang", lang]);
        const tooWide = text.split("\n").filter((line) => help.displayWidth(line) > 80);
        expect({ lang, command, tooWide }).toEqual({ lang, command, tooWide: [] });
      }
    }
  });

  it("wraps to the terminal's width the io reports", async () => {
    const narrow = await helpText(["--help"]);
    const wide = await helpText(["--help"], 120);
    expect(narrow).toContain("写入 .xlsx 工\n");
    expect(wide).toContain(
      "  generate [选项]                     把计划的附件表格和填报工作表写入 .xlsx 工作簿（已填写的内容会保留）\n",
    );
  });
});
