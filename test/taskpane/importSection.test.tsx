/**
 * @jest-environment jsdom
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { importPaneMessages } from "../../src/taskpane/import/messages/importPaneMessages";
import { taskPaneMessages } from "../../src/taskpane/messages/taskPaneMessages";
import type { SelectedCells } from "../../src/taskpane/paneHost";
import { exportFixtureBytes, exportFixtureGrid, type ExportFixture } from "../core/import/exportFixtures";
import { exportAsXlsx } from "../hosts/xlsx/exportXlsx";
import { makeHarness, renderPane, type PaneHarness } from "./paneHarness";

// The pane renders with Fluent in jsdom and runs the real engine: a test takes seconds.
jest.setTimeout(60_000);

const zh = taskPaneMessages("zh-CN");
const words = importPaneMessages("zh-CN");
const wordsEn = importPaneMessages("en-US");

function exportFile(fixture: ExportFixture, name: string = fixture): File {
  return new File([exportFixtureBytes(fixture) as BlobPart], name, { type: "text/csv" });
}

async function generated(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole("button", { name: zh.generateButton }));
  await screen.findByText(zh.doneTitle);
}

async function openImport(user: ReturnType<typeof userEvent.setup>, text = words): Promise<HTMLElement> {
  await user.click(screen.getByRole("button", { name: text.openButton }));
  return screen.findByRole("region", { name: text.heading });
}

/** 监测数据's data rows as the in-memory workbook holds them. */
function monitoringRows(harness: PaneHarness): number {
  const used = harness.book.sheet("监测数据")?.usedRect();
  return used ? used.row + used.rowCount - 3 : 0;
}

describe("导入监测数据 in the task pane", () => {
  beforeEach(() => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("previews a picked CSV with its counts, reasons and unknown names, then appends on the click", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness);
    await generated(user);
    const section = await openImport(user);
    await user.upload(within(section).getByTestId("import-file"), exportFile("national-realtime.csv"));

    const preview = await within(section).findByRole("list", { name: words.previewTitle });
    expect(within(preview).getByText("读取 39 行")).toBeTruthy();
    expect(within(preview).getByText(/^新增 34 行（其中 1 行站点非正常/u)).toBeTruthy();
    expect(within(section).getByText(/^第 42 行：采样时间“12-31 20:00”未写年份/u)).toBeTruthy();
    expect(
      within(section).getByText(
        "写入备注：水质类别、电导率(μS/cm)、浊度(NTU)、叶绿素α(mg/L)、藻密度(cells/L)",
      ),
    ).toBeTruthy();
    expect(within(section).getByLabelText(words.unmatchedName("南宁老口", 2, 40))).toBeTruthy();
    expect(monitoringRows(harness)).toBe(0); // the preview wrote nothing

    await user.click(within(section).getByRole("button", { name: words.importButton(34) }));
    await within(section).findByText(words.done(34, "监测数据"));
    expect(monitoringRows(harness)).toBe(34);
  });

  it("imports the rows of a name the user maps to a plan point, and saves the mapping", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    renderPane(harness);
    await generated(user);
    const section = await openImport(user);
    await user.upload(within(section).getByTestId("import-file"), exportFile("national-realtime.csv"));
    const choice = await within(section).findByLabelText(words.unmatchedName("南宁老口", 2, 40));
    expect((choice as HTMLSelectElement).value).toBe("");
    await user.selectOptions(choice, "浮石");
    await within(section).findByRole("button", { name: words.importButton(36) });
    await user.click(within(section).getByRole("button", { name: words.importButton(36) }));
    await within(section).findByText(words.savedMappings([{ name: "南宁老口", point: "浮石" }]));
    expect(monitoringRows(harness)).toBe(36);
  });

  it("takes the range the user selected, and says so when it is empty", async () => {
    const user = userEvent.setup();
    const harness = makeHarness();
    let selection: SelectedCells = { sheet: "Sheet1", address: "Sheet1!A1:A1", values: [[""]] };
    const host = { ...harness.host, readSelection: () => Promise.resolve(selection) };
    renderPane({ ...harness, host });
    await generated(user);
    const section = await openImport(user);
    await user.click(within(section).getByRole("button", { name: words.useSelection }));
    await within(section).findByText(words.selectionEmpty);

    selection = {
      sheet: "Sheet1",
      address: "Sheet1!A1:L14",
      values: exportFixtureGrid("monthly-bulletin.csv"),
    };
    await user.click(within(section).getByRole("button", { name: words.useSelection }));
    await within(section).findByText(words.selectionLabel("Sheet1!A1:L14"));
    await user.click(await within(section).findByRole("button", { name: words.importButton(10) }));
    await within(section).findByText(words.done(10, "监测数据"));
  });

  it("reads a picked .xlsx, offering its sheets", async () => {
    const user = userEvent.setup();
    renderPane(makeHarness());
    await generated(user);
    const section = await openImport(user);
    const xlsx = new File([(await exportAsXlsx("lab-report.csv", "水源地")) as BlobPart], "水源地.xlsx");
    await user.upload(within(section).getByTestId("import-file"), xlsx);
    // The first sheet is the export's notes: no header there, so the user picks the data's sheet.
    await within(section).findByText(/前 30 行中找不到表头/u);
    await user.selectOptions(within(section).getByLabelText(words.sheetLabel), "水源地");
    await within(section).findByRole("button", { name: words.importButton(9) });
  });

  it("asks for the sampling date of an export without a time column, then previews with it", async () => {
    const user = userEvent.setup();
    renderPane(makeHarness());
    await generated(user);
    const section = await openImport(user);
    const csv = new File(["断面名称,pH*,DO,NH3-N\n露塘,7.4,7.5,0.35\n"], "周报.csv", { type: "text/csv" });
    await user.upload(within(section).getByTestId("import-file"), csv);
    await within(section).findByText(words.sampledOnHint);
    await user.type(within(section).getByLabelText(words.sampledOnLabel), "2023-05-11");
    await user.click(within(section).getByRole("button", { name: words.sampledOnRetry }));
    await within(section).findByRole("button", { name: words.importButton(1) });
  });

  it("refuses a file that is neither .xlsx nor .csv, and says to generate first", async () => {
    const user = userEvent.setup();
    renderPane(makeHarness());
    const section = await openImport(user);
    await user.upload(within(section).getByTestId("import-file"), exportFile("lab-report.csv", "报告.xls"));
    await within(section).findByText(words.fileKind("报告.xls"));
    await user.upload(within(section).getByTestId("import-file"), exportFile("lab-report.csv"));
    await within(section).findByText(words.noMonitoringSheet);
  });

  it("speaks English, and leaves the other actions free once it is done", async () => {
    const user = userEvent.setup();
    renderPane(makeHarness(), { locale: "en-US" });
    await user.click(screen.getByRole("button", { name: taskPaneMessages("en-US").generateButton }));
    await screen.findByText(taskPaneMessages("en-US").doneTitle);
    const section = await openImport(user, wordsEn);
    await user.upload(within(section).getByTestId("import-file"), exportFile("lab-report.csv"));
    await within(section).findByText("10 rows read");
    await user.click(within(section).getByRole("button", { name: wordsEn.importButton(9) }));
    await within(section).findByText(wordsEn.done(9, "Monitoring data"));
    await waitFor(() => {
      expect(
        screen
          .getByRole("button", { name: taskPaneMessages("en-US").validateButton })
          .getAttribute("aria-disabled"),
      ).not.toBe("true");
    });
  });
});
