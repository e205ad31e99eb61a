/**
 * @jest-environment jsdom
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { scopeUnits } from "../../src/core/plan/planScope";
import { splitPaneMessages } from "../../src/taskpane/exchange/messages/splitPaneMessages";
import { taskPaneMessages } from "../../src/taskpane/messages/taskPaneMessages";
import type { PaneHost } from "../../src/taskpane/paneHost";
import { makeHarness, renderPane, type PaneHarness } from "./paneHarness";

// The pane renders with Fluent in jsdom and runs the real engine: a test takes seconds.
jest.setTimeout(60_000);

const zh = taskPaneMessages("zh-CN");
const words = splitPaneMessages("zh-CN");
const wordsEn = splitPaneMessages("en-US");

interface Delivered {
  readonly opened: Uint8Array[];
  readonly saved: { readonly bytes: Uint8Array; readonly fileName: string }[];
}

/** The harness with a host that opens workbooks (as Excel) and/or downloads (as the preview). */
function withFiles(
  options: { readonly open?: "opened" | "unsupported" | "too_large"; readonly save?: boolean },
  harness: PaneHarness = makeHarness(),
): { harness: PaneHarness; delivered: Delivered } {
  const delivered: Delivered = { opened: [], saved: [] };
  const host: PaneHost = {
    ...harness.host,
    ...(options.open === undefined
      ? {}
      : {
          openWorkbook: (bytes: Uint8Array) => {
            if (options.open === "opened") delivered.opened.push(bytes);
            return Promise.resolve(options.open!);
          },
        }),
    ...(options.save === false
      ? {}
      : {
          saveFile: (bytes: Uint8Array, fileName: string) => {
            delivered.saved.push({ bytes, fileName });
            return Promise.resolve("saved" as const);
          },
        }),
  };
  return { harness: { ...harness, host }, delivered };
}

async function generated(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole("button", { name: zh.generateButton }));
  await screen.findByText(zh.doneTitle);
}

async function openSplit(user: ReturnType<typeof userEvent.setup>, text = words): Promise<HTMLElement> {
  await user.click(screen.getByRole("button", { name: text.openButton }));
  return screen.findByRole("region", { name: text.heading });
}

async function sheetNamesOf(bytes: Uint8Array): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book.worksheets.map((s) => s.name);
}

