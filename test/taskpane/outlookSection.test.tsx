/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { liuzhou2023Plan as plan } from "../../src/core/plan/builtinPlans";
import { writeExampleEntries } from "../../src/workbook/exampleEntries";
import { generateWorkbook } from "../../src/workbook/generateWorkbook";
import { makeHarness, renderPane, type PaneHarness } from "./paneHarness";

// Fluent in jsdom over the real engine, and the .docx writer: seconds on a busy machine.
jest.setTimeout(60_000);

/** The example half year, typed in before the pane opens (as `npm run demo` does). */
async function exampleBook(harness: PaneHarness): Promise<void> {
  await generateWorkbook(harness.book.port, plan, { locale: "zh-CN", publishedOn: "2023-03-20" });
  await writeExampleEntries(harness.book.port, plan, "zh-CN");
  await generateWorkbook(harness.book.port, plan, { locale: "zh-CN" });
}

describe("the pane's 预警, class grid and 生成进展报告", () => {
  beforeEach(() => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("shows the warned parameter, the month grid coloured by class, and downloads the report", async () => {
    const user = userEvent.setup();
    const base = makeHarness();
    await exampleBook(base);
    const files: { bytes: Uint8Array; fileName: string; type: string }[] = [];
    const harness: PaneHarness = {
      ...base,
      host: {
        ...base.host,
        saveFile: (bytes, fileName, type) => {
          files.push({ bytes, fileName, type });
          return Promise.resolve("saved");
        },
      },
    };
    renderPane(harness);
    await user.click(screen.getByRole("button", { name: "生成汇总" }));
    const heading = await screen.findByRole("heading", { name: "预警（达标倒推）" });
    const section = heading.closest("section");
    if (!section) throw new Error("no outlook section");
    expect(within(section).getByText("露塘 氨氮：年均值 0.593，限值 0.5")).toBeTruthy();
    expect(within(section).getByText("剩余月份均值须不高于 0.407")).toBeTruthy();
    expect(within(section).getByText("已超标；最近一月超出余量")).toBeTruthy();
    const grid = within(section).getByRole("table");
    const rows = within(grid).getAllByRole("row");
    expect(rows).toHaveLength(22);
    const lutang = rows.find((r) => r.textContent.startsWith("露塘"));
    const june = lutang?.querySelectorAll("td")[6];
    expect(june?.textContent).toBe("Ⅲ");
    expect(june?.getAttribute("style")).toContain("background-color");
    expect(lutang?.querySelectorAll("td")[7]?.textContent).toBe("");

    await user.click(within(section).getByRole("button", { name: "生成进展报告" }));
    // Building and packing the .docx takes seconds in jsdom.
    await within(section).findByText(/已下载 进展报告-2023-06-30\.docx/u, {}, { timeout: 30_000 });
    expect(files).toHaveLength(1);
    expect(files[0]?.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    // A zip: the .docx container.
    expect(Array.from(files[0]?.bytes.slice(0, 2) ?? new Uint8Array())).toEqual([0x50, 0x4b]);
  });

  it("says where to draft the report when the host allows no download", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    await exampleBook(harness);
    renderPane(harness);
    await user.click(screen.getByRole("button", { name: "生成汇总" }));
    await user.click(await screen.findByRole("button", { name: "生成进展报告" }));
    expect(
      await screen.findByText(/Excel 桌面版不允许加载项下载文件/u, {}, { timeout: 30_000 }),
    ).toBeTruthy();
  });
});
