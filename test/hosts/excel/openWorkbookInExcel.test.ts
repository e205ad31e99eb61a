import ExcelJS from "exceljs";
import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { HostError } from "../../../src/hosts/hostError";
import {
  createWorkbookLimitBytes,
  openWorkbookInExcel,
  toBase64,
} from "../../../src/hosts/excel/openWorkbookInExcel";
import { MemoryWorkbook } from "../../../src/hosts/memory/memoryWorkbook";
import { batchXlsxBytes } from "../../../src/hosts/xlsx/batchXlsxBytes";
import { runExampleWorkflow } from "../../../src/workbook/exampleWorkbook";
import { splitWorkbook } from "../../../src/workbook/exchange/splitWorkbook";
import { FakeExcel } from "../../fakes/excel/fakeExcel";

async function unitBytes(): Promise<Uint8Array> {
  const city = new MemoryWorkbook();
  await runExampleWorkflow(city.port, plan, "zh-CN");
  const outcome = await splitWorkbook(city.port, plan, {
    by: "county",
    units: ["鹿寨县"],
    deadline: "2023-07-10",
    source: "",
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return batchXlsxBytes(outcome.units[0]!.batch);
}

describe("opening a unit's workbook in Excel (Excel.createWorkbook, ExcelApi 1.8)", () => {
  it("opens the pane-made .xlsx in a new workbook: its sheets, the cover first, plan sheets protected", async () => {
    const excel = new FakeExcel();
    const bytes = await unitBytes();
    expect(await openWorkbookInExcel(bytes, excel, excel.isSetSupported)).toBe("opened");
    expect(excel.createdWorkbooks).toHaveLength(1);
    const opened = new ExcelJS.Workbook();
    await opened.xlsx.load(Buffer.from(excel.createdWorkbooks[0]!) as unknown as ArrayBuffer);
    const names = opened.worksheets.map((s) => s.name);
    expect(names[0]).toBe("填报说明");
    expect(names).toContain("附件1 任务清单");
    const tasks = opened.getWorksheet("附件1 任务清单") as unknown as {
      sheetProtection?: { sheet?: boolean };
    };
    expect(tasks.sheetProtection?.sheet).toBe(true);
  });

  it("says unsupported in an Excel without ExcelApi 1.8, asking nothing of it", async () => {
    const excel = new FakeExcel({ excelApi: "1.7" });
    expect(await openWorkbookInExcel(await unitBytes(), excel, excel.isSetSupported)).toBe("unsupported");
    expect(excel.createdWorkbooks).toEqual([]);
    // The fake refuses it too, as Excel would.
    await expect(excel.createWorkbook(toBase64(await unitBytes()))).rejects.toMatchObject({
      code: "ApiNotFound",
    });
  });

  it("says too large past the payload limit, which the fake Excel enforces too", async () => {
    const excel = new FakeExcel();
    const big = new Uint8Array(Math.ceil((createWorkbookLimitBytes / 4) * 3) + 3);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await openWorkbookInExcel(big, excel, excel.isSetSupported)).toBe("too_large");
    const past = new Uint8Array(Math.ceil((excel.payloadLimitBytes / 4) * 3) + 3);
    past.set([0x50, 0x4b, 0x03, 0x04]);
    await expect(excel.createWorkbook(toBase64(past))).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
    expect(excel.createdWorkbooks).toEqual([]);
  });

  it("turns Excel's refusal into a HostError", async () => {
    const excel = new FakeExcel();
    const notAWorkbook = new TextEncoder().encode("plain text");
    const failure = await openWorkbookInExcel(notAWorkbook, excel, excel.isSetSupported).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).code).toBe("excel_rejected");
  });

  it.each([0, 1, 2, 3, 4, 5, 100_000])("writes base64 as Node does (%i bytes)", (length) => {
    const bytes = new Uint8Array(length).map((_, i) => (i * 37 + 11) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