describe("下发填报表 in the task pane", () => {
  beforeAll(() => {
    // jsdom lacks CSS.escape, which user-event uses to walk a radio group with the arrow keys.
    const css = (window as { CSS?: { escape?: (value: string) => string } }).CSS;
    if (css?.escape === undefined) {
      Object.assign(window, {
        CSS: { ...css, escape: (value: string) => value.replace(/[^\w-]/gu, (c) => `\\${c}`) },
      });
    }
  });

  beforeEach(() => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("lists the counties with their rows and downloads one county's workbook, deadline on its cover (the preview)", async () => {
    const user = userEvent.setup();
    const { harness, delivered } = withFiles({ save: true });
    renderPane(harness);
    await generated(user);
    const section = await openSplit(user);
    await user.click(within(section).getByRole("radio", { name: words.by("county") }));
    await user.type(within(section).getByRole("textbox", { name: words.deadlineLabel }), "2023-07-10");
    await user.click(within(section).getByRole("button", { name: words.listButton }));

    const counties = scopeUnits(plan, "county");
    const units = await within(section).findByRole("list", {
      name: words.unitsHeading(counties.length, "county"),
    });
    expect(within(units).getAllByRole("listitem")).toHaveLength(counties.length);
    expect(within(units).getByText(new RegExp(`^柳江区：\\d+ 行`, "u"))).toBeTruthy();

    await user.click(within(units).getByRole("button", { name: words.deliverOneLabel(false, "柳江区") }));
    await within(section).findByText(words.downloaded(delivered.saved[0]?.fileName ?? "?"));
    expect(delivered.saved).toHaveLength(1);
    expect(delivered.saved[0]!.fileName).toMatch(/柳江区\.xlsx$/u);
    const names = await sheetNamesOf(delivered.saved[0]!.bytes);
    expect(names[0]).toBe("填报说明");
    expect(names).toContain("附件1 任务清单");
    const cover = new ExcelJS.Workbook();
    await cover.xlsx.load(Buffer.from(delivered.saved[0]!.bytes) as unknown as ArrayBuffer);
    const coverText: string[] = [];
    cover.getWorksheet("填报说明")!.eachRow((row) => {
      row.eachCell((cell) => coverText.push(cell.text));
    });
    expect(coverText.join("\n")).toContain("2023-07-10");
  });

  it("writes where the unit's form came from (下发自) on its cover: the open file's name, else the plan's title", async () => {
    const fromLine = async (bytes: Uint8Array): Promise<string[]> => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const rows: string[][] = [];
      book.getWorksheet("填报说明")!.eachRow((row) => {
        const cells: string[] = [];
        row.eachCell((cell) => cells.push(cell.text));
        rows.push(cells);
      });
      return rows.find((cells) => cells[0] === "下发自") ?? [];
    };
    const deliverLiujiang = async (harness: PaneHarness, saved: Delivered["saved"]): Promise<Uint8Array> => {
      const user = userEvent.setup();
      const view = renderPane(harness);
      await generated(user);
      const section = await openSplit(user);
      await user.click(within(section).getByRole("radio", { name: words.by("county") }));
      await user.click(within(section).getByRole("button", { name: words.listButton }));
      await user.click(
        await within(section).findByRole("button", { name: words.deliverOneLabel(false, "柳江区") }),
      );
      await waitFor(() => {
        expect(saved).toHaveLength(1);
      });
      view.unmount();
      return saved[0]!.bytes;
    };

    // The preview opens no file: the plan's own title stands for the city's workbook.
    const preview = withFiles({ save: true });
    expect(await fromLine(await deliverLiujiang(preview.harness, preview.delivered.saved))).toEqual([
      "下发自",
      plan.title,
    ]);

    // Excel tells the open workbook's name (Workbook.name), as the command line writes the file's name.
    const excel = withFiles({ save: true });
    const named = {
      ...excel.harness,
      host: { ...excel.harness.host, workbookName: () => Promise.resolve("柳州市汇总.xlsx") },
    };
    expect(await fromLine(await deliverLiujiang(named, excel.delivered.saved))).toEqual([
      "下发自",
      "柳州市汇总.xlsx",
    ]);
  });

  it("opens every lead unit's workbook in Excel with one click, saying so for each", async () => {
    const user = userEvent.setup();
    const { harness, delivered } = withFiles({ open: "opened" });
    renderPane(harness);
    await generated(user);
    const section = await openSplit(user);
    await user.click(within(section).getByRole("button", { name: words.listButton }));
    const leads = scopeUnits(plan, "lead");
    await within(section).findByText(words.unitsHeading(leads.length, "lead"));
    await user.click(within(section).getByRole("button", { name: words.deliverAll(true, leads.length) }));
    await waitFor(() => {
      expect(delivered.opened).toHaveLength(leads.length);
    });
    await waitFor(() => {
      expect(within(section).getAllByText(/已在新的 Excel 窗口中打开/u)).toHaveLength(leads.length);
    });
    expect(delivered.saved).toEqual([]);
  });

  it("downloads instead where Excel cannot open a new workbook, and says why", async () => {
    const user = userEvent.setup();
    const { harness, delivered } = withFiles({ open: "unsupported", save: true });
    renderPane(harness);
    await generated(user);
    const section = await openSplit(user);
    await user.click(within(section).getByRole("radio", { name: words.by("county") }));
    await user.click(within(section).getByRole("button", { name: words.listButton }));
    await user.click(
      await within(section).findByRole("button", { name: words.deliverOneLabel(true, "鹿寨县") }),
    );
    await waitFor(() => {
      expect(delivered.saved).toHaveLength(1);
    });
    expect(
      await within(section).findByText(words.fellBack("unsupported", delivered.saved[0]!.fileName)),
    ).toBeTruthy();
  });

  it("says so where the host can neither open nor download (Excel on the desktop without createWorkbook)", async () => {
    const user = userEvent.setup();
    const { harness } = withFiles({ open: "unsupported", save: false });
    renderPane(harness);
    await generated(user);
    const section = await openSplit(user);
    await user.click(within(section).getByRole("button", { name: words.listButton }));
    const leads = scopeUnits(plan, "lead");
    await user.click(
      await within(section).findByRole("button", { name: words.deliverOneLabel(true, leads[0]!) }),
    );
    expect(await within(section).findByText(/water-plan split/u)).toBeTruthy();
  });

  it("refuses a deadline that is no day, and a workbook the add-in did not make, with a message", async () => {
    const user = userEvent.setup();
    const { harness } = withFiles({ save: true });
    renderPane(harness);
    const section = await openSplit(user);
    const deadline = within(section).getByRole("textbox", { name: words.deadlineLabel });
    await user.type(deadline, "7月10日");
    expect(await within(section).findByText(words.deadlineInvalid)).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: words.listButton }));
    expect(within(section).queryByText(words.problemTitle)).toBeNull();
    await user.clear(deadline);
    await user.click(within(section).getByRole("button", { name: words.listButton }));
    expect(await within(section).findByText(words.notAddInWorkbook)).toBeTruthy();
  });

  it("speaks English and is reachable by keyboard alone", async () => {
    const user = userEvent.setup();
    const { harness, delivered } = withFiles({ save: true });
    renderPane(harness, { locale: "en-US" });
    await user.click(screen.getByRole("button", { name: taskPaneMessages("en-US").generateButton }));
    await screen.findByText(taskPaneMessages("en-US").doneTitle);

    const toggle = screen.getByRole("button", { name: wordsEn.openButton });
    toggle.focus();
    await user.keyboard("{Enter}");
    const section = await screen.findByRole("region", { name: wordsEn.heading });
    // Tab to the choice of lead unit, arrow to county, tab to the deadline and on to List.
    await user.tab();
    expect(document.activeElement).toBe(within(section).getByRole("radio", { name: wordsEn.by("lead") }));
    await user.keyboard("{ArrowRight}");
    expect(within(section).getByRole<HTMLInputElement>("radio", { name: wordsEn.by("county") }).checked).toBe(
      true,
    );
    await user.tab();
    expect(document.activeElement).toBe(
      within(section).getByRole("textbox", { name: wordsEn.deadlineLabel }),
    );
    await user.tab();
    expect(document.activeElement).toBe(within(section).getByRole("button", { name: wordsEn.listButton }));
    await user.keyboard("{Enter}");
    const counties = scopeUnits(plan, "county");
    await within(section).findByText(wordsEn.unitsHeading(counties.length, "county"));
    await user.tab();
    expect(document.activeElement).toBe(
      within(section).getByRole("button", { name: wordsEn.deliverAll(false, counties.length) }),
    );
    await user.tab();
    expect(document.activeElement).toBe(
      within(section).getByRole("button", { name: wordsEn.deliverOneLabel(false, counties[0]!) }),
    );
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(delivered.saved).toHaveLength(1);
    });
    expect(await within(section).findByText(wordsEn.downloaded(delivered.saved[0]!.fileName))).toBeTruthy();
    expect(await sheetNamesOf(delivered.saved[0]!.bytes)).toContain("Instructions");
  });
});
