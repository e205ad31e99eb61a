import {
  fileNameOfUrl,
  readWorkbookName,
  type WorkbookNameSources,
} from "../../../src/hosts/excel/readWorkbookName";

/** Sources whose Excel knows the workbook as `name` (or refuses), with ExcelApi up to `api`. */
function sources(options: {
  readonly name?: string;
  readonly refuses?: boolean;
  readonly api: number;
  readonly url?: string;
}): WorkbookNameSources & { readonly syncs: () => number } {
  let syncs = 0;
  let loaded = false;
  const workbook = {
    get name(): string {
      if (!loaded) throw new Error("PropertyNotLoaded: name");
      return options.name ?? "";
    },
    load: () => {
      loaded = true;
    },
  };
  return {
    run: async (batch) => {
      if (options.refuses === true) throw new Error("GeneralException");
      return batch({
        workbook,
        sync: () => {
          syncs += 1;
          return Promise.resolve();
        },
      });
    },
    isSetSupported: (set, version) => set === "ExcelApi" && Number(version) <= options.api,
    documentUrl: () => options.url,
    syncs: () => syncs,
  };
}

describe("the open workbook's name for a unit's cover (下发自)", () => {
  it("asks Excel for Workbook.name where ExcelApi 1.7 is there, in one sync", async () => {
    const excel = sources({ name: "柳州市2023年度计划.xlsx", api: 1.9, url: "C:\\other.xlsx" });
    await expect(readWorkbookName(excel)).resolves.toBe("柳州市2023年度计划.xlsx");
    expect(excel.syncs()).toBe(1);
  });

  it("falls back to the document URL's file name in an Excel older than ExcelApi 1.7", async () => {
    const excel = sources({
      name: "unused.xlsx",
      api: 1.6,
      url: "https://x.sharepoint.cn/局/柳州%20计划.xlsx?web=1",
    });
    await expect(readWorkbookName(excel)).resolves.toBe("柳州 计划.xlsx");
    expect(excel.syncs()).toBe(0);
  });

  it("falls back to the document URL when Excel refuses or names nothing, and says null when nothing is known", async () => {
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(
      readWorkbookName(sources({ refuses: true, api: 1.9, url: "D:/办公/柳州.xlsx" })),
    ).resolves.toBe("柳州.xlsx");
    await expect(readWorkbookName(sources({ name: "  ", api: 1.9, url: "" }))).resolves.toBeNull();
    jest.restoreAllMocks();
  });

  it.each([
    ["C:\\局\\柳州市2023.xlsx", "柳州市2023.xlsx"],
    ["https://x/a/b%E6%9F%B3.xlsx#x", "b柳.xlsx"],
    ["https://x/a/100%.xlsx", "100%.xlsx"],
    ["https://x/a/", null],
    ["", null],
    [undefined, null],
  ])("reads the file name of %p as %p", (url, name) => {
    expect(fileNameOfUrl(url)).toBe(name);
  });
});
