/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HostError, ProtectedSheets } from "../../src/hosts/hostError";
import { taskPaneMessages } from "../../src/taskpane/messages/taskPaneMessages";
import { PaneRequests } from "../../src/taskpane/paneRequests";
import type { WorkbookPort } from "../../src/workbook/port";
import { makeHarness, renderPane } from "./paneHarness";

// The pane renders with Fluent in jsdom and runs the real engine: on CI, beside webpack building the
// preview for the browser test, a test takes seconds, not the default 5.
jest.setTimeout(60_000);

const zh = taskPaneMessages("zh-CN");
const en = taskPaneMessages("en-US");

/** Types into the in-memory workbook as a user would: 监测数据 rows start at row 4. */
function enterMonitoring(
  harness: ReturnType<typeof makeHarness>,
  rows: readonly (readonly (string | number)[])[],
): void {
  const sheet = harness.book.sheet("监测数据");
  if (!sheet) throw new Error("no 监测数据 sheet");
  rows.forEach((values, r) => {
    values.forEach((value, c) => {
      sheet.set(3 + r, c, value);
    });
  });
}

async function generate(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole("button", { name: zh.generateButton }));
  await screen.findByText(zh.doneTitle);
}

describe("the task pane", () => {
  beforeEach(() => {
    // The pane logs every failure for the developer tools; here the failures are the point.
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("speaks Chinese by default: title, the plan it writes and the three actions", async () => {
    renderPane(makeHarness());
    expect(screen.getByRole("heading", { level: 1, name: "水污染防治计划助手" })).toBeTruthy();
    for (const name of ["生成计划表格", "校验", "生成汇总"]) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
    await screen.findByText("计划：柳州市 2023 年度水污染防治工作计划");
  });

  it("speaks English when Office displays English, with no Chinese left in its own texts", async () => {
    const { container } = renderPane(makeHarness(), { locale: "en-US" });
    await screen.findByText(/^Plan: /u);
    expect(screen.getByRole("button", { name: "Validate" })).toBeTruthy();
    // The plan's title is the plan's; everything else is the pane's English.
    expect(container.textContent.replace(/Plan: .*$/mu, "")).not.toMatch(/\p{Script=Han}/u);
  });

  it("generates, saying which step runs while it does and what it wrote when done", async () => {
    const user = userEvent.setup();
    renderPane(makeHarness());
    await user.click(screen.getByRole("button", { name: "生成计划表格" }));
    await screen.findByText("已生成");
    expect(screen.getByText(/^新建 8 张工作表：附件1 任务清单、/u)).toBeTruthy();
  });

  it("shows the step and disables every action while one runs; a second click does nothing", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let updates = 0;
    const harness = makeHarness({
      port: (port) => ({
        ...port,
        update: async (names, options, plan) => {
          updates += 1;
          await gate;
          return port.update(names, options, plan);
        },
      }),
    });
    const user = userEvent.setup();
    renderPane(harness);
    const button = screen.getByRole("button", { name: "生成计划表格" });
    await user.click(button);
    await screen.findByText("生成计划表格（1/2）：正在读取工作簿…");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByRole("button", { name: "校验" }).getAttribute("aria-disabled")).toBe("true");
    await user.click(button);
    await user.click(screen.getByRole("button", { name: "校验" }));
    act(() => {
      release();
    });
    await screen.findByText("已生成");
    expect(updates).toBe(1);
    expect(button.getAttribute("aria-disabled")).toBeNull();
  });

  it("validates: counts by severity, the issues listed, a click selecting the cell", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness);
    await generate(user);
    enterMonitoring(harness, [
      ["露塘", "2023-05-10", "abc"],
      ["不存在", 45000],
    ]);
    await user.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText("校验完成：2 个错误，2 个警告");
    expect(screen.getByText("未写入汇总表（点击“生成汇总”写入）")).toBeTruthy();
    expect(await screen.findByText("错误 2")).toBeTruthy();
    const list = await screen.findByRole("listbox", { name: "问题列表" });
    const options = within(list).getAllByRole("option");
    expect(options).toHaveLength(4);
    await user.click(within(list).getByText(/无法识别的监测值“abc”/u));
    expect(harness.selected).toEqual([["监测数据", "C4"]]);
  });

  it("lists a deleted plan sheet without trying to select it", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness);
    await generate(user);
    harness.book.removeSheet("附件3 区控断面");
    await user.click(screen.getByRole("button", { name: "校验" }));
    const list = await screen.findByRole("listbox", { name: "问题列表" });
    const missing = within(list)
      .getAllByRole("option")
      .find((option) => option.getAttribute("data-code") === "sheet_missing");
    expect(missing).toBeDefined();
    await user.click(missing!);
    expect(harness.selected).toEqual([]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("filters the issues by sheet and by severity", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness);
    await generate(user);
    enterMonitoring(harness, [
      ["露塘", "2023-05-10", "abc"],
      ["不存在", 45000],
    ]);
    await user.click(screen.getByRole("button", { name: "校验" }));
    const list = await screen.findByRole("listbox", { name: "问题列表" });
    await user.selectOptions(screen.getByRole("combobox", { name: "工作表" }), "监测数据");
    expect(
      within(list)
        .getAllByRole("option")
        .map((o) => o.dataset.cell),
    ).toEqual(["C4", "A5"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "工作表" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "严重程度" }), "warning");
    expect(
      within(list)
        .getAllByRole("option")
        .map((o) => o.dataset.sheet),
    ).toEqual(["附件1 任务清单", "附件2 国控断面"]);
  });

  it("moves through the issues with the arrow keys and selects a cell with Enter", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness);
    await generate(user);
    enterMonitoring(harness, [
      ["露塘", "2023-05-10", "abc"],
      ["不存在", 45000],
    ]);
    await user.click(screen.getByRole("button", { name: "校验" }));
    const list = await screen.findByRole("listbox", { name: "问题列表" });
    const options = within(list).getAllByRole("option");
    act(() => {
      options[0]!.focus();
    });
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(document.activeElement).toBe(options[2]);
    expect(options[2]!.getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{Enter}");
    await user.keyboard("{End}{Enter}");
    expect(harness.selected).toEqual([
      ["监测数据", "C4"],
      ["监测数据", "A5"],
    ]);
  });

  it("summarises: the goals of section 二 as cards with their status, and a link to 汇总", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness);
    await generate(user);
    await user.click(screen.getByRole("button", { name: "生成汇总" }));
    await screen.findByText("已写入“汇总”工作表");
    const heading = await screen.findByRole("heading", { name: "目标完成情况" });
    const section = heading.closest("section");
    if (!section) throw new Error("no summary section");
    const cards = section.querySelectorAll("[data-goal]");
    expect(cards).toHaveLength(4);
    expect(within(section).getByText("全市 10 个国家考核断面水质优良比例达 100%")).toBeTruthy();
    expect(within(section).getAllByText("无数据").length).toBeGreaterThan(0);
    await user.click(within(section).getByRole("button", { name: "打开“汇总”工作表" }));
    expect(harness.selected).toEqual([["汇总", "A1"]]);
    expect(harness.book.sheet("汇总")).toBeDefined();
  });

  it("ends a round trip Excel never answers with a clear message, writes nothing late, and retries", async () => {
    let hang = true;
    let writes = 0;
    let latePlan: (() => void) | null = null;
    const harness = makeHarness({
      limits: { reading: 50 },
      port: (port): WorkbookPort => ({
        ...port,
        write: async (batch) => {
          writes += 1;
          return port.write(batch);
        },
        update: (names, options, plan) =>
          hang
            ? new Promise((resolve) => {
                // Excel answers the read only after the pane gave up.
                latePlan = () => {
                  void port.update(names, options, plan).then(resolve);
                };
              })
            : port.update(names, options, plan),
      }),
    });
    const user = userEvent.setup();
    renderPane(harness);
    await user.click(screen.getByRole("button", { name: "生成计划表格" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Excel 在 0 秒内没有响应");
    expect(alert.textContent).toContain("在读取工作簿时中断，没有写入任何内容。");
    act(() => {
      latePlan?.();
    });
    await waitFor(() => {
      expect(harness.book.sheetNames()).toEqual([]);
    });
    hang = false;
    await user.click(within(alert).getByRole("button", { name: "重试" }));
    await screen.findByText("已生成");
    expect(writes).toBe(0);
    expect(harness.book.sheetNames()).toContain("附件1 任务清单");
  });

  it("shows a host error's title, what was not written and the host's message, never swallowing it", async () => {
    const harness = makeHarness({
      port: (port) => ({
        ...port,
        update: () => Promise.reject(new HostError("excel_rejected", "The workbook is protected.")),
      }),
    });
    const user = userEvent.setup();
    renderPane(harness, { locale: "en-US" });
    await user.click(screen.getByRole("button", { name: "Validate" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(en.hostErrorTitle("excel_rejected"));
    expect(alert.textContent).toContain("nothing was written");
    expect(alert.textContent).toContain("The workbook is protected.");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeTruthy();
  });

  it("says the workbook changed while 校验 ran, that nothing was written and to run again, in Chinese only", async () => {
    const harness = makeHarness({
      port: (port) => ({
        ...port,
        update: () =>
          Promise.reject(
            new HostError(
              "workbook_changed",
              "“监测数据”!E4 changed while the add-in was working (a value was typed); nothing was written. Run it again.",
            ),
          ),
      }),
    });
    const user = userEvent.setup();
    renderPane(harness);
    await user.click(screen.getByRole("button", { name: "校验" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(zh.hostErrorTitle("workbook_changed"));
    expect(alert.textContent).toContain("“校验”运行期间工作簿有改动，没有写入任何内容。请再运行一次。");
    // The host's English words would only add another language.
    expect(alert.textContent).not.toMatch(/[A-Za-z]{4,}/u);
    expect(within(alert).getByRole("button", { name: "重试" })).toBeTruthy();
  });

  it("says so in English too, naming the action that ran", async () => {
    const harness = makeHarness({
      port: (port) => ({
        ...port,
        update: () => Promise.reject(new HostError("workbook_changed", "changed")),
      }),
    });
    const user = userEvent.setup();
    renderPane(harness, { locale: "en-US" });
    await user.click(screen.getByRole("button", { name: "Generate plan sheets" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(en.hostErrorTitle("workbook_changed"));
    expect(alert.textContent).toContain(
      "The workbook changed while Generate plan sheets ran; nothing was written. Run it again.",
    );
  });

  it("says in the pane's language which sheets a failed write left unprotected", async () => {
    const leftOpen = new HostError(
      "excel_rejected",
      "Excel rejected the write: Injected failure. Putting back the protection of “附件1 任务清单” failed too.",
      { cause: new Error("Injected failure."), unprotectedSheets: ["附件1 任务清单"] },
    );
    const harness = makeHarness({ port: (port) => ({ ...port, update: () => Promise.reject(leftOpen) }) });
    const user = userEvent.setup();
    const { unmount } = renderPane(harness);
    await user.click(screen.getByRole("button", { name: "生成计划表格" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(zh.hostErrorTitle("excel_rejected"));
    expect(alert.textContent).toContain(zh.protectionNotRestored(["附件1 任务清单"]));
    expect(alert.textContent).toContain("目前处于未保护状态");
    // The original failure is still shown.
    expect(alert.textContent).toContain("Injected failure.");
    unmount();

    renderPane(makeHarness({ port: (port) => ({ ...port, update: () => Promise.reject(leftOpen) }) }), {
      locale: "en-US",
    });
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The protection of the sheet “附件1 任务清单” was lifted for the write and could not be put back after it failed",
    );
  });

  it("names a protected sheet in the pane's language and says nothing was written", async () => {
    const protectedSheet = (sheets: readonly string[]) =>
      new HostError("sheet_protected", "The sheet is protected.", {
        cause: new ProtectedSheets(sheets, "The sheet is protected."),
      });
    const harness = makeHarness({
      port: (port) => ({ ...port, update: () => Promise.reject(protectedSheet(["附件1 任务清单"])) }),
    });
    const user = userEvent.setup();
    const { unmount } = renderPane(harness);
    await user.click(screen.getByRole("button", { name: "生成计划表格" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(zh.hostErrorTitle("sheet_protected"));
    expect(alert.textContent).toContain(
      "工作表“附件1 任务清单”受保护（审阅 → 撤消工作表保护），没有写入任何内容。请撤消保护后再运行一次。",
    );
    unmount();

    const two = makeHarness({
      port: (port) => ({
        ...port,
        update: () => Promise.reject(protectedSheet(["附件1 任务清单", "监测数据"])),
      }),
    });
    renderPane(two, { locale: "en-US" });
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The sheets “附件1 任务清单”, “监测数据” are protected (Review → Unprotect Sheet); nothing was written. Unprotect them and run again.",
    );
  });

  it("warns, without blocking, when Excel refused part of the finishing while the data went in", async () => {
    const refusal = new HostError(
      "excel_rejected",
      "The data is written, but Excel refused part of the finishing …",
      { cause: new Error("Excel refused the print set-up of 附件1 任务清单.") },
    );
    let refused = false;
    const harness = makeHarness({
      // The first write's finishing is refused, as the Office host reports it; the next is not.
      port: (port, cosmetic) => ({
        ...port,
        update: async (names, options, plan) => {
          const result = await port.update(names, options, plan);
          if (!refused) cosmetic.report(refusal);
          refused = true;
          return result;
        },
      }),
    });
    const user = userEvent.setup();
    renderPane(harness);
    await user.click(screen.getByRole("button", { name: "生成计划表格" }));
    // The outcome stands: generated, every sheet written.
    await screen.findByText(zh.doneTitle);
    const warning = screen.getByText(zh.cosmeticFailureTitle).closest("[role=group], div");
    expect(warning?.textContent).toContain(zh.cosmeticFailure);
    expect(warning?.textContent).toContain("Excel refused the print set-up of 附件1 任务清单.");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(harness.book.sheetNames()).toContain("附件1 任务清单");

    // The next action that Excel finishes in full shows no warning.
    await user.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText(/^校验完成/u);
    expect(screen.queryByText(zh.cosmeticFailureTitle)).toBeNull();
  });

  it("says nothing was validated when the workbook has no plan sheets yet", async () => {
    const user = userEvent.setup();
    renderPane(makeHarness());
    await user.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText(zh.validateProblemsTitle);
    expect(screen.getByText(zh.noPlanSheets)).toBeTruthy();
  });

  it("validates when the ribbon's 校验 asks, as if its own button were clicked", async () => {
    const user = userEvent.setup();
    const requests = new PaneRequests();
    renderPane(makeHarness(), { requests });
    await generate(user);
    act(() => {
      requests.post("validate");
    });
    await screen.findByText(/^校验完成/u);
  });

  it("keeps its settings in the workbook: as-of day and language, and the publication date through generating", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness);
    await generate(user);
    await user.click(screen.getByRole("button", { name: "设置" }));
    const form = await screen.findByRole("form", { name: "设置" });
    await user.click(within(form).getByRole("checkbox", { name: "使用默认日期（今天，不晚于计划年末）" }));
    const asOf = within(form).getByLabelText("统计截止日");
    fireEvent.change(asOf, { target: { value: "2023-12-31" } });
    fireEvent.change(within(form).getByLabelText("计划公布日期"), { target: { value: "2023-03-15" } });
    await user.selectOptions(within(form).getByRole("combobox", { name: "语言" }), "en-US");
    await user.click(within(form).getByRole("button", { name: "保存设置" }));
    await screen.findByText(en.settings.savedWithGenerate);
    expect(harness.saved).toEqual([{ asOf: "2023-12-31", language: "en-US" }]);
    // The pane now speaks the workbook's language, and validation judges at the stored day.
    await user.click(screen.getByRole("button", { name: "Validate" }));
    await screen.findByText(/^Validated/u);
    expect(screen.getByText("As of: 2023-12-31")).toBeTruthy();
    // Task 44's deadline is known now: no warning about the publication date at 截止日期 (J47).
    const list = await screen.findByRole("listbox");
    expect(
      within(list)
        .queryAllByRole("option")
        .map((o) => o.dataset.code),
    ).not.toContain("publication_date_not_set");
  });
});
