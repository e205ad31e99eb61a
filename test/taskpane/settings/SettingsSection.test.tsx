/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Locale } from "../../../src/core/locale";
import { taskPaneMessages } from "../../../src/taskpane/messages/taskPaneMessages";
import type { StoredSettings } from "../../../src/taskpane/paneHost";
import { SettingsSection } from "../../../src/taskpane/settings/SettingsSection";
import { installBrowserStubs } from "../paneHarness";

beforeAll(installBrowserStubs);

/** Renders the settings and waits for the workbook's publication date (none) to be read. */
async function renderSettings(
  locale: Locale,
  stored: StoredSettings = { asOf: "2023-06-30", language: null },
) {
  const saved: { settings: StoredSettings; publishedOn: string | null | undefined }[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsSection
        id="wp-settings"
        text={taskPaneMessages(locale)}
        stored={stored}
        today="2024-03-01"
        readPublishedOn={() => Promise.resolve(null)}
        busy={false}
        onSave={(settings, publishedOn) => {
          saved.push({ settings, publishedOn });
          return Promise.resolve();
        }}
      />
    </FluentProvider>,
  );
  await act(() => Promise.resolve());
  return saved;
}

describe("the settings' days", () => {
  it("show a day year first in Chinese, whatever the browser's own date format", async () => {
    await renderSettings("zh-CN");
    const asOf = screen.getByLabelText<HTMLInputElement>("统计截止日");
    // Not a date input: those draw the browser's format (月/日/年 on an English system).
    expect(asOf.type).toBe("text");
    expect(asOf.value).toBe("2023-06-30");
    expect(screen.getByLabelText<HTMLInputElement>("计划公布日期").placeholder).toBe("年-月-日");
  });

  it("read a day as Chinese staff write it and store it as YYYY-MM-DD", async () => {
    const user = userEvent.setup();
    const saved = await renderSettings("zh-CN");
    fireEvent.change(screen.getByLabelText("统计截止日"), { target: { value: "2023年12月31日" } });
    fireEvent.change(screen.getByLabelText("计划公布日期"), { target: { value: "2023/3/15" } });
    await user.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => {
      expect(saved).toEqual([
        { settings: { asOf: "2023-12-31", language: null }, publishedOn: "2023-03-15" },
      ]);
    });
  });

  it("refuse a day written month first, in the pane's language", async () => {
    const user = userEvent.setup();
    const saved = await renderSettings("en-US");
    expect(screen.getByLabelText<HTMLInputElement>("Plan publication date").placeholder).toBe("yyyy-mm-dd");
    fireEvent.change(screen.getByLabelText("As-of date"), { target: { value: "12/31/2023" } });
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText(taskPaneMessages("en-US").settings.badDate)).toBeTruthy();
    expect(saved).toEqual([]);
  });
});
