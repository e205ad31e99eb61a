/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Workbook } from "exceljs";
import { mergePaneMessages } from "../../src/taskpane/exchange/messages/mergePaneMessages";
import { taskPaneMessages } from "../../src/taskpane/messages/taskPaneMessages";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { planInScope } from "../../src/core/plan/planScope";
import { splitPaneMessages } from "../../src/taskpane/exchange/messages/splitPaneMessages";
import { workbookBytes } from "../../src/taskpane/preview/downloadXlsx";
import { formatMergeRefusal } from "../../src/workbook/exchange/messages/formatMergeRefusal";
import { edited, typeTask, unitReturn } from "../workbook/exchange/returnedBooks";
import { makeHarness, renderPane, type PaneHarness } from "./paneHarness";

// The pane renders with Fluent in jsdom and runs the real engine: a test takes seconds.
jest.setTimeout(60_000);

const words = mergePaneMessages("zh-CN");
const wordsEn = mergePaneMessages("en-US");

function xlsxFile(bytes: Uint8Array, name: string): File {
  return new File([bytes as BlobPart], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

/** Two counties' returns: both fill task 7's status, differently; 柳江区 reports progress on task 5. */
async function returnedFiles(): Promise<File[]> {
  const liujiang = await unitReturn("柳江区", (book) => {
    typeTask(book, 5, "进展情况", "已完成管网排查 12 公里");
    typeTask(book, 7, "完成状态", "已完成");
  });
  const yufeng = await unitReturn("鱼峰区", (book) => {
    typeTask(book, 7, "完成状态", "推进中");
  });
  const foreign = new Workbook();
  foreign.addWorksheet("Sheet1").getCell("A1").value = "not a plan";
  return [
    xlsxFile(liujiang, "柳江区.xlsx"),
    xlsxFile(yufeng, "鱼峰区.xlsx"),
    xlsxFile(new Uint8Array(await foreign.xlsx.writeBuffer()), "别的表.xlsx"),
    new File(["a,b"], "说明.txt", { type: "text/plain" }),
  ];
}

/** Whether some cell of the in-memory sheet holds `text`. */
function sheetHolds(harness: PaneHarness, sheet: string, text: string): boolean {
  const found = harness.book.sheet(sheet);
  const used = found?.usedRect();
  if (found === undefined || !used) return false;
  for (let r = used.row; r < used.row + used.rowCount; r += 1) {
    for (let c = used.col; c < used.col + used.colCount; c += 1) {
      if (String(found.get(r, c)).includes(text)) return true;
    }
  }
  return false;
}

/** Types a task's entry into the pane's in-memory workbook, as a user in the grid would. */
function typeTaskInPane(harness: PaneHarness, locale: "zh-CN" | "en-US", task: number, value: string): void {
  const zh = locale === "zh-CN";
  const sheet = harness.book.sheet(zh ? "附件1 任务清单" : "A1 Tasks");
  const used = sheet?.usedRect();
  if (sheet === undefined || !used) throw new Error("no task sheet");
  let headerRow = -1;
  let keyCol = -1;
  let col = -1;
  for (let r = used.row; r < used.row + used.rowCount && col < 0; r += 1) {
    for (let c = used.col; c < used.col + used.colCount; c += 1) {
      const text = String(sheet.get(r, c)).replace(/\s+/gu, "");
      if (text === (zh ? "完成状态" : "Status")) [headerRow, col] = [r, c];
      if (text === (zh ? "序号" : "No.")) keyCol = c;
    }
  }
  for (let r = headerRow + 1; r < used.row + used.rowCount; r += 1) {
    if (sheet.get(r, keyCol) === task) {
      sheet.set(r, col, value);
      return;
    }
  }
  throw new Error(`no task ${task}`);
}

async function generated(user: ReturnType<typeof userEvent.setup>, locale: "zh-CN" | "en-US"): Promise<void> {
  const text = taskPaneMessages(locale);
  await user.click(screen.getByRole("button", { name: text.generateButton }));
  await screen.findByText(text.doneTitle);
}

describe("汇总报送 in the task pane", () => {
  beforeEach(() => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("previews the returns (counts, refused files with reasons, conflicts with both values), then merges on the click", async () => {
    // A user may switch the file dialog to all files: the .txt reaches the pane.
    const user = userEvent.setup({ applyAccept: false });
    const harness = makeHarness();
    renderPane(harness);
    await generated(user, "zh-CN");
    await user.click(screen.getByRole("button", { name: words.openButton }));
    const section = await screen.findByRole("region", { name: words.heading });
    await user.upload(within(section).getByTestId("merge-files"), await returnedFiles());

    const preview = await within(section).findByRole("list", { name: words.previewTitle });
    expect(within(preview).getByText("读取报回的工作簿 2 个，拒收 2 个")).toBeTruthy();
    expect(within(preview).getByText("将合并进展情况 1 条")).toBeTruthy();
    expect(within(preview).getByText("冲突 1 处（保留本工作簿的值）")).toBeTruthy();
    const refused = within(section).getByRole("list", { name: words.refusedHeading });
    expect(within(refused).getByText(/^说明\.txt：说明\.txt 不是 \.xlsx 文件/u)).toBeTruthy();
    expect(within(refused).getByText(/^别的表\.xlsx：不是本助手生成或下发的工作簿/u)).toBeTruthy();
    const conflicts = within(section).getByRole("list", { name: words.conflictsHeading });
    const conflict = within(conflicts).getByRole("listitem");
    expect(conflict.textContent).toContain("已完成");
    expect(conflict.textContent).toContain("推进中");
    expect(conflict.textContent).toContain("柳江区");
    expect(conflict.textContent).toContain("鱼峰区");
    // The preview wrote nothing.
    expect(sheetHolds(harness, "附件1 任务清单", "已完成管网排查")).toBe(false);

    await user.click(within(section).getByRole("button", { name: words.mergeButton }));
    const done = await within(section).findByRole("list", { name: words.doneTitle });
    expect(within(done).getByText("已合并进展情况 1 条")).toBeTruthy();
    expect(sheetHolds(harness, "附件1 任务清单", "【柳江区】已完成管网排查 12 公里")).toBe(true);
    // Neither county's status was written: they disagree.
    expect(sheetHolds(harness, "附件1 任务清单", "推进中")).toBe(false);
  });

  it.each([
    [
      "zh-CN",
      "推进中",
      "报回表留空 1 处（保留本工作簿的值）",
      /^附件1 任务清单 [A-Z]+\d+（7，完成状态）：柳江区（柳江区\.xlsx）留空，市级工作簿的“推进中”保留$/u,
    ],
    [
      "en-US",
      "In progress",
      "1 cell left empty in a return (this workbook's values kept)",
      /^A1 Tasks [A-Z]+\d+ \(7, Status\): 柳江区 \(柳江区\.xlsx\) left it empty; the city's workbook keeps "In progress"$/u,
    ],
  ] as const)(
    "lists a value this workbook holds that a return has empty, and keeps it (%s)",
    async (locale, status, count, line) => {
      const user = userEvent.setup();
      const harness = makeHarness();
      renderPane(harness, { locale });
      await generated(user, locale);
      typeTaskInPane(harness, locale, 7, status);
      // 柳江区's form has task 7's status empty (a unit's form made before the city typed it, or cleared).
      const liujiang = await unitReturn("柳江区", (book) => {
        typeTask(book, 5, "进展情况", "已完成管网排查 12 公里");
      });
      const text = mergePaneMessages(locale);
      await user.click(screen.getByRole("button", { name: text.openButton }));
      const section = await screen.findByRole("region", { name: text.heading });
      await user.upload(within(section).getByTestId("merge-files"), [xlsxFile(liujiang, "柳江区.xlsx")]);
      const preview = await within(section).findByRole("list", { name: text.previewTitle });
      expect(within(preview).getByText(count)).toBeTruthy();
      const cleared = within(section).getByRole("list", { name: text.clearedHeading });
      expect(within(cleared).getByRole("listitem").textContent).toMatch(line);
      await user.click(within(section).getByRole("button", { name: text.mergeButton }));
      await within(section).findByRole("list", { name: text.doneTitle });
      expect(sheetHolds(harness, locale === "zh-CN" ? "附件1 任务清单" : "A1 Tasks", status)).toBe(true);
    },
  );

  it("brings back what a county typed into the form the pane sent it: split → fill → merge", async () => {
    const user = userEvent.setup();
    const sent: { bytes: Uint8Array; fileName: string }[] = [];
    const base = makeHarness();
    const harness: PaneHarness = {
      ...base,
      host: {
        ...base.host,
        saveFile: (bytes, fileName) => {
          sent.push({ bytes, fileName });
          return Promise.resolve("saved");
        },
      },
    };
    renderPane(harness);
    await generated(user, "zh-CN");
    const split = splitPaneMessages("zh-CN");
    await user.click(screen.getByRole("button", { name: split.openButton }));
    const splitSection = await screen.findByRole("region", { name: split.heading });
    await user.click(within(splitSection).getByRole("radio", { name: split.by("county") }));
    await user.click(within(splitSection).getByRole("button", { name: split.listButton }));
    await user.click(
      await within(splitSection).findByRole("button", { name: split.deliverOneLabel(false, "柳江区") }),
    );
    await within(splitSection).findByText(/^已下载/u);

    const task = planInScope(plan, { by: "county", unit: "柳江区" }).tasks[0]!.number;
    const filled = await edited(sent[0]!.bytes, (book) => {
      typeTask(book, task, "进展情况", "柳江区已按期推进");
    });
    await user.click(screen.getByRole("button", { name: words.openButton }));
    const section = await screen.findByRole("region", { name: words.heading });
    await user.upload(within(section).getByTestId("merge-files"), [xlsxFile(filled, sent[0]!.fileName)]);
    await user.click(await within(section).findByRole("button", { name: words.mergeButton }));
    await within(section).findByRole("list", { name: words.doneTitle });
    expect(sheetHolds(harness, "附件1 任务清单", "【柳江区】柳江区已按期推进")).toBe(true);
  });

  it("refuses to merge into a workbook the add-in did not make, saying so", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness);
    await user.click(screen.getByRole("button", { name: words.openButton }));
    const section = await screen.findByRole("region", { name: words.heading });
    await user.upload(within(section).getByTestId("merge-files"), (await returnedFiles()).slice(0, 1));
    expect(await within(section).findByText(words.bookNotMadeByAddIn)).toBeTruthy();
  });

  it.each(["zh-CN", "en-US"] as const)(
    "refuses the open workbook itself, or a copy of it, as a return, with the command line's reason (%s)",
    async (locale) => {
      const user = userEvent.setup();
      const harness = makeHarness();
      // Excel names the open workbook; the user picks that file, and a copy saved under another name.
      const named: PaneHarness = {
        ...harness,
        host: { ...harness.host, workbookName: () => Promise.resolve("柳州市汇总.xlsx") },
      };
      renderPane(named, { locale });
      await generated(user, locale);
      const own = await workbookBytes(harness.book);
      const text = mergePaneMessages(locale);
      await user.click(screen.getByRole("button", { name: text.openButton }));
      const section = await screen.findByRole("region", { name: text.heading });
      await user.upload(within(section).getByTestId("merge-files"), [
        xlsxFile(own, "柳州市汇总.xlsx"),
        xlsxFile(own, "柳州市汇总 - 副本.xlsx"),
      ]);
      const refused = await within(section).findByRole("list", { name: text.refusedHeading });
      const reason = formatMergeRefusal({ code: "own_book" }, locale);
      expect(
        within(refused)
          .getAllByRole("listitem")
          .map((item) => item.textContent),
      ).toEqual([
        text.refusedLine("柳州市汇总.xlsx", reason),
        text.refusedLine("柳州市汇总 - 副本.xlsx", reason),
      ]);
    },
  );

  it("speaks English, and its merge is reachable by keyboard", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness, { locale: "en-US" });
    await generated(user, "en-US");
    const toggle = screen.getByRole("button", { name: wordsEn.openButton });
    toggle.focus();
    await user.keyboard("{Enter}");
    const section = await screen.findByRole("region", { name: wordsEn.heading });
    await user.tab();
    expect(document.activeElement).toBe(within(section).getByRole("button", { name: wordsEn.chooseFiles }));
    await user.upload(within(section).getByTestId("merge-files"), (await returnedFiles()).slice(0, 1));
    const preview = await within(section).findByRole("list", { name: wordsEn.previewTitle });
    expect(within(preview).getByText("1 returned workbook read")).toBeTruthy();
    const merge = within(section).getByRole("button", { name: wordsEn.mergeButton });
    merge.focus();
    await user.keyboard("{Enter}");
    const done = await within(section).findByRole("list", { name: wordsEn.doneTitle });
    expect(within(done).getByText("1 progress text joined")).toBeTruthy();
    expect(within(done).getByText("1 empty cell filled")).toBeTruthy();
  });
});
