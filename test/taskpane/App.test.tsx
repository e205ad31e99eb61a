import { renderToString } from "react-dom/server";
import { HostError } from "../../src/hosts/hostError";
import { App, type GenerateStatus, StatusView } from "../../src/taskpane/App";
import { taskPaneMessages } from "../../src/taskpane/messages/taskPaneMessages";

/** The text a user reads, tags stripped (the markup is Fluent's business). */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function statusText(status: GenerateStatus, locale: "zh-CN" | "en-US" = "zh-CN"): string {
  return visibleText(
    renderToString(
      <StatusView status={status} locale={locale} text={taskPaneMessages(locale)} listClassName="" />,
    ),
  );
}

const neverCalled = () => Promise.reject(new Error("not clicked in a server render"));

describe("the task pane", () => {
  it("speaks Chinese by default: title, plan and the Generate button", () => {
    const text = visibleText(
      renderToString(
        <App
          locale="zh-CN"
          planTitle="柳州市 2023 年度水污染防治工作计划"
          generate={neverCalled}
          iconUrl={null}
        />,
      ),
    );
    expect(text).toContain("水污染防治计划助手");
    expect(text).toContain("计划：柳州市 2023 年度水污染防治工作计划");
    expect(text).toContain("生成计划表格");
  });

  it("speaks English when Office displays English", () => {
    const text = visibleText(
      renderToString(<App locale="en-US" planTitle="Liuzhou plan" generate={neverCalled} iconUrl={null} />),
    );
    expect(text).toContain("Water Plan for Excel");
    expect(text).toContain("Generate plan sheets");
    expect(text).not.toMatch(/\p{Script=Han}/u);
  });

  it("shows a spinner with a label while generating", () => {
    expect(statusText({ kind: "running" })).toContain("正在生成工作表");
  });

  it("reports the sheets created and updated and the entries kept", () => {
    const text = statusText({
      kind: "done",
      outcome: {
        ok: true,
        created: ["附件1 任务清单", "监测数据"],
        updated: ["附件2 国控断面"],
        keptEntries: 12,
      },
    });
    expect(text).toContain("新建 2 张工作表：附件1 任务清单、监测数据");
    expect(text).toContain("更新 1 张工作表：附件2 国控断面");
    expect(text).toContain("保留已填报数据 12 项");
  });

  it("names the sheet it would not overwrite when a plan sheet's name is taken", () => {
    const text = statusText({
      kind: "done",
      outcome: { ok: false, problems: [{ code: "sheet_name_taken", sheet: "监测数据" }] },
    });
    expect(text).toContain("未生成，工作簿没有改动");
    expect(text).toContain("“监测数据”");
  });

  it("shows a host error's title and its message, never swallowing it", () => {
    const error = new HostError("excel_rejected", "The workbook is protected.");
    const zh = statusText({ kind: "failed", error });
    expect(zh).toContain("Excel 拒绝了本次操作");
    expect(zh).toContain("The workbook is protected.");
    expect(statusText({ kind: "failed", error }, "en-US")).toContain("Excel rejected the request");
  });

  it("shows any other error's message too", () => {
    expect(statusText({ kind: "failed", error: new Error("boom") })).toContain("生成时出错 boom");
    expect(statusText({ kind: "failed", error: "plain string" })).toContain("plain string");
  });

  it("has a title for every host error code in both languages", () => {
    const codes = [
      "file_unavailable",
      "not_a_workbook",
      "excel_rejected",
      "payload_too_large",
      "api_unsupported",
    ] as const;
    for (const locale of ["zh-CN", "en-US"] as const) {
      const titles = codes.map((code) => taskPaneMessages(locale).hostErrorTitle(code));
      expect(new Set(titles).size).toBe(codes.length);
    }
  });
});
