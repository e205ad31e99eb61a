import { enUSMessages } from "../../src/cli/messages/en-US";
import { zhCNMessages } from "../../src/cli/messages/zh-CN";

describe("the command line's messages", () => {
  it("quote a restored plan cell's old text cut to one short line, however much was pasted there", () => {
    const pasted = `${"很长的粘贴内容".repeat(5_000)}\n第二行`;
    const cells = [{ where: "附件1 任务清单!F8", old: pasted }];
    for (const line of [zhCNMessages.planCellsRestored(cells), enUSMessages.planCellsRestored(cells)]) {
      expect(line.length).toBeLessThan(140);
      expect(line).toContain("附件1 任务清单!F8");
      expect(line).toContain("…");
      expect(line).not.toContain("\n");
    }
  });
});
